// `euiomkb site`: a user's imports get pages, everything from the database is escaped, URLs and
// anchors do not depend on the order fact files were imported in, every citation link lands on
// an anchor of its source page, the JSON twins parse, and a directory the command did not make
// is refused and left as it was.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <regex>
#include <set>
#include <sstream>

#include "euiomkb/euiomkb.hpp"
#include "import_command.hpp"
#include "site/pages.hpp"
#include "tool.hpp"

namespace euiomkb {
namespace {

namespace fs = std::filesystem;

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// Runs `euiomkb site --out OUT --db DB --pagefind PAGEFIND` in-process: its exit code.
int run_site(const std::string& db, const fs::path& out, std::string* errors = nullptr,
             const std::vector<std::string>& more = {}) {
  std::ostringstream stdout_text, stderr_text;
  cli::Tool tool(stdout_text, stderr_text);
  CLI::App app;
  cli::add_site_command(app, tool);
  std::vector<std::string> args = {"site", "--out", out.string()};
  args.insert(args.end(), more.begin(), more.end());
  tool.db_option = db;
  std::vector<std::string> reversed(args.rbegin(), args.rend());
  app.parse(reversed);
  int code = 0;
  try {
    code = tool.run_parsed(app);
  } catch (const cli::UsageError& e) {
    stderr_text << e.what();
    code = 2;
  }
  if (errors != nullptr) *errors = stderr_text.str();
  return code;
}

class SiteTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("euiomkb-site-" + std::to_string(std::random_device()()));
    fs::create_directories(dir_);
    std::ofstream(dir_ / "hostile.txt")
        << "Minutes.\nThe meeting <script>alert(1)</script> of the Quokka Group was held in "
           "Bern.\n<b>Ada Example</b> chaired it & spoke.\n";
    std::ofstream(dir_ / "plain.txt") << "Register.\nBo Example kept the register of the "
                                         "Quokka Group.\n";
    std::ofstream(dir_ / "hostile.facts")
        << "source hostile-notes\n  file: hostile.txt\n  title: Notes <script>alert(1)</script>\n"
           "  language: en\n\n"
           "meeting quokka-1\n  title: Quokka <script>alert(1)</script> meeting\n"
           "  cite: hostile-notes | The meeting <script>alert(1)</script> of the Quokka Group\n"
           "  cite_note: <img src=x onerror=alert(1)>\n\n"
           "person ada-example\n  name: Ada Example\n"
           "  cite: hostile-notes | <b>Ada Example</b> chaired it\n";
    std::ofstream(dir_ / "plain.facts")
        << "source plain-notes\n  file: plain.txt\n  title: Register\n  language: en\n\n"
           "person bo-example\n  name: Bo Example\n"
           "  cite: plain-notes | Bo Example kept the register\n";
  }
  void TearDown() override { fs::remove_all(dir_); }

  // A seeded database with the two fact files imported in `order`.
  std::string database(const std::string& name, const std::vector<std::string>& order) {
    cli::ImportCommandOptions options;
    options.db = (dir_ / name).string();
    for (const std::string& f : order) options.files.push_back((dir_ / f).string());
    options.quiet = true;
    KnowledgeBase::create_seeded(options.db);
    std::ostringstream out, err;
    EXPECT_EQ(cli::import_command(options, out, err), 0) << err.str();
    return options.db;
  }

  fs::path dir_;
};

// Every file of the site, relative to its root.
std::set<std::string> files_of(const fs::path& root) {
  std::set<std::string> files;
  for (const auto& entry : fs::recursive_directory_iterator(root))
    if (entry.is_regular_file()) files.insert(fs::relative(entry.path(), root).string());
  return files;
}

std::set<std::string> matches(const std::string& text, const std::regex& pattern) {
  std::set<std::string> found;
  for (std::sregex_iterator i(text.begin(), text.end(), pattern), end; i != end; ++i)
    found.insert((*i)[1].str());
  return found;
}

