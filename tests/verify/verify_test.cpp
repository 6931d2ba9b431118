#include "verify/verify.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Transaction.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "euiomkb/euiomkb.hpp"
#include "sqlite/connection.hpp"
#include "test_support.hpp"

namespace euiomkb {
namespace {

using test::TempPath;

class VerifyTest : public ::testing::Test {
 protected:
  void SetUp() override { KnowledgeBase::create_seeded(path_.str()); }
  // Applies `sql` behind the library's back, then returns the problems verify() reports.
  std::vector<std::string> problems_after(const std::string& sql) {
    test::raw_exec(path_.str(), sql);
    return KnowledgeBase::open(path_.str()).verify().problems;
  }
  static bool any_contains(const std::vector<std::string>& problems, const std::string& part) {
    for (const auto& p : problems)
      if (p.find(part) != std::string::npos) return true;
    return false;
  }
  TempPath path_;
};

TEST_F(VerifyTest, SeedPassesEveryCheck) {
  VerificationReport report = KnowledgeBase::open(path_.str()).verify();
  EXPECT_TRUE(report.ok()) << (report.problems.empty() ? "" : report.problems.front());
  EXPECT_GT(report.citations_checked, 100);
  EXPECT_GT(report.rows_checked, 100);
}

TEST_F(VerifyTest, TamperedQuotationFails) {
  auto problems = problems_after(
      "UPDATE citation SET quote = replace(quote, 'IOM', 'UNHCR') "
      "WHERE citation_id = (SELECT min(citation_id) FROM citation WHERE quote LIKE '%IOM%')");
  EXPECT_TRUE(any_contains(problems, "quotation not found")) << problems.size();
}

TEST_F(VerifyTest, ShiftedOffsetsFail) {
  auto problems = problems_after(
      "UPDATE citation SET start_offset = start_offset + 3, end_offset = end_offset + 3 "
      "WHERE citation_id = (SELECT max(citation_id) FROM citation)");
  EXPECT_TRUE(any_contains(problems, "at its offsets"));
}

TEST_F(VerifyTest, CitationOfMissingRecordFails) {
  auto problems = problems_after(
      "INSERT INTO citation (subject_type, subject_id, source_id, quote, start_offset, end_offset) "
      "SELECT 'meeting', 999999, source_id, quote, start_offset, end_offset FROM citation LIMIT 1");
  EXPECT_TRUE(any_contains(problems, "cites a missing meeting 999999"));
}

TEST_F(VerifyTest, DanglingForeignKeyFails) {
  auto problems = problems_after(
      "PRAGMA foreign_keys = OFF; INSERT INTO attendance (meeting_id, person_id, role, "
      "attested_as) SELECT min(meeting_id), 999999, 'participant', 'reported' FROM meeting");
  EXPECT_TRUE(any_contains(problems, "foreign_key_check: attendance"));
}

TEST_F(VerifyTest, CitationOfMissingSourceIsReportedNotThrown) {
  auto problems = problems_after(
      "PRAGMA foreign_keys = OFF; UPDATE citation SET source_id = 999999 "
      "WHERE citation_id = (SELECT min(citation_id) FROM citation)");
  EXPECT_TRUE(any_contains(problems, "foreign_key_check: citation"));
}

TEST_F(VerifyTest, UncitedRowFails) {
  auto problems = problems_after(
      "INSERT INTO topic (meeting_id, label) SELECT min(meeting_id), 'an uncited topic' "
      "FROM meeting");
  EXPECT_TRUE(any_contains(problems, "has no citation"));
}

TEST_F(VerifyTest, TwoPreferredValuesFail) {
  auto problems = problems_after("UPDATE claim SET preferred = 1");
  EXPECT_TRUE(any_contains(problems, "preferred values instead of one"));
}

TEST_F(VerifyTest, EditedSourceTextFails) {
  auto problems = problems_after(
      "UPDATE source SET text = text || ' ' WHERE source_id = (SELECT min(source_id) FROM source)");
  EXPECT_TRUE(any_contains(problems, "SHA-256 mismatch"));
}

// --- The search index: damage the b-tree check cannot see --------------------------------------

// Flips one bit of one byte of a value of an FTS5 shadow table of kb_search, behind the library's
// back: what a damaged sector inside a row's payload does (the pages stay well-formed b-tree
// pages, so PRAGMA integrity_check says ok). The byte is the one in the middle of the value.
void flip_byte(const std::string& path, const std::string& table, const std::string& column,
               const std::string& where) {
  SQLite::Database db(path, SQLite::OPEN_READWRITE);
  SQLite::Statement read(db, "SELECT " + column + " FROM " + table + " WHERE " + where);
  ASSERT_TRUE(read.executeStep()) << table << " " << where;
  const auto* bytes = static_cast<const char*>(read.getColumn(0).getBlob());
  std::string value(bytes, static_cast<std::size_t>(read.getColumn(0).getBytes()));
  ASSERT_FALSE(value.empty());
  bool text = read.getColumn(0).isText();
  value[value.size() / 2] = static_cast<char>(value[value.size() / 2] ^ 0x04);
  SQLite::Statement write(db, "UPDATE " + table + " SET " + column + " = ? WHERE " + where);
  if (text)
    write.bind(1, value);
  else
    write.bind(1, value.data(), static_cast<int>(value.size()));
  ASSERT_EQ(write.exec(), 1);
  ASSERT_EQ(db.execAndGet("PRAGMA integrity_check").getString(), "ok");
}

struct Damage {
  const char* name;  // of the test
  const char* table;
  const char* column;
  const char* where;  // the row
};

void PrintTo(const Damage& damage, std::ostream* out) { *out << damage.name; }

class SearchIndexDamage : public VerifyTest, public ::testing::WithParamInterface<Damage> {};

TEST_P(SearchIndexDamage, IsFoundAndNamesTheTable) {
  const Damage& damage = GetParam();
  ASSERT_NO_FATAL_FAILURE(flip_byte(path_.str(), damage.table, damage.column, damage.where));
  // Read-only, as `euiomkb verify` opens it, and read-write outside a transaction.
  for (auto mode : {KnowledgeBase::Mode::read_only, KnowledgeBase::Mode::read_write}) {
    VerificationReport report = KnowledgeBase::open(path_.str(), mode).verify();
    std::vector<VerificationFailure> found;
    for (const VerificationFailure& f : report.failures)
      if (f.rule == "search-index") found.push_back(f);
    ASSERT_EQ(found.size(), 1u) << ::testing::PrintToString(report.problems);
    EXPECT_NE(found[0].message.find("search index kb_search is damaged"), std::string::npos)
        << found[0].message;
  }
  // The check leaves nothing behind: its copy was in TEMP, and the file is as it was.
  std::string before = test::file_hash(path_.str());
  KnowledgeBase kb = KnowledgeBase::open(path_.str());
  EXPECT_FALSE(kb.verify().ok());
  EXPECT_FALSE(kb.verify().ok());
  EXPECT_EQ(test::file_hash(path_.str()), before);
}

// Leaves of the index (rowids of segment pages are above 10, the structure record), the
// per-row token counts, and the indexed text itself.
INSTANTIATE_TEST_SUITE_P(
    VerifyTest, SearchIndexDamage,
    ::testing::Values(Damage{"FirstLeaf", "kb_search_data", "block",
                             "id = (SELECT min(id) FROM kb_search_data WHERE id > 10)"},
                      Damage{"LargestLeaf", "kb_search_data", "block",
                             "id = (SELECT id FROM kb_search_data WHERE id > 10 "
                             "ORDER BY length(block) DESC, id LIMIT 1)"},
                      Damage{"LastLeaf", "kb_search_data", "block",
                             "id = (SELECT max(id) FROM kb_search_data)"},
                      Damage{"TokenCounts", "kb_search_docsize", "sz",
                             "id = (SELECT min(id) FROM kb_search_docsize)"},
                      Damage{"IndexedText", "kb_search_content", "c3",
                             "id = (SELECT min(id) FROM kb_search_content WHERE length(c3) > 40)"}),
    [](const ::testing::TestParamInfo<Damage>& param) { return std::string(param.param.name); });

// An import checks what it touched; the index check reads the whole index (its cost grows
// with the database), so it stays with verify(), which still finds the damage after an import.
TEST_F(VerifyTest, ADamagedSearchIndexIsLeftToVerifyNotToAnImport) {
  flip_byte(path_.str(), "kb_search_docsize", "sz", "id = (SELECT max(id) FROM kb_search_docsize)");
  KnowledgeBase kb = KnowledgeBase::open(path_.str(), KnowledgeBase::Mode::read_write);
  std::string facts = (std::filesystem::temp_directory_path() /
                       ("euiomkb-verify-" + std::to_string(std::random_device()()) + ".facts"))
                          .string();
  std::ofstream(facts) << "theme damage\n  name: Damage\n  description: nothing cited\n";
  ImportReport report = kb.import_files({facts});
  std::filesystem::remove(facts);
  ASSERT_EQ(report.outcome, ImportOutcome::imported)
      << (report.problems.empty() ? "" : report.problems[0].message);
  bool named = false;
  for (const std::string& problem : kb.verify().problems)
    named = named || problem.find("search index kb_search is damaged") != std::string::npos;
  EXPECT_TRUE(named);
}

// --- The support check: each rule catches a deliberately wrong citation ---------------------

class SupportTest : public VerifyTest {
 protected:
  // The failures verify() reports after `sql`, each also listed among the problems.
  std::vector<VerificationFailure> failures_after(const std::string& sql) {
    test::raw_exec(path_.str(), sql);
    VerificationReport report = KnowledgeBase::open(path_.str()).verify();
    EXPECT_EQ(report.failures.size(), report.problems.size());
    for (std::size_t i = 0; i < report.failures.size() && i < report.problems.size(); ++i)
      EXPECT_EQ(report.failures[i].message, report.problems[i]);
    return report.failures;
  }
  static std::vector<VerificationFailure> by_rule(const std::vector<VerificationFailure>& all,
                                                  const std::string& rule) {
    std::vector<VerificationFailure> out;
    for (const auto& f : all)
      if (f.rule == rule) out.push_back(f);
    return out;
  }
};

// Amy Pope's attendance at the 11th SOM, cited with a passage of the same release that names
// only Beate Gminder.
constexpr const char* kPopeCitedWithGminder = R"sql(
INSERT INTO citation (subject_type, subject_id, source_id, quote, start_offset, end_offset, note)
SELECT 'attendance', (SELECT attendance_id FROM v_attendance WHERE person = 'Amy Pope'
                       AND series = 'SOM' AND sequence_no = 11 LIMIT 1),
       source_id, quote, start_offset, end_offset, %NOTE%
  FROM citation
 WHERE subject_type = 'person_alias' AND quote LIKE 'Acting DG Gminder emphasized%' LIMIT 1;
)sql";

// The second SOM reported as held by the undated FAQ, which announces the first.
constexpr const char* kSecondSomReportedByTheFaq =
    "INSERT INTO citation (subject_type, subject_id, source_id, quote, start_offset, "
    "end_offset, note) SELECT 'meeting_date', (SELECT meeting_date_id FROM v_meeting_date "
    "WHERE series = 'SOM' AND sequence_no = 2 AND attested_as = 'reported'), c.source_id, "
    "c.quote, c.start_offset, c.end_offset, 'deliberately wrong' FROM citation c JOIN "
    "source s USING (source_id) WHERE s.file_name = '000_a0d3ddcd3abb330b.txt' AND "
    "c.quote = 'The first SOM takes place on 3 May.' LIMIT 1";

// Swing at the first SOM, cited from the 2016 release, which names him but not that meeting.
constexpr const char* kSwingAtTheFirstSomFrom2016 =
    "INSERT INTO citation (subject_type, subject_id, source_id, quote, start_offset, "
    "end_offset) SELECT 'attendance', (SELECT attendance_id FROM v_attendance WHERE person = "
    "'William Lacy Swing' AND series = 'SOM' AND sequence_no = 1), c.source_id, c.quote, "
    "c.start_offset, c.end_offset FROM citation c JOIN source s USING (source_id) WHERE "
    "s.file_name = '001_cb2c0eae87dd4d3f.txt' AND c.quote LIKE 'William L. Swing, Director "
    "General of IOM%' LIMIT 1";

std::string with_note(const std::string& note) {
  std::string sql = kPopeCitedWithGminder;
  return sql.replace(sql.find("%NOTE%"), 6, note);
}

TEST_F(SupportTest, APassageThatDoesNotNameTheSubjectFails) {
  auto failures = by_rule(failures_after(with_note("NULL")), "names-subject");
  ASSERT_EQ(failures.size(), 1u);
  EXPECT_EQ(failures[0].subject_type, "attendance");
  EXPECT_TRUE(failures[0].citation_id.has_value());
  EXPECT_EQ(failures[0].source, "002_c62c9d0eb1eff114.txt");
  EXPECT_NE(failures[0].quote.find("Gminder"), std::string::npos);
  EXPECT_NE(failures[0].message.find("Amy Pope"), std::string::npos) << failures[0].message;
}

TEST_F(SupportTest, NamesAreMatchedAsWholeWords) {
  // "EUR" and "European Commission" do not name the EU.
  auto failures =
      by_rule(failures_after(
                  "INSERT INTO citation (subject_type, subject_id, source_id, quote, "
                  "start_offset, end_offset) SELECT 'organisation', (SELECT organisation_id FROM "
                  "organisation WHERE short_name = 'EU'), source_id, quote, start_offset, "
                  "end_offset FROM citation WHERE quote LIKE 'Overall European Commission "
                  "funding to IOM reached over EUR%' LIMIT 1"),
              "names-subject");
  ASSERT_EQ(failures.size(), 1u);
  EXPECT_EQ(failures[0].subject_type, "organisation");
}

TEST_F(SupportTest, ANoteSayingWhyThePassageSupportsTheRowIsAccepted) {
  auto failures = failures_after(with_note("'the co-chairs are named together'"));
  EXPECT_TRUE(by_rule(failures, "names-subject").empty());
  EXPECT_TRUE(failures.empty()) << failures.front().message;
}

TEST_F(SupportTest, ADocumentPublishedBeforeAnEventCannotReportIt) {
  // IOM's release, dated a day early: it can no longer report the meeting of 4 April 2025.
  auto failures = by_rule(failures_after("UPDATE source SET published = '2025-04-03' WHERE "
                                         "file_name = '002_c62c9d0eb1eff114.txt'"),
                          "published-before-event");
  ASSERT_FALSE(failures.empty());
  std::set<std::string> kinds;
  for (const auto& f : failures) {
    kinds.insert(f.subject_type);
    EXPECT_EQ(f.source, "002_c62c9d0eb1eff114.txt");
    EXPECT_TRUE(f.citation_id && f.subject_id);
  }
  EXPECT_TRUE(kinds.count("attendance")) << "Amy Pope's reported attendance";
  EXPECT_TRUE(kinds.count("meeting_date")) << "the meeting reported as held";
}

TEST_F(SupportTest, AnUndatedDocumentWrittenBeforeAMeetingItAnnouncesCannotReportLaterEvents) {
  // The FAQ has no date, but it announces the first SOM (3 May 2013): it cannot report the
  // second one (1 October 2014) as held.
  auto failures = by_rule(failures_after(kSecondSomReportedByTheFaq), "published-before-event");
  ASSERT_EQ(failures.size(), 1u);
  EXPECT_EQ(failures[0].subject_type, "meeting_date");
  EXPECT_NE(failures[0].message.find("written by 2013-05-03"), std::string::npos)
      << failures[0].message;
}

TEST_F(SupportTest, AnnouncingAMeetingAheadIsNoFault) {
  // The EEAS announcement of the 2nd SOM is dated the day of the meeting; a day earlier it still
  // announces (attested_as 'announced'), so nothing fails.
  auto failures = failures_after(
      "UPDATE source SET published = '2014-09-30' WHERE "
      "file_name = '003_f41a909b4bc26263.txt'");
  EXPECT_TRUE(by_rule(failures, "published-before-event").empty())
      << (failures.empty() ? "" : failures.front().message);
}

TEST_F(SupportTest, AnAgendaAnnouncedAheadCannotBeStoredAsReported) {
  // The EEAS announcement, dated a day before the 2nd SOM, is the only document of its topics:
  // marked 'reported', they would say what was discussed on the word of a text written before.
  auto failures = by_rule(
      failures_after("UPDATE source SET published = '2014-09-30' WHERE file_name = "
                     "'003_f41a909b4bc26263.txt'; UPDATE topic SET attested_as = 'reported' "
                     "WHERE topic_id IN (SELECT topic_id FROM v_meeting_topic WHERE series = "
                     "'SOM' AND sequence_no = 2)"),
      "published-before-event");
  ASSERT_FALSE(failures.empty());
  for (const auto& f : failures) EXPECT_EQ(f.subject_type, "topic") << f.message;
}

TEST_F(SupportTest, ParticipantsAreCitedFromDocumentsThatDescribeTheMeeting) {
  auto failures = by_rule(failures_after(kSwingAtTheFirstSomFrom2016), "describes-meeting");
  ASSERT_EQ(failures.size(), 1u);
  EXPECT_EQ(failures[0].subject_type, "attendance");
  EXPECT_EQ(failures[0].source, "001_cb2c0eae87dd4d3f.txt");
}

TEST_F(SupportTest, EveryFailureNamesItsRule) {
  auto failures = failures_after(
      "UPDATE citation SET quote = replace(quote, 'IOM', 'UNHCR') WHERE citation_id = "
      "(SELECT min(citation_id) FROM citation WHERE quote LIKE '%IOM%')");
  ASSERT_EQ(failures.size(), 1u);
  EXPECT_EQ(failures[0].rule, "quotation");
  EXPECT_TRUE(failures[0].citation_id.has_value());
  EXPECT_FALSE(failures[0].subject_type.empty());
}

// The library lists its checks (verify prints them from there): a failure of any kind names
// one of them, and each is listed once.
TEST_F(SupportTest, EveryRuleAFailureNamesIsAListedCheck) {
  auto failures = failures_after(
      "PRAGMA foreign_keys = OFF; "
      "UPDATE citation SET quote = replace(quote, 'IOM', 'UNHCR') WHERE citation_id = "
      "(SELECT min(citation_id) FROM citation WHERE quote LIKE '%IOM%'); "
      "INSERT INTO citation (subject_type, subject_id, source_id, quote, start_offset, end_offset) "
      "SELECT 'meeting', 999999, source_id, quote, start_offset, end_offset FROM citation LIMIT 1; "
      "INSERT INTO attendance (meeting_id, person_id, role, attested_as) "
      "SELECT min(meeting_id), 999999, 'participant', 'reported' FROM meeting; "
      "INSERT INTO topic (meeting_id, label) SELECT min(meeting_id), 'uncited' FROM meeting; "
      "UPDATE claim SET preferred = 1; " +
      with_note("NULL"));
  std::vector<std::string> listed;
  for (const VerificationCheck& c : verification_checks()) listed.emplace_back(c.rule);
  EXPECT_EQ(std::set<std::string>(listed.begin(), listed.end()).size(), listed.size());
  std::set<std::string> seen;
  for (const VerificationFailure& f : failures) {
    EXPECT_NE(std::find(listed.begin(), listed.end(), f.rule), listed.end()) << f.rule;
    seen.insert(f.rule);
  }
  EXPECT_GE(seen.size(), 6u);
}

// --- The checks an import runs: what it touched (detail::VerificationScope) ----------------

// Rows added after the mark, one change at a time, each with the rule it breaks. The seed passes
// every check, so whatever the whole database's checks find is in what was added.
struct Change {
  const char* name;
  std::string sql;
  const char* rule;
};

std::vector<Change> changes() {
  return {
      {"an uncited topic",
       "INSERT INTO topic (meeting_id, label) SELECT min(meeting_id), 'uncited' FROM meeting",
       "uncited"},
      {"a quotation not in its source",
       "INSERT INTO citation (subject_type, subject_id, source_id, quote, start_offset, "
       "end_offset) SELECT subject_type, subject_id, source_id, 'not in the source', "
       "start_offset + 1, end_offset + 1 FROM citation ORDER BY citation_id LIMIT 1",
       "quotation"},
      {"a citation of a missing meeting",
       "INSERT INTO citation (subject_type, subject_id, source_id, quote, start_offset, "
       "end_offset) SELECT 'meeting', 999999, source_id, quote, start_offset, end_offset "
       "FROM citation LIMIT 1",
       "dangling-citation"},
      {"a second preferred value",
       "INSERT INTO claim (subject, subject_type, subject_id, attribute, value, preferred, "
       "reason) SELECT subject, subject_type, subject_id, attribute, value || ' (copy)', 1, "
       "reason FROM claim WHERE preferred = 1 LIMIT 1",
       "claim-preferred"},
      {"a passage that does not name the subject", with_note("NULL"), "names-subject"},
      {"an undated document reporting a later meeting", kSecondSomReportedByTheFaq,
       "published-before-event"},
      {"a document that does not describe the meeting", kSwingAtTheFirstSomFrom2016,
       "describes-meeting"},
  };
}

std::vector<std::string> messages_of(const VerificationReport& report) {
  std::vector<std::string> out;
  for (const VerificationFailure& f : report.failures) out.push_back(f.rule + ": " + f.message);
  return out;
}

TEST_F(SupportTest, AnImportsChecksFindInWhatItAddedWhatTheWholeChecksFind) {
  for (const Change& change : changes()) {
    detail::Connection connection(path_.str(), SQLite::OPEN_READWRITE);
    SQLite::Transaction transaction(connection.db());  // rolled back: each change on the seed
    auto scope = detail::VerificationScope::mark(connection);
    connection.exec(change.sql);
    VerificationReport scoped = detail::verify_database(connection, &scope);
    VerificationReport whole = detail::verify_database(connection);
    EXPECT_EQ(messages_of(scoped), messages_of(whole)) << change.name;
    EXPECT_TRUE(std::any_of(scoped.failures.begin(), scoped.failures.end(), [&](const auto& f) {
      return f.rule == change.rule;
    })) << change.name;
    EXPECT_LT(scoped.citations_checked, whole.citations_checked) << change.name;
  }
}

TEST_F(SupportTest, AnImportsChecksLeaveOutWhatWasThereBefore) {
  test::raw_exec(path_.str(), changes().front().sql);  // an uncited topic, before the mark
  detail::Connection connection(path_.str(), SQLite::OPEN_READWRITE);
  SQLite::Transaction transaction(connection.db());
  auto scope = detail::VerificationScope::mark(connection);
  // A second citation of a meeting (the first one's passage less its last character).
  connection.exec(
      "INSERT INTO citation (subject_type, subject_id, source_id, quote, start_offset, "
      "end_offset, note) SELECT subject_type, subject_id, source_id, "
      "substr(quote, 1, length(quote) - 1), start_offset, end_offset - 1, 'a shorter passage' "
      "FROM citation WHERE subject_type = 'meeting' AND substr(quote, -1) GLOB '[a-z0-9.]' "
      "ORDER BY citation_id LIMIT 1");
  VerificationReport scoped = detail::verify_database(connection, &scope);
  EXPECT_TRUE(scoped.ok()) << messages_of(scoped).front();
  EXPECT_GE(scoped.citations_checked, 2) << "every citation of the row the new one backs";
  VerificationReport whole = detail::verify_database(connection);
  ASSERT_EQ(whole.failures.size(), 1u);
  EXPECT_EQ(whole.failures[0].rule, "uncited");
}

// A row changed in place (an import's replacement repoints what refers to what it replaced) is
// checked like a new one.
TEST_F(SupportTest, AnImportsChecksCoverTheRowsItChangedInPlace) {
  detail::Connection connection(path_.str(), SQLite::OPEN_READWRITE);
  SQLite::Transaction transaction(connection.db());
  auto scope = detail::VerificationScope::mark(connection);
  connection.exec(
      "UPDATE citation SET quote = 'changed' WHERE citation_id = (SELECT min(citation_id) "
      "FROM citation)");
  EXPECT_TRUE(detail::verify_database(connection, &scope).ok());
  auto& first = connection.prepare("SELECT min(citation_id) FROM citation");
  ASSERT_TRUE(first.executeStep());
  scope.touch("citation", first.getColumn(0).getInt64());
  first.reset();
  VerificationReport scoped = detail::verify_database(connection, &scope);
  ASSERT_FALSE(scoped.ok());
  EXPECT_EQ(scoped.failures[0].rule, "quotation");
}

TEST_F(SupportTest, VerifyReportsItsProgressBySource) {
  KnowledgeBase kb = KnowledgeBase::open(path_.str());
  std::vector<std::pair<std::int64_t, std::int64_t>> calls;
  VerificationReport report =
      kb.verify([&](std::int64_t done, std::int64_t total) { calls.emplace_back(done, total); });
  ASSERT_TRUE(report.ok());
  ASSERT_EQ(calls.size(), static_cast<std::size_t>(kb.counts().sources));
  for (std::size_t i = 1; i < calls.size(); ++i) EXPECT_GT(calls[i].first, calls[i - 1].first);
  EXPECT_EQ(calls.back().first, report.citations_checked);
  EXPECT_EQ(calls.back().second, report.citations_checked);
}

}  // namespace
}  // namespace euiomkb
