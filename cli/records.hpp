// One record and its parts, for any kind of record with a key: what `euiomkb show KEY`,
// `meeting`, `person` and `org` print, and what the evidence site's JSON twins hold. The
// layout is the Writer's (output.hpp); this file decides only which sections and columns a
// record has, so every caller shows the same record the same way.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "euiomkb/knowledge_base.hpp"
#include "output.hpp"

namespace euiomkb::cli {

class CitationNotes;

// The kinds write_record() knows: every kind of KnowledgeBase::keys() ("meeting", "person",
// "organisation", "agreement", "source", "theme", "publication", "policy_framework", "post")
// and "series", whose keys are the series codes in lower case ("som", "hou").
std::vector<std::string> record_kinds();

struct RecordOptions {
  // Adds a last "citations" section with the passage behind each cited line.
  bool cite = false;
  // Organisations only: the standing, name and parent on this date (as `org --on`).
  std::optional<PartialDate> on;
};

// Writes the record of `kind` whose key is `key` to `out`, a sectioned writer (make_writer(...,
// true)): first a record-shaped section named after the kind ("meeting", "person", ...) with
// the record's own fields, its "key" first, then one table section per part ("attendees",
// "topics", "posts", ...; a part with no rows is still written, empty), each line with a
// "cited" column of its citation ids where the kind is cited, then "citations" when
// options.cite. Does not call out.finish(): the caller may add sections or finish.
// Returns false, writing nothing, when no record of `kind` has `key`; throws UsageError when
// `kind` is not one of record_kinds(), DatabaseError when the database cannot be read.
bool write_record(const KnowledgeBase& kb, std::string_view kind, std::string_view key, Writer& out,
                  const RecordOptions& options = {});

// The same for a record found some other way (by name): `id` is its row id in the table of
// `kind` ("series" has no row id: use the key form). Returns false when there is no such row.
bool write_record(const KnowledgeBase& kb, std::string_view kind, std::int64_t id, Writer& out,
                  const RecordOptions& options = {});

// A funding line as `funding` and an organisation's "funding" part show it: funder and
// recipient, each followed by its key (funder_key, recipient_key), the period, the amount as
// stored (amount, currency, bound) and as stated (amount_text), the measure and the citations
// (remembered by `notes`). The columns, and a row's values in the same order.
std::vector<Column> funding_columns();
std::vector<Value> funding_values(const KnowledgeBase& kb, const Funding& funding,
                                  CitationNotes& notes);

// The kinds of the records whose key is `key` (several when kinds share a key), in
// record_kinds() order; empty when none. Keys are matched exactly; series codes ignore case.
std::vector<std::string> kinds_of_key(const KnowledgeBase& kb, std::string_view key);

// A section whose columns and rows are those `sql` returns with `parameters` bound. When
// `cited_kind` is not empty the first column is a row id of that kind, and a last "cited"
// column holds its citations (remembered by `notes`). The columns named in `secondary` are
// Column::secondary.
void view_section(const KnowledgeBase& kb, Writer& out, CitationNotes& notes, std::string_view name,
                  std::string_view sql, std::vector<SqlValue> parameters,
                  std::string_view cited_kind = {}, Shape shape = Shape::table,
                  const std::vector<std::string_view>& secondary = {});

}  // namespace euiomkb::cli
