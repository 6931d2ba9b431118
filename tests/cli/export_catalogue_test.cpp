// Exports that lose nothing, checked as a data user would: datapackage.json validated against
// the CSV files by the Frictionless table-schema rules; every exported citation (CSV and JSON)
// walked to its subject and its source; every row of every record kind found in the export;
// Datasette's metadata.json describing every table, view and column of the database.
#include "export_catalogue.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>

#include "euiomkb/euiomkb.hpp"
#include "export.hpp"
#include "seeded_suite.hpp"

namespace euiomkb {
namespace {

using Json = nlohmann::json;

std::string read(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// A CSV file as its reader sees it (RFC 4180): the header, then records of field texts, quotes
// removed (so a quoted empty field reads as "", as Frictionless reads it).
struct Table {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> records;
};

Table parse_csv(const std::string& text) {
  std::vector<std::vector<std::string>> rows(1);
  std::string field;
  bool in_quotes = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_quotes) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"')
        field += text[++i];
      else if (c == '"')
        in_quotes = false;
      else
        field += c;
    } else if (c == '"') {
      in_quotes = true;
    } else if (c == ',') {
      rows.back().push_back(std::move(field));
      field.clear();
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      rows.back().push_back(std::move(field));
      field.clear();
      rows.emplace_back();
      ++i;
    } else {
      field += c;
    }
  }
  rows.pop_back();  // after the last line break
  Table table;
  if (rows.empty()) return table;
  table.header = rows.front();
  table.records.assign(rows.begin() + 1, rows.end());
  return table;
}

// The Frictionless table-schema rules a data package's validator applies, for the properties
// datapackage.json uses: fields (name, type integer/number/string, constraints required,
// unique, enum, pattern), missingValues, primaryKey and foreignKeys. Each broken rule is one
// violation, described in `violations`.
struct Validation {
  std::size_t resources = 0;
  std::size_t values = 0;
  std::vector<std::string> violations;
};

std::string as_text(const Json& value) {
  return value.is_string() ? value.get<std::string>() : value.dump();
}

