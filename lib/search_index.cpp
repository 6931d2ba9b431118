#include "search_index.hpp"

#include <string>

namespace euiomkb::detail {
namespace {

constexpr std::string_view kClear = "DELETE FROM kb_search";

constexpr std::string_view kFromTables = R"sql(
INSERT INTO kb_search (kind, ref_id, label, body)
SELECT 'topic', t.topic_id, t.label, coalesce(th.name, '') || ' ' || m.title
  FROM topic t JOIN meeting m ON m.meeting_id = t.meeting_id
  LEFT JOIN theme th ON th.theme_id = t.theme_id
UNION ALL
SELECT 'person', p.person_id, p.name,
       p.name_folded || '; ' || coalesce((SELECT group_concat(alias || '; ' || folded, '; ')
                                           FROM person_alias a WHERE a.person_id = p.person_id), '')
  FROM person p
UNION ALL
SELECT 'organisation', o.org_id, o.short_name,
       o.name || ' ' || coalesce((SELECT group_concat(name, '; ') FROM organisation_name n
                                   WHERE n.org_id = o.org_id), '')
  FROM organisation o
UNION ALL
SELECT 'meeting', m.meeting_id, m.title,
       coalesce(m.held_on, '') || ' ' || coalesce(m.location, '') || ' ' || coalesce(m.note, '')
  FROM meeting m
UNION ALL
SELECT 'statement', s.statement_id, p.name, s.text
  FROM statement s JOIN person p ON p.person_id = s.person_id
UNION ALL
SELECT 'publication', pu.publication_id, coalesce(pu.title, pu.kind),
       coalesce(pu.addressee, '') || ' ' || coalesce(pu.summary, '')
  FROM publication pu
)sql";

constexpr std::string_view kSources = "SELECT source_id, file_name, text FROM source";
constexpr std::string_view kInsertPassage =
    "INSERT INTO kb_search (kind, ref_id, label, body) VALUES ('passage', ?, ?, ?)";

}  // namespace

void rebuild_search_index(Connection& connection) {
  connection.prepare(kClear).exec();
  connection.prepare(kFromTables).exec();
  // Paragraphs of each source; collected first so the two statements never overlap.
  struct Passage {
    std::int64_t source_id;
    std::string file_name;
    std::string text;
  };
  std::vector<Passage> passages;
  auto& sources = connection.prepare(kSources);
  while (sources.executeStep()) {
    std::int64_t id = sources.getColumn(0).getInt64();
    std::string file_name = sources.getColumn(1).getString();
    std::string text = sources.getColumn(2).getString();
    // A paragraph ends at a line holding only white space (LF or CRLF endings alike).
    std::string paragraph;
    auto flush = [&] {
      if (paragraph.find_first_not_of(" \n\r\t") != std::string::npos)
        passages.push_back({id, file_name, paragraph});
      paragraph.clear();
    };
    for (std::size_t at = 0; at < text.size();) {
      std::size_t end = text.find('\n', at);
      end = end == std::string::npos ? text.size() : end + 1;
      std::string_view line = std::string_view(text).substr(at, end - at);
      if (line.find_first_not_of(" \n\r\t") == std::string_view::npos)
        flush();
      else
        paragraph.append(line);
      at = end;
    }
    flush();
  }
  sources.reset();
  auto& insert = connection.prepare(kInsertPassage);
  for (const Passage& p : passages) {
    insert.reset();
    insert.bind(1, p.source_id);
    insert.bind(2, p.file_name);
    insert.bind(3, p.text);
    insert.exec();
  }
}

}  // namespace euiomkb::detail
