// All or nothing under injected faults. A test-only SQLite VFS wraps the default one and fails
// operations on every file (database, journal, WAL): the Nth write, sync or truncate (counted
// together); the Nth read (SQLITE_IOERR_READ); the Nth lock request, of the database file or of
// the WAL index (SQLITE_BUSY, which the busy handler retries, or SQLITE_IOERR_LOCK); each once
// (transient) or from then on (persistent); and a disk with N bytes free, on which a write that
// grows a file past them fails with SQLITE_FULL. For each, an import runs on a fresh copy of a
// seeded database; a first run only counts the operations (or bytes) the import makes, then one
// run per fault point: every point when there are few, else points spread over the count. After
// every run the database is reopened without faults with KnowledgeBase::open (read-only, then
// read-write), must pass verify(), and hold exactly the content before the import (when it
// failed) or exactly the content after (when it reported success). In WAL mode and in
// rollback-journal mode. Out-of-memory faults are in oom_test.cpp (their allocator is
// process-wide).
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <fstream>
#include <iostream>

#include "crash_support.hpp"
#include "euiomkb/euiomkb.hpp"
#include "test_support.hpp"

namespace euiomkb {
namespace {

namespace fs = std::filesystem;

// What the faulty VFS fails.
enum class Fault { io, read, lock_busy, lock_error, disk_full };

const char* fault_name(Fault fault) {
  switch (fault) {
    case Fault::io:
      return "write/sync/truncate error";
    case Fault::read:
      return "read error";
    case Fault::lock_busy:
      return "lock busy";
    case Fault::lock_error:
      return "lock error";
    case Fault::disk_full:
      return "disk full";
  }
  return "";
}

// The fault plan, read by the VFS: fail operation number `fail_at` (1-based) of the kind
// `fault` counts, and every later one when `persistent`; for disk_full, refuse to grow files by
// more than `free_bytes` in all (negative: no limit) and count the bytes grown. Disarmed, it
// counts nothing.
struct FaultPlan {
  bool armed = false;
  Fault fault = Fault::io;
  bool persistent = false;
  long fail_at = 0;
  long operations = 0;
  long injected = 0;
  long long free_bytes = -1;
  long long grown = 0;
  long long grown_database = 0;  // of `grown`, the database file's
};
FaultPlan plan;

bool inject(Fault fault) {
  if (!plan.armed || plan.fault != fault) return false;
  ++plan.operations;
  bool fail =
      plan.operations == plan.fail_at || (plan.persistent && plan.operations > plan.fail_at);
  if (fail) ++plan.injected;
  return fail;
}

// A file of the faulty VFS: our header, then the real file's own structure.
struct FaultyFile {
  sqlite3_file base;
  bool database;  // the main database file
  sqlite3_file* real() { return reinterpret_cast<sqlite3_file*>(this + 1); }
};
FaultyFile* faulty(sqlite3_file* file) { return reinterpret_cast<FaultyFile*>(file); }
sqlite3_file* real(sqlite3_file* file) { return faulty(file)->real(); }

// Whether writing n bytes at `offset` finds room on the disk of plan.free_bytes.
bool room_for(sqlite3_file* f, int n, sqlite3_int64 offset) {
  if (!plan.armed || plan.fault != Fault::disk_full) return true;
  sqlite3_int64 size = 0;
  if (real(f)->pMethods->xFileSize(real(f), &size) != SQLITE_OK) return true;
  long long growth = offset + n - size;
  if (growth <= 0) return true;
  if (plan.free_bytes >= 0 && plan.grown + growth > plan.free_bytes) {
    ++plan.injected;
    return false;
  }
  plan.grown += growth;
  if (faulty(f)->database) plan.grown_database += growth;
  return true;
}

int f_close(sqlite3_file* f) { return real(f)->pMethods->xClose(real(f)); }
int f_read(sqlite3_file* f, void* b, int n, sqlite3_int64 o) {
  if (inject(Fault::read)) return SQLITE_IOERR_READ;
  return real(f)->pMethods->xRead(real(f), b, n, o);
}
int f_write(sqlite3_file* f, const void* b, int n, sqlite3_int64 o) {
  if (inject(Fault::io)) return SQLITE_IOERR_WRITE;
  if (!room_for(f, n, o)) return SQLITE_FULL;
  return real(f)->pMethods->xWrite(real(f), b, n, o);
}
int f_truncate(sqlite3_file* f, sqlite3_int64 size) {
  if (inject(Fault::io)) return SQLITE_IOERR_TRUNCATE;
  return real(f)->pMethods->xTruncate(real(f), size);
}
int f_sync(sqlite3_file* f, int flags) {
  if (inject(Fault::io)) return SQLITE_IOERR_FSYNC;
  return real(f)->pMethods->xSync(real(f), flags);
}
int f_size(sqlite3_file* f, sqlite3_int64* size) {
  return real(f)->pMethods->xFileSize(real(f), size);
}
// A lock request fails; releasing one never does.
int f_lock(sqlite3_file* f, int l) {
  if (inject(Fault::lock_busy)) return SQLITE_BUSY;
  if (inject(Fault::lock_error)) return SQLITE_IOERR_LOCK;
  return real(f)->pMethods->xLock(real(f), l);
}
int f_unlock(sqlite3_file* f, int l) { return real(f)->pMethods->xUnlock(real(f), l); }
int f_check(sqlite3_file* f, int* out) {
  return real(f)->pMethods->xCheckReservedLock(real(f), out);
}
int f_control(sqlite3_file* f, int op, void* arg) {
  return real(f)->pMethods->xFileControl(real(f), op, arg);
}
int f_sector(sqlite3_file* f) { return real(f)->pMethods->xSectorSize(real(f)); }
int f_device(sqlite3_file* f) { return real(f)->pMethods->xDeviceCharacteristics(real(f)); }
int f_shm_map(sqlite3_file* f, int page, int size, int extend, void volatile** out) {
  return real(f)->pMethods->xShmMap(real(f), page, size, extend, out);
}
int f_shm_lock(sqlite3_file* f, int offset, int n, int flags) {
  if (flags & SQLITE_SHM_LOCK) {
    if (inject(Fault::lock_busy)) return SQLITE_BUSY;
    if (inject(Fault::lock_error)) return SQLITE_IOERR_SHMLOCK;
  }
  return real(f)->pMethods->xShmLock(real(f), offset, n, flags);
}
void f_shm_barrier(sqlite3_file* f) { real(f)->pMethods->xShmBarrier(real(f)); }
int f_shm_unmap(sqlite3_file* f, int remove) {
  return real(f)->pMethods->xShmUnmap(real(f), remove);
}
int f_fetch(sqlite3_file* f, sqlite3_int64 o, int n, void** out) {
  return real(f)->pMethods->xFetch(real(f), o, n, out);
}
int f_unfetch(sqlite3_file* f, sqlite3_int64 o, void* p) {
  return real(f)->pMethods->xUnfetch(real(f), o, p);
}

const sqlite3_io_methods kFaultyMethods = {
    3,          f_close,       f_read,      f_write,   f_truncate, f_sync,   f_size,
    f_lock,     f_unlock,      f_check,     f_control, f_sector,   f_device, f_shm_map,
    f_shm_lock, f_shm_barrier, f_shm_unmap, f_fetch,   f_unfetch};

sqlite3_vfs* underlying = nullptr;

int faulty_open(sqlite3_vfs*, sqlite3_filename name, sqlite3_file* file, int flags, int* out) {
  FaultyFile* f = faulty(file);
  f->base.pMethods = nullptr;
  f->database = (flags & SQLITE_OPEN_MAIN_DB) != 0;
  int rc = underlying->xOpen(underlying, name, f->real(), flags, out);
  if (rc == SQLITE_OK && f->real()->pMethods) f->base.pMethods = &kFaultyMethods;
  return rc;
}

// Installs the faulty VFS as SQLite's default for the life of the object.
class FaultyVfs {
 public:
  FaultyVfs() {
    underlying = sqlite3_vfs_find(nullptr);
    vfs_ = *underlying;
    vfs_.zName = "euiomkb-faulty";
    vfs_.szOsFile = static_cast<int>(sizeof(FaultyFile)) + underlying->szOsFile;
    vfs_.xOpen = faulty_open;
    vfs_.pNext = nullptr;
    sqlite3_vfs_register(&vfs_, 1);
  }
  ~FaultyVfs() {
    sqlite3_vfs_unregister(&vfs_);
    sqlite3_vfs_register(underlying, 1);
  }

