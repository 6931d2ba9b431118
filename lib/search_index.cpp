#include "search_index.hpp"

#include <optional>
#include <string>
#include <vector>

namespace euiomkb::detail {
namespace {

constexpr std::string_view kClear = "DELETE FROM kb_search";

constexpr std::string_view kFromTables = R"sql(
INSERT INTO kb_search (rowid, kind, ref_id, label, body)
SELECT * FROM kb_search_topic UNION ALL SELECT * FROM kb_search_person
UNION ALL SELECT * FROM kb_search_organisation UNION ALL SELECT * FROM kb_search_meeting
UNION ALL SELECT * FROM kb_search_statement UNION ALL SELECT * FROM kb_search_publication
)sql";

constexpr std::string_view kSources = "SELECT source_id, file_name, text FROM source";

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
SELECT q.search_rowid >> 27, s.file_name, s.text
  FROM kb_search_queue q LEFT JOIN source s ON s.source_id = q.search_rowid >> 27
 WHERE q.search_rowid & 7 = 7
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
  auto& insert = connection.prepare(kInsertPassage);
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
}

void hold_search_index(Connection& connection) { connection.prepare(kHold).exec(); }

void flush_search_queue(Connection& connection) {
  connection.prepare(kDropQueued).exec();
  connection.prepare(kWriteQueued).exec();
  // Sources whose paragraphs to (re)index; a deleted source only loses its rows. Collected
  // first so that the statements never step at once (an import adds few sources).
  struct Queued {
    std::int64_t source_id;
    std::optional<std::string> file_name;
    std::string text;
  };
  std::vector<Queued> sources;
  auto& queued = connection.prepare(kQueuedSources);
  while (queued.executeStep()) {
    sources.push_back({queued.getColumn(0).getInt64(), opt_text(queued, 1),
                       queued.getColumn(2).isNull() ? "" : queued.getColumn(2).getString()});
  }
  for (const Queued& source : sources) {
    auto& drop = connection.prepare(kDropPassages);
    drop.bind(1, source.source_id);
    drop.exec();
    if (source.file_name)
      index_passages(connection, source.source_id, *source.file_name, source.text);
  }
  connection.prepare(kClearQueue).exec();
  connection.prepare(kRelease).exec();
}

void rebuild_search_index(Connection& connection) {
  connection.prepare(kClear).exec();
  connection.prepare(kFromTables).exec();
  // Sources are read first, so that the two statements never step at once.
  struct Document {
    std::int64_t source_id;
    std::string file_name;
    std::string text;
  };
  std::vector<Document> documents;
  auto& sources = connection.prepare(kSources);
  while (sources.executeStep())
    documents.push_back({sources.getColumn(0).getInt64(), sources.getColumn(1).getString(),
                         sources.getColumn(2).getString()});
  for (const Document& d : documents) index_passages(connection, d.source_id, d.file_name, d.text);
}

}  // namespace euiomkb::detail