TEST_F(SiteTest, ImportedRecordsGetPagesAndTheirTextIsEscaped) {
  std::string db = database("a.db", {"hostile.facts", "plain.facts"});
  fs::path out = dir_ / "site";
  std::string errors;
  ASSERT_EQ(run_site(db, out, &errors), 0) << errors;
  ASSERT_TRUE(fs::exists(out / "meetings" / "quokka-1.html"));
  ASSERT_TRUE(fs::exists(out / "people" / "ada-example.html"));
  ASSERT_TRUE(fs::exists(out / "people" / "bo-example.html"));
  ASSERT_TRUE(fs::exists(out / "sources" / "hostile-notes.html"));
  for (const std::string& file : files_of(out)) {
    // JSON twins carry the text as data; only pages are HTML.
    if (file.size() < 5 || file.substr(file.size() - 5) != ".html") continue;
    std::string page = read(out / file);
    EXPECT_EQ(page.find("<script>alert"), std::string::npos) << file;
    EXPECT_EQ(page.find("<img src=x"), std::string::npos) << file;
    EXPECT_EQ(page.find("<b>Ada"), std::string::npos) << file;
  }
  std::string meeting = read(out / "meetings" / "quokka-1.html");
  EXPECT_NE(meeting.find("Quokka &lt;script&gt;alert(1)&lt;/script&gt; meeting"),
            std::string::npos);
  EXPECT_NE(meeting.find("&lt;img src=x onerror=alert(1)&gt;"), std::string::npos);
  std::string person = read(out / "people" / "ada-example.html");
  EXPECT_NE(person.find("&lt;b&gt;Ada Example&lt;/b&gt; chaired it"), std::string::npos);
  // Every script the site loads is a file of its own: no inline script anywhere.
  for (const std::string& file : files_of(out)) {
    if (file.size() > 5 && file.substr(file.size() - 5) == ".html") {
      EXPECT_TRUE(matches(read(out / file), std::regex("<script(?![^>]*\\bsrc=)([^>]*)>")).empty())
          << file;
    }
  }
}

TEST_F(SiteTest, UrlsAndAnchorsDoNotDependOnImportOrder) {
  fs::path one = dir_ / "one", two = dir_ / "two";
  ASSERT_EQ(run_site(database("a.db", {"hostile.facts", "plain.facts"}), one), 0);
  ASSERT_EQ(run_site(database("b.db", {"plain.facts", "hostile.facts"}), two), 0);
  ASSERT_EQ(files_of(one), files_of(two));
  std::regex ids("id=\"([^\"]+)\""), links("href=\"([^\"]+)\"");
  for (const std::string& file : files_of(one)) {
    if (file.size() < 5 || file.substr(file.size() - 5) != ".html") continue;
    std::string a = read(one / file), b = read(two / file);
    EXPECT_EQ(matches(a, ids), matches(b, ids)) << file;
    EXPECT_EQ(matches(a, links), matches(b, links)) << file;
  }
}

