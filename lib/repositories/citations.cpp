// Citations: what each record cites, and every citation in turn.
#include <string>

#include "euiomkb/knowledge_base.hpp"
#include "repositories/rows.hpp"
#include "sqlite/impl.hpp"

namespace euiomkb {
namespace {

constexpr std::string_view kCitations = R"sql(
SELECT c.citation_id, c.source_id, s.file_name, c.quote, c.start_offset, c.end_offset, c.note
  FROM citation c JOIN source s ON s.source_id = c.source_id
 WHERE c.subject_type = ? AND c.subject_id = ?
 ORDER BY c.source_id, c.start_offset
)sql";

constexpr std::string_view kCitationById = R"sql(
SELECT c.citation_id, c.source_id, s.file_name, c.quote, c.start_offset, c.end_offset, c.note
  FROM citation c JOIN source s ON s.source_id = c.source_id
 WHERE c.citation_id = ?
)sql";

constexpr std::string_view kAllCitations = R"sql(
SELECT c.citation_id, c.source_id, s.file_name, c.quote, c.start_offset, c.end_offset, c.note
  FROM citation c JOIN source s ON s.source_id = c.source_id
 ORDER BY c.citation_id
)sql";

}  // namespace

Citation detail::citation_row(detail::Statement& s) {
  return Citation{CitationId(detail::integer(s, 0)),
                  SourceId(detail::integer(s, 1)),
                  detail::text(s, 2),
                  detail::text(s, 3),
                  detail::integer(s, 4),
                  detail::integer(s, 5),
                  detail::opt_text(s, 6)};
}

std::vector<Citation> KnowledgeBase::citations(std::string_view subject_type,
                                               std::int64_t subject_id) const {
  return detail::collect(
      impl_.get(), kCitations,
      [&](auto& s) {
        s.bind(1, std::string(subject_type));
        s.bind(2, subject_id);
      },
      detail::citation_row);
}

std::optional<Citation> KnowledgeBase::citation(CitationId id) const {
  return detail::first_row(
      impl_.get(), kCitationById, [&](auto& s) { s.bind(1, id.value()); }, detail::citation_row);
}

void KnowledgeBase::each_citation(const std::function<void(const Citation&)>& visit) const {
  detail::stream(impl_.get(), kAllCitations, detail::kNoBinding, detail::citation_row, visit);
}

}  // namespace euiomkb