 private:
  sqlite3_vfs vfs_{};
};

// The content of the database at `path`, read through KnowledgeBase::open.
std::string content_of(const std::string& path) {
  KnowledgeBase kb = KnowledgeBase::open(path);
  return test::content_digest(kb);
}

struct Totals {
  long fault_points = 0;
  long injected = 0;  // operations failed in all
  long runs_failed = 0;
  long runs_committed = 0;
  long checkpoint_problems = 0;  // committed, the copy into the database file failed, reported
};

// The fault points of a loop: every one of 1..count when there are few, else `spread` points
// spread over them (a third of them under AddressSanitizer).
std::vector<long> fault_points(long count, int spread = 150) {
  std::vector<long> points;
#if defined(__SANITIZE_ADDRESS__)
  spread /= 3;
#endif
  if (count <= spread) {
    for (long n = 1; n <= count; ++n) points.push_back(n);
  } else {
    for (int k = 0; k < spread; ++k) points.push_back(1 + k * (count - 1) / (spread - 1));
  }
  return points;
}

// The files of one loop: a base database (seeded, a first small import committed in the
// journal mode of the loop, since a file takes its mode at its first commit), the fact file
// imported under faults, and the states before and after it.
class Scene {
 public:
  Scene(KnowledgeBase::Journal journal, bool replacement) : journal_(journal) {
    dir_ = fs::path(base_.str() + ".d");
    fs::create_directories(dir_ / "changed");
    const char* notes =
        "Field notes.\nThe twelfth EU-IOM Senior Officials Meeting was held in\nGeneva on 2 "
        "March 2026, chaired by William L. Swing.\n";
    std::ofstream(dir_ / "changed" / "notes.txt") << notes;
    std::ofstream(dir_ / "changed" / "som12.facts")
        << "source notes\n  file: notes.txt\n  title: Field notes\n  language: en\n\n"
           "meeting som-12-faults\n  series: SOM\n  sequence_no: 12\n  title: 12th SOM\n"
           "  held_on: 2026-03-02\n  location: Geneva\n  note: the changed version\n"
           "  cite: notes | The twelfth EU-IOM Senior Officials Meeting was held in Geneva\n\n"
           "topic\n  meeting: som-12-faults\n  label: Faults, again\n  cite: notes | Field notes\n"
           "  cite_note: a test fixture: this citation only has to be found in its document\n";
    std::ofstream(dir_ / "notes.txt") << notes;
    std::ofstream(dir_ / "som12.facts")
        << "source notes\n  file: notes.txt\n  title: Field notes\n  language: en\n\n"
           "meeting som-12-faults\n  series: SOM\n  sequence_no: 12\n  title: 12th SOM\n"
           "  held_on: 2026-03-02\n  location: Geneva\n"
           "  cite: notes | The twelfth EU-IOM Senior Officials Meeting was held in Geneva\n\n"
           "attendance\n  meeting: som-12-faults\n  person: william-swing\n  role: co-chair\n"
           "  attested_as: reported\n  cite: notes | chaired by William L. Swing\n\n"
           "topic\n  meeting: som-12-faults\n  label: Faults\n  cite: notes | Field notes\n  "
           "cite_note: a test fixture: this citation only has to be found in its document\n";
    std::ofstream(dir_ / "first.txt") << "A first note.\n";
    std::ofstream(dir_ / "first.facts")
        << "source first\n  file: first.txt\n  title: A first note\n  language: en\n";
    imported_ = replacement ? dir_ / "changed" / "som12.facts" : dir_ / "som12.facts";
    // The changed version is in another directory: say it replaces the earlier import.
    options_.replace_same_name = replacement;
    KnowledgeBase::create_seeded(base_.str());
    {
      KnowledgeBase kb = KnowledgeBase::open(base_.str(), KnowledgeBase::Mode::read_write, journal);
      EXPECT_EQ(kb.import_files({dir_ / "first.facts"}).outcome, ImportOutcome::imported);
      if (replacement) {
        EXPECT_EQ(kb.import_files({dir_ / "som12.facts"}).outcome, ImportOutcome::imported);
      }
    }
    before_ = content_of(base_.str());
    {
      test::fresh_copy(base_.str(), work_.str());
      KnowledgeBase kb = KnowledgeBase::open(work_.str(), KnowledgeBase::Mode::read_write, journal);
      ImportReport report = kb.import_files({imported_}, options_);
      EXPECT_EQ(report.outcome, ImportOutcome::imported);
      EXPECT_EQ(report.files.at(0).replaced.size(), replacement ? 1u : 0u);
    }
    after_ = content_of(work_.str());
    EXPECT_NE(before_, after_);
  }
  ~Scene() {
    std::error_code ignored;
    fs::remove_all(dir_, ignored);
  }
  Scene(const Scene&) = delete;
  Scene& operator=(const Scene&) = delete;

