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
    if (seen_ids_.insert(c.id.value()).second) seen_.push_back(c.id.value());
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
  // The sources these citations quote, each read once (a database may hold thousands).
  std::map<std::int64_t, std::optional<SourceSummary>> sources;
  for (std::int64_t id : seen_) {
    std::optional<Citation> c = kb_.citation(CitationId(id));
    if (!c) {  // replaced since by an import running beside: its id, nothing else
      writer.row({integer(id), Value(), Value(), Value(), Value(), Value()});
      continue;
    }
    auto s = sources.find(c->source_id.value());
    if (s == sources.end())
      s = sources.emplace(c->source_id.value(), kb_.sources().summary(c->source_id)).first;
    if (!s->second) {
      writer.row({integer(id), Value(), Value(), Value(), text(c->quote), text(c->note)});
      continue;
    }
    const SourceSummary& source = *s->second;
    writer.row({integer(id), source.key.empty() ? Value() : text(source.key), text(source.title),
                date(source.published), text(c->quote), text(c->note)});
  }
}

}  // namespace euiomkb::cli
