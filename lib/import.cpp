// KnowledgeBase::import_files: users' own fact files, every problem reported, all or nothing.
#include <SQLiteCpp/Transaction.h>
#include <openssl/evp.h>

#include <algorithm>
#include <array>
#include <fstream>
#include <memory>
#include <set>

#include "euiomkb/knowledge_base.hpp"
#include "fact_file.hpp"
#include "fact_loader.hpp"
#include "impl.hpp"
#include "log.hpp"
#include "record_kinds.hpp"
#include "suggest.hpp"
#include "verify.hpp"

namespace euiomkb {
namespace {

// The largest fact file an import reads.
constexpr std::uintmax_t kMaxFactFileBytes = std::uintmax_t{256} << 20;

constexpr std::string_view kImportByHash = R"sql(
SELECT file_name, imported_at FROM import_log WHERE sha256 = ? ORDER BY import_id DESC LIMIT 1
)sql";

constexpr std::string_view kImportByName = R"sql(
SELECT sha256, imported_at FROM import_log WHERE file_name = ? ORDER BY import_id DESC LIMIT 1
)sql";

constexpr std::string_view kLogImport = R"sql(
INSERT INTO import_log (file_name, sha256, imported_at, records)
VALUES (?, ?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ?)
)sql";

constexpr std::string_view kLogKind =
    "INSERT INTO import_log_kind (import_id, kind, records) VALUES (?, ?, ?)";

constexpr std::string_view kKeysOfKind =
    "SELECT kind, key, coalesce(label, '') FROM v_record_key WHERE kind = ? ORDER BY key";
constexpr std::string_view kAllKeys =
    "SELECT kind, key, coalesce(label, '') FROM v_record_key ORDER BY kind, key";

constexpr std::string_view kImportLog =
    "SELECT file_name, sha256, imported_at, records FROM import_log ORDER BY import_id";

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

// Documents by name from the first of `directories` that holds one.
DocumentProvider documents_in(std::vector<std::filesystem::path> directories) {
  return [directories =
              std::move(directories)](const std::string& name) -> std::optional<std::string> {
    for (const auto& directory : directories) {
      std::filesystem::path path = directory / name;
      std::error_code error;
      if (!std::filesystem::is_regular_file(path, error)) continue;
      std::ifstream in(path, std::ios::binary);
      if (!in) continue;
      std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      return text;
    }
    return std::nullopt;
  };
}

}  // namespace

std::string ImportProblem::to_string() const {
  if (file.empty()) return message;  // about the import as a whole
  return ImportError(file, line, field, message, 0, column).what();
}

