// The seeded database read through its documented views: facts about series and between
// agreements, the kind of each date, the 'inferred' basis, document metadata and siblings.
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "euiomkb/euiomkb.hpp"
#include "kb/embedded.hpp"
#include "kinds/record_kinds.hpp"
#include "seeded_suite.hpp"
#include "test_support.hpp"
#include "verify/verify.hpp"

namespace euiomkb {
namespace {

using test::TempPath;

class Truth : public test::SeededFileSuite {
 protected:
  // The first column of each row of `sql` (values bound in order), as text.
  static std::vector<std::string> column(const std::string& sql,
                                         const std::vector<std::string>& values = {}) {
    SQLite::Statement s(db(), sql);
    for (std::size_t i = 0; i < values.size(); ++i) s.bind(static_cast<int>(i + 1), values[i]);
    std::vector<std::string> out;
    while (s.executeStep())
      out.push_back(s.getColumn(0).isNull() ? "NULL" : s.getColumn(0).getString());
    return out;
  }
  // File names of the sources citing (subject_type, subject_id), sorted, once each.
  static std::vector<std::string> sources_of(const std::string& type, const std::string& id) {
    return column(
        "SELECT DISTINCT file_name FROM v_citation WHERE subject_type = ? AND subject_id = ? "
        "ORDER BY file_name",
        {type, id});
  }
};

constexpr const char* kFaq = "000_a0d3ddcd3abb330b.txt";
constexpr const char* kEc = "001_cb2c0eae87dd4d3f.txt";
constexpr const char* kIom = "002_c62c9d0eb1eff114.txt";
constexpr const char* kEeas = "003_f41a909b4bc26263.txt";
constexpr const char* kRo = "004_209ce294fba026b0.txt";
using V = std::vector<std::string>;

TEST_F(Truth, SeriesFactsSayHowOftenAndHowManyEachCited) {
  auto faq = column(
      "SELECT series_fact_id FROM v_series_fact WHERE series = 'HOU' AND attribute = 'frequency'");
  ASSERT_EQ(faq.size(), 1u);
  EXPECT_EQ(column("SELECT value FROM v_series_fact WHERE series_fact_id = ?", faq),
            V{"two each year"});
  EXPECT_EQ(sources_of("series_fact", faq[0]), V{kFaq});
  EXPECT_EQ(column("SELECT coalesce(as_of, 'undated') FROM v_series_fact WHERE series = 'HOU' "
                   "AND attribute = 'count' AND value = '4 since 2013' ORDER BY as_of"),
            (V{"undated", "2016-02-16"}));
  EXPECT_EQ(column("SELECT value FROM v_series_fact WHERE series = 'SOM' AND attribute = 'count' "
                   "ORDER BY as_of"),
            (V{"2", "3", "11"}));
  EXPECT_EQ(column("SELECT count(*) FROM v_series_fact f WHERE basis = 'document' AND NOT EXISTS "
                   "(SELECT 1 FROM v_citation c WHERE c.subject_type = 'series_fact' "
                   "AND c.subject_id = f.series_fact_id)"),
            V{"0"});
  // The FAQ's two a year beside the later count of four since 2013: not a claim pair (a count
  // is not a frequency); the frequency's note names the counts.
  EXPECT_EQ(column("SELECT count(*) FROM claim WHERE subject_type = 'series_fact'"), V{"0"});
  EXPECT_EQ(
      column("SELECT instr(note, 'four') > 0 FROM v_series_fact WHERE series_fact_id = ?", faq),
      V{"1"});
}

TEST_F(Truth, TheFrameworkFollowsOnTheFrameworkAgreementInThreeDocuments) {
  EXPECT_EQ(column("SELECT agreement || ' | ' || relation || ' | ' || other_agreement "
                   "FROM v_agreement_relation"),
            V{"EU-IOM Strategic Cooperation Framework | follows on | Framework Agreement"});
  auto id = column("SELECT agreement_relation_id FROM v_agreement_relation");
  EXPECT_EQ(sources_of("agreement_relation", id.at(0)), (V{kFaq, kEeas, kRo}));
}

TEST_F(Truth, DatesKeepTheKindTheDocumentStates) {
  auto dated = [&](const std::string& event, const std::string& on) {
    auto id = column(
        "SELECT agreement_date_id FROM v_agreement_date WHERE agreement = "
        "'EU-IOM Strategic Cooperation Framework' AND event = ? AND on_date = ?",
        {event, on});
    return id.empty() ? V{} : sources_of("agreement_date", id[0]);
  };
  EXPECT_EQ(dated("established", "2012-07"), (V{kFaq, kEc, kIom, kEeas}));
  EXPECT_EQ(dated("signed", "2012-06"), V{kRo});
  EXPECT_EQ(dated("established", "2012-06"), V{}) << "June is a signing, not an establishment";
  EXPECT_EQ(column("SELECT count(*) FROM v_agreement_date WHERE event IN ('concluded', "
                   "'in force')"),
            V{"0"});
  EXPECT_EQ(column("SELECT count(*) FROM agreement WHERE concluded_on IS NOT NULL OR "
                   "in_force_from IS NOT NULL"),
            V{"0"})
      << "no document says when an agreement was concluded or entered into force";
  // A meeting announced ahead and reported afterwards: two rows, each from its documents.
  EXPECT_EQ(column("SELECT attested_as || ' ' || held_on || ' ' || basis FROM v_meeting_date "
                   "WHERE series = 'SOM' AND sequence_no = 1 ORDER BY attested_as"),
            (V{"announced 2013-05-03 inferred", "reported 2013-05-03 document"}));
  EXPECT_EQ(column("SELECT attested_as FROM v_meeting_date WHERE series = 'SOM' AND "
                   "sequence_no = 11"),
            V{"reported"});
}

TEST_F(Truth, InferredRowsSayWhichReadingAndAreStillCited) {
  EXPECT_EQ(column("SELECT organisation FROM v_organisation_parent WHERE basis = 'inferred' AND "
                   "parent = 'IOM'"),
            V{"IOM RO Brussels"});
  EXPECT_EQ(column("SELECT basis FROM v_organisation_name WHERE organisation = 'DG DEVCO' AND "
                   "name = 'International Cooperation and Development Directorate-General'"),
            V{"inferred"});
  for (const char* view : {"v_organisation_parent", "v_organisation_name", "v_meeting_date"}) {
    EXPECT_EQ(column(std::string("SELECT count(*) FROM ") + view +
                     " WHERE basis = 'inferred' AND (note IS NULL OR note = '')"),
              V{"0"})
        << view;
  }
  EXPECT_EQ(column("SELECT count(*) FROM organisation_parent p WHERE basis = 'inferred' AND NOT "
                   "EXISTS (SELECT 1 FROM citation c WHERE c.subject_type = "
                   "'organisation_parent' AND c.subject_id = p.organisation_parent_id)"),
            V{"0"});
}

// One rule for the navigation list at the end of iom-2025 (countries,
// regions, offices): it is the site's menu, not a statement of the document, so none of it is
// recorded, neither the countries nor the offices the first audit had loaded.
TEST_F(Truth, ASiteNavigationListIsNotAStatementOfItsDocument) {
  for (const char* entry : {"Afghanistan", "Global Office in Brussels",
                            "Manila Administrative Centre", "Asia and the Pacific"}) {
    EXPECT_EQ(
        column("SELECT count(*) FROM v_citation WHERE file_name = ? AND quote = ?", {kIom, entry}),
        V{"0"})
        << entry;
    EXPECT_EQ(column("SELECT count(*) FROM organisation WHERE short_name = ? OR name = ?",
                     {entry, entry}),
              V{"0"})
        << entry;
  }
}

// An organisation's short name is one a document writes (no "IOM PPSU" that no document has),
// or an abbreviation its documents use for a parent's unit ("IOM RO Brussels": "RO Brussels").
TEST_F(Truth, ShortNamesAreWordsTheDocumentsUse) {
  EXPECT_EQ(
      column("SELECT short_name FROM organisation WHERE organisation_id = (SELECT row_id FROM "
             "record_key WHERE kind = 'organisation' AND key = 'iom-ppsu')"),
      V{"Policy and Programme Support Unit"});
  EXPECT_EQ(column("SELECT count(*) FROM source WHERE instr(text, 'PPSU') > 0"), V{"0"});
}

// Announced is not reported: the agendas of SOMs 1 to 3 were given before the meetings, those of
// SOM 11 afterwards; an organisation only announced (the EU in the FAQ) says so.
TEST_F(Truth, AnnouncedAgendasAreNotReportsOfWhatWasDiscussed) {
  EXPECT_EQ(column("SELECT sequence_no || ' ' || attested_as || ' ' || count(*) FROM "
                   "v_meeting_topic WHERE series = 'SOM' GROUP BY sequence_no, attested_as "
                   "ORDER BY sequence_no"),
            (V{"1 announced 5", "2 announced 5", "3 announced 4", "11 reported 15"}));
  EXPECT_EQ(column("SELECT attested_as FROM v_meeting_organisation WHERE series = 'SOM' AND "
                   "sequence_no = 1 AND organisation = 'EU'"),
            V{"announced"});
  EXPECT_EQ(column("SELECT attested_as FROM v_meeting_organisation WHERE series = 'SOM' AND "
                   "sequence_no = 1 AND organisation = 'IOM'"),
            V{"reported"})
      << "the regional office page reports IOM at the first SOM";
  // The rule of migration 0013, run on the seed, gives what the fact files state row by row.
  EXPECT_EQ(column("SELECT count(*) FROM topic t WHERE t.attested_as <> CASE WHEN EXISTS ("
                   "SELECT 1 FROM citation c JOIN citation dc ON dc.source_id = c.source_id AND "
                   "dc.subject_type = 'meeting_date' JOIN meeting_date d ON d.meeting_date_id = "
                   "dc.subject_id AND d.meeting_id = t.meeting_id WHERE c.subject_type = 'topic' "
                   "AND c.subject_id = t.topic_id AND d.attested_as = 'reported') THEN 'reported' "
                   "ELSE 'announced' END"),
            V{"0"});
  // Every SOM the documents describe has the European Commission among its organisations.
  EXPECT_EQ(column("SELECT group_concat(sequence_no, ' ') FROM (SELECT DISTINCT sequence_no FROM "
                   "v_meeting_organisation WHERE series = 'SOM' AND organisation = 'European "
                   "Commission' ORDER BY sequence_no)"),
            V{"1 2 3 11"});
}

// The documents differ on when the framework began: a claim pair says so, July preferred, and
// the founding parties' "since 2012-07" is cited only from the documents that give July.
TEST_F(Truth, TheDocumentsDisagreeOnWhenTheFrameworkBegan) {
  EXPECT_EQ(column("SELECT value || ' ' || preferred || ' ' || file_name FROM v_claim_conflict "
                   "WHERE attribute = 'began' ORDER BY preferred, file_name"),
            (V{std::string("June 2012 (signed) 0 ") + kRo,
               std::string("July 2012 (established) 1 ") + kFaq,
               std::string("July 2012 (established) 1 ") + kEc,
               std::string("July 2012 (established) 1 ") + kIom,
               std::string("July 2012 (established) 1 ") + kEeas}));
  EXPECT_EQ(column("SELECT count(*) FROM v_agreement_party p JOIN v_citation c ON c.subject_type "
                   "= 'agreement_party' AND c.subject_id = p.agreement_party_id WHERE p.since = "
                   "'2012-07' AND c.file_name = ?",
                   {kRo}),
            V{"0"});
  EXPECT_EQ(column("SELECT count(*) FROM v_claim_conflict WHERE attribute = 'frequency'"), V{"0"})
      << "a count (four since 2013) is not a frequency";
}

// Third audit: words given "Ahead of the event" are not stored as said at it, and a post known
// only from the undated FAQ has no date (the FAQ's is not the meeting's day).
TEST_F(Truth, NothingIsDatedOrPlacedByTheMeetingADocumentAnnounces) {
  EXPECT_EQ(column("SELECT coalesce(meeting_id, 'NULL') || ' ' || coalesce(said_on, 'NULL') FROM "
                   "v_statement WHERE person = 'Neven Mimica'"),
            V{"NULL NULL"});
  EXPECT_EQ(
      column("SELECT person FROM v_post_holder h WHERE attested_from IS NULL AND "
             "attested_to IS NULL ORDER BY person"),
      (V{"David O'Sullivan", "Florika Fink-Hooijer", "Klaus Rudischhauser", "Stefano Manservisi"}));
  EXPECT_EQ(column("SELECT count(*) FROM v_post_holder WHERE '2013-05-03' IN (attested_from, "
                   "attested_to)"),
            V{"0"});
}

TEST_F(Truth, ALinkPrintedInADocumentIsNotItsAddress) {
  EXPECT_EQ(column("SELECT coalesce(url, 'NULL') FROM source WHERE file_name = ?", {kFaq}),
            V{"NULL"});
  EXPECT_EQ(column("SELECT count(*) FROM source WHERE url IS NOT NULL AND instr(text, url) > 0"),
            V{"0"});
}

TEST_F(Truth, SiblingsNamedInOneSentenceAreRecordsToo) {
  EXPECT_EQ(column("SELECT short_name FROM v_organisation WHERE short_name IN ('Council', "
                   "'European Commission', 'European Parliament') AND parent_short_name = 'EU' "
                   "ORDER BY short_name"),
            (V{"Council", "European Commission", "European Parliament"}));
  EXPECT_EQ(column("SELECT name FROM organisation WHERE short_name = 'UN'"), V{"United Nations"});
}

TEST_F(Truth, ACiteNoteIsKeptWithItsCitation) {
  EXPECT_GT(std::stoi(column("SELECT count(*) FROM v_citation WHERE note IS NOT NULL").at(0)), 0);
}

TEST(TruthImport, AnInferredRecordWithoutANoteIsRefused) {
  KnowledgeBase kb = KnowledgeBase::create_seeded(":memory:");
  std::vector<FactFile> files = {
      {"mine.facts",
       "organisation_parent\n  organisation: dg-near\n  parent: eu\n  basis: inferred\n"
       "  cite: ec-2016 | DG NEAR is formally joining the group today\n"}};
  try {
    kb.import_facts(files, {});
    FAIL() << "imported an inferred row without a note";
  } catch (const ImportError& e) {
    EXPECT_NE(std::string(e.what()).find("inferred"), std::string::npos) << e.what();
  }
}

// Organisation names and parents written by hand-written SQL take the defaults and rules of the
// schema: basis 'document', the basis enumeration, calendar dates, and the search row of the
// organisation following a new name.
TEST(TruthSchema, OrganisationNamesAndParentsKeepTheirRules) {
  TempPath path;
  KnowledgeBase::create_empty(path.str());
  test::raw_exec(path.str(),
                 "INSERT INTO organisation (organisation_id, short_name, name, kind) VALUES "
                 "(1, 'IOM', 'International Organization for Migration', "
                 "'international_organisation'), "
                 "(2, 'RO', 'Regional Office', 'office');"
                 "INSERT INTO organisation_name (organisation_id, name, attested_on) VALUES (2, "
                 "'RO Zeta', '2016');"
                 "INSERT INTO organisation_parent (organisation_id, parent_organisation_id, "
                 "valid_from) VALUES (2, 1, '2012-07');");
  SQLite::Database raw(path.str(), SQLite::OPEN_READWRITE);
  EXPECT_EQ(raw.execAndGet("SELECT name || ' ' || attested_on || ' ' || basis FROM "
                           "organisation_name")
                .getString(),
            "RO Zeta 2016 document");
  EXPECT_EQ(raw.execAndGet("SELECT organisation || '<' || parent || ' ' || valid_from FROM "
                           "v_organisation_parent")
                .getString(),
            "RO<IOM 2012-07");
  raw.exec("UPDATE organisation_parent SET basis = 'inferred', note = 'a reading'");
  EXPECT_THROW(raw.exec("UPDATE organisation_parent SET basis = 'guessed'"), SQLite::Exception);
  try {
    raw.exec(
        "INSERT INTO organisation_name (organisation_id, name, valid_from) VALUES (2, 'X', "
        "'2013-02-30')");
    ADD_FAILURE() << "stored an impossible date";
  } catch (const SQLite::Exception& e) {
    EXPECT_NE(std::string(e.what()).find("organisation_name.valid_from: not a calendar date"),
              std::string::npos)
        << e.what();
  }
  // The search row of the organisation follows a new name (a search-upkeep trigger).
  raw.exec(
      "INSERT INTO organisation_name (organisation_id, name) VALUES (2, 'Quokkaville Bureau')");
  EXPECT_EQ(
      raw.execAndGet("SELECT count(*) FROM kb_search WHERE kb_search MATCH 'quokkaville'").getInt(),
      1);
}

// A new cited kind needs its subject in verify's support check (lib/verify/verify.cpp,
// subjects_of).
TEST(TruthSupport, EveryCitedKindHasASubjectRule) {
  for (const auto& kind : detail::record_kinds())
    EXPECT_EQ(detail::has_subject_rule(kind.kind), kind.cited) << kind.kind;
}

}  // namespace
}  // namespace euiomkb
