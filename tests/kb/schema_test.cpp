// Dates in the schema are real calendar dates (a named CHECK on each date column of
// schema/0018_baseline.sql), whoever writes them; every reference column leads an index.
#include <gtest/gtest.h>

#include <map>
#include <optional>
#include <regex>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "euiomkb/euiomkb.hpp"
#include "kb/embedded.hpp"
#include "seeded_suite.hpp"
#include "test_support.hpp"

namespace euiomkb {
namespace {

struct DateColumn {
  std::string table;
  std::string column;
  std::string name() const { return table + "." + column; }
};

// Every date column of the schema: the columns whose CHECK tests the date shape with GLOB
// (read from the CREATE TABLE text, so a new date column is covered without listing it here).
std::vector<DateColumn> date_columns(SQLite::Database& db) {
  static const std::regex kDateCheck("(\\w+) GLOB '\\[0-9\\]\\[0-9\\]\\[0-9\\]\\[0-9\\]'");
  std::vector<DateColumn> out;
  SQLite::Statement tables(db, "SELECT name, sql FROM sqlite_schema WHERE type = 'table'");
  while (tables.executeStep()) {
    std::string table = tables.getColumn(0).getString();
    std::string sql = tables.getColumn(1).getString();
    std::set<std::string> seen;
    for (std::sregex_iterator it(sql.begin(), sql.end(), kDateCheck), end; it != end; ++it)
      if (seen.insert((*it)[1]).second) out.push_back({table, (*it)[1]});
  }
  return out;
}

const std::vector<std::string> kImpossible = {"2013-02-30", "2013-19-39", "2013-00-00",
                                              "2013-00",    "2013-13",    "2013-02-29",
                                              "2013-04-31", "2013-01-32", "2013-01-00"};
const std::vector<std::optional<std::string>> kValid = {"2012",       "2012-02",    "2012-02-29",
                                                        "2013-12-31", "2000-02-29", std::nullopt};

void bind_date(SQLite::Statement& s, const std::optional<std::string>& date) {
  if (date)
    s.bind(1, *date);
  else
    s.bind(1);
}

// A raw connection to a seeded database (foreign keys off, as in hand-written SQL by default):
// each write runs inside a savepoint that is rolled back, so every case starts from the seed.
class CalendarDates : public test::SeededFileSuite {
 protected:
  void SetUp() override {
    writer_.emplace(path(), SQLite::OPEN_READWRITE);
    writer_->exec("PRAGMA synchronous = OFF; PRAGMA journal_mode = MEMORY");  // rolled back anyway
  }

  // The first row of the column's table: it exists for every date column (the seed has rows in
  // every table with dates).
  std::int64_t first_row(const DateColumn& c) {
    return writer_->execAndGet("SELECT min(rowid) FROM " + c.table).getInt64();
  }

  // UPDATE of the column in the table's first row; the error message, or nullopt on success
  // (the value is then read back and must be unchanged).
  std::optional<std::string> update(const DateColumn& c, const std::optional<std::string>& date) {
    return in_savepoint(c, date, [&] {
      SQLite::Statement s(*writer_, "UPDATE " + c.table + " SET " + c.column +
                                        " = ? WHERE rowid = " + std::to_string(first_row(c)));
      bind_date(s, date);
      s.exec();
    });
  }

  // INSERT of a copy of the table's first row with the column replaced (the original is deleted
  // first so that UNIQUE constraints hold).
  std::optional<std::string> insert(const DateColumn& c, const std::optional<std::string>& date) {
    return in_savepoint(c, date, [&] {
      std::string row = std::to_string(first_row(c));
      std::string columns, values;
      SQLite::Statement info(*writer_, "SELECT name FROM pragma_table_info(?)");
      info.bind(1, c.table);
      while (info.executeStep()) {
        std::string name = info.getColumn(0).getString();
        columns += (columns.empty() ? "" : ", ") + name;
        values += (values.empty() ? "" : ", ") + (name == c.column ? "?" : name);
      }
      writer_->exec("CREATE TEMP TABLE saved AS SELECT * FROM " + c.table +
                    " WHERE rowid = " + row);
      writer_->exec("DELETE FROM " + c.table + " WHERE rowid = " + row);
      SQLite::Statement s(*writer_, "INSERT INTO " + c.table + " (" + columns + ") SELECT " +
                                        values + " FROM temp.saved");
      bind_date(s, date);
      s.exec();
    });
  }

