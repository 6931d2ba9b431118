// The calls the command-line tool needs beyond the repositories: lookups by key, people by
// some of their words, sources without text, search options, a user's SQL under guard (what
// it allows, its time limit and interrupt, the connection it leaves), and ids beside labels on
// references.
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <gtest/gtest.h>

#include <algorithm>
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

// A bounded search (SearchOptions::rank_at_most) ranks the newest matches of the records and of
// the paragraphs of sources and says when it left some out; within what it ranked, the order is
// that of ranking everything.
TEST_F(Queries, SearchRanksAllMatchesWithinTheBoundAndSaysWhenItDoesNot) {
  std::vector<SearchHit> everything;  // every match, best first
  kb().search_each("migration", [&](const SearchHit& hit) { everything.push_back(hit); });
  ASSERT_GT(everything.size(), 20u);
  auto same = [](const SearchHit& a, const SearchHit& b) {
    return a.kind == b.kind && a.ref_id == b.ref_id && a.snippet == b.snippet;
  };

  // Within the bound: the top hits of ranking all, and nothing said.
  SearchOptions options;
  options.limit = 10;
  options.rank_at_most = static_cast<int>(everything.size());
  SearchResults within = kb().search_ranked("migration", options);
  EXPECT_TRUE(within.all_ranked);
  EXPECT_EQ(within.ranked, 0);
  ASSERT_EQ(within.hits.size(), 10u);
  for (std::size_t k = 0; k < 10; ++k) EXPECT_TRUE(same(within.hits[k], everything[k])) << k;

  // Beyond it: fewer ranked, said so, and the hits keep the full ranking's order.
  options.rank_at_most = 3;
  SearchResults bounded = kb().search_ranked("migration", options);
  EXPECT_FALSE(bounded.all_ranked);
  EXPECT_GT(bounded.ranked, 0);
  EXPECT_LE(bounded.ranked, 6) << "3 records and 3 paragraphs at most";
  ASSERT_EQ(bounded.hits.size(), static_cast<std::size_t>(bounded.ranked));
  std::size_t at = 0;
  for (const SearchHit& hit : bounded.hits) {
    while (at < everything.size() && !same(everything[at], hit)) ++at;
    ASSERT_LT(at, everything.size()) << hit.kind << ' ' << hit.ref_id << ": not in rank order";
    ++at;
  }
  EXPECT_TRUE(std::any_of(bounded.hits.begin(), bounded.hits.end(),
                          [](const SearchHit& h) { return h.kind == "passage"; }));
  EXPECT_TRUE(std::any_of(bounded.hits.begin(), bounded.hits.end(), [](const SearchHit& h) {
    return h.kind != "passage";
  })) << "the records and the paragraphs are bounded apart: neither crowds out the other";
  options.offset = 2;
  auto rest = kb().search("migration", options);
  ASSERT_EQ(rest.size(), bounded.hits.size() - 2);
  EXPECT_TRUE(same(rest[0], bounded.hits[2]));

  options.offset = 0;
  options.rank_at_most = 0;  // rank everything
  SearchResults all = kb().search_ranked("migration", options);
  EXPECT_TRUE(all.all_ranked);
  for (std::size_t k = 0; k < all.hits.size(); ++k) EXPECT_TRUE(same(all.hits[k], everything[k]));
}

// When the best matches are among the newest, a bounded search must give what ranking every
// match gives: the same hits in the same order, for one word (kb_rank leaves out the weight a lone
// phrase would get, which bm25 multiplies every row by) and for two (weighed as bm25 weighs them).
// 200 old rows mention "zebrafish" once in a long text, one in ten "okapi" too (the rarer word
// weighs more); the 30 newest, short, repeat each word a varying number of times, and the newer
// are the shorter, so the order is neither their rowids' nor any one word's.
TEST(SearchRanking, BoundedTopHitsAreFullRankingsWhenTheBestAreNewest) {
  test::TempPath path;
  KnowledgeBase::create_seeded(path.str());
  test::raw_exec(path.str(), R"sql(
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200)
    INSERT INTO kb_search (rowid, kind, ref_id, label, body)
      SELECT (1 << 26) + i * 8 + 1, 'topic', 900000 + i, 'old ' || i,
             'zebrafish ' || iif(i % 10 = 0, 'okapi ', '') ||
             replace(printf('%.*c', 40 + i % 7, 'x'), 'x', 'filler ')
        FROM n;
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 30)
    INSERT INTO kb_search (rowid, kind, ref_id, label, body)
      SELECT (1 << 26) + 4000 + i * 8 + 1, 'topic', 910000 + i, 'new ' || i,
             replace(printf('%.*c', 1 + i % 4, 'x'), 'x', 'zebrafish ') ||
             replace(printf('%.*c', 1 + (i * 7) % 5, 'x'), 'x', 'okapi ') ||
             replace(printf('%.*c', 31 - i, 'x'), 'x', 'filler ')
        FROM n;)sql");
  KnowledgeBase kb = KnowledgeBase::open(path.str(), KnowledgeBase::Mode::read_only);
  for (const char* query : {"zebrafish", "zebrafish okapi"}) {
    SearchOptions options;
    options.limit = 20;
    options.rank_at_most = 40;  // the 30 strong rows and the newest weak ones
    SearchResults bounded = kb.search_ranked(query, options);
    options.rank_at_most = 0;
    SearchResults full = kb.search_ranked(query, options);
    EXPECT_FALSE(bounded.all_ranked) << query;
    EXPECT_EQ(bounded.ranked, 40) << query;
    EXPECT_TRUE(full.all_ranked) << query;
    ASSERT_EQ(full.hits.size(), 20u) << query;
    ASSERT_EQ(bounded.hits.size(), 20u) << query;
    for (std::size_t k = 0; k < 20; ++k) {
      EXPECT_EQ(full.hits[k].label.rfind("new ", 0), 0u) << "the best are the newest: " << query;
      EXPECT_EQ(bounded.hits[k].ref_id, full.hits[k].ref_id) << query << " at " << k;
      EXPECT_EQ(bounded.hits[k].snippet, full.hits[k].snippet) << query << " at " << k;
    }
    auto by_id = [](const SearchHit& a, const SearchHit& b) { return a.ref_id < b.ref_id; };
    auto by_id_down = [](const SearchHit& a, const SearchHit& b) { return a.ref_id > b.ref_id; };
    EXPECT_FALSE(std::is_sorted(full.hits.begin(), full.hits.end(), by_id) ||
                 std::is_sorted(full.hits.begin(), full.hits.end(), by_id_down))
        << "the order is not the rowids': " << query;
  }
}