TEST_F(SiteTest, EveryCitationLinkLandsOnAnAnchorAndEveryTwinParses) {
  fs::path out = dir_ / "site";
  ASSERT_EQ(run_site(database("a.db", {"hostile.facts", "plain.facts"}), out), 0);
  std::regex cite_ref("class=\"cite-ref\" href=\"#([^\"]+)\"");
  std::regex cite("class=\"cite\" href=\"\\.\\./(sources/[^\"#]+)#([^\"]+)\"");
  std::regex backref("class=\"backref\" href=\"\\.\\./([^\"#]+)#([^\"]+)\"");
  std::map<std::string, std::string> pages;
  std::size_t cites = 0, backrefs = 0;
  for (const std::string& file : files_of(out)) {
    if (file.size() > 5 && file.substr(file.size() - 5) == ".json") {
      EXPECT_TRUE(nlohmann::json::accept(read(out / file))) << file;
      continue;
    }
    if (file.size() < 5 || file.substr(file.size() - 5) != ".html") continue;
    std::string page = read(out / file);
    for (const std::string& anchor : matches(page, cite_ref))
      EXPECT_NE(page.find("id=\"" + anchor + "\""), std::string::npos) << file << " " << anchor;
    for (std::sregex_iterator i(page.begin(), page.end(), cite), end; i != end; ++i, ++cites) {
      std::string target = read(out / (*i)[1].str());
      EXPECT_NE(target.find("id=\"" + (*i)[2].str() + "\""), std::string::npos)
          << file << " -> " << (*i)[1] << "#" << (*i)[2];
    }
    for (std::sregex_iterator i(page.begin(), page.end(), backref), end; i != end;
         ++i, ++backrefs) {
      std::string target = read(out / (*i)[1].str());
      EXPECT_NE(target.find("id=\"" + (*i)[2].str() + "\""), std::string::npos)
          << file << " -> " << (*i)[1] << "#" << (*i)[2];
    }
  }
  EXPECT_GT(cites, 100U);  // the seed's pages cite hundreds of passages
  EXPECT_GT(backrefs, 100U);
  nlohmann::json twin = nlohmann::json::parse(read(out / "meetings" / "som-11.json"));
  EXPECT_EQ(twin["meeting"]["key"], "som-11");
  EXPECT_EQ(twin["url"], "meetings/som-11.json");
  nlohmann::json index = nlohmann::json::parse(read(out / "people" / "index.json"));
  ASSERT_TRUE(index.is_array());
  bool listed = false;
  for (const auto& entry : index)
    if (entry["key"] == "bo-example" && entry["url"] == "people/bo-example.html") listed = true;
  EXPECT_TRUE(listed);
}

// No page grows with the database: an index lists a page's worth of records and links to the
// next page, the pages together list every record once, in the order of index.json; a table on
// a record page shows its first rows and says how many its JSON twin holds.
TEST_F(SiteTest, LongIndexesArePagedAndLongTablesShowTheirFirstRows) {
  std::string db = database("a.db", {"plain.facts"});
  KnowledgeBase kb = KnowledgeBase::open(db);
  fs::path out = dir_ / "paged";
  fs::create_directories(out);
  cli::site::SiteBuilder builder(kb, db, out, false,
                                 cli::site::SiteLimits{.index_rows = 7, .table_rows = 3});
  builder.build();

  nlohmann::json all = nlohmann::json::parse(read(out / "people" / "index.json"));
  const std::size_t pages = (all.size() + 6) / 7;
  ASSERT_GT(pages, 2U);
  std::regex row("<tr data-year=[^>]*><td><a href=\"([^\"]+)\\.html\">");
  std::vector<std::string> listed;
  for (std::size_t n = 1; n <= pages; ++n) {
    std::string name = n == 1 ? "index.html" : "index-" + std::to_string(n) + ".html";
    ASSERT_TRUE(fs::exists(out / "people" / name)) << name;
    std::string page = read(out / "people" / name);
    std::size_t on_page = 0;
    for (std::sregex_iterator i(page.begin(), page.end(), row), end; i != end; ++i, ++on_page)
      listed.push_back((*i)[1].str());
    EXPECT_EQ(on_page, n < pages ? 7U : all.size() - 7 * (pages - 1)) << name;
    EXPECT_NE(page.find("Page " + std::to_string(n) + " of " + std::to_string(pages)),
              std::string::npos)
        << name;
    if (n > 1) {
      std::string previous = n == 2 ? "index.html" : "index-" + std::to_string(n - 1) + ".html";
      EXPECT_NE(page.find("href=\"" + previous + "\" rel=\"prev\""), std::string::npos) << name;
    }
    if (n < pages)
      EXPECT_NE(page.find("href=\"index-" + std::to_string(n + 1) + ".html\" rel=\"next\""),
                std::string::npos)
          << name;
    else
      EXPECT_EQ(page.find("rel=\"next\""), std::string::npos) << name;
  }
  EXPECT_FALSE(fs::exists(out / "people" / ("index-" + std::to_string(pages + 1) + ".html")));
  std::vector<std::string> keys;
  for (const auto& entry : all) keys.push_back(entry["key"]);
  EXPECT_EQ(listed, keys);

  // The 11th meeting discussed more than three topics: its page shows three, its twin all.
  nlohmann::json twin = nlohmann::json::parse(read(out / "meetings" / "som-11.json"));
  const std::size_t topics = twin["topics"].size();
  ASSERT_GT(topics, 3U);
  std::string meeting = read(out / "meetings" / "som-11.html");
  std::size_t from = meeting.find("<h2>Topics</h2>");
  ASSERT_NE(from, std::string::npos);
  std::size_t to = meeting.find("</table>", from);
  std::string table = meeting.substr(from, to - from);
  std::size_t rows = 0;
  for (std::size_t at = table.find("<tr>"); at != std::string::npos;
       at = table.find("<tr>", at + 1))
    ++rows;
  EXPECT_EQ(rows, 1U + 3U);  // the header and three topics
  EXPECT_NE(meeting.find("The first 3 of " + std::to_string(topics) +
                         " rows; <a href=\"som-11.json\">this page's JSON</a>"),
            std::string::npos);
}

