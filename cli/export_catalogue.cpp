#include "export_catalogue.hpp"

#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <ostream>
#include <regex>
#include <sstream>

namespace euiomkb::cli {

const char* const kLicenceStatement =
    "No licence has been chosen for this data: the project states none yet, and the source "
    "documents do not choose one for the facts drawn from them. Until one is chosen no licence "
    "is granted beyond what the law allows. The source documents (table source) are quoted "
    "unchanged as the evidence of the citations; their copyright stays with their publishers.";
const char* const kSourceLicence =
    "unknown: the document states no licence; copyright stays with its publisher";

namespace {

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
void column_notes(const std::string& sql, std::vector<ColumnInfo>& columns) {
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
  for (ColumnInfo& c : columns) {
    std::string note;
    const std::string& definition = definitions[c.name];
    std::smatch match;
    std::regex in_list("(?:^|[^\\w])" + regex_literal(c.name) + "[\"`\\]]?\\s+IN\\s*\\(([^)]*)\\)");
    if (std::regex_search(definition, match, in_list)) {
      std::string values = std::regex_replace(match[1].str(), std::regex("\\s+"), " ");
      note = "One of " + trim(values) + ".";
      std::istringstream items(values);
      for (std::string item; std::getline(items, item, ',');) {
        item = trim(item);
        if (item.size() >= 2 && item.front() == '\'' && item.back() == '\'')
          item = item.substr(1, item.size() - 2);
        c.allowed.push_back(item);
      }
    }
    if (definition.find("GLOB '[0-9][0-9][0-9][0-9]'") != std::string::npos) {
      note = "A date of the precision the source gives: YYYY, YYYY-MM or YYYY-MM-DD.";
      c.is_date = true;
    }
    const std::string& comment = comment_of[c.name];
    if (!comment.empty()) note += (note.empty() ? "" : " ") + comment;
    c.note = note;
  }
}

}  // namespace

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
    query(kb, "SELECT name, type, \"notnull\", pk FROM pragma_table_info(?1) ORDER BY cid",
          {o.name}, [&](const std::vector<SqlValue>& r) {
            o.columns.push_back(
                {as_text(r[0]), as_text(r[1]), as_flag(r[2]), as_flag(r[3]), "", "", {}, false});
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
    column_notes(sql[i], o.columns);
    for (ColumnInfo& c : o.columns) {
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

namespace {

using Json = nlohmann::ordered_json;

const SchemaObject* find_object(const std::vector<SchemaObject>& schema, const std::string& name) {
  for (const SchemaObject& o : schema)
    if (o.name == name) return &o;
  return nullptr;
}

const ColumnInfo* find_column(const SchemaObject& object, const std::string& name) {
  for (const ColumnInfo& c : object.columns)
    if (c.name == name) return &c;
  return nullptr;
}

// The table whose primary key is the single column `column`, or nullptr.
const SchemaObject* table_keyed_by(const std::vector<SchemaObject>& schema,
                                   const std::string& column) {
  for (const SchemaObject& o : schema) {
    if (o.type != "table" || o.is_virtual) continue;
    int keys = 0;
    bool named = false;
    for (const ColumnInfo& c : o.columns) {
      keys += c.primary_key ? 1 : 0;
      named |= c.primary_key && c.name == column;
    }
    if (keys == 1 && named) return &o;
  }
  return nullptr;
}

std::map<std::string, std::string> read_glossary(const KnowledgeBase& kb) {
  std::map<std::string, std::string> glossary;
  query(kb, "SELECT column_name, note FROM column_glossary", {},
        [&](const std::vector<SqlValue>& r) { glossary[as_text(r[0])] = as_text(r[1]); });
  return glossary;
}

}  // namespace

const SchemaObject* base_table(const std::vector<SchemaObject>& schema, const SchemaObject& view) {
  if (view.type != "view" || view.columns.empty()) return nullptr;
  if (view.name.starts_with("v_")) {
    const SchemaObject* named = find_object(schema, view.name.substr(2));
    if (named != nullptr && named->type == "table" && !named->is_virtual) return named;
  }
  return table_keyed_by(schema, view.columns.front().name);
}

std::vector<FieldDescription> describe_fields(const KnowledgeBase& kb,
                                              const std::vector<SchemaObject>& schema,
                                              const SchemaObject& object) {
  const std::map<std::string, std::string> glossary = read_glossary(kb);
  const SchemaObject* base = object.type == "view" ? base_table(schema, object) : nullptr;
  std::vector<FieldDescription> fields;
  for (const ColumnInfo& own : object.columns) {
    FieldDescription field;
    const ColumnInfo* source = object.type == "table" ? &own : nullptr;
    if (base != nullptr && (source = find_column(*base, own.name)) != nullptr)
      field.base_table = base->name;
    if (source != nullptr) {
      field.description = source->note;
      field.not_null = source->not_null;
      field.allowed = source->allowed;
      field.is_date = source->is_date;
    }
    if (field.description.empty()) {
      auto entry = glossary.find(own.name);
      if (entry != glossary.end()) field.description = entry->second;
    }
    if (field.description.empty() && source != nullptr && !source->references.empty())
      field.description = "Refers to " + source->references + ".";
    if (field.description.empty() && own.name.ends_with("_id")) {
      const SchemaObject* owner = table_keyed_by(schema, own.name);
      if (owner != nullptr && owner->name == (base != nullptr ? base->name : object.name))
        field.description = "The row's id (" + owner->name + "." + own.name + ").";
      else if (owner != nullptr)
        field.description =
            "The id of a row of " + owner->name + " (" + owner->name + "." + own.name + ").";
    }
    fields.push_back(std::move(field));
  }
  return fields;
}

void export_datasette(const KnowledgeBase& kb, const std::string& database, std::ostream& out) {
  std::vector<SchemaObject> schema = read_schema(kb);
  std::vector<std::string> titles;
  query(kb,
        "SELECT title, coalesce(publisher, 'publisher not stated') FROM source ORDER BY source_id",
        {}, [&](const std::vector<SqlValue>& r) {
          titles.push_back(as_text(r[0]) + " (" + as_text(r[1]) + ")");
        });
  std::string sources;
  for (const std::string& t : titles) sources += (sources.empty() ? "" : "; ") + t;

  Json metadata = Json::object();
  metadata["title"] = "EU-IOM Strategic Cooperation Framework knowledge base";
  metadata["description"] =
      "The cooperation between the European Union and the International Organization for "
      "Migration: organisations, people, meetings, agreements, funding and policy frameworks, "
      "every fact with a citation whose quotation is verbatim in its source (schema version " +
      std::to_string(kb.schema_version()) +
      "). Table schema_note describes every table and view; column_glossary the columns "
      "without a comment of their own.";
  metadata["license"] = "None chosen (see the description of table source)";
  metadata["source"] = std::to_string(titles.size()) +
                       " source documents, quoted in table "
                       "source with their publisher, date, URL and SHA-256: " +
                       sources;
  Json tables = Json::object();
  for (const SchemaObject& o : schema) {
    std::vector<FieldDescription> fields = describe_fields(kb, schema, o);
    Json table = Json::object();
    std::string description = o.note;
    if (o.name == "source")
      description +=
          std::string(" Licence of each document: ") + kSourceLicence + ". " + kLicenceStatement;
    table["description"] = description;
    Json columns = Json::object();
    for (std::size_t i = 0; i < o.columns.size(); ++i)
      columns[o.columns[i].name] = fields[i].description;
    table["columns"] = columns;
    tables[o.name] = table;
  }
  metadata["databases"] = Json::object();
  metadata["databases"][database] = {{"description", metadata["description"]}, {"tables", tables}};
  out << metadata.dump(2, ' ', false, Json::error_handler_t::replace) << "\n";
}

}  // namespace euiomkb::cli