// holders_on reads a post's tenures from the date's year on (tenure_post_end); its answers are
// those of testing every tenure of the post, whatever the precision of the dates.
TEST(HoldersOn, AnswersAsTestingEveryTenureOfThePostAtEveryPrecision) {
  test::TempPath path;
  KnowledgeBase::create_seeded(path.str());
  test::raw_exec(path.str(), R"sql(
    INSERT INTO post (post_id, title, organisation_id)
      SELECT 9000, 'Keeper of Records', organisation_id FROM organisation WHERE short_name = 'IOM';
    INSERT INTO person (person_id, name, name_folded) VALUES
      (9001, 'A', 'a'), (9002, 'B', 'b'), (9003, 'C', 'c'), (9004, 'D', 'd'), (9005, 'E', 'e'),
      (9006, 'F', 'f'), (9007, 'G', 'g'), (9008, 'H', 'h');
    INSERT INTO tenure (person_id, post_id, start_date, end_date, attested_from, attested_to)
    VALUES (9001, 9000, '2011', '2011-11', NULL, NULL),
           (9002, 9000, '2011-11-03', NULL, NULL, NULL),
           (9003, 9000, NULL, NULL, '2009', '2011'),
           (9004, 9000, '2005', '2010-12-31', '2006', '2010'),
           (9005, 9000, NULL, NULL, '2012-02', '2012-02-15'),
           (9006, 9000, NULL, NULL, NULL, NULL),
           (9007, 9000, '2011-11-03', '2011-11-03', NULL, NULL),
           (9008, 9000, NULL, '2012', '2010-06', '2013');)sql");
  KnowledgeBase kb = KnowledgeBase::open(path.str(), KnowledgeBase::Mode::read_only);
  SQLite::Database db(path.str(), SQLite::OPEN_READONLY);
  // The semantics People::holders_on documents, over every tenure of the post.
  SQLite::Statement every(db, R"sql(
    SELECT t.person_id FROM tenure t WHERE t.post_id = 9000
       AND coalesce(t.start_date, t.attested_from) <= ?2
       AND (coalesce(t.end_date, t.attested_to) IS NULL
            OR ?1 <= coalesce(t.end_date, t.attested_to) || '~')
     ORDER BY coalesce(t.start_date, t.attested_from), t.tenure_id)sql");
  std::vector<PartialDate> dates;
  for (int year = 2004; year <= 2014; ++year) {
    dates.emplace_back(year);
    for (int month = 1; month <= 12; ++month) dates.emplace_back(year, month);
  }
  for (int day = 1; day <= 30; ++day) dates.emplace_back(2011, 11, day);
  for (int day = 1; day <= 29; ++day) dates.emplace_back(2012, 2, day);
  dates.emplace_back(2010, 12, 31);
  dates.emplace_back(2011, 1, 1);
  int answered = 0;
  for (const PartialDate& date : dates) {
    std::vector<std::int64_t> expected, found;
    every.bind(1, date.to_string());
    every.bind(2, date.to_string() + "~");
    while (every.executeStep()) expected.push_back(every.getColumn(0).getInt64());
    every.reset();
    for (const Tenure& t : kb.people().holders_on("keeper of records", "iom", date))
      found.push_back(t.person_id.value());
    EXPECT_EQ(found, expected) << date.to_string();
    if (!expected.empty()) ++answered;
  }
  EXPECT_GT(answered, 50);
  auto on = [&](PartialDate date) {
    std::vector<std::int64_t> ids;
    for (const Tenure& t : kb.people().holders_on("Keeper of Records", "IOM", date))
      ids.push_back(t.person_id.value());
    return ids;
  };
  // C ended '2011', A '2011-11': both still count on 2011-11-03, as do B and G starting then.
  EXPECT_EQ(on(PartialDate(2011, 11, 3)),
            (std::vector<std::int64_t>{9003, 9008, 9001, 9002, 9007}));
  EXPECT_EQ(on(PartialDate(2014)), (std::vector<std::int64_t>{9002}));
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
