// The seed image: create_seeded copies a database the build made through the import path. These
// tests hold the copy to what that path builds now, so a stale or damaged image cannot pass.
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <cstring>
#include <map>
#include <string>
#include <vector>

#include "euiomkb/euiomkb.hpp"
#include "kb/embedded.hpp"
#include "kb/seed.hpp"
#include "test_support.hpp"

namespace euiomkb {
namespace {

using test::TempPath;

std::string quoted_identifier(const std::string& name) {
  std::string out = "\"";
  for (char c : name) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

// One value with its storage class, exactly (no rounding, blobs byte for byte).
std::string value_text(SQLite::Statement& s, int column) {
  SQLite::Column c = s.getColumn(column);
  switch (c.getType()) {
    case SQLITE_NULL:
      return "null";
    case SQLITE_INTEGER:
      return "int:" + std::to_string(c.getInt64());
    case SQLITE_FLOAT: {
      char buffer[64];
      std::snprintf(buffer, sizeof buffer, "%a", c.getDouble());
      return std::string("real:") + buffer;
    }
    case SQLITE_TEXT:
      return "text:" + c.getString();
    default:
      return "blob:" + std::string(static_cast<const char*>(c.getBlob()),
                                   static_cast<std::size_t>(c.getBytes()));
  }
}

// The whole content of a database, one line per fact: PRAGMA user_version, every schema entry
// (without its root page, which VACUUM renumbers), and every row of every table -- the FTS5
// table kb_search and its shadow tables included -- with its rowid, in rowid order (primary-key
// order for WITHOUT ROWID tables).
std::vector<std::string> content(SQLite::Database& db) {
  std::vector<std::string> lines;
  lines.push_back("user_version " + db.execAndGet("PRAGMA user_version").getString());
  std::vector<std::string> tables;
  SQLite::Statement schema(
      db, "SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name");
  while (schema.executeStep()) {
    lines.push_back("schema " + value_text(schema, 0) + " " + value_text(schema, 1) + " " +
                    value_text(schema, 2) + " " + value_text(schema, 3));
    if (schema.getColumn(0).getString() == "table") tables.push_back(schema.getColumn(1));
  }
  for (const auto& table : tables) {
    SQLite::Statement kind(db,
                           "SELECT wr FROM pragma_table_list WHERE schema = 'main' AND name = ?");
    kind.bind(1, table);
    bool without_rowid = kind.executeStep() && kind.getColumn(0).getInt() == 1;
    std::string sql;
    if (without_rowid) {
      std::string order;
      SQLite::Statement keys(db, "SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk");
      keys.bind(1, table);
      while (keys.executeStep())
        order += (order.empty() ? "" : ", ") + quoted_identifier(keys.getColumn(0));
      sql = "SELECT * FROM " + quoted_identifier(table) + " ORDER BY " + order;
    } else {
      sql = "SELECT rowid, * FROM " + quoted_identifier(table) + " ORDER BY rowid";
    }
    SQLite::Statement rows(db, sql);
    while (rows.executeStep()) {
      std::string line = table;
      for (int i = 0; i < rows.getColumnCount(); ++i) line += " | " + value_text(rows, i);
      lines.push_back(line);
    }
  }
  return lines;
}

std::size_t rows_of(const std::vector<std::string>& lines, const std::string& table) {
  std::size_t n = 0;
  for (const auto& line : lines) n += line.rfind(table + " | ", 0) == 0;
  return n;
}

// Expects equal content, reporting the first line that differs rather than two dumps.
void expect_same_content(const std::vector<std::string>& actual,
                         const std::vector<std::string>& expected) {
  std::size_t common = std::min(actual.size(), expected.size());
  for (std::size_t i = 0; i < common; ++i) {
    if (actual[i] != expected[i]) {
      ADD_FAILURE() << "first difference at line " << i
                    << ":\n  seeded:    " << actual[i].substr(0, 300)
                    << "\n  by import: " << expected[i].substr(0, 300);
      return;
    }
  }
  EXPECT_EQ(actual.size(), expected.size()) << "one database has rows the other lacks";
}

// The embedded image, opened read-only in memory without the library.
SQLite::Database open_image() {
  SQLite::Database db(":memory:", SQLite::OPEN_READWRITE);
  auto image = detail::seed_image();
  auto* copy = static_cast<unsigned char*>(sqlite3_malloc64(image.size()));
  std::memcpy(copy, image.data(), image.size());
  auto size = static_cast<sqlite3_int64>(image.size());
  int rc = sqlite3_deserialize(db.getHandle(), "main", copy, size, size,
                               SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_READONLY);
  if (rc != SQLITE_OK) throw std::runtime_error("cannot deserialize the seed image");
  return db;
}

std::vector<std::string> content_built_by_import_now() {
  TempPath path("euiomkb-by-import");
  detail::create_seeded_by_import(path.str());
  SQLite::Database db(path.str(), SQLite::OPEN_READONLY);
  return content(db);
}

TEST(SeedImage, HoldsWhatTheImportPathBuildsFromTheEmbeddedFilesNow) {
  ASSERT_FALSE(detail::seed_image().empty());
  SQLite::Database image = open_image();
  std::vector<std::string> seeded = content(image);
  std::vector<std::string> expected = content_built_by_import_now();
  EXPECT_EQ(seeded.front(),
            "user_version " + std::to_string(KnowledgeBase::latest_schema_version()));
  EXPECT_GT(rows_of(expected, "kb_search"), 100u) << "the comparison covers the search index";
  EXPECT_GT(rows_of(expected, "citation"), 100u);
  expect_same_content(seeded, expected);
}

TEST(SeedImage, SeededFileHasTheContentTheImportPathBuilds) {
  TempPath path;
  KnowledgeBase::create_seeded(path.str());
  SQLite::Database db(path.str(), SQLite::OPEN_READONLY);
  expect_same_content(content(db), content_built_by_import_now());
}

TEST(SeedImage, SeededFileIsTheImageByteForByteAndVerifies) {
  TempPath path;
  {
    KnowledgeBase kb = KnowledgeBase::create_seeded(path.str());
    EXPECT_EQ(kb.schema_version(), KnowledgeBase::latest_schema_version());
    EXPECT_TRUE(kb.verify().ok());
  }
  std::string file = test::read_file(path.str());
  auto image = detail::seed_image();
  ASSERT_EQ(file.size(), image.size());
  // Header bytes 18-19: the image is rollback journal (1; a WAL image would leave -wal files
  // beside copies); the copy switched to WAL (2) when opened read-write, which also counted a
  // change (bytes 24-27 and 92-99). All else is the image.
  EXPECT_EQ(image[18], 1);
  EXPECT_EQ(image[19], 1);
  EXPECT_EQ(file[18], 2);
  EXPECT_EQ(file[19], 2);
  for (std::size_t i : {18u, 19u, 24u, 25u, 26u, 27u, 92u, 93u, 94u, 95u, 96u, 97u, 98u, 99u})
    file[i] = static_cast<char>(image[i]);
  EXPECT_EQ(std::memcmp(file.data(), image.data(), image.size()), 0);
  EXPECT_TRUE(KnowledgeBase::open(path.str()).verify().ok());
}

const std::map<std::string, std::string> kDocuments = {
    {"notes-2027.txt",
     "Field notes.\nThe thirteenth EU-IOM Senior Officials Meeting met in Tallinn on 4 May "
     "2027.\n"}};

std::optional<std::string> documents(const std::string& name) {
  auto found = kDocuments.find(name);
  if (found == kDocuments.end()) return std::nullopt;
  return found->second;
}

const std::string kFacts =
    "source notes\n"
    "  file: notes-2027.txt\n"
    "  title: Field notes\n"
    "  language: en\n"
    "\n"
    "meeting som-13-test\n"
    "  series: SOM\n"
    "  sequence_no: 13\n"
    "  title: 13th EU-IOM Senior Officials Meeting\n"
    "  held_on: 2027-05-04\n"
    "  location: Tallinn\n"
    "  cite: notes | The thirteenth EU-IOM Senior Officials Meeting met in Tallinn on 4 May 2027\n";

TEST(SeedImage, InMemorySeedIsWritableAndEachCopyIndependent) {
  KnowledgeBase kb = KnowledgeBase::create_seeded(":memory:");
  Counts before = kb.counts();
  EXPECT_TRUE(kb.search("Tallinn").empty());
  ImportSummary summary = kb.import_facts({{"notes.facts", kFacts}}, documents);
  EXPECT_EQ(summary.records, 2);
  Counts after = kb.counts();
  EXPECT_EQ(after.sources, before.sources + 1);
  EXPECT_EQ(after.meetings, before.meetings + 1);
  auto meeting = kb.meetings().by_sequence("SOM", 13);
  ASSERT_TRUE(meeting.has_value());
  EXPECT_EQ(meeting->location, "Tallinn");
  EXPECT_FALSE(kb.search("Tallinn").empty());
  EXPECT_TRUE(kb.verify().ok());
  EXPECT_EQ(KnowledgeBase::create_seeded(":memory:").counts().meetings, before.meetings)
      << "a new seeded database starts from the image, not from another copy";
}

TEST(SeedImage, InMemorySeedAnswersAsTheImportPathDoes) {
  KnowledgeBase seeded = KnowledgeBase::create_seeded(":memory:");
  KnowledgeBase imported = detail::create_seeded_by_import(":memory:");
  Counts a = seeded.counts(), b = imported.counts();
  EXPECT_EQ(
      std::vector<std::int64_t>({a.sources, a.organisations, a.people, a.meetings, a.attendances,
                                 a.topics, a.citations, a.conflicting_claims}),
      std::vector<std::int64_t>({b.sources, b.organisations, b.people, b.meetings, b.attendances,
                                 b.topics, b.citations, b.conflicting_claims}));
  for (const char* query : {"migration", "Swing", "Senior Officials"}) {
    auto x = seeded.search(query, 50), y = imported.search(query, 50);
    ASSERT_EQ(x.size(), y.size()) << query;
    EXPECT_FALSE(x.empty()) << query;
    for (std::size_t i = 0; i < x.size(); ++i) {
      EXPECT_EQ(x[i].kind, y[i].kind) << query;
      EXPECT_EQ(x[i].ref_id, y[i].ref_id) << query;
      EXPECT_EQ(x[i].snippet, y[i].snippet) << query;
    }
  }
  EXPECT_EQ(seeded.schema_version(), KnowledgeBase::latest_schema_version());
  EXPECT_TRUE(seeded.verify().ok());
}

}  // namespace
}  // namespace euiomkb
