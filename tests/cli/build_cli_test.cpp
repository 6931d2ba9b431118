// `euiomkb build --force` against a database in use, and `euiomkb migrate`.
#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "euiomkb/euiomkb.hpp"
#include "import_command.hpp"

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

TEST_F(BuildCommandTest, MigrateUpgradesAnOlderDatabaseAndSaysFromWhichVersion) {
  {
    // A database made by a version that only had the first migration.
    SQLite::Database raw(db_, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    std::ifstream first(EUIOMKB_SOURCE_DIR "/schema/0001_core.sql");
    std::stringstream text;
    text << first.rdbuf();
    raw.exec(text.str());
    raw.exec("PRAGMA user_version = 1");
  }
  EXPECT_THROW(KnowledgeBase::open(db_), SchemaError);
  std::ostringstream out;
  EXPECT_EQ(cli::migrate_command(db_, std::chrono::milliseconds(0), out), 0);
  EXPECT_EQ(out.str(), "migrated " + db_ + " from schema version 1 to " +
                           std::to_string(KnowledgeBase::latest_schema_version()) + "\n");
  EXPECT_EQ(KnowledgeBase::open(db_).schema_version(), KnowledgeBase::latest_schema_version());
  out.str("");
  EXPECT_EQ(cli::migrate_command(db_, std::chrono::milliseconds(0), out), 0);
  EXPECT_NE(out.str().find("the latest; nothing to do"), std::string::npos) << out.str();
}

}  // namespace
}  // namespace euiomkb
