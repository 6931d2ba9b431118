// The connection's statement cache (lib/sqlite/connection.hpp): statements are prepared once
// and reused, and a statement in use is never reset or rebound behind its user's back.
#include "sqlite/connection.hpp"

#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "temp_path.hpp"

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

TEST(Connection, AStatementBoundButNotYetSteppedKeepsItsBindings) {
  detail::Connection connection(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  connection.exec("CREATE TABLE n (v INTEGER); INSERT INTO n VALUES (1), (2), (3);");
  constexpr std::string_view kAbove = "SELECT count(*) FROM n WHERE v > ?";
  auto& first = connection.prepare(kAbove);
  first.bind(1, 0);
  auto& second = connection.prepare(kAbove);  // before `first` has stepped
  EXPECT_NE(&second, &first);
  second.bind(1, 2);
  ASSERT_TRUE(first.executeStep());
  EXPECT_EQ(first.getColumn(0).getInt(), 3);  // its binding, not cleared by the second prepare
  ASSERT_TRUE(second.executeStep());
  EXPECT_EQ(second.getColumn(0).getInt(), 1);
  first.reset();
  second.reset();
  // Both reset after their run: free again, so reused rather than prepared anew.
  std::int64_t prepared = connection.statements_prepared();
  auto& again = connection.prepare(kAbove);
  EXPECT_TRUE(&again == &first || &again == &second);
  EXPECT_EQ(connection.statements_prepared(), prepared);
}

TEST(Connection, TooManyStatementsInUseThrowInsteadOfResettingOne) {
  detail::Connection connection(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  connection.exec("CREATE TABLE n (v INTEGER); INSERT INTO n VALUES (1), (2), (3);");
  constexpr std::string_view kAll = "SELECT v FROM n ORDER BY v";
  std::vector<detail::Statement*> open;
  for (std::size_t i = 0; i < detail::Connection::kMaxNested; ++i) {
    auto& s = connection.prepare(kAll);
    ASSERT_TRUE(s.executeStep());  // on its first row, and left there
    open.push_back(&s);
  }
  try {
    connection.prepare(kAll);
    ADD_FAILURE() << "a statement in use was handed out again";
  } catch (const std::logic_error& e) {
    EXPECT_NE(std::string(e.what()).find(kAll), std::string::npos) << e.what();
  }
  // Not one of them was reset: each goes on from its first row.
  for (detail::Statement* s : open) {
    ASSERT_TRUE(s->executeStep());
    EXPECT_EQ(s->getColumn(0).getInt(), 2);
  }
  // Finished, they are free again.
  for (detail::Statement* s : open) {
    while (s->executeStep()) {
    }
  }
  EXPECT_NO_THROW(connection.prepare(kAll));
}

// A reader's statements inside one ReadSnapshot see the file as it was when the snapshot's first
// read ran, whatever another connection commits meanwhile; after it, they see the commit.
TEST(Connection, AReadSnapshotHidesWhatAnotherConnectionCommitsUntilItEnds) {
  test::TempPath db;
  const int read_write = SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE;
  detail::Connection writer(db.str(), read_write);
  writer.exec("PRAGMA journal_mode = WAL; CREATE TABLE n (v INTEGER); INSERT INTO n VALUES (1);");
  detail::Connection reader(db.str(), SQLite::OPEN_READONLY);
  constexpr std::string_view kCount = "SELECT count(*) FROM n";
  auto count = [&] {
    auto& s = reader.prepare(kCount);
    s.executeStep();
    int n = s.getColumn(0).getInt();
    s.reset();
    return n;
  };
  {
    detail::ReadSnapshot snapshot(reader);
    EXPECT_EQ(count(), 1);
    writer.exec("INSERT INTO n VALUES (2)");
    EXPECT_EQ(count(), 1) << "a commit became visible inside the snapshot";
    {
      detail::ReadSnapshot inner(reader);  // already inside one: it begins nothing
      EXPECT_EQ(count(), 1);
    }
    EXPECT_EQ(count(), 1) << "an inner snapshot ended the outer one";
  }
  EXPECT_EQ(count(), 2) << "the snapshot did not end";
  EXPECT_EQ(count(), 2);
}

}  // namespace
}  // namespace euiomkb
