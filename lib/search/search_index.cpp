#include "search/search_index.hpp"

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "sqlite/query.hpp"

namespace euiomkb::detail {
namespace {

constexpr std::string_view kClear = "DELETE FROM kb_search";

constexpr std::string_view kFromTables = R"sql(
INSERT INTO kb_search (rowid, kind, ref_id, label, body)
SELECT * FROM kb_search_topic UNION ALL SELECT * FROM kb_search_person
UNION ALL SELECT * FROM kb_search_organisation UNION ALL SELECT * FROM kb_search_meeting
UNION ALL SELECT * FROM kb_search_statement UNION ALL SELECT * FROM kb_search_publication
)sql";

constexpr std::string_view kSourceIds = "SELECT source_id FROM source";
constexpr std::string_view kSourceText = "SELECT file_name, text FROM source WHERE source_id = ?";

constexpr std::string_view kInsertPassage =
    "INSERT INTO kb_search (rowid, kind, ref_id, label, body) VALUES (?, 'passage', ?, ?, ?)";

constexpr std::string_view kHold = "INSERT INTO kb_search_hold (held) VALUES (1)";
constexpr std::string_view kRelease = "DELETE FROM kb_search_hold";
constexpr std::string_view kClearQueue = "DELETE FROM kb_search_queue";

// Queued record rows: drop the old row (if any), then write what the views hold now; a record
// that no longer exists has no view row, so its search row is gone.
constexpr std::string_view kDropQueued = R"sql(
DELETE FROM kb_search
 WHERE rowid IN (SELECT search_rowid FROM kb_search_queue WHERE search_rowid & 7 <> 7)
)sql";
constexpr std::string_view kWriteQueued = R"sql(
INSERT INTO kb_search (rowid, kind, ref_id, label, body)
SELECT v.* FROM kb_search_queue q JOIN kb_search_topic v ON v.ref_id = q.search_rowid >> 3
 WHERE q.search_rowid & 7 = 1
UNION ALL
SELECT v.* FROM kb_search_queue q JOIN kb_search_person v ON v.ref_id = q.search_rowid >> 3
 WHERE q.search_rowid & 7 = 2
UNION ALL
SELECT v.* FROM kb_search_queue q JOIN kb_search_organisation v ON v.ref_id = q.search_rowid >> 3
 WHERE q.search_rowid & 7 = 3
UNION ALL
SELECT v.* FROM kb_search_queue q JOIN kb_search_meeting v ON v.ref_id = q.search_rowid >> 3
 WHERE q.search_rowid & 7 = 4
UNION ALL
SELECT v.* FROM kb_search_queue q JOIN kb_search_statement v ON v.ref_id = q.search_rowid >> 3
 WHERE q.search_rowid & 7 = 5
UNION ALL
SELECT v.* FROM kb_search_queue q JOIN kb_search_publication v ON v.ref_id = q.search_rowid >> 3
 WHERE q.search_rowid & 7 = 6
)sql";
constexpr std::string_view kQueuedSources = R"sql(
SELECT search_rowid >> 27 FROM kb_search_queue WHERE search_rowid & 7 = 7
)sql";
constexpr std::string_view kDropPassages = R"sql(
DELETE FROM kb_search WHERE rowid BETWEEN (?1 << 24) * 8 + 7 AND (((?1 + 1) << 24) - 1) * 8 + 7
)sql";

constexpr std::int64_t kPassageKind = 7;
constexpr std::int64_t kMaxParagraphs = std::int64_t{1} << 24;

bool blank(std::string_view line) {
  return line.find_first_not_of(" \n\r\t") == std::string_view::npos;
}

}  // namespace

void index_passages(Connection& connection, std::int64_t source_id, std::string_view file_name,
                    std::string_view text) {
  with_statement(connection, kInsertPassage, [&](Statement& insert) {
    std::int64_t paragraph_no = 0;
    std::size_t begin = std::string_view::npos;  // where the current paragraph starts
    auto flush = [&](std::size_t end) {
      if (begin == std::string_view::npos) return;
      // Paragraphs past the encodable number are folded into the last one.
      if (paragraph_no + 1 < kMaxParagraphs || end == text.size()) {
        std::int64_t rowid = ((source_id << 24) + paragraph_no++) * 8 + kPassageKind;
        insert.reset();
        insert.bind(1, rowid);
        insert.bind(2, source_id);
        insert.bindNoCopy(3, file_name.data(), static_cast<int>(file_name.size()));
        insert.bindNoCopy(4, text.data() + begin, static_cast<int>(end - begin));
        insert.exec();
        begin = std::string_view::npos;
      }
    };
    for (std::size_t at = 0; at < text.size();) {
      std::size_t end = text.find('\n', at);
      end = end == std::string_view::npos ? text.size() : end + 1;
      if (blank(text.substr(at, end - at))) {
        flush(at);
      } else if (begin == std::string_view::npos) {
        begin = at;
      }
      at = end;
    }
    flush(text.size());
  });
}

void hold_search_index(Connection& connection) { execute(connection, kHold, kNoBinding); }

namespace {

// The ids `sql` selects (one column), read before anything is written, so that no two
// statements step at once. Ids only: a million meetings bring about 20,000 report documents,
// whose texts together would take gigabytes.
std::vector<std::int64_t> ids(Connection& connection, std::string_view sql) {
  return collect(connection, sql, kNoBinding, [](Statement& select) { return integer(select, 0); });
}

// (Re)indexes the paragraphs of source `source_id`, one document in memory at a time; a source
// that no longer exists only loses its rows.
void reindex_source(Connection& connection, std::int64_t source_id) {
  execute(connection, kDropPassages, [&](Statement& drop) { drop.bind(1, source_id); });
  std::optional<std::pair<std::string, std::string>> source = first_row(
      connection, kSourceText, [&](Statement& select) { select.bind(1, source_id); },
      [](Statement& select) {
        return std::pair{detail::text(select, 0), detail::text(select, 1)};
      });
  if (!source) return;
  const auto& [file_name, text] = *source;
  index_passages(connection, source_id, file_name, text);
}

}  // namespace

void flush_search_queue(Connection& connection) {
  execute(connection, kDropQueued, kNoBinding);
  execute(connection, kWriteQueued, kNoBinding);
  for (std::int64_t source_id : ids(connection, kQueuedSources))
    reindex_source(connection, source_id);
  execute(connection, kClearQueue, kNoBinding);
  execute(connection, kRelease, kNoBinding);
}

void rebuild_search_index(Connection& connection) {
  execute(connection, kClear, kNoBinding);
  execute(connection, kFromTables, kNoBinding);
  for (std::int64_t source_id : ids(connection, kSourceIds)) reindex_source(connection, source_id);
}

}  // namespace euiomkb::detail
