// KnowledgeBase::run_sql: a user's own SQL, read-only unless allowed, within a time limit; and
// count_sql_statements.
#include <sqlite3.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <iterator>
#include <string>
#include <string_view>
#include <utility>

#include "euiomkb/knowledge_base.hpp"
#include "sqlite/impl.hpp"

namespace euiomkb {
namespace {

// The pragmas run_sql allows without allow_writes; each reads and changes nothing. Pragmas
// that describe the schema or check the file, whatever their argument (a table, an index, a
// number of errors):
constexpr std::string_view kDescribingPragmas[] = {
    "table_info",      "table_xinfo", "table_list",       "index_list",
    "index_info",      "index_xinfo", "foreign_key_list", "foreign_key_check",
    "integrity_check", "quick_check", "database_list",    "collation_list",
    "function_list",   "module_list", "pragma_list",      "compile_options"};
// Settings and counters, in their query form only: without an argument (with one a setting is
// set).
// clang-format off
constexpr std::string_view kSettingPragmas[] = {
    "application_id", "user_version", "schema_version", "data_version", "encoding", "page_size",
    "page_count", "freelist_count", "max_page_count", "auto_vacuum", "journal_mode",
    "journal_size_limit", "locking_mode", "synchronous", "wal_autocheckpoint", "foreign_keys",
    "defer_foreign_keys", "recursive_triggers", "query_only", "cache_size", "cache_spill",
    "mmap_size", "temp_store", "busy_timeout", "secure_delete", "cell_size_check",
    "automatic_index", "trusted_schema", "writable_schema", "legacy_alter_table",
    "ignore_check_constraints", "reverse_unordered_selects", "read_uncommitted", "analysis_limit",
    "soft_heap_limit", "hard_heap_limit", "threads", "fullfsync", "checkpoint_fullfsync"};
// clang-format on
// Any other (optimize, wal_checkpoint and incremental_vacuum write; shrink_memory,
// case_sensitive_like and the deprecated ones change the connection) needs allow_writes.

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// Whether the pragma `name` (any case) with `argument` (nullptr: none) only reads.
bool reads_only(std::string_view name, const char* argument) {
  std::string key = lower(name);
  auto listed = [&key](const auto& list) {
    return std::find(std::begin(list), std::end(list), key) != std::end(list);
  };
  return listed(kDescribingPragmas) || (argument == nullptr && listed(kSettingPragmas));
}

// Functions run_sql never lets a statement call, even with allow_writes: fts3_tokenizer()
// returns the address of a tokenizer module and, given one, calls through it (a pointer leak
// and a crash), and load_extension() runs a shared library's code.
bool never_allowed(std::string_view function) {
  std::string name = lower(function);
  return name == "fts3_tokenizer" || name == "load_extension";
}

// What the authorizer saw while one statement compiled: what it refused, for the message, and
// whether the statement is a PRAGMA of the allowlist and nothing else (SQLite counts
// `PRAGMA journal_mode` as a write even as a query, so the allowlist decides for those).
struct Guard {
  explicit Guard(bool writes) : allow_writes(writes) {}
  // Ready for the next statement.
  void reset() { *this = Guard(allow_writes); }

