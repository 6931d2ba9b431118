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
  EXPECT_EQ(KnowledgeBase::latest_schema_version(), static_cast<int>(detail::migrations().size()));
  EXPECT_EQ(kb.counts().meetings, 0);
  SQLite::Database raw(path.str());
  for (const char* object : {"meeting", "citation", "claim", "kb_search"})
    EXPECT_TRUE(raw.tableExists(object)) << object;
  EXPECT_EQ(raw.execAndGet("SELECT count(*) FROM sqlite_schema WHERE type = 'view' AND name IN "
                           "('v_meeting', 'v_attendance', 'v_citation', 'v_claim_conflict')")
                .getInt(),
            4);
}

// schema_note (migration 0010) describes every table and view, and nothing else: a migration
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

// Numbers rise strictly. (Branches developed in parallel reserve numbers, so a branch may skip
// one until the merge renumbers; the schema version is the count of migrations applied.)
TEST(Migrations, MigrationFilesAreNumberedInOrder) {
  int previous = 0;
  for (const auto& file : detail::migrations()) {
    int number = std::stoi(std::string(file.name.substr(0, 4)));
    EXPECT_GT(number, previous) << file.name;
    EXPECT_EQ(previous == 0, number == 1) << file.name;
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

TEST(Migrations, MigratesOlderDatabaseReadWriteAndRefusesReadOnly) {
  TempPath path;
  {
    // A database made by a version that only had the first migration.
    SQLite::Database raw(path.str(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    raw.exec(std::string(detail::migrations()[0].text));
    raw.exec("PRAGMA user_version = 1");
  }
  EXPECT_THROW(KnowledgeBase::open(path.str(), KnowledgeBase::Mode::read_only), SchemaError);
  KnowledgeBase kb = KnowledgeBase::open(path.str(), KnowledgeBase::Mode::read_write);
  EXPECT_EQ(kb.schema_version(), KnowledgeBase::latest_schema_version());
  SQLite::Database raw(path.str());
  EXPECT_TRUE(raw.tableExists("kb_search"));
}

// Migration 0013 gives the topics and organisations of a meeting an attested_as read from their
// documents: 'announced' when the documents citing the row only announced the meeting (a
// meeting_date 'announced' cited from the same source), 'reported' as soon as one of them
// reports it, and 'reported' (the column default) when no citing document dates the meeting.
TEST(Migrations, AnnouncedOrReportedIsReadFromTheDocumentsOfEachExistingRow) {
  TempPath path;
  {
    SQLite::Database raw(path.str(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    int version = 0;
    for (const auto& file : detail::migrations()) {
      if (file.name.substr(0, 4) == "0013") break;
      raw.exec(std::string(file.text));
      ++version;
    }
    raw.exec("PRAGMA user_version = " + std::to_string(version));
    const std::string hash(64, 'a');
    raw.exec(
        "INSERT INTO source (source_id, file_name, title, language, sha256, text) VALUES "
        "(1, 'before.txt', 'Before', 'en', '" +
        hash +
        "', 'The meeting will discuss A.'), "
        "(2, 'after.txt', 'After', 'en', '" +
        hash +
        "', 'The meeting discussed A and B.'), "
        "(3, 'undated.txt', 'Other', 'en', '" +
        hash + "', 'C was discussed.')");
    raw.exec(
        "INSERT INTO organisation (organisation_id, short_name, name, kind) VALUES "
        "(1, 'IOM', 'International Organization for Migration', 'international_organisation')");
    raw.exec("INSERT INTO meeting (meeting_id, title, held_on) VALUES (1, 'M', '2020-01-02')");
    raw.exec(
        "INSERT INTO meeting_date (meeting_date_id, meeting_id, held_on, attested_as) VALUES "
        "(1, 1, '2020-01-02', 'announced'), (2, 1, '2020-01-02', 'reported')");
    raw.exec(
        "INSERT INTO topic (topic_id, meeting_id, label) VALUES (1, 1, 'A'), (2, 1, 'B'), "
        "(3, 1, 'C'), (4, 1, 'A again')");
    raw.exec(
        "INSERT INTO meeting_organisation (meeting_organisation_id, meeting_id, organisation_id, "
        "role) "
        "VALUES (1, 1, 1, 'participant'), (2, 1, 1, 'host')");
    // Source 1 dates the meeting as announced, source 2 as reported, source 3 not at all.
    raw.exec(
        "INSERT INTO citation (subject_type, subject_id, source_id, quote, start_offset, "
        "end_offset) VALUES ('meeting_date', 1, 1, 'x', 0, 1), ('meeting_date', 2, 2, 'x', 0, "
        "1), ('topic', 1, 1, 'x', 0, 1), ('topic', 2, 2, 'x', 0, 1), ('topic', 3, 3, 'x', 0, "
        "1), ('topic', 4, 1, 'x', 1, 2), ('topic', 4, 2, 'x', 1, 2), "
        "('meeting_organisation', 1, 1, 'x', 0, 1), ('meeting_organisation', 2, 2, 'x', 0, 1)");
  }
  KnowledgeBase::open(path.str(), KnowledgeBase::Mode::read_write);
  SQLite::Database raw(path.str(), SQLite::OPEN_READWRITE);
  auto column = [&](const char* sql) {
    std::vector<std::string> out;
    SQLite::Statement s(raw, sql);
    while (s.executeStep()) out.push_back(s.getColumn(0).getString());
    return out;
  };
  using V = std::vector<std::string>;
  EXPECT_EQ(column("SELECT attested_as FROM v_meeting_topic ORDER BY topic_id"),
            (V{"announced", "reported", "reported", "reported"}))
      << "A: announced only; B: reported; C: its document dates nothing; A again: both";
  EXPECT_EQ(column("SELECT attested_as FROM v_meeting_organisation ORDER BY "
                   "meeting_organisation_id"),
            (V{"announced", "reported"}));
  EXPECT_THROW(raw.exec("UPDATE topic SET attested_as = 'expected' WHERE topic_id = 1"),
               SQLite::Exception);
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
