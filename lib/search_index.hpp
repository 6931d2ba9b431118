#pragma once

#include "connection.hpp"

namespace euiomkb::detail {

// Refills kb_search from the tables: one row per topic, person (with aliases), organisation
// (with its other names), meeting, statement, publication and source paragraph.
void rebuild_search_index(Connection& connection);

}  // namespace euiomkb::detail
