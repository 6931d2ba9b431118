// Output writers shared by every command: an aligned table for people, --json, --csv and
// --tsv for programs. A command describes its output as sections of typed columns and hands
// over rows one at a time; the writer decides the layout, so no command formats by hand.
// Every writer writes rows as they come, in bounded memory (the table writer holds at most
// kAlignedRows rows of a section to align them).
#pragma once

#include <initializer_list>
#include <iosfwd>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "euiomkb/id.hpp"
#include "euiomkb/partial_date.hpp"
#include "euiomkb/sql.hpp"

namespace euiomkb::cli {

enum class Format { table, json, csv, tsv };

// A mistake in how the tool was called that CLI11 cannot see (an unknown name, a bad date, a
// part the answer does not have): main prints it and exits 2.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// How JSON shows a column's values (text output shows them all as text). An id_list value is
// text of ids separated by spaces ("12 13"), an array of integers in JSON ([12, 13]; NULL: []);
// a key_list value is made by list_value() and is an array of strings in JSON
// (["faq-2013", "A title, with commas"]).
enum class ColumnType { text, integer, number, boolean, id_list, key_list };

struct Column {
  std::string name;
  ColumnType type = ColumnType::text;
  // For programs only: written in JSON, CSV and TSV, left out of the table for people (the key
  // of a record a row names, beside the name people read).
  bool for_programs = false;
  // A table fitted to a width hides it, after the *_key and *_id columns, when the cells do
  // not fit side by side (a note, a basis: what a reader can do without at first).
  bool secondary = false;
  // A table fitted to a width may wrap it at spaces but never cuts a word of it short with "…"
  // (a key, a date). Integer, number, boolean and id_list columns are always whole.
  bool whole = false;
};

// A text column of the key of the record named beside it ("person_key"), for programs only.
inline Column key_column(std::string name) { return {std::move(name), ColumnType::text, true}; }
// A text column hidden first when a table does not fit (Column::secondary).
inline Column secondary_column(std::string name) {
  return {std::move(name), ColumnType::text, false, true};
}
// A text column never cut short (Column::whole).
inline Column whole_column(std::string name) {
  return {std::move(name), ColumnType::text, false, false, true};
}

// A value of a row: NULL, an integer, a real or text.
using Value = SqlValue;

// The columns (or a row's values) of `parts` one after another: a section made of groups of
// columns that several commands share.
template <class T>
std::vector<T> joined(std::initializer_list<std::vector<T>> parts) {
  std::vector<T> out;
  for (const std::vector<T>& part : parts) out.insert(out.end(), part.begin(), part.end());
  return out;
}

// A table section has any number of rows; a record section has one row, shown as
// "field  value" lines in text and as one object in JSON. A summary is a record whose fields,
// in a sectioned JSON document, are members of the document's object itself rather than an
// object under the section's name ({"ok": true, "checks": [...]}); elsewhere it is a record.
enum class Shape { table, record, summary };

class Writer {
 public:
  virtual ~Writer() = default;
  // Starts a section (ending the previous one). In a single-section document the name is not
  // shown.
  virtual void section(std::string_view name, std::vector<Column> columns,
                       Shape shape = Shape::table) = 0;
  // One row of the current section, a value per column.
  virtual void row(const std::vector<Value>& values) = 0;
  // Ends the last section and the document.
  virtual void finish() = 0;
};

// How many rows of a table section the text writer holds to align its columns; the rows after
// them are written as they come with the same widths.
inline constexpr std::size_t kAlignedRows = 1000;

// A writer to `out` in `format`. `sectioned` documents have named sections, the answer's
// parts (JSON: one object, each part under its name; text: a heading per part); otherwise the
// document is its only section. Within a `width` (columns of the terminal; 0: no limit) the
// table format fits each table section, in this order, until its lines fit: (1) it hides the
// columns whose names end in "_key" or "_id", then the secondary ones, rightmost first, and
// says so in one line under the table ("(2 columns hidden: note, basis; --wide shows all)");
// (2) it wraps the widest cells at spaces, narrowing the widest column again and again, but no
// column below its longest word or its name; then below its name, which wraps after its "_"
// ("period_" over "start"); (3) as a last resort it narrows the widest columns that are not
// whole further (not below 4), cutting the words that no longer fit with "…", and breaking a
// name's pieces where they reach the column's width. A column's name is never cut short.
// A record's long values wrap at spaces. No line ends in spaces. Other formats ignore width.
//
// The machine format rule (README, "Machine formats"): every format prints one document.
// CSV and TSV print one table, so a sectioned document in CSV or TSV prints nothing and
// finish() throws UsageError naming its parts, unless `part` chooses one. A non-empty `part`,
// in any format, writes only the section of that name, as the only section of an unsectioned
// document; finish() throws UsageError listing the parts when no section has that name.
std::unique_ptr<Writer> make_writer(Format format, std::ostream& out, bool sectioned,
                                    std::size_t width = 0, std::string part = {});

// For a command that must refuse before it acts (import writes the database): throws the
// UsageError the writer's finish() would, given the answer's `parts` in order: CSV or TSV
// without `part` (when there are several parts), or a `part` not among them.
void check_part(Format format, const std::string& part, const std::vector<std::string>& parts);

// Builders of values from the library's types: NULL for std::nullopt.
Value text(std::string value);
Value text(const std::optional<std::string>& value);
Value date(const std::optional<PartialDate>& value);
Value integer(std::int64_t value);
Value integer(const std::optional<std::int64_t>& value);
// A record's id as the integer the SQL views show.
template <class Tag>
Value integer(Id<Tag> id) {
  return integer(id.value());
}
template <class Tag>
Value integer(const std::optional<Id<Tag>>& id) {
  return id ? integer(id->value()) : integer(std::optional<std::int64_t>());
}
Value boolean(bool value);
// A key_list column's value: `items` (keys, or a title for a record without a key) whole, NULL
// when there are none. Text formats show them separated by spaces ("ec-2016 faq-2013"), or by
// "; " when one of them holds a space; JSON as an array of the items. Inside the value they are
// separated by U+001F, a control character that no imported text holds (fact files refuse it).
Value list_value(const std::vector<std::string>& items);

// An amount as stored, for people: the bound in words, the currency code and the exact number
// with a comma between thousands: "more than EUR 590,000,000" (bound 'more_than'), "at least
// USD 1,000", "about 12"; bound 'exact' or NULL adds no words. The one rendering of amounts in
// text; JSON and CSV carry amount, currency and bound as separate fields.
std::string amount_text(std::int64_t amount, const std::optional<std::string>& currency,
                        const std::optional<std::string>& bound);

// `text` with every character that one of `replacements` names replaced by its text (the
// escaping of TSV fields, Markdown cells, Mermaid labels).
struct Replacement {
  char from;
  std::string_view to;
};
std::string substitute(std::string_view text, std::initializer_list<Replacement> replacements);

// Width of UTF-8 text in code points (what a terminal shows for these texts); a style (an
// ANSI escape sequence, ESC [ ... final byte) takes none.
std::size_t display_width(std::string_view text);

}  // namespace euiomkb::cli
