// The streamed write path: imports from files and streams, all or nothing, a bounded number of
// prepared statements, and a search index kept current without a rebuild.
#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <tuple>
#include <vector>

#include "euiomkb/euiomkb.hpp"
#include "kb/embedded.hpp"
#include "search/search_index.hpp"
#include "sqlite/connection.hpp"
#include "test_support.hpp"

namespace euiomkb {
namespace {

using test::TempPath;

// A made-up document that reports `n` meetings, one sentence each.
std::string report(int n) {
  std::string text = "Meetings report.\n\n";
  for (int i = 1; i <= n; ++i)
    text += "Meeting number " + std::to_string(i) + " of the working group was held.\n";
  return text;
}

// Fact records for that document: the source and `n` cited meetings.
std::string report_facts(int n) {
  std::string facts =
      "source wg-report\n  file: wg-report.txt\n  title: Meetings report\n  language: en\n\n";
  for (int i = 1; i <= n; ++i) {
    std::string number = std::to_string(i);
    // The passage numbers the meeting; the note says so for verify's support check.
    facts += "meeting wg-" + number + "\n  title: Working group meeting " + number +
             "\n  cite: wg-report | Meeting number " + number +
             " of the working group\n  cite_note: the report numbers its meetings\n\n";
  }
  return facts;
}

DocumentProvider report_documents(int n) {
  return [n](const std::string& name) -> std::optional<std::string> {
    if (name == "wg-report.txt") return report(n);
    return std::nullopt;
  };
}

TEST(WritePath, ImportsFromFilesAndFromStreams) {
  std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("euiomkb-write-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  { std::ofstream(dir / "wg.facts") << report_facts(30); }
  KnowledgeBase from_file = KnowledgeBase::create_seeded(":memory:");
  ImportSummary summary = from_file.import_fact_files({dir / "wg.facts"}, report_documents(30));
  EXPECT_EQ(summary.records, 31);
  EXPECT_EQ(summary.citations, 30);
  EXPECT_GT(summary.timings.parse.count(), 0);
  EXPECT_GT(summary.timings.validate.count(), 0);
  EXPECT_GT(summary.timings.insert.count(), 0);

  KnowledgeBase from_stream = KnowledgeBase::create_seeded(":memory:");
  std::istringstream stream(report_facts(30));
  from_stream.import_fact_streams({{"wg.facts", &stream}}, report_documents(30));
  EXPECT_EQ(from_stream.counts().meetings, from_file.counts().meetings);
  EXPECT_TRUE(from_stream.verify().ok());
  std::filesystem::remove_all(dir);

  KnowledgeBase missing = KnowledgeBase::create_seeded(":memory:");
  try {
    missing.import_fact_files({dir / "absent.facts"}, report_documents(1));
    FAIL() << "imported a missing file";
  } catch (const ImportError& e) {
    EXPECT_EQ(e.file(), (dir / "absent.facts").string());
  }
}

TEST(WritePath, AnErrorLateInAStreamLeavesTheFileExactlyAsItWas) {
  TempPath path;
  KnowledgeBase::create_seeded(path.str());
  std::string before = test::file_hash(path.str());
  std::string facts =
      report_facts(500) +
      "meeting wg-bad\n  title: Bad\n"
      "  cite: wg-report | Meeting number 9 of the working group\n  held_on: 2013-02-30\n";
  int bad_line = static_cast<int>(std::count(facts.begin(), facts.end(), '\n'));
  {
    KnowledgeBase kb = KnowledgeBase::open(path.str(), KnowledgeBase::Mode::read_write);
    std::istringstream stream(facts);
    try {
      kb.import_fact_streams({{"late.facts", &stream}}, report_documents(500));
      FAIL() << "accepted an impossible date";
    } catch (const ImportError& e) {
      EXPECT_EQ(e.file(), "late.facts");
      EXPECT_EQ(e.line(), bad_line);
      EXPECT_EQ(e.field(), "held_on");
    }
  }
  EXPECT_EQ(test::file_hash(path.str()), before);
}

TEST(WritePath, PreparedStatementsDoNotGrowWithTheImport) {
  KnowledgeBase small = KnowledgeBase::create_empty(":memory:");
  KnowledgeBase large = KnowledgeBase::create_empty(":memory:");
  std::int64_t few =
      small.import_facts({{"s.facts", report_facts(10)}}, report_documents(10)).statements_prepared;
  std::int64_t many = large.import_facts({{"l.facts", report_facts(2000)}}, report_documents(2000))
                          .statements_prepared;
  EXPECT_GT(few, 0);
  EXPECT_EQ(many, few);
}

TEST(WritePath, QuotationsOutOfDocumentOrderAreStillFound) {
  // The search for each quotation starts where the previous one ended; earlier text is found
  // by the fallback.
  std::string facts =
      "source wg-report\n  file: wg-report.txt\n  title: Meetings report\n  language: en\n\n";
  for (int i : {40, 3, 39, 1, 40}) {
    std::string number = std::to_string(i);
    facts += "meeting wg-" + number + "-" + std::to_string(facts.size()) +
             "\n  title: Meeting number " + number + " of the working group" +
             "\n  cite: wg-report | Meeting number " + number + " of the working group\n\n";
  }
  KnowledgeBase kb = KnowledgeBase::create_seeded(":memory:");
  EXPECT_EQ(kb.import_facts({{"o.facts", facts}}, report_documents(40)).citations, 5);
  EXPECT_TRUE(kb.verify().ok());
}

// Every row of kb_search, in rowid order.
std::vector<std::tuple<std::int64_t, std::string, std::int64_t, std::string, std::string>>
search_rows(detail::Connection& connection) {
  std::vector<std::tuple<std::int64_t, std::string, std::int64_t, std::string, std::string>> rows;
  SQLite::Statement s(connection.db(),
                      "SELECT rowid, kind, ref_id, label, body FROM kb_search ORDER BY rowid");
  while (s.executeStep())
    rows.emplace_back(s.getColumn(0).getInt64(), s.getColumn(1).getString(),
                      s.getColumn(2).getInt64(), s.getColumn(3).getString(),
                      s.getColumn(4).getString());
  return rows;
}

TEST(WritePath, SearchIndexKeptCurrentEqualsARebuild) {
  TempPath path;
  {
    KnowledgeBase kb = KnowledgeBase::create_seeded(path.str());
    kb.import_facts({{"wg.facts", report_facts(50) +
                                      "person wg-chair\n  name: Åsa Ødegård\n"
                                      "  cite: wg-report | Meeting number 7 of the working group\n"
                                      "  cite_note: a fixture (every import runs verify())\n"
                                      "\nperson_alias\n  person: wg-chair\n  alias: A. Odegard\n"
                                      "  cite: wg-report | Meeting number 8 of the working group\n"
                                      "  cite_note: a fixture (every import runs verify())\n"}},
                    report_documents(50));
    auto hits = kb.search("odegard");
    ASSERT_FALSE(hits.empty());
    EXPECT_EQ(hits.front().kind, "person");
    EXPECT_FALSE(kb.search("\"working group meeting 42\"").empty());
    EXPECT_FALSE(kb.search("\"Meeting number 49\"").empty());  // a passage of the new source
  }
  detail::Connection connection(path.str(), SQLite::OPEN_READWRITE);
  auto kept = search_rows(connection);
  detail::rebuild_search_index(connection);
  auto rebuilt = search_rows(connection);
  EXPECT_GT(kept.size(), 100u);
  EXPECT_EQ(kept, rebuilt);
}

TEST(WritePath, TriggersFollowUpdatesAndDeletes) {
  TempPath path;
  KnowledgeBase::create_seeded(path.str());
  test::raw_exec(path.str(),
                 "UPDATE person SET name = 'Zebulon Quixote' WHERE person_id = 1;"
                 "DELETE FROM citation WHERE subject_type = 'topic' AND subject_id = 1;"
                 "DELETE FROM topic WHERE topic_id = 1;");
  KnowledgeBase kb = KnowledgeBase::open(path.str());
  // The person's row and the labels of their statements follow the new name.
  auto hits = kb.search("zebulon", 100);
  ASSERT_FALSE(hits.empty());
  EXPECT_TRUE(std::any_of(hits.begin(), hits.end(),
                          [](const SearchHit& h) { return h.kind == "person" && h.ref_id == 1; }));
  for (const auto& hit : hits) EXPECT_EQ(hit.label, "Zebulon Quixote");
  for (const auto& hit : kb.search("migration", 1000))
    EXPECT_FALSE(hit.kind == "topic" && hit.ref_id == 1);
}

}  // namespace
}  // namespace euiomkb