Validation validate(const Json& package, const std::filesystem::path& directory) {
  Validation result;
  std::map<std::string, Table> tables;
  for (const Json& resource : package.at("resources"))
    tables[resource.at("name")] =
        parse_csv(read(directory / resource.at("path").get<std::string>()));
  auto violation = [&](const std::string& where, const std::string& what) {
    result.violations.push_back(where + ": " + what);
  };
  auto column_of = [&](const Table& table, const std::string& name) -> std::ptrdiff_t {
    auto at = std::find(table.header.begin(), table.header.end(), name);
    return at == table.header.end() ? -1 : at - table.header.begin();
  };
  for (const Json& resource : package.at("resources")) {
    ++result.resources;
    const std::string name = resource.at("name");
    const Table& table = tables[name];
    const Json& schema = resource.at("schema");
    const Json& fields = schema.at("fields");
    std::set<std::string> missing;
    for (const Json& m : schema.value("missingValues", Json::array({""}))) missing.insert(m);
    if (table.header.size() != fields.size()) violation(name, "header and fields differ in number");
    for (std::size_t i = 0; i < fields.size() && i < table.header.size(); ++i)
      if (fields[i].at("name") != table.header[i])
        violation(name,
                  "header " + table.header[i] + " is not field " + as_text(fields[i]["name"]));
    std::vector<std::set<std::string>> seen(fields.size());
    for (std::size_t r = 0; r < table.records.size(); ++r) {
      const auto& record = table.records[r];
      std::string row = name + " row " + std::to_string(r + 2);
      if (record.size() != fields.size()) {
        violation(row, "has " + std::to_string(record.size()) + " cells");
        continue;
      }
      for (std::size_t i = 0; i < fields.size(); ++i) {
        ++result.values;
        const Json& field = fields[i];
        const std::string& cell = record[i];
        const std::string where = row + " " + field.at("name").get<std::string>();
        const Json constraints = field.value("constraints", Json::object());
        if (missing.count(cell)) {
          if (constraints.value("required", false)) violation(where, "required value missing");
          continue;
        }
        const std::string type = field.at("type");
        static const std::regex kInteger("[+-]?[0-9]+");
        static const std::regex kNumber("[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?");
        if (type == "integer" && !std::regex_match(cell, kInteger))
          violation(where, "'" + cell + "' is no integer");
        if (type == "number" && !std::regex_match(cell, kNumber))
          violation(where, "'" + cell + "' is no number");
        if (constraints.value("unique", false) && !seen[i].insert(cell).second)
          violation(where, "'" + cell + "' is not unique");
        if (constraints.contains("enum")) {
          bool listed = false;
          for (const Json& value : constraints["enum"]) listed |= as_text(value) == cell;
          if (!listed) violation(where, "'" + cell + "' is not in " + constraints["enum"].dump());
        }
        if (constraints.contains("pattern") &&
            !std::regex_match(cell, std::regex(constraints["pattern"].get<std::string>())))
          violation(where, "'" + cell + "' does not match " + constraints["pattern"].dump());
      }
    }
    if (schema.contains("primaryKey")) {
      std::string key = schema["primaryKey"];
      std::ptrdiff_t column = column_of(table, key);
      if (column < 0) violation(name, "primary key " + key + " is no column");
      std::set<std::string> keys;
      for (const auto& record : table.records) {
        if (column < 0 || static_cast<std::size_t>(column) >= record.size()) break;
        const std::string& cell = record[static_cast<std::size_t>(column)];
        if (missing.count(cell)) violation(name, "a primary key is missing");
        if (!keys.insert(cell).second) violation(name, "primary key " + cell + " repeats");
      }
    }
    for (const Json& fk : schema.value("foreignKeys", Json::array())) {
      const std::string field = fk.at("fields");
      const std::string other = fk.at("reference").at("resource");
      const std::string referenced = fk.at("reference").at("fields");
      if (!tables.count(other)) {
        violation(name, "foreign key to unknown resource " + other);
        continue;
      }
      const Table& target = tables[other];
      std::ptrdiff_t from = column_of(table, field), to = column_of(target, referenced);
      if (from < 0 || to < 0) {
        violation(name,
                  "foreign key " + field + " -> " + other + "." + referenced + " names no column");
        continue;
      }
      std::set<std::string> values;
      for (const auto& record : target.records) values.insert(record[static_cast<std::size_t>(to)]);
      for (const auto& record : table.records) {
        const std::string& cell = record[static_cast<std::size_t>(from)];
        if (!missing.count(cell) && !values.count(cell))
          violation(name, field + " " + cell + " is not in " + other + "." + referenced);
      }
    }
  }
  return result;
}

class ExportCatalogue : public test::SeededSuite {
 protected:
  void SetUp() override { dir_ = scratch_dir("euiomkb_catalogue"); }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  // The rows of a read-only query, each value as text ("" for NULL).
  static std::vector<std::vector<std::string>> rows(const std::string& sql) {
    std::vector<std::vector<std::string>> out;
    kb_->run_sql(
        sql, {}, [](const auto&) {},
        [&](const std::vector<SqlValue>& row) {
          std::vector<std::string> texts;
          for (const SqlValue& v : row) {
            if (auto* s = std::get_if<std::string>(&v))
              texts.push_back(*s);
            else if (auto* n = std::get_if<std::int64_t>(&v))
              texts.push_back(std::to_string(*n));
            else
              texts.emplace_back();
          }
          out.push_back(std::move(texts));
        });
    return out;
  }

  std::filesystem::path dir_;
};

