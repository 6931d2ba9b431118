#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "euiomkb/euiomkb.hpp"
#include "kb/embedded.hpp"
#include "test_support.hpp"

namespace euiomkb {
namespace {

using test::TempPath;

TEST(Migrations, CreateAppliesEveryMigrationFromEmpty) {
  TempPath path;
  KnowledgeBase kb = KnowledgeBase::create_empty(path.str());
  EXPECT_EQ(kb.schema_version(), KnowledgeBase::latest_schema_version());
  EXPECT_EQ(KnowledgeBase::latest_schema_version(), 18) << "a new database gets the baseline";
  EXPECT_EQ(detail::migrations().front().name, "0018_baseline.sql");
  EXPECT_EQ(kb.counts().meetings, 0);
  SQLite::Database raw(path.str());
  for (const char* object : {"meeting", "citation", "claim", "kb_search"})
    EXPECT_TRUE(raw.tableExists(object)) << object;
  EXPECT_EQ(raw.execAndGet("SELECT count(*) FROM sqlite_schema WHERE type = 'view' AND name IN "
                           "('v_meeting', 'v_attendance', 'v_citation', 'v_claim_conflict')")
                .getInt(),
            4);
}

// schema_note describes every table and view, and nothing else: a migration
// that adds or drops one must say so there (docs/schema.md is written from it).
TEST(Migrations, SchemaNoteDescribesEveryTableAndView) {
  TempPath path;
  KnowledgeBase::create_empty(path.str());
  SQLite::Database raw(path.str());
  auto names = [&raw](const char* sql) {
    std::vector<std::string> out;
    SQLite::Statement s(raw, sql);
    while (s.executeStep()) out.push_back(s.getColumn(0).getString());
    return out;
  };
  std::vector<std::string> undescribed = names(
      "SELECT l.name FROM pragma_table_list l WHERE l.schema = 'main' "
      "AND l.type IN ('table', 'view', 'virtual') AND l.name NOT GLOB 'sqlite_*' "
      "AND l.name NOT IN (SELECT name FROM schema_note) ORDER BY l.name");
  EXPECT_TRUE(undescribed.empty())
      << "no schema_note row for " << testing::PrintToString(undescribed);
  std::vector<std::string> stale = names(
      "SELECT name FROM schema_note WHERE name NOT IN "
      "(SELECT name FROM sqlite_schema WHERE type IN ('table', 'view')) ORDER BY name");
  EXPECT_TRUE(stale.empty()) << "schema_note rows without an object: "
                             << testing::PrintToString(stale);
  EXPECT_GT(names("SELECT name FROM schema_note").size(), 70U);
}

// Numbers rise strictly from the baseline, 0018 (1 to 17 were pre-release schema versions).
// (Branches developed in parallel reserve numbers, so a branch may skip one until the merge
// renumbers; the schema version is the number of the last migration applied.)
TEST(Migrations, MigrationFilesAreNumberedInOrder) {
  int previous = 0;
  for (const auto& file : detail::migrations()) {
    int number = std::stoi(std::string(file.name.substr(0, 4)));
    EXPECT_GT(number, previous) << file.name;
    EXPECT_EQ(previous == 0, number == 18) << file.name;
    previous = number;
  }
}

TEST(Migrations, RefusesDatabaseFromNewerVersionAndLeavesItUntouched) {
  TempPath path;
  KnowledgeBase::create_empty(path.str());
  test::raw_exec(path.str(), "PRAGMA user_version = " +
                                 std::to_string(KnowledgeBase::latest_schema_version() + 1));
  std::string before = test::file_hash(path.str());
  for (auto mode : {KnowledgeBase::Mode::read_only, KnowledgeBase::Mode::read_write}) {
    try {
      KnowledgeBase::open(path.str(), mode);
      FAIL() << "opened a newer database";
    } catch (const SchemaError& e) {
      EXPECT_NE(std::string(e.what()).find("newer"), std::string::npos) << e.what();
    }
  }
  EXPECT_EQ(test::file_hash(path.str()), before);
}

// A database of a pre-release build (schema version 1 to 17; before 0007 without the
// application id) is refused in both modes, untouched, with the command that rebuilds it.
TEST(Migrations, RefusesAPreReleaseDatabaseSayingHowToRebuildIt) {
  for (int version : {1, 3, 8, 16, 17}) {
    TempPath path;
    KnowledgeBase::create_empty(path.str());
    test::raw_exec(path.str(), "PRAGMA user_version = " + std::to_string(version) +
                                   (version < 7 ? "; PRAGMA application_id = 0" : ""));
    std::string before = test::file_hash(path.str());
    for (auto mode : {KnowledgeBase::Mode::read_only, KnowledgeBase::Mode::read_write}) {
      try {
        KnowledgeBase::open(path.str(), mode);
        ADD_FAILURE() << "opened a database of schema version " << version;
      } catch (const SchemaError& e) {
        std::string message = e.what();
        EXPECT_NE(message.find("schema version " + std::to_string(version) +
                               " was made by a pre-release build of euiomkb, before 0.1.0"),
                  std::string::npos)
            << message;
        EXPECT_NE(message.find("euiomkb build --db " + path.str() + " --force --facts DIR"),
                  std::string::npos)
            << message;
      }
    }
    EXPECT_EQ(test::file_hash(path.str()), before) << version;
  }
}

// The baseline is the whole schema: applied to an empty file it gives what create_empty does.
TEST(Migrations, ANewDatabaseIsTheBaselineAlone) {
  TempPath made, raw_path;
  KnowledgeBase::create_empty(made.str());
  {
    SQLite::Database raw(raw_path.str(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    raw.exec(std::string(detail::migrations().front().text));
  }
  auto objects = [](const std::string& file) {
    SQLite::Database db(file);
    std::vector<std::string> out;
    SQLite::Statement s(db,
                        "SELECT type || ' ' || name || ' ' || coalesce(sql, '') FROM "
                        "sqlite_schema ORDER BY type, name");
    while (s.executeStep()) out.push_back(s.getColumn(0).getString());
    return out;
  };
  EXPECT_EQ(objects(made.str()), objects(raw_path.str()));
  EXPECT_EQ(detail::migrations().size(), 1U) << "update this test when 0019 arrives";
}

TEST(Migrations, CreateRefusesExistingFileAndOpenRefusesMissingFile) {
  TempPath path;
  KnowledgeBase::create_empty(path.str());
  EXPECT_THROW(KnowledgeBase::create_seeded(path.str()), DatabaseError);
  EXPECT_THROW(KnowledgeBase::open(path.str() + ".missing"), DatabaseError);
}

}  // namespace
}  // namespace euiomkb

namespace euiomkb {
namespace {

TEST(Schema, RejectsMalformedDatesUnknownEnumerationsAndDanglingReferences) {
  test::TempPath path;
  KnowledgeBase::create_empty(path.str());
  SQLite::Database raw(path.str(), SQLite::OPEN_READWRITE);
  raw.exec("PRAGMA foreign_keys = ON");
  EXPECT_NO_THROW(raw.exec("INSERT INTO meeting (title, held_on) VALUES ('ok', '2013-05')"));
  for (const char* date : {"2013-5-03", "13-05-03", "2013/05/03", "May 2013", "2013-05-03T10"}) {
    EXPECT_THROW(
        raw.exec(std::string("INSERT INTO meeting (title, held_on) VALUES ('m', '") + date + "')"),
        SQLite::Exception)
        << date;
  }
  EXPECT_THROW(raw.exec("INSERT INTO meeting (title, series) VALUES ('m', 'XYZ')"),
               SQLite::Exception);
  EXPECT_THROW(raw.exec("INSERT INTO organisation (short_name, name, kind) "
                        "VALUES ('X', 'X', 'club')"),
               SQLite::Exception);
  EXPECT_THROW(raw.exec("INSERT INTO attendance (meeting_id, person_id, role, attested_as) "
                        "VALUES (1, 42, 'participant', 'reported')"),
               SQLite::Exception);
  EXPECT_THROW(raw.exec("INSERT INTO meeting (title, held_on) VALUES (x'41', '2013')"),
               SQLite::Exception)
      << "STRICT tables refuse a blob where text belongs";
}

}  // namespace
}  // namespace euiomkb

namespace euiomkb {
namespace {

TEST(Create, FailsWithDatabaseErrorWhereTheFileCannotBeWritten) {
  EXPECT_THROW(KnowledgeBase::create_seeded("/nonexistent-directory/euiomkb.db"), DatabaseError);
}

TEST(Create, SeededFileAppearsOnlyWhenComplete) {
  test::TempPath path;
  KnowledgeBase::create_seeded(path.str());
  auto directory = std::filesystem::path(path.str()).parent_path();
  auto stem = std::filesystem::path(path.str()).filename().string();
  for (const auto& entry : std::filesystem::directory_iterator(directory))
    EXPECT_EQ(entry.path().filename().string().find(stem + ".partial"), std::string::npos)
        << "staging file left behind: " << entry.path();
  EXPECT_TRUE(KnowledgeBase::open(path.str()).verify().ok());
}

}  // namespace
}  // namespace euiomkb

namespace euiomkb {
namespace {

TEST(Open, NonDatabaseFileFailsNamingTheFileAndKeepingTheSqliteCode) {
  test::TempPath path;
  { std::ofstream(path.str()) << "not a database, just text\n"; }
  try {
    KnowledgeBase::open(path.str());
    FAIL() << "opened a text file";
  } catch (const DatabaseError& e) {
    EXPECT_NE(std::string(e.what()).find(path.str()), std::string::npos) << e.what();
    EXPECT_EQ(e.sqlite_code(), 26) << "SQLITE_NOTADB";
  }
}

}  // namespace
}  // namespace euiomkb

namespace euiomkb {
namespace {

TEST(Create, ReplaceSwapsAnExistingFileForACompleteDatabase) {
  test::TempPath path;
  { std::ofstream(path.str()) << "an old file\n"; }
  EXPECT_THROW(KnowledgeBase::create_seeded(path.str()), DatabaseError);
  EXPECT_EQ(test::read_file(path.str()), "an old file\n") << "refused: the old file is untouched";
  KnowledgeBase kb = KnowledgeBase::create_seeded(path.str(), KnowledgeBase::Existing::replace);
  EXPECT_TRUE(kb.verify().ok());
  EXPECT_EQ(kb.counts().sources, 5);
}

TEST(Create, MissingDirectoryIsNamedInTheError) {
  try {
    KnowledgeBase::create_seeded("/nonexistent-directory/euiomkb.db");
    FAIL() << "created a database in a missing directory";
  } catch (const DatabaseError& e) {
    EXPECT_NE(std::string(e.what()).find("no directory '/nonexistent-directory'"),
              std::string::npos)
        << e.what();
  }
}

}  // namespace
}  // namespace euiomkb
