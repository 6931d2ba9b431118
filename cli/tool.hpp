// What every command shares: the options that come before or after the command name (--db,
// --json, --csv, --tsv), where the database is, the output writer, and the table that maps
// each parsed command to the code that runs it.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <iosfwd>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "euiomkb/knowledge_base.hpp"
#include "euiomkb/log.hpp"
#include "output.hpp"

namespace euiomkb::cli {

// Where the database is: --db, else $EUIOMKB_DB, else the default file under
// ${XDG_DATA_HOME:-$HOME/.local/share}/euiomkb/.
struct DatabaseLocation {
  std::string path;
  bool is_default = false;
};

// The default database file (does not create it).
std::string default_database_path();

// How Tool::open treats the file it opens.
enum class OpenFor {
  // The commands' use: the default file is created from the embedded seed on first use; a
  // read-write open migrates an older schema, a read-only one refuses it (SchemaError).
  use,
  // `migrate`: the file as it is. An older schema is left for KnowledgeBase::migrate() (open
  // read-write), and nothing is created: a missing file is an error as for any other open.
  migration,
};

class Tool {
 public:
  Tool(std::ostream& output, std::ostream& errors) : out(output), err(errors) {}

  // Adds a subcommand whose `run` is called when it is the one parsed; it accepts the shared
  // options after its name, and --part NAME (one part of the answer: `part`).
  CLI::App* command(CLI::App& app, const std::string& name, const std::string& description,
                    std::function<int()> run);
  // Runs the parsed command; 2 when there is none.
  int run_parsed(const CLI::App& app) const;

  DatabaseLocation location() const;
  // Opens the database, first creating the default file from the embedded seed when that is
  // where the database is and it does not exist yet (saying so in one line on stderr), unless
  // `purpose` is OpenFor::migration (see there).
  KnowledgeBase open(KnowledgeBase::Mode mode = KnowledgeBase::Mode::read_only,
                     OpenFor purpose = OpenFor::use) const;
  // How the database is opened in `mode`: the wait for another program's lock is --wait.
  KnowledgeBase::OpenOptions open_options(KnowledgeBase::Mode mode) const;

  // The library's log level: -v info, -vv (or more) debug, -q errors only; without a flag
  // $EUIOMKB_LOG (trace, debug, info, warn, error, off); else warn. Throws UsageError when
  // $EUIOMKB_LOG names no level, or for -v with -q.
  LogLevel log_level() const;
  // Prints the library's messages at log_level() and above on `err`, one line each:
  // "euiomkb: LEVEL: message".
  void start_logging() const;

  Format format() const;
  // The writer of the answer in format(), keeping only --part when given (make_writer).
  std::unique_ptr<Writer> writer(bool sectioned) const {
    return make_writer(format(), out, sectioned, width(), part);
  }
  // For a command whose output is not a document of parts: throws UsageError when --json,
  // --csv, --tsv or --part was given: "`command` `what`" ("tour prints a walk ..."), and
  // `instead` (where a program finds the same facts). No command silently ignores a format.
  void refuse_formats(const std::string& command, const std::string& what,
                      const std::string& instead) const;
  // The width tables fit: none with --wide; else $COLUMNS when set; else the terminal's when
  // standard output is one (out_is_terminal); else none (output to a file or pipe is as wide
  // as it needs).
  std::size_t width() const;

  std::string db_option;
  bool json = false;
  bool csv = false;
  bool tsv = false;
  std::string part;         // --part NAME: only that part of the answer
  bool wide = false;        // --wide: tables as wide as their cells
  double wait_seconds = 5;  // --wait: how long to wait for another program's write lock
  int verbosity = 0;        // how many -v
  bool quiet = false;
  bool no_pager = false;  // --no-pager: write to the terminal directly
  // Whether `out` ends on a terminal (main holds a terminal's output to page it).
  bool out_is_terminal = false;
  std::ostream& out;
  std::ostream& err;

 private:
  std::vector<std::pair<const CLI::App*, std::function<int()>>> runs_;
};

// `text` in lower case with the accents of Latin letters dropped ("Sørensen" -> "sorensen"):
// what lookups and suggestions compare.
std::string fold(std::string_view text);

// A name a record can be found by (`match`: a name, an alias, a key) and how a suggestion
// names the record (`shown`): a record with several aliases is suggested once.
struct Candidate {
  std::string match;
  std::string shown;
};

// Up to `count` records of `candidates` closest to `name` (case and accents ignored; one or two
// edits away, or a word of the candidate that close, or a candidate containing the name), best
// first, each `shown` once.
std::vector<std::string> closest(const std::string& name, const std::vector<Candidate>& candidates,
                                 std::size_t count = 3);
std::vector<std::string> closest(const std::string& name,
                                 const std::vector<std::string>& candidates, std::size_t count = 3);
// "no person named 'x'; did you mean: a, b?" as a UsageError.
[[noreturn]] void unknown(const std::string& what, const std::string& name,
                          const std::vector<Candidate>& candidates);
[[noreturn]] void unknown(const std::string& what, const std::string& name,
                          const std::vector<std::string>& candidates);

// The one of `choices` that `value` names (case and accents ignored); otherwise a UsageError
// "OPTION: 'value' is not one of a, b, c; did you mean: b?" (an unknown filter value is a
// usage error, never an empty answer).
std::string choice(const std::string& option, const std::string& value,
                   const std::vector<std::string>& choices);

// Parses a YYYY, YYYY-MM or YYYY-MM-DD option value; UsageError naming `option` otherwise.
PartialDate parse_date_option(const std::string& option, const std::string& value);

// The subcommands, one file each; each adds itself to `app`.
void add_build_command(CLI::App& app, Tool& tool);
void add_verify_command(CLI::App& app, Tool& tool);
void add_tour_command(CLI::App& app, Tool& tool);
void add_info_command(CLI::App& app, Tool& tool);
void add_meetings_command(CLI::App& app, Tool& tool);
void add_meeting_command(CLI::App& app, Tool& tool);
void add_person_command(CLI::App& app, Tool& tool);
void add_org_command(CLI::App& app, Tool& tool);
void add_framework_command(CLI::App& app, Tool& tool);
void add_timeline_command(CLI::App& app, Tool& tool);
void add_search_command(CLI::App& app, Tool& tool);
void add_sql_command(CLI::App& app, Tool& tool);
void add_export_command(CLI::App& app, Tool& tool);
void add_graph_command(CLI::App& app, Tool& tool);
void add_import_command(CLI::App& app, Tool& tool);
void add_keys_command(CLI::App& app, Tool& tool);
void add_migrate_command(CLI::App& app, Tool& tool);
void add_schema_command(CLI::App& app, Tool& tool);
void add_show_command(CLI::App& app, Tool& tool);
void add_cite_command(CLI::App& app, Tool& tool);
// topics, themes, series, funding and sources (lists_command.cpp).
void add_lists_commands(CLI::App& app, Tool& tool);
void add_site_command(CLI::App& app, Tool& tool);
void add_diff_command(CLI::App& app, Tool& tool);

}  // namespace euiomkb::cli
