#include "kb/migrations.hpp"

#include <SQLiteCpp/Transaction.h>

#include <string>

#include "base/log.hpp"
#include "euiomkb/error.hpp"
#include "kb/embedded.hpp"

namespace euiomkb::detail {

namespace {

// The number a migration's file name starts with (NNNN_<slug>.sql); its schema version.
int number_of(const EmbeddedFile& file) noexcept {
  int number = 0;
  for (char c : file.name.substr(0, 4)) number = number * 10 + (c - '0');
  return number;
}

}  // namespace

int latest_schema_version() noexcept { return number_of(migrations().back()); }

int schema_version(Connection& connection) {
  return guarded([&] { return connection.db().execAndGet("PRAGMA user_version").getInt(); });
}

void check_not_newer(Connection& connection) {
  int version = schema_version(connection);
  if (version > latest_schema_version()) {
    throw SchemaError("database schema version " + std::to_string(version) +
                      " is newer than this library supports (" +
                      std::to_string(latest_schema_version()) + "); upgrade euiomkb to open it");
  }
}

void check_not_pre_release(Connection& connection, const std::string& path) {
  int version = schema_version(connection);
  if (version > 0 && version < kBaselineSchemaVersion) {
    throw SchemaError("database schema version " + std::to_string(version) +
                      " was made by a pre-release build of euiomkb, before 0.1.0, and cannot be "
                      "opened or migrated; rebuild it from its fact files: euiomkb build --db " +
                      path + " --force --facts DIR");
  }
}

void migrate(Connection& connection) {
  check_not_newer(connection);
  check_not_pre_release(connection);
  int version = schema_version(connection);
  if (version == latest_schema_version()) return;
  try {
    SQLite::Transaction transaction(connection.db());
    for (const auto& file : migrations()) {
      if (number_of(file) <= version) continue;
      log().info("applying migration {}", file.name);
      connection.exec(file.text);
    }
    connection.exec("PRAGMA user_version = " + std::to_string(latest_schema_version()));
    transaction.commit();
    connection.settle();  // a failure is logged; the migrations are committed either way
  } catch (const SQLite::Exception& e) {
    throw SchemaError(std::string("migration failed: ") + e.what(), e.getExtendedErrorCode());
  }
}

}  // namespace euiomkb::detail
