// The record-kind table (lib/kinds/): the kinds the schema lists are exactly those the loader
// knows, each a table with its id column, and a citation names a known kind.
#include "kinds/record_kinds.hpp"

#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <tuple>
#include <vector>

#include "euiomkb/euiomkb.hpp"
#include "test_support.hpp"

namespace euiomkb {
namespace {

using test::TempPath;

TEST(RecordKinds, TheSchemaListsExactlyTheKindsTheLoaderKnows) {
  TempPath path;
  KnowledgeBase::create_empty(path.str());
  SQLite::Database raw(path.str());
  SQLite::Statement s(raw, "SELECT kind, id_column, cited FROM record_kind ORDER BY kind");
  std::vector<std::tuple<std::string, std::string, bool>> in_schema, in_code;
  while (s.executeStep())
    in_schema.emplace_back(s.getColumn(0).getString(), s.getColumn(1).getString(),
                           s.getColumn(2).getInt() == 1);
  for (const auto& kind : detail::record_kinds())
    in_code.emplace_back(std::string(kind.kind), std::string(kind.id_column), kind.cited);
  std::sort(in_code.begin(), in_code.end());
  EXPECT_EQ(in_schema, in_code);
  // Each kind is a table with that id column.
  for (const auto& [kind, id_column, cited] : in_code) {
    EXPECT_NO_THROW(raw.exec("SELECT " + id_column + " FROM " + kind + " LIMIT 0")) << kind;
  }
  // A citation must name a known kind.
  EXPECT_THROW(raw.exec("PRAGMA foreign_keys = ON;"
                        "INSERT INTO source (source_id, file_name, title, language, sha256, text) "
                        "VALUES (1, 'a', 'A', 'en', '" +
                        std::string(64, '0') +
                        "', 'x');"
                        "INSERT INTO citation (subject_type, subject_id, source_id, quote, "
                        "start_offset, end_offset) VALUES ('gossip', 1, 1, 'x', 0, 1)"),
               SQLite::Exception);
}

}  // namespace
}  // namespace euiomkb
