// The import entry point, KnowledgeBase::import, in named stages (admit the files, log them,
// plan the replacement, load, repoint the dependants, verify, record the counts; read it from
// "The stages of an import" down), the calls that wrap it (import_files, and the throwing
// import_facts, import_fact_files, import_fact_streams), and import_log.
#include <SQLiteCpp/Transaction.h>
#include <openssl/evp.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <limits>
#include <map>
#include <memory>
#include <set>

#include "base/log.hpp"
#include "euiomkb/knowledge_base.hpp"
#include "import/fact_file.hpp"
#include "import/fact_loader.hpp"
#include "kinds/record_kinds.hpp"
#include "repositories/keys.hpp"
#include "sqlite/impl.hpp"
#include "text/suggest.hpp"
#include "verify/verify.hpp"

namespace euiomkb {
namespace {

// The largest fact file an import reads.
constexpr std::uintmax_t kMaxFactFileBytes = std::uintmax_t{256} << 20;

// Imports whose records are in the database (not replaced since).
constexpr std::string_view kImportByHash = R"sql(
SELECT file_name, imported_at FROM import_log WHERE sha256 = ? AND replaced_by IS NULL
 ORDER BY import_id DESC LIMIT 1
)sql";

// The current imports of a file name, with how many records each lists in import_record.
constexpr std::string_view kImportsByName = R"sql(
SELECT import_id, sha256, imported_at, records,
       (SELECT count(*) FROM import_record r WHERE r.import_id = l.import_id), path
  FROM import_log l WHERE file_name = ? AND replaced_by IS NULL ORDER BY import_id
)sql";

// Logged before the records load (they name it in import_record); `records` is set after.
constexpr std::string_view kLogImport = R"sql(
INSERT INTO import_log (file_name, sha256, imported_at, records, path)
VALUES (?, ?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), 0, ?)
)sql";
constexpr std::string_view kLogRecords = "UPDATE import_log SET records = ? WHERE import_id = ?";
constexpr std::string_view kLogReplaced =
    "UPDATE import_log SET replaced_by = ? WHERE import_id = ?";

constexpr std::string_view kLogKind =
    "INSERT INTO import_log_kind (import_id, kind, records) VALUES (?, ?, ?)";

constexpr std::string_view kImportLog =
    "SELECT file_name, sha256, imported_at, records, import_id, replaced_by, path FROM import_log "
    "ORDER BY import_id";

// Thrown when the error limit is reached: the import stops and reports what it found.
struct LimitReached {};

// SHA-256 of a file's bytes, read in blocks; std::nullopt when it cannot be read.
std::optional<std::string> hash_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(EVP_MD_CTX_new(),
                                                                  &EVP_MD_CTX_free);
  if (!context || EVP_DigestInit_ex(context.get(), EVP_sha256(), nullptr) != 1)
    throw Error("SHA-256 is not available");
  std::array<char, 1 << 16> block{};
  while (in) {
    in.read(block.data(), block.size());
    if (in.gcount() > 0 &&
        EVP_DigestUpdate(context.get(), block.data(), static_cast<std::size_t>(in.gcount())) != 1)
      throw Error("SHA-256 failed");
  }
  if (in.bad()) return std::nullopt;
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int length = 0;
  if (EVP_DigestFinal_ex(context.get(), digest.data(), &length) != 1) throw Error("SHA-256 failed");
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned int k = 0; k < length; ++k) {
    out += kHex[digest[k] >> 4];
    out += kHex[digest[k] & 0xF];
  }
  return out;
}

// Where a fact file is, as import_log.path records it: absolute, symbolic links and "." / ".."
// resolved, so one file reached two ways is one place.
std::string place_of(const std::filesystem::path& path) {
  std::error_code error;
  std::filesystem::path place = std::filesystem::canonical(path, error);
  if (error) place = std::filesystem::weakly_canonical(std::filesystem::absolute(path));
  return place.string();
}

// Why a file whose name an earlier import has, but which comes from another place (or from a
// place the log does not know) and has other bytes, is not taken to replace that import.
std::string namesake_problem(const std::string& name, const std::string& place,
                             const LoggedImport& earlier) {
  std::string records =
      std::to_string(earlier.records) + (earlier.records == 1 ? " record" : " records");
  std::string out = "'" + name + "' was imported ";
  if (earlier.path.empty()) {
    out += "at " + earlier.imported_at + " (" + records +
           "), before this database recorded where imported files come from (schema version "
           "12), so this file (" +
           place + ", other bytes) may be another file of the same name";
  } else {
    out += "from " + earlier.path + " at " + earlier.imported_at + " (" + records +
           "); this file (" + place + ") has the same name but comes from another place and " +
           "has other bytes";
  }
  return out +
         ". An import is known by its file name, so importing it would remove the records of "
         "that import: if it is a new version of that file (moved or copied), import it with "
         "--replace; to keep both, give it another name";
}

