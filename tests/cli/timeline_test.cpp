// `euiomkb timeline`: each event's sources are listed whole, a source without a key by its
// title, however many spaces and commas the title has.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <CLI/CLI.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>

#include "euiomkb/euiomkb.hpp"
#include "import_command.hpp"
#include "tool.hpp"

namespace euiomkb {
namespace {

namespace fs = std::filesystem;

constexpr const char* kTitle = "Notes, on the Quokka group, and more";

// A seeded database with one imported meeting of 2031 cited from a source titled kTitle, whose
// key is then removed (as in a database another program wrote: record_key is optional).
std::string database_with_a_keyless_source(const fs::path& dir) {
  fs::create_directories(dir);
  std::ofstream(dir / "notes.txt") << "Notes.\nThe first meeting of the Quokka Working Group "
                                      "was held in Bern on 3 May 2031.\n";
  std::ofstream(dir / "qwg.facts")
      << "source notes\n  file: notes.txt\n  title: " << kTitle << "\n  language: en\n\n"
      << "meeting qwg-1\n  title: First meeting of the Quokka Working Group\n"
         "  held_on: 2031-05-03\n"
         "  cite: notes | The first meeting of the Quokka Working Group was held in Bern on 3 "
         "May 2031\n";
  cli::ImportCommandOptions options;
  options.db = (dir / "kb.db").string();
  options.files = {(dir / "qwg.facts").string()};
  options.quiet = true;
  KnowledgeBase::create_seeded(options.db);
  std::ostringstream out, err;
  EXPECT_EQ(cli::import_command(options, out, err), 0) << err.str();
  SQLite::Database db(options.db, SQLite::OPEN_READWRITE);
  EXPECT_EQ(db.exec("DELETE FROM record_key WHERE kind = 'source' AND key = 'notes'"), 1);
  return options.db;
}

// What `euiomkb timeline` prints on `db` in the format the flags of `tool` set.
std::string timeline(const std::string& db, bool json, bool csv) {
  std::ostringstream out, err;
  cli::Tool tool(out, err);
  tool.db_option = db;
  tool.json = json;
  tool.csv = csv;
  tool.wide = true;
  CLI::App app;
  cli::add_timeline_command(app, tool);
  app.parse(std::vector<std::string>{"timeline"});
  EXPECT_EQ(tool.run_parsed(app), 0) << err.str();
  return out.str();
}

TEST(Timeline, ListsASourceWithoutAKeyByItsWholeTitle) {
  fs::path dir =
      fs::temp_directory_path() / ("euiomkb-timeline-" + std::to_string(std::random_device()()));
  std::string db = database_with_a_keyless_source(dir);

  auto events = nlohmann::json::parse(timeline(db, true, false));
  auto meeting = std::find_if(events.begin(), events.end(),
                              [](const nlohmann::json& e) { return e["subject_key"] == "qwg-1"; });
  ASSERT_NE(meeting, events.end());
  EXPECT_EQ((*meeting)["sources"], nlohmann::json::array({kTitle})) << meeting->dump();

  // In text, the title whole (items with a space are separated by "; ").
  std::string csv = timeline(db, false, true);
  EXPECT_NE(csv.find(std::string(",\"") + kTitle + "\","), std::string::npos) << csv;
  std::string table = timeline(db, false, false);
  EXPECT_NE(table.find(kTitle), std::string::npos) << table;
  fs::remove_all(dir);
}

}  // namespace
}  // namespace euiomkb
