// euiomkb: the EU-IOM Strategic Cooperation Framework knowledge base from the command line.
// Exit codes: 0 success, 1 failure, 2 usage error (an unknown command, option or name, a
// malformed query). Data goes to stdout, messages (each prefixed "euiomkb: ") to stderr. On a
// terminal, stdout is held until the command ends and then paged when longer than the screen
// (terminal.hpp); to a file or a pipe it streams.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>

#include "euiomkb/error.hpp"
#include "terminal.hpp"
#include "tool.hpp"

namespace {

using euiomkb::cli::Tool;

// Every subcommand, in the order --help lists them.
constexpr void (*kCommands[])(CLI::App&, Tool&) = {
    euiomkb::cli::add_info_command,      euiomkb::cli::add_meetings_command,
    euiomkb::cli::add_meeting_command,   euiomkb::cli::add_person_command,
    euiomkb::cli::add_org_command,       euiomkb::cli::add_show_command,
    euiomkb::cli::add_cite_command,      euiomkb::cli::add_lists_commands,
    euiomkb::cli::add_framework_command, euiomkb::cli::add_timeline_command,
    euiomkb::cli::add_search_command,    euiomkb::cli::add_sql_command,
    euiomkb::cli::add_schema_command,    euiomkb::cli::add_export_command,
    euiomkb::cli::add_graph_command,     euiomkb::cli::add_import_command,
    euiomkb::cli::add_keys_command,      euiomkb::cli::add_build_command,
    euiomkb::cli::add_verify_command,    euiomkb::cli::add_migrate_command,
    euiomkb::cli::add_tour_command,      euiomkb::cli::add_site_command,
    euiomkb::cli::add_diff_command,
};

// The command word of argv (the first argument that is neither an option nor --db's value).
std::string command_word(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--db" || arg == "--wait") {
      ++i;
      continue;
    }
    if (!arg.empty() && arg[0] == '-') continue;
    return arg;
  }
  return "";
}

}  // namespace

// What can escape main is what setting up the parser throws (out of memory), before there is
// any output to report it on: the program then ends as std::terminate ends it.
int main(int argc, char** argv) {  // NOLINT(bugprone-exception-escape)
  const bool terminal = isatty(STDOUT_FILENO) == 1;
  std::ostringstream held;  // a terminal's output, until the command ends
  Tool tool(terminal ? static_cast<std::ostream&>(held) : std::cout, std::cerr);
  tool.out_is_terminal = terminal;
  // What the command wrote, through the pager when it is longer than the screen.
  auto show_held = [&] {
    if (!terminal) return;
    euiomkb::cli::show_on_terminal(held.str(), tool.no_pager);
    held.str("");
  };
  CLI::App app{"euiomkb: the EU-IOM Strategic Cooperation Framework knowledge base", "euiomkb"};
  // Help wraps to the terminal (80 columns in a file or a pipe); commands inherit it.
  app.formatter(std::make_shared<euiomkb::cli::WrappingFormatter>(euiomkb::cli::help_width()));
  app.set_version_flag("--version",
                       std::string("euiomkb ") + EUIOMKB_VERSION +
                           ": command-line tool of the EU-IOM Strategic Cooperation Framework "
                           "knowledge base (schema version " +
                           std::to_string(euiomkb::KnowledgeBase::latest_schema_version()) + ")");
  app.add_option("--db", tool.db_option,
                 "Database file, before or after the command; default: $EUIOMKB_DB, else "
                 "euiomkb.db in ${XDG_DATA_HOME:-$HOME/.local/share}/euiomkb/, created from "
                 "the embedded seed on first use");
  auto* format = app.add_option_group("Output", "Output format (default: an aligned table)");
  format->add_flag("--json", tool.json, "JSON, keys in a fixed order");
  format->add_flag("--csv", tool.csv, "CSV (RFC 4180)");
  format->add_flag("--tsv", tool.tsv, "Tab-separated values");
  format->require_option(0, 1);
  app.add_flag("--wide", tool.wide,
               "Tables as wide as their cells (default: fit the terminal, or $COLUMNS)");
  app.add_option("--wait", tool.wait_seconds,
                 "Seconds to wait while another program writes to the database (default 5; 0 "
                 "fails at once)")
      ->check(CLI::NonNegativeNumber)
      ->type_name("SECONDS");
  app.add_flag("-v,--verbose", tool.verbosity,
               "Log what the library does on stderr: -v info, -vv debug (default: warnings and "
               "errors, or the level $EUIOMKB_LOG names: trace, debug, info, warn, error, off)");
  app.add_flag("-q,--quiet", tool.quiet, "Log errors only (for import: no progress either)");
  app.add_flag("--no-pager", tool.no_pager,
               "Never page (default on a terminal: output longer than the screen goes through "
               "$PAGER, else less -FRX; PAGER=cat or an empty PAGER also turns it off)");
  app.require_subcommand(1);
  app.footer(
      "Options of every command, before or after its name: --db FILE, --json | --csv | --tsv, "
      "--wide, --wait SECONDS, -v | -vv | -q, --no-pager.\n"
      "Run 'euiomkb COMMAND --help' for a command's options.\n"
      "Exit codes: 0 success, 1 failure, 2 usage error.");
  for (auto add : kCommands) add(app, tool);

  if (argc == 1) {
    std::cerr << app.help();
    return 2;
  }
  std::string word = command_word(argc, argv);
  std::vector<std::string> names;
  for (const CLI::App* command : app.get_subcommands({})) names.push_back(command->get_name());
  if (!word.empty() && std::find(names.begin(), names.end(), word) == names.end()) {
    std::string message = "euiomkb: unknown command '" + word + "'";
    auto close = euiomkb::cli::closest(word, names);
    if (!close.empty()) message += "; did you mean '" + close.front() + "'?";
    std::cerr << message << "\nRun 'euiomkb --help' for the list of commands.\n";
    return 2;
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) {  // --help, --version
      int code = app.exit(e, tool.out, std::cerr);
      show_held();
      return code;
    }
    std::cerr << "euiomkb: " << e.what() << "\nRun 'euiomkb " << (word.empty() ? "" : word + " ")
              << "--help' for usage.\n";
    return 2;
  }
  // The command's output comes before its error message, as it would without holding it.
  int code = 0;
  std::string error;
  try {
    tool.start_logging();
    code = tool.run_parsed(app);
  } catch (const euiomkb::cli::UsageError& e) {
    error = e.what();
    code = 2;
  } catch (const euiomkb::QueryError& e) {
    error = e.what();
    code = 2;
  } catch (const std::exception& e) {
    error = e.what();
    code = 1;
  }
  show_held();
  std::cout.flush();
  if (!error.empty()) std::cerr << "euiomkb: " << error << "\n";
  return code;
}
