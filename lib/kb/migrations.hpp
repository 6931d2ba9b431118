// Schema migrations: schema/NNNN_<slug>.sql applied in order. The first is 0018_baseline.sql,
// the whole schema of 0.1.0; later ones append. PRAGMA user_version is the number of the last
// migration applied (0 for a new, empty file). Versions 1 to 17 belong to pre-release builds,
// whose databases are refused, not upgraded: they are rebuilt from their fact files.
#pragma once

#include <string>

#include "sqlite/connection.hpp"

namespace euiomkb::detail {

// The version the baseline migration gives: the first any released build wrote.
inline constexpr int kBaselineSchemaVersion = 18;

int latest_schema_version() noexcept;
int schema_version(Connection& connection);
// Throws SchemaError when the database is newer than this library.
void check_not_newer(Connection& connection);
// Throws SchemaError when the database was made by a pre-release build (schema version 1 to
// kBaselineSchemaVersion - 1); the message says how to rebuild it, as a command on `path`.
void check_not_pre_release(Connection& connection, const std::string& path = "FILE");
// Applies every pending migration in one transaction; throws SchemaError on failure (and the
// database keeps its previous version), and on a newer or pre-release database (untouched).
void migrate(Connection& connection);

}  // namespace euiomkb::detail