// Documents by name from the first of `directories` that holds one. A document over the size
// limit is refused (detail::DocumentTooLarge) by its size on disk, before it is read.
DocumentProvider documents_in(std::vector<std::filesystem::path> directories) {
  return [directories =
              std::move(directories)](const std::string& name) -> std::optional<std::string> {
    for (const auto& directory : directories) {
      std::filesystem::path path = directory / name;
      std::error_code error;
      if (!std::filesystem::is_regular_file(path, error)) continue;
      std::uintmax_t size = std::filesystem::file_size(path, error);
      if (!error && size > detail::kMaxDocumentBytes) throw detail::DocumentTooLarge{size};
      errno = 0;
      std::ifstream in(path, std::ios::binary);
      if (!in) {
        int failure = errno;
        throw detail::DocumentUnreadable{failure != 0 ? std::strerror(failure) : "unknown error"};
      }
      try {  // libstdc++'s filebuf throws on a read error (an I/O error, a directory)
        std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        if (in.bad()) throw detail::DocumentUnreadable{"a read failed"};
        return text;
      } catch (const std::ios_base::failure& e) {
        throw detail::DocumentUnreadable{e.code().message()};
      }
    }
    return std::nullopt;
  };
}

// --- Replacing an earlier import (schema/0009: import_record lists what each import created) ---

// Removing a replaced import's records leaves the records of other imports that refer to them
// dangling until they are pointed at the new records: checked at commit, not statement by
// statement (SQLite resets this at the end of the transaction).
constexpr std::string_view kDeferForeignKeys = "PRAGMA defer_foreign_keys = ON";

constexpr std::string_view kKindsOfImport = "SELECT kind FROM import_log_kind WHERE import_id = ?";
constexpr std::string_view kRemoveCitations = R"sql(
DELETE FROM citation WHERE subject_type = ?2 AND subject_id IN
  (SELECT record_id FROM import_record WHERE import_id = ?1 AND record_kind = ?2)
)sql";
constexpr std::string_view kRemoveKeys = R"sql(
DELETE FROM record_key WHERE kind = ?2 AND row_id IN
  (SELECT record_id FROM import_record WHERE import_id = ?1 AND record_kind = ?2)
)sql";
constexpr std::string_view kRemoveProvenance = "DELETE FROM import_record WHERE import_id = ?";

// Claims of other records about a record of import ?1.
constexpr std::string_view kClaimDependants = R"sql(
SELECT cl.claim_id, r.record_kind, r.record_id FROM import_record r
  JOIN claim cl ON cl.subject_type = r.record_kind AND cl.subject_id = r.record_id
 WHERE r.import_id = ?1
   AND NOT EXISTS (SELECT 1 FROM import_record s
                    WHERE s.record_kind = 'claim' AND s.record_id = cl.claim_id
                      AND s.import_id = ?1)
)sql";
// Citations by other records of a source of import ?1.
constexpr std::string_view kCitationDependants = R"sql(
SELECT c.citation_id, c.subject_type, c.subject_id, r.record_id FROM import_record r
  JOIN citation c ON c.source_id = r.record_id
 WHERE r.import_id = ?1 AND r.record_kind = 'source'
   AND NOT EXISTS (SELECT 1 FROM import_record s
                    WHERE s.record_kind = c.subject_type AND s.record_id = c.subject_id
                      AND s.import_id = ?1)
)sql";
constexpr std::string_view kSourceHash = "SELECT sha256 FROM source WHERE source_id = ?";
constexpr std::string_view kOrigin = R"sql(
SELECT r.import_id, r.line, l.file_name, l.imported_at FROM import_record r
  JOIN import_log l ON l.import_id = r.import_id
 WHERE r.record_kind = ? AND r.record_id = ?
)sql";
constexpr std::string_view kRepointClaim = "UPDATE claim SET subject_id = ? WHERE claim_id = ?";
constexpr std::string_view kRepointCitation =
    "UPDATE citation SET source_id = ? WHERE citation_id = ?";

// SQL per kind and per reference, written once from the record-kind table (as verify.cpp
// writes its checks): table and column names come from that table, never from input; values
// are bound. Index-aligned with record_kinds() and references().
struct KindStatements {
  std::vector<std::string> remove;      // DELETE the kind's records of import ?1
  std::vector<std::string> dependants;  // rows referring to a record of import ?1
  std::vector<std::string> repoint;     // UPDATE the reference of row ?2 to ?1
};

const KindStatements& kind_statements() {
  static const KindStatements kStatements = [] {
    KindStatements out;
    for (const detail::KindSpec& k : detail::record_kinds()) {
      std::string kind(k.kind), id(k.id_column);
      out.remove.push_back("DELETE FROM " + kind + " WHERE " + id +
                           " IN (SELECT record_id FROM import_record WHERE import_id = ?1 AND "
                           "record_kind = '" +
                           kind + "')");
    }
    for (const detail::Reference& r : detail::references()) {
      std::string kind(r.kind->kind), id(r.kind->id_column), target(r.target->kind);
      out.dependants.push_back(
          "SELECT c." + id + ", c." + r.column + " FROM import_record r JOIN " + kind + " c ON c." +
          r.column + " = r.record_id WHERE r.import_id = ?1 AND r.record_kind = '" + target +
          "' AND NOT EXISTS (SELECT 1 FROM import_record s WHERE s.record_kind = '" + kind +
          "' AND s.record_id = c." + id + " AND s.import_id = ?1)");
      out.repoint.push_back("UPDATE " + kind + " SET " + r.column + " = ?1 WHERE " + id + " = ?2");
    }
    return out;
  }();
  return kStatements;
}

