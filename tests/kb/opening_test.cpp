// Opening checks: each kind of file that is not a usable euiomkb database gets its own message,
// and a database opened read-write runs in WAL mode.
#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "euiomkb/euiomkb.hpp"
#include "test_support.hpp"

namespace euiomkb {
namespace {

using test::TempPath;

// Opening `path` fails with DatabaseError whose message holds `expected`.
void expect_refused(const std::string& path, const std::string& expected) {
  for (auto mode : {KnowledgeBase::Mode::read_only, KnowledgeBase::Mode::read_write}) {
    try {
      KnowledgeBase::open(path, mode);
      ADD_FAILURE() << "opened " << path;
    } catch (const Error& e) {
      EXPECT_NE(std::string(e.what()).find(expected), std::string::npos) << e.what();
      EXPECT_NE(std::string(e.what()).find(path), std::string::npos) << e.what();
    }
  }
}

TEST(Opening, ADirectoryIsNotADatabase) {
  TempPath path;
  std::filesystem::create_directory(path.str());
  expect_refused(path.str(), "is a directory");
  std::filesystem::remove(path.str());
}

TEST(Opening, AnEmptyFileIsNotADatabase) {
  TempPath path;
  { std::ofstream create(path.str()); }
  expect_refused(path.str(), "is an empty file");
  EXPECT_EQ(std::filesystem::file_size(path.str()), 0u) << "opening wrote to it";
}

TEST(Opening, ATextFileIsNotAnSqliteFile) {
  TempPath path;
  { std::ofstream(path.str()) << std::string(200, 'x'); }
  expect_refused(path.str(), "it is not an SQLite file");
}

TEST(Opening, AnotherApplicationsSqliteFileIsNamedAsSuch) {
  TempPath path;
  SQLite::Database(path.str(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE)
      .exec("PRAGMA application_id = 42; CREATE TABLE t (x)");
  expect_refused(path.str(), "another application (application id 0x0000002A)");
}

TEST(Opening, AnUnrelatedSqliteFileIsNotMistakenForAnOldEuiomkbOne) {
  TempPath path;
  SQLite::Database(path.str(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE)
      .exec("CREATE TABLE notes (x)");
  std::string before = test::file_hash(path.str());
  expect_refused(path.str(), "not an euiomkb one");
  EXPECT_EQ(test::file_hash(path.str()), before) << "it was migrated";
}

TEST(Opening, AFileFromANewerVersionSaysSo) {
  TempPath path;
  KnowledgeBase::create_seeded(path.str());
  test::raw_exec(path.str(), "PRAGMA user_version = 999");
  expect_refused(path.str(), "newer than this library supports");
}

TEST(Opening, ATruncatedFileIsDamaged) {
  TempPath path;
  KnowledgeBase::create_seeded(path.str());
  std::filesystem::resize_file(path.str(), std::filesystem::file_size(path.str()) / 2);
  expect_refused(path.str(), "is damaged");
}

TEST(Opening, AFileWithADamagedSchemaPageIsDamaged) {
  TempPath path;
  KnowledgeBase::create_seeded(path.str());
  {
    std::fstream file(path.str(), std::ios::in | std::ios::out | std::ios::binary);
    file.seekp(100);  // the b-tree header of page 1: sqlite_schema
    file.write("\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF", 8);
  }
  expect_refused(path.str(), "is damaged");
}

TEST(Opening, ReadWriteOpensInWalModeWithABusyTimeout) {
  TempPath path;
  KnowledgeBase::create_seeded(path.str());
  { KnowledgeBase kb = KnowledgeBase::open(path.str(), KnowledgeBase::Mode::read_write); }
  SQLite::Database raw(path.str());
  EXPECT_EQ(raw.execAndGet("PRAGMA journal_mode").getString(), "wal");
  EXPECT_EQ(raw.execAndGet("PRAGMA application_id").getInt(), 0x45554B42);
}

}  // namespace
}  // namespace euiomkb
