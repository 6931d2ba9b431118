#include "euiomkb/knowledge_base.hpp"

#include <SQLiteCpp/Transaction.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <random>
#include <span>
#include <sstream>
#include <system_error>

#include "embedded.hpp"
#include "fact_file.hpp"
#include "fact_loader.hpp"
#include "impl.hpp"
#include "log.hpp"
#include "migrations.hpp"
#include "seed.hpp"
#include "verify.hpp"

namespace euiomkb {
namespace {

constexpr std::string_view kMemory = ":memory:";

constexpr std::string_view kCounts = R"sql(
SELECT (SELECT count(*) FROM source), (SELECT count(*) FROM organisation),
       (SELECT count(*) FROM person), (SELECT count(*) FROM meeting),
       (SELECT count(*) FROM attendance), (SELECT count(*) FROM topic),
       (SELECT count(*) FROM citation), (SELECT count(*) FROM claim)
)sql";

constexpr std::string_view kCitations = R"sql(
SELECT c.citation_id, c.source_id, s.file_name, c.quote, c.start_offset, c.end_offset
  FROM citation c JOIN source s ON s.source_id = c.source_id
 WHERE c.subject_type = ? AND c.subject_id = ?
 ORDER BY c.source_id, c.start_offset
)sql";

constexpr std::string_view kAllCitations = R"sql(
SELECT c.citation_id, c.source_id, s.file_name, c.quote, c.start_offset, c.end_offset
  FROM citation c JOIN source s ON s.source_id = c.source_id
 ORDER BY c.citation_id
)sql";

constexpr std::string_view kClaims = R"sql(
SELECT claim_id, subject, attribute, value, preferred, reason, subject_type, subject_id FROM claim
 ORDER BY subject_type, subject_id, attribute, preferred DESC, claim_id
)sql";

// The columns of v_contact and the ids behind its labels.
constexpr std::string_view kContacts = R"sql(
SELECT c.contact_id, pe.name, o.short_name, c.role, c.city, c.phone, c.fax, c.email,
       c.person_id, c.org_id
  FROM contact c
  LEFT JOIN person pe ON pe.person_id = c.person_id
  LEFT JOIN organisation o ON o.org_id = c.org_id
 ORDER BY c.contact_id
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

// Makes a database file at `path` only once it is complete: `build(staging)` writes it at a
// fresh path beside `path`, which is then renamed over `path` (atomic; replaces an existing file).
// On failure the staging file is removed, `path` is untouched, and DatabaseError is thrown.
template <class Build>
void build_in_place(const std::string& path, Build&& build) {
  auto directory = std::filesystem::path(path).parent_path();
  if (!directory.empty() && !exists(directory.string()))
    throw DatabaseError("cannot create '" + path + "': no directory '" + directory.string() + "'");
  std::string staging = staging_path(path);
  std::error_code ignored;
  try {
    build(staging);
    std::filesystem::rename(staging, path);
  } catch (const std::filesystem::filesystem_error& e) {
    std::filesystem::remove(staging, ignored);
    throw DatabaseError("cannot move the new database into place: " + std::string(e.what()));
  } catch (const DatabaseError& e) {
    std::filesystem::remove(staging, ignored);
    throw DatabaseError("cannot create '" + path + "': " + e.what(), e.sqlite_code());
  } catch (...) {
    std::filesystem::remove(staging, ignored);
    throw;
  }
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
  detail::migrate(impl->connection);
  return KnowledgeBase(std::move(impl));
}

KnowledgeBase KnowledgeBase::create_seeded(const std::string& path, Existing existing) {
  auto image = detail::seed_image();
  if (image.empty()) return detail::create_seeded_by_import(path, existing);  // in the image tool
  if (existing == Existing::refuse) refuse_existing(path);
  std::unique_ptr<detail::Impl> in_memory;
  if (path == kMemory)
    in_memory = load_image(image);
  else
    build_in_place(path, [&](const std::string& staging) { write_durably(staging, image); });
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
  build_in_place(path, [](const std::string& staging) {
    KnowledgeBase kb = KnowledgeBase::create_empty(staging);
    kb.import_facts(embedded_fact_files(), embedded_document);
  });
  detail::log().info("created seeded database {} by import", path);
  return KnowledgeBase::open(path, KnowledgeBase::Mode::read_write);
}

