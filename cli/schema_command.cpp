// euiomkb schema [--mermaid]: the database described from its live schema. Every table and view
// (SQLite's internal and FTS5 shadow tables aside) with its schema_note row, its columns from
// pragma_table_info, foreign keys from pragma_foreign_key_list and each column's description
// from the comment beside it in the CREATE TABLE text. Markdown with a Mermaid
// entity-relationship diagram by default (docs/schema.md is this output for a new database),
// the diagram alone with --mermaid, two sections (objects, columns) with --json, --csv or --tsv.
#include <algorithm>
#include <map>
#include <ostream>
#include <regex>
#include <sstream>

#include "tool.hpp"

namespace euiomkb::cli {
namespace {

struct Arguments {
  bool mermaid = false;
};

struct ColumnInfo {
  std::string name;
  std::string type;
  bool not_null = false;
  bool primary_key = false;
  std::string references;  // "table.column" of a foreign key, else empty
  std::string note;        // the comment beside it in CREATE TABLE, else empty
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

std::string as_text(const SqlValue& value) {
  if (const auto* s = std::get_if<std::string>(&value)) return *s;
  if (const auto* i = std::get_if<std::int64_t>(&value)) return std::to_string(*i);
  return "";
}

bool as_flag(const SqlValue& value) {
  const auto* i = std::get_if<std::int64_t>(&value);
  return i != nullptr && *i != 0;
}

// Runs a read-only query with text parameters, handing each row to `row`.
void query(const KnowledgeBase& kb, const std::string& sql, const std::vector<std::string>& params,
           const std::function<void(const std::vector<SqlValue>&)>& row) {
  SqlOptions options;
  for (const std::string& p : params) options.parameters.emplace_back(p);
  kb.run_sql(
      sql, options, [](const auto&) {}, row);
}

std::string trim(std::string_view text) {
  auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return "";
  auto last = text.find_last_not_of(" \t");
  return std::string(text.substr(first, last - first + 1));
}

// `text` matched literally inside a regular expression (a user's column may be named "a.b").
std::string regex_literal(const std::string& text) {
  static const std::regex kSpecial(R"([.^$|()\[\]{}*+?\\])");
  return std::regex_replace(text, kSpecial, R"(\$&)");
}

// What a CREATE TABLE text says of each column beyond its type: the comment beside it, the
// values a CHECK (column IN (...)) allows, and whether a CHECK holds it to the shape of a date.
// The body is split at its top-level commas into column definitions and table constraints; a
// comment belongs to the definition in which its line begins (so the comment after
// "x INTEGER," is x's, and one on the last line of a long CHECK is its column's), except on a
// line that begins with a comma, where it belongs to the definition it follows: SQLite writes
// a column added by ALTER TABLE ... ADD COLUMN as ", y TEXT -- y's comment" after the last one.
std::map<std::string, std::string> column_notes(const std::string& sql,
                                                const std::vector<ColumnInfo>& columns) {
  std::vector<std::string> parts(1);     // the definitions, comments left out
  std::vector<std::string> comments(1);  // each definition's comments
  int depth = 0;
  bool quoted = false;
  std::istringstream lines(sql);
  std::string line;
  while (std::getline(lines, line)) {
    std::size_t owner = parts.size() - 1;
    bool owner_known = false;
    bool leading_comma = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
      char ch = line[i];
      if (!quoted && line.compare(i, 2, "--") == 0) {
        std::string& c = comments[owner_known && !leading_comma ? owner : parts.size() - 1];
        c += (c.empty() ? "" : " ") + trim(std::string_view(line).substr(i + 2));
        break;
      }
      if (!owner_known && ch != ' ' && ch != '\t') {
        owner = parts.size() - 1;
        owner_known = true;
        leading_comma = !quoted && depth == 1 && ch == ',';
      }
      if (ch == '\'') quoted = !quoted;
      if (!quoted && ch == '(' && ++depth == 1) continue;  // the body begins
      if (!quoted && ch == ')' && depth-- == 1) break;     // and ends
      if (depth < 1) continue;
      if (!quoted && depth == 1 && ch == ',') {
        parts.emplace_back();
        comments.emplace_back();
        continue;
      }
      parts.back() += ch;
    }
    if (depth >= 1) parts.back() += ' ';
  }
  std::map<std::string, std::string> definitions;
  std::map<std::string, std::string> comment_of;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    std::string text = trim(parts[i]);
    std::string first = text.substr(0, text.find_first_of(" \t"));
    if (first.size() >= 2 && (first[0] == '"' || first[0] == '`' || first[0] == '['))
      first = first.substr(1, first.size() - 2);  // a quoted name
    definitions[first] = text;
    comment_of[first] = comments[i];
  }
  std::map<std::string, std::string> out;
  for (const ColumnInfo& c : columns) {
    std::string note;
    const std::string& definition = definitions[c.name];
    std::smatch match;
    std::regex in_list("(?:^|[^\\w])" + regex_literal(c.name) + "[\"`\\]]?\\s+IN\\s*\\(([^)]*)\\)");
    if (std::regex_search(definition, match, in_list)) {
      std::string values = std::regex_replace(match[1].str(), std::regex("\\s+"), " ");
      note = "One of " + trim(values) + ".";
    }
    if (definition.find("GLOB '[0-9][0-9][0-9][0-9]'") != std::string::npos)
      note = "A date of the precision the source gives: YYYY, YYYY-MM or YYYY-MM-DD.";
    const std::string& comment = comment_of[c.name];
    if (!comment.empty()) note += (note.empty() ? "" : " ") + comment;
    out[c.name] = note;
  }
  return out;
}

std::vector<SchemaObject> read_schema(const KnowledgeBase& kb) {
  std::vector<SchemaObject> objects;
  std::vector<std::string> sql;
  query(kb,
        "SELECT s.name, s.type, s.sql, coalesce(n.area, ''), coalesce(n.note, ''), l.wr "
        "FROM sqlite_schema s JOIN pragma_table_list l ON l.schema = 'main' AND l.name = s.name "
        "LEFT JOIN schema_note n ON n.name = s.name "
        "WHERE s.type IN ('table', 'view') AND s.name NOT GLOB 'sqlite_*' AND l.type <> 'shadow' "
        "ORDER BY s.name",
        {}, [&](const std::vector<SqlValue>& r) {
          SchemaObject o;
          o.name = as_text(r[0]);
          o.type = as_text(r[1]);
          o.area = as_text(r[3]);
          o.note = as_text(r[4]);
          o.is_virtual = as_text(r[2]).starts_with("CREATE VIRTUAL");
          o.without_rowid = as_flag(r[5]);
          objects.push_back(std::move(o));
          sql.push_back(as_text(r[2]));
        });
  for (std::size_t i = 0; i < objects.size(); ++i) {
    SchemaObject& o = objects[i];
    query(
        kb, "SELECT name, type, \"notnull\", pk FROM pragma_table_info(?1) ORDER BY cid", {o.name},
        [&](const std::vector<SqlValue>& r) {
          o.columns.push_back({as_text(r[0]), as_text(r[1]), as_flag(r[2]), as_flag(r[3]), "", ""});
        });
    if (o.type != "table") continue;
    // In the order of the referencing columns; a foreign key that names no column refers to
    // its table's primary key.
    query(kb,
          "SELECT f.\"from\", f.\"table\", coalesce(f.\"to\", (SELECT p.name FROM "
          "pragma_table_info(f.\"table\") p WHERE p.pk = 1)) "
          "FROM pragma_foreign_key_list(?1) f JOIN pragma_table_info(?1) c ON c.name = f.\"from\" "
          "ORDER BY c.cid, f.id, f.seq",
          {o.name}, [&](const std::vector<SqlValue>& r) {
            o.foreign_keys.push_back({as_text(r[0]), as_text(r[1]), as_text(r[2]), false});
          });
    auto notes = column_notes(sql[i], o.columns);
    for (ColumnInfo& c : o.columns) {
      c.note = notes[c.name];
      // SQLite keeps primary-key columns from NULL only in an INTEGER PRIMARY KEY (the rowid)
      // and in a WITHOUT ROWID table, whatever the column declares.
      if (c.primary_key && (o.without_rowid || c.type == "INTEGER")) c.not_null = true;
    }
    for (ForeignKey& fk : o.foreign_keys) {
      for (ColumnInfo& c : o.columns) {
        if (c.name != fk.column) continue;
        fk.optional = !c.not_null;
        c.references = fk.table + "." + fk.to;
      }
    }
  }
  return objects;
}

// The tables (virtual ones aside) as a Mermaid erDiagram: each with its key columns, and a line
// per foreign key from the referenced table to the referencing one.
void write_mermaid(const std::vector<SchemaObject>& objects, std::ostream& out) {
  out << "erDiagram\n";
  for (const SchemaObject& o : objects) {
    if (o.type != "table" || o.is_virtual) continue;
    for (const ForeignKey& fk : o.foreign_keys)
      out << "  " << fk.table << (fk.optional ? " |o--o{ " : " ||--o{ ") << o.name << " : \""
          << fk.column << "\"\n";
  }
  for (const SchemaObject& o : objects) {
    if (o.type != "table" || o.is_virtual) continue;
    out << "  " << o.name << " {\n";
    for (const ColumnInfo& c : o.columns) {
      bool foreign = !c.references.empty();
      if (!c.primary_key && !foreign) continue;
      std::string keys = c.primary_key && foreign ? "PK, FK" : c.primary_key ? "PK" : "FK";
      out << "    " << (c.type.empty() ? "ANY" : c.type) << " " << c.name << " " << keys << "\n";
    }
    out << "  }\n";
  }
}

// Text for a Markdown table cell: '|' escaped, line breaks as spaces.
std::string cell(const std::string& text) { return substitute(text, {{'|', "\\|"}, {'\n', " "}}); }

void write_markdown(const KnowledgeBase& kb, const std::vector<SchemaObject>& objects,
                    std::ostream& out) {
  out << "# The euiomkb database\n\n"
      << "Schema version " << kb.schema_version()
      << ". Generated by `euiomkb schema` from the live schema of a new database: do not edit it "
         "by hand. After a change to `schema/`, refresh it with `cmake --build build --target "
         "schema_doc`; the test `docs.schema_current` fails while it is out of date.\n\n"
      << "The database carries the same descriptions: table `schema_note` has a row for every "
         "table and view, and the comments beside the columns of each `CREATE TABLE` show in "
         "sqlite3's `.schema`.\n\n"
      << "## Entity-relationship diagram\n\n"
      << "Tables with their primary (PK) and foreign (FK) keys; a line per foreign key, labelled "
         "with the referencing column (`|o` where that column may be NULL). `citation` and "
         "`claim` refer to rows of any kind through `subject_type` (a `record_kind`) and "
         "`subject_id`, which no foreign key can express.\n\n```mermaid\n";
  write_mermaid(objects, out);
  out << "```\n";

  std::vector<std::string> areas;
  for (const SchemaObject& o : objects)
    if (std::find(areas.begin(), areas.end(), o.area) == areas.end()) areas.push_back(o.area);
  std::sort(areas.begin(), areas.end(), [](const std::string& a, const std::string& b) {
    return !a.empty() && (b.empty() || a < b);  // undescribed objects last
  });
  for (const std::string& area : areas) {
    std::string heading = area.empty() ? "not described in schema_note" : area;
    heading[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(heading[0])));
    out << "\n## " << heading << "\n";
    for (const char* type : {"table", "view"}) {
      for (const SchemaObject& o : objects) {
        if (o.area != area || o.type != type) continue;
        out << "\n### `" << o.name << "` (" << (o.is_virtual ? "virtual table" : o.type) << ")\n\n"
            << (o.note.empty() ? "No description." : o.note) << "\n\n";
        if (o.type == "view" || o.is_virtual) {  // no declared types to show
          out << "Columns: ";
          for (std::size_t i = 0; i < o.columns.size(); ++i)
            out << (i ? ", " : "") << "`" << o.columns[i].name << "`";
          out << ".\n";
          continue;
        }
        out << "| Column | Type | Null | Key | Description |\n|---|---|---|---|---|\n";
        for (const ColumnInfo& c : o.columns) {
          std::string key = c.primary_key ? "PK" : "";
          if (!c.references.empty()) key += (key.empty() ? "" : ", ") + ("→ " + c.references);
          out << "| `" << c.name << "` | " << c.type << " | " << (c.not_null ? "no" : "yes")
              << " | " << cell(key) << " | " << cell(c.note) << " |\n";
        }
      }
    }
  }
}

