// euiomkb search QUERY: full-text search over everything, best match first, with snippets
// that mark the match.
#include "tool.hpp"

namespace euiomkb::cli {
namespace {

// The kinds of search hits (SearchHit::kind).
const std::vector<std::string> kKinds = {"topic",     "person",      "organisation", "meeting",
                                         "statement", "publication", "passage"};

struct Arguments {
  std::string query;
  SearchOptions options;
};

int run_search(const Tool& tool, const Arguments& args) {
  if (args.options.limit < 1) throw UsageError("--limit must be at least 1");
  std::vector<std::string> kinds;
  for (const std::string& kind : args.options.kinds)
    kinds.push_back(choice("--kind", kind, kKinds));
  SearchOptions options = args.options;
  options.kinds = kinds;
  KnowledgeBase kb = tool.open();
  auto hits = kb.search(args.query, options);
  auto out = tool.writer(false);
  out->section("hits", {{"rank", ColumnType::integer},
                        {"kind"},
                        {"ref_id", ColumnType::integer},
                        {"label"},
                        {"snippet"}});
  std::int64_t rank = args.options.offset;
  for (const SearchHit& hit : hits)
    out->row(
        {integer(++rank), text(hit.kind), integer(hit.ref_id), text(hit.label), text(hit.snippet)});
  out->finish();
  return 0;
}

}  // namespace

void add_search_command(CLI::App& app, Tool& tool) {
  auto args = std::make_shared<Arguments>();
  auto* command = tool.command(
      app, "search",
      "Full-text search (FTS5 syntax; stemming, accents ignored), ranked, the match marked [..]",
      [&tool, args] { return run_search(tool, *args); });
  command->add_option("query", args->query, "Words, \"a phrase\", a OR b, prefix*")->required();
  command->add_option("--limit", args->options.limit, "Hits to show")->capture_default_str();
  command->add_option("--offset", args->options.offset, "Hits to skip")->capture_default_str();
  command->add_option("--kind", args->options.kinds,
                      "Only hits of this kind (topic, person, organisation, meeting, statement, "
                      "publication, passage); repeatable");
}

}  // namespace euiomkb::cli
