#pragma once

#include "connection.hpp"

namespace euiomkb::detail {

// Refills kb_search from the tables: one row per topic, person (with aliases), organisation
// (with its other names), meeting, statement, publication and source paragraph. A person's
// body holds the folded spellings too, since unicode61 does not fold letters such as ø.
void rebuild_search_index(Connection& connection);

}  // namespace euiomkb::detail
