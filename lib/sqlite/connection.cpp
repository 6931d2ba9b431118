#include "sqlite/connection.hpp"

#include <sqlite3.h>

#include <cstdio>
#include <cstring>
#include <stdexcept>
#include <string>
#include <utility>

#include "base/log.hpp"
#include "euiomkb/error.hpp"

namespace euiomkb::detail {
namespace {

std::function<void(std::string_view sql)>& prepare_observer() {
  static std::function<void(std::string_view sql)> observer;
  return observer;
}

SQLite::Database open_database(const std::string& path, int flags,
                               std::chrono::milliseconds busy_timeout, const std::string& name) {
  try {
    return SQLite::Database(path, flags, static_cast<int>(busy_timeout.count()));
  } catch (const SQLite::Exception& e) {
    throw file_error(name, std::string("cannot open it: ") + e.what(), e.getExtendedErrorCode(),
                     busy_timeout);
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

void Statement::bind_text(const char* name, std::string_view value) {
  // A null pointer would bind NULL: an empty view may have one.
  const char* bytes = value.data() != nullptr ? value.data() : "";
  int rc = sqlite3_bind_text64(handle_, sqlite3_bind_parameter_index(handle_, name), bytes,
                               value.size(), SQLITE_STATIC, SQLITE_UTF8);
  if (rc != SQLITE_OK) throw SQLite::Exception(sqlite3_db_handle(handle_), rc);
}

void Statement::give_back() noexcept {
  sqlite3_clear_bindings(handle_);  // always SQLITE_OK
  runs_when_handed_out_ = -1;
}

bool Statement::in_use() const noexcept {
  if (sqlite3_stmt_busy(handle_) != 0) return true;
  return runs_when_handed_out_ >= 0 &&
         sqlite3_stmt_status(handle_, SQLITE_STMTSTATUS_RUN, 0) == runs_when_handed_out_;
}

void Statement::hand_out() noexcept {
  runs_when_handed_out_ = sqlite3_stmt_status(handle_, SQLITE_STMTSTATUS_RUN, 0);
}

Connection::Connection(const std::string& path, int flags, std::chrono::milliseconds busy_timeout,
                       const std::string& name)
    : db_(open_database(path, flags, busy_timeout, name.empty() ? path : name)),
      read_only_((flags & SQLITE_OPEN_READWRITE) == 0),
      name_(name.empty() ? path : name),
      busy_timeout_(busy_timeout) {
  guarded(*this, [&] {
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
    // The old text's statements may still be in a user's hands: kept alive, never reused.
    for (auto& statement : cached.statements) retired_.push_back(std::move(statement));
    cached.statements.clear();
  }
  Statement* free = nullptr;
  for (auto& statement : cached.statements) {
    if (!statement->in_use()) {
      free = statement.get();
      break;
    }
  }
  if (free) {
    // tryReset, not reset: a statement whose last run failed would rethrow that old error. One
    // given back was reset and its bindings cleared then (sqlite/query.hpp, give_back), so the
    // import's inserts reset and clear once a row.
    if (!free->given_back()) {
      free->tryReset();
      free->clearBindings();
    }
  } else if (cached.statements.size() < kMaxNested) {
    cached.statements.push_back(std::make_unique<Statement>(db_, cached.sql, cached.statements));
    ++prepared_;
    free = cached.statements.back().get();
  } else {
    // Past kMaxNested something keeps statements open. One handed out and never stepped since
    // was abandoned (its user failed while binding it, as the loader does on a refused record):
    // take the oldest back. One mid-loop is never reset under its loop: refuse instead.
    for (auto& statement : cached.statements) {
      if (sqlite3_stmt_busy(statement->handle()) == 0) {
        free = statement.get();
        break;
      }
    }
    if (!free)
      throw std::logic_error("Connection::prepare: " + std::to_string(kMaxNested) +
                             " statements of this SQL are mid-loop (stepped but neither "
                             "finished nor reset); finish or reset one first: " +
                             cached.sql);
    free->tryReset();
    free->clearBindings();
  }
  free->hand_out();
  return *free;
}

std::optional<std::string> Connection::settle() {
  if (read_only_ || name_ == ":memory:") return std::nullopt;
  sqlite3* db = db_.getHandle();
  try {
    std::string mode = db_.execAndGet("PRAGMA journal_mode").getString();
    if (!wanted_journal_.empty() && mode != wanted_journal_)
      mode = db_.execAndGet("PRAGMA journal_mode = " + wanted_journal_).getString();
    if (mode != "wal") return std::nullopt;
  } catch (const SQLite::Exception& e) {
    // The commit stands; the file keeps its journal mode until a later write succeeds.
    log().warn("'{}': could not switch the journal mode to {}: {}", name_, wanted_journal_,
               e.what());
    return std::nullopt;
  }
  int rc = sqlite3_wal_checkpoint_v2(db, "main", SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
  if (rc == SQLITE_OK || (rc & 0xFF) == SQLITE_BUSY || (rc & 0xFF) == SQLITE_LOCKED)
    return std::nullopt;
  std::string problem = "the changes are saved in '" + name_ + "-wal', but copying them into '" +
                        name_ + "' failed (" + sqlite3_errstr(rc) +
                        "): keep the two files together; the next write, or the last program "
                        "to close the file, finishes the copy once the cause is gone";
  log().warn("{}", problem);
  return problem;
}

DatabaseError file_error(const std::string& name, const std::string& what, int code,
                         std::chrono::milliseconds waited) {
  std::string file = "'" + name + "'";
  switch (code & 0xFF) {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return DatabaseError(
          file + " is damaged (" + what + "); restore it from a backup or rebuild it", code);
    case SQLITE_BUSY:
    case SQLITE_LOCKED: {
      auto seconds = std::chrono::duration<double>(waited).count();
      char waited_text[32];
      std::snprintf(waited_text, sizeof waited_text, "%g", seconds);
      return DatabaseError(file + " is busy: another program is writing to it (" + what +
                               ", after waiting " + waited_text +
                               " s); try again when it has finished, or wait longer",
                           code);
    }
    case SQLITE_FULL:
      return DatabaseError("cannot write " + file + ": the disk is full (" + what + ")", code);
    case SQLITE_READONLY:
      return DatabaseError("cannot write " + file + ": " + what +
                               " (check the file's and its directory's permissions, or "
                               "whether the medium is read-only)",
                           code);
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_AUTH:
      return DatabaseError(file + ": " + what +
                               " (check that the file and its directory exist and that their "
                               "permissions allow it)",
                           code);
    case SQLITE_IOERR:
      return DatabaseError(file + ": input/output error (" + what + ")", code);
    default:  // about the statement, not the file (a constraint, a malformed query)
      return DatabaseError(what, code);
  }
}

void set_prepare_observer(std::function<void(std::string_view sql)> observer) {
  prepare_observer() = std::move(observer);
}

void Connection::exec(std::string_view sql) { db_.exec(std::string(sql)); }

ReadSnapshot::ReadSnapshot(Connection& connection) : connection_(connection) {
  if (sqlite3_get_autocommit(connection.db().getHandle()) == 0) return;
  guarded(connection, [&] { connection.exec("BEGIN"); });
  began_ = true;
}

ReadSnapshot::~ReadSnapshot() {
  sqlite3* db = connection_.db().getHandle();
  if (!began_ || sqlite3_get_autocommit(db) != 0) return;
  if (sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK)
    sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
}

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
