#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "euiomkb/euiomkb.hpp"
#include "test_support.hpp"

namespace euiomkb {
namespace {

using test::TempPath;

const std::map<std::string, std::string> kDocuments = {
    {"notes-2026.txt",
     "Field notes.\nThe twelfth EU-IOM Senior Officials Meeting was held in\nGeneva on 2 March "
     "2026, chaired by William L. Swing.\n"}};

std::optional<std::string> documents(const std::string& name) {
  auto found = kDocuments.find(name);
  if (found == kDocuments.end()) return std::nullopt;
  return found->second;
}

const std::string kSourceRecord =
    "source notes\n"
    "  file: notes-2026.txt\n"
    "  title: Field notes\n"
    "  language: en\n"
    "\n";

const std::string kMeetingRecord =
    "meeting som-12-test\n"
    "  series: SOM\n"
    "  sequence_no: 12\n"
    "  title: 12th EU-IOM Senior Officials Meeting\n"
    "  held_on: 2026-03-02\n"
    "  location: Geneva\n"
    "  cite: notes | The twelfth EU-IOM Senior Officials Meeting was held in Geneva on 2 March "
    "2026\n"
    "\n";

class ImportTest : public ::testing::Test {
 protected:
  void SetUp() override { KnowledgeBase::create_seeded(path_.str()); }
  KnowledgeBase open() { return KnowledgeBase::open(path_.str(), KnowledgeBase::Mode::read_write); }
  TempPath path_;
};

TEST_F(ImportTest, UserFactsLoadThroughTheSeedPathAndAreCited) {
  KnowledgeBase kb = open();
  Counts before = kb.counts();
  ImportSummary summary =
      kb.import_facts({{"notes.facts", kSourceRecord + kMeetingRecord +
                                           "attendance\n"
                                           "  meeting: som-12-test\n"
                                           "  person: william-swing\n"
                                           "  role: co-chair\n"
                                           "  attested_as: reported\n"
                                           "  cite: notes | chaired by William L. Swing\n"}},
                      documents);
  EXPECT_EQ(summary.records, 3);
  EXPECT_EQ(summary.citations, 2);
  Counts after = kb.counts();
  EXPECT_EQ(after.sources, before.sources + 1);
  EXPECT_EQ(after.meetings, before.meetings + 1);
  auto meeting = kb.meetings().by_sequence("SOM", 12);
  ASSERT_TRUE(meeting.has_value());
  EXPECT_EQ(meeting->location, "Geneva");
  EXPECT_EQ(meeting->held_on, PartialDate(2026, 3, 2));
  auto attendance = kb.meetings().attendance(meeting->id);
  ASSERT_EQ(attendance.size(), 1u);
  EXPECT_EQ(attendance[0].person, "William Lacy Swing");
  auto cites = kb.citations_for(*meeting);
  ASSERT_EQ(cites.size(), 1u);
  EXPECT_EQ(cites[0].file_name, "notes-2026.txt");
  EXPECT_TRUE(kb.verify().ok());
  EXPECT_FALSE(kb.search("Geneva").empty());
}

// An import checks what it touched: a fault already in the database (here a row added behind
// the library's back, without a citation) neither blocks it nor goes away; `verify` still
// reports it. What the import adds is checked in full (the tests of bad_inputs/).
TEST_F(ImportTest, AnImportChecksWhatItTouchedNotWhatWasThere) {
  test::raw_exec(path_.str(),
                 "INSERT INTO topic (meeting_id, label) SELECT min(meeting_id), 'uncited' "
                 "FROM meeting");
  KnowledgeBase kb = open();
  ASSERT_FALSE(kb.verify().ok());
  ImportSummary summary =
      kb.import_facts({{"notes.facts", kSourceRecord + kMeetingRecord}}, documents);
  EXPECT_EQ(summary.records, 2);
  ASSERT_TRUE(kb.meetings().by_sequence("SOM", 12).has_value());
  VerificationReport after = kb.verify();
  ASSERT_EQ(after.failures.size(), 1u);
  EXPECT_EQ(after.failures[0].rule, "uncited");
  EXPECT_EQ(after.failures[0].subject_type, "topic");
}

// A topic or a meeting's organisation without attested_as is 'reported' (files written before
// migration 0013 import as they are); 'announced' is kept as written.
TEST_F(ImportTest, TopicsAndOrganisationsWithoutAttestedAsAreReported) {
  KnowledgeBase kb = open();
  const std::string cite =
      "  cite: notes | The twelfth EU-IOM Senior Officials Meeting was held in Geneva\n\n";
  kb.import_facts({{"notes.facts", kSourceRecord + kMeetingRecord +
                                       "topic\n  meeting: som-12-test\n  label: Geneva\n" + cite +
                                       "topic\n  meeting: som-12-test\n  label: Twelfth\n"
                                       "  attested_as: announced\n" +
                                       cite +
                                       "meeting_organisation\n  meeting: som-12-test\n"
                                       "  organisation: iom\n  role: participant\n" +
                                       cite}},
                  documents);
  auto meeting = kb.meetings().by_sequence("SOM", 12);
  ASSERT_TRUE(meeting.has_value());
  std::vector<std::string> topics;
  for (const Topic& t : kb.meetings().topics(meeting->id))
    topics.push_back(t.label + " " + t.attested_as);
  EXPECT_EQ(topics, (std::vector<std::string>{"Geneva reported", "Twelfth announced"}));
  auto organisations = kb.meetings().organisations(meeting->id);
  ASSERT_EQ(organisations.size(), 1u);
  EXPECT_EQ(organisations[0].attested_as, "reported");
  EXPECT_TRUE(kb.verify().ok());
}

struct BadInput {
  const char* name;
  std::string facts;
  int line;
  const char* field;
  const char* message;
};

// Names the case in test listings instead of dumping its bytes.
void PrintTo(const BadInput& bad, std::ostream* out) { *out << bad.name; }

class BadImportTest : public ImportTest, public ::testing::WithParamInterface<BadInput> {};

TEST_P(BadImportTest, FailsNamingFileLineAndFieldAndLeavesDatabaseUnchanged) {
  const BadInput& bad = GetParam();
  std::string before = test::file_hash(path_.str());
  {
    KnowledgeBase kb = open();
    Counts counts = kb.counts();
    try {
      kb.import_facts({{"good.facts", kSourceRecord}, {"user.facts", bad.facts}}, documents);
      FAIL() << "imported bad input";
    } catch (const ImportError& e) {
      EXPECT_EQ(e.file(), "user.facts") << e.what();
      EXPECT_EQ(e.line(), bad.line) << e.what();
      EXPECT_EQ(e.field(), bad.field) << e.what();
      EXPECT_NE(std::string(e.what()).find(bad.message), std::string::npos) << e.what();
    }
    EXPECT_EQ(kb.counts().sources, counts.sources);
    EXPECT_EQ(kb.counts().citations, counts.citations);
  }
  EXPECT_EQ(test::file_hash(path_.str()), before);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, BadImportTest,
    ::testing::Values(
        BadInput{"UnknownField", kMeetingRecord + "topic\n  meeting: som-12-test\n  colour: red\n",
                 11, "colour", "not a field of topic"},
        BadInput{"BadDate",
                 "meeting m\n  title: x\n  held_on: 2026-13-01\n  cite: notes | Field notes\n", 3,
                 "held_on", "not a date"},
        BadInput{"UnknownReference",
                 "attendance\n  meeting: nowhere\n  person: william-swing\n  role: host\n"
                 "  attested_as: reported\n  cite: notes | Field notes\n",
                 2, "meeting", "no meeting with key 'nowhere'"},
        BadInput{"QuoteNotInSource", "meeting m\n  title: x\n  cite: notes | held in Paris\n", 3,
                 "cite", "quotation not found"},
        BadInput{"EnumerationViolated",
                 kMeetingRecord +
                     "attendance\n  meeting: som-12-test\n  person: william-swing\n"
                     "  role: chairman\n  attested_as: reported\n  cite: notes | Field notes\n",
                 12, "role", "not one of the allowed values; expected one of: co-chair, host"},
        BadInput{"AttestedAsOfATopic",
                 kMeetingRecord + "topic\n  meeting: som-12-test\n  label: x\n"
                                  "  attested_as: expected\n  cite: notes | Field notes\n",
                 12, "attested_as",
                 "not one of the allowed values; expected one of: announced, reported"},
        BadInput{"DuplicateKey", "person william-swing\n  name: W\n  cite: notes | Field notes\n",
                 1, "", "already exists"},
        BadInput{"MissingCitation", "meeting m\n  title: Uncited meeting\n", 1, "cite",
                 "needs at least one citation"},
        BadInput{"MissingRequiredField",
                 "meeting m\n  held_on: 2026\n  cite: notes | Field notes\n", 1, "title",
                 "required"},
        BadInput{"UnknownDocument",
                 "source other\n  file: missing.txt\n  title: t\n  language: en\n", 2, "file",
                 "no document named 'missing.txt'"},
        BadInput{"UnknownKind", "committee c\n  name: x\n", 1, "", "unknown record kind"},
        BadInput{"CitationOnUncitedKind", "theme t\n  name: A theme\n  cite: notes | Field notes\n",
                 3, "cite", "take no citations"},
        BadInput{"UnknownSeries",
                 "meeting m\n  series: som\n  title: x\n  cite: notes | Field notes\n", 2, "series",
                 "not a meeting series"},
        BadInput{"OrdinalOutOfRange",
                 "meeting m\n  sequence_no: 4294967308\n  title: x\n  cite: notes | Field notes\n",
                 2, "sequence_no", "not a count"},
        BadInput{"DuplicateAlias",
                 "person_alias\n  person: william-swing\n  alias: William L. Swing\n"
                 "  cite: notes | William L. Swing\n",
                 3, "alias", "UNIQUE constraint failed"},
        BadInput{"InvalidUtf8InFactFile", "meeting m\n  title: caf\xE9\n", 2, "title",
                 "not valid UTF-8"}),
    [](const ::testing::TestParamInfo<BadInput>& param) { return std::string(param.param.name); });

TEST_F(ImportTest, InvalidUtf8DocumentIsRefused) {
  KnowledgeBase kb = open();
  auto latin1 = [](const std::string&) -> std::optional<std::string> { return "caf\xE9 notes"; };
  try {
    kb.import_facts({{"notes.facts", kSourceRecord}}, latin1);
    FAIL() << "imported a document that is not UTF-8";
  } catch (const ImportError& e) {
    EXPECT_EQ(e.line(), 2);
    EXPECT_EQ(e.field(), "file");
  }
}

TEST_F(ImportTest, SameFactsTwiceAreRefusedTheSecondTime) {
  const std::string statement =
      "statement\n  person: william-swing\n  kind: reported\n"
      "  text: Swing chaired the twelfth meeting.\n  cite: notes | chaired by William L. Swing\n";
  KnowledgeBase kb = open();
  kb.import_facts({{"a.facts", kSourceRecord}}, documents);
  kb.import_facts({{"b.facts", statement}}, documents);
  EXPECT_THROW(kb.import_facts({{"b.facts", statement}}, documents), ImportError);
}

TEST_F(ImportTest, FailedImportDoesNotSpoilTheNextOne) {
  KnowledgeBase kb = open();
  const std::string bad_role =
      kMeetingRecord +
      "attendance\n  meeting: som-12-test\n  person: william-swing\n  role: chairman\n"
      "  attested_as: reported\n  cite: notes | Field notes\n"
      "  cite_note: a test fixture; every import runs verify(), whose support check needs a note "
      "here\n";
  EXPECT_THROW(kb.import_facts({{"a.facts", kSourceRecord + bad_role}}, documents), ImportError);
  // The same statements, now with good values, work on the same connection.
  std::string good = bad_role;
  good.replace(good.find("chairman"), 8, "co-chair");
  EXPECT_NO_THROW(kb.import_facts({{"a.facts", kSourceRecord + good}}, documents));
  EXPECT_TRUE(kb.meetings().by_sequence("SOM", 12).has_value());
}

TEST_F(ImportTest, HashInsideAContinuationIsPartOfTheValue) {
  KnowledgeBase kb = open();
  const std::string facts = kSourceRecord +
                            "meeting m\n  title: Meeting\n  note: first part\n    #second part\n"
                            "  cite: notes | Field notes\n"
                            "  cite_note: a test fixture; every import runs verify(), whose "
                            "support check needs a note here\n";
  kb.import_facts({{"a.facts", facts}}, documents);
  auto all = kb.meetings().all();
  EXPECT_TRUE(
      std::any_of(all.begin(), all.end(), [](const Meeting& m) { return m.title == "Meeting"; }));
  SQLite::Database raw(path_.str());
  EXPECT_EQ(raw.execAndGet("SELECT note FROM meeting WHERE title = 'Meeting'").getString(),
            "first part #second part");
}

TEST_F(ImportTest, AsOfQueriesHonourStatedBounds) {
  KnowledgeBase kb = open();
  const std::string facts =
      kSourceRecord +
      "post chair-of-notes\n  title: Chair of the notes\n  organisation: dg-home\n"
      "  cite: notes | Field notes\n"
      "  cite_note: a test fixture; every import runs verify(), whose support check needs a note "
      "here\n\n"
      "tenure\n  person: william-swing\n  post: chair-of-notes\n  start_date: 2020\n"
      "  cite: notes | chaired by William L. Swing\n\n"
      "organisation_name\n  organisation: dg-home\n  name: Old Home Affairs DG\n"
      "  valid_to: 2019\n  cite: notes | Field notes\n"
      "  cite_note: a test fixture; every import runs verify(), whose support check needs a note "
      "here\n";
  kb.import_facts({{"a.facts", facts}}, documents);
  // Started in 2020 with no end stated: held from then on, not before.
  EXPECT_EQ(kb.people().holders_on("Chair of the notes", "DG HOME", PartialDate(2024)).size(), 1u);
  EXPECT_EQ(kb.people().holders_on("Chair of the notes", "DG HOME", PartialDate(2020)).size(), 1u);
  EXPECT_TRUE(kb.people().holders_on("Chair of the notes", "DG HOME", PartialDate(2019)).empty());
  auto home = kb.organisations().by_short_name("DG HOME");
  EXPECT_EQ(kb.organisations().name_on(home->id, PartialDate(2018)), "Old Home Affairs DG");
  // After the stated validity the old name is not chosen; DG HOME's full name is first written
  // in 2025, so for 2024 the short name stands.
  EXPECT_EQ(kb.organisations().name_on(home->id, PartialDate(2024)), "DG HOME");
  EXPECT_EQ(kb.organisations().name_on(home->id, PartialDate(2025)), home->name);
}

TEST_F(ImportTest, ReadOnlyDatabaseRefusesImport) {
  KnowledgeBase kb = KnowledgeBase::open(path_.str());
  EXPECT_THROW(kb.import_facts({{"notes.facts", kSourceRecord}}, documents), DatabaseError);
}

}  // namespace
}  // namespace euiomkb
