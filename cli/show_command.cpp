// euiomkb show KEY [--kind KIND]: any record with a key, with its parts (records.hpp).
#include <algorithm>

#include "euiomkb/euiomkb.hpp"
#include "records.hpp"
#include "tool.hpp"

namespace euiomkb::cli {
namespace {

struct Arguments {
  std::string key;
  std::string kind;
  bool cite = false;
};

int show(const Tool& tool, const Arguments& args) {
  KnowledgeBase kb = tool.open();
  std::string kind = args.kind;
  if (!kind.empty()) {
    auto kinds = record_kinds();
    if (std::find(kinds.begin(), kinds.end(), kind) == kinds.end()) unknown("kind", kind, kinds);
  } else {
    auto kinds = kinds_of_key(kb, args.key);
    if (kinds.size() > 1) {
      std::string list;
      for (const std::string& k : kinds) list += (list.empty() ? "" : ", ") + k;
      throw UsageError("'" + args.key + "' is the key of several records (" + list +
                       "); say which with --kind");
    }
    if (kinds.empty()) {
      std::vector<std::string> candidates;
      for (const auto& k : kb.keys()) candidates.push_back(k.key);
      candidates.emplace_back("som");
      candidates.emplace_back("hou");
      unknown("record", args.key, candidates);
    }
    kind = kinds.front();
  }
  auto out = tool.writer(true);
  RecordOptions options;
  options.cite = args.cite;
  if (!write_record(kb, kind, std::string_view(args.key), *out, options)) {
    std::vector<std::string> candidates;
    if (kind != "series")
      for (const auto& k : kb.keys(kind)) candidates.push_back(k.key);
    unknown(kind, args.key, candidates);
  }
  out->finish();
  return 0;
}

}  // namespace

void add_show_command(CLI::App& app, Tool& tool) {
  auto args = std::make_shared<Arguments>();
  auto* command = tool.command(app, "show",
                               "Any record by its key (som-11, claus-sorensen, dg-home, a source "
                               "or agreement key; `keys` lists them) with its parts",
                               [&tool, args] { return show(tool, *args); });
  command->add_option("key", args->key, "The record's key")->required();
  command->add_option("--kind", args->kind,
                      "The kind, when several kinds share the key (meeting, person, "
                      "organisation, agreement, source, theme, publication, policy_framework, "
                      "post, series)");
  command->add_flag("--cite", args->cite, "Print the quotations behind each line");
}

}  // namespace euiomkb::cli
