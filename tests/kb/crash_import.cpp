// crash_import: the process the crash and concurrency tests kill, pause and race against.
//
//   crash_import generate N DIR
//     Writes a synthetic data set of N meetings (bench/generate.hpp) into DIR/facts and
//     DIR/sources; prints nothing. Exit 0, or 1 with the error on stderr.
//   crash_import import DB wal|rollback DIR
//     KnowledgeBase::open(DB, read_write, journal), import_files() of DIR/facts/*.facts with the
//     documents of DIR/sources, then closes the database (the last connection's checkpoint runs
//     here in WAL mode when the commit's own did not). Prints on stdout, each line flushed:
//       opened
//       imported RECORDS              (import_files returned ImportOutcome::imported)
//       returned io=X db=Y wal=Z journal=J   (operations counted so far, see below)
//       closed
//       closed io=X db=Y wal=Z journal=J
//     Exit 0 when imported, 1 when the import was rejected or threw (the reason on stderr).
//
// Hooks, through the environment, on the operations this process makes through SQLite's VFS:
// "io" counts every write, sync and truncate on any file (database, WAL, journal; not the
// shared-memory index), "db" the writes to the database file (in WAL mode only a checkpoint or
// a journal-mode change writes there), "wal" the writes to the WAL file and "journal" those to
// the rollback journal.
//   EUIOMKB_CRASH_KILL=COUNTER:N   SIGKILL this process right after operation N of COUNTER.
//   EUIOMKB_CRASH_PAUSE=COUNTER:N[,COUNTER:N...] with EUIOMKB_CRASH_SIGNAL_DIR=DIR
//     right after the k-th listed point, create DIR/paused-k and wait until DIR/resume-k
//     exists (at most a minute; then exit 3). The operation has been made; locks are held.
//     COUNTER "progress" pauses in the import's progress callback (inside its transaction).
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include "euiomkb/euiomkb.hpp"
#include "generate.hpp"