void write_rows(const std::vector<SchemaObject>& objects, Writer& out) {
  out.section("objects", {{"name"}, {"type"}, {"area"}, {"note"}});
  for (const SchemaObject& o : objects)
    out.row(
        {text(o.name), text(o.is_virtual ? "virtual table" : o.type), text(o.area), text(o.note)});
  out.section("columns", {{"object"},
                          {"column"},
                          {"type"},
                          {"not_null", ColumnType::boolean},
                          {"primary_key", ColumnType::boolean},
                          {"references"},
                          {"note"}});
  for (const SchemaObject& o : objects)
    for (const ColumnInfo& c : o.columns)
      out.row({text(o.name), text(c.name), text(c.type), boolean(c.not_null),
               boolean(c.primary_key), text(c.references), text(c.note)});
  out.finish();
}

int run_schema(const Tool& tool, const Arguments& args) {
  KnowledgeBase kb = tool.open();
  std::vector<SchemaObject> objects = read_schema(kb);
  if (args.mermaid) {
    if (tool.format() != Format::table)
      throw UsageError(
          "--mermaid writes a diagram; it does not combine with --json, --csv or --tsv");
    write_mermaid(objects, tool.out);
  } else if (tool.format() == Format::table) {
    write_markdown(kb, objects, tool.out);
  } else {
    write_rows(objects, *tool.writer(true));
  }
  return 0;
}

}  // namespace

void add_schema_command(CLI::App& app, Tool& tool) {
  auto args = std::make_shared<Arguments>();
  auto* command =
      tool.command(app, "schema",
                   "Describe every table and view: Markdown and a Mermaid diagram (docs/schema.md)",
                   [&tool, args] { return run_schema(tool, *args); });
  command->add_flag("--mermaid", args->mermaid, "Only the Mermaid entity-relationship diagram");
}

}  // namespace euiomkb::cli