  // One import on a fresh copy of the base under `fault_plan`; then, without faults, the
  // checks. Returns false when the plan injected nothing.
  bool run(const FaultPlan& fault_plan, Totals& totals, const std::string& label) {
    SCOPED_TRACE(label);
    test::fresh_copy(base_.str(), work_.str());
    bool reported_success = false;
    std::string failure;
    plan = fault_plan;
    plan.armed = true;
    try {
      KnowledgeBase kb =
          KnowledgeBase::open(work_.str(), KnowledgeBase::Mode::read_write, journal_);
      ImportReport report = kb.import_files({imported_}, options_);
      reported_success = report.outcome == ImportOutcome::imported;
      if (reported_success && report.checkpoint_problem) ++totals.checkpoint_problems;
      EXPECT_TRUE(report.outcome == ImportOutcome::imported || !report.problems.empty());
      if (!report.problems.empty()) failure = report.problems.front().to_string();
    } catch (const Error& e) {
      // A fault: DatabaseError (any euiomkb::Error is acceptable; nothing else may escape).
      failure = e.what();
    }
    plan.armed = false;
    last_ = plan;
    if (plan.injected == 0) return false;
    ++totals.fault_points;
    totals.injected += plan.injected;
    ++(reported_success ? totals.runs_committed : totals.runs_failed);
    // Reopen without faults (a hot journal or WAL is recovered here) and check.
    std::string now;
    try {
      now = content_of(work_.str());
      KnowledgeBase kb =
          KnowledgeBase::open(work_.str(), KnowledgeBase::Mode::read_write, journal_);
      VerificationReport report = kb.verify();
      EXPECT_TRUE(report.ok()) << (report.problems.empty() ? "" : report.problems.front());
    } catch (const Error& e) {
      ADD_FAILURE() << "KnowledgeBase::open after the fault failed: " << e.what()
                    << "\n(the import " << (reported_success ? "reported success" : "failed: ")
                    << failure << ")";
      return true;
    }
    if (reported_success)
      EXPECT_EQ(now, after_) << "reported success but the content is not the state after";
    else
      EXPECT_EQ(now, before_) << "reported failure (" << failure
                              << ") but the content is not the state before";
    return true;
  }

