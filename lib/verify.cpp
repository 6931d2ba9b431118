#include "verify.hpp"

#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>

#include "record_kinds.hpp"
#include "text.hpp"

namespace euiomkb::detail {
namespace {

// The per-kind checks are written from the record-kind table (lib/record_kinds.cpp), once.
// Kind, table and column names come from that table, never from input.

// Citations whose subject row does not exist.
const std::string& dangling_sql() {
  static const std::string sql = [] {
    std::string cases;
    for (const KindSpec& k : record_kinds()) {
      cases += "    WHEN '" + std::string(k.kind) + "' THEN EXISTS (SELECT 1 FROM " +
               std::string(k.kind) + " WHERE " + std::string(k.id_column) + " = c.subject_id)\n";
    }
    return "SELECT c.citation_id, c.subject_type, c.subject_id FROM citation c\n"
           " WHERE NOT CASE c.subject_type\n" +
           cases + "    ELSE 0 END";
  }();
  return sql;
}

// Rows of cited kinds without a citation (general-knowledge rows excepted).
const std::string& uncited_sql() {
  static const std::string sql = [] {
    std::string out;
    for (const KindSpec& k : record_kinds()) {
      if (!k.cited) continue;
      std::string kind(k.kind), id(k.id_column);
      if (!out.empty()) out += "UNION ALL\n";
      out += "SELECT '" + kind + "', " + id + " FROM " + kind +
             " x WHERE NOT EXISTS (SELECT 1 FROM citation WHERE subject_type = '" + kind +
             "' AND subject_id = x." + id + ")";
      if (k.has_basis()) out += " AND basis <> 'general_knowledge'";
      out += "\n";
    }
    return out;
  }();
  return sql;
}

// How many rows of cited kinds there are.
const std::string& fact_rows_sql() {
  static const std::string sql = [] {
    std::string out;
    for (const KindSpec& k : record_kinds()) {
      if (!k.cited) continue;
      out += out.empty() ? "SELECT sum(n) FROM (\n" : "UNION ALL\n";
      out += "SELECT count(*) AS n FROM " + std::string(k.kind) + "\n";
    }
    return out + ")";
  }();
  return sql;
}

constexpr std::string_view kCitations = R"sql(
SELECT citation_id, subject_type, subject_id, source_id, quote, start_offset, end_offset
  FROM citation ORDER BY source_id, citation_id
)sql";

// Conflicting claims must have exactly one preferred value per subject and attribute.
constexpr std::string_view kClaimGroups = R"sql(
SELECT subject, attribute, sum(preferred) FROM claim
 GROUP BY subject_type, subject_id, attribute HAVING sum(preferred) <> 1
)sql";

constexpr std::string_view kSources = "SELECT source_id, file_name, text, sha256 FROM source";

// Runs `sql` and hands each result row to `row`.
template <class Row>
void for_each_row(Connection& connection, std::string_view sql, Row&& row) {
  auto& statement = connection.prepare(sql);
  while (statement.executeStep()) row(statement);
  statement.reset();
}

std::string column(SQLite::Statement& s, int index) { return s.getColumn(index).getString(); }

}  // namespace

VerificationReport verify_database(Connection& connection) {
  VerificationReport report;
  auto& problems = report.problems;
  auto problem = [&](std::string text) { problems.push_back(std::move(text)); };

  for_each_row(connection, "PRAGMA integrity_check", [&](auto& s) {
    if (column(s, 0) != "ok") problem("integrity_check: " + column(s, 0));
  });
  for_each_row(connection, "PRAGMA foreign_key_check", [&](auto& s) {
    problem("foreign_key_check: " + column(s, 0) + " row " + column(s, 1) +
            " refers to a missing " + column(s, 2));
  });

  // Each source is read once: its hash is checked, then its citations against its text.
  struct Source {
    std::string file_name;
    std::string text;
  };
  std::unordered_map<std::int64_t, Source> sources;
  for_each_row(connection, kSources, [&](auto& s) {
    Source source{column(s, 1), column(s, 2)};
    if (sha256_hex(source.text) != column(s, 3))
      problem("source " + source.file_name + ": SHA-256 mismatch");
    sources.emplace(s.getColumn(0).getInt64(), std::move(source));
  });
  for_each_row(connection, kCitations, [&](auto& s) {
    ++report.citations_checked;
    auto found = sources.find(s.getColumn(3).getInt64());
    if (found == sources.end()) return;  // reported by foreign_key_check
    const Source& source = found->second;
    std::string quote = column(s, 4);
    if (!span_matches_quote(source.text, s.getColumn(5).getInt64(), s.getColumn(6).getInt64(),
                            quote)) {
      problem("citation " + column(s, 0) + " (" + column(s, 1) + " " + column(s, 2) +
              "): quotation not found in " + source.file_name + " at its offsets: " + quote);
    }
  });

  for_each_row(connection, dangling_sql(), [&](auto& s) {
    problem("citation " + column(s, 0) + " cites a missing " + column(s, 1) + " " + column(s, 2));
  });
  for_each_row(connection, uncited_sql(),
               [&](auto& s) { problem(column(s, 0) + " " + column(s, 1) + " has no citation"); });
  for_each_row(connection, kClaimGroups, [&](auto& s) {
    problem("claim on " + column(s, 0) + " / " + column(s, 1) + " has " + column(s, 2) +
            " preferred values instead of one");
  });
  for_each_row(connection, fact_rows_sql(),
               [&](auto& s) { report.rows_checked = s.getColumn(0).getInt64(); });
  return report;
}

}  // namespace euiomkb::detail