// A record outside the imports being replaced that refers to a record they created.
struct Dependant {
  std::string kind;  // the referring record
  std::int64_t id = 0;
  std::string key;    // its key, if it has one
  std::string field;  // the field that refers: a reference field, "subject_key" or "cite"
  // What to point at the new record: a reference column (`reference`), a claim's subject or a
  // citation's source (`link_id`: the claim or the citation).
  const detail::Reference* reference = nullptr;
  std::int64_t link_id = 0;
  std::string target_kind;  // the record referred to, which the replacement removes
  std::int64_t target_id = 0;
  std::string target_key;
  std::string target_sha256;       // for a source: the hash of its document
  std::int64_t target_import = 0;  // the replaced import that created it
  // Where the referring record came from (import 0: no provenance, e.g. the seed).
  std::int64_t origin = 0;
  int origin_line = 0;
  std::string origin_file;
  std::string origin_time;
};

std::string source_hash(detail::Connection& connection, std::int64_t source_id) {
  return detail::first_row(
             connection, kSourceHash, [&](detail::Statement& select) { select.bind(1, source_id); },
             [](detail::Statement& select) { return select.getColumn(0).getString(); })
      .value_or("");
}

// Fills in the key of the record referred to and where the referring record came from.
void describe(detail::Connection& connection, Dependant& d) {
  d.target_key = detail::key_of_row(connection, d.target_kind, d.target_id).value_or("");
  if (d.target_kind == "source") d.target_sha256 = source_hash(connection, d.target_id);
  d.key = detail::key_of_row(connection, d.kind, d.id).value_or("");
  detail::first_row(
      connection, kOrigin,
      [&](detail::Statement& origin) {
        origin.bind(1, d.kind);
        origin.bind(2, d.id);
      },
      [&](detail::Statement& origin) {
        d.origin = origin.getColumn(0).getInt64();
        d.origin_line = origin.getColumn(1).getInt();
        d.origin_file = origin.getColumn(2).getString();
        d.origin_time = origin.getColumn(3).getString();
        return true;
      });
}

// Every record outside `replaced` (import ids) that refers to a record one of them created,
// read before anything is removed.
std::vector<Dependant> dependants_of(detail::Connection& connection,
                                     const std::set<std::int64_t>& replaced) {
  std::vector<Dependant> out;
  const auto& references = detail::references();
  const KindStatements& sql = kind_statements();
  for (std::int64_t import_id : replaced) {
    for (std::size_t i = 0; i < references.size(); ++i) {
      detail::stream(
          connection, sql.dependants[i],
          [&](detail::Statement& select) { select.bind(1, import_id); },
          [&](detail::Statement& select) {
            Dependant d;
            d.kind = std::string(references[i].kind->kind);
            d.id = select.getColumn(0).getInt64();
            d.field = std::string(references[i].field);
            d.reference = &references[i];
            d.target_kind = std::string(references[i].target->kind);
            d.target_id = select.getColumn(1).getInt64();
            d.target_import = import_id;
            return d;
          },
          [&](Dependant&& d) { out.push_back(std::move(d)); });
    }
    detail::stream(
        connection, kClaimDependants, [&](detail::Statement& claims) { claims.bind(1, import_id); },
        [&](detail::Statement& claims) {
          Dependant d;
          d.kind = "claim";
          d.id = d.link_id = claims.getColumn(0).getInt64();
          d.field = "subject_key";
          d.target_kind = claims.getColumn(1).getString();
          d.target_id = claims.getColumn(2).getInt64();
          d.target_import = import_id;
          return d;
        },
        [&](Dependant&& d) { out.push_back(std::move(d)); });
    detail::stream(
        connection, kCitationDependants,
        [&](detail::Statement& citations) { citations.bind(1, import_id); },
        [&](detail::Statement& citations) {
          Dependant d;
          d.link_id = citations.getColumn(0).getInt64();
          d.kind = citations.getColumn(1).getString();
          d.id = citations.getColumn(2).getInt64();
          d.field = "cite";
          d.target_kind = "source";
          d.target_id = citations.getColumn(3).getInt64();
          d.target_import = import_id;
          return d;
        },
        [&](Dependant&& d) { out.push_back(std::move(d)); });
  }
  for (Dependant& d : out) describe(connection, d);
  // A record of another import being replaced in this run goes too: it is no dependant.
  std::erase_if(out, [&](const Dependant& d) { return replaced.contains(d.origin); });
  return out;
}

// Removes every record import `import_id` created, with their citations, keys and provenance
// (their search rows follow through the triggers of schema/0006).
void remove_import_records(detail::Connection& connection, std::int64_t import_id) {
  std::vector<std::string> kinds = detail::collect(
      connection, kKindsOfImport, [&](detail::Statement& select) { select.bind(1, import_id); },
      [](detail::Statement& select) { return select.getColumn(0).getString(); });
  const auto& all = detail::record_kinds();
  for (const std::string& kind : kinds) {
    for (std::string_view sql : {kRemoveCitations, kRemoveKeys}) {
      detail::execute(connection, sql, [&](detail::Statement& remove) {
        remove.bind(1, import_id);
        remove.bind(2, kind);
      });
    }
    for (std::size_t i = 0; i < all.size(); ++i) {
      if (all[i].kind != kind) continue;
      detail::execute(connection, kind_statements().remove[i],
                      [&](detail::Statement& remove) { remove.bind(1, import_id); });
    }
  }
  detail::execute(connection, kRemoveProvenance,
                  [&](detail::Statement& provenance) { provenance.bind(1, import_id); });
}

// "attendance (in b.facts, line 12, imported at ...)" or "person 'ada' (in the seed ...)".
std::string name_dependant(const Dependant& d) {
  std::string out = d.kind + (d.key.empty() ? "" : " '" + d.key + "'");
  if (d.origin != 0) {
    out += " (" + d.origin_file + " line " + std::to_string(d.origin_line) + ", imported at " +
           d.origin_time + ")";
  } else {
    out += " #" + std::to_string(d.id) +
           " (from the seed, or from an import made before this database recorded which "
           "records each import created)";
  }
  return out;
}

