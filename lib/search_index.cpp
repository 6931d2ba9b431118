#include "search_index.hpp"

#include <string>

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
