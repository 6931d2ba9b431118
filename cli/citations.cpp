#include "citations.hpp"

#include <algorithm>
#include <map>
#include <string>

namespace euiomkb::cli {

Value CitationNotes::note(const std::vector<Citation>& citations) {
  if (citations.empty()) return std::monostate{};
  std::string ids;
  for (const Citation& c : citations) {
    ids += (ids.empty() ? "" : " ") + std::to_string(c.id.value());
    if (seen_ids_.insert(c.id.value()).second) seen_.push_back(c);
  }
  return ids;
}

std::string quotation_in_context(std::string_view before, std::string_view passage,
                                 std::string_view after, bool bold) {
  std::string out(before);
  out += "»";
  if (bold) out += "\x1b[1m";
  out += passage;
  if (bold) out += "\x1b[22m";
  out += "«";
  out += after;
  return out;
}

std::vector<Column> source_columns(bool for_programs) {
  std::vector<Column> columns{{"title"}, {"publisher"}, {"published"}, {"url"}};
  if (for_programs) columns.insert(columns.end(), {{"language"}, {"sha256"}});
  return columns;
}

std::vector<Value> source_values(const SourceSummary& source, bool for_programs) {
  std::vector<Value> values{text(source.title), text(source.publisher), date(source.published),
                            text(source.url)};
  if (for_programs) values.insert(values.end(), {text(source.language), text(source.sha256)});
  return values;
}

void CitationNotes::write(Writer& writer) const {
  writer.section("citations", {{"citation", ColumnType::integer},
                               {"source_key"},
                               {"title"},
                               {"published"},
                               {"quote"},
                               {"note"}});
  std::map<std::int64_t, SourceSummary> sources;
  if (!seen_.empty())
    for (SourceSummary& s : kb_.sources().list()) sources.emplace(s.id.value(), std::move(s));
  for (const Citation& c : seen_) {
    auto s = sources.find(c.source_id.value());
    if (s == sources.end()) {
      writer.row({integer(c.id.value()), Value(), Value(), Value(), text(c.quote), text(c.note)});
      continue;
    }
    writer.row({integer(c.id.value()), s->second.key.empty() ? Value() : text(s->second.key),
                text(s->second.title), date(s->second.published), text(c.quote), text(c.note)});
  }
}

}  // namespace euiomkb::cli
