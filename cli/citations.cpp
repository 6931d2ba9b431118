#include "citations.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace euiomkb::cli {

Value CitationNotes::note(const std::vector<Citation>& citations) {
  if (citations.empty()) return std::monostate{};
  std::string ids;
  for (const Citation& c : citations) {
    ids += (ids.empty() ? "" : " ") + std::to_string(c.id.value());
    remember(c.id.value());
  }
  return ids;
}

void CitationNotes::remember(std::int64_t id) {
  if (spilled_ == nullptr) {
    if (seen_ids_.count(id) != 0) return;
    if (seen_.size() < in_memory_) {
      seen_ids_.insert(id);
      seen_.push_back(id);
      return;
    }
    // The set becomes bits, and the ids from here on go to the scratch file.
    spilled_.reset(std::tmpfile());
    if (spilled_ == nullptr) throw std::runtime_error("cannot make a scratch file for citations");
    std::unordered_set<std::int64_t> listed = std::move(seen_ids_);
    seen_ids_.clear();
    for (std::int64_t seen : listed) mark(seen);
  }
  if (!mark(id)) return;
  if (std::fwrite(&id, sizeof id, 1, spilled_.get()) != 1)
    throw std::runtime_error("cannot write the scratch file for citations");
  ++spilled_count_;
}

bool CitationNotes::mark(std::int64_t id) {
  if (id < 0 || id >= kBitsUpTo) return seen_ids_.insert(id).second;
  auto at = static_cast<std::size_t>(id);
  if (at >= seen_bits_.size())
    seen_bits_.resize(
        std::max(at + 1, std::min(seen_bits_.size() * 2, static_cast<std::size_t>(kBitsUpTo))));
  if (seen_bits_[at]) return false;
  seen_bits_[at] = true;
  return true;
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
  // The source of the citation before: the citations of neighbouring rows mostly quote one
  // source, and a source's summary is one indexed read (a database may hold thousands).
  std::int64_t last_source = -1;
  std::optional<SourceSummary> source;
  auto row = [&](std::int64_t id) {
    std::optional<Citation> c = kb_.citation(CitationId(id));
    if (!c) {  // replaced since by an import running beside: its id, nothing else
      writer.row({integer(id), Value(), Value(), Value(), Value(), Value()});
      return;
    }
    if (c->source_id.value() != last_source) {
      last_source = c->source_id.value();
      source = kb_.sources().summary(c->source_id);
    }
    if (!source) {
      writer.row({integer(id), Value(), Value(), Value(), text(c->quote), text(c->note)});
      return;
    }
    writer.row({integer(id), source->key.empty() ? Value() : text(source->key), text(source->title),
                date(source->published), text(c->quote), text(c->note)});
  };
  for (std::int64_t id : seen_) row(id);
  if (spilled_ == nullptr) return;
  std::rewind(spilled_.get());
  std::vector<std::int64_t> chunk(4096);
  for (std::size_t left = spilled_count_; left > 0;) {
    std::size_t want = std::min(left, chunk.size());
    if (std::fread(chunk.data(), sizeof(std::int64_t), want, spilled_.get()) != want)
      throw std::runtime_error("cannot read the scratch file for citations");
    for (std::size_t i = 0; i < want; ++i) row(chunk[i]);
    left -= want;
  }
  std::fseek(spilled_.get(), 0, SEEK_END);  // further ids are written after these
}

}  // namespace euiomkb::cli
