// The fixture of the test suites that read one seeded knowledge base: made in memory once per
// suite (the seed image is loaded, not rebuilt, so it is cheap) and shared by its tests, which
// must not write to it.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "euiomkb/knowledge_base.hpp"

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

}  // namespace euiomkb::test
