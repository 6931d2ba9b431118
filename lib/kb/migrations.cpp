#include "kb/migrations.hpp"

#include <SQLiteCpp/Transaction.h>

#include <string>

#include "base/log.hpp"
#include "euiomkb/error.hpp"
#include "kb/embedded.hpp"
#include "search/search_index.hpp"

namespace euiomkb::detail {

int latest_schema_version() noexcept { return static_cast<int>(migrations().size()); }

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

void migrate(Connection& connection) {
  check_not_newer(connection);
  int version = schema_version(connection);
  if (version == latest_schema_version()) return;
  auto all = migrations();
  try {
    SQLite::Transaction transaction(connection.db());
    bool reindex = false;
    for (auto i = static_cast<std::size_t>(version); i < all.size(); ++i) {
      log().info("applying migration {}", all[i].name);
      connection.exec(all[i].text);
      // This migration gives search rows new rowids; source paragraphs are indexed in C++.
      if (all[i].name.starts_with("0006_")) reindex = true;
    }
    if (reindex && version > 0) rebuild_search_index(connection);  // a new database is empty
    connection.exec("PRAGMA user_version = " + std::to_string(all.size()));
    transaction.commit();
    connection.settle();  // a failure is logged; the migrations are committed either way
  } catch (const SQLite::Exception& e) {
    throw SchemaError(std::string("migration failed: ") + e.what(), e.getExtendedErrorCode());
  }
}

}  // namespace euiomkb::detail
