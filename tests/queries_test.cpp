// The calls the command-line tool needs beyond the repositories: lookups by key, people by
// some of their words, sources without text, search options, a user's SQL under guard, and
// ids beside labels on references.
#include <gtest/gtest.h>

#include "euiomkb/euiomkb.hpp"

namespace euiomkb {
namespace {

class Queries : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    kb_ = new KnowledgeBase(KnowledgeBase::create_seeded(":memory:"));
  }
  static void TearDownTestSuite() {
    delete kb_;
    kb_ = nullptr;
  }
  static KnowledgeBase& kb() { return *kb_; }
  static inline KnowledgeBase* kb_ = nullptr;
};

TEST_F(Queries, ByKeyFindsTheRecordFactFilesName) {
  auto som = kb().meetings().by_key("som-11");
  ASSERT_TRUE(som.has_value());
  EXPECT_EQ(som->sequence_no, 11);
  EXPECT_EQ(kb().key_of("meeting", som->id.value()), "som-11");
  EXPECT_EQ(kb().people().by_key("william-swing")->name, "William Lacy Swing");
  EXPECT_EQ(kb().organisations().by_key("dg-home")->short_name, "DG HOME");
  EXPECT_FALSE(kb().meetings().by_key("som-12").has_value());
}

TEST_F(Queries, MatchingFindsPeopleBySomeOfTheirWords) {
  auto sorensen = kb().people().matching("sorensen");
  ASSERT_EQ(sorensen.size(), 1u);
  EXPECT_EQ(sorensen[0].name, "Claus Sørensen");
  auto swing = kb().people().matching("SWING william");
  ASSERT_EQ(swing.size(), 1u);
  EXPECT_EQ(swing[0].name, "William Lacy Swing");
  EXPECT_TRUE(kb().people().matching("swin").empty()) << "whole words only";
}

TEST_F(Queries, SourcesListWithoutTextAndTextOnRequest) {
  auto sources = kb().sources().list();
  ASSERT_EQ(sources.size(), 5u);
  auto text = kb().sources().text(sources[0].id);
  ASSERT_TRUE(text.has_value());
  EXPECT_GT(sources[0].length, 0);
  EXPECT_LE(sources[0].length, static_cast<std::int64_t>(text->size()));
  EXPECT_FALSE(kb().sources().text(SourceId(999)).has_value());
}

TEST_F(Queries, SearchOptionsLimitOffsetKindsAndMarkers) {
  SearchOptions options;
  options.kinds = {"topic"};
  options.mark_start = "<b>";
  options.mark_end = "</b>";
  auto hits = kb().search("reintegration", options);
  ASSERT_FALSE(hits.empty());
  for (const SearchHit& hit : hits) {
    EXPECT_EQ(hit.kind, "topic");
    EXPECT_NE(hit.snippet.find("<b>reintegration</b>"), std::string::npos) << hit.snippet;
  }
  options.offset = 1;
  auto rest = kb().search("reintegration", options);
  ASSERT_EQ(rest.size() + 1, hits.size());
  EXPECT_EQ(rest[0].ref_id, hits[1].ref_id);
}

TEST_F(Queries, RunSqlReadsAndRefusesWritesAttachAndExtensions) {
  std::vector<std::string> names;
  std::vector<std::vector<SqlValue>> rows;
  SqlOptions options;
  options.parameters = {SqlValue(std::string("SOM"))};
  kb().run_sql(
      "SELECT sequence_no, title FROM v_meeting WHERE series = ?1 ORDER BY sequence_no", options,
      [&](const std::vector<std::string>& n) { names = n; },
      [&](const std::vector<SqlValue>& r) { rows.push_back(r); });
  EXPECT_EQ(names, (std::vector<std::string>{"sequence_no", "title"}));
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(std::get<std::int64_t>(rows[3][0]), 11);
  auto nothing = [](const auto&) {};
  SqlOptions guarded;
  EXPECT_THROW(kb().run_sql("DELETE FROM meeting", guarded, nothing, nothing), QueryError);
  EXPECT_THROW(kb().run_sql("ATTACH ':memory:' AS other", guarded, nothing, nothing), QueryError);
  EXPECT_THROW(kb().run_sql("SELECT load_extension('x')", guarded, nothing, nothing), QueryError);
  EXPECT_THROW(kb().run_sql("SELEC 1", guarded, nothing, nothing), QueryError);
  // A refused statement after a good one: nothing of the refused one ran.
  EXPECT_THROW(kb().run_sql("SELECT 1; DELETE FROM meeting", guarded, nothing, nothing),
               QueryError);
  EXPECT_EQ(kb().counts().meetings, 6);
  SqlOptions writes;
  writes.allow_writes = true;
  EXPECT_NO_THROW(kb().run_sql("CREATE TEMP TABLE scratch (x); INSERT INTO scratch VALUES (1)",
                               writes, nothing, nothing));
}

TEST_F(Queries, ReferencesCarryIdsBesideLabels) {
  auto som = kb().meetings().by_sequence("SOM", 11);
  ASSERT_TRUE(som.has_value());
  for (const Attendance& a : kb().meetings().attendance(som->id)) {
    ASSERT_TRUE(a.organisation_id.has_value()) << a.person;
    EXPECT_EQ(kb().organisations().find(*a.organisation_id)->short_name, a.organisation);
    EXPECT_EQ(kb().people().find(a.person_id)->name, a.person);
  }
  for (const MeetingOrganisation& o : kb().meetings().organisations(som->id))
    EXPECT_EQ(kb().organisations().find(*o.organisation_id)->short_name, o.organisation);
  auto swing = kb().people().by_key("william-swing");
  for (const Statement& s : kb().people().statements(swing->id)) EXPECT_EQ(s.person_id, swing->id);
}

}  // namespace
}  // namespace euiomkb