TEST_F(ExportCatalogue, DatapackageIsValidAgainstTheCsvFilesByTheTableSchemaRules) {
  cli::export_csv(*kb_, dir_);
  Json package = Json::parse(read(dir_ / "datapackage.json"));
  Validation result = validate(package, dir_);
  for (const std::string& v : result.violations) ADD_FAILURE() << v;
  std::cout << "datapackage.json: " << result.resources << " resources, " << result.values
            << " values checked, " << result.violations.size() << " violations\n";
  EXPECT_GT(result.values, 5000u);

  // It describes what it holds: every resource and field, the sources, the licence.
  for (const Json& resource : package["resources"]) {
    EXPECT_FALSE(resource.value("description", "").empty()) << resource["name"];
    for (const Json& field : resource["schema"]["fields"])
      EXPECT_FALSE(field.value("description", "").empty())
          << resource["name"] << "." << field["name"];
  }
  EXPECT_NE(package.value("license_statement", "").find("No licence has been chosen"),
            std::string::npos);
  auto sources = rows("SELECT title, sha256 FROM source ORDER BY source_id");
  ASSERT_EQ(package["sources"].size(), sources.size());
  for (std::size_t i = 0; i < sources.size(); ++i) {
    EXPECT_EQ(package["sources"][i]["title"], sources[i][0]);
    EXPECT_EQ(package["sources"][i]["sha256"], sources[i][1]);
    EXPECT_TRUE(package["sources"][i].contains("publisher"));
    EXPECT_TRUE(package["sources"][i].contains("published"));
    EXPECT_FALSE(package["sources"][i].value("license", "").empty());
  }
  // Keys and constraints are declared where the schema has them.
  std::map<std::string, Json> by_name;
  for (const Json& resource : package["resources"]) by_name[resource["name"]] = resource;
  EXPECT_EQ(by_name["v_policy_framework_part"]["schema"]["primaryKey"], "framework_part_id");
  EXPECT_EQ(by_name["v_meeting_series"]["schema"]["primaryKey"], "series");
  EXPECT_EQ(by_name["v_record_kind"]["schema"]["primaryKey"], "kind");
  Json citation_keys = by_name["v_citation"]["schema"]["foreignKeys"];
  EXPECT_NE(citation_keys.dump().find("\"v_record_kind\""), std::string::npos) << citation_keys;
  EXPECT_NE(citation_keys.dump().find("\"v_source\""), std::string::npos) << citation_keys;
  // Rows name related records by id: the parent link leads to both organisations.
  Json parent_keys = by_name["v_organisation_parent"]["schema"]["foreignKeys"];
  EXPECT_EQ(parent_keys.size(), 2u) << parent_keys;
  for (const Json& fk : parent_keys) EXPECT_EQ(fk["reference"]["resource"], "v_organisation");

  // The validator finds what breaks the rules: a repeated key and a value outside its enum.
  std::ofstream(dir_ / "v_meeting_series.csv", std::ios::app) << "\"SOM\",\"again\"\r\n";
  std::ofstream(dir_ / "v_claim.csv", std::ios::app)
      << "999,\"agreement\",1,,\"x\",\"y\",\"z\",7,\"r\"\r\n";
  Validation broken = validate(package, dir_);
  std::string all;
  for (const std::string& v : broken.violations) all += v + "\n";
  EXPECT_NE(all.find("primary key SOM repeats"), std::string::npos) << all;
  EXPECT_NE(all.find("'7' is not in [0,1]"), std::string::npos) << all;
}

// The rows of the exported resource `name`, from the CSV files or from the JSON dump, each as
// column -> text ("" for NULL).
using Record = std::map<std::string, std::string>;

std::vector<Record> csv_records(const std::filesystem::path& directory, const std::string& name) {
  Table table = parse_csv(read(directory / (name + ".csv")));
  std::vector<Record> out;
  for (const auto& r : table.records) {
    Record record;
    for (std::size_t i = 0; i < table.header.size() && i < r.size(); ++i)
      record[table.header[i]] = r[i];
    out.push_back(std::move(record));
  }
  return out;
}

std::vector<Record> json_records(const Json& dump, const std::string& name) {
  std::vector<Record> out;
  if (!dump["views"].contains(name)) return out;
  for (const Json& row : dump["views"][name]["rows"]) {
    Record record;
    for (const auto& [column, value] : row.items())
      record[column] = value.is_null() ? "" : as_text(value);
    out.push_back(std::move(record));
  }
  return out;
}