// Points each dependant at the record that has its target's key after the new version loaded;
// a dependant that cannot be is a problem of the file whose replacement removed its target.
template <class Problem>
void repoint_dependants(detail::Connection& connection, const std::vector<Dependant>& dependants,
                        const std::map<std::int64_t, std::filesystem::path>& path_of_replaced,
                        Problem&& problem) {
  const auto& references = detail::references();
  for (const Dependant& d : dependants) {
    const std::filesystem::path& path = path_of_replaced.at(d.target_import);
    std::string what = d.target_kind + " '" + d.target_key + "'";
    std::optional<std::int64_t> now = detail::row_of_key(connection, d.target_kind, d.target_key);
    if (!now) {
      problem(path, "the new version no longer defines " + what + ", which " + name_dependant(d) +
                        " refers to (field '" + d.field + "'); define " + what +
                        " again in the new version, or import a changed version of the file "
                        "that refers to it in the same run");
      continue;
    }
    if (d.target_kind == "source" && source_hash(connection, *now) != d.target_sha256) {
      problem(path, "the new version changes the document of source '" + d.target_key +
                        "', which " + name_dependant(d) +
                        " cites (its quotation's place in the old text would no longer hold); "
                        "keep that document as it was, or give the new one another source key");
      continue;
    }
    std::string_view sql = d.field == "cite" ? kRepointCitation : kRepointClaim;
    if (d.reference)
      sql = kind_statements().repoint[static_cast<std::size_t>(d.reference - references.data())];
    try {
      detail::execute(connection, sql, [&](detail::Statement& update) {
        update.bind(1, *now);
        update.bind(2, d.reference ? d.id : d.link_id);
      });
    } catch (const SQLite::Exception& e) {
      if ((e.getErrorCode() & 0xFF) != SQLITE_CONSTRAINT) throw;
      problem(path, "after the replacement, " + name_dependant(d) + " cannot refer to the new " +
                        what + ": " + e.what());
    }
  }
}

// --- Locating what verify() refuses at the end of an import --------------------------------

// The import and line of a record an import created (schema/0009).
constexpr std::string_view kRecordLine =
    "SELECT import_id, line FROM import_record WHERE record_kind = ? AND record_id = ?";
// How many citations of a row come before this one: the loader inserts a record's citations in
// the order of its `cite:` fields, so this is the index of the citation's field.
constexpr std::string_view kCitationRank =
    "SELECT count(*) FROM citation WHERE subject_type = ? AND subject_id = ? AND citation_id < ?";

// The line of the `index`th `cite:` of the record that starts at `line` of `path`, read again
// (only when verify() has refused something, so the import itself keeps nothing per record);
// std::nullopt when the file no longer has that record or citation.
std::optional<int> cite_line(const std::filesystem::path& path, int line, std::int64_t index) {
  std::ifstream stream(path, std::ios::binary);
  if (!stream) return std::nullopt;
  detail::FactReader reader(path.string(), stream);
  reader.collect_errors([](const ImportError&) {});  // reported by the import already
  try {
    while (std::optional<detail::FactRecord> record = reader.next()) {
      if (record->line < line) continue;
      if (record->line > line || index < 0 ||
          static_cast<std::size_t>(index) >= record->cites.size())
        return std::nullopt;
      return record->cites[static_cast<std::size_t>(index)].line;
    }
  } catch (const ImportError&) {
  }
  return std::nullopt;
}

// A verify() failure of a row an import of this run created, as an import problem at the
// record's file and line (for a citation: at its `cite:` line, field 'cite'), worded without
// the database's internal ids; std::nullopt for a failure of no row, or of a row of the seed
// or of an earlier import. `files` gives each import id of the run its fact file.
std::optional<ImportError> located_failure(
    detail::Connection& connection, const VerificationFailure& failure,
    const std::map<std::int64_t, std::filesystem::path>& files) {
  if (failure.subject_type.empty() || !failure.subject_id) return std::nullopt;
  auto found = detail::first_row(
      connection, kRecordLine,
      [&](detail::Statement& find) {
        find.bind(1, failure.subject_type);
        find.bind(2, *failure.subject_id);
      },
      [](detail::Statement& find) {
        return std::pair{find.getColumn(0).getInt64(), find.getColumn(1).getInt()};
      });
  if (!found) return std::nullopt;
  auto [import_id, line] = *found;
  auto file = files.find(import_id);
  if (file == files.end()) return std::nullopt;
  std::string message = failure.message;
  if (!failure.citation_id) return ImportError(file->second.string(), line, "", message);
  // verify() words a citation's failure "citation C (kind R): ..."; the ids mean nothing in a
  // fact file, whose line now says which citation it is.
  std::string ids = "citation " + std::to_string(failure.citation_id->value()) + " (" +
                    failure.subject_type + " " + std::to_string(*failure.subject_id) + "): ";
  if (message.rfind(ids, 0) == 0) message.erase(0, ids.size());
  std::int64_t index = detail::first_row(
                           connection, kCitationRank,
                           [&](detail::Statement& rank) {
                             rank.bind(1, failure.subject_type);
                             rank.bind(2, *failure.subject_id);
                             rank.bind(3, failure.citation_id->value());
                           },
                           [](detail::Statement& rank) { return rank.getColumn(0).getInt64(); })
                           .value_or(-1);
  return ImportError(file->second.string(), cite_line(file->second, line, index).value_or(line),
                     "cite",
                     "the support check (" + failure.rule + ") refuses this citation: " + message);
}

}  // namespace

