// Full-text search over every kind of record and the sources' paragraphs
// (KnowledgeBase::search, KnowledgeBase::search_each).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace euiomkb {

// What KnowledgeBase::search() returns and how: `kinds` limits the hits to those kinds of
// record (all when empty); the snippet marks each matched term between `mark_start` and
// `mark_end`. `rank_at_most` bounds the ranking: when more than that many records, or more than
// that many paragraphs of sources, match, only the newest `rank_at_most` of each (by id) are
// ranked, in bm25's order, the rest are not ranked (SearchResults says so); 0 or less ranks every
// match. `offset` skips that many hits of the ranking (less than 0: none).
struct SearchOptions {
  int limit = 20;
  int offset = 0;
  std::vector<std::string> kinds;
  std::string mark_start = "[";
  std::string mark_end = "]";
  int rank_at_most = 5000;
};

struct SearchHit {
  std::string kind;     // 'topic', 'person', 'organisation', 'meeting', 'passage', ...
  std::int64_t ref_id;  // the record's id in its kind (a passage: its source's id)
  std::string label;
  std::string snippet;
};

// What KnowledgeBase::search_ranked() returns: the hits, best first, and how they were chosen.
// all_ranked: every match was ranked (the hits are the best of all). Otherwise `ranked` matches
// were (the newest SearchOptions::rank_at_most records and the newest as many paragraphs of
// sources) and more match: a better hit may be among those not ranked.
struct SearchResults {
  std::vector<SearchHit> hits;
  bool all_ranked = true;
  std::int64_t ranked = 0;  // matches ranked when !all_ranked (0 when all were)
};

}  // namespace euiomkb
