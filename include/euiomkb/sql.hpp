// A user's own SQL on the knowledge base (KnowledgeBase::run_sql).
#pragma once

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace euiomkb {

// One value of a row KnowledgeBase::run_sql returns: NULL, an integer, a real or text (a blob
// comes back as its bytes in a string).
using SqlValue = std::variant<std::monostate, std::int64_t, double, std::string>;

// How KnowledgeBase::run_sql runs a user's SQL: `parameters` are bound to ?1, ?2, ... of every
// statement; unless `allow_writes`, a statement that would write, ATTACH, DETACH or call
// load_extension is refused with QueryError before it runs.
struct SqlOptions {
  bool allow_writes = false;
  std::vector<SqlValue> parameters;
};

}  // namespace euiomkb
