// euiomkb org NAME [--on DATE]: an organisation's names over time, parent, lineage,
// framework membership, meetings and funding.
#include <algorithm>
#include <cctype>

#include "records.hpp"
#include "tool.hpp"

namespace euiomkb::cli {
namespace {

struct Arguments {
  std::string name;
  std::string on;
  bool cite = false;
};

Organisation find_organisation(const KnowledgeBase& kb, const std::string& name) {
  if (auto o = kb.organisations().by_short_name(name)) return *o;
  if (auto o = kb.organisations().by_key(name)) return *o;
  std::vector<Candidate> candidates;
  std::optional<Organisation> by_full_name;
  kb.organisations().each([&](const Organisation& o) {
    if (!by_full_name && fold(o.name) == fold(name)) by_full_name = o;
    candidates.push_back({o.short_name, o.short_name});
    candidates.push_back({o.name, o.short_name});
    for (const OrganisationName& n : kb.organisations().names(o.id))
      candidates.push_back({n.name, o.short_name});
  });
  if (by_full_name) return *by_full_name;
  unknown("organisation", name, candidates);
}

int show_org(const Tool& tool, const Arguments& args) {
  std::optional<PartialDate> on;
  if (!args.on.empty()) on = parse_date_option("--on", args.on);
  KnowledgeBase kb = tool.open();
  Organisation o = find_organisation(kb, args.name);
  auto out = tool.writer(true);
  RecordOptions options;
  options.cite = args.cite;
  options.on = on;
  write_record(kb, "organisation", o.id.value(), *out, options);
  out->finish();
  return 0;
}

}  // namespace

void add_org_command(CLI::App& app, Tool& tool) {
  auto args = std::make_shared<Arguments>();
  auto* command = tool.command(
      app, "org",
      "An organisation: names over time, parent, lineage, agreements, meetings, funding",
      [&tool, args] { return show_org(tool, *args); });
  command->add_option("name", args->name, "Short name (DG HOME), key (dg-home) or full name")
      ->required();
  command->add_option("--on", args->on,
                      "The name and parent in use on this date; agreements joined and meetings "
                      "held by then");
  command->add_flag("--cite", args->cite, "Print the quotations behind each line");
}

}  // namespace euiomkb::cli
