// Loads fact records into the database: the one path both the seed and users' own imports take.
// Records stream through one at a time; nothing is kept per record after it is inserted, so
// memory stays flat whatever the size of the import (folded source texts are cached, bounded).
#pragma once

#include <vector>

#include "connection.hpp"
#include "euiomkb/knowledge_base.hpp"
#include "fact_file.hpp"

namespace euiomkb::detail {

// Reads every record of every reader in order and inserts it with its key and citations;
// kb_search is kept up to date as rows arrive (triggers, plus source passages here). Must run
// inside a transaction the caller owns; throws ImportError on the first bad record.
ImportSummary load_files(Connection& connection, std::vector<FactReader>& readers,
                         const DocumentProvider& documents);

}  // namespace euiomkb::detail
