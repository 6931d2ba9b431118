// KnowledgeBase::search and search_each: the search index's queries, with options.
#include <sqlite3.h>

#include <string>
#include <string_view>

#include "euiomkb/knowledge_base.hpp"
#include "sqlite/impl.hpp"

namespace euiomkb {
namespace {

// :kinds is NULL (every kind) or ",topic,person," (the kinds asked for, comma-delimited).
constexpr std::string_view kSearchWithOptions = R"sql(
SELECT kind, ref_id, label, snippet(kb_search, 3, :mark_start, :mark_end, '…', 12)
  FROM kb_search
 WHERE kb_search MATCH :query AND (:kinds IS NULL OR instr(:kinds, ',' || kind || ',') > 0)
 ORDER BY rank LIMIT :limit OFFSET :offset
)sql";

// FTS5 reports a query it cannot parse as SQLITE_ERROR; the table itself always exists.
template <class Body>
auto as_query_error(Body&& body) -> decltype(body()) {
  try {
    return body();
  } catch (const DatabaseError& e) {
    if ((e.sqlite_code() & 0xff) == SQLITE_ERROR)
      throw QueryError(std::string("malformed search query: ") + e.what() +
                           " (put words with punctuation in double quotes)",
                       e.sqlite_code());
    throw;
  }
}

// Generic over the statement type so that it reads any prepared statement of the connection.
template <class PreparedStatement>
void bind_search(PreparedStatement& s, std::string_view query, const SearchOptions& options) {
  std::string kinds;
  for (const std::string& kind : options.kinds) kinds += "," + kind;
  if (!kinds.empty()) kinds += ",";
  s.bind(":mark_start", options.mark_start);
  s.bind(":mark_end", options.mark_end);
  s.bind(":query", std::string(query));
  if (kinds.empty())
    s.bind(":kinds");
  else
    s.bind(":kinds", kinds);
  s.bind(":limit", options.limit);
  s.bind(":offset", options.offset);
}

constexpr auto search_hit_row = [](auto& s) {
  return SearchHit{detail::text(s, 0), detail::integer(s, 1), detail::text(s, 2),
                   detail::text(s, 3)};
};

}  // namespace

std::vector<SearchHit> KnowledgeBase::search(std::string_view query,
                                             const SearchOptions& options) const {
  return as_query_error([&] {
    return detail::collect(
        impl_.get(), kSearchWithOptions, [&](auto& s) { bind_search(s, query, options); },
        search_hit_row);
  });
}

std::vector<SearchHit> KnowledgeBase::search(std::string_view query, int limit) const {
  SearchOptions options;
  options.limit = limit;
  return search(query, options);
}

void KnowledgeBase::search_each(std::string_view query,
                                const std::function<void(const SearchHit&)>& visit) const {
  SearchOptions options;
  options.limit = -1;  // every hit
  // Only a failure of the search statement itself is the query's fault, not one of `visit`.
  bool visiting = false;
  try {
    detail::stream(
        impl_.get(), kSearchWithOptions, [&](auto& s) { bind_search(s, query, options); },
        search_hit_row,
        [&](const SearchHit& hit) {
          visiting = true;
          visit(hit);
          visiting = false;
        });
  } catch (const DatabaseError& e) {
    if (visiting) throw;
    as_query_error([&]() -> int { throw; });
  }
}

}  // namespace euiomkb
