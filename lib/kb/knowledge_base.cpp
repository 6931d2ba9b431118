// KnowledgeBase as a whole: create (empty, seeded from the image or by import), open and its
// checks, publishing a finished file, the schema version and migrations, counts.
#include "euiomkb/knowledge_base.hpp"

#include <SQLiteCpp/Transaction.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <optional>
#include <random>
#include <set>
#include <span>
#include <sstream>
#include <system_error>

#include "base/log.hpp"
#include "import/fact_file.hpp"
#include "import/fact_loader.hpp"
#include "kb/embedded.hpp"
#include "kb/migrations.hpp"
#include "kb/seed.hpp"
#include "sqlite/impl.hpp"
#include "verify/verify.hpp"

namespace euiomkb {
namespace {

constexpr std::string_view kMemory = ":memory:";

constexpr std::string_view kCounts = R"sql(
SELECT (SELECT count(*) FROM source), (SELECT count(*) FROM organisation),
       (SELECT count(*) FROM person), (SELECT count(*) FROM meeting),
       (SELECT count(*) FROM attendance), (SELECT count(*) FROM topic),
       (SELECT count(*) FROM citation), (SELECT count(*) FROM claim)
)sql";

std::vector<FactFile> embedded_fact_files() {
  std::vector<FactFile> files;
  for (const auto& file : detail::seed_facts())
    files.push_back({"seed/facts/" + std::string(file.name), std::string(file.text)});
  return files;
}

std::optional<std::string> embedded_document(const std::string& file_name) {
  for (const auto& file : detail::seed_documents())
    if (file.name == file_name) return std::string(file.text);
  return std::nullopt;
}

// std::filesystem::exists without its exceptions: a path that cannot be examined is an error.
bool exists(const std::string& path) {
  std::error_code error;
  bool found = std::filesystem::exists(path, error);
  if (error) throw DatabaseError("cannot examine '" + path + "': " + error.message());
  return found;
}

void refuse_existing(const std::string& path) {
  if (path != kMemory && exists(path))
    throw DatabaseError("'" + path + "' already exists; remove it first to rebuild");
}

// A fresh file name beside `path`, so a database appears at `path` only once complete.
std::string staging_path(const std::string& path) {
  std::random_device random;
  return path + ".partial-" + std::to_string(random());
}

// The processes other than this one holding a lock on `file` (Linux: /proc/locks), as
// "process 123 (euiomkb import a.facts)"; empty when none is found or the system does not say.
std::string lock_holders(const std::string& file) {
  struct stat info {};
  if (::stat(file.c_str(), &info) != 0) return {};
  std::ifstream locks("/proc/locks");
  std::string line;
  std::string holders;
  std::set<long> seen;
  while (std::getline(locks, line)) {
    // "1: POSIX  ADVISORY  WRITE 1234 fd:01:5678 1073741824 1073741825"
    std::istringstream fields(line);
    std::string number, type, advisory, access, device;
    long pid = 0;
    if (!(fields >> number >> type)) continue;
    if (type == "->") fields >> type;  // a waiting lock
    if (!(fields >> advisory >> access >> pid >> device)) continue;
    auto colon = device.rfind(':');
    if (colon == std::string::npos) continue;
    if (std::stoull(device.substr(colon + 1)) != info.st_ino) continue;
    if (pid <= 0 || pid == static_cast<long>(::getpid()) || !seen.insert(pid).second) continue;
    std::ifstream cmdline("/proc/" + std::to_string(pid) + "/cmdline", std::ios::binary);
    std::string command((std::istreambuf_iterator<char>(cmdline)), {});
    std::replace(command.begin(), command.end(), '\0', ' ');
    while (!command.empty() && command.back() == ' ') command.pop_back();
    if (command.size() > 120) command = command.substr(0, 117) + "...";
    holders += (holders.empty() ? "" : ", ") + ("process " + std::to_string(pid)) +
               (command.empty() ? "" : " (" + command + ")");
  }
  return holders;
}

// Holds an existing database file `path` for this connection alone, so that it can be replaced:
// SQLite's exclusive lock (in rollback-journal mode, which the file is switched to first: a
// WAL-mode file cannot leave WAL mode while another connection has it open, and every open
// connection to a WAL file holds a shared lock on it). While the hold lasts no other
// connection reads or writes the file, and its write-ahead log and journal have been settled
// by SQLite itself, so nothing beside `path` can be applied to a file moved there. A file SQLite
// cannot read (damaged, not a database) is held only if no process holds a lock on it or its
// "-shm" file; its "-wal", "-shm" and "-journal" are then removed. Throws DatabaseError naming
// the file, and the holders where the system tells, when it is in use.
class ExclusiveHold {
 public:
  explicit ExclusiveHold(const std::string& path) : path_(path) {
    if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
      close();
      refuse_if_held();
      remove_beside();
      return;
    }
    std::string mode;
    auto read_mode = [](void* out, int, char** values, char**) {
      *static_cast<std::string*>(out) = values[0] != nullptr ? values[0] : "";
      return 0;
    };
    int rc = sqlite3_exec(db_, "PRAGMA locking_mode = EXCLUSIVE", nullptr, nullptr, nullptr);
    if (rc == SQLITE_OK)
      rc = sqlite3_exec(db_, "PRAGMA journal_mode = DELETE", read_mode, &mode, nullptr);
    if (rc == SQLITE_OK && mode != "delete") rc = SQLITE_BUSY;
    if (rc == SQLITE_OK) rc = sqlite3_exec(db_, "BEGIN EXCLUSIVE", nullptr, nullptr, nullptr);
    if (rc == SQLITE_OK) return;
    int primary = sqlite3_extended_errcode(db_) & 0xFF;
    if (rc == SQLITE_BUSY || primary == SQLITE_BUSY || primary == SQLITE_LOCKED) {
      close();
      throw in_use();
    }
    close();  // not a database SQLite can lock: judged by the locks the system lists
    refuse_if_held();
    remove_beside();
  }
  ExclusiveHold(const ExclusiveHold&) = delete;
  ExclusiveHold& operator=(const ExclusiveHold&) = delete;
  ~ExclusiveHold() { close(); }

