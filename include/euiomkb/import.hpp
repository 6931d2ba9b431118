// Importing fact files (seed/FORMAT.md) with KnowledgeBase::import: its inputs (files on disk,
// texts in memory, streams), its options and its report, which lists every problem at once.
// One semantics for every input: all or nothing, in one transaction, and verify()'s checks of
// what the import touched before the commit, so a file one call refuses every call refuses. The
// throwing calls (KnowledgeBase::import_facts, import_fact_files, import_fact_streams) wrap it and
// return an ImportSummary.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <istream>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "euiomkb/api.hpp"

namespace euiomkb {

struct ImportOptions {
  // Where the documents that `source` records name (`file:`) are found, when
  // ImportInputs::documents is empty. Empty too: in the directories of the fact files given, in
  // their order.
  std::filesystem::path documents;
  // Validate everything, including verify()'s checks of the result, then roll back: nothing
  // is written.
  bool dry_run = false;
  // Stop after this many problems; 0: no limit (every problem is reported).
  std::size_t error_limit = 100;
  // An import is known by its file name: a changed file (other bytes) of a name imported before
  // replaces that import's records. From the same place (the same canonical path) it always
  // does. From another place (another directory, or an import logged before the database kept
  // places, schema version 12) it is refused, naming both files, unless this is true: two
  // unrelated files of one name never remove each other's records by accident.
  bool replace_same_name = false;
  // Called every few thousand records with the number loaded so far (progress display).
  std::function<void(std::int64_t records)> progress;
  // Called as the verify stage checks the import's citations, after each source's, with the
  // citations checked so far and how many it checks (progress display).
  std::function<void(std::int64_t checked, std::int64_t total)> verify_progress;
};

// One problem with the input, located as precisely as possible: line and column count from
// 1 (0: not applicable), `field` is the field's name ("" for the record or the file).
struct EUIOMKB_API ImportProblem {
  std::string file;
  int line = 0;
  int column = 0;
  std::string field;
  std::string message;
  // "file:line[:column]: field 'name': message", the form compilers use; only the message
  // for a problem of the import as a whole (empty `file`, e.g. verify() failing). Throws only
  // std::bad_alloc.
  std::string to_string() const;
};

// One fact file imported earlier (a row of table import_log).
struct LoggedImport {
  std::string file_name;    // without its directory
  std::string sha256;       // of its bytes
  std::string imported_at;  // UTC, YYYY-MM-DDTHH:MM:SSZ
  std::int64_t records = 0;
  std::int64_t import_id = 0;
  // The import of a changed version of the file that replaced this one's records; empty while
  // this import's records are in the database.
  std::optional<std::int64_t> replaced_by;
  // Where the file was: its absolute canonical path when imported; empty for an import logged
  // before schema version 12.
  std::string path;
};

struct ImportedFile {
  std::string path;    // as given
  std::string sha256;  // of its bytes
  // The same bytes were imported before (`previously` says when, under which name) and the
  // file was skipped: importing an identical file again is a no-op.
  bool unchanged = false;
  std::string previously;
  std::map<std::string, std::int64_t> records_by_kind;  // records it added (or would add)
  // A changed version of a file imported before under the same name: the earlier import (as
  // logged before this one; normally one) whose records this file's records replace. Its
  // `records` were removed (or, in a dry run, would be). Empty for a new file name.
  std::vector<LoggedImport> replaced;
  std::int64_t records_removed() const {
    std::int64_t n = 0;
    for (const LoggedImport& earlier : replaced) n += earlier.records;
    return n;
  }
};

enum class ImportOutcome {
  imported,       // committed
  checked,        // dry run: everything valid, nothing written
  nothing_to_do,  // every file was imported before, unchanged
  rejected,       // problems found: nothing written
};

// Where an import spent its time: reading and parsing the text, checking fields, resolving
// keys and locating quotations, and executing the INSERTs (search upkeep included).
struct ImportTimings {
  std::chrono::nanoseconds parse{0};
  std::chrono::nanoseconds validate{0};
  std::chrono::nanoseconds insert{0};
};

struct ImportReport {
  ImportOutcome outcome = ImportOutcome::rejected;
  std::vector<ImportProblem> problems;  // by file and line, at most error_limit (0: all)
  bool stopped_at_limit = false;        // there may be more problems than listed
  // One per input, in the order KnowledgeBase::import reads them (files, texts, streams); only
  // a file on disk has a sha256, can be unchanged and can replace earlier imports.
  std::vector<ImportedFile> files;
  std::int64_t records = 0;
  std::int64_t citations = 0;
  ImportTimings timings;
  // SQL statements the load prepared; bounded by the number of record kinds, whatever the
  // size of the import.
  std::int64_t statements_prepared = 0;
  // Set when the import was committed but copying it from the write-ahead log into the
  // database file then failed (a full disk, an I/O error): what failed and what to do. The
  // import is durable and every reader sees it; the "-wal" file beside the database holds it
  // until a later checkpoint succeeds, so the two files must stay together.
  std::optional<std::string> checkpoint_problem;
  bool ok() const { return outcome != ImportOutcome::rejected; }
};

// One fact file to import: `name` is what error messages call it (usually its path).
struct FactFile {
  std::string name;
  std::string text;
};

// Supplies the text of a source document named by a `source` record's `file:` field;
// std::nullopt when there is no such document.
using DocumentProvider = std::function<std::optional<std::string>(const std::string& file_name)>;

// One fact file read as a stream, record by record: `name` is what error messages call it.
// The stream must outlive the import call.
struct FactStream {
  std::string name;
  std::istream* stream;
};

// One fact file's text in memory, not owned: the text must outlive the import call.
struct FactText {
  std::string name;
  std::string_view text;
};

// What KnowledgeBase::import reads, in this order: the files, then the texts, then the
// streams. Only files on disk are logged (import_log): a file whose bytes were imported before
// is skipped, and a changed file of a name imported before replaces that import's records.
// Texts and streams are imported as given, every time (the seed is imported so).
struct ImportInputs {
  std::vector<std::filesystem::path> files;
  std::vector<FactText> texts;
  std::vector<FactStream> streams;
  // The source documents `source` records name (`file:`). Empty: ImportOptions::documents, or
  // else the directories of `files`, in their order.
  DocumentProvider documents;
};

// What KnowledgeBase::import_facts and its siblings imported.
struct ImportSummary {
  std::int64_t records = 0;
  std::int64_t citations = 0;
  ImportTimings timings;
  // SQL statements the import prepared; bounded by the number of record kinds, whatever the
  // size of the import.
  std::int64_t statements_prepared = 0;
};

}  // namespace euiomkb