  bool allow_writes;
  bool active = true;   // false while the caller's callbacks run (their queries are theirs)
  std::string refused;  // "ATTACH", "PRAGMA foreign_keys = OFF", "fts3_tokenizer()"
  std::string reason;   // why, when the name alone does not say
  bool refused_always = false;
  int actions = 0;
  bool read_pragma = false;
};

// Installed while run_sql prepares and steps a statement: stepping counts too, since a
// pragma's table-valued function (pragma_optimize) prepares its PRAGMA only when it runs.
int authorize(void* data, int action, const char* a, const char* b, const char* /*c*/,
              const char* /*d*/) {
  auto* guard = static_cast<Guard*>(data);
  if (!guard->active) return SQLITE_OK;
  ++guard->actions;
  if (action == SQLITE_FUNCTION && b != nullptr && never_allowed(b)) {
    guard->refused = lower(b) + "()";
    guard->refused_always = true;
    return SQLITE_DENY;
  }
  if (guard->allow_writes) return SQLITE_OK;
  switch (action) {
    case SQLITE_FUNCTION:
      // FTS3/4's optimize() rewrites the table's index from inside a SELECT.
      if (b != nullptr && lower(b) == "optimize") {
        guard->refused = "optimize()";
        guard->reason = "it rewrites a full-text index";
        return SQLITE_DENY;
      }
      return SQLITE_OK;
    case SQLITE_ATTACH:
    case SQLITE_DETACH:
      guard->refused = action == SQLITE_ATTACH ? "ATTACH" : "DETACH";
      return SQLITE_DENY;
    case SQLITE_PRAGMA:
      if (a != nullptr && reads_only(a, b)) {
        guard->read_pragma = true;
        return SQLITE_OK;
      }
      guard->refused = "PRAGMA " + std::string(a == nullptr ? "" : a);
      if (b != nullptr) guard->refused += " = " + std::string(b);
      guard->reason = b != nullptr ? "it changes a setting" : "it is not a read-only pragma";
      return SQLITE_DENY;
    default:
      return SQLITE_OK;
  }
}

// What stops a statement run_sql runs: the time limit, counted while SQLite steps (not while
// the caller handles a row), and the caller's interrupt flag. SQLite calls on_progress every
// kProgressSteps virtual-machine steps.
struct Watch {
  using Clock = std::chrono::steady_clock;
  static constexpr int kProgressSteps = 1000;
  enum class Stop { none, time_limit, interrupted };

  Watch(std::chrono::milliseconds time_limit, const std::atomic<bool>* flag)
      : limit(time_limit), interrupt(flag) {}
  bool watching() const { return limit > Clock::duration::zero() || interrupt != nullptr; }
  bool interrupted() const {
    return interrupt != nullptr && interrupt->load(std::memory_order_relaxed);
  }
  // sqlite3_step with the time it takes counted.
  int step(sqlite3_stmt* statement) {
    step_started = Clock::now();
    stepping = true;
    int rc = sqlite3_step(statement);
    stepping = false;
    spent += Clock::now() - step_started;
    return rc;
  }

