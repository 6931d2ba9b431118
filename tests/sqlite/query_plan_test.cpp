// Every query the library prepares is looked up through an index: EXPLAIN QUERY PLAN shows no
// full scan of a table that grows with the data, except the whole-table reads listed below.
// SQLite plans without statistics here (no ANALYZE), as it does for users.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "euiomkb/euiomkb.hpp"
#include "sqlite/connection.hpp"
#include "test_support.hpp"
#include "verify/verify.hpp"

namespace euiomkb {
namespace {

namespace fs = std::filesystem;

// Tables that stay small whatever users import: reference lists and editorial groupings.
// Every other table of the schema counts as large, new ones included.
const std::set<std::string> kSmallTables = {
    "meeting_series",    // the series codes (SOM, HOU)
    "theme",             // the editorial grouping of topics
    "agreement",         // the framework agreements between the EU and IOM
    "policy_framework",  // strategies and agendas the documents name
    "framework_part",    // their pillars and goals, a few per framework
};

// Queries allowed to scan large tables: reads whose contract is every row. Each is recognised
// by a fragment of its SQL (white space folded to single spaces).
struct WholeTableRead {
  std::string fragment;
  std::string reason;
};
const std::vector<WholeTableRead> kWholeTableReads = {
    {"LIMIT 1) ORDER BY o.short_name", "Organisations::all: every organisation"},
    {"FROM person ORDER BY name", "People::all: every person"},
    {"FROM person_alias ORDER BY person_id, alias", "People::all: every alias, in one query"},
    {"FROM v_meeting ORDER BY coalesce(held_on, '~'), meeting_id",
     "Meetings::all: the timeline, in the order of meeting_timeline"},
    {"JOIN organisation r ON r.organisation_id = f.recipient_organisation_id ORDER BY",
     "FundingRepository::all: every grant"},
    {"ON o.organisation_id = p.publisher_organisation_id ORDER BY",
     "Publications::all: every publication"},
    {"FROM source ORDER BY file_name", "Sources::all: every source document"},
    {"SELECT (SELECT count(*) FROM source)", "KnowledgeBase::counts: counts every table"},
    {"ON o.organisation_id = c.organisation_id ORDER BY c.contact_id",
     "KnowledgeBase::contacts: every contact"},
    {"FROM claim ORDER BY subject_type", "KnowledgeBase::conflicting_claims: every claim"},
    {"FROM source s WHERE NOT EXISTS (SELECT 1 FROM citation c WHERE",
     "verify: hashes every source no citation cites (the others with their citations)"},
    {"FROM citation c ORDER BY c.source_id, c.citation_id", "verify: checks every citation"},
    {"FROM citation c ), written (source_id, file_name, written_by) AS",
     "verify (published-before-event): every citation, and the date each source was written by"},
    {"FROM citation c ) SELECT e.citation_id", "verify (describes-meeting): every citation"},
    {"FROM citation c WHERE NOT CASE c.subject_type", "verify: every citation's subject exists"},
    {"FROM organisation x WHERE NOT EXISTS", "verify: every fact row is cited"},
    {"SELECT count(*) AS n FROM organisation", "verify: counts the fact rows checked"},
    {"GROUP BY subject_type, subject_id, attribute HAVING", "verify: one preferred value each"},
    {"FROM citation c JOIN source s ON s.source_id = c.source_id ORDER BY c.citation_id",
     "KnowledgeBase::each_citation: every citation"},
    {"length(text), (SELECT min(key)", "Sources::list: every source document"},
    {"WHERE instr(' ' || name_folded || ' '",
     "People::matching: a word anywhere in a name or alias (no index serves infixes)"},
};

std::string folded_spaces(const std::string& sql) {
  static const std::regex kSpaces("\\s+");
  std::string out = std::regex_replace(sql, kSpaces, " ");
  out.erase(0, out.find_first_not_of(' '));
  out.erase(out.find_last_not_of(' ') + 1);
  return out;
}

std::vector<fs::path> seed_fact_files() {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(fs::path(EUIOMKB_SOURCE_DIR) / "seed/facts"))
    if (entry.path().extension() == ".facts") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

std::optional<std::string> seed_document(const std::string& file_name) {
  fs::path path = fs::path(EUIOMKB_SOURCE_DIR) / "seed/sources" / file_name;
  if (!fs::exists(path)) return std::nullopt;
  return test::read_file(path.string());
}

void write_text(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

// Imports two files, then a changed version of the first that the second refers to: the
// statements of a replacement (provenance, dependants, removal, repointing) are prepared.
void replace_an_import(KnowledgeBase& kb, const fs::path& dir) {
  fs::create_directories(dir);
  write_text((dir / "notes.txt").string(),
             "Notes.\nThe first meeting of the Quokka Working Group was held in Bern.\n"
             "Ada Example chaired it for IOM.\n");
  std::string x =
      "source notes\n  file: notes.txt\n  title: Notes\n  language: en\n\n"
      "meeting qwg-1\n  title: First meeting of the Quokka Working Group\n"
      "  cite: notes | The first meeting of the Quokka Working Group was held\n\n"
      "person ada-example\n  name: Ada Example\n  cite: notes | Ada Example chaired it\n";
  write_text((dir / "x.facts").string(), x);
  write_text((dir / "y.facts").string(),
             "attendance\n  meeting: qwg-1\n  person: ada-example\n  organisation: iom\n"
             "  role: co-chair\n  attested_as: reported\n"
             "  cite: notes | Ada Example chaired it for IOM\n");
  ImportReport first = kb.import_files({dir / "x.facts", dir / "y.facts"});
  ASSERT_EQ(first.outcome, ImportOutcome::imported)
      << (first.problems.empty() ? "" : first.problems[0].to_string());
  write_text((dir / "x.facts").string(), x + "  honorific: Dr\n");
  ImportReport second = kb.import_files({dir / "x.facts"});
  ASSERT_EQ(second.outcome, ImportOutcome::imported)
      << (second.problems.empty() ? "" : second.problems[0].to_string());
  ASSERT_EQ(second.files[0].replaced.size(), 1u);
  fs::remove_all(dir);
}

// Calls every public query of the API with arguments that find something, so that each one
// prepares every statement it can.
void call_every_query(const KnowledgeBase& kb) {
  auto organisations = kb.organisations();
  auto all_organisations = organisations.all();
  ASSERT_FALSE(all_organisations.empty());
  auto dg_home = organisations.by_short_name("dg home");
  ASSERT_TRUE(dg_home.has_value());
  organisations.find(dg_home->id);
  organisations.names(dg_home->id);
  for (const auto& organisation : all_organisations) {
    organisations.name_on(organisation.id, PartialDate(2016));
    organisations.parent_on(organisation.id, PartialDate(2016));
    organisations.lineage(organisation.id);
  }

  auto people = kb.people();
  auto all_people = people.all();
  ASSERT_FALSE(all_people.empty());
  auto swing = people.by_name("william l swing");
  ASSERT_TRUE(swing.has_value());
  people.find(swing->id);
  people.tenures(swing->id);
  people.attendance(swing->id);
  for (const auto& person : all_people) people.statements(person.id);
  EXPECT_FALSE(people.holders_on("Director General", "IOM", PartialDate(2013)).empty());

  auto meetings = kb.meetings();
  auto timeline = meetings.all();
  ASSERT_FALSE(timeline.empty());
  auto som1 = meetings.by_sequence("som", 1);
  ASSERT_TRUE(som1.has_value());
  meetings.find(som1->id);
  meetings.attendance(som1->id);
  meetings.organisations(som1->id);
  meetings.of_organisation(kb.organisations().by_short_name("IOM")->id);
  meetings.topics(som1->id);
  auto themes = meetings.themes();
  ASSERT_FALSE(themes.empty());
  meetings.topics_by_theme(themes.front().name);

  auto agreements = kb.agreements();
  agreements.all();
  auto framework = agreements.strategic_cooperation_framework();
  ASSERT_TRUE(framework.has_value());
  agreements.find(framework->id);
  agreements.by_name(framework->name);
  agreements.parties(framework->id);
  agreements.parties_on(framework->id, PartialDate(2016));
  agreements.signatories(framework->id);
  agreements.dates(framework->id);

  kb.funding().all();
  kb.funding().in_period(PartialDate(2010), PartialDate(2020));
  kb.publications().all();
  kb.publications().policy_frameworks();
  auto sources = kb.sources().all();
  ASSERT_FALSE(sources.empty());
  kb.sources().find(sources.front().id);
  kb.sources().by_file_name(sources.front().file_name);

  kb.counts();
  kb.citations_for(*som1);
  kb.contacts();
  kb.conflicting_claims();
  kb.search("migration");
  kb.search_each("migration", [](const SearchHit&) {});
  kb.each_citation([](const Citation&) {});
  SearchOptions options;
  options.kinds = {"topic"};
  kb.search("migration", options);
  kb.meetings().by_key("som-1");
  kb.people().by_key("william-swing");
  kb.organisations().by_key("dg-home");
  kb.agreements().by_key(framework->key);
  kb.publications().by_key("rec-maltese-presidency");
  kb.sources().by_key(sources.front().key);
  kb.key_of("meeting", som1->id.value());
  kb.people().matching("swing");
  kb.sources().list();
  kb.sources().text(sources.front().id);
  kb.organisations().each([](const Organisation&) {});
  kb.people().each([](const Person&) {});
  kb.meetings().each([](const Meeting&) {});
  auto page = kb.meetings().page(std::nullopt, 2);
  ASSERT_FALSE(page.empty());
  kb.meetings().page(page.back().id, 2);
  EXPECT_TRUE(kb.verify().ok());
}

// The tables each name in a query plan may stand for: a table's own name, or an alias given to
// it in the query or in a view the query reads (views nest). An alias used for several tables
// stands for all of them.
std::map<std::string, std::set<std::string>> aliases(
    const std::string& sql, const std::map<std::string, std::string>& views,
    const std::set<std::string>& tables) {
  static const std::regex kFromItem("\\b(?:FROM|JOIN)\\s+(\\w+)(?:\\s+(?:AS\\s+)?(\\w+))?",
                                    std::regex::icase);
  std::map<std::string, std::set<std::string>> out;
  std::vector<std::string> texts = {sql};
  std::set<std::string> seen_views;
  for (std::size_t i = 0; i < texts.size(); ++i) {
    std::string text = texts[i];
    for (std::sregex_iterator it(text.begin(), text.end(), kFromItem), end; it != end; ++it) {
      std::string name = (*it)[1];
      std::string alias = (*it)[2];
      auto view = views.find(name);
      if (view != views.end() && seen_views.insert(name).second) texts.push_back(view->second);
      if (tables.count(name) && !alias.empty()) out[alias].insert(name);
    }
  }
  return out;
}

struct Query {
  std::string sql;
  std::vector<std::string> plan;  // EXPLAIN QUERY PLAN detail lines
};

class QueryPlans : public ::testing::Test {
 protected:
  // GoogleTest reports the tests of a suite whose set-up threw as skipped, which ctest counts as
  // passed: the set-up keeps what it threw, and each test fails on it instead.
  static void SetUpTestSuite() {
    try {
      collect();
    } catch (const std::exception& e) {
      setup_error_ = e.what();
    }
  }
  void SetUp() override { ASSERT_EQ(setup_error_, "") << "the suite's set-up failed"; }

  static void collect() {
    std::set<std::string> collected;
    detail::set_prepare_observer([&](std::string_view sql) { collected.emplace(sql); });
    {
      KnowledgeBase kb = KnowledgeBase::create_empty(path_->str());
      kb.import_fact_files(seed_fact_files(), seed_document);
      import_queries_ = collected.size();
      call_every_query(kb);
      replace_an_import(kb, path_->str() + ".d");
    }
    detail::set_prepare_observer(nullptr);

    SQLite::Database db(path_->str(), SQLite::OPEN_READWRITE);
    db.exec(std::string(detail::scope_tables_sql()));  // what an import's checks read
    SQLite::Statement schema(db, "SELECT type, name, sql FROM sqlite_schema");
    while (schema.executeStep()) {
      std::string type = schema.getColumn(0).getString();
      std::string name = schema.getColumn(1).getString();
      std::string sql = schema.getColumn(2).getString();
      if (type == "view") views_[name] = sql;
      if (type != "table") continue;
      tables_.insert(name);
      if (sql.rfind("CREATE VIRTUAL TABLE", 0) == 0) virtual_tables_.insert(name);
    }
    for (const std::string& sql : collected) {
      Query query{sql, {}};
      SQLite::Statement explain(db, "EXPLAIN QUERY PLAN " + sql);
      while (explain.executeStep()) query.plan.push_back(explain.getColumn(3).getString());
      queries_->push_back(std::move(query));
    }
  }
  static void TearDownTestSuite() {
    delete queries_;
    delete path_;
  }

  // A shadow table of a virtual table (kb_search_data, ...) is reached only through it.
  static bool large(const std::string& table) {
    if (kSmallTables.count(table) || table.rfind("sqlite_", 0) == 0) return false;
    return std::none_of(virtual_tables_.begin(), virtual_tables_.end(),
                        [&](const auto& v) { return table != v && table.rfind(v + "_", 0) == 0; });
  }

  // The large tables a plan line reads in full: SCAN of a table (with or without an index), a
  // virtual table scanned without a constraint, an automatic index or Bloom filter (each built
  // by reading the whole table).
  static std::set<std::string> scanned_large_tables(const std::string& sql,
                                                    const std::string& line) {
    static const std::regex kScan("^SCAN (\\w+)(.*)$");
    static const std::regex kAutomatic("^SEARCH (\\w+) USING AUTOMATIC .*$");
    static const std::regex kBloom("^BLOOM FILTER ON (\\w+) .*$");
    static const std::regex kConstrainedVirtual("^ VIRTUAL TABLE INDEX \\d+:.+$");
    std::smatch m;
    if (std::regex_match(line, m, kScan)) {
      std::string rest = m[2];
      if (std::regex_match(rest, kConstrainedVirtual)) return {};
    } else if (!std::regex_match(line, m, kAutomatic) && !std::regex_match(line, m, kBloom)) {
      return {};
    }
    std::string name = m[1];
    std::set<std::string> candidates;
    if (tables_.count(name)) {
      candidates.insert(name);
    } else {
      auto by_alias = aliases(sql, views_, tables_);
      auto found = by_alias.find(name);
      if (found != by_alias.end()) candidates = found->second;
    }
    std::set<std::string> out;
    for (const auto& table : candidates)
      if (large(table)) out.insert(table);
    return out;
  }

  static const WholeTableRead* whole_table_read(const std::string& sql) {
    std::string folded = folded_spaces(sql);
    for (const auto& read : kWholeTableReads)
      if (folded.find(read.fragment) != std::string::npos) return &read;
    return nullptr;
  }

  static std::string describe(const Query& query) {
    std::string out = folded_spaces(query.sql) + "\n  plan:";
    for (const auto& line : query.plan) out += "\n    " + line;
    return out;
  }

  static std::string setup_error_;
  static test::TempPath* path_;
  static std::vector<Query>* queries_;
  static std::size_t import_queries_;
  static std::set<std::string> tables_;
  static std::set<std::string> virtual_tables_;
  static std::map<std::string, std::string> views_;
};
std::string QueryPlans::setup_error_;
test::TempPath* QueryPlans::path_ = new test::TempPath("euiomkb-plans");
std::vector<Query>* QueryPlans::queries_ = new std::vector<Query>;
std::size_t QueryPlans::import_queries_ = 0;
std::set<std::string> QueryPlans::tables_;
std::set<std::string> QueryPlans::virtual_tables_;
std::map<std::string, std::string> QueryPlans::views_;

TEST_F(QueryPlans, CollectsEveryQueryOfTheApi) {
  // An import prepares an INSERT per record kind besides its key and citation statements; the
  // read API prepares 52 queries (repositories, counts, citations, contacts, claims, search and
  // verify). Fewer means the observer or call_every_query lost some.
  EXPECT_GE(import_queries_, 20u);
  EXPECT_GE(queries_->size() - import_queries_, 52u);
  EXPECT_TRUE(tables_.count("meeting") && large("meeting") && large("kb_search"));
  EXPECT_FALSE(large("kb_search_data") || large("theme"));
}

TEST_F(QueryPlans, NoQueryScansALargeTableUnlessItReadsEveryRow) {
  for (const Query& query : *queries_) {
    std::set<std::string> scanned;
    for (const auto& line : query.plan) {
      auto tables = scanned_large_tables(query.sql, line);
      scanned.insert(tables.begin(), tables.end());
    }
    if (scanned.empty() || whole_table_read(query.sql)) continue;
    std::string names;
    for (const auto& table : scanned) names += (names.empty() ? "" : ", ") + table;
    ADD_FAILURE() << "scans " << names << ": " << describe(query);
  }
}

TEST_F(QueryPlans, EveryWholeTableReadIsStillPreparedAndStillScans) {
  for (const auto& read : kWholeTableReads) {
    auto query = std::find_if(queries_->begin(), queries_->end(), [&](const Query& q) {
      return folded_spaces(q.sql).find(read.fragment) != std::string::npos;
    });
    if (query == queries_->end()) {
      ADD_FAILURE() << "no query matches the whole-table read '" << read.fragment << "' ("
                    << read.reason << "): remove it from kWholeTableReads";
      continue;
    }
    bool scans = false;
    for (const auto& line : query->plan)
      scans = scans || !scanned_large_tables(query->sql, line).empty();
    EXPECT_TRUE(scans) << "no longer scans: remove it from kWholeTableReads: " << describe(*query);
  }
}

TEST_F(QueryPlans, RecognisesScansUnderAliasesAndViews) {
  // The checker itself must be able to fail: plans of known full scans.
  EXPECT_EQ(scanned_large_tables("SELECT * FROM meeting", "SCAN meeting"),
            std::set<std::string>{"meeting"});
  EXPECT_EQ(scanned_large_tables("SELECT * FROM person pe WHERE note = ?",
                                 "SCAN pe USING COVERING INDEX x"),
            std::set<std::string>{"person"});
  EXPECT_EQ(scanned_large_tables("SELECT * FROM v_post_holder WHERE post = ?", "SCAN t"),
            std::set<std::string>{"tenure"});
  EXPECT_EQ(
      scanned_large_tables("SELECT * FROM kb_search", "SCAN kb_search VIRTUAL TABLE INDEX 0:"),
      std::set<std::string>{"kb_search"});
  EXPECT_EQ(scanned_large_tables("SELECT * FROM attendance a JOIN x",
                                 "SEARCH a USING AUTOMATIC COVERING INDEX (person_id=?)"),
            std::set<std::string>{"attendance"});
  EXPECT_TRUE(scanned_large_tables("SELECT * FROM meeting WHERE meeting_id = ?",
                                   "SEARCH meeting USING INTEGER PRIMARY KEY (rowid=?)")
                  .empty());
  EXPECT_TRUE(scanned_large_tables("SELECT * FROM kb_search WHERE kb_search MATCH ?",
                                   "SCAN kb_search VIRTUAL TABLE INDEX 32:M4")
                  .empty());
  EXPECT_TRUE(scanned_large_tables("SELECT * FROM theme th", "SCAN th").empty());
}

}  // namespace
}  // namespace euiomkb
