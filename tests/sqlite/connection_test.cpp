// The connection's statement cache (lib/sqlite/connection.hpp): statements are prepared once
// and reused, and nested loops over one query do not disturb each other.
#include "sqlite/connection.hpp"

#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>

#include <cstdint>
#include <string_view>
#include <vector>

namespace euiomkb {
namespace {

TEST(Connection, NestedLoopsOverOneQueryDoNotDisturbEachOther) {
  detail::Connection connection(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  connection.exec("CREATE TABLE n (v INTEGER); INSERT INTO n VALUES (1), (2), (3);");
  constexpr std::string_view kAll = "SELECT v FROM n ORDER BY v";
  std::vector<int> pairs;
  auto& outer = connection.prepare(kAll);
  while (outer.executeStep()) {
    auto& inner = connection.prepare(kAll);
    EXPECT_NE(&inner, &outer);
    while (inner.executeStep())
      pairs.push_back(outer.getColumn(0).getInt() * 10 + inner.getColumn(0).getInt());
  }
  EXPECT_EQ(pairs, (std::vector<int>{11, 12, 13, 21, 22, 23, 31, 32, 33}));
  std::int64_t prepared = connection.statements_prepared();
  for (int i = 0; i < 5; ++i) {
    auto& again = connection.prepare(kAll);
    while (again.executeStep()) {
    }
  }
  EXPECT_EQ(connection.statements_prepared(), prepared);  // reused, not prepared again
}

}  // namespace
}  // namespace euiomkb