namespace {

namespace fs = std::filesystem;

enum Counter { kIo, kDb, kWal, kJournal, kProgress, kCounters };
constexpr const char* kCounterNames[kCounters] = {"io", "db", "wal", "journal", "progress"};

struct Point {
  Counter counter;
  long n;
};

long counts[kCounters] = {};
bool kill_armed = false;
Point kill_at{};
std::vector<Point> pauses;
std::size_t next_pause = 0;
fs::path signal_dir;

// "COUNTER:N" as a Point; exits 2 for anything else.
Point parse_point(const std::string& text) {
  auto colon = text.find(':');
  if (colon != std::string::npos) {
    std::string name = text.substr(0, colon);
    for (int c = 0; c < kCounters; ++c) {
      if (name == kCounterNames[c])
        return Point{static_cast<Counter>(c), std::stol(text.substr(colon + 1))};
    }
  }
  std::cerr << "crash_import: '" << text << "' is not COUNTER:N\n";
  std::exit(2);
}

void pause_here(std::size_t k) {
  fs::path paused = signal_dir / ("paused-" + std::to_string(k));
  fs::path resume = signal_dir / ("resume-" + std::to_string(k));
  std::ofstream(paused) << ::getpid() << "\n";
  auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(1);
  while (!fs::exists(resume)) {
    if (std::chrono::steady_clock::now() > deadline) {
      std::cerr << "crash_import: nobody resumed pause " << k << "\n";
      std::_Exit(3);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
}

// Counts one operation of `counter` (made just now) and acts on the hooks.
void after(Counter counter) {
  long n = ++counts[counter];
  if (kill_armed && kill_at.counter == counter && kill_at.n == n) ::raise(SIGKILL);
  if (next_pause < pauses.size() && pauses[next_pause].counter == counter &&
      pauses[next_pause].n == n)
    pause_here(++next_pause);
}

// The counting VFS: the default one with each file's methods wrapped.
struct CountingFile {
  sqlite3_file base;
  Counter kind;  // kDb, kWal or kJournal; kIo for any other file
  sqlite3_file* real() { return reinterpret_cast<sqlite3_file*>(this + 1); }
};
CountingFile* counting(sqlite3_file* f) { return reinterpret_cast<CountingFile*>(f); }
sqlite3_file* real(sqlite3_file* f) { return counting(f)->real(); }

int c_close(sqlite3_file* f) { return real(f)->pMethods->xClose(real(f)); }
int c_read(sqlite3_file* f, void* b, int n, sqlite3_int64 o) {
  return real(f)->pMethods->xRead(real(f), b, n, o);
}
int c_write(sqlite3_file* f, const void* b, int n, sqlite3_int64 o) {
  int rc = real(f)->pMethods->xWrite(real(f), b, n, o);
  if (counting(f)->kind != kIo) after(counting(f)->kind);
  after(kIo);
  return rc;
}
int c_truncate(sqlite3_file* f, sqlite3_int64 size) {
  int rc = real(f)->pMethods->xTruncate(real(f), size);
  after(kIo);
  return rc;
}
int c_sync(sqlite3_file* f, int flags) {
  int rc = real(f)->pMethods->xSync(real(f), flags);
  after(kIo);
  return rc;
}
int c_size(sqlite3_file* f, sqlite3_int64* size) {
  return real(f)->pMethods->xFileSize(real(f), size);
}
int c_lock(sqlite3_file* f, int l) { return real(f)->pMethods->xLock(real(f), l); }
int c_unlock(sqlite3_file* f, int l) { return real(f)->pMethods->xUnlock(real(f), l); }
int c_check(sqlite3_file* f, int* out) {
  return real(f)->pMethods->xCheckReservedLock(real(f), out);
}
int c_control(sqlite3_file* f, int op, void* arg) {
  return real(f)->pMethods->xFileControl(real(f), op, arg);
}
int c_sector(sqlite3_file* f) { return real(f)->pMethods->xSectorSize(real(f)); }
int c_device(sqlite3_file* f) { return real(f)->pMethods->xDeviceCharacteristics(real(f)); }
int c_shm_map(sqlite3_file* f, int page, int size, int extend, void volatile** out) {
  return real(f)->pMethods->xShmMap(real(f), page, size, extend, out);
}
int c_shm_lock(sqlite3_file* f, int offset, int n, int flags) {
  return real(f)->pMethods->xShmLock(real(f), offset, n, flags);
}
void c_shm_barrier(sqlite3_file* f) { real(f)->pMethods->xShmBarrier(real(f)); }
int c_shm_unmap(sqlite3_file* f, int remove) {
  return real(f)->pMethods->xShmUnmap(real(f), remove);
}
int c_fetch(sqlite3_file* f, sqlite3_int64 o, int n, void** out) {
  return real(f)->pMethods->xFetch(real(f), o, n, out);
}
int c_unfetch(sqlite3_file* f, sqlite3_int64 o, void* p) {
  return real(f)->pMethods->xUnfetch(real(f), o, p);
}

const sqlite3_io_methods kCountingMethods = {
    3,          c_close,       c_read,      c_write,   c_truncate, c_sync,   c_size,
    c_lock,     c_unlock,      c_check,     c_control, c_sector,   c_device, c_shm_map,
    c_shm_lock, c_shm_barrier, c_shm_unmap, c_fetch,   c_unfetch};

sqlite3_vfs* underlying = nullptr;
sqlite3_vfs counting_vfs{};

int counting_open(sqlite3_vfs*, sqlite3_filename name, sqlite3_file* file, int flags, int* out) {
  CountingFile* f = counting(file);
  f->base.pMethods = nullptr;
  f->kind = (flags & SQLITE_OPEN_MAIN_DB)        ? kDb
            : (flags & SQLITE_OPEN_WAL)          ? kWal
            : (flags & SQLITE_OPEN_MAIN_JOURNAL) ? kJournal
                                                 : kIo;
  int rc = underlying->xOpen(underlying, name, f->real(), flags, out);
  if (rc == SQLITE_OK && f->real()->pMethods) f->base.pMethods = &kCountingMethods;
  return rc;
}

void install_counting_vfs() {
  underlying = sqlite3_vfs_find(nullptr);
  counting_vfs = *underlying;
  counting_vfs.zName = "euiomkb-crash-counting";
  counting_vfs.szOsFile = static_cast<int>(sizeof(CountingFile)) + underlying->szOsFile;
  counting_vfs.xOpen = counting_open;
  counting_vfs.pNext = nullptr;
  sqlite3_vfs_register(&counting_vfs, 1);
}

void read_hooks() {
  if (const char* kill = std::getenv("EUIOMKB_CRASH_KILL"); kill && *kill) {
    kill_armed = true;
    kill_at = parse_point(kill);
  }
  if (const char* pause = std::getenv("EUIOMKB_CRASH_PAUSE"); pause && *pause) {
    std::string list = pause;
    for (std::size_t start = 0; start <= list.size();) {
      std::size_t comma = std::min(list.find(',', start), list.size());
      pauses.push_back(parse_point(list.substr(start, comma - start)));
      start = comma + 1;
    }
    const char* dir = std::getenv("EUIOMKB_CRASH_SIGNAL_DIR");
    if (!dir) {
      std::cerr << "crash_import: EUIOMKB_CRASH_PAUSE needs EUIOMKB_CRASH_SIGNAL_DIR\n";
      std::exit(2);
    }
    signal_dir = dir;
  }
}

void print_counts(const char* when) {
  std::cout << when << " io=" << counts[kIo] << " db=" << counts[kDb] << " wal=" << counts[kWal]
            << " journal=" << counts[kJournal] << std::endl;
}

int import(const std::string& db, const std::string& journal_name, const fs::path& data) {
  using euiomkb::KnowledgeBase;
  auto journal =
      journal_name == "rollback" ? KnowledgeBase::Journal::rollback : KnowledgeBase::Journal::wal;
  read_hooks();
  install_counting_vfs();
  int status = 1;
  {
    KnowledgeBase kb = KnowledgeBase::open(db, KnowledgeBase::Mode::read_write, journal);
    std::cout << "opened" << std::endl;
    euiomkb::ImportOptions options;
    options.documents = data / "sources";
    options.progress = [](std::int64_t) { after(kProgress); };
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(data / "facts"))
      if (entry.path().extension() == ".facts") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    euiomkb::ImportReport report = kb.import_files(files, options);
    if (report.outcome == euiomkb::ImportOutcome::imported) {
      std::cout << "imported " << report.records << std::endl;
      status = 0;
    } else {
      for (const auto& problem : report.problems) std::cerr << problem.to_string() << "\n";
    }
    print_counts("returned");
  }
  std::cout << "closed" << std::endl;
  print_counts("closed");
  return status;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  try {
    if (args.size() == 3 && args[0] == "generate") {
      euiomkb::bench::GeneratorOptions options;
      options.meetings = std::stol(args[1]);
      options.out_dir = args[2];
      euiomkb::bench::generate(options);
      return 0;
    }
    if (args.size() == 4 && args[0] == "import") return import(args[1], args[2], args[3]);
  } catch (const std::exception& e) {
    std::cerr << "crash_import: " << e.what() << "\n";
    return 1;
  }
  std::cerr << "usage: crash_import generate N DIR | crash_import import DB wal|rollback DIR\n";
  return 2;
}
