// KnowledgeBase::search and search_each: the search index's queries, with options.
#include <sqlite3.h>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "euiomkb/knowledge_base.hpp"
#include "search/rank.hpp"
#include "search/search_index.hpp"
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

// A bounded search reads the matches of a rowid range newest first, at most :at_most of them:
// FTS5 walks its doclists in rowid order and ranks nothing, so this costs the rows read, not
// the matches there are.
constexpr std::string_view kNewestMatches = R"sql(
SELECT rowid FROM kb_search
 WHERE kb_search MATCH :query AND rowid BETWEEN :first AND :last
   AND (:kinds IS NULL OR instr(:kinds, ',' || kind || ',') > 0)
 ORDER BY rowid DESC LIMIT :at_most
)sql";

// Ranks the matches of one rowid range only, by kb_rank (search/rank.hpp: bm25's order without
// counting every match of a lone phrase): the rowids of the best :limit, best first, ties by
// rowid. The snippets are made afterwards, for the hits shown only.
constexpr std::string_view kRankBetween = R"sql(
SELECT rowid, kb_rank(kb_search) AS score
  FROM kb_search
 WHERE kb_search MATCH :query AND rowid BETWEEN :first AND :last
   AND (:kinds IS NULL OR instr(:kinds, ',' || kind || ',') > 0)
 ORDER BY score, rowid LIMIT :limit
)sql";

// One hit of a ranked search, with its snippet.
constexpr std::string_view kHitAt = R"sql(
SELECT kind, ref_id, label, snippet(kb_search, 3, :mark_start, :mark_end, '…', 12)
  FROM kb_search
 WHERE kb_search MATCH :query AND rowid = :rowid
)sql";

// The parts of the rowid space a bounded search ranks separately, so that neither the records
// nor the paragraphs of sources crowd the other out of the candidates.
struct RowidRange {
  std::int64_t first;
  std::int64_t last;
};
constexpr RowidRange kRecordRowids{0, detail::kFirstPassageRowid - 1};
constexpr RowidRange kPassageRowids{detail::kFirstPassageRowid,
                                    std::numeric_limits<std::int64_t>::max()};

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
// Binds :query and :kinds.
template <class PreparedStatement>
void bind_match(PreparedStatement& s, std::string_view query, const SearchOptions& options) {
  std::string kinds;
  for (const std::string& kind : options.kinds) kinds += "," + kind;
  if (!kinds.empty()) kinds += ",";
  s.bind(":query", std::string(query));
  if (kinds.empty())
    s.bind(":kinds");
  else
    s.bind(":kinds", kinds);
}

// Binds :query, :kinds and the snippet markers.
template <class PreparedStatement>
void bind_hits(PreparedStatement& s, std::string_view query, const SearchOptions& options) {
  bind_match(s, query, options);
  s.bind(":mark_start", options.mark_start);
  s.bind(":mark_end", options.mark_end);
}

// Binds every parameter of kSearchWithOptions.
template <class PreparedStatement>
void bind_search(PreparedStatement& s, std::string_view query, const SearchOptions& options) {
  bind_hits(s, query, options);
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
  return search_ranked(query, options).hits;
}

SearchResults KnowledgeBase::search_ranked(std::string_view query,
                                           const SearchOptions& options) const {
  return as_query_error([&] {
    SearchResults results;
    auto rank_all = [&] {
      results.hits = detail::collect(
          impl_.get(), kSearchWithOptions, [&](auto& s) { bind_search(s, query, options); },
          search_hit_row);
      return results;
    };
    if (options.rank_at_most <= 0 || options.limit < 0) return rank_all();
    // The reads below (the newest matches, each range's ranking, each hit's snippet) are
    // separate statements: one snapshot, so that an import committing between them cannot
    // drop a hit, change a label or give the two ranges different statistics.
    detail::ReadSnapshot snapshot(impl_->connection);

    // The newest rank_at_most matches of each range; `first` is where ranking starts. One read
    // of at most 2 * rank_at_most + 1 matches over both ranges, newest (the paragraphs) first,
    // settles a rare term in one pass; a second reads the records when the paragraphs filled it.
    struct Candidates {
      RowidRange range;
      std::int64_t first;
    };
    const std::int64_t bound = options.rank_at_most;
    std::int64_t read = 0, passages = 0, records = 0;
    std::int64_t passage_cut = 0, record_cut = 0;  // the (bound + 1)-th newest of each
    auto newest = [&](RowidRange range, std::int64_t at_most, auto&& visit) {
      detail::stream(
          impl_.get(), kNewestMatches,
          [&](auto& s) {
            bind_match(s, query, options);
            s.bind(":first", range.first);
            s.bind(":last", range.last);
            s.bind(":at_most", at_most);
          },
          [](auto& s) { return detail::integer(s, 0); }, visit);
    };
    newest({kRecordRowids.first, kPassageRowids.last}, 2 * bound + 1, [&](std::int64_t rowid) {
      ++read;
      if (rowid >= kPassageRowids.first) {
        if (++passages == bound + 1) passage_cut = rowid;
      } else if (++records == bound + 1) {
        record_cut = rowid;
      }
    });
    if (passages > bound && read == 2 * bound + 1) {  // the records may not all have been read
      records = 0;
      newest(kRecordRowids, bound + 1, [&](std::int64_t rowid) {
        if (++records == bound + 1) record_cut = rowid;
      });
    }
    std::vector<Candidates> candidates = {
        {kRecordRowids, records > bound ? record_cut + 1 : kRecordRowids.first},
        {kPassageRowids, passages > bound ? passage_cut + 1 : kPassageRowids.first}};
    if (records <= bound && passages <= bound) return rank_all();
    results.ranked = std::min(records, bound) + std::min(passages, bound);

    // Each range's best limit + offset, merged by score (lower is better; the ranges share
    // kb_rank's statistics, so their scores compare), then the snippets of the hits kept.
    results.all_ranked = false;
    if (!impl_->rank_registered) {
      detail::register_rank_function(impl_->connection.db().getHandle());
      impl_->rank_registered = true;
    }
    struct Ranked {
      double score;
      std::int64_t rowid;
    };
    std::vector<Ranked> best;
    const std::int64_t offset = std::max(options.offset, 0);  // SQLite's OFFSET reads < 0 as 0
    for (const Candidates& c : candidates)
      detail::stream(
          impl_.get(), kRankBetween,
          [&](auto& s) {
            bind_match(s, query, options);
            s.bind(":first", c.first);
            s.bind(":last", c.range.last);
            s.bind(":limit", std::int64_t{options.limit} + offset);
          },
          [](auto& s) {
            return Ranked{s.getColumn(1).getDouble(), detail::integer(s, 0)};
          },
          [&](const Ranked& r) { best.push_back(r); });
    std::sort(best.begin(), best.end(), [](const Ranked& a, const Ranked& b) {
      return a.score < b.score || (a.score == b.score && a.rowid < b.rowid);
    });
    for (auto k = static_cast<std::size_t>(offset);
         k < best.size() && static_cast<int>(results.hits.size()) < options.limit; ++k) {
      auto hit = detail::first_row(
          impl_.get(), kHitAt,
          [&](auto& s) {
            s.bind(":query", std::string(query));
            s.bind(":mark_start", options.mark_start);
            s.bind(":mark_end", options.mark_end);
            s.bind(":rowid", best[k].rowid);
          },
          search_hit_row);
      if (hit) results.hits.push_back(std::move(*hit));
    }
    return results;
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
