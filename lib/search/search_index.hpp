// Upkeep of kb_search (the kb_search part of schema/0018_baseline.sql). Triggers keep it current;
// during a library import they queue what changed instead, and flush_search_queue indexes it at
// once.
#pragma once

#include <cstdint>
#include <string_view>

#include "sqlite/connection.hpp"

namespace euiomkb::detail {

// The lowest rowid of a paragraph of a source (source_id 1, paragraph 0, less the kind): records'
// rowids (ref_id * 8 + kind, kind 1 to 6) fall below it while ref_id < 2^24.
inline constexpr std::int64_t kFirstPassageRowid = std::int64_t{1} << 27;

// Indexes each paragraph of a newly added source (a paragraph ends at a line holding only white
// space). Rows get rowid ((source_id << 24) + paragraph) * 8 + 7 and ref_id source_id.
void index_passages(Connection& connection, std::int64_t source_id, std::string_view file_name,
                    std::string_view text);

// Starts an import's hold on the index: from now until flush_search_queue, changes are queued.
// Must run inside the import's transaction.
void hold_search_index(Connection& connection);

// Indexes everything queued since hold_search_index (records, and the paragraphs of queued
// sources), empties the queue and ends the hold. Costs what the import added.
void flush_search_queue(Connection& connection);

// Empties kb_search and fills it again from every table and source: for migrations and repair.
void rebuild_search_index(Connection& connection);

}  // namespace euiomkb::detail