namespace {

// PRAGMA application_id of an euiomkb database ('EUKB'), set by migration 0007.
constexpr int kApplicationId = 0x45554B42;

constexpr std::string_view kHasEuiomkbTables =
    "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name IN ('record_key', "
    "'citation', 'source')";

std::uint32_t big_endian(const unsigned char* bytes) {
  return (std::uint32_t{bytes[0]} << 24) | (std::uint32_t{bytes[1]} << 16) |
         (std::uint32_t{bytes[2]} << 8) | std::uint32_t{bytes[3]};
}

// Checks, before SQLite sees it, that `path` is a file that can be an euiomkb database: not a
// directory, not empty, an SQLite file, not cut short. Throws DatabaseError saying which.
void check_database_file(const std::string& path) {
  std::error_code error;
  auto status = std::filesystem::status(path, error);
  if (!std::filesystem::exists(status)) throw DatabaseError("no database at '" + path + "'");
  if (std::filesystem::is_directory(status))
    throw DatabaseError("'" + path + "' is a directory, not an euiomkb database file");
  auto size = std::filesystem::file_size(path, error);
  if (error) throw DatabaseError("cannot examine '" + path + "': " + error.message());
  if (size == 0)
    throw DatabaseError("'" + path +
                        "' is an empty file, not an euiomkb database (build one with "
                        "euiomkb build)");
  std::array<unsigned char, 100> header{};
  std::ifstream in(path, std::ios::binary);
  in.read(reinterpret_cast<char*>(header.data()), header.size());
  static constexpr char kMagic[] = "SQLite format 3";  // 16 bytes with its NUL
  if (in.gcount() < 100 || std::memcmp(header.data(), kMagic, sizeof kMagic) != 0)
    throw DatabaseError("'" + path + "' is not an euiomkb database: it is not an SQLite file",
                        SQLITE_NOTADB);
  std::uint32_t page_size = (std::uint32_t{header[16]} << 8) | header[17];
  if (page_size == 1) page_size = 65536;
  std::uint32_t pages = big_endian(&header[28]);
  // The page count is valid when the "version valid for" number matches the change counter.
  bool count_valid = big_endian(&header[92]) == big_endian(&header[24]) && pages > 0;
  if (count_valid && size < std::uintmax_t{pages} * page_size) {
    throw DatabaseError("'" + path + "' is damaged: it is cut short (" + std::to_string(size) +
                        " bytes where its header says " +
                        std::to_string(std::uintmax_t{pages} * page_size) +
                        "); restore it from a backup or rebuild it");
  }
}

// Checks what the opened database says of itself: an euiomkb database (application id, or
// before migration 0007 its tables) of a version this library can read.
void check_database_identity(detail::Connection& connection, const std::string& path) {
  int application_id = connection.db().execAndGet("PRAGMA application_id").getInt();
  int version = detail::schema_version(connection);
  // Reading the schema reads page 1 through: a damaged one fails here, not at the first query.
  auto& tables = connection.prepare(kHasEuiomkbTables);
  tables.executeStep();
  bool ours = tables.getColumn(0).getInt() == 3;
  tables.reset();
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
}

// An SQLite failure while opening `path`, said as what it means for the user.
DatabaseError located(const std::string& path, const std::string& what, int code) {
  if ((code & 0xFF) == SQLITE_CORRUPT || (code & 0xFF) == SQLITE_NOTADB) {
    return DatabaseError(
        "'" + path + "' is damaged (" + what + "); restore it from a backup or rebuild it", code);
  }
  return DatabaseError("'" + path + "': " + what, code);
}

}  // namespace

KnowledgeBase KnowledgeBase::open(const std::string& path, Mode mode) {
  return open(path, mode, Journal::wal);
}

KnowledgeBase KnowledgeBase::open(const std::string& path, Mode mode, Journal journal) {
  if (path != kMemory) check_database_file(path);
  int flags = mode == Mode::read_only ? SQLite::OPEN_READONLY : SQLite::OPEN_READWRITE;
  auto impl = std::make_unique<detail::Impl>(detail::Impl{detail::Connection(path, flags)});
  int version = 0;
  try {
    check_database_identity(impl->connection, path);
    version = detail::schema_version(impl->connection);
  } catch (const SQLite::Exception& e) {
    throw located(path, e.what(), e.getExtendedErrorCode());
  } catch (const DatabaseError& e) {
    if (e.sqlite_code() == 0) throw;
    throw located(path, e.what(), e.sqlite_code());
  }
  if (version < detail::latest_schema_version()) {
    if (mode == Mode::read_only) {
      throw SchemaError(
          "database schema version " + std::to_string(version) + " is older than this library's (" +
          std::to_string(detail::latest_schema_version()) + "); open it read-write to migrate it");
    }
    detail::migrate(impl->connection);
  }
  // Readers in other processes keep reading while an import writes. WAL needs a file (the
  // embedded seed image stays rollback-journal; copies switch when first opened read-write,
  // after any migration, so that a refused migration leaves the file byte for byte as it was).
  if (mode == Mode::read_write && path != kMemory) {
    detail::guarded([&] {
      return impl->connection.db().exec(journal == Journal::wal ? "PRAGMA journal_mode = WAL"
                                                                : "PRAGMA journal_mode = DELETE");
    });
  }
  return KnowledgeBase(std::move(impl));
}

