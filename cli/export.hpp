// Exports of the whole knowledge base, each streamed: rows go out as they are read, so memory
// does not grow with the database.
#pragma once

#include <filesystem>
#include <iosfwd>

#include "euiomkb/knowledge_base.hpp"
#include "progress.hpp"

namespace euiomkb::cli {

// Every documented view (v_*) as {"schema_version": N, "views": {"v_x": {"columns": [...],
// "rows": [{column: value, ...}, ...]}, ...}}, views by name, rows in the view's order.
void export_json(const KnowledgeBase& kb, std::ostream& out);

// One CSV file per view in `directory` (created if missing) and datapackage.json describing
// them as a Frictionless data package: each resource's fields with their types (from the values
// written), its primary key (the first column when it ends in _id and is unique) and foreign
// keys (a column named as another resource's primary key). With `progress`, shows the rows of
// each view as they are written.
void export_csv(const KnowledgeBase& kb, const std::filesystem::path& directory,
                Progress* progress = nullptr);

}  // namespace euiomkb::cli