// What search indexes: a record page's heading and its own fields, and a source's text; the
// tables of related records, the evidence list, a source's list of citing pages and the numbers
// of its passages are marked for Pagefind to skip (each of those records is indexed on its own
// page), and an excerpt keeps a field's name and value apart.
TEST_F(SiteTest, SearchIndexesEachRecordOnItsOwnPageOnly) {
  std::string db = database("a.db", {"plain.facts"});
  KnowledgeBase kb = KnowledgeBase::open(db);
  fs::path out = dir_ / "indexed";
  fs::create_directories(out);
  cli::site::SiteBuilder builder(kb, db, out, true, cli::site::SiteLimits{});
  builder.build();

  std::string meeting = read(out / "meetings" / "som-11.html");
  std::size_t body = meeting.find("<main id=\"main\" data-pagefind-body");
  ASSERT_NE(body, std::string::npos);
  EXPECT_LT(body, meeting.find("<h1>"));
  EXPECT_LT(meeting.find("<h1>"), meeting.find("<dl class=\"record\">"));
  std::size_t tables = 0;
  for (std::size_t at = meeting.find("<div class=\"table-wrap\" tabindex"); at != std::string::npos;
       at = meeting.find("<div class=\"table-wrap\" tabindex", at + 1))
    ++tables;
  EXPECT_EQ(tables, 0U) << "a table of related records without data-pagefind-ignore";
  EXPECT_NE(meeting.find("<div class=\"table-wrap\" data-pagefind-ignore"), std::string::npos);
  EXPECT_NE(meeting.find("<section id=\"evidence\" data-pagefind-ignore"), std::string::npos);

  std::string source = read(out / "sources" / "plain-notes.html");
  EXPECT_NE(source.find("data-pagefind-body"), std::string::npos);
  EXPECT_NE(source.find("<ol class=\"cited\" data-pagefind-ignore>"), std::string::npos);
  // A passage's number is no part of its text: a search excerpt must not read "Swing32".
  EXPECT_NE(source.find("<a class=\"passage-note\" data-pagefind-ignore"), std::string::npos);
  EXPECT_EQ(source.find("<a class=\"passage-note\" href"), std::string::npos);
  // A field's name and value are two words in an excerpt ("Name Bo Example", not "NameBo").
  EXPECT_EQ(read(out / "people" / "bo-example.html").find("</dt><dd>"), std::string::npos);
  EXPECT_NE(read(out / "search.html").find("are not searched"), std::string::npos);
}

