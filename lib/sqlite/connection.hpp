// One SQLite connection with its prepared statements, each prepared once and reused.
#pragma once

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Exception.h>
#include <SQLiteCpp/Statement.h>

#include <chrono>
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

  // Binds `value` as text to the parameter called `name` (":post") without copying it: the
  // bytes must stay alive and unchanged until the statement is given back (the helpers of
  // sqlite/query.hpp give it back, and so clear its bindings, before they return). Throws
  // SQLite::Exception when binding fails (no such parameter, a statement mid-step).
  void bind_text(const char* name, std::string_view value);

  // Whether the statement's user may still need it as it is: it has been stepped and has
  // neither run to its end nor been reset (an outer loop still stepping), or it has been handed
  // out by Connection::prepare and not stepped since (its user may be binding it). A statement
  // never handed out, finished, or reset after a step is free.
  bool in_use() const noexcept;
  // Marks the statement handed out to a user (Connection::prepare).
  void hand_out() noexcept;
  // Marks the statement given back by its user (sqlite/query.hpp, after resetting it) and
  // clears its bindings, so that it holds no pointer to its user's values: free again even if it
  // was never stepped, as when binding it failed.
  void give_back() noexcept;
  // Whether the statement has been given back since it was last handed out (or never was).
  bool given_back() const noexcept { return runs_when_handed_out_ < 0; }

 private:
  sqlite3_stmt* handle_;
  // SQLite's run count (SQLITE_STMTSTATUS_RUN: one per first step after a reset) when the
  // statement was last handed out; -1 before it ever was.
  int runs_when_handed_out_ = -1;
};

// How long a statement waits for another connection's lock before it fails with SQLITE_BUSY,
// unless the opener says otherwise.
inline constexpr std::chrono::milliseconds kDefaultBusyTimeout{5000};

class Connection {
 public:
  // Opens `path` with SQLite::OPEN_* `flags`, enforces foreign keys and waits up to
  // `busy_timeout` for other connections' locks. `name` is the file as messages call it (the
  // path; `path` itself may be a URI). Throws DatabaseError naming the file when it cannot be
  // opened.
  Connection(const std::string& path, int flags,
             std::chrono::milliseconds busy_timeout = kDefaultBusyTimeout,
             const std::string& name = {});

  SQLite::Database& db() noexcept { return db_; }
  bool read_only() const noexcept { return read_only_; }
  // The database file as messages name it (":memory:" for an in-memory database).
  const std::string& name() const noexcept { return name_; }
  std::chrono::milliseconds busy_timeout() const noexcept { return busy_timeout_; }

  // The journal mode ("wal" or "delete") the file is to be in. Opening never changes the mode
  // (so a connection that ends up writing nothing leaves the file byte for byte as it was);
  // the first commit of this connection does, in settle().
  void want_journal(std::string mode) { wanted_journal_ = std::move(mode); }

  // Called after each commit of the library's own writes. Switches the file to the wanted
  // journal mode if it is in another, then, in WAL mode, copies the committed pages into the
  // database file (a passive checkpoint: it does not wait for readers). The commit is durable
  // either way: on failure (disk full, I/O) it stays in the "-wal" file, SQLite reads it from
  // there and a later checkpoint finishes the copy. Returns what failed, said for the user, or
  // std::nullopt; never throws.
  std::optional<std::string> settle();

  // A cached statement for `sql`, reset and with its bindings cleared. Statements are kept per
  // SQL text, prepared once and reused. A statement in use (Statement::in_use: in the middle of
  // its rows, or handed out and not yet stepped) is not handed out again: a second one is
  // prepared beside it, so nested loops over the same query are safe. Past kMaxNested, the
  // oldest never stepped since it was handed out (abandoned, as when binding failed) is taken
  // back; one mid-loop never is: when all are, std::logic_error naming the SQL. The ref stays valid
  // for the connection's lifetime. The cache is keyed by the address of the SQL text (SQL
  // constants live for the whole program) and confirmed by comparing the text, so a reused
  // address cannot mislead it.
  Statement& prepare(std::string_view sql);
  static constexpr std::size_t kMaxNested = 8;

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
  std::string name_;
  std::chrono::milliseconds busy_timeout_;
  std::string wanted_journal_;
  std::int64_t prepared_ = 0;
  std::unordered_map<const char*, Cached> statements_;
  // Statements of a text whose address another text now has: the references handed out stay
  // valid (see prepare), but these are never handed out again.
  std::vector<std::unique_ptr<Statement>> retired_;
};

// Holds one read transaction while it lives, so that several statements see one snapshot of
// the file (a writer committing meanwhile is seen by none of them), unless the connection is
// already inside a transaction, which then gives them one. Ends what it began on destruction;
// ending a read writes nothing and never throws. Beginning throws DatabaseError naming the file.
class ReadSnapshot {
 public:
  explicit ReadSnapshot(Connection& connection);
  ~ReadSnapshot();
  ReadSnapshot(const ReadSnapshot&) = delete;
  ReadSnapshot& operator=(const ReadSnapshot&) = delete;

 private:
  Connection& connection_;
  bool began_ = false;
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

// An SQLite failure (`what`, extended result `code`) on the database file `name`, said as what
// it means for the user: the file is always named; damage, a busy lock (with how long
// `waited`), a full disk, a read-only or unreadable file each get their own words and advice.
DatabaseError file_error(const std::string& name, const std::string& what, int code,
                         std::chrono::milliseconds waited = kDefaultBusyTimeout);

// guarded() for work on `connection`'s file: SQLite exceptions become file_error()s.
template <class Body>
auto guarded(const Connection& connection, Body&& body) -> decltype(body()) {
  try {
    return body();
  } catch (const SQLite::Exception& e) {
    throw file_error(connection.name(), e.what(), e.getExtendedErrorCode(),
                     connection.busy_timeout());
  }
}

}  // namespace euiomkb::detail
