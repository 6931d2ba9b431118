// What the library does to a database file around its writes: opening judges a file as SQLite
// does (a write-ahead log or an interrupted write pending is not damage), what commits nothing
// writes nothing, a file in use is never replaced, read-only media can be read, a busy file is
// named, and every failure names the file.
#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <thread>

#include "euiomkb/euiomkb.hpp"
#include "test_support.hpp"

namespace euiomkb {
namespace {

namespace fs = std::filesystem;
using test::TempPath;

void copy_file(const std::string& from, const std::string& to) {
  fs::copy_file(from, to, fs::copy_options::overwrite_existing);
}

// Adds a table of 3000 rows of 1000 bytes each: enough pages to grow the file several times over.
constexpr const char* kFill =
    "CREATE TABLE filler (x BLOB);"
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000) "
    "INSERT INTO filler SELECT randomblob(1000) FROM n";

// Rows of the filler table, or -1 when there is none.
std::int64_t filler_rows(const KnowledgeBase& kb) {
  std::int64_t rows = -1;
  auto read = [&](const std::vector<SqlValue>& values) {
    rows = std::get<std::int64_t>(values[0]);
  };
  auto names = [](const std::vector<std::string>&) {};
  kb.run_sql("SELECT count(*) - 1 FROM sqlite_schema WHERE name = 'filler'", {}, names, read);
  if (rows == 0) kb.run_sql("SELECT count(*) FROM filler", {}, names, read);
  return rows;
}

std::string header_bytes(const std::string& path, std::size_t offset, std::size_t count) {
  return test::read_file(path).substr(offset, count);
}

// Runs `body` in a child process as a user without privileges ("nobody" when the test runs as
// root, who may write anything; else the user itself) and returns its exit code: 0 when `body`
// returned true, 1 when false, 2 when it threw (the message goes to stderr), 3 when the user
// could not be changed.
int exit_code_as_unprivileged_user(const std::function<bool()>& body) {
  pid_t child = ::fork();
  if (child < 0) return -1;
  if (child == 0) {
    if (::geteuid() == 0 && (::setgid(65534) != 0 || ::setuid(65534) != 0)) ::_exit(3);
    try {
      ::_exit(body() ? 0 : 1);
    } catch (const std::exception& e) {
      std::fprintf(stderr, "child: %s\n", e.what());
      ::_exit(2);
    }
  }
  int status = 0;
  ::waitpid(child, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// A scratch directory with a fact file of one meeting and its document.
class FileSafetyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("euiomkb-safety-" + std::to_string(std::random_device()()));
    fs::create_directories(dir_);
    write("notes.txt",
          "Field notes.\nThe twelfth EU-IOM Senior Officials Meeting was held in\n"
          "Geneva on 2 March 2026.\n");
    write("good.facts",
          "source notes\n  file: notes.txt\n  title: Field notes\n  language: en\n\n"
          "meeting som-12-notes\n  series: SOM\n  sequence_no: 12\n"
          "  title: 12th EU-IOM Senior Officials Meeting\n  held_on: 2026-03-02\n"
          "  location: Geneva\n"
          "  cite: notes | The twelfth EU-IOM Senior Officials Meeting was held in Geneva\n");
    write("bad.facts",
          "source notes\n  file: notes.txt\n  title: Field notes\n  language: en\n\n"
          "meeting som-12-notes\n  series: SOM\n  sequence_no: 12\n  held_on: 2026-02-30\n"
          "  cite: notes | The twelfth EU-IOM Senior Officials Meeting was held in Geneva\n");
  }
  void TearDown() override {
    std::error_code ignored;
    fs::permissions(dir_, fs::perms::owner_all, ignored);
    fs::remove_all(dir_, ignored);
  }
  fs::path write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / name, std::ios::binary) << text;
    return dir_ / name;
  }
  ImportReport import(const std::string& db, const std::string& file, bool dry_run,
                      KnowledgeBase::Journal journal = KnowledgeBase::Journal::wal) {
    KnowledgeBase kb = KnowledgeBase::open(db, KnowledgeBase::Mode::read_write, journal);
    ImportOptions options;
    options.dry_run = dry_run;
    return kb.import_files({dir_ / file}, options);
  }

  fs::path dir_;
};

