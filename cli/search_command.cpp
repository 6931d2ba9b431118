// euiomkb search QUERY: full-text search over everything, best match first, with snippets
// that mark the match.
#include <cctype>

#include "tool.hpp"

namespace euiomkb::cli {
namespace {

// The kinds of search hits (SearchHit::kind).
const std::vector<std::string> kKinds = {"topic",     "person",      "organisation", "meeting",
                                         "statement", "publication", "passage"};

struct Arguments {
  std::vector<std::string> words;
  bool fts = false;
  SearchOptions options;
};

// What a person types as an FTS5 query: each word (hyphenated words and other punctuation
// included) is searched as written, all of them must match; text in double quotes is a phrase;
// a word ending in '*' is a prefix. No word is an operator (AND, OR, NOT, NEAR, column filters):
// --fts passes the query to FTS5 unchanged for those.
std::string plain_query(const std::string& typed) {
  std::string out;
  auto add = [&](const std::string& term, bool prefix) {
    if (term.empty()) return;
    std::string quoted = "\"";
    for (char c : term) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    quoted += "\"";
    out += (out.empty() ? "" : " ") + quoted + (prefix ? "*" : "");
  };
  std::size_t i = 0;
  while (i < typed.size()) {
    if (std::isspace(static_cast<unsigned char>(typed[i]))) {
      ++i;
    } else if (typed[i] == '"') {
      std::size_t end = typed.find('"', i + 1);
      if (end == std::string::npos) end = typed.size();
      add(typed.substr(i + 1, end - i - 1), false);
      i = end + 1;
    } else {
      std::size_t end = i;
      while (end < typed.size() && !std::isspace(static_cast<unsigned char>(typed[end])) &&
             typed[end] != '"')
        ++end;
      std::string word = typed.substr(i, end - i);
      bool prefix = word.size() > 1 && word.back() == '*';
      if (prefix) word.pop_back();
      add(word, prefix);
      i = end;
    }
  }
  return out;
}

int run_search(const Tool& tool, const Arguments& args) {
  if (args.options.limit < 1) throw UsageError("--limit must be at least 1");
  if (args.options.offset < 0) throw UsageError("--offset must be 0 or more");
  std::vector<std::string> kinds;
  for (const std::string& kind : args.options.kinds)
    kinds.push_back(choice("--kind", kind, kKinds));
  SearchOptions options = args.options;
  options.kinds = kinds;
  std::string typed;
  for (const std::string& w : args.words) typed += (typed.empty() ? "" : " ") + w;
  std::string query = args.fts ? typed : plain_query(typed);
  if (query.empty()) throw UsageError("search: nothing to search for");
  KnowledgeBase kb = tool.open();
  SearchResults results = kb.search_ranked(query, options);
  auto out = tool.writer(false);
  out->section("hits", {{"rank", ColumnType::integer},
                        {"kind"},
                        {"ref_id", ColumnType::integer},
                        {"label"},
                        {"snippet"}});
  // A passage is labelled by its source's title and date, not its file name.
  std::int64_t rank = args.options.offset;
  for (const SearchHit& hit : results.hits) {
    std::string label = hit.label;
    if (hit.kind == "passage")
      if (auto s = kb.sources().summary(SourceId(hit.ref_id)))
        label = s->title + (s->published ? " (" + s->published->to_string() + ")" : "");
    out->row(
        {integer(++rank), text(hit.kind), integer(hit.ref_id), text(label), text(hit.snippet)});
  }
  out->finish();
  // How the hits were chosen when not every match was ranked: under the table in text, on
  // stderr in the machine formats (their documents keep one shape).
  if (!results.all_ranked && !tool.quiet) {
    // At most 78 columns: it fits the narrowest terminal the tool lays out for.
    std::string notice = "(not every match ranked: the best of the newest " +
                         std::to_string(results.ranked) + "; --rank-all ranks all)";
    (tool.format() == Format::table ? tool.out : tool.err) << notice << "\n";
  }
  return 0;
}

}  // namespace

void add_search_command(CLI::App& app, Tool& tool) {
  auto args = std::make_shared<Arguments>();
  auto* command = tool.command(app, "search",
                               "Full-text search of what you type (stemming, accents ignored; "
                               "--fts for FTS5 syntax), ranked, the match marked [..]",
                               [&tool, args] { return run_search(tool, *args); });
  command
      ->add_option("query", args->words,
                   "What to find: words (all must match), hyphenated words as written, "
                   "\"a phrase\", prefix*; quotes are not needed around several words")
      ->required();
  command->add_flag("--fts", args->fts,
                    "Take the query as FTS5 syntax: a OR b, NOT, NEAR(a b), column filters");
  command->add_option("--limit", args->options.limit, "Hits to show")->capture_default_str();
  command->add_option("--offset", args->options.offset, "Hits to skip")->capture_default_str();
  command
      ->add_option("--rank-at-most", args->options.rank_at_most,
                   "Matches to rank at most, of the records and of the paragraphs of sources "
                   "each (the newest; more are not read, and the output says so)")
      ->capture_default_str();
  command->add_flag_function(
      "--rank-all", [args](std::int64_t) { args->options.rank_at_most = 0; },
      "Rank every match (slow for a word in most rows of a large database)");
  command->add_option("--kind", args->options.kinds,
                      "Only hits of this kind (topic, person, organisation, meeting, statement, "
                      "publication, passage); repeatable");
}

}  // namespace euiomkb::cli
