#include "connection.hpp"

#include <sqlite3.h>

#include <utility>

#include "euiomkb/error.hpp"
#include "log.hpp"

namespace euiomkb::detail {
namespace {

constexpr int kBusyTimeoutMs = 5000;
constexpr std::size_t kMaxNested = 8;  // statements in progress for one SQL text

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
  Cached& cached = statements_[sql.data()];
  if (cached.sql != sql) {  // a new text, or another text at an address reused
    if (prepare_observer()) prepare_observer()(sql);
    cached.sql = std::string(sql);
    cached.statements.clear();
  }
  // A statement with a row in hand is inside a loop. Past kMaxNested of them something keeps
  // statements open without finishing them; reusing the oldest then bounds the cache.
  SQLite::Statement* free = nullptr;
  for (auto& statement : cached.statements) {
    if (!statement->hasRow()) {
      free = statement.get();
      break;
    }
  }
  if (!free && cached.statements.size() >= kMaxNested) free = cached.statements.front().get();
  if (free) {
    // tryReset, not reset: a statement whose last run failed would rethrow that old error.
    free->tryReset();
    free->clearBindings();
    return *free;
  }
  cached.statements.push_back(std::make_unique<SQLite::Statement>(db_, cached.sql));
  ++prepared_;
  return *cached.statements.back();
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