  // The plan of the last run, with what it counted.
  const FaultPlan& last() const { return last_; }

 private:
  KnowledgeBase::Journal journal_;
  test::TempPath base_, work_;
  fs::path dir_, imported_;
  ImportOptions options_;
  std::string before_, after_;
  FaultPlan last_;
};

// Runs the loop for one journal mode and one kind of fault; returns what it exercised. With
// `replacement`, the base database already holds som12.facts and the import under faults is a
// changed version of it (a replacement: its records removed, the new ones loaded).
Totals run_fault_loop(KnowledgeBase::Journal journal, Fault fault, bool persistent,
                      bool replacement = false) {
  Scene scene(journal, replacement);
  FaultyVfs vfs;
  Totals totals;
  // A first run only counts: of operations, the fault is never reached; of bytes, no limit.
  FaultPlan counting{false, fault, false, 0};
  EXPECT_FALSE(scene.run(counting, totals, "counting"));
  if (fault == Fault::disk_full) {
    // Free space from none to one byte short of what the import grows the files by.
    long long needed = scene.last().grown;
    for (long point : fault_points(needed, 40)) {
      FaultPlan full{false, fault, true, 0};
      full.free_bytes = point - 1;
      scene.run(full, totals, std::to_string(point - 1) + " bytes free");
    }
    return totals;
  }
  long count = scene.last().operations;
  for (long n : fault_points(count)) {
    scene.run(FaultPlan{false, fault, persistent, n}, totals,
              std::string(fault_name(fault)) + " at operation " + std::to_string(n) + " of " +
                  std::to_string(count));
  }
  return totals;
}

// Runs the loop and reports its totals; every fault point's own checks are in the loop.
// Five or more fault points show the faults reached the import at all.
Totals expect_all_or_nothing(KnowledgeBase::Journal journal, Fault fault, bool persistent,
                             bool replacement = false) {
  Totals t = run_fault_loop(journal, fault, persistent, replacement);
  EXPECT_GE(t.fault_points, 5);
  std::cout << "[ faults   ] " << (replacement ? "replacement, " : "")
            << (journal == KnowledgeBase::Journal::wal ? "WAL" : "rollback journal") << ", "
            << fault_name(fault) << (persistent ? ", persistent" : ", transient") << ": "
            << t.fault_points << " fault points, " << t.injected << " faults injected, "
            << t.runs_failed << " imports failed (content before), " << t.runs_committed
            << " reported success (content after), " << t.checkpoint_problems
            << " of them with a failed checkpoint reported\n";
  return t;
}

using Journal = KnowledgeBase::Journal;

TEST(FaultInjection, WalTransient) { expect_all_or_nothing(Journal::wal, Fault::io, false); }

TEST(FaultInjection, WalPersistent) { expect_all_or_nothing(Journal::wal, Fault::io, true); }

TEST(FaultInjection, RollbackJournalTransient) {
  expect_all_or_nothing(Journal::rollback, Fault::io, false);
}

TEST(FaultInjection, RollbackJournalPersistent) {
  expect_all_or_nothing(Journal::rollback, Fault::io, true);
}

// A changed version of an imported file: the earlier records removed, the new ones loaded.
TEST(FaultInjection, ReplacementWalTransient) {
  expect_all_or_nothing(Journal::wal, Fault::io, false, true);
}

TEST(FaultInjection, ReplacementRollbackJournalPersistent) {
  expect_all_or_nothing(Journal::rollback, Fault::io, true, true);
}

// A disk that fills at every point of the import, the checkpoint after its commit included.
TEST(FaultInjection, DiskFullWal) {
  Totals t = expect_all_or_nothing(Journal::wal, Fault::disk_full, true);
  EXPECT_GT(t.runs_failed, 0);
}

TEST(FaultInjection, DiskFullRollbackJournal) {
  expect_all_or_nothing(Journal::rollback, Fault::disk_full, true);
}

TEST(FaultInjection, ReadErrorsWal) {
  expect_all_or_nothing(Journal::wal, Fault::read, false);
  expect_all_or_nothing(Journal::wal, Fault::read, true);
}

TEST(FaultInjection, ReadErrorsRollbackJournal) {
  expect_all_or_nothing(Journal::rollback, Fault::read, true);
}

// SQLITE_BUSY once (the busy handler retries), and lock errors once and from then on. Busy
// from then on would only wait out the busy timeout at every point.
TEST(FaultInjection, LockErrorsWal) {
  expect_all_or_nothing(Journal::wal, Fault::lock_busy, false);
  expect_all_or_nothing(Journal::wal, Fault::lock_error, false);
  expect_all_or_nothing(Journal::wal, Fault::lock_error, true);
}

TEST(FaultInjection, LockErrorsRollbackJournal) {
  expect_all_or_nothing(Journal::rollback, Fault::lock_busy, false);
  expect_all_or_nothing(Journal::rollback, Fault::lock_error, true);
}

// The disk fills while the checkpoint after the commit grows the database file: the import is
// committed (in the WAL), so it reports success and says the copy failed; afterwards the file
// opens, verifies and has the import.
TEST(FaultInjection, DiskFullDuringThePostCommitCheckpoint) {
  Scene scene(Journal::wal, false);
  FaultyVfs vfs;
  Totals totals;
  EXPECT_FALSE(scene.run(FaultPlan{false, Fault::disk_full, false, 0}, totals, "counting"));
  long long needed = scene.last().grown, database = scene.last().grown_database;
  ASSERT_GT(database, 0) << "the checkpoint should grow the database file";
  FaultPlan full{false, Fault::disk_full, true, 0};
  full.free_bytes = needed - database / 2 - 1;  // room for the WAL, half the database's growth
  EXPECT_TRUE(scene.run(full, totals, "the database file cannot grow"));
  EXPECT_EQ(totals.runs_committed, 1) << "the commit was in the WAL: the import is done";
  EXPECT_EQ(totals.checkpoint_problems, 1) << "the failed checkpoint was not reported";
}

}  // namespace
}  // namespace euiomkb
