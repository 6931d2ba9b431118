// The database as it describes itself (schema_note, the comments beside columns, CHECK
// constraints, foreign keys, column_glossary), read once for `euiomkb schema` and for the
// catalogues the exports write: datapackage.json (Frictionless) and Datasette's metadata.json.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "euiomkb/knowledge_base.hpp"

namespace euiomkb::cli {

struct ColumnInfo {
  std::string name;
  std::string type;
  bool not_null = false;
  bool primary_key = false;
  std::string references;  // "table.column" of a foreign key, else empty
  std::string note;        // the comment beside it in CREATE TABLE, else empty
  // Values a CHECK (column IN (...)) allows, as written (quotes removed); empty when none.
  std::vector<std::string> allowed;
  bool is_date = false;  // a CHECK holds it to YYYY, YYYY-MM or YYYY-MM-DD
};

struct ForeignKey {
  std::string column;
  std::string table;
  std::string to;
  bool optional = false;  // the referencing column may be NULL
};

struct SchemaObject {
  std::string name;
  std::string type;  // "table" or "view"
  bool is_virtual = false;
  bool without_rowid = false;
  std::string area;  // empty when schema_note has no row for it
  std::string note;
  std::vector<ColumnInfo> columns;
  std::vector<ForeignKey> foreign_keys;
};

// Every table and view (SQLite's internal and FTS5 shadow tables aside), by name, with its
// schema_note row, its columns (pragma_table_info), its foreign keys and what the CREATE TABLE
// text says of each column. Views have no notes, checks or keys of their own here.
std::vector<SchemaObject> read_schema(const KnowledgeBase& kb);

// A column of a table or view as the catalogues describe it.
struct FieldDescription {
  std::string description;  // never empty for a database made by the migrations
  bool not_null = false;    // declared NOT NULL (a view column: in the table it lists)
  std::vector<std::string> allowed;
  bool is_date = false;
  std::string base_table;  // for a view column taken from the table the view lists, else empty
};

// What each column of `object` holds: its own note (tables), else the note of the same column
// of the table a view lists (the table whose id column is the view's first column, else the
// view's name without "v_"), else column_glossary's entry for its name, else, for an id column,
// whose row it names. Empty only where none of these says anything.
std::vector<FieldDescription> describe_fields(const KnowledgeBase& kb,
                                              const std::vector<SchemaObject>& schema,
                                              const SchemaObject& object);

// The table a view lists (see describe_fields), or nullptr.
const SchemaObject* base_table(const std::vector<SchemaObject>& schema, const SchemaObject& view);

// Datasette's metadata.json for the database file named `database` (its file name without
// .db): title, description, licence and sources, and a description of every table, view and
// column described by read_schema.
void export_datasette(const KnowledgeBase& kb, const std::string& database, std::ostream& out);

// What the data package and the Datasette metadata say of the licence: none is chosen.
extern const char* const kLicenceStatement;
// What they say of each source's licence: the documents state none.
extern const char* const kSourceLicence;

}  // namespace euiomkb::cli
