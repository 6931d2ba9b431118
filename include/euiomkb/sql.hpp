// A user's own SQL on the knowledge base (KnowledgeBase::run_sql).
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "euiomkb/api.hpp"

namespace euiomkb {

// One value of a row KnowledgeBase::run_sql returns: NULL, an integer, a real or text (a blob
// comes back as its bytes in a string).
using SqlValue = std::variant<std::monostate, std::int64_t, double, std::string>;

// How KnowledgeBase::run_sql runs a user's SQL.
//
// `parameters` are bound to ?1, ?2, ... of every statement.
//
// Unless `allow_writes`, only reads run: a statement SQLite counts as read-only
// (sqlite3_stmt_readonly) that uses no ATTACH or DETACH and no pragma outside the read-only
// allowlist (pragmas that describe the schema or check the file, with any argument:
// table_info, table_xinfo, table_list, index_list, index_info, index_xinfo,
// foreign_key_list, foreign_key_check, integrity_check, quick_check; lists: database_list,
// collation_list, function_list, module_list, pragma_list, compile_options; and the query form,
// without an argument, of the settings such as journal_mode, user_version, application_id,
// foreign_keys, cache_size), nor FTS3/4's optimize() (it rewrites an index from a SELECT).
// Anything else is refused with QueryError before it runs.
// fts3_tokenizer() and load_extension() are refused even with `allow_writes` (the first hands
// out and takes raw memory addresses, the second loads code).
//
// `time_limit` bounds the time SQLite spends running the statements of one call (the time the
// caller's callbacks take does not count); zero means no limit. It is checked every thousand
// or so SQLite virtual-machine steps, so one long step (a sort, a huge string) may overrun it.
//
// `interrupt`, when set, is read as often: once it holds true the statement stops. A signal
// handler or another thread may set it (std::atomic<bool> is lock-free); it must outlive the
// call.
struct SqlOptions {
  bool allow_writes = false;
  std::vector<SqlValue> parameters;
  std::chrono::milliseconds time_limit{0};
  const std::atomic<bool>* interrupt = nullptr;
};

// How many statements `sql` holds as KnowledgeBase::run_sql runs them, one after another: a
// statement ends at a ';' that SQLite counts as completing it (not one inside a string, a
// quoted name, a comment or a trigger body) or at the end of the text; white space and
// comments alone are no statement. Does not check that a statement compiles. Throws only
// std::bad_alloc.
EUIOMKB_API std::size_t count_sql_statements(std::string_view sql);

}  // namespace euiomkb
