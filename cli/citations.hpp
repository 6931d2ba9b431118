// The citations behind the lines of a report: each line shows the ids of its citations, and
// --cite adds a section with their quotations.
#pragma once

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "euiomkb/knowledge_base.hpp"
#include "output.hpp"

namespace euiomkb::cli {

// A Passage's quotation (`passage`) in its context (`before`, `after`) between » and « (plain
// characters: they survive a pipe, a copy and a terminal without colours); with `bold` (a
// terminal that takes styles: styles_wanted) the quotation is bold too. Passage::before and
// after keep the white space next to the quotation, so the three read as prose.
std::string quotation_in_context(std::string_view before, std::string_view passage,
                                 std::string_view after, bool bold = false);

// A citation's source as the tool describes it, in `cite` and in the evidence site's JSON twin
// of a source: its title, publisher, published date and URL, and `for_programs` its language
// and SHA-256 too. The columns, and a row's values for them in the same order.
std::vector<Column> source_columns(bool for_programs);
std::vector<Value> source_values(const SourceSummary& source, bool for_programs);

class CitationNotes {
 public:
  // `in_memory`: see kInMemory (tests give fewer).
  explicit CitationNotes(const KnowledgeBase& kb, std::size_t in_memory = kInMemory)
      : kb_(kb), in_memory_(in_memory) {}

  // The ids of the citations behind `record` ("12 13"; in JSON an array), NULL when none
  // (general knowledge);
  // remembers them for write().
  template <class Record>
  Value of(const Record& record) {
    return note(kb_.citations_for(record));
  }
  Value of(std::string_view subject_type, std::int64_t subject_id) {
    return note(kb_.citations(subject_type, subject_id));
  }
  template <class Tag>
  Value of(std::string_view subject_type, Id<Tag> subject_id) {
    return of(subject_type, subject_id.value());
  }
  // The column that shows them.
  static Column column() { return {"cited", ColumnType::id_list}; }

  // A "citations" section: id, the source by key, title and published date (never its file
  // name), the quotation and the note (why the passage supports its record though it does not
  // name it; NULL when it does), each citation once, first use first. `euiomkb cite ID` shows
  // one in its context with a reference. Reads each citation and source again by id, so that
  // memory does not grow with the record's rows (see below). Throws std::runtime_error when
  // the scratch file cannot be read.
  void write(Writer& writer) const;

  // How many citations are remembered in memory; past that, which ids were seen is a bit per id
  // up to the largest (2 MB at 1.7 * 10^7 citations) and their order is in an unnamed scratch
  // file (an organisation that hosted 10^5 meetings cites as many). An id outside
  // [0, kBitsUpTo), which SQLite gives only to a row made by hand, stays in a set.
  static constexpr std::size_t kInMemory = 4096;
  static constexpr std::int64_t kBitsUpTo = std::int64_t{1} << 27;  // 16 MB of bits at most

 private:
  Value note(const std::vector<Citation>& citations);
  void remember(std::int64_t id);  // `id` in seen_ or the scratch file, once
  bool mark(std::int64_t id);      // past seen_: marks `id` seen; false when it was already
  const KnowledgeBase& kb_;
  std::size_t in_memory_;
  std::vector<std::int64_t> seen_;             // the first in_memory_ citation ids, first use first
  std::unordered_set<std::int64_t> seen_ids_;  // the ids of seen_ (not a quadratic scan); past
                                               // in_memory_, those outside the bits' range
  std::vector<bool> seen_bits_;                // past in_memory_: the ids seen, as bits
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> spilled_{nullptr, &std::fclose};
  std::size_t spilled_count_ = 0;  // ids in spilled_, after those of seen_
};

}  // namespace euiomkb::cli
