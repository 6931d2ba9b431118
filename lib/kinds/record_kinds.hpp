// The record kinds fact files may use: one table from which the loader, verify(), the
// citation subject types and the test of seed/FORMAT.md all derive. Adding a kind is a migration
// (its table and its `record_kind` row) plus one entry in record_kinds.cpp.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace euiomkb::detail {

// text; integer (any 64-bit); count (1 to 2^31-1: ordinals, editions, positions); date
// (PartialDate); boolean (yes/no); ref (a key); series (a code in meeting_series).
enum class Type { text, integer, count, date, boolean, ref, series };

struct FieldSpec {
  std::string_view name;
  Type type;
  bool required;
  std::string_view ref_kind;  // for Type::ref: the kind of record referred to
};

// One record kind: its table (named like the kind) and id column, its hand-written INSERT
// (named parameters are the field names, plus the derived ones the loader binds) and its fields.
struct KindSpec {
  std::string_view kind;
  std::string_view id_column;
  bool keyed;  // records of this kind must have a key
  bool cited;  // records of this kind need a citation (unless general knowledge)
  std::string_view insert;
  std::vector<FieldSpec> fields;

  // The field named `name`, or nullptr.
  const FieldSpec* field(std::string_view name) const;
  // True for kinds with a `basis` column, whose general-knowledge rows carry no citation.
  bool has_basis() const { return field("basis") != nullptr; }
};

// Every kind, in the order of seed/FORMAT.md (and of loading: referenced kinds first).
const std::vector<KindSpec>& record_kinds();

// The kind named `kind`, or nullptr.
const KindSpec* find_kind(std::string_view kind);

// The column of the kind's table that field `field` fills, read from the kind's INSERT (the
// column list and the VALUES list correspond; a value names its field as ":field", possibly
// inside coalesce(...)). Empty when no column takes the field.
std::string column_of_field(const KindSpec& spec, std::string_view field);

// A reference from one kind's table to another's: rows of `kind` name a row of `target` in
// `column` (a `ref` field of the kind, e.g. attendance.person_id to person). claim's
// subject_key, whose target kind varies by row, is not among them.
struct Reference {
  const KindSpec* kind;
  std::string_view field;
  std::string column;
  const KindSpec* target;
};

// Every reference between kinds, in the order of record_kinds() and their fields.
const std::vector<Reference>& references();

}  // namespace euiomkb::detail
