#include "connection.hpp"

#include <sqlite3.h>

#include <utility>

#include "euiomkb/error.hpp"
#include "log.hpp"

namespace euiomkb::detail {
namespace {

constexpr int kBusyTimeoutMs = 5000;

std::function<void(std::string_view sql)>& prepare_observer() {
  static std::function<void(std::string_view sql)> observer;
  return observer;
}

SQLite::Database open_database(const std::string& path, int flags) {
  try {
    return SQLite::Database(path, flags, kBusyTimeoutMs);
  } catch (const SQLite::Exception& e) {
    throw DatabaseError("cannot open database '" + path + "': " + e.what(),
                        e.getExtendedErrorCode());
  }
}

}  // namespace

Connection::Connection(const std::string& path, int flags)
    : db_(open_database(path, flags)), read_only_((flags & SQLITE_OPEN_READWRITE) == 0) {
  guarded([&] {
    db_.exec("PRAGMA foreign_keys = ON");
    return 0;
  });
  log().debug("opened {} ({})", path, read_only_ ? "read-only" : "read-write");
}

SQLite::Statement& Connection::prepare(std::string_view sql) {
  auto found = statements_.find(sql);
  if (found == statements_.end()) {
    if (prepare_observer()) prepare_observer()(sql);
    auto statement = std::make_unique<SQLite::Statement>(db_, std::string(sql));
    found = statements_.emplace(std::string(sql), std::move(statement)).first;
  } else {
    // tryReset, not reset: a statement whose last run failed would rethrow that old error.
    found->second->tryReset();
    found->second->clearBindings();
  }
  return *found->second;
}

void set_prepare_observer(std::function<void(std::string_view sql)> observer) {
  prepare_observer() = std::move(observer);
}

void Connection::exec(std::string_view sql) { db_.exec(std::string(sql)); }

std::optional<std::string> opt_text(SQLite::Statement& s, int column) {
  auto c = s.getColumn(column);
  if (c.isNull()) return std::nullopt;
  return c.getString();
}

std::optional<std::int64_t> opt_int(SQLite::Statement& s, int column) {
  auto c = s.getColumn(column);
  if (c.isNull()) return std::nullopt;
  return c.getInt64();
}

std::optional<PartialDate> opt_date(SQLite::Statement& s, int column) {
  auto c = s.getColumn(column);
  if (c.isNull()) return std::nullopt;
  return PartialDate::parse(c.getString());
}

std::string text(SQLite::Statement& s, int column) { return s.getColumn(column).getString(); }

}  // namespace euiomkb::detail