TEST_F(FileSafetyTest, AFileWhoseCheckpointWasCutOffOpensVerifiesAndHasTheCommit) {
  // The state a crash (or a full disk) leaves in the middle of the checkpoint after a commit:
  // the write-ahead log holds the commit, the checkpoint has copied page 1 (whose header counts
  // the new pages) but has not yet grown the file. SQLite reads such a file through its log.
  TempPath db, crashed, settled;
  KnowledgeBase::create_seeded(db.str());
  {
    SQLite::Database writer(db.str(), SQLite::OPEN_READWRITE);
    writer.exec("PRAGMA wal_autocheckpoint = 0");
    // Grows the file well past its size: new pages that exist only in the log.
    writer.exec(kFill);
    copy_file(db.str(), crashed.str());
    copy_file(db.str() + "-wal", crashed.str() + "-wal");
    writer.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    copy_file(db.str(), settled.str());
  }
  // Page 1 of the settled file, written into the crashed one: its header now counts pages the
  // file does not have yet.
  std::string page1 = test::read_file(settled.str()).substr(0, 4096);
  {
    std::fstream file(crashed.str(), std::ios::in | std::ios::out | std::ios::binary);
    file.write(page1.data(), static_cast<std::streamsize>(page1.size()));
  }
  ASSERT_LT(fs::file_size(crashed.str()), fs::file_size(settled.str()));

  for (auto mode : {KnowledgeBase::Mode::read_only, KnowledgeBase::Mode::read_write}) {
    KnowledgeBase kb = KnowledgeBase::open(crashed.str(), mode);
    EXPECT_EQ(filler_rows(kb), 3000);
    VerificationReport report = kb.verify();
    EXPECT_TRUE(report.ok()) << (report.problems.empty() ? "" : report.problems[0]);
  }
}

TEST_F(FileSafetyTest, AnInterruptedRollbackJournalWriteIsRolledBackForAReader) {
  TempPath db;
  KnowledgeBase::create_seeded(db.str());
  test::raw_exec(db.str(), "PRAGMA journal_mode = DELETE");
  // A child writes past its page cache (so the file itself is changed) and dies before commit,
  // leaving a hot journal.
  pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    SQLite::Database writer(db.str(), SQLite::OPEN_READWRITE);
    writer.exec("PRAGMA cache_size = 10; BEGIN");
    writer.exec(kFill);
    ::_exit(0);  // no commit, no rollback, no close
  }
  int status = 0;
  ::waitpid(child, &status, 0);
  ASSERT_TRUE(fs::exists(db.str() + "-journal")) << "the child left no journal";
  ASSERT_GT(fs::file_size(db.str() + "-journal"), 0u);
  KnowledgeBase kb = KnowledgeBase::open(db.str(), KnowledgeBase::Mode::read_only);
  EXPECT_FALSE(fs::exists(db.str() + "-journal"));
  EXPECT_EQ(filler_rows(kb), -1);
  EXPECT_TRUE(kb.verify().ok());
}

TEST_F(FileSafetyTest, ATruncatedFileIsStillCalledDamaged) {
  TempPath db;
  KnowledgeBase::create_seeded(db.str());
  fs::resize_file(db.str(), fs::file_size(db.str()) / 2);
  try {
    KnowledgeBase::open(db.str());
    ADD_FAILURE() << "opened a truncated file";
  } catch (const DatabaseError& e) {
    EXPECT_NE(std::string(e.what()).find("is damaged"), std::string::npos) << e.what();
  }
}

