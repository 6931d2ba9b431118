// The independent audit (seed/audit/, format in seed/audit/README.md): every fact a reader listed
// from a document maps to a row of the seeded database, the row is cited from that document, and
// the listed quotation is in the document.
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "euiomkb/euiomkb.hpp"
#include "seeded_suite.hpp"
#include "test_support.hpp"
#include "text/text.hpp"

namespace euiomkb {
namespace {

using test::TempPath;

struct Condition {
  std::string column;
  bool contains;  // `~`: the column contains the value; `=`: equals it
  std::string value;
};

struct AuditLine {
  std::string file;
  int line;
  std::string relation;  // a view or table
  std::vector<Condition> conditions;
  std::string quote;
};

std::string trim(const std::string& s) {
  std::size_t b = s.find_first_not_of(' ');
  std::size_t e = s.find_last_not_of(' ');
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

// Parses one audit file; a malformed line fails the test (and is skipped).
std::vector<AuditLine> parse(const std::filesystem::path& path) {
  std::vector<AuditLine> out;
  std::istringstream in(test::read_file(path.string()));
  std::string text;
  int number = 0;
  while (std::getline(in, text)) {
    ++number;
    if (trim(text).empty() || trim(text)[0] == '#') continue;
    std::size_t bar1 = text.find(" | ");
    std::size_t bar2 = bar1 == std::string::npos ? bar1 : text.find(" | ", bar1 + 3);
    if (bar2 == std::string::npos) {
      ADD_FAILURE() << path.filename() << ":" << number << ": expected 'relation | conditions | "
                    << "quotation'";
      continue;
    }
    AuditLine line{
        path.stem().string(), number, trim(text.substr(0, bar1)), {}, trim(text.substr(bar2 + 3))};
    std::string conditions = text.substr(bar1 + 3, bar2 - bar1 - 3);
    std::size_t at = 0;
    while (at <= conditions.size()) {
      std::size_t end = conditions.find("; ", at);
      if (end == std::string::npos) end = conditions.size();
      std::string part = trim(conditions.substr(at, end - at));
      std::size_t op = part.find_first_of("=~");
      if (op == std::string::npos || op == 0) {
        ADD_FAILURE() << path.filename() << ":" << number << ": bad condition '" << part << "'";
      } else {
        line.conditions.push_back(
            {trim(part.substr(0, op)), part[op] == '~', trim(part.substr(op + 1))});
      }
      at = end + 2;
    }
    out.push_back(std::move(line));
  }
  return out;
}

class Audit : public test::SeededFileSuite {
 protected:
  // The columns of a view or table, empty when there is none by that name.
  static std::vector<std::string> columns_of(const std::string& relation) {
    std::vector<std::string> out;
    SQLite::Statement s(db(), "SELECT name FROM pragma_table_info(?)");
    s.bind(1, relation);
    while (s.executeStep()) out.push_back(s.getColumn(0).getString());
    return out;
  }

  // The record kind and id column behind a view or table, where there is one.
  static std::optional<std::pair<std::string, std::string>> record_of(const std::string& relation) {
    static const std::map<std::string, std::pair<std::string, std::string>> kViews = {
        {"v_attendance", {"attendance", "attendance_id"}},
        {"v_meeting", {"meeting", "meeting_id"}},
        {"v_meeting_topic", {"topic", "topic_id"}},
        {"v_meeting_organisation", {"meeting_organisation", "meeting_organisation_id"}},
        {"v_organisation", {"organisation", "organisation_id"}},
        {"v_post_holder", {"tenure", "tenure_id"}},
        {"v_agreement", {"agreement", "agreement_id"}},
        {"v_agreement_party", {"agreement_party", "agreement_party_id"}},
        {"v_agreement_signatory", {"agreement_signatory", "agreement_signatory_id"}},
        {"v_agreement_date", {"agreement_date", "agreement_date_id"}},
        {"v_agreement_name", {"agreement_name", "agreement_name_id"}},
        {"v_agreement_relation", {"agreement_relation", "agreement_relation_id"}},
        {"v_meeting_date", {"meeting_date", "meeting_date_id"}},
        {"v_series_fact", {"series_fact", "series_fact_id"}},
        {"v_statement", {"statement", "statement_id"}},
        {"v_contact", {"contact", "contact_id"}},
        {"v_publication", {"publication", "publication_id"}},
        {"v_funding", {"funding", "funding_id"}},
        {"v_organisation_name", {"organisation_name", "organisation_name_id"}},
        {"v_organisation_parent", {"organisation_parent", "organisation_parent_id"}},
        {"v_organisation_event", {"organisation_event", "organisation_event_id"}},
        {"v_claim_conflict", {"claim", "claim_id"}},
    };
    auto found = kViews.find(relation);
    if (found != kViews.end()) return found->second;
    SQLite::Statement s(db(), "SELECT id_column FROM record_kind WHERE kind = ? AND cited = 1");
    s.bind(1, relation);
    if (s.executeStep()) return std::pair{relation, s.getColumn(0).getString()};
    return std::nullopt;
  }
};

std::string sql_name(const std::string& identifier) { return "\"" + identifier + "\""; }

TEST_F(Audit, EveryListedFactMapsToARowCitedFromItsDocument) {
  std::filesystem::path dir = std::filesystem::path(EUIOMKB_SOURCE_DIR) / "seed" / "audit";
  int files = 0, facts = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".audit") continue;
    ++files;
    std::string key = entry.path().stem().string();
    SQLite::Statement source(db(),
                             "SELECT s.source_id, s.text FROM record_key k JOIN source s ON "
                             "s.source_id = k.row_id WHERE k.kind = 'source' AND k.key = ?");
    source.bind(1, key);
    ASSERT_TRUE(source.executeStep()) << entry.path().filename() << ": no source '" << key << "'";
    std::int64_t source_id = source.getColumn(0).getInt64();
    detail::FoldedText text = detail::fold_whitespace(source.getColumn(1).getString());

    for (const AuditLine& line : parse(entry.path())) {
      ++facts;
      std::string where = line.file + ".audit:" + std::to_string(line.line);
      EXPECT_TRUE(detail::locate_quote(text, line.quote).has_value())
          << where << ": quotation not in the document: " << line.quote;
      std::vector<std::string> columns = columns_of(line.relation);
      if (columns.empty()) {
        ADD_FAILURE() << where << ": no view or table '" << line.relation << "'";
        continue;
      }
      // Identifiers are checked against the relation's own columns before they are quoted.
      std::string sql = " FROM " + sql_name(line.relation) + " WHERE 1";
      bool bad = false;
      for (const Condition& c : line.conditions) {
        if (std::find(columns.begin(), columns.end(), c.column) == columns.end()) {
          ADD_FAILURE() << where << ": '" << line.relation << "' has no column " << c.column;
          bad = true;
        }
        sql += c.contains ? " AND instr(" + sql_name(c.column) + ", ?) > 0"
                          : " AND " + sql_name(c.column) + " = ?";
      }
      if (bad) continue;
      auto record = record_of(line.relation);
      if (record) {
        sql =
            "SELECT count(*), coalesce(sum(EXISTS (SELECT 1 FROM citation c WHERE "
            "c.subject_type = ? AND c.subject_id = x." +
            sql_name(record->second) + " AND c.source_id = ?)), 0) FROM (SELECT *" + sql + ") x";
      } else {
        sql = "SELECT count(*), count(*)" + sql;
      }
      SQLite::Statement query(db(), sql);
      int parameter = 1;
      if (record) {
        query.bind(parameter++, record->first);
        query.bind(parameter++, source_id);
      }
      for (const Condition& c : line.conditions) query.bind(parameter++, c.value);
      query.executeStep();
      EXPECT_GT(query.getColumn(0).getInt64(), 0)
          << where << ": no row of " << line.relation << " matches (" << line.quote << ")";
      if (query.getColumn(0).getInt64() > 0) {
        EXPECT_GT(query.getColumn(1).getInt64(), 0)
            << where << ": the matching row of " << line.relation << " is not cited from " << key;
      }
    }
  }
  EXPECT_EQ(files, 5) << "one audit file per document";
  EXPECT_GT(facts, 100);
}

}  // namespace
}  // namespace euiomkb
