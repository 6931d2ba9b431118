// The seed: documents travel unchanged, every fact file is embedded, and counts add up.
#include <gtest/gtest.h>

#include <filesystem>

#include "embedded.hpp"
#include "euiomkb/euiomkb.hpp"
#include "test_support.hpp"

namespace euiomkb {
namespace {

namespace fs = std::filesystem;

TEST(Seed, DocumentsInTheDatabaseAreTheFilesUnderSeedSources) {
  KnowledgeBase kb = KnowledgeBase::create_seeded(":memory:");
  auto sources = kb.sources().all();
  ASSERT_EQ(sources.size(), 5u);
  for (const auto& source : sources) {
    std::string file = test::seed_file("seed/sources/" + source.file_name);
    EXPECT_EQ(source.text, file) << source.file_name;
    EXPECT_EQ(source.sha256, detail::sha256_hex(file)) << source.file_name;
  }
}

TEST(Seed, EveryFactFileIsEmbedded) {
  std::size_t on_disk = 0;
  for (const auto& entry : fs::directory_iterator(std::string(EUIOMKB_SOURCE_DIR) + "/seed/facts"))
    if (entry.path().extension() == ".facts") ++on_disk;
  EXPECT_EQ(detail::seed_facts().size(), on_disk);
  for (const auto& file : detail::seed_facts())
    EXPECT_EQ(detail::sha256_hex(file.text),
              detail::sha256_hex(test::seed_file("seed/facts/" + std::string(file.name))))
        << file.name << " changed since the build: rebuild to embed it";
}

TEST(Seed, CountsCoverTheDocuments) {
  Counts c = KnowledgeBase::create_seeded(":memory:").counts();
  EXPECT_EQ(c.sources, 5);
  EXPECT_EQ(c.meetings, 6);  // SOM 1, 2, 3, 11, the HOU meeting of 2015-12-09, the 2014 conference
  EXPECT_GE(c.people, 18);
  EXPECT_GE(c.attendances, 19);
  EXPECT_GE(c.topics, 30);
  EXPECT_GE(c.conflicting_claims, 2);
  EXPECT_GT(c.citations, c.attendances + c.topics + c.people);
}

TEST(Seed, UnstatedValuesStayNull) {
  KnowledgeBase kb = KnowledgeBase::create_seeded(":memory:");
  auto faq = kb.sources().by_file_name("000_a0d3ddcd3abb330b.txt");
  ASSERT_TRUE(faq.has_value());
  EXPECT_FALSE(faq->published.has_value()) << "the FAQ is undated";
  auto pope = kb.people().by_name("Amy Pope");
  ASSERT_TRUE(pope.has_value());
  auto tenures = kb.people().tenures(pope->id);
  ASSERT_EQ(tenures.size(), 1u);
  EXPECT_FALSE(tenures[0].start_date.has_value()) << "no document says when she took office";
  EXPECT_FALSE(tenures[0].end_date.has_value());
  EXPECT_EQ(tenures[0].attested_from, PartialDate(2025, 4, 4));
  // "29-20 Jan 2014" is garbled: only the month is kept, no day is made up.
  bool found = false;
  for (const auto& meeting : kb.meetings().all()) {
    if (meeting.title.find("future of Home Affairs") == std::string::npos) continue;
    found = true;
    EXPECT_EQ(meeting.held_on, PartialDate(2014, 1));
  }
  EXPECT_TRUE(found);
}

}  // namespace
}  // namespace euiomkb
