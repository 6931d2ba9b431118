// `euiomkb import` of a changed version of a file imported before: what it prints when the
// earlier import's records are replaced, and when a dry run would replace them.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <regex>
#include <sstream>

#include "euiomkb/euiomkb.hpp"
#include "import_command.hpp"

namespace euiomkb {
namespace {

namespace fs = std::filesystem;

TEST(ImportCommand, SaysWhichEarlierImportAChangedFileReplaced) {
  fs::path dir = fs::temp_directory_path() /
                 ("euiomkb-reimport-cli-" + std::to_string(std::random_device()()));
  fs::create_directories(dir);
  std::ofstream(dir / "notes.txt") << "Notes.\nThe first meeting of the Quokka Working Group "
                                      "was held in Bern.\nAda Example chaired it.\n";
  const std::string source =
      "source notes\n  file: notes.txt\n  title: Notes\n  language: en\n\n"
      "meeting qwg-1\n  title: First meeting of the Quokka Working Group\n"
      "  cite: notes | The first meeting of the Quokka Working Group was held\n\n";
  std::ofstream(dir / "qwg.facts") << source;
  cli::ImportCommandOptions options;
  options.db = (dir / "kb.db").string();
  options.files = {(dir / "qwg.facts").string()};
  options.quiet = true;
  KnowledgeBase::create_seeded(options.db);
  std::ostringstream out, err;
  ASSERT_EQ(cli::import_command(options, out, err), 0) << err.str();

  std::ofstream(dir / "qwg.facts", std::ios::trunc)
      << source
      << "person ada-example\n  name: Ada Example\n  cite: notes | Ada Example chaired it\n";
  const std::string file = options.files[0];
  const std::string when = "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z";
  options.dry_run = true;
  out.str("");
  ASSERT_EQ(cli::import_command(options, out, err), 0) << err.str();
  EXPECT_TRUE(
      std::regex_search(out.str(), std::regex("^" + file +
                                              ": 1 meeting, 1 person, 1 source; would replace the "
                                              "version imported at " +
                                              when + " \\(2 records\\)\n")))
      << out.str();

  options.dry_run = false;
  out.str("");
  ASSERT_EQ(cli::import_command(options, out, err), 0) << err.str();
  EXPECT_TRUE(std::regex_search(out.str(),
                                std::regex("^" + file +
                                           ": 1 meeting, 1 person, 1 source; replaced the version "
                                           "imported at " +
                                           when +
                                           " \\(2 records removed\\)\nimported 3 records with 2 "
                                           "citations into ")))
      << out.str();
  fs::remove_all(dir);
}

TEST(ImportCommand, RefusesANamesakeFromAnotherPlaceUnlessToldToReplace) {
  fs::path dir = fs::temp_directory_path() /
                 ("euiomkb-namesake-cli-" + std::to_string(std::random_device()()));
  const std::string notes =
      "Notes.\nThe first meeting of the Quokka Working Group was held in Bern.\n";
  const std::string facts =
      "source notes\n  file: notes.txt\n  title: Notes\n  language: en\n\n"
      "meeting qwg-1\n  title: First meeting of the Quokka Working Group\n"
      "  cite: notes | The first meeting of the Quokka Working Group was held\n";
  for (const char* project : {"one", "two"}) {
    fs::create_directories(dir / project / "facts");
    std::ofstream(dir / project / "facts" / "notes.txt") << notes;
  }
  std::ofstream(dir / "one" / "facts" / "meetings.facts") << facts;
  std::ofstream(dir / "two" / "facts" / "meetings.facts") << facts << "  note: in Bern\n";
  cli::ImportCommandOptions options;
  options.db = (dir / "kb.db").string();
  options.quiet = true;
  KnowledgeBase::create_seeded(options.db);
  std::ostringstream out, err;
  options.files = {(dir / "one" / "facts" / "meetings.facts").string()};
  ASSERT_EQ(cli::import_command(options, out, err), 0) << err.str();

  options.files = {(dir / "two" / "facts" / "meetings.facts").string()};
  out.str("");
  EXPECT_EQ(cli::import_command(options, out, err), 1);
  EXPECT_NE(err.str().find("was imported from " +
                           fs::canonical(dir / "one" / "facts" / "meetings.facts").string()),
            std::string::npos)
      << err.str();
  EXPECT_NE(err.str().find("--replace"), std::string::npos) << err.str();

  options.replace = true;
  out.str("");
  err.str("");
  ASSERT_EQ(cli::import_command(options, out, err), 0) << err.str();
  EXPECT_NE(out.str().find("replaced the version imported at"), std::string::npos) << out.str();
  fs::remove_all(dir);
}

}  // namespace
}  // namespace euiomkb
