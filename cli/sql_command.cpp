// euiomkb sql "QUERY": a user's SQL on a read-only connection (stdin when QUERY is - or
// missing); writes, ATTACH and DETACH only with --write. The query stops after --time-limit
// seconds of work (default 5, 0 for none) or at Ctrl-C.
#include <algorithm>
#include <atomic>
#include <charconv>
#include <chrono>
#include <cmath>
#include <csignal>
#include <iostream>
#include <iterator>

#include "tool.hpp"

namespace euiomkb::cli {
namespace {

// The exit code of a command stopped by Ctrl-C, as a shell reports a process SIGINT ended.
constexpr int kInterruptedExit = 130;

struct Arguments {
  std::string query;
  bool write = false;
  double time_limit_seconds = 5;
};

// Set by the SIGINT handler, read by run_sql's progress handler: a lock-free atomic is what
// a signal handler may touch.
std::atomic<bool> interrupted{false};
static_assert(std::atomic<bool>::is_always_lock_free);

extern "C" void on_interrupt(int signal) {
  interrupted.store(true);
  std::signal(signal, SIG_DFL);  // a second Ctrl-C ends the process at once
}

// SIGINT sets `interrupted` while the query runs; the previous handler comes back after. A
// process started with SIGINT ignored (a background job of a script) keeps ignoring it.
class InterruptScope {
 public:
  InterruptScope() : previous_(std::signal(SIGINT, on_interrupt)) {
    if (previous_ == SIG_IGN) std::signal(SIGINT, SIG_IGN);
  }
  ~InterruptScope() { std::signal(SIGINT, previous_ == SIG_ERR ? SIG_DFL : previous_); }
  InterruptScope(const InterruptScope&) = delete;
  InterruptScope& operator=(const InterruptScope&) = delete;

 private:
  void (*previous_)(int);
};

std::chrono::milliseconds time_limit(double seconds) {
  constexpr double kLongest = 1e12;  // milliseconds: any longer is as good as none
  double ms = std::min(std::ceil(seconds * 1000), kLongest);
  return std::chrono::milliseconds(static_cast<std::int64_t>(ms));
}

int run_sql(const Tool& tool, const Arguments& args) {
  std::string sql = args.query;
  if (sql.empty() || sql == "-")
    sql.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  // Each statement's rows are a part, named by the statement's number among those that return
  // rows ("1", "2", ...). A machine format prints one document: several statements need --part.
  std::size_t statements = count_sql_statements(sql);
  if (tool.part.empty() && statements > 1 && tool.format() != Format::table)
    throw UsageError(std::to_string(statements) +
                     " statements: --json, --csv and --tsv print the rows of one; choose one "
                     "with --part N (the Nth statement that returns rows), or run them one at a "
                     "time");
  if (!tool.part.empty()) {
    std::size_t n = 0;
    auto [end, ec] = std::from_chars(tool.part.data(), tool.part.data() + tool.part.size(), n);
    if (ec != std::errc() || end != tool.part.data() + tool.part.size() || n == 0 || n > statements)
      throw UsageError("--part: '" + tool.part + "' is not a statement of the " +
                       std::to_string(statements) + " given: give a number from 1 to " +
                       std::to_string(statements));
  }
  KnowledgeBase kb =
      tool.open(args.write ? KnowledgeBase::Mode::read_write : KnowledgeBase::Mode::read_only);
  SqlOptions options;
  options.allow_writes = args.write;
  options.time_limit = time_limit(args.time_limit_seconds);
  options.interrupt = &interrupted;
  auto out = tool.writer(false);
  int results = 0;
  try {
    InterruptScope scope;
    kb.run_sql(
        sql, options,
        [&](const std::vector<std::string>& names) {
          std::vector<Column> columns;
          columns.reserve(names.size());
          for (const std::string& n : names) columns.push_back({n});
          out->section(std::to_string(++results), std::move(columns));
        },
        [&](const std::vector<SqlValue>& values) { out->row(values); });
  } catch (const QueryError&) {
    if (!interrupted.load()) throw;
    tool.out.flush();
    tool.err << "euiomkb: interrupted\n";
    return kInterruptedExit;
  }
  // JSON is one document even when no statement returns columns (an UPDATE, a PRAGMA that
  // sets): the empty array.
  if (results == 0 && tool.format() == Format::json && tool.part.empty()) out->section("1", {});
  out->finish();
  return 0;
}

}  // namespace

void add_sql_command(CLI::App& app, Tool& tool) {
  auto args = std::make_shared<Arguments>();
  auto* command = tool.command(
      app, "sql", "Run SQL on a read-only connection (views: README.md, 'Querying with SQL')",
      [&tool, args] { return run_sql(tool, *args); });
  command->add_option("query", args->query, "SQL text; read from stdin when - or absent");
  command->add_flag("--write", args->write,
                    "Allow statements that write, ATTACH and DETACH, and pragmas that set "
                    "something (opens the file read-write)");
  command
      ->add_option("--time-limit", args->time_limit_seconds,
                   "Stop a query after this many seconds of work (0: no limit); Ctrl-C stops it "
                   "at any time (exit 130)")
      ->capture_default_str()
      ->check(CLI::NonNegativeNumber)
      ->type_name("SECONDS");
}

}  // namespace euiomkb::cli
