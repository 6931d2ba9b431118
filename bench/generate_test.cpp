// The generated data set is valid user data: it imports on top of the seed, every citation is
// found and verifies, and the same options write the same bytes.
#include "generate.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "euiomkb/knowledge_base.hpp"

namespace euiomkb::bench {
namespace {

namespace fs = std::filesystem;

class TempDir {
 public:
  TempDir() {
    std::random_device random;
    path_ = fs::temp_directory_path() / ("euiomkb-generate-" + std::to_string(random()));
  }
  ~TempDir() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

GeneratedSet generate_into(const fs::path& dir, std::int64_t meetings) {
  GeneratorOptions options;
  options.meetings = meetings;
  options.out_dir = dir;
  options.meetings_per_file = 40;  // several files even at this size
  options.meetings_per_document = 15;
  return generate(options);
}

TEST(Generate, ImportsOnTopOfTheSeedAndVerifies) {
  TempDir dir;
  GeneratedSet set = generate_into(dir.path(), 100);
  ASSERT_EQ(set.meetings, 100);
  ASSERT_GE(set.fact_files.size(), 3u);
  EXPECT_EQ(fact_files_in(dir.path()), set.fact_files);

  KnowledgeBase kb = KnowledgeBase::create_seeded(":memory:");
  Counts before = kb.counts();
  ImportSummary summary = kb.import_fact_files(set.fact_files, documents_in(dir.path()));
  EXPECT_EQ(summary.records, set.records);
  EXPECT_EQ(summary.citations, set.citations);

  Counts after = kb.counts();
  EXPECT_EQ(after.meetings - before.meetings, 100);
  EXPECT_EQ(after.people - before.people, set.people);
  // About ten attendances and three topics per meeting.
  EXPECT_GE(after.attendances - before.attendances, 800);
  EXPECT_LE(after.attendances - before.attendances, 1200);
  EXPECT_EQ(after.topics - before.topics, 300);

  VerificationReport report = kb.verify();
  EXPECT_TRUE(report.ok()) << (report.problems.empty() ? "" : report.problems.front());
  EXPECT_EQ(report.citations_checked, after.citations);
}

TEST(Generate, MeetingsHaveTheShapeOfTheSeries) {
  TempDir dir;
  GeneratedSet set = generate_into(dir.path(), 30);
  KnowledgeBase kb = KnowledgeBase::create_seeded(":memory:");
  kb.import_fact_files(set.fact_files, documents_in(dir.path()));

  auto first = kb.meetings().by_sequence("SOM", 101);
  ASSERT_TRUE(first.has_value());
  EXPECT_EQ(first->title, "101st EU-IOM Senior Officials Meeting");
  ASSERT_TRUE(first->held_on.has_value());
  EXPECT_EQ(first->held_on->to_string().substr(0, 4), "2013");
  EXPECT_EQ(first->host, "DG HOME");
  auto attendance = kb.meetings().attendance(first->id);
  ASSERT_GE(attendance.size(), 8u);
  EXPECT_EQ(attendance[0].role, "co-chair");
  EXPECT_EQ(kb.citations_for(*first).size(), 1u);

  // A recurring person is found by an alias written without accents or case.
  auto person = kb.people().by_name("ana a costa");
  ASSERT_TRUE(person.has_value());
  EXPECT_EQ(person->name, "Ana Alexandra Costa");
  EXPECT_GT(kb.people().attendance(person->id).size(), 1u);

  EXPECT_TRUE(kb.meetings().by_sequence("HOU", 101).has_value());
}

TEST(Generate, IsDeterministic) {
  TempDir a, b;
  GeneratedSet one = generate_into(a.path(), 50);
  GeneratedSet two = generate_into(b.path(), 50);
  ASSERT_EQ(one.fact_files.size(), two.fact_files.size());
  for (std::size_t k = 0; k < one.fact_files.size(); ++k)
    EXPECT_EQ(read(one.fact_files[k]), read(two.fact_files[k])) << one.fact_files[k];
  for (const auto& entry : fs::directory_iterator(a.path() / "sources"))
    EXPECT_EQ(read(entry.path()), read(b.path() / "sources" / entry.path().filename()));
}

}  // namespace
}  // namespace euiomkb::bench
