#include "connection.hpp"

#include <sqlite3.h>

#include <cstring>
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

Statement::Statement(const SQLite::Database& db, const std::string& sql,
                     const std::vector<std::unique_ptr<Statement>>& siblings)
    : SQLite::Statement(db, sql), handle_(nullptr) {
  // SQLiteCpp keeps the sqlite3_stmt private, so find it among the connection's statements: the
  // newest whose text is ours (sqlite3_sql keeps the text up to the end of the first statement)
  // and that is none of the siblings already prepared from the same text. SQLite lists the
  // newest first, but compiling ours may prepare others after it (FTS5 prepares its own
  // statements when a table with a search trigger is first used), hence the walk.
  for (sqlite3_stmt* h = sqlite3_next_stmt(db.getHandle(), nullptr); h != nullptr;
       h = sqlite3_next_stmt(db.getHandle(), h)) {
    const char* compiled = sqlite3_sql(h);
    if (compiled == nullptr || sql.compare(0, std::strlen(compiled), compiled) != 0) continue;
    bool taken = false;
    for (const auto& sibling : siblings) taken = taken || sibling->handle() == h;
    if (!taken) {
      handle_ = h;
      break;
    }
  }
  if (handle_ == nullptr)
    throw DatabaseError("cannot identify the statement just prepared: " + sql, SQLITE_INTERNAL);
}

Connection::Connection(const std::string& path, int flags)
    : db_(open_database(path, flags)), read_only_((flags & SQLITE_OPEN_READWRITE) == 0) {
  guarded([&] {
    db_.exec("PRAGMA foreign_keys = ON");
    return 0;
  });
  log().debug("opened {} ({})", path, read_only_ ? "read-only" : "read-write");
}

Statement& Connection::prepare(std::string_view sql) {
  Cached& cached = statements_[sql.data()];
  if (cached.sql != sql) {  // a new text, or another text at an address reused
    if (prepare_observer()) prepare_observer()(sql);
    cached.sql = std::string(sql);
    cached.statements.clear();
  }
  // A statement with a row in hand is inside a loop. Past kMaxNested of them something keeps
  // statements open without finishing them; reusing the oldest then bounds the cache.
  Statement* free = nullptr;
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
  cached.statements.push_back(std::make_unique<Statement>(db_, cached.sql, cached.statements));
  ++prepared_;
  return *cached.statements.back();
}

void set_prepare_observer(std::function<void(std::string_view sql)> observer) {
  prepare_observer() = std::move(observer);
}

void Connection::exec(std::string_view sql) { db_.exec(std::string(sql)); }

namespace {
std::string column_text(sqlite3_stmt* statement, int column) {
  const auto* bytes = reinterpret_cast<const char*>(sqlite3_column_text(statement, column));
  if (bytes == nullptr) return {};
  return std::string(bytes, static_cast<std::size_t>(sqlite3_column_bytes(statement, column)));
}
}  // namespace

std::optional<std::string> opt_text(const Statement& s, int column) {
  if (sqlite3_column_type(s.handle(), column) == SQLITE_NULL) return std::nullopt;
  return column_text(s.handle(), column);
}

std::optional<std::int64_t> opt_int(const Statement& s, int column) {
  if (sqlite3_column_type(s.handle(), column) == SQLITE_NULL) return std::nullopt;
  return sqlite3_column_int64(s.handle(), column);
}

std::optional<PartialDate> opt_date(const Statement& s, int column) {
  if (sqlite3_column_type(s.handle(), column) == SQLITE_NULL) return std::nullopt;
  return PartialDate::parse(column_text(s.handle(), column));
}

std::string text(const Statement& s, int column) { return column_text(s.handle(), column); }

std::int64_t integer(const Statement& s, int column) {
  return sqlite3_column_int64(s.handle(), column);
}

}  // namespace euiomkb::detail
