// The one query idiom: every statement the library runs is taken from Connection::prepare by one
// of these helpers, which reset it (and give it back to the connection's cache) when they
// return, normally or by an exception. Nothing here allocates per call; SQLite failures
// propagate as SQLite::Exception (impl.hpp's overloads on Impl* turn them into DatabaseError).
#pragma once

#include <optional>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "sqlite/connection.hpp"

namespace euiomkb::detail {

// Runs `body` with the cached statement for `sql` and returns what it returns; the statement is
// reset and given back on the way out, whatever `body` did with it. For a statement whose use
// does not fit the helpers below (bound across checks that may refuse, stepped by hand).
template <class Body>
decltype(auto) with_statement(Connection& connection, std::string_view sql, Body&& body) {
  Statement& s = connection.prepare(sql);
  struct ResetOnExit {
    Statement& statement;
    ~ResetOnExit() {
      statement.tryReset();
      statement.give_back();
    }
  } reset{s};
  return body(s);
}

// Runs the cached statement for `sql` and hands each mapped row to `visit` as it is stepped, so
// that whole-table reads never hold the table in memory. `visit` may run other queries, even
// this one (Connection::prepare never hands out a statement that is mid-loop); if it throws,
// the statement is reset and the exception propagates.
template <class Bind, class Row, class Visit>
void stream(Connection& connection, std::string_view sql, Bind&& bind, Row&& row, Visit&& visit) {
  with_statement(connection, sql, [&](Statement& s) {
    bind(s);
    while (s.executeStep()) visit(row(s));
  });
}

// Runs the cached statement for `sql`: `bind` sets its parameters, `row` maps each result row;
// the rows come back as a vector.
template <class Bind, class Row>
auto collect(Connection& connection, std::string_view sql, Bind&& bind, Row&& row) {
  std::vector<std::invoke_result_t<Row&, Statement&>> out;
  stream(connection, sql, bind, row,
         [&](auto&& record) { out.push_back(std::forward<decltype(record)>(record)); });
  return out;
}

// Runs the cached statement for `sql` and maps its first row only, if there is one: for
// lookups by a unique key (one step, where collect would step again to find the end).
template <class Bind, class Row>
auto first_row(Connection& connection, std::string_view sql, Bind&& bind, Row&& row) {
  return with_statement(connection, sql, [&](Statement& s) {
    bind(s);
    using Record = std::invoke_result_t<Row&, Statement&>;
    return s.executeStep() ? std::optional<Record>(row(s)) : std::optional<Record>();
  });
}

// Runs the cached statement for `sql`, which returns no rows (INSERT, UPDATE, DELETE, a
// PRAGMA that sets): `bind` sets its parameters. Returns the number of rows it changed. Throws
// SQLite::Exception when it fails or returns a row.
template <class Bind>
int execute(Connection& connection, std::string_view sql, Bind&& bind) {
  return with_statement(connection, sql, [&](Statement& s) {
    bind(s);
    return s.exec();
  });
}

inline constexpr auto kNoBinding = [](SQLite::Statement&) {};

}  // namespace euiomkb::detail
