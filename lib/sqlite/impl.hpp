// The state behind a KnowledgeBase and its repositories.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "euiomkb/knowledge_base.hpp"
#include "euiomkb/sources.hpp"
#include "sqlite/connection.hpp"

namespace euiomkb::detail {

struct Impl {
  Connection connection;
};

// The state of a KnowledgeBase, for library calls that are not its members (diff()).
struct Access {
  static Impl& impl(const KnowledgeBase& kb) { return *kb.impl_; }
};

// The bounds SQL comparisons use for a partial date: every ISO date text the date covers
// sorts within [low, high] (high appends '~', which sorts after digits and '-').
struct DateBounds {
  std::string low;
  std::string high;
};
inline DateBounds bounds(const PartialDate& date) {
  std::string text = date.to_string();
  return {text, text + "~"};
}

// Runs the cached statement for `sql` and hands each mapped row to `visit` as it is stepped, so
// that whole-table reads never hold the table in memory. `visit` may run other queries, even
// this one (Connection::prepare never hands out a statement that is mid-loop); if it throws,
// the statement is reset and the exception propagates.
template <class Bind, class Row, class Visit>
void stream(Impl* impl, std::string_view sql, Bind&& bind, Row&& row, Visit&& visit) {
  guarded(impl->connection, [&] {
    auto& s = impl->connection.prepare(sql);
    struct ResetOnExit {
      SQLite::Statement& statement;
      ~ResetOnExit() { statement.tryReset(); }
    } reset{s};
    bind(s);
    while (s.executeStep()) visit(row(s));
    return 0;
  });
}

// Runs the cached statement for `sql`: `bind` sets its parameters, `row` maps each result row;
// the rows come back as a vector. SQLite failures become DatabaseError.
template <class Bind, class Row>
auto collect(Impl* impl, std::string_view sql, Bind&& bind, Row&& row) {
  std::vector<std::invoke_result_t<Row&, Statement&>> out;
  stream(impl, sql, bind, row,
         [&](auto&& record) { out.push_back(std::forward<decltype(record)>(record)); });
  return out;
}

// Runs the cached statement for `sql` and maps its first row only, if there is one: for
// lookups by a unique key (one step, where collect would step again to find the end).
template <class Bind, class Row>
auto first_row(Impl* impl, std::string_view sql, Bind&& bind, Row&& row) {
  return guarded(impl->connection, [&] {
    auto& s = impl->connection.prepare(sql);
    struct ResetOnExit {
      SQLite::Statement& statement;
      ~ResetOnExit() { statement.tryReset(); }
    } reset{s};
    bind(s);
    using Record = std::invoke_result_t<Row&, Statement&>;
    return s.executeStep() ? std::optional<Record>(row(s)) : std::optional<Record>();
  });
}

inline constexpr auto kNoBinding = [](SQLite::Statement&) {};

}  // namespace euiomkb::detail