namespace {

// --- The stages of an import --------------------------------------------------------------
//
// KnowledgeBase::import runs them in this order, inside one IMMEDIATE transaction:
//   1. admit_files     which fact files on disk are new, unchanged, or changed versions
//   2. log_files       one import_log row per admitted file; the imports it replaces marked
//   3. Replacement     what the replaced imports created and what else refers to it (planned)
//   4. load            every record of every input, the replaced records removed first
//   5. Replacement     the dependants repointed at the new records of the same keys
//   6. verify_result   verify()'s checks of what the import touched, failures as problems
//   7. record_counts   each logged file's records by kind
// A stage that finds a problem adds it to the run and the stages after it that cannot be
// meaningful (repointing, verify) are skipped; nothing is committed unless no stage found any.

// What the stages share: the connection, the inputs and options, the report being built and
// the problem sink (which throws LimitReached once options.error_limit problems are listed).
class ImportRun {
 public:
  ImportRun(detail::Connection& db, const ImportInputs& given, const ImportOptions& chosen)
      : connection(db),
        inputs(given),
        options(chosen),
        limit_(chosen.error_limit == 0 ? std::numeric_limits<std::size_t>::max()
                                       : chosen.error_limit) {}

  // Adds a problem; throws LimitReached when the report already holds the limit.
  void add(const ImportError& e) {
    if (report.problems.size() >= limit_) {
      report.stopped_at_limit = true;
      throw LimitReached{};
    }
    report.problems.push_back({e.file(), e.line(), e.column(), e.field(), e.problem()});
  }
  // A problem of a whole file (no line).
  void problem(const std::filesystem::path& path, const std::string& message) {
    add(ImportError(path.string(), 0, "", message));
  }
  bool clean() const { return report.problems.empty(); }

  detail::Connection& connection;
  const ImportInputs& inputs;
  const ImportOptions& options;
  ImportReport report;

 private:
  std::size_t limit_;
};

// Which file a path names and what it held when it was hashed: device, inode, size and
// modification time. Another file renamed into place, or the same file written since, differs.
struct FileIdentity {
  dev_t device = 0;
  ino_t inode = 0;
  off_t size = 0;
  std::int64_t modified_ns = 0;
  bool operator==(const FileIdentity&) const = default;
};

std::optional<FileIdentity> identity_of(const std::filesystem::path& path) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) return std::nullopt;
  return FileIdentity{info.st_dev, info.st_ino, info.st_size,
                      std::int64_t{info.st_mtim.tv_sec} * 1'000'000'000 + info.st_mtim.tv_nsec};
}

// A fact file on disk that the import reads: new, or a changed version of one imported before.
struct AdmittedFile {
  std::filesystem::path path;
  std::size_t report_index = 0;          // its entry in ImportReport::files
  std::string place;                     // its canonical path (import_log.path)
  std::optional<FileIdentity> identity;  // when it was hashed (the load reads it later)
  std::int64_t import_id = 0;            // its import_log row, once logged
};

