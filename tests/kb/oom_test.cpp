// Out of memory: SQLite's allocator (SQLITE_CONFIG_MALLOC, set in main before SQLite starts,
// hence an executable of its own) fails its Nth allocation, once (transient) or from then on
// (persistent), at points spread over an import's allocations. The import must fail with an
// euiomkb::Error (or std::bad_alloc) or succeed; reopened with KnowledgeBase::open without
// faults, the database must pass verify() and hold exactly the content before (failed) or
// after (succeeded).
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <new>

#include "crash_support.hpp"
#include "euiomkb/euiomkb.hpp"
#include "test_support.hpp"

namespace euiomkb {
namespace {

namespace fs = std::filesystem;

sqlite3_mem_methods original{};
bool armed = false, persistent = false;
long fail_at = 0, allocations = 0, injected = 0;

bool fail_now() {
  if (!armed) return false;
  ++allocations;
  bool fail = allocations == fail_at || (persistent && allocations > fail_at);
  if (fail) ++injected;
  return fail;
}
void* oom_malloc(int n) { return fail_now() ? nullptr : original.xMalloc(n); }
void* oom_realloc(void* p, int n) { return fail_now() ? nullptr : original.xRealloc(p, n); }

std::string content_of(const std::string& path) {
  KnowledgeBase kb = KnowledgeBase::open(path);
  return test::content_digest(kb);
}

void run_oom_loop(bool persistent_faults) {
  test::TempPath base, work;
  fs::path dir = fs::path(base.str() + ".d");
  fs::create_directories(dir);
  std::ofstream(dir / "notes.txt") << "Field notes.\nThe twelfth EU-IOM Senior Officials Meeting "
                                      "was held in\nGeneva on 2 March 2026.\n";
  std::ofstream(dir / "som12.facts")
      << "source notes\n  file: notes.txt\n  title: Field notes\n  language: en\n\n"
         "meeting som-12-oom\n  series: SOM\n  sequence_no: 12\n  title: 12th SOM\n"
         "  held_on: 2026-03-02\n  location: Geneva\n"
         "  cite: notes | The twelfth EU-IOM Senior Officials Meeting was held in Geneva\n";
  KnowledgeBase::create_seeded(base.str());
  std::string before = content_of(base.str());
  auto import = [&] {
    KnowledgeBase kb = KnowledgeBase::open(work.str(), KnowledgeBase::Mode::read_write);
    return kb.import_files({dir / "som12.facts"}).outcome == ImportOutcome::imported;
  };
  test::fresh_copy(base.str(), work.str());
  allocations = 0;
  armed = true;
  fail_at = 0;
  EXPECT_TRUE(import());
  armed = false;
  long count = allocations;
  std::string after = content_of(work.str());
  ASSERT_NE(before, after);
  int spread = 120;
#if defined(__SANITIZE_ADDRESS__)
  spread = 40;
#endif
  long points = 0, failed = 0, succeeded = 0, faults = 0;
  for (int k = 0; k < spread; ++k) {
    long n = 1 + k * (count - 1) / (spread - 1);
    SCOPED_TRACE("allocation " + std::to_string(n) + " of " + std::to_string(count));
    test::fresh_copy(base.str(), work.str());
    allocations = injected = 0;
    fail_at = n;
    persistent = persistent_faults;
    bool success = false;
    armed = true;
    try {
      success = import();
    } catch (const Error&) {
    } catch (const std::bad_alloc&) {
    }
    armed = false;
    if (injected == 0) continue;
    ++points;
    faults += injected;
    ++(success ? succeeded : failed);
    try {
      std::string now = content_of(work.str());
      EXPECT_EQ(now, success ? after : before) << (success ? "succeeded" : "failed");
      KnowledgeBase kb = KnowledgeBase::open(work.str(), KnowledgeBase::Mode::read_write);
      EXPECT_TRUE(kb.verify().ok());
    } catch (const Error& e) {
      ADD_FAILURE() << "KnowledgeBase::open after the fault failed: " << e.what();
    }
  }
  EXPECT_GE(points, 5);
  std::cout << "[ faults   ] out of memory, " << (persistent_faults ? "persistent" : "transient")
            << ": " << points << " fault points of " << count << " allocations, " << faults
            << " allocations failed, " << failed << " imports failed (content before), "
            << succeeded << " reported success (content after)\n";
  fs::remove_all(dir);
}

TEST(OutOfMemory, Transient) { run_oom_loop(false); }
TEST(OutOfMemory, Persistent) { run_oom_loop(true); }

}  // namespace
}  // namespace euiomkb

int main(int argc, char** argv) {
  using euiomkb::original;
  sqlite3_config(SQLITE_CONFIG_GETMALLOC, &original);
  static sqlite3_mem_methods wrapped = original;
  wrapped.xMalloc = euiomkb::oom_malloc;
  wrapped.xRealloc = euiomkb::oom_realloc;
  if (sqlite3_config(SQLITE_CONFIG_MALLOC, &wrapped) != SQLITE_OK) return 2;
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
