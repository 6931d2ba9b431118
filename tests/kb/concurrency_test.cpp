// Readers in other processes while imports run: WAL mode lets them read throughout; none may
// see part of an import, and no SQLITE_BUSY may reach them through the API. Readers while the
// checkpoint after an import grows the file: no false alarm. And a database in use is never
// replaced (build --force).
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <mutex>
#include <thread>

#include "crash_support.hpp"
#include "euiomkb/euiomkb.hpp"
#include "test_support.hpp"

namespace euiomkb {
namespace {

namespace fs = std::filesystem;

constexpr int kReaders = 3;
constexpr int kImports = 12;

// A reader: polls the counts until `stop` appears. Each import adds one meeting, one topic and
// one attendance, each with one citation, so a state is whole exactly when the three grew by
// the same number and the citations by three times it. Exit code: 0 every state was whole,
// 1 a partial state was seen, 2 an error (such as SQLITE_BUSY) reached the reader.
int read_until_stopped(const std::string& db, const fs::path& stop, const Counts& base) {
  try {
    long polls = 0;
    while (!fs::exists(stop) || polls == 0) {
      KnowledgeBase kb = KnowledgeBase::open(db);  // a fresh open now and then, too
      for (int i = 0; i < 20; ++i, ++polls) {
        Counts c = kb.counts();
        std::int64_t added = c.meetings - base.meetings;
        if (c.topics - base.topics != added || c.attendances - base.attendances != added ||
            c.citations - base.citations != 3 * added)
          return 1;
      }
    }
    return 0;
  } catch (const Error&) {
    return 2;
  }
}

TEST(Concurrency, ReadersInOtherProcessesSeeOnlyWholeImportsAndNeverBusy) {
  test::TempPath db;
  fs::path dir = fs::path(db.str() + ".d");
  fs::create_directories(dir);
  fs::path stop = dir / "stop";
  {
    std::ofstream(dir / "notes.txt") << "Field notes.\nChaired by William L. Swing.\n";
    std::ofstream(dir / "00_source.facts")
        << "source notes\n  file: notes.txt\n  title: Field notes\n  language: en\n";
    for (int k = 1; k <= kImports; ++k) {
      std::string key = "concurrent-" + std::to_string(k);
      std::ofstream(dir / (key + ".facts"))
          << "meeting " << key << "\n  title: Meeting " << k
          << "\n  cite: notes | Field notes\n  cite_note: a test fixture: this citation only has "
             "to be found in its document\n\n"
          << "topic\n  meeting: " << key << "\n  label: Topic " << k
          << "\n  cite: notes | Field notes\n  cite_note: a test fixture: this citation only has "
             "to be found in its document\n\nattendance\n  meeting: "
          << key << "\n  person: william-swing\n  role: participant\n  attested_as: reported\n"
          << "  cite: notes | Chaired by William L. Swing\n";
    }
  }
  Counts base;
  {
    KnowledgeBase kb = KnowledgeBase::create_seeded(db.str());
    ASSERT_EQ(kb.import_files({dir / "00_source.facts"}).outcome, ImportOutcome::imported);
    base = kb.counts();
  }
  std::vector<pid_t> readers;
  for (int r = 0; r < kReaders; ++r) {
    pid_t pid = ::fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) ::_exit(read_until_stopped(db.str(), stop, base));
    readers.push_back(pid);
  }
  {
    KnowledgeBase kb = KnowledgeBase::open(db.str(), KnowledgeBase::Mode::read_write);
    for (int k = 1; k <= kImports; ++k) {
      auto file = dir / ("concurrent-" + std::to_string(k) + ".facts");
      EXPECT_EQ(kb.import_files({file}).outcome, ImportOutcome::imported) << k;
    }
    EXPECT_EQ(kb.counts().meetings, base.meetings + kImports);
  }
  std::ofstream(stop) << "stop\n";
  for (pid_t pid : readers) {
    int status = 0;
    ASSERT_EQ(::waitpid(pid, &status, 0), pid);
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 0) << "1: a reader saw part of an import; 2: an error (busy)";
  }
  fs::remove_all(dir);
}