 private:
  DatabaseError in_use() const {
    std::string holders = lock_holders(path_);
    if (holders.empty()) holders = lock_holders(path_ + "-shm");
    return DatabaseError("'" + path_ + "' is in use" + (holders.empty() ? "" : " by " + holders) +
                             "; it was not replaced: try again when " +
                             (holders.empty() ? "the other program" : "that") + " has finished",
                         SQLITE_BUSY);
  }
  void refuse_if_held() const {
    if (!lock_holders(path_).empty() || !lock_holders(path_ + "-shm").empty()) throw in_use();
  }
  void remove_beside() const {
    std::error_code ignored;
    for (const char* suffix : {"-wal", "-shm", "-journal"})
      std::filesystem::remove(path_ + suffix, ignored);
  }
  void close() noexcept {
    if (db_ == nullptr) return;
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    sqlite3_close(db_);
    db_ = nullptr;
  }

  std::string path_;
  sqlite3* db_ = nullptr;
};

// Moves the complete database file `staging` to `path`: when `existing` is refuse, only if
// nothing is there (atomically: renameat2 with RENAME_NOREPLACE); when replace, over any file
// there, held first (ExclusiveHold) so that no connection in use loses what it writes.
void publish(const std::string& staging, const std::string& path,
             KnowledgeBase::Existing existing) {
  if (existing == KnowledgeBase::Existing::refuse) {
    if (::renameat2(AT_FDCWD, staging.c_str(), AT_FDCWD, path.c_str(), RENAME_NOREPLACE) == 0)
      return;
    if (errno == EEXIST)
      throw DatabaseError("'" + path + "' already exists; remove it first to rebuild");
    throw DatabaseError("cannot move the new database into place at '" + path +
                        "': " + std::generic_category().message(errno));
  }
  std::optional<ExclusiveHold> hold;
  if (exists(path)) hold.emplace(path);
  std::error_code error;
  std::filesystem::rename(staging, path, error);
  if (error)
    throw DatabaseError("cannot move the new database into place at '" + path +
                        "': " + error.message());
}