TEST_F(FileSafetyTest, DryRunsAndRejectedImportsLeaveTheFileByteForByteInBothJournalModes) {
  for (auto journal : {KnowledgeBase::Journal::wal, KnowledgeBase::Journal::rollback}) {
    TempPath db;
    KnowledgeBase::create_seeded(db.str());
    // A file in rollback-journal mode opened for WAL, and the other way round: only a commit
    // may switch it.
    test::raw_exec(db.str(), journal == KnowledgeBase::Journal::wal ? "PRAGMA journal_mode = DELETE"
                                                                    : "PRAGMA journal_mode = WAL");
    std::string before = test::file_hash(db.str());
    ImportReport dry = import(db.str(), "good.facts", true, journal);
    EXPECT_EQ(dry.outcome, ImportOutcome::checked);
    EXPECT_EQ(test::file_hash(db.str()), before) << "a dry run changed the file";
    ImportReport rejected = import(db.str(), "bad.facts", false, journal);
    EXPECT_EQ(rejected.outcome, ImportOutcome::rejected);
    EXPECT_EQ(test::file_hash(db.str()), before) << "a rejected import changed the file";
    {
      KnowledgeBase idle = KnowledgeBase::open(db.str(), KnowledgeBase::Mode::read_write, journal);
    }
    EXPECT_EQ(test::file_hash(db.str()), before) << "opening read-write changed the file";
    // A commit takes the journal mode asked for.
    ImportReport imported = import(db.str(), "good.facts", false, journal);
    ASSERT_EQ(imported.outcome, ImportOutcome::imported);
    EXPECT_FALSE(imported.checkpoint_problem.has_value());
    char expected = journal == KnowledgeBase::Journal::wal ? 2 : 1;
    EXPECT_EQ(header_bytes(db.str(), 18, 2), std::string(2, expected));
  }
}

TEST_F(FileSafetyTest, AWalFileOnReadOnlyMediaCanBeRead) {
  // A directory no one may write to stands in for a read-only mount: SQLite cannot make the
  // shared-memory file a WAL-mode database normally needs. Root may write anywhere, so the
  // reader runs as "nobody" then.
  fs::path media = dir_ / "media";
  fs::create_directories(media);
  std::string db = (media / "kb.db").string();
  KnowledgeBase::create_seeded(db);
  ASSERT_EQ(header_bytes(db, 18, 2), std::string(2, '\2'));
  fs::permissions(media, fs::perms::owner_read | fs::perms::owner_exec | fs::perms::group_read |
                             fs::perms::group_exec | fs::perms::others_read |
                             fs::perms::others_exec);
  fs::permissions(dir_, fs::perms::owner_all | fs::perms::others_exec | fs::perms::group_exec);
  std::string before = test::file_hash(db);
  EXPECT_EQ(exit_code_as_unprivileged_user([&] {
              KnowledgeBase kb = KnowledgeBase::open(db);
              return kb.counts().meetings > 0 && kb.verify().ok();
            }),
            0)
      << "the reader failed (its message is on stderr)";
  EXPECT_EQ(test::file_hash(db), before);
  fs::permissions(media, fs::perms::owner_all);
}

TEST_F(FileSafetyTest, AFileInUseIsNotReplaced) {
  TempPath db;
  KnowledgeBase::create_seeded(db.str());
  KnowledgeBase importer = KnowledgeBase::open(db.str(), KnowledgeBase::Mode::read_write);
  ASSERT_EQ(importer.import_files({dir_ / "good.facts"}).outcome, ImportOutcome::imported);
  try {
    KnowledgeBase::create_seeded(db.str(), KnowledgeBase::Existing::replace);
    ADD_FAILURE() << "replaced a file in use";
  } catch (const DatabaseError& e) {
    EXPECT_NE(std::string(e.what()).find("is in use"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find(db.str()), std::string::npos) << e.what();
  }
  // The connection in use still writes to the file every later opener reads.
  EXPECT_EQ(importer.meetings().by_key("som-12-notes").has_value(), true);
  KnowledgeBase reader = KnowledgeBase::open(db.str());
  EXPECT_TRUE(reader.meetings().by_key("som-12-notes").has_value());
  EXPECT_TRUE(fs::exists(db.str() + "-wal"));
}

TEST_F(FileSafetyTest, AFileInUseByAnotherProcessIsNotReplacedAndTheHolderIsNamed) {
  TempPath db;
  KnowledgeBase::create_seeded(db.str());
  int ready[2];
  ASSERT_EQ(::pipe(ready), 0);
  pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    KnowledgeBase kb = KnowledgeBase::open(db.str(), KnowledgeBase::Mode::read_write);
    kb.counts();
    (void)!::write(ready[1], "x", 1);
    std::this_thread::sleep_for(std::chrono::seconds(30));
    ::_exit(0);
  }
  char byte = 0;
  ASSERT_EQ(::read(ready[0], &byte, 1), 1);
  try {
    KnowledgeBase::create_seeded(db.str(), KnowledgeBase::Existing::replace);
    ADD_FAILURE() << "replaced a file in use";
  } catch (const DatabaseError& e) {
    EXPECT_NE(std::string(e.what()).find("in use by process " + std::to_string(child)),
              std::string::npos)
        << e.what();
  }
  ::kill(child, SIGKILL);
  ::waitpid(child, nullptr, 0);
  ::close(ready[0]);
  ::close(ready[1]);
  // Once no one uses it, it is replaced, and nothing of the old log is applied to the new file.
  KnowledgeBase fresh = KnowledgeBase::create_seeded(db.str(), KnowledgeBase::Existing::replace);
  EXPECT_TRUE(fresh.verify().ok());
}

