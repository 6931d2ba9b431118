// The one query idiom (lib/sqlite/query.hpp): every helper resets its statement and gives it
// back to the connection's cache when it returns, also when binding, stepping or the caller's
// code throws, so the next use takes the same statement instead of preparing another.
#include "sqlite/query.hpp"

#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace euiomkb {
namespace {

class QueryTest : public testing::Test {
 protected:
  QueryTest() {
    connection_.exec("CREATE TABLE n (v INTEGER); INSERT INTO n VALUES (1), (2), (3);");
  }
  detail::Connection connection_{":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE};
};

constexpr std::string_view kAll = "SELECT v FROM n ORDER BY v";
constexpr std::string_view kAbove = "SELECT v FROM n WHERE v > ? ORDER BY v";
constexpr std::string_view kInsert = "INSERT INTO n (v) VALUES (?)";
constexpr std::string_view kDelete = "DELETE FROM n WHERE v > ?";

int value(detail::Statement& s) { return s.getColumn(0).getInt(); }

TEST_F(QueryTest, TheHelpersReadAndWrite) {
  auto bind_one = [](detail::Statement& s) { s.bind(1, 1); };
  EXPECT_EQ(detail::collect(connection_, kAbove, bind_one, value), (std::vector<int>{2, 3}));
  EXPECT_EQ(detail::first_row(connection_, kAbove, bind_one, value), 2);
  EXPECT_EQ(detail::first_row(
                connection_, kAbove, [](detail::Statement& s) { s.bind(1, 3); }, value),
            std::nullopt);
  EXPECT_EQ(detail::execute(connection_, kInsert, [](detail::Statement& s) { s.bind(1, 4); }), 1);
  EXPECT_EQ(detail::execute(connection_, kDelete, bind_one), 3) << "the rows it changed";
  EXPECT_EQ(detail::collect(connection_, kAll, detail::kNoBinding, value), (std::vector<int>{1}));
}

// A loop left by an exception from the caller's code: the statement is reset (no longer
// mid-loop, so it holds no read transaction) and the next use takes it again.
TEST_F(QueryTest, AStatementLeftByAnExceptionIsResetAndReused) {
  detail::Statement* used = nullptr;
  EXPECT_THROW(detail::stream(
                   connection_, kAll, detail::kNoBinding,
                   [&](detail::Statement& s) {
                     used = &s;
                     return value(s);
                   },
                   [](int v) {
                     if (v == 2) throw std::runtime_error("stop");
                   }),
               std::runtime_error);
  ASSERT_NE(used, nullptr);
  EXPECT_EQ(sqlite3_stmt_busy(used->handle()), 0) << "still mid-loop";
  std::int64_t prepared = connection_.statements_prepared();
  EXPECT_EQ(detail::collect(connection_, kAll, detail::kNoBinding, value),
            (std::vector<int>{1, 2, 3}))
      << "from the first row again";
  EXPECT_EQ(connection_.statements_prepared(), prepared) << "a second statement was prepared";
}

// Binding that fails before the first step (as the import's checks do on a refused record)
// gives the statement back too: it is not taken for one still being bound.
TEST_F(QueryTest, AStatementWhoseBindingThrewIsGivenBack) {
  auto refuse = [](detail::Statement& s) {
    s.bind(1, 10);
    throw std::runtime_error("refused");
  };
  EXPECT_THROW(detail::execute(connection_, kInsert, refuse), std::runtime_error);
  std::int64_t prepared = connection_.statements_prepared();
  for (std::size_t i = 0; i < detail::Connection::kMaxNested + 1; ++i)
    EXPECT_THROW(detail::execute(connection_, kInsert, refuse), std::runtime_error);
  EXPECT_EQ(connection_.statements_prepared(), prepared);
  // Nothing was inserted, and the binding is gone: an unbound parameter is NULL.
  EXPECT_EQ(detail::execute(connection_, kInsert, detail::kNoBinding), 1);
  EXPECT_EQ(detail::collect(connection_, "SELECT quote(v) FROM n ORDER BY v", detail::kNoBinding,
                            [](detail::Statement& s) { return s.getColumn(0).getString(); }),
            (std::vector<std::string>{"NULL", "1", "2", "3"}));
}

// bind_text binds the caller's bytes without copying them (and only the view's length); giving
// the statement back clears the binding, so the statement keeps no pointer to them and the next
// user reads NULL where it binds nothing.
TEST_F(QueryTest, TextBoundWithoutACopyIsClearedWhenGivenBack) {
  constexpr std::string_view kEcho = "SELECT :text, typeof(:text)";
  auto read = [](detail::Statement& s) {
    return s.getColumn(0).getString() + "/" + s.getColumn(1).getString();
  };
  detail::Statement* used = nullptr;
  {
    std::string owned = "a value the caller owns";
    auto got = detail::first_row(
        connection_, kEcho,
        [&](detail::Statement& s) {
          used = &s;
          s.bind_text(":text", std::string_view(owned).substr(2, 5));
        },
        read);
    EXPECT_EQ(got, "value/text");
  }
  ASSERT_NE(used, nullptr);
  char* expanded = sqlite3_expanded_sql(used->handle());
  ASSERT_NE(expanded, nullptr);
  EXPECT_STREQ(expanded, "SELECT NULL, typeof(NULL)");
  sqlite3_free(expanded);
  EXPECT_EQ(detail::first_row(connection_, kEcho, detail::kNoBinding, read), "/null");
  EXPECT_EQ(detail::first_row(
                connection_, kEcho,
                [](detail::Statement& s) { s.bind_text(":text", std::string_view()); }, read),
            "/text")
      << "an empty view binds the empty text, not NULL";
}

}  // namespace
}  // namespace euiomkb
