// The calls the command-line tool needs beyond the repositories: lookups by key, people by
// some of their words, sources without text, search options, a user's SQL under guard (what
// it allows, its time limit and interrupt, the connection it leaves), and ids beside labels on
// references.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "euiomkb/euiomkb.hpp"
#include "seeded_suite.hpp"
#include "test_support.hpp"

namespace euiomkb {
namespace {

class Queries : public test::SeededSuite {
 protected:
};

TEST_F(Queries, ByKeyFindsTheRecordFactFilesName) {
  auto som = kb().meetings().by_key("som-11");
  ASSERT_TRUE(som.has_value());
  EXPECT_EQ(som->sequence_no, 11);
  EXPECT_EQ(kb().key_of("meeting", som->id.value()), "som-11");
  EXPECT_EQ(kb().people().by_key("william-swing")->name, "William Lacy Swing");
  EXPECT_EQ(kb().organisations().by_key("dg-home")->short_name, "DG HOME");
  EXPECT_FALSE(kb().meetings().by_key("som-12").has_value());
}

TEST_F(Queries, MatchingFindsPeopleBySomeOfTheirWords) {
  auto sorensen = kb().people().matching("sorensen");
  ASSERT_EQ(sorensen.size(), 1u);
  EXPECT_EQ(sorensen[0].name, "Claus Sørensen");
  auto swing = kb().people().matching("SWING william");
  ASSERT_EQ(swing.size(), 1u);
  EXPECT_EQ(swing[0].name, "William Lacy Swing");
  EXPECT_TRUE(kb().people().matching("swin").empty()) << "whole words only";
}

TEST_F(Queries, SourcesListWithoutTextAndTextOnRequest) {
  auto sources = kb().sources().list();
  ASSERT_EQ(sources.size(), 5u);
  auto text = kb().sources().text(sources[0].id);
  ASSERT_TRUE(text.has_value());
  EXPECT_GT(sources[0].length, 0);
  EXPECT_LE(sources[0].length, static_cast<std::int64_t>(text->size()));
  EXPECT_FALSE(kb().sources().text(SourceId(999)).has_value());
}

TEST_F(Queries, SearchOptionsLimitOffsetKindsAndMarkers) {
  SearchOptions options;
  options.kinds = {"topic"};
  options.mark_start = "<b>";
  options.mark_end = "</b>";
  auto hits = kb().search("reintegration", options);
  ASSERT_FALSE(hits.empty());
  for (const SearchHit& hit : hits) {
    EXPECT_EQ(hit.kind, "topic");
    EXPECT_NE(hit.snippet.find("<b>reintegration</b>"), std::string::npos) << hit.snippet;
  }
  options.offset = 1;
  auto rest = kb().search("reintegration", options);
  ASSERT_EQ(rest.size() + 1, hits.size());
  EXPECT_EQ(rest[0].ref_id, hits[1].ref_id);
}

TEST_F(Queries, RunSqlReadsAndRefusesWritesAttachAndExtensions) {
  std::vector<std::string> names;
  std::vector<std::vector<SqlValue>> rows;
  SqlOptions options;
  options.parameters = {SqlValue(std::string("SOM"))};
  kb().run_sql(
      "SELECT sequence_no, title FROM v_meeting WHERE series = ?1 ORDER BY sequence_no", options,
      [&](const std::vector<std::string>& n) { names = n; },
      [&](const std::vector<SqlValue>& r) { rows.push_back(r); });
  EXPECT_EQ(names, (std::vector<std::string>{"sequence_no", "title"}));
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(std::get<std::int64_t>(rows[3][0]), 11);
  auto nothing = [](const auto&) {};
  SqlOptions guarded;
  EXPECT_THROW(kb().run_sql("DELETE FROM meeting", guarded, nothing, nothing), QueryError);
  EXPECT_THROW(kb().run_sql("ATTACH ':memory:' AS other", guarded, nothing, nothing), QueryError);
  EXPECT_THROW(kb().run_sql("SELECT load_extension('x')", guarded, nothing, nothing), QueryError);
  EXPECT_THROW(kb().run_sql("SELEC 1", guarded, nothing, nothing), QueryError);
  // A refused statement after a good one: nothing of the refused one ran.
  EXPECT_THROW(kb().run_sql("SELECT 1; DELETE FROM meeting", guarded, nothing, nothing),
               QueryError);
  EXPECT_EQ(kb().counts().meetings, 6);
  SqlOptions writes;
  writes.allow_writes = true;
  EXPECT_NO_THROW(kb().run_sql("CREATE TEMP TABLE scratch (x); INSERT INTO scratch VALUES (1)",
                               writes, nothing, nothing));
}

// The message of the QueryError `sql` throws under `options` ("" when it throws none).
std::string refusal(KnowledgeBase& kb, const std::string& sql, const SqlOptions& options) {
  try {
    kb.run_sql(
        sql, options, [](const auto&) {}, [](const auto&) {});
  } catch (const QueryError& e) {
    return e.what();
  }
  return "";
}

// The first value of the first row `sql` returns, as text.
std::string first_value(KnowledgeBase& kb, const std::string& sql, const SqlOptions& options = {}) {
  std::string value;
  kb.run_sql(
      sql, options, [](const auto&) {},
      [&](const std::vector<SqlValue>& row) {
        if (!value.empty() || row.empty()) return;
        if (const auto* text = std::get_if<std::string>(&row[0])) value = *text;
        if (const auto* number = std::get_if<std::int64_t>(&row[0]))
          value = std::to_string(*number);
      });
  return value;
}

// Never ends, and returns no row until it does.
constexpr const char* kEndless =
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*) FROM n";

TEST(CountSqlStatements, CountsWhatRunSqlRunsOneAfterAnother) {
  EXPECT_EQ(count_sql_statements("SELECT 1"), 1u);
  EXPECT_EQ(count_sql_statements("SELECT 1; SELECT 2"), 2u);
  EXPECT_EQ(count_sql_statements("SELECT 1;\n-- a comment; not a statement\n;  ;"), 1u);
  EXPECT_EQ(count_sql_statements("SELECT ';' AS a, \"x;y\" /* ; */ FROM t;"), 1u);
  EXPECT_EQ(count_sql_statements("CREATE TRIGGER t AFTER INSERT ON a BEGIN DELETE FROM b; "
                                 "DELETE FROM c; END; SELECT 1"),
            2u);
  EXPECT_EQ(count_sql_statements("  /* only a comment */ "), 0u);
  EXPECT_EQ(count_sql_statements(""), 0u);
}

TEST_F(Queries, RunSqlAllowsReadOnlyPragmasAndRefusesThoseThatSetSomething) {
  SqlOptions reads;
  EXPECT_EQ(first_value(kb(), "PRAGMA journal_mode", reads), "memory");
  EXPECT_EQ(first_value(kb(), "pragma main.JOURNAL_MODE", reads), "memory");
  EXPECT_EQ(first_value(kb(), "SELECT * FROM pragma_journal_mode", reads), "memory");
  EXPECT_EQ(first_value(kb(), "PRAGMA table_info(meeting)", reads), "0");
  EXPECT_EQ(first_value(kb(), "SELECT name FROM pragma_table_info('meeting') WHERE cid = 0", reads),
            "meeting_id");
  EXPECT_EQ(first_value(kb(), "PRAGMA integrity_check(5)", reads), "ok");
  // FTS5 prepares its own statements (a PRAGMA data_version among them) while it runs.
  EXPECT_EQ(
      first_value(kb(), "SELECT count(*) > 0 FROM kb_search WHERE kb_search MATCH 'migration'"),
      "1");
  // Every pragma of the allowlist runs on a read-only connection without an argument.
  for (const char* pragma : {"table_list",
                             "index_list(meeting)",
                             "index_info(sqlite_autoindex_record_key_1)",
                             "index_xinfo(sqlite_autoindex_record_key_1)",
                             "table_xinfo(meeting)",
                             "foreign_key_list(attendance)",
                             "foreign_key_check",
                             "quick_check",
                             "database_list",
                             "collation_list",
                             "function_list",
                             "module_list",
                             "pragma_list",
                             "compile_options",
                             "application_id",
                             "user_version",
                             "schema_version",
                             "data_version",
                             "encoding",
                             "page_size",
                             "page_count",
                             "freelist_count",
                             "max_page_count",
                             "auto_vacuum",
                             "journal_mode",
                             "journal_size_limit",
                             "locking_mode",
                             "synchronous",
                             "wal_autocheckpoint",
                             "foreign_keys",
                             "defer_foreign_keys",
                             "recursive_triggers",
                             "query_only",
                             "cache_size",
                             "cache_spill",
                             "mmap_size",
                             "temp_store",
                             "busy_timeout",
                             "secure_delete",
                             "cell_size_check",
                             "automatic_index",
                             "trusted_schema",
                             "writable_schema",
                             "legacy_alter_table",
                             "ignore_check_constraints",
                             "reverse_unordered_selects",
                             "read_uncommitted",
                             "analysis_limit",
                             "soft_heap_limit",
                             "hard_heap_limit",
                             "threads",
                             "fullfsync",
                             "checkpoint_fullfsync"})
    EXPECT_EQ(refusal(kb(), std::string("PRAGMA ") + pragma, reads), "") << pragma;

  // Settings and pragmas that write or change the connection: refused, and nothing changed.
  EXPECT_EQ(refusal(kb(), "PRAGMA foreign_keys=OFF", reads),
            "refused: PRAGMA foreign_keys = OFF is not allowed (it changes a setting); pass "
            "--write to allow it");
  EXPECT_EQ(first_value(kb(), "PRAGMA foreign_keys", reads), "1");
  for (const char* pragma :
       {"PRAGMA user_version = 7", "PRAGMA application_id(7)", "PRAGMA query_only = 1",
        "PRAGMA writable_schema = ON", "PRAGMA recursive_triggers = 1", "PRAGMA cache_size=10",
        "PRAGMA journal_mode = DELETE", "PRAGMA optimize", "PRAGMA wal_checkpoint",
        "PRAGMA incremental_vacuum", "PRAGMA shrink_memory", "PRAGMA case_sensitive_like = 1",
        "SELECT * FROM pragma_optimize"})
    EXPECT_NE(refusal(kb(), pragma, reads).find("refused: PRAGMA "), std::string::npos) << pragma;
  EXPECT_EQ(first_value(kb(), "PRAGMA user_version", reads),
            std::to_string(KnowledgeBase::latest_schema_version()));
  EXPECT_EQ(first_value(kb(), "PRAGMA query_only", reads), "0");
  // A read-only pragma inside a statement that writes does not make the statement a read.
  EXPECT_EQ(refusal(kb(), "INSERT INTO theme (name) SELECT name FROM pragma_table_info('meeting')",
                    reads),
            "refused: the statement would change the database; pass --write to allow it");

  SqlOptions writes;
  writes.allow_writes = true;
  EXPECT_EQ(refusal(kb(), "PRAGMA recursive_triggers = 1; PRAGMA recursive_triggers = 0", writes),
            "");
}

TEST_F(Queries, RunSqlRefusesFts3TokenizerAndLoadExtensionEvenWithWrites) {
  SqlOptions writes;
  writes.allow_writes = true;
  EXPECT_EQ(refusal(kb(), "SELECT fts3_tokenizer('simple')", writes),
            "refused: fts3_tokenizer() is never allowed");
  EXPECT_EQ(refusal(kb(), "SELECT FTS3_TOKENIZER('simple', x'00')", writes),
            "refused: fts3_tokenizer() is never allowed");
  EXPECT_EQ(refusal(kb(), "SELECT load_extension('x')", writes),
            "refused: load_extension() is never allowed");
  EXPECT_EQ(refusal(kb(), "SELECT fts3_tokenizer('simple')", SqlOptions{}),
            "refused: fts3_tokenizer() is never allowed");
  // FTS3/4's optimize() writes from inside a SELECT: it needs allow_writes.
  EXPECT_EQ(refusal(kb(), "CREATE VIRTUAL TABLE temp.notes USING fts4(body)", writes), "");
  EXPECT_EQ(refusal(kb(), "SELECT optimize(notes) FROM notes LIMIT 1", SqlOptions{}),
            "refused: optimize() is not allowed (it rewrites a full-text index); pass --write to "
            "allow it");
  EXPECT_EQ(
      refusal(kb(), "SELECT optimize(notes) FROM notes LIMIT 1; DROP TABLE temp.notes", writes),
      "");
  EXPECT_EQ(refusal(kb(), "DETACH other", SqlOptions{}),
            "refused: DETACH is not allowed; pass --write to allow it");
}

TEST_F(Queries, RunSqlStopsAStatementAtTheTimeLimit) {
  SqlOptions limited;
  limited.time_limit = std::chrono::milliseconds(20);
  EXPECT_EQ(refusal(kb(), kEndless, limited),
            "stopped: the query ran longer than its time limit of 0.02 s; raise the limit with "
            "--time-limit SECONDS (0 for none)");
  // The connection is the library's again: no limit, no handler.
  EXPECT_EQ(first_value(kb(),
                        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                        "WHERE i < 100000) SELECT count(*) FROM n"),
            "100000");
  EXPECT_EQ(kb().counts().meetings, 6);
}

TEST_F(Queries, RunSqlCountsOnlyTheTimeSqliteSpends) {
  // Each row's callback takes longer than the limit; SQLite's own work for a row (a few
  // thousand steps, so that the progress handler looks at the clock during each) takes far
  // less.
  SqlOptions limited;
  limited.time_limit = std::chrono::milliseconds(200);
  int rows = 0;
  kb().run_sql(
      "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3) "
      "SELECT i, (WITH RECURSIVE m(j) AS (SELECT 1 UNION ALL SELECT j + 1 FROM m "
      "WHERE j < 2000 + 0 * i) SELECT count(*) FROM m) FROM n",
      limited, [](const auto&) {},
      [&](const std::vector<SqlValue>& row) {
        ++rows;
        EXPECT_EQ(std::get<std::int64_t>(row[1]), 2000);
        std::this_thread::sleep_for(std::chrono::milliseconds(250));
      });
  EXPECT_EQ(rows, 3);
}

TEST_F(Queries, RunSqlStopsWhenTheInterruptFlagIsSet) {
  std::atomic<bool> stop{true};
  SqlOptions options;
  options.interrupt = &stop;
  EXPECT_EQ(refusal(kb(), "SELECT 1", options), "interrupted");

  // Set from another thread while SQLite works on a statement that returns no row (a signal
  // handler sets it the same way). The time limit only keeps a broken interrupt from hanging.
  stop = false;
  options.time_limit = std::chrono::minutes(2);
  std::thread setter([&stop] {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    stop = true;
  });
  std::string message = refusal(kb(), kEndless, options);
  setter.join();
  EXPECT_EQ(message, "interrupted");

  // Set between rows: no row after it.
  stop = false;
  int rows = 0;
  EXPECT_THROW(
      kb().run_sql(
          "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT i FROM n",
          options, [](const auto&) {},
          [&](const auto&) {
            if (++rows == 3) stop = true;
          }),
      QueryError);
  EXPECT_EQ(rows, 3);
}

TEST_F(Queries, RunSqlRollsBackATransactionItLeavesOpen) {
  SqlOptions writes;
  writes.allow_writes = true;
  auto nothing = [](const auto&) {};
  kb().run_sql("CREATE TEMP TABLE left_open (x)", writes, nothing, nothing);
  kb().run_sql("BEGIN; INSERT INTO left_open VALUES (1)", writes, nothing, nothing);
  EXPECT_EQ(first_value(kb(), "SELECT count(*) FROM left_open"), "0");
  EXPECT_THROW(
      kb().run_sql("BEGIN; INSERT INTO left_open VALUES (1); SELEC", writes, nothing, nothing),
      QueryError);
  EXPECT_EQ(first_value(kb(), "SELECT count(*) FROM left_open"), "0");
  kb().run_sql("BEGIN; INSERT INTO left_open VALUES (1); COMMIT", writes, nothing, nothing);
  EXPECT_EQ(first_value(kb(), "SELECT count(*) FROM left_open"), "1");
  kb().run_sql("DROP TABLE left_open", writes, nothing, nothing);
}

TEST(RunSql, JournalModeReadsOnAReadOnlyFile) {
  test::TempPath path;
  KnowledgeBase::create_seeded(path.str());
  KnowledgeBase kb = KnowledgeBase::open(path.str(), KnowledgeBase::Mode::read_only);
  std::string mode = first_value(kb, "PRAGMA journal_mode");
  EXPECT_TRUE(mode == "wal" || mode == "delete") << mode;
}

TEST(RunSql, AWriteTheFileRefusesIsADatabaseErrorNamingTheFile) {
  // query_only makes SQLite refuse writes as it does for a write-protected file
  // (SQLITE_READONLY); the command-line test does it with a read-only file.
  test::TempPath path;
  KnowledgeBase::create_seeded(path.str());
  KnowledgeBase kb = KnowledgeBase::open(path.str(), KnowledgeBase::Mode::read_write);
  SqlOptions writes;
  writes.allow_writes = true;
  try {
    kb.run_sql(
        "PRAGMA query_only = 1; INSERT INTO theme (name) VALUES ('x')", writes, [](const auto&) {},
        [](const auto&) {});
    FAIL() << "the write ran";
  } catch (const QueryError& e) {
    FAIL() << "a QueryError (a usage error): " << e.what();
  } catch (const DatabaseError& e) {
    EXPECT_NE(std::string(e.what()).find("'" + path.str() + "' cannot be written"),
              std::string::npos)
        << e.what();
    EXPECT_EQ(e.sqlite_code() & 0xff, 8 /* SQLITE_READONLY */);
  }
}

TEST_F(Queries, ReferencesCarryIdsBesideLabels) {
  auto som = kb().meetings().by_sequence("SOM", 11);
  ASSERT_TRUE(som.has_value());
  for (const Attendance& a : kb().meetings().attendance(som->id)) {
    ASSERT_TRUE(a.organisation_id.has_value()) << a.person;
    EXPECT_EQ(kb().organisations().find(*a.organisation_id)->short_name, a.organisation);
    EXPECT_EQ(kb().people().find(a.person_id)->name, a.person);
  }
  for (const MeetingOrganisation& o : kb().meetings().organisations(som->id))
    EXPECT_EQ(kb().organisations().find(*o.organisation_id)->short_name, o.organisation);
  auto swing = kb().people().by_key("william-swing");
  for (const Statement& s : kb().people().statements(swing->id)) EXPECT_EQ(s.person_id, swing->id);
}

}  // namespace
}  // namespace euiomkb
