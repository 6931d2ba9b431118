// The bad-input corpus (tests/import/bad_inputs/NN_*.facts): each file states on its first line the
// problem it must produce, `# expect: LINE FIELD | message` (FIELD '-' for none, LINE 0 for the
// whole import). Each is imported after a good base file into one seeded database file, and
// must be rejected with that problem first (no knock-on problem listed before the real one)
// while the file stays byte for byte the same. The good
// inputs (tests/import/good_inputs/) must import, each into a fresh database, and verify.
#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "euiomkb/euiomkb.hpp"
#include "test_support.hpp"

namespace euiomkb {
namespace {

namespace fs = std::filesystem;

const fs::path kCorpus = fs::path(EUIOMKB_SOURCE_DIR) / "tests" / "import";

std::vector<fs::path> facts_in(const fs::path& directory) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(directory))
    if (entry.path().extension() == ".facts") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

struct Expectation {
  int line = 0;
  std::string field;
  std::string message;
};

Expectation expectation_of(const fs::path& file) {
  std::string text = test::read_file(file.string());
  const std::string marker = "# expect: ";
  EXPECT_EQ(text.rfind(marker, 0), 0u) << file << " lacks its '# expect:' line";
  std::string line = text.substr(marker.size(), text.find('\n') - marker.size());
  Expectation e;
  std::size_t space = line.find(' ');
  std::size_t bar = line.find(" | ");
  e.line = std::stoi(line.substr(0, space));
  e.field = line.substr(space + 1, bar - space - 1);
  if (e.field == "-") e.field.clear();
  e.message = line.substr(bar + 3);
  return e;
}

TEST(BadInputs, EachIsRejectedWithItsMessageAndTheDatabaseFileIsUnchanged) {
  test::TempPath db;
  KnowledgeBase::create_seeded(db.str());
  { KnowledgeBase::open(db.str(), KnowledgeBase::Mode::read_write); }  // now in WAL mode
  std::string before = test::file_hash(db.str());
  ImportOptions options;
  options.documents = kCorpus / "bad_inputs" / "documents";
  fs::path base = options.documents / "base.facts";
  std::vector<fs::path> corpus = facts_in(kCorpus / "bad_inputs");
  ASSERT_GE(corpus.size(), 60u);
  int tried = 0;
  for (const fs::path& bad : corpus) {
    SCOPED_TRACE(bad.filename().string());
    Expectation expected = expectation_of(bad);
    {
      KnowledgeBase kb = KnowledgeBase::open(db.str(), KnowledgeBase::Mode::read_write);
      ImportReport report = kb.import_files({base, bad}, options);
      ++tried;
      EXPECT_EQ(report.outcome, ImportOutcome::rejected);
      // The expected problem comes first: no knock-on problem of it is listed before it.
      std::string all;
      for (const ImportProblem& p : report.problems) all += p.to_string() + "\n";
      bool found = false;
      if (!report.problems.empty()) {
        const ImportProblem& p = report.problems.front();
        bool file_matches = expected.line == 0 ? p.file.empty() : p.file == bad.string();
        found = file_matches && p.line == expected.line && p.field == expected.field &&
                p.message.find(expected.message) != std::string::npos;
      }
      EXPECT_TRUE(found) << "expected first: line " << expected.line << " field '" << expected.field
                         << "': " << expected.message << "\ngot:\n"
                         << all;
    }
    EXPECT_EQ(test::file_hash(db.str()), before) << "a rejected import changed the file";
  }
  KnowledgeBase kb = KnowledgeBase::open(db.str());
  EXPECT_TRUE(kb.verify().ok());
  std::cout << "[ corpus   ] " << tried << " bad inputs tried, all rejected, database unchanged\n";
}

TEST(GoodInputs, EachImportsAndVerifies) {
  ImportOptions options;
  options.documents = kCorpus / "bad_inputs" / "documents";
  fs::path base = options.documents / "base.facts";
  for (const fs::path& good : facts_in(kCorpus / "good_inputs")) {
    SCOPED_TRACE(good.filename().string());
    test::TempPath db;
    KnowledgeBase kb = KnowledgeBase::create_seeded(db.str());
    ImportReport report = kb.import_files({base, good}, options);
    EXPECT_EQ(report.outcome, ImportOutcome::imported)
        << (report.problems.empty() ? "" : report.problems.front().to_string());
    EXPECT_TRUE(kb.verify().ok());
  }
}

TEST(GoodInputs, TextThatLooksLikeSqlIsStoredVerbatim) {
  ImportOptions options;
  options.documents = kCorpus / "bad_inputs" / "documents";
  test::TempPath db;
  {
    KnowledgeBase kb = KnowledgeBase::create_seeded(db.str());
    kb.import_files(
        {options.documents / "base.facts", kCorpus / "good_inputs" / "sql_text_is_data.facts"},
        options);
  }
  SQLite::Database raw(db.str());
  EXPECT_EQ(raw.execAndGet("SELECT title FROM v_meeting WHERE key = 'good-sql'").getString(),
            "x'); DROP TABLE meeting; --");
  EXPECT_GT(raw.execAndGet("SELECT count(*) FROM citation").getInt(), 400);
}

}  // namespace
}  // namespace euiomkb
