// euiomkb sql "QUERY": a user's SQL on a read-only connection (stdin when QUERY is - or
// missing); writes, ATTACH and load_extension only with --write.
#include <iostream>
#include <iterator>

#include "tool.hpp"

namespace euiomkb::cli {
namespace {

struct Arguments {
  std::string query;
  bool write = false;
};

int run_sql(const Tool& tool, const Arguments& args) {
  std::string sql = args.query;
  if (sql.empty() || sql == "-")
    sql.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  KnowledgeBase kb =
      tool.open(args.write ? KnowledgeBase::Mode::read_write : KnowledgeBase::Mode::read_only);
  SqlOptions options;
  options.allow_writes = args.write;
  auto out = tool.writer(false);
  kb.run_sql(
      sql, options,
      [&](const std::vector<std::string>& names) {
        std::vector<Column> columns;
        for (const std::string& n : names) columns.push_back({n});
        out->section("rows", std::move(columns));
      },
      [&](const std::vector<SqlValue>& values) { out->row(values); });
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
                    "Allow statements that write, ATTACH and DETACH (opens the file read-write)");
}

}  // namespace euiomkb::cli
