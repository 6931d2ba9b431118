// `euiomkb build --force` against a database in use, and `euiomkb migrate`.
#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "euiomkb/euiomkb.hpp"
#include "import_command.hpp"
#include "tool.hpp"

namespace euiomkb {
namespace {

namespace fs = std::filesystem;

class BuildCommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ =
        fs::temp_directory_path() / ("euiomkb-build-cli-" + std::to_string(std::random_device()()));
    fs::create_directories(dir_);
    std::ofstream(dir_ / "notes.txt") << "Notes.\nThe first meeting of the Quokka Working Group "
                                         "was held in Bern.\n";
    std::ofstream(dir_ / "qwg.facts")
        << "source notes\n  file: notes.txt\n  title: Notes\n  language: en\n\n"
           "meeting qwg-1\n  title: First meeting of the Quokka Working Group\n"
           "  cite: notes | The first meeting of the Quokka Working Group was held\n";
    db_ = (dir_ / "kb.db").string();
  }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path dir_;
  std::string db_;
};

TEST_F(BuildCommandTest, ForceRefusesADatabaseInUseAndItsImportSurvives) {
  KnowledgeBase::create_seeded(db_);
  KnowledgeBase importer = KnowledgeBase::open(db_, KnowledgeBase::Mode::read_write);
  ASSERT_EQ(importer.import_files({dir_ / "qwg.facts"}).outcome, ImportOutcome::imported);
  std::ostringstream out, err;
  EXPECT_THROW(cli::build(db_, true, out, err), DatabaseError);
  std::ostringstream facts_out, facts_err;
  EXPECT_EQ(cli::build_with_facts(db_, true, dir_.string(), facts_out, facts_err), 1)
      << facts_out.str();
  EXPECT_NE(facts_err.str().find("is in use"), std::string::npos) << facts_err.str();
  EXPECT_NE(facts_err.str().find(db_ + " is unchanged"), std::string::npos) << facts_err.str();
  KnowledgeBase reader = KnowledgeBase::open(db_);
  EXPECT_TRUE(reader.meetings().by_key("qwg-1").has_value());
  // Nothing of the attempts is left beside the file.
  for (const auto& entry : fs::directory_iterator(dir_))
    EXPECT_EQ(entry.path().string().find(".rebuilding"), std::string::npos) << entry.path();
}

TEST_F(BuildCommandTest, ForceReplacesADatabaseNoOneUses) {
  KnowledgeBase::create_seeded(db_);
  {
    KnowledgeBase kb = KnowledgeBase::open(db_, KnowledgeBase::Mode::read_write);
    ASSERT_EQ(kb.import_files({dir_ / "qwg.facts"}).outcome, ImportOutcome::imported);
  }
  std::ostringstream out, err;
  EXPECT_EQ(cli::build(db_, true, out, err), 0) << err.str();
  KnowledgeBase rebuilt = KnowledgeBase::open(db_);
  EXPECT_FALSE(rebuilt.meetings().by_key("qwg-1").has_value());
  EXPECT_TRUE(rebuilt.verify().ok());
}

// `migrate` on a pre-release database (schema version 1 to 17) refuses it, untouched, with the
// command that rebuilds it; on a current one it has nothing to do.
TEST_F(BuildCommandTest, MigrateRefusesAPreReleaseDatabaseAndSaysHowToRebuildIt) {
  auto raw_exec = [this](const std::string& sql) {
    SQLite::Database(db_, SQLite::OPEN_READWRITE).exec(sql);
  };
  auto bytes = [this] {
    std::ifstream in(db_, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  };
  KnowledgeBase::create_empty(db_);
  raw_exec("PRAGMA user_version = 17");
  std::string before = bytes();
  std::ostringstream out, err;
  cli::Tool tool(out, err);
  tool.db_option = db_;
  tool.wait_seconds = 0;
  try {
    cli::migrate_command(tool);
    ADD_FAILURE() << "migrated a pre-release database";
  } catch (const SchemaError& e) {
    EXPECT_NE(std::string(e.what()).find("pre-release build of euiomkb, before 0.1.0"),
              std::string::npos)
        << e.what();
    EXPECT_NE(std::string(e.what()).find("euiomkb build --db " + db_ + " --force --facts DIR"),
              std::string::npos)
        << e.what();
  }
  EXPECT_EQ(bytes(), before);
  raw_exec("PRAGMA user_version = " + std::to_string(KnowledgeBase::latest_schema_version()));
  out.str("");
  EXPECT_EQ(cli::migrate_command(tool), 0);
  EXPECT_NE(out.str().find("the latest; nothing to do"), std::string::npos) << out.str();
}

}  // namespace
}  // namespace euiomkb
