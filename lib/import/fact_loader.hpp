// Loads fact records into the database: the one path both the seed and users' own imports take.
// Records stream through one at a time; nothing is kept per record after it is inserted, so
// memory stays flat whatever the size of the import (folded source texts are cached, bounded).
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "euiomkb/import.hpp"
#include "import/fact_file.hpp"
#include "sqlite/connection.hpp"

namespace euiomkb::detail {

// The largest source document an import reads (bytes).
inline constexpr std::size_t kMaxDocumentBytes = std::size_t{64} << 20;

// Thrown by a DocumentProvider that finds a document larger than kMaxDocumentBytes before
// reading it; the loader reports it at the `file:` field that names the document.
struct DocumentTooLarge {
  std::uintmax_t bytes = 0;
};

// Thrown by a DocumentProvider that finds the document but cannot read it (permissions, too many
// open files, an I/O error): `reason` says why. Not "no such document".
struct DocumentUnreadable {
  std::string reason;
};

// How load_files reports problems and progress.
struct LoadOptions {
  // When set, every problem goes here and loading goes on: a record with a problem is not
  // inserted, and references to it are not reported again. When empty, the first problem is
  // thrown as ImportError. The sink may throw to stop loading (an error limit).
  std::function<void(const ImportError&)> problem;
  // Called every `progress_every` records with the number loaded so far.
  std::function<void(std::int64_t records)> progress;
  std::int64_t progress_every = 10000;
  // Filled, when given, with the records inserted per file name and kind.
  std::map<std::string, std::map<std::string, std::int64_t>>* records_by_file = nullptr;
  // Provenance: when given, one import_log id per reader (0: none); each record a reader
  // inserts gets a row in import_record naming that import and the record's line.
  const std::vector<std::int64_t>* import_ids = nullptr;
  // Run once the search index is held and before the first record: what must go before the
  // new records (a replacement's removals) is refreshed in the same search batch.
  std::function<void()> before_records;
};

// Reads every record of every reader in order and inserts it with its key and citations;
// kb_search is kept up to date as rows arrive (triggers, plus source passages here). Must run
// inside a transaction the caller owns; throws ImportError on the first bad record unless
// `options.problem` collects them.
ImportSummary load_files(Connection& connection, std::vector<FactReader>& readers,
                         const DocumentProvider& documents, const LoadOptions& options = {});

// The values a CHECK (column IN (...)) constraint of `table` allows, in the order the schema
// lists them; empty when the column has no such constraint.
std::vector<std::string> allowed_values(Connection& connection, std::string_view table,
                                        std::string_view column);

}  // namespace euiomkb::detail