// A temporary directory holding a base database, seeded and in WAL mode, and a generated data
// set of `meetings` meetings (tests/kb/crash_import generate).
class GeneratedImport {
 public:
  explicit GeneratedImport(int meetings) {
    std::random_device random;
    dir_ = fs::temp_directory_path() / ("euiomkb-concurrency-" + std::to_string(random()));
    fs::create_directories(dir_ / "signals");
    test::Helper generate({"generate", std::to_string(meetings), data()}, {}, dir_ / "generate");
    generated_ = generate.wait() && generate.exit_code() == 0;
    EXPECT_TRUE(generated_) << generate.err();
    KnowledgeBase::create_seeded(db());  // returns it open read-write: in WAL mode from here
  }
  ~GeneratedImport() {
    std::error_code ignored;
    fs::remove_all(dir_, ignored);
  }
  GeneratedImport(const GeneratedImport&) = delete;
  GeneratedImport& operator=(const GeneratedImport&) = delete;

  bool generated() const { return generated_; }
  std::string db() const { return (dir_ / "kb.db").string(); }
  std::string data() const { return (dir_ / "data").string(); }
  fs::path signal(const std::string& name) const { return dir_ / "signals" / name; }
  fs::path dir() const { return dir_; }
  // crash_import importing the data set into db(), pausing at `pauses` (crash_import.cpp).
  std::unique_ptr<test::Helper> start_import(const std::string& pauses) const {
    return std::make_unique<test::Helper>(
        std::vector<std::string>{"import", db(), "wal", data()},
        std::vector<std::string>{"EUIOMKB_CRASH_PAUSE=" + pauses,
                                 "EUIOMKB_CRASH_SIGNAL_DIR=" + (dir_ / "signals").string()},
        dir_ / "import");
  }

 private:
  fs::path dir_;
  bool generated_ = false;
};

// Reader threads, each opening the database read-only in a loop (KnowledgeBase::open, counts(),
// a page of meetings, a search) and closing it. Told to rest, each finishes its call and holds
// no connection until told to read again.
class Readers {
 public:
  Readers(std::string db, int n) : db_(std::move(db)) {
    for (int i = 0; i < n; ++i) threads_.emplace_back([this] { run(); });
  }
  ~Readers() { stop(); }
  Readers(const Readers&) = delete;
  Readers& operator=(const Readers&) = delete;

  void stop() {
    stop_ = true;
    for (auto& t : threads_)
      if (t.joinable()) t.join();
  }
  // Every reader rests (holds no connection) when this returns.
  void rest() {
    rest_ = true;
    while (resting_ < static_cast<int>(threads_.size())) std::this_thread::yield();
  }
  void read() { rest_ = false; }
  // Waits until the readers have made `more` calls since now (at most a minute).
  void wait_for_calls(long more) {
    long target = calls_ + more;
    auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(1);
    while (calls_ < target && std::chrono::steady_clock::now() < deadline)
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  long calls() const { return calls_; }
  long errors() const { return errors_; }
  std::vector<std::string> messages() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return messages_;
  }
  std::vector<Counts> seen() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return seen_;
  }

 private:
  void run() {
    bool resting = false;
    while (!stop_) {
      if (rest_) {
        if (!resting) ++resting_;
        resting = true;
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
        continue;
      }
      if (resting) --resting_;
      resting = false;
      try {
        KnowledgeBase kb = KnowledgeBase::open(db_);
        Counts counts = kb.counts();
        kb.meetings().page(std::nullopt, 20);
        kb.search("migration", 5);
        std::lock_guard<std::mutex> lock(mutex_);
        bool known = false;
        for (const Counts& c : seen_) known = known || test::same_counts(c, counts);
        if (!known) seen_.push_back(counts);
      } catch (const std::exception& e) {
        ++errors_;
        std::lock_guard<std::mutex> lock(mutex_);
        if (messages_.size() < 5) messages_.push_back(e.what());
      }
      ++calls_;
    }
    if (resting) --resting_;
  }

  std::string db_;
  std::vector<std::thread> threads_;
  std::atomic<bool> stop_{false}, rest_{false};
  std::atomic<int> resting_{0};
  std::atomic<long> calls_{0}, errors_{0};
  mutable std::mutex mutex_;
  std::vector<std::string> messages_;
  std::vector<Counts> seen_;
};

