#include "export.hpp"

#include <fstream>
#include <nlohmann/json.hpp>
#include <ostream>

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

void export_csv(const KnowledgeBase& kb, const std::filesystem::path& directory) {
  std::filesystem::create_directories(directory);
  struct Resource {
    std::string view;
    std::vector<std::string> columns;
    std::vector<FieldType> types;
    std::optional<std::string> primary_key;
  };
  std::vector<Resource> resources;
  for (const std::string& view : view_names(kb)) {
    Resource r{view, view_columns(kb, view), {}, std::nullopt};
    r.types.resize(r.columns.size());
    std::ofstream file(directory / (view + ".csv"), std::ios::binary);
    if (!file) throw std::runtime_error("cannot write " + (directory / (view + ".csv")).string());
    for (std::size_t i = 0; i < r.columns.size(); ++i) file << (i ? "," : "") << r.columns[i];
    file << "\r\n";
    kb.run_sql(
        select_all(view), {}, [](const auto&) {},
        [&](const std::vector<SqlValue>& row) {
          for (std::size_t i = 0; i < row.size(); ++i) {
            file << (i ? "," : "") << csv_field(row[i]);
            if (i >= r.types.size()) continue;
            r.types[i].any_value |= !std::holds_alternative<std::monostate>(row[i]);
            r.types[i].any_real |= std::holds_alternative<double>(row[i]);
            r.types[i].any_text |= std::holds_alternative<std::string>(row[i]);
          }
          file << "\r\n";
        });
    if (!file) throw std::runtime_error("cannot write " + (directory / (view + ".csv")).string());
    const std::string& first = r.columns.front();
    if (first.size() > 3 && first.ends_with("_id") && column_is_unique(kb, view, first))
      r.primary_key = first;
    resources.push_back(std::move(r));
  }

  Json package = Json::object();
  package["profile"] = "tabular-data-package";
  package["name"] = "euiomkb";
  package["title"] = "EU-IOM Strategic Cooperation Framework knowledge base";
  package["schema_version"] = kb.schema_version();
  package["resources"] = Json::array();
  for (const Resource& r : resources) {
    Json resource = Json::object();
    resource["name"] = r.view;
    resource["path"] = r.view + ".csv";
    resource["profile"] = "tabular-data-resource";
    resource["format"] = "csv";
    resource["encoding"] = "utf-8";
    resource["dialect"] = {{"delimiter", ","}, {"doubleQuote", true}, {"header", true}};
    Json schema = Json::object();
    schema["fields"] = Json::array();
    for (std::size_t i = 0; i < r.columns.size(); ++i)
      schema["fields"].push_back({{"name", r.columns[i]}, {"type", r.types[i].name()}});
    schema["missingValues"] = Json::array({""});
    if (r.primary_key) schema["primaryKey"] = *r.primary_key;
    Json foreign = Json::array();
    for (const std::string& column : r.columns) {
      if (!column.ends_with("_id") || column == r.primary_key) continue;
      for (const Resource& other : resources)
        if (other.primary_key == column && other.view != r.view)
          foreign.push_back(
              {{"fields", column}, {"reference", {{"resource", other.view}, {"fields", column}}}});
    }
    if (!foreign.empty()) schema["foreignKeys"] = foreign;
    resource["schema"] = schema;
    package["resources"].push_back(resource);
  }
  std::ofstream out(directory / "datapackage.json", std::ios::binary);
  out << package.dump(2, ' ', false, Json::error_handler_t::replace) << "\n";
  if (!out) throw std::runtime_error("cannot write " + (directory / "datapackage.json").string());
}

}  // namespace euiomkb::cli
