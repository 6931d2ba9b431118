// Streamed and paged reads: the same records as the whole-table calls, one at a time.
#include <gtest/gtest.h>

#include <stdexcept>

#include "euiomkb/euiomkb.hpp"
#include "seeded_suite.hpp"

namespace euiomkb {
namespace {

class ReadPath : public test::SeededSuite {
 protected:
  static const KnowledgeBase& seeded() { return kb(); }
};

TEST_F(ReadPath, EachVisitsWhatAllReturnsInTheSameOrder) {
  std::vector<MeetingId> visited;
  seeded().meetings().each([&](const Meeting& m) { visited.push_back(m.id); });
  std::vector<MeetingId> listed;
  for (const Meeting& m : seeded().meetings().all()) listed.push_back(m.id);
  ASSERT_FALSE(listed.empty());
  EXPECT_EQ(visited, listed);

  std::vector<std::pair<std::string, std::size_t>> people, all_people;
  seeded().people().each([&](const Person& p) { people.emplace_back(p.name, p.aliases.size()); });
  for (const Person& p : seeded().people().all()) all_people.emplace_back(p.name, p.aliases.size());
  ASSERT_FALSE(all_people.empty());
  EXPECT_EQ(people, all_people);

  std::size_t organisations = 0;
  seeded().organisations().each([&](const Organisation&) { ++organisations; });
  EXPECT_EQ(organisations, seeded().organisations().all().size());
}

TEST_F(ReadPath, PagesByKeyCoverTheTimelineOnce) {
  std::vector<MeetingId> paged;
  std::optional<MeetingId> after;
  int pages = 0;
  while (true) {
    auto page = seeded().meetings().page(after, 2);
    if (page.empty()) break;
    ASSERT_LE(page.size(), 2u);
    for (const Meeting& m : page) paged.push_back(m.id);
    after = page.back().id;
    ASSERT_LT(++pages, 100);
  }
  std::vector<MeetingId> listed;
  for (const Meeting& m : seeded().meetings().all()) listed.push_back(m.id);
  EXPECT_EQ(paged, listed);
  EXPECT_GT(pages, 1);
}

TEST_F(ReadPath, CitationsAndSearchHitsStream) {
  std::int64_t citations = 0;
  std::int64_t last = 0;
  seeded().each_citation([&](const Citation& c) {
    EXPECT_GT(c.id.value(), last);  // by id
    last = c.id.value();
    ++citations;
  });
  EXPECT_EQ(citations, seeded().counts().citations);

  std::vector<SearchHit> hits;
  seeded().search_each("migration", [&](const SearchHit& h) { hits.push_back(h); });
  auto top = seeded().search("migration", 5);
  ASSERT_EQ(top.size(), 5u);
  ASSERT_GT(hits.size(), top.size());
  for (std::size_t i = 0; i < top.size(); ++i) {
    EXPECT_EQ(hits[i].kind, top[i].kind);
    EXPECT_EQ(hits[i].ref_id, top[i].ref_id);
  }
}

TEST_F(ReadPath, AnOrganisationsMeetingsStreamAsTheyAreListed) {
  std::size_t organisations_with_meetings = 0;
  for (const Organisation& o : seeded().organisations().all()) {
    std::vector<std::pair<MeetingId, std::string>> visited, listed;
    seeded().meetings().each_of_organisation(
        o.id, [&](const MeetingOrganisation& mo) { visited.emplace_back(mo.meeting_id, mo.role); });
    for (const MeetingOrganisation& mo : seeded().meetings().of_organisation(o.id))
      listed.emplace_back(mo.meeting_id, mo.role);
    EXPECT_EQ(visited, listed) << o.short_name;
    if (!listed.empty()) ++organisations_with_meetings;
  }
  EXPECT_GT(organisations_with_meetings, 1u);
}

TEST_F(ReadPath, AThemesTopicsStreamAsTheyAreListed) {
  std::size_t themes_with_topics = 0;
  for (const Theme& theme : seeded().meetings().themes()) {
    for (const std::string& name : {theme.name, theme.key}) {
      std::vector<std::pair<std::string, std::string>> visited, listed;
      seeded().meetings().each_topic_by_theme(
          name, [&](const Topic& t) { visited.emplace_back(t.meeting, t.label); });
      for (const Topic& t : seeded().meetings().topics_by_theme(name))
        listed.emplace_back(t.meeting, t.label);
      EXPECT_EQ(visited, listed) << name;
      if (name == theme.key && !listed.empty()) ++themes_with_topics;
    }
  }
  EXPECT_GT(themes_with_topics, 1u);
  std::size_t none = 0;
  seeded().meetings().each_topic_by_theme("no such theme", [&](const Topic&) { ++none; });
  EXPECT_EQ(none, 0u);
}

TEST_F(ReadPath, ACitationAndASourceSummaryByIdAreWhatTheListsHold) {
  std::int64_t compared = 0;
  seeded().each_citation([&](const Citation& c) {
    std::optional<Citation> one = seeded().citation(c.id);
    ASSERT_TRUE(one);
    EXPECT_EQ(one->source_id, c.source_id);
    EXPECT_EQ(one->quote, c.quote);
    EXPECT_EQ(one->start_offset, c.start_offset);
    EXPECT_EQ(one->end_offset, c.end_offset);
    EXPECT_EQ(one->note, c.note);
    ++compared;
  });
  EXPECT_EQ(compared, seeded().counts().citations);
  EXPECT_FALSE(seeded().citation(CitationId(1 << 30)));

  auto sources = seeded().sources().list();
  ASSERT_FALSE(sources.empty());
  for (const SourceSummary& listed : sources) {
    std::optional<SourceSummary> one = seeded().sources().summary(listed.id);
    ASSERT_TRUE(one);
    EXPECT_EQ(one->file_name, listed.file_name);
    EXPECT_EQ(one->title, listed.title);
    EXPECT_EQ(one->key, listed.key);
    EXPECT_EQ(one->sha256, listed.sha256);
    EXPECT_EQ(one->length, listed.length);
  }
  EXPECT_FALSE(seeded().sources().summary(SourceId(1 << 30)));
}

TEST_F(ReadPath, KeysStreamAndCountAsTheyAreListed) {
  for (std::string kind : {"", "meeting", "person", "organisation", "source"}) {
    std::vector<std::string> visited, listed;
    seeded().each_key(kind, [&](const KnowledgeBase::Key& k) {
      visited.push_back(k.kind + " " + k.key + " " + k.label);
    });
    for (const KnowledgeBase::Key& k : seeded().keys(kind))
      listed.push_back(k.kind + " " + k.key + " " + k.label);
    ASSERT_FALSE(listed.empty()) << kind;
    EXPECT_EQ(visited, listed) << kind;
    EXPECT_EQ(seeded().key_count(kind), static_cast<std::int64_t>(listed.size())) << kind;
  }
  EXPECT_THROW(seeded().key_count("meetnig"), Error);
  EXPECT_THROW(seeded().each_key("attendance", [](const KnowledgeBase::Key&) {}), Error);
}

TEST_F(ReadPath, VisitorsMayQueryAgainEvenTheSameQuery) {
  std::size_t outer = 0, inner = 0, attendances = 0;
  seeded().meetings().each([&](const Meeting& m) {
    ++outer;
    attendances += seeded().meetings().attendance(m.id).size();
    seeded().meetings().each([&](const Meeting&) { ++inner; });
  });
  EXPECT_EQ(inner, outer * outer);
  EXPECT_EQ(static_cast<std::int64_t>(attendances), seeded().counts().attendances);
}

TEST_F(ReadPath, AVisitorsExceptionPropagatesAndLeavesTheKnowledgeBaseUsable) {
  EXPECT_THROW(seeded().meetings().each([](const Meeting&) { throw std::runtime_error("stop"); }),
               std::runtime_error);
  std::size_t n = 0;
  seeded().meetings().each([&](const Meeting&) { ++n; });
  EXPECT_EQ(n, seeded().meetings().all().size());
}

}  // namespace
}  // namespace euiomkb