  Clock::duration limit;  // zero: none
  const std::atomic<bool>* interrupt;
  Clock::duration spent{};  // in the steps before this one
  Clock::time_point step_started{};
  bool stepping = false;  // false while a row callback runs (its own queries are not watched)
  Stop stop = Stop::none;
};

int on_progress(void* data) {
  auto* watch = static_cast<Watch*>(data);
  if (!watch->stepping) return 0;
  if (watch->interrupted()) {
    watch->stop = Watch::Stop::interrupted;
    return 1;
  }
  if (watch->limit > Watch::Clock::duration::zero() &&
      watch->spent + (Watch::Clock::now() - watch->step_started) > watch->limit) {
    watch->stop = Watch::Stop::time_limit;
    return 1;
  }
  return 0;
}

// "5 s", "0.25 s".
std::string seconds(std::chrono::milliseconds limit) {
  auto ms = limit.count();
  std::string text = std::to_string(ms / 1000);
  if (ms % 1000 != 0) {
    std::string fraction = std::to_string(1000 + ms % 1000).substr(1);
    while (fraction.back() == '0') fraction.pop_back();
    text += "." + fraction;
  }
  return text + " s";
}

// The connection as run_sql leaves it, however it leaves: the statement finalized, the
// authorizer and the progress handler removed, and a transaction the user's SQL opened and did
// not close rolled back (the connection is the library's).
struct RunScope {
  sqlite3* db;
  bool was_autocommit;
  sqlite3_stmt* statement = nullptr;
  RunScope(sqlite3* connection, Watch* watch)
      : db(connection), was_autocommit(sqlite3_get_autocommit(connection) != 0) {
    if (watch->watching()) sqlite3_progress_handler(db, Watch::kProgressSteps, on_progress, watch);
  }
  // Finalizes the statement and removes the authorizer (it points to a statement's guard).
  void finalize() {
    sqlite3_finalize(statement);
    statement = nullptr;
    sqlite3_set_authorizer(db, nullptr, nullptr);
  }
  ~RunScope() {
    finalize();
    sqlite3_progress_handler(db, 0, nullptr, nullptr);
    if (was_autocommit && sqlite3_get_autocommit(db) == 0)
      sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
  }
  RunScope(const RunScope&) = delete;
  RunScope& operator=(const RunScope&) = delete;
};

[[noreturn]] void throw_refusal(const Guard& guard, int code) {
  if (guard.refused_always)
    throw QueryError("refused: " + guard.refused + " is never allowed", code);
  throw QueryError("refused: " + guard.refused + " is not allowed" +
                       (guard.reason.empty() ? "" : " (" + guard.reason + ")") +
                       "; pass --write to allow it",
                   code);
}

// The failure of a statement as the user can act on it: QueryError for the SQL itself (it does
// not compile, breaks a constraint, ran out of time, was interrupted), DatabaseError naming
// the file for the file (read-only, locked, damaged, full, unreadable).
[[noreturn]] void throw_failure(sqlite3* db, const std::string& file, const Watch& watch,
                                std::chrono::milliseconds limit, std::chrono::milliseconds waited) {
  int code = sqlite3_extended_errcode(db);
  if (watch.stop == Watch::Stop::interrupted) throw QueryError("interrupted", code);
  if (watch.stop == Watch::Stop::time_limit)
    throw QueryError("stopped: the query ran longer than its time limit of " + seconds(limit) +
                         "; raise the limit with --time-limit SECONDS (0 for none)",
                     code);
  std::string message = sqlite3_errmsg(db);
  switch (code & 0xff) {
    case SQLITE_ERROR:
    case SQLITE_CONSTRAINT:
    case SQLITE_MISMATCH:
    case SQLITE_RANGE:
    case SQLITE_TOOBIG:
    case SQLITE_AUTH:
    case SQLITE_INTERRUPT:
      throw QueryError("SQL error: " + message, code);
    case SQLITE_READONLY:
      throw DatabaseError("'" + file + "' cannot be written: " + message +
                              " (the file, its directory or the medium is read-only)",
                          code);
    default:  // busy, full, damaged, I/O: worded as for every other query
      throw detail::file_error(file, message, code, waited);
  }
}

void bind_value(sqlite3_stmt* statement, int index, const SqlValue& value) {
  struct Binder {
    sqlite3_stmt* s;
    int i;
    void operator()(std::monostate) const { sqlite3_bind_null(s, i); }
    void operator()(std::int64_t v) const { sqlite3_bind_int64(s, i, v); }
    void operator()(double v) const { sqlite3_bind_double(s, i, v); }
    void operator()(const std::string& v) const {
      sqlite3_bind_text(s, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    }
  };
  std::visit(Binder{statement, index}, value);
}

SqlValue column_value(sqlite3_stmt* statement, int column) {
  switch (sqlite3_column_type(statement, column)) {
    case SQLITE_NULL:
      return std::monostate{};
    case SQLITE_INTEGER:
      return static_cast<std::int64_t>(sqlite3_column_int64(statement, column));
    case SQLITE_FLOAT:
      return sqlite3_column_double(statement, column);
    default: {
      const auto* bytes = static_cast<const char*>(sqlite3_column_blob(statement, column));
      return std::string(bytes == nullptr ? "" : bytes,
                         static_cast<std::size_t>(sqlite3_column_bytes(statement, column)));
    }
  }
}

}  // namespace

void KnowledgeBase::run_sql(
    std::string_view sql, const SqlOptions& options,
    const std::function<void(const std::vector<std::string>& names)>& columns,
    const std::function<void(const std::vector<SqlValue>& values)>& row) const {
  sqlite3* db = impl_->connection.db().getHandle();
  const std::string& file = impl_->connection.name();
  Guard guard(options.allow_writes);
  Watch watch(options.time_limit, options.interrupt);
  RunScope scope(db, &watch);
  auto fail = [&](int rc) {
    if (!guard.refused.empty()) throw_refusal(guard, rc);
    throw_failure(db, file, watch, options.time_limit, impl_->connection.busy_timeout());
  };
  // The caller's callbacks run outside the guard and the watch.
  auto hand_over = [&guard](auto&& callback, const auto& what) {
    guard.active = false;
    callback(what);
    guard.active = true;
  };
  std::string rest(sql);
  const char* tail = rest.c_str();
  while (*tail != '\0') {
    scope.finalize();
    if (watch.interrupted()) throw QueryError("interrupted", SQLITE_INTERRUPT);
    guard.reset();
    sqlite3_set_authorizer(db, authorize, &guard);
    const char* next = nullptr;
    int rc = sqlite3_prepare_v2(db, tail, -1, &scope.statement, &next);
    if (rc != SQLITE_OK) fail(rc);
    tail = next;
    if (scope.statement == nullptr) continue;  // white space or a comment
    bool pragma_only = guard.read_pragma && guard.actions == 1;
    if (!options.allow_writes && !pragma_only && sqlite3_stmt_readonly(scope.statement) == 0)
      throw QueryError(
          "refused: the statement would change the database; pass --write to allow it");
    int parameters = sqlite3_bind_parameter_count(scope.statement);
    for (int i = 1; i <= parameters && static_cast<std::size_t>(i) <= options.parameters.size();
         ++i)
      bind_value(scope.statement, i, options.parameters[static_cast<std::size_t>(i - 1)]);
    int count = sqlite3_column_count(scope.statement);
    std::vector<std::string> names;
    names.reserve(static_cast<std::size_t>(count));
    for (int i = 0; i < count; ++i) names.emplace_back(sqlite3_column_name(scope.statement, i));
    if (count > 0) hand_over(columns, names);
    std::vector<SqlValue> values(static_cast<std::size_t>(count));
    while ((rc = watch.step(scope.statement)) == SQLITE_ROW) {
      for (int i = 0; i < count; ++i)
        values[static_cast<std::size_t>(i)] = column_value(scope.statement, i);
      hand_over(row, values);
      if (watch.interrupted()) throw QueryError("interrupted", SQLITE_INTERRUPT);
    }
    if (rc != SQLITE_DONE) fail(rc);
  }
}

namespace {

// True when `text` holds something besides white space, ';' and SQL comments.
bool holds_statement(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == ';') continue;
    if (text.compare(i, 2, "--") == 0) {
      i = text.find('\n', i);
      if (i == std::string_view::npos) return false;
      continue;
    }
    if (text.compare(i, 2, "/*") == 0) {
      i = text.find("*/", i + 2);
      if (i == std::string_view::npos) return false;
      ++i;
      continue;
    }
    return true;
  }
  return false;
}

}  // namespace

std::size_t count_sql_statements(std::string_view sql) {
  std::size_t count = 0;
  std::size_t start = 0;
  std::string candidate;
  for (std::size_t i = 0; i < sql.size(); ++i) {
    if (sql[i] != ';') continue;
    candidate.assign(sql.substr(start, i + 1 - start));
    if (sqlite3_complete(candidate.c_str()) == 0) continue;  // inside a string, comment, trigger
    if (holds_statement(candidate)) ++count;
    start = i + 1;
  }
  if (holds_statement(sql.substr(start))) ++count;
  return count;
}

}  // namespace euiomkb
