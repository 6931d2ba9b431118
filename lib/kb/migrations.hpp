// Schema migrations: schema/NNNN_<slug>.sql applied in order; PRAGMA user_version counts the
// migrations applied.
#pragma once

#include "sqlite/connection.hpp"

namespace euiomkb::detail {

int latest_schema_version() noexcept;
int schema_version(Connection& connection);
// Throws SchemaError when the database is newer than this library.
void check_not_newer(Connection& connection);
// Applies every pending migration in one transaction; throws SchemaError on failure (and the
// database keeps its previous version).
void migrate(Connection& connection);

}  // namespace euiomkb::detail