  template <class Write>
  std::optional<std::string> in_savepoint(const DateColumn& c,
                                          const std::optional<std::string>& date, Write write) {
    writer_->exec("SAVEPOINT attempt");
    std::optional<std::string> error;
    try {
      write();
      SQLite::Statement read(*writer_, "SELECT " + c.column + " FROM " + c.table +
                                           " WHERE rowid = " + std::to_string(first_row(c)));
      read.executeStep();
      auto stored = read.getColumn(0);
      EXPECT_EQ(stored.isNull() ? std::nullopt : std::optional(stored.getString()), date)
          << c.name() << " did not keep the value written";
    } catch (const SQLite::Exception& e) {
      error = e.what();
    }
    writer_->exec("ROLLBACK TO attempt");
    writer_->exec("RELEASE attempt");
    writer_->exec("DROP TABLE IF EXISTS temp.saved");
    return error;
  }

  std::optional<SQLite::Database> writer_;
};

TEST_F(CalendarDates, FindsTheDateColumnsOfTheSchema) {
  auto columns = date_columns(*writer_);
  EXPECT_EQ(columns.size(), 23u) << "update this count when a migration adds a date column";
  bool held_on = false;
  for (const auto& c : columns) held_on = held_on || c.name() == "meeting.held_on";
  EXPECT_TRUE(held_on);
}

TEST_F(CalendarDates, HandWrittenSqlCannotStoreAnImpossibleDateInAnyDateColumn) {
  for (const auto& c : date_columns(*writer_)) {
    std::string expected = c.name() + ": not a calendar date (YYYY, YYYY-MM or YYYY-MM-DD)";
    for (const auto& date : kImpossible) {
      for (auto [how, error] :
           {std::pair{"INSERT", insert(c, date)}, std::pair{"UPDATE", update(c, date)}}) {
        if (!error) {
          ADD_FAILURE() << how << " stored " << date << " in " << c.name();
          continue;
        }
        EXPECT_NE(error->find(expected), std::string::npos)
            << how << " of " << date << " into " << c.name() << ": " << *error;
      }
    }
  }
}

TEST_F(CalendarDates, HandWrittenSqlStoresRealDatesAtEveryPrecision) {
  for (const auto& c : date_columns(*writer_)) {
    for (const auto& date : kValid) {
      std::string shown = date.value_or("NULL");
      auto inserted = insert(c, date);
      EXPECT_FALSE(inserted) << "INSERT of " << shown << " into " << c.name() << ": " << *inserted;
      auto updated = update(c, date);
      EXPECT_FALSE(updated) << "UPDATE of " << shown << " in " << c.name() << ": " << *updated;
    }
  }
}

TEST_F(CalendarDates, ShapeChecksStillApply) {
  DateColumn held_on{"meeting", "held_on"};
  for (const char* date : {"2013-5-03", "2013-05-03T10", "2013/05/03", "13-05-03", "20130503"})
    EXPECT_TRUE(update(held_on, date).has_value()) << date;
}

// The library reads back every date the seed stores, unchanged.
TEST_F(CalendarDates, LibraryReadsEverySeedDateUnchanged) {
  std::map<std::string, std::map<std::int64_t, std::optional<std::string>>> stored;
  for (const auto& c : date_columns(*writer_)) {
    SQLite::Statement s(*writer_, "SELECT rowid, " + c.column + " FROM " + c.table);
    while (s.executeStep()) {
      auto value = s.getColumn(1);
      std::optional<std::string> text;
      if (!value.isNull()) {
        text = value.getString();
        auto parsed = PartialDate::parse(*text);
        EXPECT_TRUE(parsed && parsed->to_string() == *text) << c.name() << ": " << *text;
      }
      stored[c.name()][s.getColumn(0).getInt64()] = text;
    }
    EXPECT_FALSE(stored[c.name()].empty()) << c.name() << ": no seed rows to read";
  }

  KnowledgeBase kb = KnowledgeBase::open(path());
  std::map<std::string, std::map<std::int64_t, std::optional<std::string>>> read;
  auto put = [&](const std::string& column, std::int64_t id,
                 const std::optional<PartialDate>& date) {
    read[column][id] = date ? std::optional(date->to_string()) : std::nullopt;
  };
  for (const auto& s : kb.sources().all()) put("source.published", s.id.value(), s.published);
  for (const auto& o : kb.organisations().all()) {
    for (const auto& n : kb.organisations().names(o.id)) {
      put("organisation_name.attested_on", n.id.value(), n.attested_on);
      put("organisation_name.valid_from", n.id.value(), n.valid_from);
      put("organisation_name.valid_to", n.id.value(), n.valid_to);
    }
    for (const auto& e : kb.organisations().lineage(o.id))
      put("organisation_event.occurred_on", e.id.value(), e.occurred_on);
  }
  for (const auto& p : kb.people().all()) {
    for (const auto& t : kb.people().tenures(p.id)) {
      put("tenure.start_date", t.id.value(), t.start_date);
      put("tenure.end_date", t.id.value(), t.end_date);
      put("tenure.attested_from", t.id.value(), t.attested_from);
      put("tenure.attested_to", t.id.value(), t.attested_to);
    }
    for (const auto& s : kb.people().statements(p.id))
      put("statement.said_on", s.id.value(), s.said_on);
  }
  for (const auto& m : kb.meetings().all()) put("meeting.held_on", m.id.value(), m.held_on);
  for (const auto& a : kb.agreements().all()) {
    put("agreement.concluded_on", a.id.value(), a.concluded_on);
    put("agreement.in_force_from", a.id.value(), a.in_force_from);
    for (const auto& p : kb.agreements().parties(a.id))
      put("agreement_party.since", p.id.value(), p.since);
  }
  for (const auto& f : kb.funding().all()) {
    put("funding.period_start", f.id.value(), f.period_start);
    put("funding.period_end", f.id.value(), f.period_end);
  }
  for (const auto& p : kb.publications().all())
    put("publication.published_on", p.id.value(), p.published_on);

  for (const auto& [column, rows] : stored) {
    if (column == "organisation_parent.valid_from" || column == "organisation_parent.valid_to" ||
        column == "policy_framework.adopted_on" || column == "agreement_date.on_date" ||
        column == "meeting_date.held_on" || column == "series_fact.as_of")
      continue;  // not read as such by the API (parent_on compares them in SQL; the dates of
                 // 0008 are read through the views v_agreement_date, v_meeting_date, v_series_fact)
    EXPECT_EQ(read[column], rows) << column;
  }
}

// Every foreign-key column is the first column of an index (or its table's primary key), so
// that deleting a referenced row, replacing an import and reading from the referenced side cost
// what they touch. A new reference column needs its index in a new migration.
TEST(ReferenceIndexes, EveryForeignKeyColumnLeadsAnIndex) {
  test::TempPath path;
  KnowledgeBase::create_empty(path.str());
  SQLite::Database db(path.str());
  SQLite::Statement unindexed(db, R"sql(
    SELECT m.name || '.' || f."from" FROM sqlite_schema m, pragma_foreign_key_list(m.name) f
     WHERE m.type = 'table'
       AND NOT EXISTS (SELECT 1 FROM pragma_index_list(m.name) il, pragma_index_info(il.name) ii
                        WHERE ii.seqno = 0 AND ii.name = f."from")
       AND NOT EXISTS (SELECT 1 FROM pragma_table_info(m.name) p
                        WHERE p.pk = 1 AND p.name = f."from")
     ORDER BY 1)sql");
  std::vector<std::string> found;
  while (unindexed.executeStep()) found.push_back(unindexed.getColumn(0).getString());
  // record_kind rows are never deleted and never read from that side.
  EXPECT_EQ(found, std::vector<std::string>{"import_log_kind.kind"});
}

}  // namespace
}  // namespace euiomkb