TEST_F(FileSafetyTest, ABusyFileIsNamedWithWhatToDo) {
  TempPath db;
  KnowledgeBase::create_seeded(db.str());
  SQLite::Database other(db.str(), SQLite::OPEN_READWRITE);
  other.exec("BEGIN IMMEDIATE");
  KnowledgeBase::OpenOptions options;
  options.mode = KnowledgeBase::Mode::read_write;
  options.busy_timeout = std::chrono::milliseconds(0);
  KnowledgeBase kb = KnowledgeBase::open(db.str(), options);
  try {
    kb.import_files({dir_ / "good.facts"});
    ADD_FAILURE() << "imported while another connection held the write lock";
  } catch (const DatabaseError& e) {
    std::string message = e.what();
    EXPECT_NE(message.find("'" + db.str() + "' is busy"), std::string::npos) << message;
    EXPECT_NE(message.find("try again"), std::string::npos) << message;
  }
  other.exec("ROLLBACK");
}

TEST_F(FileSafetyTest, APermissionErrorNamesTheFile) {
  // A file its user may not write (root may write anything, so the writer runs as "nobody").
  fs::path place = dir_ / "locked";
  fs::create_directories(place);
  std::string db = (place / "kb.db").string();
  KnowledgeBase::create_seeded(db);
  fs::permissions(db, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
  fs::permissions(place, fs::perms::owner_read | fs::perms::owner_exec | fs::perms::others_read |
                             fs::perms::others_exec);
  fs::permissions(dir_, fs::perms::owner_all | fs::perms::others_exec);
  fs::permissions(dir_ / "good.facts", fs::perms::owner_read | fs::perms::others_read);
  fs::permissions(dir_ / "notes.txt", fs::perms::owner_read | fs::perms::others_read);
  fs::permissions(dir_, fs::perms::owner_all | fs::perms::others_exec | fs::perms::others_read);
  std::string before = test::file_hash(db);
  EXPECT_EQ(exit_code_as_unprivileged_user([&] {
              try {
                KnowledgeBase kb = KnowledgeBase::open(db, KnowledgeBase::Mode::read_write);
                kb.import_files({dir_ / "good.facts"});
                return false;  // imported into a file it may not write
              } catch (const DatabaseError& e) {
                if (std::string(e.what()).find("'" + db + "'") != std::string::npos) return true;
                throw;
              }
            }),
            0)
      << "the writer's message is on stderr";
  EXPECT_EQ(test::file_hash(db), before);
  fs::permissions(place, fs::perms::owner_all);
}

TEST_F(FileSafetyTest, APreReleaseDatabaseOpenedSaysHowToRebuildIt) {
  TempPath db;
  KnowledgeBase::create_seeded(db.str());
  test::raw_exec(db.str(), "PRAGMA user_version = 17");
  try {
    KnowledgeBase::open(db.str());
    ADD_FAILURE() << "opened a pre-release schema";
  } catch (const SchemaError& e) {
    EXPECT_NE(std::string(e.what()).find("euiomkb build --db " + db.str() + " --force --facts DIR"),
              std::string::npos)
        << e.what();
  }
}

}  // namespace
}  // namespace euiomkb
