// Loads parsed fact records into the database: the one path both the seed and users' own
// imports take.
#pragma once

#include <cstdint>
#include <vector>

#include "connection.hpp"
#include "euiomkb/knowledge_base.hpp"
#include "fact_file.hpp"

namespace euiomkb::detail {

// Inserts `records` in order, with their keys and citations, then rebuilds the search index.
// Must run inside a transaction the caller owns; throws ImportError on the first bad record.
ImportSummary load_records(Connection& connection, const std::vector<FactRecord>& records,
                           const DocumentProvider& documents);

// Every record kind fact files may use, in the order of seed/FORMAT.md.
std::vector<std::string_view> record_kinds();

}  // namespace euiomkb::detail