// Stage 1. Decides for each of inputs.files whether it is read: a file that cannot be read, is
// too large, is a second file of one name, or is a changed namesake from another place (unless
// options.replace_same_name) is a problem; a file whose bytes a current import has, or given
// twice, is skipped as unchanged. Adds one ImportedFile per path to the report, in order, with
// the earlier imports a changed file replaces. Reads the import log; writes nothing.
std::vector<AdmittedFile> admit_files(ImportRun& run) {
  detail::Connection& connection = run.connection;
  std::vector<AdmittedFile> admitted;
  std::set<std::string> seen_hashes;
  std::map<std::string, std::string> names;  // file name -> the path given
  for (const auto& path : run.inputs.files) {
    ImportedFile& file = run.report.files.emplace_back();
    file.path = path.string();
    std::error_code error;
    auto status = std::filesystem::status(path, error);
    if (!std::filesystem::exists(status)) {
      run.problem(path, "no such file");
      continue;
    }
    if (std::filesystem::is_directory(status)) {
      run.problem(path, "is a directory; give the fact files in it (e.g. DIR/*.facts)");
      continue;
    }
    auto size = std::filesystem::file_size(path, error);
    if (error || !std::filesystem::is_regular_file(status)) {
      run.problem(path, "not a regular file that can be read");
      continue;
    }
    if (size > kMaxFactFileBytes) {
      run.problem(path, "larger than " + std::to_string(kMaxFactFileBytes) +
                            " bytes; split it into several fact files");
      continue;
    }
    std::optional<FileIdentity> identity = identity_of(path);
    std::optional<std::string> hash = hash_file(path);
    if (!hash) {
      run.problem(path, "cannot read the file");
      continue;
    }
    if (!identity || identity != identity_of(path)) {
      run.problem(path, "changed while it was read; import it again when nothing is writing it");
      continue;
    }
    file.sha256 = *hash;
    std::optional<std::string> previously = detail::first_row(
        connection, kImportByHash, [&](detail::Statement& by_hash) { by_hash.bind(1, *hash); },
        [](detail::Statement& by_hash) {
          return "imported as '" + by_hash.getColumn(0).getString() + "' at " +
                 by_hash.getColumn(1).getString();
        });
    if (previously) {
      file.unchanged = true;
      file.previously = std::move(*previously);
      continue;
    }
    if (!seen_hashes.insert(*hash).second) {
      file.unchanged = true;
      file.previously = "given twice in this import";
      continue;
    }
    std::string name = path.filename().string();
    auto [named, fresh] = names.emplace(name, path.string());
    if (!fresh) {
      run.problem(path, "another file named '" + name + "' is in this import ('" + named->second +
                            "'); an import is known by its file name, so give each name once");
      continue;
    }
    // A changed version of a file imported before replaces that import's records.
    bool without_provenance = false;
    detail::stream(
        connection, kImportsByName, [&](detail::Statement& by_name) { by_name.bind(1, name); },
        [&](detail::Statement& by_name) {
          LoggedImport earlier{name,
                               by_name.getColumn(1).getString(),
                               by_name.getColumn(2).getString(),
                               by_name.getColumn(3).getInt64(),
                               by_name.getColumn(0).getInt64(),
                               std::nullopt,
                               detail::text(by_name, 5)};
          if (by_name.getColumn(4).getInt64() != earlier.records) without_provenance = true;
          return earlier;
        },
        [&](LoggedImport&& earlier) { file.replaced.push_back(std::move(earlier)); });
    if (without_provenance) {
      run.problem(path, "a different version of '" + name + "' was imported at " +
                            file.replaced.back().imported_at +
                            ", before this database recorded which records each import created "
                            "(schema version 9), so its records cannot be replaced: rebuild with "
                            "the new version (euiomkb build --force --facts DIR, where DIR holds "
                            "all your fact files and their documents) or import the new facts "
                            "under another file name");
      file.replaced.clear();
      continue;
    }
    // Only a file from the same place replaces without being told to (schema/0012).
    std::string place = place_of(path);
    if (!run.options.replace_same_name) {
      auto elsewhere =
          std::find_if(file.replaced.begin(), file.replaced.end(),
                       [&](const LoggedImport& earlier) { return earlier.path != place; });
      if (elsewhere != file.replaced.end()) {
        run.problem(path, namesake_problem(name, place, *elsewhere));
        file.replaced.clear();
        continue;
      }
    }
    admitted.push_back({path, run.report.files.size() - 1, std::move(place), identity});
  }
  // Texts and streams are read as given: they are not logged, so never skipped or replaced.
  for (const FactText& text : run.inputs.texts) run.report.files.emplace_back().path = text.name;
  for (const FactStream& stream : run.inputs.streams)
    run.report.files.emplace_back().path = stream.name;
  return admitted;
}

// Stage 2. Writes one import_log row per admitted file (records = 0 until stage 7: the records
// name their import in import_record as they load) and marks the imports each replaces.
void log_files(ImportRun& run, std::vector<AdmittedFile>& admitted) {
  detail::Connection& connection = run.connection;
  for (AdmittedFile& file : admitted) {
    detail::execute(connection, kLogImport, [&](detail::Statement& log) {
      log.bind(1, file.path.filename().string());
      log.bind(2, run.report.files[file.report_index].sha256);
      log.bind(3, file.place);
    });
    file.import_id = connection.db().getLastInsertRowid();
    for (const LoggedImport& earlier : run.report.files[file.report_index].replaced) {
      detail::execute(connection, kLogReplaced, [&](detail::Statement& mark) {
        mark.bind(1, file.import_id);
        mark.bind(2, earlier.import_id);
      });
    }
  }
}

// Stages 3 and 5: replacing the records of earlier imports of changed files. plan() reads,
// before anything is removed, every record outside the replaced imports that refers to one
// they created; remove() deletes what they created (run by the loader before the first new
// record); repoint() then points each dependant at the new record of the same key, or reports
// the file whose new version no longer defines it (or changes a cited document).
class Replacement {
 public:
  static Replacement plan(ImportRun& run, const std::vector<AdmittedFile>& admitted) {
    Replacement out(run.connection);
    for (const AdmittedFile& file : admitted) {
      for (const LoggedImport& earlier : run.report.files[file.report_index].replaced) {
        out.replaced_.insert(earlier.import_id);
        out.path_of_replaced_[earlier.import_id] = file.path;
      }
    }
    if (!out.replaced_.empty()) out.dependants_ = dependants_of(run.connection, out.replaced_);
    return out;
  }
  bool empty() const { return replaced_.empty(); }
  std::size_t imports() const { return replaced_.size(); }

  // Removes the replaced imports' records; foreign keys are checked at commit from here on.
  void remove() {
    detail::execute(connection_, kDeferForeignKeys, detail::kNoBinding);
    for (std::int64_t import_id : replaced_) remove_import_records(connection_, import_id);
  }

  void repoint(ImportRun& run) {
    repoint_dependants(connection_, dependants_, path_of_replaced_,
                       [&](const std::filesystem::path& path, const std::string& message) {
                         run.problem(path, message);
                       });
  }

  // Adds the rows repointed (changed in place) to what the import's verification covers.
  void touched(detail::VerificationScope& scope) const {
    if (!replaced_.empty()) scope.removed();
    for (const Dependant& d : dependants_) {
      if (d.field == "cite")
        scope.touch("citation", d.link_id);
      else
        scope.touch(d.kind, d.id);
    }
  }

 private:
  explicit Replacement(detail::Connection& connection) : connection_(connection) {}
  detail::Connection& connection_;
  std::set<std::int64_t> replaced_;                                 // earlier import ids
  std::map<std::int64_t, std::filesystem::path> path_of_replaced_;  // -> the new version
  std::vector<Dependant> dependants_;
};

