// Crash tests. tests/kb/crash_import imports a generated data set (kMeetings meetings: the import
// grows the database file by some 500 pages, copied there by the checkpoint in WAL mode) and is
// killed with SIGKILL: right after the Nth page the checkpoint writes into the database file (in
// WAL mode only the checkpoint that follows the commit writes there), right after the Nth write,
// sync or truncate of any file, and after delays spread over the run. In rollback-journal mode
// the kills land among the database writes of the commit, leaving a hot journal.
//
// After every kill the database must open with KnowledgeBase::open read-only and read-write,
// pass verify(), and hold exactly the content before the import or exactly the content after
// (every row of every table: test::content_digest); after, whenever the helper had printed that
// the import was done. EUIOMKB_CRASH_TRIALS sets the number of trials (for longer runs offline).
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <random>

#include "crash_support.hpp"
#include "euiomkb/euiomkb.hpp"

namespace euiomkb {
namespace {

namespace fs = std::filesystem;
using Journal = KnowledgeBase::Journal;
using Mode = KnowledgeBase::Mode;

constexpr int kMeetings = 150;

struct State {
  std::string digest;
  Counts counts{};
};

State state_of(const std::string& path) {
  KnowledgeBase kb = KnowledgeBase::open(path);
  return State{test::content_digest(kb), kb.counts()};
}

struct Tally {
  int trials = 0, killed = 0, killed_in_checkpoint = 0, hot_journals = 0, opened = 0, verified = 0,
      before = 0, after = 0;
};

class Crash : public ::testing::Test {
 protected:
  void TearDown() override {
    std::error_code ignored;
    if (!dir_.empty()) fs::remove_all(dir_, ignored);
  }

  // Generates the data set, makes the base database in `journal` mode, and runs one import
  // uninterrupted: the state after, the operations it counts and how long it takes.
  void prepare(Journal journal) {
    journal_ = journal;
    std::random_device random;
    dir_ = fs::temp_directory_path() / ("euiomkb-crash-" + std::to_string(random()));
    fs::create_directories(dir_);
    data_ = (dir_ / "data").string();
    base_ = (dir_ / "base.db").string();
    work_ = (dir_ / "work.db").string();
    test::Helper generate({"generate", std::to_string(kMeetings), data_}, {}, dir_ / "generate");
    ASSERT_TRUE(generate.wait() && generate.exit_code() == 0) << generate.err();
    KnowledgeBase::create_seeded(base_);
    {
      // A file takes its journal mode at its first commit: one small import puts the base in
      // the trials' mode.
      std::ofstream(dir_ / "notes.txt") << "Field notes.\n";
      std::ofstream(dir_ / "notes.facts")
          << "source notes\n  file: notes.txt\n  title: Field notes\n  language: en\n";
      KnowledgeBase kb = KnowledgeBase::open(base_, Mode::read_write, journal);
      ASSERT_EQ(kb.import_files({dir_ / "notes.facts"}).outcome, ImportOutcome::imported);
    }
    before_ = state_of(base_);

    test::fresh_copy(base_, work_);
    auto start = std::chrono::steady_clock::now();
    test::Helper run({"import", work_, journal_name(), data_}, {}, dir_ / "calibration");
    ASSERT_TRUE(run.wait() && run.exit_code() == 0) << run.err();
    run_time_ = std::chrono::steady_clock::now() - start;
    returned_ = test::operation_counts(run.out(), "returned");
    closed_ = test::operation_counts(run.out(), "closed");
    after_ = state_of(work_);
    ASSERT_NE(before_.digest, after_.digest);
    ASSERT_EQ(after_.counts.meetings, before_.counts.meetings + kMeetings);
    KnowledgeBase kb = KnowledgeBase::open(work_, Mode::read_write, journal);
    ASSERT_TRUE(kb.verify().ok());
  }

  const char* journal_name() const { return journal_ == Journal::wal ? "wal" : "rollback"; }