// The code points [start, end) of UTF-8 `text`, white space folded as the knowledge base
// compares quotations: every run of spaces (ASCII, no-break and the other Unicode spaces) one
// ASCII space, the ends trimmed.
std::string folded_span(const std::string& text, std::int64_t start, std::int64_t end) {
  std::string out;
  bool pending_space = false;
  std::int64_t index = 0;
  for (std::size_t i = 0; i < text.size() && index < end; ++index) {
    std::size_t length = 1;
    unsigned char lead = static_cast<unsigned char>(text[i]);
    if (lead >= 0xF0)
      length = 4;
    else if (lead >= 0xE0)
      length = 3;
    else if (lead >= 0xC0)
      length = 2;
    std::string character = text.substr(i, length);
    i += length;
    if (index < start) continue;
    static const std::set<std::string> kSpaces = {
        " ",      "\t",     "\n",     "\r",     "\v",     "\f",     "\u00a0", "\u1680", "\u2000",
        "\u2001", "\u2002", "\u2003", "\u2004", "\u2005", "\u2006", "\u2007", "\u2008", "\u2009",
        "\u200a", "\u200b", "\u2028", "\u2029", "\u202f", "\u205f", "\u3000", "\ufeff"};
    if (kSpaces.count(character)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out += character;
  }
  return out;
}

// True when the passage at a citation's offsets is its quotation: the folded passage begins
// with the quotation's first part, ends with its last, and holds the parts (separated by
// " \u2026 " in a quotation that leaves words out) in order.
bool passage_is_quote(const std::string& text, const std::string& start, const std::string& end,
                      const std::string& quote) {
  std::string passage = folded_span(text, std::stoll(start), std::stoll(end));
  std::string folded_quote = folded_span(quote, 0, static_cast<std::int64_t>(quote.size()));
  std::vector<std::string> parts;
  const std::string ellipsis = " \u2026 ";
  for (std::size_t at = 0;;) {
    std::size_t found = folded_quote.find(ellipsis, at);
    parts.push_back(folded_quote.substr(at, found - at));
    if (found == std::string::npos) break;
    at = found + ellipsis.size();
  }
  if (!passage.starts_with(parts.front()) || !passage.ends_with(parts.back())) return false;
  std::size_t at = 0;
  for (const std::string& part : parts) {
    std::size_t found = passage.find(part, at);
    if (found == std::string::npos) return false;
    at = found + part.size();
  }
  return true;
}

struct Walk {
  std::size_t citations = 0;
  std::size_t dangling = 0;
  std::size_t kinds = 0;
  std::size_t records = 0;
  std::vector<std::string> problems;
};

// Follows every citation of an export to its subject (through v_record_kind.exported_as) and
// its source (v_source, whose text holds the quotation at the citation's offsets); and finds every
// row of every record kind of the database in the resource that exports it.
Walk walk(const std::function<std::vector<Record>(const std::string&)>& resource,
          const std::function<std::vector<std::vector<std::string>>(const std::string&)>& sql) {
  Walk w;
  std::map<std::string, std::map<std::string, Record>> by_id;        // resource -> id -> row
  std::map<std::string, std::pair<std::string, std::string>> kinds;  // kind -> (resource, id)
  for (const Record& kind : resource("v_record_kind")) {
    kinds[kind.at("kind")] = {kind.at("exported_as"), kind.at("id_column")};
    auto& ids = by_id[kind.at("exported_as")];
    for (const Record& row : resource(kind.at("exported_as")))
      if (row.count(kind.at("id_column"))) ids[row.at(kind.at("id_column"))] = row;
  }
  std::map<std::string, Record> sources;
  for (const Record& s : resource("v_source")) sources[s.at("source_id")] = s;
  for (const Record& c : resource("v_citation")) {
    ++w.citations;
    std::string what = "citation " + c.at("citation_id");
    auto kind = kinds.find(c.at("subject_type"));
    bool found = kind != kinds.end() && by_id[kind->second.first].count(c.at("subject_id"));
    if (found && !c.at("subject_key").empty()) {
      const Record& subject = by_id[kind->second.first][c.at("subject_id")];
      auto key = subject.find("key");
      if (key != subject.end() && key->second != c.at("subject_key"))
        w.problems.push_back(what + ": subject_key " + c.at("subject_key") + " is not the key " +
                             key->second + " of its subject");
    }
    auto source = sources.find(c.at("source_id"));
    if (source == sources.end() || source->second.at("key") != c.at("source_key") ||
        !passage_is_quote(source->second.at("text"), c.at("start_offset"), c.at("end_offset"),
                          c.at("quote")))
      found = false;
    if (!found) {
      ++w.dangling;
      w.problems.push_back(what + " (" + c.at("subject_type") + " " + c.at("subject_id") +
                           ", source " + c.at("source_id") + ") leads nowhere");
    }
  }
  for (const auto& [kind, exported] : kinds) {
    ++w.kinds;
    std::set<std::string> in_database;
    for (const auto& row : sql("SELECT \"" + exported.second + "\" FROM \"" + kind + "\""))
      in_database.insert(row[0]);
    std::set<std::string> in_export;
    for (const auto& [id, row] : by_id[exported.first]) in_export.insert(id);
    w.records += in_database.size();
    if (in_database != in_export)
      w.problems.push_back(kind + ": " + std::to_string(in_database.size()) + " rows, " +
                           std::to_string(in_export.size()) + " in " + exported.first);
  }
  return w;
}

TEST_F(ExportCatalogue, EveryCitationOfTheCsvAndJsonExportsLeadsToItsSubjectAndSource) {
  cli::export_csv(*kb_, dir_);
  std::ostringstream json_text;
  cli::export_json(*kb_, json_text);
  Json dump = Json::parse(json_text.str());
  auto record_kinds = rows("SELECT count(*) FROM record_kind")[0][0];
  auto citations = rows("SELECT count(*) FROM citation")[0][0];
  for (const char* format : {"CSV", "JSON"}) {
    SCOPED_TRACE(format);
    Walk w = std::string(format) == "CSV"
                 ? walk([&](const std::string& name) { return csv_records(dir_, name); }, rows)
                 : walk([&](const std::string& name) { return json_records(dump, name); }, rows);
    for (const std::string& p : w.problems) ADD_FAILURE() << p;
    std::cout << format << ": " << w.citations << " citations walked, " << w.dangling
              << " dangling; " << w.kinds << " record kinds, " << w.records << " records, "
              << (w.problems.empty() ? "all exported" : "NOT all exported") << "\n";
    EXPECT_EQ(std::to_string(w.citations), citations);
    EXPECT_EQ(std::to_string(w.kinds), record_kinds);
    EXPECT_EQ(w.dangling, 0u);
  }
  // The parts of a framework have ids now: their citations lead somewhere.
  EXPECT_NE(rows("SELECT count(*) FROM citation WHERE subject_type = 'framework_part'")[0][0], "0");
  // Every alias is exported, with its person's key.
  auto aliases = csv_records(dir_, "v_person_alias");
  EXPECT_EQ(std::to_string(aliases.size()), rows("SELECT count(*) FROM person_alias")[0][0]);
  for (const Record& a : aliases) EXPECT_FALSE(a.at("person_key").empty()) << a.at("alias");
}

TEST_F(ExportCatalogue, DatasetteMetadataDescribesEveryTableViewAndColumn) {
  std::ostringstream out;
  cli::export_datasette(*kb_, "euiomkb", out);
  Json metadata = Json::parse(out.str());
  for (const char* key : {"title", "description", "license", "source"})
    EXPECT_FALSE(metadata.value(key, "").empty()) << key;
  const Json& tables = metadata["databases"]["euiomkb"]["tables"];
  auto objects = rows(
      "SELECT s.name FROM sqlite_schema s JOIN pragma_table_list l ON l.schema = 'main' "
      "AND l.name = s.name WHERE s.type IN ('table', 'view') AND s.name NOT GLOB 'sqlite_*' "
      "AND l.type <> 'shadow'");
  std::size_t columns = 0;
  for (const auto& object : objects) {
    const std::string& name = object[0];
    ASSERT_TRUE(tables.contains(name)) << name;
    EXPECT_FALSE(tables[name].value("description", "").empty()) << name;
    for (const auto& column : rows("SELECT name FROM pragma_table_info('" + name + "')")) {
      ++columns;
      EXPECT_FALSE(tables[name]["columns"].value(column[0], "").empty())
          << name << "." << column[0];
    }
  }
  EXPECT_EQ(tables.size(), objects.size()) << "no table the database does not have";
  EXPECT_NE(tables["source"]["description"].get<std::string>().find("copyright"),
            std::string::npos);
  std::cout << "metadata.json: " << objects.size() << " tables and views, " << columns
            << " columns, each described\n";
}

}  // namespace
}  // namespace euiomkb