// Makes a database file at `path` only once it is complete: `build(staging)` writes it at a
// fresh path beside `path`, which is then published there (see publish). On failure the staging
// file is removed, `path` is untouched, and DatabaseError is thrown.
template <class Build>
void build_in_place(const std::string& path, KnowledgeBase::Existing existing, Build&& build) {
  auto directory = std::filesystem::path(path).parent_path();
  if (!directory.empty() && !exists(directory.string()))
    throw DatabaseError("cannot create '" + path + "': no directory '" + directory.string() + "'");
  std::string staging = staging_path(path);
  std::error_code ignored;
  try {
    build(staging);
    publish(staging, path, existing);
  } catch (const DatabaseError& e) {
    std::filesystem::remove(staging, ignored);
    if (std::string(e.what()).find(path) != std::string::npos) throw;
    throw DatabaseError("cannot create '" + path + "': " + e.what(), e.sqlite_code());
  } catch (...) {
    std::filesystem::remove(staging, ignored);
    throw;
  }
}

// Switches the closed database file `path` to WAL mode: files the library makes are in WAL
// mode from the start, so readers in other processes keep reading while the first import writes.
void switch_to_wal(const std::string& path) {
  detail::Connection connection(path, SQLite::OPEN_READWRITE);
  detail::guarded(connection, [&] { return connection.db().exec("PRAGMA journal_mode = WAL"); });
}

// Writes `bytes` to a new file at `path` and flushes them to the device before returning, so a
// rename that follows publishes complete contents. Throws DatabaseError naming `path`.
void write_durably(const std::string& path, std::span<const unsigned char> bytes) {
  auto fail = [&](const char* what) {
    return DatabaseError("cannot " + std::string(what) + " '" + path +
                         "': " + std::generic_category().message(errno));
  };
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) throw fail("create");
  std::size_t written = 0;
  while (written < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      DatabaseError error = fail("write");
      ::close(fd);
      throw error;
    }
    written += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0) {
    DatabaseError error = fail("flush");
    ::close(fd);
    throw error;
  }
  if (::close(fd) != 0) throw fail("close");
}

// An ordinary in-memory database holding a copy of `image` (an SQLite file's bytes), copied page
// by page with the backup API from a read-only view of the image. Not the deserialized image
// itself: a deserialized database lives in one buffer, which SQLite cannot grow past 2 GiB (1 GiB
// by default), whereas users import into this one as into any ":memory:" database.
std::unique_ptr<detail::Impl> load_image(std::span<const unsigned char> image) {
  auto impl = std::make_unique<detail::Impl>(detail::Impl{
      detail::Connection(std::string(kMemory), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE)});
  sqlite3* db = impl->connection.db().getHandle();
  sqlite3* view = nullptr;
  int rc = sqlite3_open_v2(":memory:", &view, SQLITE_OPEN_READWRITE, nullptr);
  std::unique_ptr<sqlite3, decltype(&sqlite3_close)> view_owner(view, &sqlite3_close);
  auto size = static_cast<sqlite3_int64>(image.size());
  // READONLY: SQLite never writes through the pointer, so the embedded bytes can be used in place.
  if (rc == SQLITE_OK)
    rc = sqlite3_deserialize(view, "main", const_cast<unsigned char*>(image.data()), size, size,
                             SQLITE_DESERIALIZE_READONLY);
  if (rc == SQLITE_OK) {
    sqlite3_backup* backup = sqlite3_backup_init(db, "main", view, "main");
    if (backup == nullptr) {
      rc = sqlite3_extended_errcode(db);
    } else {
      sqlite3_backup_step(backup, -1);
      rc = sqlite3_backup_finish(backup);
    }
  }
  if (rc != SQLITE_OK)
    throw DatabaseError(std::string("cannot load the seed image: ") + sqlite3_errstr(rc), rc);
  return impl;
}

}  // namespace

KnowledgeBase::KnowledgeBase(std::unique_ptr<detail::Impl> impl) : impl_(std::move(impl)) {}
KnowledgeBase::KnowledgeBase(KnowledgeBase&&) noexcept = default;
KnowledgeBase& KnowledgeBase::operator=(KnowledgeBase&&) noexcept = default;
KnowledgeBase::~KnowledgeBase() = default;

