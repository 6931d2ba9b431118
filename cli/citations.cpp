#include "citations.hpp"

#include <algorithm>
#include <string>

namespace euiomkb::cli {

Value CitationNotes::note(const std::vector<Citation>& citations) {
  if (citations.empty()) return std::monostate{};
  std::string ids;
  for (const Citation& c : citations) {
    ids += (ids.empty() ? "" : " ") + std::to_string(c.id.value());
    if (std::none_of(seen_.begin(), seen_.end(), [&](const Citation& s) { return s.id == c.id; }))
      seen_.push_back(c);
  }
  return ids;
}

void CitationNotes::write(Writer& writer) const {
  writer.section("citations", {{"citation", ColumnType::integer}, {"source"}, {"quote"}, {"note"}});
  for (const Citation& c : seen_)
    writer.row({integer(c.id.value()), text(c.file_name), text(c.quote), text(c.note)});
}

}  // namespace euiomkb::cli