// An import big enough that its commit checkpoints (more than 1000 WAL frames) and grows the
// file by over a thousand pages, which SQLite copies in page order from page 1, whose header
// gives the new size. crash_import pauses at its first WAL write (the readers then rest, so that
// no read lock keeps the passive checkpoint from running), after the checkpoint's first page
// and after its 700th: the file is then shorter than its header says, and the readers read.
// Every call must succeed and see the state before or after the import.
TEST(Concurrency, ReadersDuringACheckpointThatGrowsTheFileSeeNoFalseAlarm) {
  GeneratedImport set(400);
  ASSERT_TRUE(set.generated());
  Counts before = KnowledgeBase::open(set.db()).counts();
  constexpr long kCallsPerPhase = 30;
  Readers readers(set.db(), 3);
  readers.wait_for_calls(kCallsPerPhase);
  auto import = set.start_import("wal:1,db:1,db:700");
  ASSERT_TRUE(test::wait_for_file(set.signal("paused-1"), *import)) << import->err();
  readers.rest();
  std::ofstream(set.signal("resume-1")) << "\n";
  long during_checkpoint = 0;
  for (const char* pause : {"2", "3"}) {
    ASSERT_TRUE(test::wait_for_file(set.signal(std::string("paused-") + pause), *import))
        << "the import did not reach the checkpoint's pause " << pause << ": " << import->out()
        << import->err();
    long calls = readers.calls();
    readers.read();
    readers.wait_for_calls(kCallsPerPhase);
    readers.rest();
    during_checkpoint += readers.calls() - calls;
    std::ofstream(set.signal(std::string("resume-") + pause)) << "\n";
  }
  readers.read();
  import->wait();
  EXPECT_EQ(import->exit_code(), 0) << import->err();
  EXPECT_NE(import->out().find("imported "), std::string::npos) << import->out();
  readers.wait_for_calls(kCallsPerPhase);
  readers.stop();

  KnowledgeBase kb = KnowledgeBase::open(set.db());
  Counts after = kb.counts();
  EXPECT_EQ(after.meetings, before.meetings + 400);
  EXPECT_TRUE(kb.verify().ok());
  std::cout << "[ readers  ] " << readers.calls() << " reader calls during an import, "
            << during_checkpoint << " of them while its checkpoint was growing the file; "
            << readers.errors() << " failed\n";
  EXPECT_GE(during_checkpoint, 2 * kCallsPerPhase);
  EXPECT_EQ(readers.errors(), 0) << "first: "
                                 << (readers.messages().empty() ? "" : readers.messages()[0]);
  for (const std::string& message : readers.messages()) ADD_FAILURE() << message;
  for (const Counts& seen : readers.seen()) {
    EXPECT_TRUE(test::same_counts(seen, before) || test::same_counts(seen, after))
        << "a reader saw " << seen.meetings << " meetings (before " << before.meetings << ", after "
        << after.meetings << ")";
  }
}

// Replacing a database another connection is importing into (create_seeded with
// Existing::replace, what `euiomkb build --force` does) is refused, naming the file, and the
// import's records survive. The import is held at its first WAL write (inside its transaction).
TEST(Concurrency, ReplacingADatabaseInUseIsRefusedAndTheImportSurvives) {
  GeneratedImport set(150);
  ASSERT_TRUE(set.generated());
  Counts before = KnowledgeBase::open(set.db()).counts();
  auto import = set.start_import("wal:1");
  ASSERT_TRUE(test::wait_for_file(set.signal("paused-1"), *import)) << import->err();
  try {
    KnowledgeBase::create_seeded(set.db(), KnowledgeBase::Existing::replace);
    ADD_FAILURE() << "create_seeded replaced a database another connection is importing into";
  } catch (const DatabaseError& e) {
    EXPECT_NE(std::string(e.what()).find(set.db()), std::string::npos) << e.what();
  }
#ifdef EUIOMKB_CLI
  test::Helper build(EUIOMKB_CLI, {"build", "--force", "--db", set.db()}, {}, set.dir() / "build");
  build.wait();
  EXPECT_EQ(build.exit_code(), 1) << build.out() << build.err();
  EXPECT_NE(build.err().find(set.db()), std::string::npos) << build.err();
#endif
  std::ofstream(set.signal("resume-1")) << "\n";
  import->wait();
  EXPECT_EQ(import->exit_code(), 0) << import->err();
  EXPECT_NE(import->out().find("imported "), std::string::npos) << import->out();
  KnowledgeBase kb = KnowledgeBase::open(set.db());
  EXPECT_EQ(kb.counts().meetings, before.meetings + 150) << "the import's records are lost";
  EXPECT_TRUE(kb.verify().ok());
}

}  // namespace
}  // namespace euiomkb