// Where `source` records' documents are read from: inputs.documents when given; else
// options.documents; else the directories of the files given, in their order.
DocumentProvider documents_for(const ImportRun& run, const std::vector<AdmittedFile>& admitted) {
  if (run.inputs.documents) return run.inputs.documents;
  std::vector<std::filesystem::path> directories;
  if (!run.options.documents.empty()) {
    directories.push_back(run.options.documents);
  } else {
    for (const AdmittedFile& file : admitted) {
      auto directory = file.path.parent_path();
      directories.push_back(directory.empty() ? std::filesystem::path(".") : directory);
    }
  }
  return documents_in(std::move(directories));
}

// Stage 4. Reads every record of the admitted files, then the texts, then the streams, one at
// a time, and inserts it with its key, citations and (for a logged file) its import_record
// row; the replacement's removals run first. Every problem goes to the run. Fills the report's
// records, citations, timings and each file's records by kind.
void load(ImportRun& run, const std::vector<AdmittedFile>& admitted, Replacement& replacement,
          std::optional<detail::VerificationScope>& scope) {
  std::vector<detail::FactReader> readers;
  std::vector<std::int64_t> import_ids;  // one per reader; 0: not logged
  readers.reserve(admitted.size() + run.inputs.texts.size() + run.inputs.streams.size());
  for (const AdmittedFile& file : admitted) {  // each opened at its turn, closed at its end
    // What is read must be what was hashed (and is logged): the file may be read minutes later.
    auto unchanged = [path = file.path, identity = file.identity]() -> std::optional<std::string> {
      if (identity_of(path) == identity) return std::nullopt;
      return "changed after the import began (its hash was taken first, and is what the import "
             "log records); import it again when nothing is writing it";
    };
    readers.push_back(detail::FactReader::of_file(file.path.string(), file.path, unchanged));
    import_ids.push_back(file.import_id);
  }
  for (const FactText& text : run.inputs.texts) {
    readers.emplace_back(text.name, text.text);
    import_ids.push_back(0);
  }
  for (const FactStream& stream : run.inputs.streams) {
    readers.emplace_back(stream.name, *stream.stream);
    import_ids.push_back(0);
  }
  std::map<std::string, std::map<std::string, std::int64_t>> by_file;
  detail::LoadOptions load;
  load.problem = [&](const ImportError& e) { run.add(e); };
  load.progress = run.options.progress;
  load.records_by_file = &by_file;
  load.import_ids = &import_ids;
  load.before_records = [&] {
    if (!replacement.empty()) replacement.remove();
    scope = detail::VerificationScope::mark(run.connection);
  };
  ImportSummary summary =
      detail::load_files(run.connection, readers, documents_for(run, admitted), load);
  run.report.records = summary.records;
  run.report.citations = summary.citations;
  run.report.timings = summary.timings;
  run.report.statements_prepared = summary.statements_prepared;
  for (ImportedFile& file : run.report.files) file.records_by_kind = by_file[file.path];
}

// Stage 6. Runs verify()'s checks on what the import touched (detail::VerificationScope: its
// new rows, citations and sources, the rows the replacement repointed, and what their checks
// depend on), inside the transaction, and adds each failure as a problem: a failure of a record
// a logged file of this import created at that record's line (a citation at its `cite:` line),
// any other as a problem of the import as a whole. Its cost follows the import's size, not the
// database's; `euiomkb verify` checks the whole file.
void verify_result(ImportRun& run, const std::vector<AdmittedFile>& admitted,
                   const detail::VerificationScope& scope) {
  VerificationReport verified =
      detail::verify_database(run.connection, &scope, run.options.verify_progress);
  std::map<std::int64_t, std::filesystem::path> file_of_import;
  for (const AdmittedFile& file : admitted) file_of_import[file.import_id] = file.path;
  for (const VerificationFailure& failure : verified.failures) {
    if (auto located = located_failure(run.connection, failure, file_of_import))
      run.add(*located);
    else
      run.add(ImportError("", 0, "",
                          "the import would leave the database failing verify() (" + failure.rule +
                              "): " + failure.message));
  }
}

// Orders the problems by the input they are in (in the order given; the import's own last),
// then by line; a record's checks ran field by field, so equal lines keep their order.
void sort_problems(ImportRun& run) {
  std::vector<std::string> order;
  for (const auto& path : run.inputs.files) order.push_back(path.string());
  for (const FactText& text : run.inputs.texts) order.push_back(text.name);
  for (const FactStream& stream : run.inputs.streams) order.push_back(stream.name);
  auto rank = [&](const std::string& file) {
    return static_cast<std::size_t>(std::find(order.begin(), order.end(), file) - order.begin());
  };
  std::stable_sort(run.report.problems.begin(), run.report.problems.end(),
                   [&](const ImportProblem& a, const ImportProblem& b) {
                     auto ra = rank(a.file), rb = rank(b.file);
                     return ra != rb ? ra < rb : a.line < b.line;
                   });
}