ImportReport KnowledgeBase::import_files(const std::vector<std::filesystem::path>& files,
                                         const ImportOptions& options) {
  detail::Connection& connection = impl_->connection;
  if (connection.read_only())
    throw DatabaseError("the database is open read-only; open it read-write to import");
  ImportReport report;
  std::size_t limit = std::max<std::size_t>(1, options.error_limit);
  auto add = [&](const ImportError& e) {
    if (report.problems.size() >= limit) {
      report.stopped_at_limit = true;
      throw LimitReached{};
    }
    report.problems.push_back({e.file(), e.line(), e.column(), e.field(), e.problem()});
  };
  auto problem = [&](const std::filesystem::path& path, const std::string& message) {
    add(ImportError(path.string(), 0, "", message));
  };

  return detail::guarded([&] {
    // One IMMEDIATE transaction from the first look at the import log to the commit, so that
    // no other writer can slip in between what was checked and what is written.
    SQLite::Transaction transaction(connection.db(), SQLite::TransactionBehavior::IMMEDIATE);
    std::vector<std::filesystem::path> to_load;
    std::set<std::string> seen_hashes;
    try {
      for (const auto& path : files) {
        ImportedFile& file = report.files.emplace_back();
        file.path = path.string();
        std::error_code error;
        auto status = std::filesystem::status(path, error);
        if (!std::filesystem::exists(status)) {
          problem(path, "no such file");
          continue;
        }
        if (std::filesystem::is_directory(status)) {
          problem(path, "is a directory; give the fact files in it (e.g. DIR/*.facts)");
          continue;
        }
        auto size = std::filesystem::file_size(path, error);
        if (error || !std::filesystem::is_regular_file(status)) {
          problem(path, "not a regular file that can be read");
          continue;
        }
        if (size > kMaxFactFileBytes) {
          problem(path, "larger than " + std::to_string(kMaxFactFileBytes) +
                            " bytes; split it into several fact files");
          continue;
        }
        std::optional<std::string> hash = hash_file(path);
        if (!hash) {
          problem(path, "cannot read the file");
          continue;
        }
        file.sha256 = *hash;
        auto& by_hash = connection.prepare(kImportByHash);
        by_hash.bind(1, *hash);
        if (by_hash.executeStep()) {
          file.unchanged = true;
          file.previously = "imported as '" + by_hash.getColumn(0).getString() + "' at " +
                            by_hash.getColumn(1).getString();
          by_hash.reset();
          continue;
        }
        by_hash.reset();
        if (!seen_hashes.insert(*hash).second) {
          file.unchanged = true;
          file.previously = "given twice in this import";
          continue;
        }
        auto& by_name = connection.prepare(kImportByName);
        by_name.bind(1, path.filename().string());
        if (by_name.executeStep()) {
          std::string when = by_name.getColumn(1).getString();
          by_name.reset();
          problem(path, "a different version of '" + path.filename().string() +
                            "' was imported at " + when +
                            "; replacing an imported file's records is not supported yet: "
                            "rebuild (euiomkb build --force --facts DIR) or import the new "
                            "facts under another file name");
          continue;
        }
        by_name.reset();
        to_load.push_back(path);
      }
      if (!report.problems.empty() || to_load.empty()) {
        report.outcome =
            report.problems.empty() ? ImportOutcome::nothing_to_do : ImportOutcome::rejected;
        return report;  // the transaction rolls back: nothing was written
      }

      std::vector<std::filesystem::path> directories;
      if (!options.documents.empty()) {
        directories.push_back(options.documents);
      } else {
        for (const auto& path : to_load) {
          auto directory = path.parent_path();
          directories.push_back(directory.empty() ? std::filesystem::path(".") : directory);
        }
      }
      DocumentProvider documents = documents_in(std::move(directories));
      std::vector<std::ifstream> streams;
      std::vector<detail::FactReader> readers;
      streams.reserve(to_load.size());
      for (const auto& path : to_load) {
        streams.emplace_back(path, std::ios::binary);
        readers.emplace_back(path.string(), streams.back());
      }
      std::map<std::string, std::map<std::string, std::int64_t>> by_file;
      detail::LoadOptions load;
      load.problem = add;
      load.progress = options.progress;
      load.records_by_file = &by_file;
      ImportSummary summary = detail::load_files(connection, readers, documents, load);
      report.records = summary.records;
      report.citations = summary.citations;
      for (ImportedFile& file : report.files) file.records_by_kind = by_file[file.path];
      if (report.problems.empty()) {
        VerificationReport verified = detail::verify_database(connection);
        for (const std::string& failure : verified.problems)
          add(ImportError("", 0, "",
                          "the import would leave the database failing verify(): " + failure));
      }
    } catch (const LimitReached&) {
    }
    // In the order of the files given, then of lines (a record's checks run field by field).
    auto file_rank = [&](const std::string& file) {
      for (std::size_t i = 0; i < files.size(); ++i)
        if (files[i].string() == file) return i;
      return files.size();
    };
    std::stable_sort(report.problems.begin(), report.problems.end(),
                     [&](const ImportProblem& a, const ImportProblem& b) {
                       auto ra = file_rank(a.file), rb = file_rank(b.file);
                       return ra != rb ? ra < rb : a.line < b.line;
                     });
    if (!report.problems.empty()) {
      report.outcome = ImportOutcome::rejected;
      return report;
    }
    if (options.dry_run) {
      report.outcome = ImportOutcome::checked;
      return report;
    }
    for (const ImportedFile& file : report.files) {
      if (file.unchanged) continue;
      std::int64_t records = 0;
      for (const auto& [kind, count] : file.records_by_kind) records += count;
      auto& log = connection.prepare(kLogImport);
      log.bind(1, std::filesystem::path(file.path).filename().string());
      log.bind(2, file.sha256);
      log.bind(3, records);
      log.exec();
      std::int64_t import_id = connection.db().getLastInsertRowid();
      for (const auto& [kind, count] : file.records_by_kind) {
        auto& log_kind = connection.prepare(kLogKind);
        log_kind.bind(1, import_id);
        log_kind.bind(2, kind);
        log_kind.bind(3, count);
        log_kind.exec();
      }
    }
    transaction.commit();
    detail::log().info("imported {} records with {} citations from {} file(s)", report.records,
                       report.citations, files.size());
    report.outcome = ImportOutcome::imported;
    return report;
  });
}

std::vector<LoggedImport> KnowledgeBase::import_log() const {
  return detail::collect(impl_.get(), kImportLog, detail::kNoBinding, [](auto& s) {
    return LoggedImport{detail::text(s, 0), detail::text(s, 1), detail::text(s, 2),
                        s.getColumn(3).getInt64()};
  });
}

std::vector<KnowledgeBase::Key> KnowledgeBase::keys(std::string_view kind) const {
  if (!kind.empty()) {
    const detail::KindSpec* spec = detail::find_kind(kind);
    if (!spec || !spec->keyed) {
      std::vector<std::string> keyed;
      for (const auto& k : detail::record_kinds())
        if (k.keyed) keyed.emplace_back(k.kind);
      throw Error("'" + std::string(kind) + "' is not a kind of record with keys" +
                  detail::did_you_mean(kind, keyed) +
                  "; kinds with keys: " + detail::one_of(keyed));
    }
  }
  auto row = [](detail::Statement& s) {
    return Key{detail::text(s, 0), detail::text(s, 1), detail::text(s, 2)};
  };
  if (kind.empty()) return detail::collect(impl_.get(), kAllKeys, detail::kNoBinding, row);
  return detail::collect(
      impl_.get(), kKeysOfKind, [&](auto& s) { s.bind(1, std::string(kind)); }, row);
}

}  // namespace euiomkb