KnowledgeBase KnowledgeBase::create_empty(const std::string& path) {
  refuse_existing(path);
  auto impl = std::make_unique<detail::Impl>(
      detail::Impl{detail::Connection(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE)});
  impl->connection.want_journal("wal");  // taken at the migrations' commit
  detail::migrate(impl->connection);
  return KnowledgeBase(std::move(impl));
}

KnowledgeBase KnowledgeBase::create_seeded(const std::string& path, Existing existing) {
  auto image = detail::seed_image();
  if (image.empty()) return detail::create_seeded_by_import(path, existing);  // in the image tool
  if (existing == Existing::refuse) refuse_existing(path);
  std::unique_ptr<detail::Impl> in_memory;
  if (path == kMemory) {
    in_memory = load_image(image);
  } else {
    build_in_place(path, existing, [&](const std::string& staging) {
      write_durably(staging, image);
      switch_to_wal(staging);
    });
  }
  // The seed was imported when the library was built; the log says so.
  detail::log().info(
      "created seeded database {} from the seed image ({} bytes, imported at build time)", path,
      image.size());
  if (in_memory) return KnowledgeBase(std::move(in_memory));
  return open(path, Mode::read_write);
}

KnowledgeBase detail::create_seeded_by_import(const std::string& path,
                                              KnowledgeBase::Existing existing) {
  if (existing == KnowledgeBase::Existing::refuse) refuse_existing(path);
  if (path == kMemory) {
    KnowledgeBase kb = KnowledgeBase::create_empty(path);
    kb.import_facts(embedded_fact_files(), embedded_document);
    return kb;
  }
  build_in_place(path, existing, [](const std::string& staging) {
    KnowledgeBase kb = KnowledgeBase::create_empty(staging);
    kb.import_facts(embedded_fact_files(), embedded_document);
  });
  detail::log().info("created seeded database {} by import", path);
  return KnowledgeBase::open(path, KnowledgeBase::Mode::read_write);
}

