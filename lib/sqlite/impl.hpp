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
#include "sqlite/query.hpp"

namespace euiomkb::detail {

struct Impl {
  Connection connection;
  bool rank_registered = false;  // kb_rank (search/rank.hpp) is registered on the connection
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

// The helpers of sqlite/query.hpp on a KnowledgeBase's connection, with SQLite failures turned
// into DatabaseError naming the file (guarded).
template <class Bind, class Row, class Visit>
void stream(Impl* impl, std::string_view sql, Bind&& bind, Row&& row, Visit&& visit) {
  guarded(impl->connection, [&] { stream(impl->connection, sql, bind, row, visit); });
}

template <class Bind, class Row>
auto collect(Impl* impl, std::string_view sql, Bind&& bind, Row&& row) {
  return guarded(impl->connection, [&] { return collect(impl->connection, sql, bind, row); });
}

template <class Bind, class Row>
auto first_row(Impl* impl, std::string_view sql, Bind&& bind, Row&& row) {
  return guarded(impl->connection, [&] { return first_row(impl->connection, sql, bind, row); });
}

template <class Bind>
int execute(Impl* impl, std::string_view sql, Bind&& bind) {
  return guarded(impl->connection, [&] { return execute(impl->connection, sql, bind); });
}

}  // namespace euiomkb::detail
