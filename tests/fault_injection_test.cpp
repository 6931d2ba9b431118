// All or nothing under injected faults. A test-only SQLite VFS wraps the default one and fails
// the Nth write, sync or truncate (counted together, on every file: database, journal, WAL):
// once (transient) or from then on (persistent). For N = 1, 2, ... an import runs on a fresh
// copy of a seeded database until one run meets no fault; after every run the database is
// reopened without faults and must pass integrity_check and foreign_key_check, and hold exactly
// the content before the import (when it failed) or exactly the content after (when it
// reported success). In WAL mode and in rollback-journal mode.
#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <fstream>

#include "euiomkb/euiomkb.hpp"
#include "test_support.hpp"
#include "text.hpp"

namespace euiomkb {
namespace {

namespace fs = std::filesystem;

// The fault plan, read by the VFS: fail operation number `fail_at` (1-based), and every later
// one when `persistent`. Disarmed, it counts nothing.
struct FaultPlan {
  bool armed = false;
  bool persistent = false;
  long fail_at = 0;
  long operations = 0;
  long injected = 0;
};
FaultPlan plan;

bool inject() {
  if (!plan.armed) return false;
  ++plan.operations;
  bool fail =
      plan.operations == plan.fail_at || (plan.persistent && plan.operations > plan.fail_at);
  if (fail) ++plan.injected;
  return fail;
}

// A file of the faulty VFS: our header, then the real file's own structure.
struct FaultyFile {
  sqlite3_file base;
  sqlite3_file* real() { return reinterpret_cast<sqlite3_file*>(this + 1); }
};
FaultyFile* faulty(sqlite3_file* file) { return reinterpret_cast<FaultyFile*>(file); }
sqlite3_file* real(sqlite3_file* file) { return faulty(file)->real(); }

int f_close(sqlite3_file* f) { return real(f)->pMethods->xClose(real(f)); }
int f_read(sqlite3_file* f, void* b, int n, sqlite3_int64 o) {
  return real(f)->pMethods->xRead(real(f), b, n, o);
}
int f_write(sqlite3_file* f, const void* b, int n, sqlite3_int64 o) {
  if (inject()) return SQLITE_IOERR_WRITE;
  return real(f)->pMethods->xWrite(real(f), b, n, o);
}
int f_truncate(sqlite3_file* f, sqlite3_int64 size) {
  if (inject()) return SQLITE_IOERR_TRUNCATE;
  return real(f)->pMethods->xTruncate(real(f), size);
}
int f_sync(sqlite3_file* f, int flags) {
  if (inject()) return SQLITE_IOERR_FSYNC;
  return real(f)->pMethods->xSync(real(f), flags);
}
int f_size(sqlite3_file* f, sqlite3_int64* size) {
  return real(f)->pMethods->xFileSize(real(f), size);
}
int f_lock(sqlite3_file* f, int l) { return real(f)->pMethods->xLock(real(f), l); }
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

// Every row of every table, in storage order: equal digests mean equal content.
std::string content_digest(const std::string& path) {
  SQLite::Database db(path, SQLite::OPEN_READONLY);
  std::vector<std::string> tables;
  SQLite::Statement list(db, "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name");
  while (list.executeStep()) tables.push_back(list.getColumn(0).getString());
  std::string all;
  for (const std::string& table : tables) {
    // The time of an import differs from run to run; all else must be equal.
    SQLite::Statement rows(
        db, table == "import_log"
                ? "SELECT import_id, file_name, sha256, records, replaced_by FROM import_log"
                : "SELECT * FROM \"" + table + "\"");
    all += "\n#" + table;
    while (rows.executeStep()) {
      all += '\n';
      for (int c = 0; c < rows.getColumnCount(); ++c) all += rows.getColumn(c).getString() + '\x1f';
    }
  }
  return detail::sha256_hex(all);
}

struct Totals {
  long fault_points = 0;
  long runs_failed = 0;
  long runs_committed = 0;
};

// Runs the loop for one journal mode and one kind of fault; returns what it exercised. With
// `replacement`, the base database already holds som12.facts and the import under faults is a
// changed version of it (a replacement: its records removed, the new ones loaded).
Totals run_fault_loop(KnowledgeBase::Journal journal, bool persistent, bool replacement = false) {
  test::TempPath base, work;
  fs::path dir = fs::path(base.str() + ".d");
  fs::create_directories(dir);
  fs::path changed = dir / "changed";
  fs::create_directories(changed);
  {
    std::ofstream(changed / "notes.txt")
        << "Field notes.\nThe twelfth EU-IOM Senior Officials Meeting was held in\nGeneva on 2 "
           "March 2026, chaired by William L. Swing.\n";
    std::ofstream(changed / "som12.facts")
        << "source notes\n  file: notes.txt\n  title: Field notes\n  language: en\n\n"
           "meeting som-12-faults\n  series: SOM\n  sequence_no: 12\n  title: 12th SOM\n"
           "  held_on: 2026-03-02\n  location: Geneva\n  note: the changed version\n"
           "  cite: notes | The twelfth EU-IOM Senior Officials Meeting was held in Geneva\n\n"
           "topic\n  meeting: som-12-faults\n  label: Faults, again\n  cite: notes | Field notes\n"
           "  cite_note: a test fixture: this citation only has to be found in its document\n";
  }
  fs::path imported = replacement ? changed / "som12.facts" : dir / "som12.facts";
  ImportOptions options;  // the changed version is in another directory: say it replaces
  options.replace_same_name = replacement;
  {
    std::ofstream(dir / "notes.txt")
        << "Field notes.\nThe twelfth EU-IOM Senior Officials Meeting was held in\nGeneva on 2 "
           "March 2026, chaired by William L. Swing.\n";
    std::ofstream(dir / "som12.facts")
        << "source notes\n  file: notes.txt\n  title: Field notes\n  language: en\n\n"
           "meeting som-12-faults\n  series: SOM\n  sequence_no: 12\n  title: 12th SOM\n"
           "  held_on: 2026-03-02\n  location: Geneva\n"
           "  cite: notes | The twelfth EU-IOM Senior Officials Meeting was held in Geneva\n\n"
           "attendance\n  meeting: som-12-faults\n  person: william-swing\n  role: co-chair\n"
           "  attested_as: reported\n  cite: notes | chaired by William L. Swing\n\n"
           "topic\n  meeting: som-12-faults\n  label: Faults\n  cite: notes | Field notes\n  "
           "cite_note: a test fixture: this citation only has to be found in its document\n";
  }
  KnowledgeBase::create_seeded(base.str());
  {
    KnowledgeBase kb = KnowledgeBase::open(base.str(), KnowledgeBase::Mode::read_write, journal);
    if (replacement) {
      EXPECT_EQ(kb.import_files({dir / "som12.facts"}).outcome, ImportOutcome::imported);
    }
  }
  std::string before = content_digest(base.str());
  std::string after;
  {
    fs::copy_file(base.str(), work.str(), fs::copy_options::overwrite_existing);
    KnowledgeBase kb = KnowledgeBase::open(work.str(), KnowledgeBase::Mode::read_write, journal);
    ImportReport report = kb.import_files({imported}, options);
    EXPECT_EQ(report.outcome, ImportOutcome::imported);
    EXPECT_EQ(report.files.at(0).replaced.size(), replacement ? 1u : 0u);
  }
  after = content_digest(work.str());
  EXPECT_NE(before, after);

  Totals totals;
  FaultyVfs vfs;
  for (long n = 1; n < 100000; ++n) {
    for (const char* suffix : {"", "-journal", "-wal", "-shm"}) fs::remove(work.str() + suffix);
    fs::copy_file(base.str(), work.str());
    plan = FaultPlan{true, persistent, n, 0, 0};
    bool reported_success = false;
    try {
      KnowledgeBase kb = KnowledgeBase::open(work.str(), KnowledgeBase::Mode::read_write, journal);
      ImportReport report = kb.import_files({imported}, options);
      reported_success = report.outcome == ImportOutcome::imported;
      EXPECT_TRUE(report.outcome == ImportOutcome::imported || !report.problems.empty());
    } catch (const Error&) {
      // A fault: DatabaseError (any euiomkb::Error is acceptable; nothing else may escape).
    }
    bool faulted = plan.injected > 0;
    plan.armed = false;
    if (!faulted) break;  // the import ran through without meeting fault point n
    ++totals.fault_points;
    ++(reported_success ? totals.runs_committed : totals.runs_failed);
    // Reopen without faults (a hot journal or WAL is recovered here) and check.
    {
      SQLite::Database db(work.str(), SQLite::OPEN_READWRITE);
      EXPECT_EQ(db.execAndGet("PRAGMA integrity_check").getString(), "ok") << "fault " << n;
      SQLite::Statement fk(db, "PRAGMA foreign_key_check");
      EXPECT_FALSE(fk.executeStep()) << "fault " << n;
    }
    std::string now = content_digest(work.str());
    if (reported_success)
      EXPECT_EQ(now, after) << "fault " << n << ": reported success but content is not after";
    else
      EXPECT_EQ(now, before) << "fault " << n << ": reported failure but content is not before";
  }
  fs::remove_all(dir);
  return totals;
}

// Runs the loop and reports its totals; every fault point's own checks are in the loop. More
// than five fault points shows the faults reached the import's writes at all.
void expect_all_or_nothing(const char* name, KnowledgeBase::Journal journal, bool persistent,
                           bool replacement = false) {
  Totals t = run_fault_loop(journal, persistent, replacement);
  EXPECT_GT(t.fault_points, 5);
  std::cout << "[ faults   ] " << name << ": " << t.fault_points << " fault points, "
            << t.runs_failed << " imports failed (content before), " << t.runs_committed
            << " reported success (content after)\n";
}

TEST(FaultInjection, WalTransient) {
  expect_all_or_nothing("WAL, transient", KnowledgeBase::Journal::wal, false);
}

TEST(FaultInjection, WalPersistent) {
  expect_all_or_nothing("WAL, persistent", KnowledgeBase::Journal::wal, true);
}

TEST(FaultInjection, RollbackJournalTransient) {
  expect_all_or_nothing("rollback journal, transient", KnowledgeBase::Journal::rollback, false);
}

TEST(FaultInjection, RollbackJournalPersistent) {
  expect_all_or_nothing("rollback journal, persistent", KnowledgeBase::Journal::rollback, true);
}

// A changed version of an imported file: the earlier records removed, the new ones loaded.
TEST(FaultInjection, ReplacementWalTransient) {
  expect_all_or_nothing("replacement, WAL, transient", KnowledgeBase::Journal::wal, false, true);
}

TEST(FaultInjection, ReplacementRollbackJournalPersistent) {
  expect_all_or_nothing("replacement, rollback journal, persistent",
                        KnowledgeBase::Journal::rollback, true, true);
}

}  // namespace
}  // namespace euiomkb
