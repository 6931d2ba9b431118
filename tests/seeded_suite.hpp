// The fixtures of the test suites that read one seeded knowledge base, made once per suite (the
// seed image is loaded, not rebuilt, so it is cheap) and shared by its tests, which must not
// write to it: SeededSuite in memory, through the library; SeededFileSuite in a file, through
// raw SQL.
#pragma once

#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "euiomkb/knowledge_base.hpp"
#include "temp_path.hpp"

namespace euiomkb::test {

class SeededSuite : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    kb_ = new KnowledgeBase(KnowledgeBase::create_seeded(":memory:"));
  }
  static void TearDownTestSuite() {
    delete kb_;
    kb_ = nullptr;
  }
  static KnowledgeBase& kb() { return *kb_; }

  // A directory of the running test's own under the temporary directory, `stem` + process id
  // + the test's name; removed first if a previous run left it. The caller removes it.
  static std::filesystem::path scratch_dir(const std::string& stem) {
    std::filesystem::path dir = std::filesystem::temp_directory_path() /
                                (stem + "_" + std::to_string(::getpid()) + "_" +
                                 ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir);
    return dir;
  }

  static inline KnowledgeBase* kb_ = nullptr;
};

// A seeded database in a temporary file of the suite's own (path()), removed after the suite,
// and a read-only connection to it (db()), opened on first use: a suite that writes through a
// connection of its own (inside a savepoint it rolls back) need not share the file with it.
class SeededFileSuite : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    path_ = new TempPath("euiomkb-seeded");
    KnowledgeBase::create_seeded(path_->str());
  }
  static void TearDownTestSuite() {
    delete db_;
    db_ = nullptr;
    delete path_;
    path_ = nullptr;
  }
  static std::string path() { return path_->str(); }
  static SQLite::Database& db() {
    if (db_ == nullptr) db_ = new SQLite::Database(path_->str(), SQLite::OPEN_READONLY);
    return *db_;
  }

 private:
  static inline TempPath* path_ = nullptr;
  static inline SQLite::Database* db_ = nullptr;
};

}  // namespace euiomkb::test
