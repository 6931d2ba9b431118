// Full-text search over every kind of record and the sources' paragraphs
// (KnowledgeBase::search, KnowledgeBase::search_each).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace euiomkb {

// What KnowledgeBase::search() returns and how: `kinds` limits the hits to those kinds of
// record (all when empty); the snippet marks each matched term between `mark_start` and
// `mark_end`.
struct SearchOptions {
  int limit = 20;
  int offset = 0;
  std::vector<std::string> kinds;
  std::string mark_start = "[";
  std::string mark_end = "]";
};

struct SearchHit {
  std::string kind;     // 'topic', 'person', 'organisation', 'meeting', 'passage', ...
  std::int64_t ref_id;  // the record's id in its kind (a passage: its source's id)
  std::string label;
  std::string snippet;
};

}  // namespace euiomkb
