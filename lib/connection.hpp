// One SQLite connection with its prepared statements, each prepared once and reused.
#pragma once

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Exception.h>
#include <SQLiteCpp/Statement.h>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "euiomkb/error.hpp"
#include "euiomkb/partial_date.hpp"

namespace euiomkb::detail {

class Connection {
 public:
  // Opens `path` with SQLite::OPEN_* `flags`, enforces foreign keys and sets a busy timeout.
  // Throws DatabaseError when the file cannot be opened.
  Connection(const std::string& path, int flags);

  SQLite::Database& db() noexcept { return db_; }
  bool read_only() const noexcept { return read_only_; }

  // The cached statement for `sql`, reset and with its bindings cleared. The reference stays
  // valid for the connection's lifetime; do not use one statement in two loops at once.
  SQLite::Statement& prepare(std::string_view sql);

  // Runs `sql` (several statements allowed, no parameters).
  void exec(std::string_view sql);

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept {
      return std::hash<std::string_view>{}(s);
    }
  };
  SQLite::Database db_;
  bool read_only_;
  std::unordered_map<std::string, std::unique_ptr<SQLite::Statement>, Hash, std::equal_to<>>
      statements_;
};

// Test hook: `observer` receives the SQL text of each statement the first time it is prepared on
// a connection (each miss of Connection::prepare's cache), so a test can list every query the
// library runs. An empty function removes it. Not thread-safe: set it while no connection is in
// use.
void set_prepare_observer(std::function<void(std::string_view sql)> observer);

// Column readers: NULL becomes std::nullopt.
std::optional<std::string> opt_text(SQLite::Statement& s, int column);
std::optional<std::int64_t> opt_int(SQLite::Statement& s, int column);
std::optional<PartialDate> opt_date(SQLite::Statement& s, int column);
std::string text(SQLite::Statement& s, int column);

// Runs `body`, turning SQLite exceptions into euiomkb::DatabaseError with the extended code.
template <class Body>
auto guarded(Body&& body) -> decltype(body()) {
  try {
    return body();
  } catch (const SQLite::Exception& e) {
    throw DatabaseError(e.what(), e.getExtendedErrorCode());
  }
}

}  // namespace euiomkb::detail