int KnowledgeBase::schema_version() const { return detail::schema_version(impl_->connection); }

int KnowledgeBase::latest_schema_version() noexcept { return detail::latest_schema_version(); }

void KnowledgeBase::migrate() { detail::migrate(impl_->connection); }

namespace {

// Runs one import over `readers` in one transaction: all or nothing.
ImportSummary import_readers(detail::Impl& impl, std::vector<detail::FactReader>& readers,
                             const DocumentProvider& documents) {
  if (impl.connection.read_only())
    throw DatabaseError("the database is open read-only; open it read-write to import");
  return detail::guarded([&] {
    SQLite::Transaction transaction(impl.connection.db(), SQLite::TransactionBehavior::IMMEDIATE);
    ImportSummary summary = detail::load_files(impl.connection, readers, documents);
    transaction.commit();
    detail::log().info("imported {} records with {} citations", summary.records, summary.citations);
    return summary;
  });
}

}  // namespace

ImportSummary KnowledgeBase::import_facts(const std::vector<FactFile>& files,
                                          const DocumentProvider& documents) {
  std::vector<detail::FactReader> readers;
  readers.reserve(files.size());
  for (const FactFile& file : files) readers.emplace_back(file.name, std::string_view(file.text));
  return import_readers(*impl_, readers, documents);
}

ImportSummary KnowledgeBase::import_fact_files(const std::vector<std::filesystem::path>& files,
                                               const DocumentProvider& documents) {
  std::vector<std::ifstream> streams;
  std::vector<detail::FactReader> readers;
  streams.reserve(files.size());
  readers.reserve(files.size());
  for (const auto& path : files) {
    streams.emplace_back(path, std::ios::binary);
    if (!streams.back()) throw ImportError(path.string(), 0, "", "cannot open the file");
    readers.emplace_back(path.string(), streams.back());
  }
  return import_readers(*impl_, readers, documents);
}

ImportSummary KnowledgeBase::import_fact_streams(const std::vector<FactStream>& files,
                                                 const DocumentProvider& documents) {
  std::vector<detail::FactReader> readers;
  readers.reserve(files.size());
  for (const FactStream& file : files) readers.emplace_back(file.name, *file.stream);
  return import_readers(*impl_, readers, documents);
}

VerificationReport KnowledgeBase::verify() const {
  return detail::guarded([&] { return detail::verify_database(impl_->connection); });
}

Counts KnowledgeBase::counts() const {
  return detail::guarded([&] {
    auto& s = impl_->connection.prepare(kCounts);
    s.executeStep();
    Counts c{detail::integer(s, 0), detail::integer(s, 1), detail::integer(s, 2),
             detail::integer(s, 3), detail::integer(s, 4), detail::integer(s, 5),
             detail::integer(s, 6), detail::integer(s, 7)};
    s.reset();
    return c;
  });
}

namespace {

Citation citation_row(detail::Statement& s) {
  return Citation{CitationId(detail::integer(s, 0)),
                  SourceId(detail::integer(s, 1)),
                  detail::text(s, 2),
                  detail::text(s, 3),
                  detail::integer(s, 4),
                  detail::integer(s, 5)};
}

}  // namespace

std::vector<Citation> KnowledgeBase::citations(std::string_view subject_type,
                                               std::int64_t subject_id) const {
  return detail::collect(
      impl_.get(), kCitations,
      [&](auto& s) {
        s.bind(1, std::string(subject_type));
        s.bind(2, subject_id);
      },
      citation_row);
}

void KnowledgeBase::each_citation(const std::function<void(const Citation&)>& visit) const {
  detail::stream(impl_.get(), kAllCitations, detail::kNoBinding, citation_row, visit);
}

std::vector<Contact> KnowledgeBase::contacts() const {
  return detail::collect(impl_.get(), kContacts, detail::kNoBinding, [](auto& s) {
    return Contact{detail::integer(s, 0),          detail::opt_text(s, 1),
                   detail::opt_text(s, 2),         detail::opt_text(s, 3),
                   detail::opt_text(s, 4),         detail::opt_text(s, 5),
                   detail::opt_text(s, 6),         detail::opt_text(s, 7),
                   detail::opt_id<PersonId>(s, 8), detail::opt_id<OrganisationId>(s, 9)};
  });
}

std::vector<Claim> KnowledgeBase::conflicting_claims() const {
  return detail::collect(impl_.get(), kClaims, detail::kNoBinding, [](auto& s) {
    return Claim{ClaimId(detail::integer(s, 0)),
                 detail::text(s, 1),
                 detail::text(s, 2),
                 detail::text(s, 3),
                 detail::integer(s, 4) == 1,
                 detail::text(s, 5),
                 detail::text(s, 6),
                 detail::integer(s, 7)};
  });
}

}  // namespace euiomkb