namespace {

// PRAGMA application_id of an euiomkb database ('EUKB'), set by the baseline migration.
constexpr int kApplicationId = 0x45554B42;

constexpr std::string_view kHasEuiomkbTables =
    "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name IN ('record_key', "
    "'citation', 'source')";

// Checks, before SQLite sees it, what the file system alone can tell: `path` exists, is not a
// directory and is not empty. Reads nothing of the file, so no lock of another connection in
// this process can be lost (closing any descriptor of a file drops the process's POSIX locks
// on it). Throws DatabaseError saying which.
void check_database_file(const std::string& path) {
  std::error_code error;
  auto status = std::filesystem::status(path, error);
  if (status.type() == std::filesystem::file_type::not_found)
    throw DatabaseError("no database at '" + path + "'");
  // Anything else that stops the look (a directory on the way that this user may not enter):
  // the file may well be there, so saying "no database" would mislead.
  if (error) throw DatabaseError("cannot reach '" + path + "': " + error.message());
  if (std::filesystem::is_directory(status))
    throw DatabaseError("'" + path + "' is a directory, not an euiomkb database file");
  auto size = std::filesystem::file_size(path, error);
  if (error) throw DatabaseError("cannot examine '" + path + "': " + error.message());
  if (size == 0)
    throw DatabaseError("'" + path +
                        "' is an empty file, not an euiomkb database (build one with "
                        "euiomkb build)");
}

// The size of a file, or 0 when there is none (a missing "-wal" is an empty one).
std::uintmax_t size_or_zero(const std::string& path) {
  std::error_code error;
  auto size = std::filesystem::file_size(path, error);
  return error ? 0 : size;
}

// Whether `path` starts with SQLite's magic string; read only after SQLite has refused it.
bool has_sqlite_header(const std::string& path) {
  std::array<char, 16> header{};
  std::ifstream in(path, std::ios::binary);
  in.read(header.data(), header.size());
  static constexpr char kMagic[] = "SQLite format 3";  // 16 bytes with its NUL
  return in.gcount() == 16 && std::memcmp(header.data(), kMagic, sizeof kMagic) == 0;
}

// Checks what the opened database says of itself: an euiomkb database (application id, or
// for an early pre-release file its tables) of a version this library can read (neither newer
// nor made before 0.1.0), and, when nothing is
// pending in a write-ahead log, not shorter than its header says. Runs in one read
// transaction: SQLite has then recovered any interrupted write (hot journal, WAL), and no
// checkpoint can change the file under it.
void check_database_identity(detail::Connection& connection, const std::string& path) {
  SQLite::Transaction read(connection.db(), SQLite::TransactionBehavior::DEFERRED);
  int application_id = connection.db().execAndGet("PRAGMA application_id").getInt();
  int version = detail::schema_version(connection);
  // Reading the schema reads page 1 through: a damaged one fails here, not at the first query.
  bool ours =
      detail::first_row(connection, kHasEuiomkbTables, detail::kNoBinding,
                        [](detail::Statement& tables) { return tables.getColumn(0).getInt() == 3; })
          .value_or(false);
  if (application_id != kApplicationId) {
    if (application_id != 0) {
      char hex[16];
      std::snprintf(hex, sizeof hex, "0x%08X", static_cast<unsigned>(application_id));
      throw DatabaseError("'" + path + "' is an SQLite database of another application " +
                          "(application id " + hex + "), not an euiomkb database");
    }
    if (version == 0 || !ours) {
      throw DatabaseError("'" + path +
                          "' is an SQLite database but not an euiomkb one (no euiomkb tables)");
    }
  }
  try {
    detail::check_not_newer(connection);
  } catch (const SchemaError& e) {
    throw SchemaError("'" + path + "' was made by a newer version of euiomkb: " + e.what());
  }
  try {
    detail::check_not_pre_release(connection, path);
  } catch (const SchemaError& e) {
    throw SchemaError("'" + path + "': " + e.what());
  }
  // With no frames in the write-ahead log this read sees the file alone (a reader on the file
  // alone blocks every checkpoint), and in rollback mode the read lock keeps writers out: the
  // header's page count is then what the file must hold. (With frames pending, pages may
  // legitimately be in the log only, or half copied by a checkpoint: SQLite judges those.)
  if (path != kMemory && size_or_zero(path + "-wal") == 0) {
    auto pages = connection.db().execAndGet("PRAGMA page_count").getInt64();
    auto page_size = connection.db().execAndGet("PRAGMA page_size").getInt64();
    auto expected = static_cast<std::uintmax_t>(pages * page_size);
    auto size = size_or_zero(path);
    if (size < expected) {
      throw DatabaseError("'" + path + "' is damaged: it is cut short (" + std::to_string(size) +
                              " bytes where its header says " + std::to_string(expected) +
                              "); restore it from a backup or rebuild it",
                          SQLITE_CORRUPT);
    }
  }
  read.commit();
}

// An SQLite failure while opening `path`, said as what it means for the user.
DatabaseError located(const std::string& path, const std::string& what, int code) {
  if ((code & 0xFF) == SQLITE_NOTADB && !has_sqlite_header(path)) {
    return DatabaseError("'" + path + "' is not an euiomkb database: it is not an SQLite file",
                         code);
  }
  return detail::file_error(path, what, code);
}

// `path` as an SQLite URI ("file:" with the characters URIs reserve percent-encoded).
std::string file_uri(const std::string& path) {
  std::string uri = "file:";
  for (char ch : path) {
    auto c = static_cast<unsigned char>(ch);
    if (c == '%' || c == '?' || c == '#' || c < 0x21 || c > 0x7E) {
      char escaped[4];
      std::snprintf(escaped, sizeof escaped, "%%%02X", c);
      uri += escaped;
    } else {
      uri += static_cast<char>(c);
    }
  }
  return uri;
}

bool directory_writable(const std::string& path) {
  auto directory = std::filesystem::path(path).parent_path();
  return ::access(directory.empty() ? "." : directory.c_str(), W_OK) == 0;
}

std::unique_ptr<detail::Impl> connect(const std::string& path,
                                      const KnowledgeBase::OpenOptions& options, bool immutable) {
  int flags = options.mode == KnowledgeBase::Mode::read_only ? SQLite::OPEN_READONLY
                                                             : SQLite::OPEN_READWRITE;
  if (immutable)
    return std::make_unique<detail::Impl>(detail::Impl{detail::Connection(
        file_uri(path) + "?immutable=1", flags | SQLite::OPEN_URI, options.busy_timeout, path)});
  return std::make_unique<detail::Impl>(
      detail::Impl{detail::Connection(path, flags, options.busy_timeout)});
}

// Opens `path` and checks what it is (check_database_identity). A read-only connection that
// SQLite cannot start on the file as it lies is helped where that is safe: a WAL-mode file on
// read-only media (no "-wal" beside it, a directory that cannot be written, so SQLite cannot
// make its shared-memory file) is read immutable; a rollback journal left by an interrupted
// write, which a read-only connection may not roll back, is rolled back by a read-write
// connection first, when the file can be written.
std::unique_ptr<detail::Impl> open_checked(const std::string& path,
                                           const KnowledgeBase::OpenOptions& options) {
  auto attempt = [&](const KnowledgeBase::OpenOptions& how, bool immutable) {
    auto impl = connect(path, how, immutable);
    try {
      check_database_identity(impl->connection, path);
    } catch (const SQLite::Exception& e) {
      throw located(path, e.what(), e.getExtendedErrorCode());
    } catch (const DatabaseError& e) {
      if (e.sqlite_code() == 0 || std::string(e.what()).find(path) != std::string::npos) throw;
      throw located(path, e.what(), e.sqlite_code());
    }
    return impl;
  };
  try {
    return attempt(options, false);
  } catch (const DatabaseError& e) {
    int code = e.sqlite_code() & 0xFF;
    if (options.mode != KnowledgeBase::Mode::read_only || path == kMemory ||
        (code != SQLITE_CANTOPEN && code != SQLITE_READONLY))
      throw;
    if (e.sqlite_code() == SQLITE_READONLY_ROLLBACK && ::access(path.c_str(), W_OK) == 0) {
      KnowledgeBase::OpenOptions writer = options;
      writer.mode = KnowledgeBase::Mode::read_write;
      attempt(writer, false);  // rolls the interrupted write back, writing nothing else
      return attempt(options, false);
    }
    if (size_or_zero(path + "-wal") == 0 && !directory_writable(path))
      return attempt(options, true);
    throw;
  }
}

}  // namespace

