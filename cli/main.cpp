// euiomkb: build, verify and tour the EU-IOM knowledge base.
// Exit codes: 0 success, 1 failure, 2 usage error.
#include <CLI/CLI.hpp>
#include <iostream>

#include "commands.hpp"
#include "euiomkb/error.hpp"
#include "import_command.hpp"

int main(int argc, char** argv) {
  CLI::App app{"euiomkb: the EU-IOM Strategic Cooperation Framework knowledge base"};
  app.require_subcommand(1);
  std::string db = "euiomkb.db";
  bool force = false;

  app.set_version_flag("--version", EUIOMKB_VERSION);
  auto* build = app.add_subcommand("build", "Write a fresh seeded database");
  build->add_option("--db", db, "Database file to write")->capture_default_str();
  build->add_flag("--force", force, "Replace an existing file");
  std::string facts;
  build->add_option("--facts", facts, "Import DIR/*.facts into the new database")
      ->check(CLI::ExistingDirectory);
  euiomkb::cli::ImportCommandOptions import_options;
  auto* import =
      app.add_subcommand("import", "Import fact files (all or nothing; every problem reported)");
  import->add_option("files", import_options.files, "Fact files (seed/FORMAT.md)")->required();
  import->add_option("--db", import_options.db, "Database file to import into")
      ->capture_default_str();
  import->add_option(
      "--documents", import_options.documents,
      "Directory of the documents `source` records name (default: beside each fact file)");
  import->add_flag("--dry-run", import_options.dry_run, "Check everything, write nothing");
  import->add_flag("--quiet", import_options.quiet, "No progress on stderr");
  import->add_option("--error-limit", import_options.error_limit, "Stop after this many problems")
      ->capture_default_str();
  std::string kind;
  auto* keys = app.add_subcommand("keys", "List the keys fact files can refer to");
  keys->add_option("kind", kind, "Only keys of this kind (meeting, person, organisation, ...)");
  keys->add_option("--db", db, "Database file to read")->capture_default_str();

  auto* verify = app.add_subcommand("verify", "Check integrity, citations and coverage");
  verify->add_option("--db", db, "Database file to check")->capture_default_str();

  auto* tour = app.add_subcommand("tour", "Print counts and the meeting timeline");
  tour->add_option("--db", db, "Database file to read")->capture_default_str();

  // CLI11 reports an unknown command as "a subcommand is required"; say what happened.
  if (argc > 1 && argv[1][0] != '-') {
    std::string known;
    bool found = false;
    for (const CLI::App* command : app.get_subcommands({})) {
      found = found || command->get_name() == argv[1];
      known += (known.empty() ? "" : ", ") + command->get_name();
    }
    if (!found) {
      std::cerr << "euiomkb: unknown command '" << argv[1] << "' (commands: " << known << ")\n";
      return 2;
    }
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }
  try {
    if (*import) return euiomkb::cli::import_command(import_options, std::cout, std::cerr);
    if (*keys) return euiomkb::cli::keys_command(db, kind, std::cout, std::cerr);
    if (*build && !facts.empty())
      return euiomkb::cli::build_with_facts(db, force, facts, std::cout, std::cerr);
    if (*build && force) euiomkb::cli::warn_discarded_imports(db, facts, std::cerr);
    if (*build) return euiomkb::cli::build(db, force, std::cout, std::cerr);
    if (*verify) return euiomkb::cli::verify(db, std::cout, std::cerr);
    if (*tour) return euiomkb::cli::tour(db, std::cout);
  } catch (const euiomkb::Error& e) {
    std::cerr << "euiomkb: " << e.what() << "\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "euiomkb: " << e.what() << "\n";
    return 1;
  }
  return 2;
}