// `site --changes-since OLD.db` publishes the change feed: changes.html lists each record added
// since OLD, linked to its page, with its fields and citations (escaped), its twin is the
// tool's `diff --json`, and the home page links it; without the option there is no such page.
TEST_F(SiteTest, ChangesSinceAnOlderDatabaseArePublished) {
  std::string older = database("old.db", {"plain.facts"});
  std::string newer = database("new.db", {"plain.facts", "hostile.facts"});
  fs::path out = dir_ / "site";
  std::string errors;
  ASSERT_EQ(run_site(newer, out, &errors, {"--changes-since", older}), 0) << errors;
  ASSERT_TRUE(fs::exists(out / "changes.html"));
  nlohmann::json twin = nlohmann::json::parse(read(out / "changes.json"));
  EXPECT_EQ(twin["older"], "old.db");
  EXPECT_EQ(twin["removed"], 0);
  EXPECT_EQ(twin["changed"], 0);
  // hostile.facts adds a source, a meeting and a person.
  std::set<std::string> added;
  for (const auto& c : twin["changes"]) {
    EXPECT_EQ(c["change"], "added");
    added.insert(c["kind"].get<std::string>() + "/" + c["key"].get<std::string>());
  }
  EXPECT_EQ(added, (std::set<std::string>{"source/hostile-notes", "meeting/quokka-1",
                                          "person/ada-example"}));
  EXPECT_EQ(twin["added"], 3);
  std::string page = read(out / "changes.html");
  EXPECT_NE(page.find("<a href=\"meetings/quokka-1.html\">"), std::string::npos);
  EXPECT_NE(page.find("<a href=\"people/ada-example.html\">Ada Example</a>"), std::string::npos);
  EXPECT_NE(page.find("<a href=\"sources/hostile-notes.html\">hostile-notes</a> <q>&lt;b&gt;Ada "
                      "Example&lt;/b&gt; chaired it</q>"),
            std::string::npos);
  EXPECT_EQ(page.find("<script>alert"), std::string::npos);
  EXPECT_NE(read(out / "index.html").find("href=\"changes.html\""), std::string::npos);
  EXPECT_EQ(nlohmann::json::parse(read(out / "index.json"))["changes"], "changes.json");

  // No option, no change page; a missing older database is refused before anything is written.
  fs::path plain = dir_ / "plain-site";
  ASSERT_EQ(run_site(newer, plain), 0);
  EXPECT_FALSE(fs::exists(plain / "changes.html"));
  EXPECT_EQ(run_site(newer, dir_ / "refused", &errors,
                     {"--changes-since", (dir_ / "missing.db").string()}),
            2);
  EXPECT_NE(errors.find("missing.db"), std::string::npos) << errors;
  EXPECT_FALSE(fs::exists(dir_ / "refused"));
}

TEST_F(SiteTest, RefusesADirectoryItDidNotMakeAndReplacesOneItDid) {
  std::string db = database("a.db", {"plain.facts"});
  fs::path foreign = dir_ / "photos";
  fs::create_directories(foreign);
  std::ofstream(foreign / "holiday.jpg") << "not a site";
  std::string errors;
  EXPECT_EQ(run_site(db, foreign, &errors), 2);
  EXPECT_NE(errors.find(foreign.string()), std::string::npos) << errors;
  EXPECT_EQ(files_of(foreign), std::set<std::string>{"holiday.jpg"});
  EXPECT_EQ(read(foreign / "holiday.jpg"), "not a site");
  // Nothing staged is left beside it.
  std::set<std::string> beside;
  for (const auto& entry : fs::directory_iterator(dir_))
    beside.insert(entry.path().filename().string());
  for (const std::string& name : beside) EXPECT_EQ(name.find("photos.tmp-"), std::string::npos);

  fs::path site = dir_ / "site";
  ASSERT_EQ(run_site(db, site), 0);
  EXPECT_EQ(read(site / ".euiomkb-site").rfind("euiomkb site\n", 0), 0U);
  ASSERT_EQ(run_site(db, site), 0);  // a site it made is replaced
  EXPECT_TRUE(fs::exists(site / "people" / "bo-example.html"));
}

}  // namespace
}  // namespace euiomkb
