#include "export.hpp"

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <ostream>
#include <stdexcept>
#include <string_view>

#include "export_catalogue.hpp"
#include "output.hpp"

namespace euiomkb::cli {
namespace {

using Json = nlohmann::ordered_json;

std::string dump(const Json& json) {
  return json.dump(-1, ' ', false, Json::error_handler_t::replace);
}

Json to_json(const SqlValue& value) {
  struct Visitor {
    Json operator()(std::monostate) const { return nullptr; }
    Json operator()(std::int64_t v) const { return v; }
    Json operator()(double v) const { return v; }
    Json operator()(const std::string& v) const { return v; }
  };
  return std::visit(Visitor{}, value);
}

// The documented views, by name.
std::vector<std::string> view_names(const KnowledgeBase& kb) {
  std::vector<std::string> names;
  kb.run_sql(
      "SELECT name FROM sqlite_schema WHERE type = 'view' AND name GLOB 'v_*' ORDER BY name", {},
      [](const auto&) {},
      [&](const std::vector<SqlValue>& row) { names.push_back(std::get<std::string>(row[0])); });
  return names;
}

// SELECT * of a view whose name comes from sqlite_schema (quoted as an identifier).
std::string select_all(const std::string& view) { return "SELECT * FROM \"" + view + "\""; }

// The columns of a view, even an empty one.
std::vector<std::string> view_columns(const KnowledgeBase& kb, const std::string& view) {
  std::vector<std::string> names;
  SqlOptions options;
  options.parameters = {SqlValue(view)};
  kb.run_sql(
      "SELECT name FROM pragma_table_info(?1) ORDER BY cid", options, [](const auto&) {},
      [&](const std::vector<SqlValue>& row) { names.push_back(std::get<std::string>(row[0])); });
  return names;
}

// Frictionless field types seen in a column: integer until a real or text shows up.
struct FieldType {
  bool any_real = false;
  bool any_text = false;
  bool any_value = false;
  std::string name() const {
    if (any_text || !any_value) return "string";
    return any_real ? "number" : "integer";
  }
};

bool column_is_unique(const KnowledgeBase& kb, const std::string& view, const std::string& column) {
  bool unique = false;
  kb.run_sql(
      "SELECT count(*) = count(DISTINCT \"" + column + "\") AND count(\"" + column +
          "\") = count(*) FROM \"" + view + "\"",
      {}, [](const auto&) {},
      [&](const std::vector<SqlValue>& row) { unique = std::get<std::int64_t>(row[0]) == 1; });
  return unique;
}

std::string csv_field(const SqlValue& value) {
  struct Visitor {
    std::string operator()(std::monostate) const { return ""; }
    std::string operator()(std::int64_t v) const { return std::to_string(v); }
    std::string operator()(double v) const { return Json(v).dump(); }
    std::string operator()(const std::string& v) const {
      // Always quoted, so that an empty text differs from NULL (an empty field).
      std::string quoted = "\"";
      for (char c : v) {
        if (c == '"') quoted += '"';
        quoted += c;
      }
      return quoted + "\"";
    }
  };
  return std::visit(Visitor{}, value);
}

}  // namespace

void export_json(const KnowledgeBase& kb, std::ostream& out) {
  out << "{\"schema_version\": " << kb.schema_version() << ", \"views\": {";
  bool first_view = true;
  for (const std::string& view : view_names(kb)) {
    std::vector<std::string> columns = view_columns(kb, view);
    out << (first_view ? "\n" : ",\n") << "  " << Json(view).dump()
        << ": {\"columns\": " << dump(Json(columns)) << ", \"rows\": [";
    first_view = false;
    bool first_row = true;
    kb.run_sql(
        select_all(view), {}, [](const auto&) {},
        [&](const std::vector<SqlValue>& row) {
          Json object = Json::object();
          for (std::size_t i = 0; i < row.size() && i < columns.size(); ++i)
            object[columns[i]] = to_json(row[i]);
          out << (first_row ? "\n    " : ",\n    ") << dump(object);
          first_row = false;
        });
    out << (first_row ? "]}" : "\n  ]}");
  }
  out << "\n}}\n";
}

void export_csv(const KnowledgeBase& kb, const std::filesystem::path& directory,
                Progress* progress) {
  std::filesystem::create_directories(directory);
  const std::vector<SchemaObject> schema = read_schema(kb);
  struct Resource {
    const SchemaObject* view;
    std::vector<FieldDescription> fields;
    std::vector<FieldType> types;
    std::optional<std::string> primary_key;
  };
  std::vector<Resource> resources;
  for (const std::string& name : view_names(kb)) {
    auto found = std::find_if(schema.begin(), schema.end(),
                              [&](const SchemaObject& o) { return o.name == name; });
    if (found == schema.end()) throw std::runtime_error("view " + name + " vanished");
    Resource r{&*found, describe_fields(kb, schema, *found), {}, std::nullopt};
    const std::vector<ColumnInfo>& columns = r.view->columns;
    r.types.resize(columns.size());
    const std::filesystem::path path = directory / (name + ".csv");
    std::ofstream file(path, std::ios::binary);
    if (!file) throw std::runtime_error("cannot write " + path.string());
    for (std::size_t i = 0; i < columns.size(); ++i) file << (i ? "," : "") << columns[i].name;
    file << "\r\n";
    std::int64_t rows = 0;
    const std::string doing = "export: rows of " + name;
    kb.run_sql(
        select_all(name), {}, [](const auto&) {},
        [&](const std::vector<SqlValue>& row) {
          if (progress != nullptr) progress->update(doing, ++rows);
          for (std::size_t i = 0; i < row.size(); ++i) {
            file << (i ? "," : "") << csv_field(row[i]);
            if (i >= r.types.size()) continue;
            r.types[i].any_value |= !std::holds_alternative<std::monostate>(row[i]);
            r.types[i].any_real |= std::holds_alternative<double>(row[i]);
            r.types[i].any_text |= std::holds_alternative<std::string>(row[i]);
          }
          file << "\r\n";
        });
    if (!file) throw std::runtime_error("cannot write " + path.string());
    // The first column is the key when it names the row: an id, or the single primary key of
    // the table the view lists (meeting_series.series, record_kind.kind); and it holds.
    const std::string& first = columns.front().name;
    const SchemaObject* base = base_table(schema, *r.view);
    bool names_row = first.size() > 3 && first.ends_with("_id");
    if (base != nullptr)
      for (const ColumnInfo& c : base->columns)
        names_row |= c.name == first && c.primary_key &&
                     std::count_if(base->columns.begin(), base->columns.end(),
                                   [](const ColumnInfo& k) { return k.primary_key; }) == 1;
    if (names_row && column_is_unique(kb, name, first)) r.primary_key = first;
    resources.push_back(std::move(r));
  }

  auto resource_keyed_by = [&](const std::string& column) -> const Resource* {
    for (const Resource& other : resources)
      if (other.primary_key == column) return &other;
    return nullptr;
  };
  Json package = Json::object();
  package["profile"] = "tabular-data-package";
  package["name"] = "euiomkb";
  package["title"] = "EU-IOM Strategic Cooperation Framework knowledge base";
  package["description"] =
      "Every documented view (v_*) of the euiomkb knowledge base, one CSV file each: "
      "organisations, people, meetings, agreements, funding and policy frameworks, every fact "
      "with its citations (v_citation: the quotation, its source and the record it supports, "
      "found through v_record_kind.exported_as). Schema version " +
      std::to_string(kb.schema_version()) + ".";
  package["schema_version"] = kb.schema_version();
  // No "licenses": none is chosen, and the data package names none rather than invent one.
  package["license_statement"] = kLicenceStatement;
  // The sources are written into the file where this placeholder stands, one at a time as they
  // are read: held as JSON, then as the package's text, they made the export's memory grow with
  // the database (issue 19).
  const std::string sources_here = "euiomkb: the sources are written here";
  package["sources"] = sources_here;
  package["resources"] = Json::array();
  for (const Resource& r : resources) {
    const std::vector<ColumnInfo>& columns = r.view->columns;
    Json resource = Json::object();
    resource["name"] = r.view->name;
    resource["path"] = r.view->name + ".csv";
    resource["profile"] = "tabular-data-resource";
    resource["description"] = r.view->note;
    resource["format"] = "csv";
    resource["encoding"] = "utf-8";
    resource["dialect"] = {{"delimiter", ","}, {"doubleQuote", true}, {"header", true}};
    Json schema_json = Json::object();
    schema_json["fields"] = Json::array();
    for (std::size_t i = 0; i < columns.size(); ++i) {
      const FieldDescription& f = r.fields[i];
      std::string type = r.types[i].name();
      Json field = {{"name", columns[i].name}, {"type", type}, {"description", f.description}};
      Json constraints = Json::object();
      if (f.not_null || r.primary_key == columns[i].name) constraints["required"] = true;
      if (r.primary_key == columns[i].name) constraints["unique"] = true;
      if (!f.allowed.empty()) {
        Json values = Json::array();
        for (const std::string& value : f.allowed) {
          if (type == "integer" && value.find_first_not_of("-0123456789") == std::string::npos)
            values.push_back(std::stoll(value));
          else if (type == "string")
            values.push_back(value);
        }
        if (values.size() == f.allowed.size()) constraints["enum"] = values;
      }
      if (f.is_date && type == "string")
        constraints["pattern"] = "[0-9]{4}(-[01][0-9](-[0-3][0-9])?)?";
      if (!constraints.empty()) field["constraints"] = constraints;
      schema_json["fields"].push_back(field);
    }
    schema_json["missingValues"] = Json::array({""});
    if (r.primary_key) schema_json["primaryKey"] = *r.primary_key;
    // A column refers to another resource when it is named as that resource's key (an id), or
    // when the table the view lists declares it a foreign key to a table whose view is keyed
    // by the referenced column (meeting.series -> v_meeting_series, citation.subject_type ->
    // v_record_kind).
    Json foreign = Json::array();
    const SchemaObject* base = base_table(schema, *r.view);
    for (std::size_t i = 0; i < columns.size(); ++i) {
      const std::string& column = columns[i].name;
      if (column == r.primary_key) continue;
      const Resource* other = nullptr;
      std::string referenced = column;
      if (column.ends_with("_id")) other = resource_keyed_by(column);
      if (other == nullptr && base != nullptr && !r.fields[i].base_table.empty()) {
        for (const ForeignKey& fk : base->foreign_keys) {
          if (fk.column != column) continue;
          const Resource* candidate = resource_keyed_by(fk.to);
          const SchemaObject* listed =
              candidate != nullptr ? base_table(schema, *candidate->view) : nullptr;
          if (listed != nullptr && listed->name == fk.table) {
            other = candidate;
            referenced = fk.to;
            break;
          }
        }
      }
      if (other != nullptr && other != &r)
        foreign.push_back(
            {{"fields", column},
             {"reference", {{"resource", other->view->name}, {"fields", referenced}}}});
    }
    if (!foreign.empty()) schema_json["foreignKeys"] = foreign;
    resource["schema"] = schema_json;
    package["resources"].push_back(resource);
  }
  std::ofstream out(directory / "datapackage.json", std::ios::binary);
  const std::string text = package.dump(2, ' ', false, Json::error_handler_t::replace);
  const std::string marker = Json(sources_here).dump();
  const std::size_t at = text.find(marker);
  if (at == std::string::npos) throw std::logic_error("datapackage.json: no place for sources");
  out << std::string_view(text).substr(0, at);
  // As package.dump(2) would write the array: each source on its own lines, indented by two
  // levels (a dumped value has no newline of its own inside: strings escape theirs).
  bool first_source = true;
  // A failure half way leaves no half-written package behind.
  auto remove_package = [&] {
    out.close();
    std::error_code ignored;
    std::filesystem::remove(directory / "datapackage.json", ignored);
  };
  try {
    kb.run_sql(
        "SELECT s.title, s.url, s.publisher, s.published, s.file_name, s.sha256, "
        "(SELECT key FROM record_key WHERE kind = 'source' AND row_id = s.source_id) "
        "FROM source s ORDER BY s.source_id",
        {}, [](const auto&) {},
        [&](const std::vector<SqlValue>& row) {
          Json source = Json::object();
          source["title"] = to_json(row[0]);
          if (!std::holds_alternative<std::monostate>(row[1])) source["path"] = to_json(row[1]);
          source["publisher"] = to_json(row[2]);
          source["published"] = to_json(row[3]);
          source["file_name"] = to_json(row[4]);
          source["sha256"] = to_json(row[5]);
          source["key"] = to_json(row[6]);
          source["license"] = kSourceLicence;
          std::string one = source.dump(2, ' ', false, Json::error_handler_t::replace);
          std::string indented = first_source ? "[\n    " : ",\n    ";
          for (char c : one) {
            indented += c;
            if (c == '\n') indented += "    ";
          }
          out << indented;
          first_source = false;
        });
  } catch (...) {
    remove_package();
    throw;
  }
  out << (first_source ? "[]" : "\n  ]") << std::string_view(text).substr(at + marker.size())
      << "\n";
  if (!out) {
    remove_package();
    throw std::runtime_error("cannot write " + (directory / "datapackage.json").string());
  }
}

}  // namespace euiomkb::cli