  // One trial: a fresh copy of the base, the helper killed as `kill` says (a hook of
  // crash_import) or after `delay`, then the checks.
  void trial(const std::string& kill, std::optional<std::chrono::nanoseconds> delay,
             bool in_checkpoint, Tally& tally) {
    std::string label = delay ? "killed after " + std::to_string(delay->count() / 1000) + " us"
                              : "killed at " + kill;
    SCOPED_TRACE(label);
    test::fresh_copy(base_, work_);
    std::vector<std::string> env;
    if (!kill.empty()) env.push_back("EUIOMKB_CRASH_KILL=" + kill);
    test::Helper run({"import", work_, journal_name(), data_}, env, dir_ / "trial");
    if (delay) {
      std::this_thread::sleep_for(*delay);
      run.kill();
    }
    run.wait();
    ++tally.trials;
    if (run.killed()) {
      ++tally.killed;
      if (in_checkpoint) ++tally.killed_in_checkpoint;
    } else {
      EXPECT_EQ(run.exit_code(), 0) << run.err();
    }
    bool reported_imported = run.out().find("imported ") != std::string::npos;
    // The read-only open comes first: it must recover the WAL or roll back the hot journal.
    std::optional<State> read_only, read_write;
    bool verified = false;
    auto open_read_only = [&] {
      try {
        read_only = state_of(work_);
      } catch (const Error& e) {
        ADD_FAILURE() << "KnowledgeBase::open read-only failed: " << e.what();
      }
    };
    auto open_read_write = [&] {
      try {
        KnowledgeBase kb = KnowledgeBase::open(work_, Mode::read_write, journal_);
        VerificationReport report = kb.verify();
        verified = report.ok();
        EXPECT_TRUE(verified) << (report.problems.empty() ? "" : report.problems.front());
        read_write = State{test::content_digest(kb), kb.counts()};
      } catch (const Error& e) {
        ADD_FAILURE() << "KnowledgeBase::open read-write failed: " << e.what();
      }
    };
    if (journal_ == Journal::rollback && fs::exists(work_ + "-journal") &&
        fs::file_size(work_ + "-journal") > 0)
      ++tally.hot_journals;
    open_read_only();
    open_read_write();
    if (!read_only || !read_write) return;
    ++tally.opened;
    if (verified) ++tally.verified;
    EXPECT_EQ(read_only->digest, read_write->digest);
    const std::string& now = read_write->digest;
    if (now == before_.digest) {
      EXPECT_FALSE(reported_imported) << "the helper printed 'imported' but the import is lost";
      EXPECT_TRUE(test::same_counts(read_write->counts, before_.counts));
      ++tally.before;
    } else if (now == after_.digest) {
      EXPECT_TRUE(test::same_counts(read_write->counts, after_.counts));
      ++tally.after;
    } else {
      ADD_FAILURE() << "the content is neither the state before the import nor the one after ("
                    << read_write->counts.meetings << " meetings; before "
                    << before_.counts.meetings << ", after " << after_.counts.meetings << ")";
    }
  }

  void report(const char* name, const Tally& t) {
    std::cout << "[ crash    ] " << name << ": " << t.trials << " trials, " << t.killed
              << " killed (" << t.killed_in_checkpoint << " in the checkpoint, " << t.hot_journals
              << " leaving a hot journal), " << t.opened << " opened read-only and read-write, "
              << t.verified << " verified, " << t.before << " before, " << t.after << " after\n";
    EXPECT_EQ(t.opened, t.trials);
    EXPECT_EQ(t.verified, t.trials);
    EXPECT_EQ(t.before + t.after, t.trials);
    EXPECT_GT(t.killed, t.trials / 2);
  }

  // The k-th of n points spread evenly over 1..last.
  static long spread(int k, int n, long last) {
    if (n <= 1 || last <= 1) return 1;
    return 1 + static_cast<long>(k) * (last - 1) / (n - 1);
  }

  Journal journal_ = Journal::wal;
  fs::path dir_;
  std::string data_, base_, work_;
  State before_, after_;
  test::OperationCounts returned_, closed_;
  std::chrono::nanoseconds run_time_{};
};

// Half the kills inside the checkpoint (spread over its writes to the database file, which
// grow it from page 1 on), a quarter spread over every write, sync and truncate of the run, a
// quarter after delays spread over its length.
TEST_F(Crash, KilledDuringImportAndCheckpointInWalMode) {
  prepare(Journal::wal);
  if (HasFatalFailure()) return;
  ASSERT_GT(closed_.db, 100) << "the checkpoint should copy hundreds of pages";
  const int trials = test::crash_trials(20);
  const int in_checkpoint = trials / 2, at_io = trials / 4, timed = trials - in_checkpoint - at_io;
  Tally tally;
  for (int k = 0; k < in_checkpoint; ++k)
    trial("db:" + std::to_string(spread(k, in_checkpoint, closed_.db)), std::nullopt, true, tally);
  for (int k = 0; k < at_io; ++k)
    trial("io:" + std::to_string(spread(k, at_io, closed_.io)), std::nullopt, false, tally);
  for (int k = 0; k < timed; ++k) trial("", run_time_ * (2 * k + 1) / (2 * timed), false, tally);
  report("WAL", tally);
}

// Kills among the database writes of a rollback-journal commit (a hot journal left behind),
// and among every write, sync and truncate.
TEST_F(Crash, KilledDuringRollbackJournalCommit) {
  prepare(Journal::rollback);
  if (HasFatalFailure()) return;
  ASSERT_GT(closed_.db, 100) << "the commit should write hundreds of pages";
  ASSERT_GT(closed_.journal, 0);
  const int trials = std::max(2, test::crash_trials(20) / 3);
  const int at_db = (trials + 1) / 2, at_io = trials - at_db;
  Tally tally;
  for (int k = 0; k < at_db; ++k)
    trial("db:" + std::to_string(spread(k, at_db, closed_.db)), std::nullopt, false, tally);
  for (int k = 0; k < at_io; ++k)
    trial("io:" + std::to_string(spread(k, at_io, closed_.io)), std::nullopt, false, tally);
  report("rollback journal", tally);
  EXPECT_GE(tally.hot_journals, at_db);
}

}  // namespace
}  // namespace euiomkb