// Stage 7. Sets each logged file's import_log.records and writes its import_log_kind rows.
void record_counts(ImportRun& run, const std::vector<AdmittedFile>& admitted) {
  detail::Connection& connection = run.connection;
  for (const AdmittedFile& admitted_file : admitted) {
    const ImportedFile& file = run.report.files[admitted_file.report_index];
    std::int64_t records = 0;
    for (const auto& [kind, count] : file.records_by_kind) records += count;
    detail::execute(connection, kLogRecords, [&](detail::Statement& log) {
      log.bind(1, records);
      log.bind(2, admitted_file.import_id);
    });
    for (const auto& kind_count : file.records_by_kind) {
      detail::execute(connection, kLogKind, [&](detail::Statement& log_kind) {
        log_kind.bind(1, admitted_file.import_id);
        log_kind.bind(2, kind_count.first);
        log_kind.bind(3, kind_count.second);
      });
    }
  }
}

// The summary a throwing import call returns, or its first problem thrown as ImportError.
ImportSummary summary_or_throw(const ImportReport& report) {
  if (!report.ok()) {
    if (report.problems.empty()) throw ImportError("", 0, "", "the import was refused");
    const ImportProblem& p = report.problems.front();
    throw ImportError(p.file, p.line, p.field, p.message, 0, p.column);
  }
  return {report.records, report.citations, report.timings, report.statements_prepared};
}

}  // namespace

std::string ImportProblem::to_string() const {
  if (file.empty()) return message;  // about the import as a whole
  return ImportError(file, line, field, message, 0, column).what();
}

ImportReport KnowledgeBase::import(const ImportInputs& inputs, const ImportOptions& options) {
  detail::Connection& connection = impl_->connection;
  if (connection.read_only())
    throw DatabaseError("the database is open read-only; open it read-write to import");
  return detail::guarded(connection, [&] {
    // One IMMEDIATE transaction from the first look at the import log to the commit, so that
    // no other writer can slip in between what was checked and what is written.
    SQLite::Transaction transaction(connection.db(), SQLite::TransactionBehavior::IMMEDIATE);
    ImportRun run(connection, inputs, options);
    std::vector<AdmittedFile> admitted;
    std::size_t replaced = 0;
    try {
      admitted = admit_files(run);
      if (!run.clean() || (admitted.empty() && inputs.texts.empty() && inputs.streams.empty())) {
        run.report.outcome = run.clean() ? ImportOutcome::nothing_to_do : ImportOutcome::rejected;
        return run.report;  // the transaction rolls back: nothing was written
      }
      log_files(run, admitted);
      Replacement replacement = Replacement::plan(run, admitted);
      replaced = replacement.imports();
      std::optional<detail::VerificationScope> scope;  // marked as the load begins
      load(run, admitted, replacement, scope);
      if (run.clean()) replacement.repoint(run);
      if (run.clean() && scope) {
        replacement.touched(*scope);
        verify_result(run, admitted, *scope);
      }
    } catch (const LimitReached&) {
    }
    sort_problems(run);
    if (!run.clean()) {
      run.report.outcome = ImportOutcome::rejected;
      return run.report;
    }
    if (options.dry_run) {
      run.report.outcome = ImportOutcome::checked;
      return run.report;
    }
    record_counts(run, admitted);
    transaction.commit();
    run.report.checkpoint_problem = connection.settle();
    detail::log().info("imported {} records with {} citations from {} input(s), replacing {}",
                       run.report.records, run.report.citations, run.report.files.size(), replaced);
    run.report.outcome = ImportOutcome::imported;
    return run.report;
  });
}

ImportReport KnowledgeBase::import_files(const std::vector<std::filesystem::path>& files,
                                         const ImportOptions& options) {
  ImportInputs inputs;
  inputs.files = files;
  return import(inputs, options);
}

std::vector<LoggedImport> KnowledgeBase::import_log() const {
  return detail::collect(impl_.get(), kImportLog, detail::kNoBinding, [](auto& s) {
    LoggedImport logged{detail::text(s, 0),        detail::text(s, 1),        detail::text(s, 2),
                        s.getColumn(3).getInt64(), s.getColumn(4).getInt64(), std::nullopt,
                        detail::text(s, 6)};
    if (!s.getColumn(5).isNull()) logged.replaced_by = s.getColumn(5).getInt64();
    return logged;
  });
}

// The throwing calls: import() with the first problem thrown (error_limit 1).

ImportSummary KnowledgeBase::import_facts(const std::vector<FactFile>& files,
                                          const DocumentProvider& documents) {
  ImportInputs inputs;
  inputs.texts.reserve(files.size());
  for (const FactFile& file : files) inputs.texts.push_back({file.name, file.text});
  inputs.documents = documents;
  ImportOptions options;
  options.error_limit = 1;
  return summary_or_throw(import(inputs, options));
}

ImportSummary KnowledgeBase::import_fact_files(const std::vector<std::filesystem::path>& files,
                                               const DocumentProvider& documents) {
  // Read as streams, as before: not logged, so an identical file is not skipped.
  std::vector<std::ifstream> streams;
  ImportInputs inputs;
  streams.reserve(files.size());
  for (const auto& path : files) {
    streams.emplace_back(path, std::ios::binary);
    if (!streams.back()) throw ImportError(path.string(), 0, "", "cannot open the file");
    inputs.streams.push_back({path.string(), &streams.back()});
  }
  inputs.documents = documents;
  ImportOptions options;
  options.error_limit = 1;
  return summary_or_throw(import(inputs, options));
}

ImportSummary KnowledgeBase::import_fact_streams(const std::vector<FactStream>& files,
                                                 const DocumentProvider& documents) {
  ImportInputs inputs;
  inputs.streams = files;
  inputs.documents = documents;
  ImportOptions options;
  options.error_limit = 1;
  return summary_or_throw(import(inputs, options));
}

}  // namespace euiomkb
