// Exports read back: the CSV files (through datapackage.json) and the JSON dump, loaded into a
// fresh SQLite database, give the same rows as the views they came from; datapackage.json
// describes the files as they are (fields, types, primary and foreign keys). Popolo, JSON-LD
// and the annotations: export_linked_test.cpp.
#include "export.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "euiomkb/euiomkb.hpp"
#include "seeded_suite.hpp"

namespace euiomkb {
namespace {

using Json = nlohmann::json;
using Rows = std::vector<std::vector<SqlValue>>;

class Export : public test::SeededSuite {
 protected:
  void SetUp() override { dir_ = scratch_dir("euiomkb_export"); }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  static Rows view_rows(const std::string& view) {
    Rows rows;
    kb_->run_sql(
        "SELECT * FROM \"" + view + "\"", {}, [](const auto&) {},
        [&](const std::vector<SqlValue>& row) { rows.push_back(row); });
    return rows;
  }
  static std::vector<std::string> views() {
    std::vector<std::string> names;
    kb_->run_sql(
        "SELECT name FROM sqlite_schema WHERE type = 'view' AND name GLOB 'v_*'", {},
        [](const auto&) {},
        [&](const std::vector<SqlValue>& row) { names.push_back(std::get<std::string>(row[0])); });
    return names;
  }

  std::filesystem::path dir_;
};

// Creates `table` with `columns` in `db`, inserts `rows`, and reads them back.
Rows load(SQLite::Database& db, const std::string& table, const std::vector<std::string>& columns,
          const Rows& rows) {
  std::string create = "CREATE TABLE \"" + table + "\" (";
  std::string insert = "INSERT INTO \"" + table + "\" VALUES (";
  for (std::size_t i = 0; i < columns.size(); ++i) {
    create += (i ? ", \"" : "\"") + columns[i] + "\"";
    insert += i ? ", ?" : "?";
  }
  db.exec(create + ")");
  SQLite::Statement statement(db, insert + ")");
  for (const auto& row : rows) {
    statement.reset();
    for (std::size_t i = 0; i < row.size(); ++i) {
      int index = static_cast<int>(i + 1);
      if (auto* n = std::get_if<std::int64_t>(&row[i]))
        statement.bind(index, *n);
      else if (auto* d = std::get_if<double>(&row[i]))
        statement.bind(index, *d);
      else if (auto* s = std::get_if<std::string>(&row[i]))
        statement.bind(index, *s);
      else
        statement.bind(index);
    }
    statement.exec();
  }
  Rows back;
  SQLite::Statement select(db, "SELECT * FROM \"" + table + "\"");
  while (select.executeStep()) {
    std::vector<SqlValue> row;
    for (int i = 0; i < select.getColumnCount(); ++i) {
      auto column = select.getColumn(i);
      if (column.isNull())
        row.emplace_back(std::monostate{});
      else if (column.isInteger())
        row.emplace_back(column.getInt64());
      else if (column.isFloat())
        row.emplace_back(column.getDouble());
      else
        row.emplace_back(column.getString());
    }
    back.push_back(std::move(row));
  }
  return back;
}

// RFC 4180 records; a quoted field is text (even empty), an unquoted empty field NULL, any
// other unquoted field a number.
std::vector<std::vector<SqlValue>> parse_csv(const std::string& text) {
  std::vector<std::vector<SqlValue>> records(1);
  std::string field;
  bool quoted = false, in_quotes = false;
  auto end_field = [&] {
    if (quoted)
      records.back().emplace_back(field);
    else if (field.empty())
      records.back().emplace_back(std::monostate{});
    else if (field.find_first_not_of("-0123456789") == std::string::npos)
      records.back().emplace_back(std::stoll(field));
    else if (char* end = nullptr; std::strtod(field.c_str(), &end), *end == '\0')
      records.back().emplace_back(std::stod(field));
    else
      records.back().emplace_back(field);  // a header name
    field.clear();
    quoted = false;
  };
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
      in_quotes = quoted = true;
    } else if (c == ',') {
      end_field();
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      end_field();
      records.emplace_back();
      ++i;
    } else {
      field += c;
    }
  }
  records.pop_back();  // after the last line break
  return records;
}

