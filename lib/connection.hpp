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
#include <vector>

#include "euiomkb/error.hpp"
#include "euiomkb/partial_date.hpp"

namespace euiomkb::detail {

// A prepared statement that also knows its sqlite3_stmt, so that the column readers below call
// sqlite3_column_* directly: SQLiteCpp's getColumn builds a Column holding a shared_ptr copy
// (two atomic operations) for every value read. Bind and step through SQLiteCpp as usual.
class Statement : public SQLite::Statement {
 public:
  // Prepares `sql` on `db`; `siblings` are the statements already prepared from the same text
  // on this connection. Throws SQLite::Exception when it does not compile.
  Statement(const SQLite::Database& db, const std::string& sql,
            const std::vector<std::unique_ptr<Statement>>& siblings);
  sqlite3_stmt* handle() const noexcept { return handle_; }

 private:
  sqlite3_stmt* handle_;
};

class Connection {
 public:
  // Opens `path` with SQLite::OPEN_* `flags`, enforces foreign keys and sets a busy timeout.
  // Throws DatabaseError when the file cannot be opened.
  Connection(const std::string& path, int flags);

  SQLite::Database& db() noexcept { return db_; }
  bool read_only() const noexcept { return read_only_; }

  // A cached statement for `sql`, reset and with its bindings cleared. Statements are kept per
  // SQL text, prepared once and reused; a statement still in the middle of its rows (an outer
  // loop that is still stepping) is never handed out again: a second one is prepared beside it,
  // so nested loops over the same query are safe. The reference stays valid for the
  // connection's lifetime. Bind and step a statement before preparing the same SQL again.
  // The cache is keyed by the address of the SQL text (SQL constants live for the whole
  // program) and confirmed by comparing the text, so a reused address cannot mislead it.
  Statement& prepare(std::string_view sql);

  // How many statements this connection has prepared (compiled) so far.
  std::int64_t statements_prepared() const noexcept { return prepared_; }

  // Runs `sql` (several statements allowed, no parameters).
  void exec(std::string_view sql);

 private:
  struct Cached {
    std::string sql;
    std::vector<std::unique_ptr<Statement>> statements;  // usually one
  };
  SQLite::Database db_;
  bool read_only_;
  std::int64_t prepared_ = 0;
  std::unordered_map<const char*, Cached> statements_;
};

// Test hook: `observer` receives the SQL text of each statement the first time it is prepared on
// a connection (each miss of Connection::prepare's cache), so a test can list every query the
// library runs. An empty function removes it. Not thread-safe: set it while no connection is in
// use.
void set_prepare_observer(std::function<void(std::string_view sql)> observer);

// Column readers for the current row of a statement from Connection::prepare (column indexes
// from 0, in range: they are not checked). NULL becomes std::nullopt; `text` reads NULL as "".
std::optional<std::string> opt_text(const Statement& s, int column);
std::optional<std::int64_t> opt_int(const Statement& s, int column);
std::optional<PartialDate> opt_date(const Statement& s, int column);
std::string text(const Statement& s, int column);
std::int64_t integer(const Statement& s, int column);
// A nullable id column as an optional strong id (`IdType` is an Id<Tag>).
template <class IdType>
std::optional<IdType> opt_id(const Statement& s, int column) {
  auto value = opt_int(s, column);
  return value ? std::optional<IdType>(IdType(*value)) : std::nullopt;
}

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