KnowledgeBase KnowledgeBase::open(const std::string& path, Mode mode) {
  return open(path, OpenOptions{mode, Journal::wal, detail::kDefaultBusyTimeout, true});
}

KnowledgeBase KnowledgeBase::open(const std::string& path, Mode mode, Journal journal) {
  return open(path, OpenOptions{mode, journal, detail::kDefaultBusyTimeout, true});
}

KnowledgeBase KnowledgeBase::open(const std::string& path, const OpenOptions& options) {
  if (path != kMemory) check_database_file(path);
  auto impl = open_checked(path, options);
  impl->connection.want_journal(options.journal == Journal::wal ? "wal" : "delete");
  int version = detail::schema_version(impl->connection);
  if (version < detail::latest_schema_version()) {
    if (options.mode == Mode::read_only) {
      throw SchemaError("'" + path + "' has schema version " + std::to_string(version) +
                        ", older than this library's (" +
                        std::to_string(detail::latest_schema_version()) +
                        "); migrate it: euiomkb migrate --db " + path +
                        " (or KnowledgeBase::migrate() on a read-write open)");
    }
    if (options.migrate) detail::migrate(impl->connection);
  }
  return KnowledgeBase(std::move(impl));
}

void KnowledgeBase::replace_file(const std::string& path, const std::string& replacement) {
  publish(replacement, path, Existing::replace);
}

int KnowledgeBase::schema_version() const { return detail::schema_version(impl_->connection); }

int KnowledgeBase::latest_schema_version() noexcept { return detail::latest_schema_version(); }

void KnowledgeBase::migrate() { detail::migrate(impl_->connection); }

Counts KnowledgeBase::counts() const {
  return detail::first_row(impl_.get(), kCounts, detail::kNoBinding,
                           [](detail::Statement& s) {
                             return Counts{detail::integer(s, 0), detail::integer(s, 1),
                                           detail::integer(s, 2), detail::integer(s, 3),
                                           detail::integer(s, 4), detail::integer(s, 5),
                                           detail::integer(s, 6), detail::integer(s, 7)};
                           })
      .value_or(Counts{});
}

}  // namespace euiomkb