std::string read(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST_F(Export, CsvReadBackGivesTheSameRowsAndDatapackageDescribesTheFiles) {
  cli::export_csv(*kb_, dir_);
  Json package = Json::parse(read(dir_ / "datapackage.json"));
  ASSERT_EQ(package["resources"].size(), views().size());
  SQLite::Database fresh(":memory:", SQLite::OPEN_READWRITE);
  for (const Json& resource : package["resources"]) {
    std::string view = resource["name"];
    SCOPED_TRACE(view);
    auto records = parse_csv(read(dir_ / resource["path"].get<std::string>()));
    ASSERT_FALSE(records.empty());
    std::vector<std::string> header;
    for (const auto& name : records.front()) header.push_back(std::get<std::string>(name));
    const Json& fields = resource["schema"]["fields"];
    ASSERT_EQ(fields.size(), header.size());
    for (std::size_t i = 0; i < header.size(); ++i) {
      EXPECT_EQ(fields[i]["name"], header[i]);
      std::string type = fields[i]["type"];
      for (std::size_t r = 1; r < records.size(); ++r) {
        const SqlValue& v = records[r][i];
        if (type == "integer") {
          EXPECT_TRUE(std::holds_alternative<std::int64_t>(v) ||
                      std::holds_alternative<std::monostate>(v));
        }
        if (type == "number") {
          EXPECT_FALSE(std::holds_alternative<std::string>(v));
        }
      }
    }
    Rows rows(records.begin() + 1, records.end());
    EXPECT_EQ(load(fresh, view, header, rows), view_rows(view));
  }
  // Keys hold in the files as loaded: primary keys unique, foreign keys resolve.
  int foreign_keys = 0;
  for (const Json& resource : package["resources"]) {
    std::string view = resource["name"];
    const Json& schema = resource["schema"];
    if (schema.contains("primaryKey")) {
      std::string pk = schema["primaryKey"];
      EXPECT_EQ(
          fresh.execAndGet("SELECT count(*) - count(DISTINCT \"" + pk + "\") FROM \"" + view + "\"")
              .getInt(),
          0)
          << view;
    }
    if (!schema.contains("foreignKeys")) continue;
    for (const Json& fk : schema["foreignKeys"]) {
      ++foreign_keys;
      std::string column = fk["fields"], other = fk["reference"]["resource"];
      EXPECT_EQ(fresh
                    .execAndGet("SELECT count(*) FROM \"" + view + "\" WHERE \"" + column +
                                "\" IS NOT NULL AND \"" + column + "\" NOT IN (SELECT \"" +
                                fk["reference"]["fields"].get<std::string>() + "\" FROM \"" +
                                other + "\")")
                    .getInt(),
                0)
          << view << "." << column << " -> " << other;
    }
  }
  EXPECT_GT(foreign_keys, 5) << "meeting_id, source_id, agreement_id ... refer across files";
}

TEST_F(Export, JsonReadBackGivesTheSameRows) {
  std::ostringstream out;
  cli::export_json(*kb_, out);
  Json dump = Json::parse(out.str());
  EXPECT_EQ(dump["schema_version"], kb_->schema_version());
  ASSERT_EQ(dump["views"].size(), views().size());
  SQLite::Database fresh(":memory:", SQLite::OPEN_READWRITE);
  for (const auto& [view, content] : dump["views"].items()) {
    SCOPED_TRACE(view);
    std::vector<std::string> columns = content["columns"];
    Rows rows;
    for (const Json& object : content["rows"]) {
      std::vector<SqlValue> row;
      for (const std::string& column : columns) {
        const Json& v = object.at(column);
        if (v.is_null())
          row.emplace_back(std::monostate{});
        else if (v.is_number_integer())
          row.emplace_back(v.get<std::int64_t>());
        else if (v.is_number())
          row.emplace_back(v.get<double>());
        else
          row.emplace_back(v.get<std::string>());
      }
      rows.push_back(std::move(row));
    }
    EXPECT_EQ(load(fresh, view, columns, rows), view_rows(view));
  }
}

}  // namespace
}  // namespace euiomkb
