// Upkeep of kb_search (schema/0006_incremental_search.sql). Triggers keep the rows of records
// current; the paragraphs of source documents are indexed here, when a source is added.
#pragma once

#include <cstdint>
#include <string_view>

#include "connection.hpp"

namespace euiomkb::detail {

// Indexes each paragraph of a newly added source (a paragraph ends at a line holding only white
// space). Rows get rowid ((source_id << 24) + paragraph) * 8 + 7 and ref_id source_id.
void index_passages(Connection& connection, std::int64_t source_id, std::string_view file_name,
                    std::string_view text);

// Empties kb_search and fills it again from every table and source: for migrations and repair.
void rebuild_search_index(Connection& connection);

}  // namespace euiomkb::detail
