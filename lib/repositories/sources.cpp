// Sources: the documents citations quote, with or without their text.
#include "euiomkb/sources.hpp"

#include <string>
#include <utility>

#include "repositories/keys.hpp"
#include "sqlite/impl.hpp"

namespace euiomkb {
namespace {

using detail::collect;
using detail::first_row;
using detail::integer;
using detail::kNoBinding;
using detail::opt_date;
using detail::opt_text;
using detail::text;

constexpr std::string_view kSourcesAll = R"sql(
SELECT source_id, file_name, title, publisher, published, url, language, sha256, text,
       (SELECT min(key) FROM record_key WHERE kind = 'source' AND row_id = source_id)
  FROM source ORDER BY file_name
)sql";
constexpr std::string_view kSourceById = R"sql(
SELECT source_id, file_name, title, publisher, published, url, language, sha256, text,
       (SELECT min(key) FROM record_key WHERE kind = 'source' AND row_id = source_id)
  FROM source WHERE source_id = ?
)sql";
constexpr std::string_view kSourceByFileName = R"sql(
SELECT source_id, file_name, title, publisher, published, url, language, sha256, text,
       (SELECT min(key) FROM record_key WHERE kind = 'source' AND row_id = source_id)
  FROM source WHERE file_name = ?
)sql";
constexpr std::string_view kSourceList = R"sql(
SELECT source_id, file_name, title, publisher, published, url, language, sha256, length(text),
       (SELECT min(key) FROM record_key WHERE kind = 'source' AND row_id = source_id)
  FROM source ORDER BY file_name
)sql";
constexpr std::string_view kSourceSummaryById = R"sql(
SELECT source_id, file_name, title, publisher, published, url, language, sha256, length(text),
       (SELECT min(key) FROM record_key WHERE kind = 'source' AND row_id = source_id)
  FROM source WHERE source_id = ?
)sql";
constexpr std::string_view kSourceText = "SELECT text FROM source WHERE source_id = ?";

Source source_row(detail::Statement& s) {
  return {SourceId(integer(s, 0)), text(s, 1), text(s, 2), opt_text(s, 3), opt_date(s, 4),
          opt_text(s, 5),          text(s, 6), text(s, 7), text(s, 8),     text(s, 9)};
}

// A row of kSourceList or kSourceSummaryById.
SourceSummary summary_row(detail::Statement& s) {
  return {SourceId(integer(s, 0)), text(s, 1), text(s, 2), opt_text(s, 3), opt_date(s, 4),
          opt_text(s, 5),          text(s, 6), text(s, 7), integer(s, 8),  text(s, 9)};
}

}  // namespace

std::vector<Source> Sources::all() const {
  return collect(impl_, kSourcesAll, kNoBinding, source_row);
}

std::optional<Source> Sources::find(SourceId id) const {
  return first_row(
      impl_, kSourceById, [&](auto& s) { s.bind(1, id.value()); }, source_row);
}

std::optional<Source> Sources::by_file_name(std::string_view file_name) const {
  return first_row(
      impl_, kSourceByFileName, [&](auto& s) { s.bind(1, std::string(file_name)); }, source_row);
}

std::optional<Source> Sources::by_key(std::string_view key) const {
  auto id = detail::row_of_key(impl_, "source", key);
  return id ? find(SourceId(*id)) : std::nullopt;
}

std::vector<SourceSummary> Sources::list() const {
  return detail::collect(impl_, kSourceList, detail::kNoBinding, summary_row);
}

std::optional<SourceSummary> Sources::summary(SourceId id) const {
  return first_row(
      impl_, kSourceSummaryById, [&](auto& s) { s.bind(1, id.value()); }, summary_row);
}

std::optional<std::string> Sources::text(SourceId id) const {
  auto rows = detail::collect(
      impl_, kSourceText, [&](auto& s) { s.bind(1, id.value()); },
      [](auto& s) { return detail::text(s, 0); });
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

}  // namespace euiomkb
