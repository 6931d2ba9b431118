// euiomkb person NAME: a person by any alias (case and accents ignored) with posts, meetings
// attended and statements, and the citations behind each.
#include "records.hpp"
#include "tool.hpp"

namespace euiomkb::cli {
namespace {

struct Arguments {
  std::string name;
  bool cite = false;
};

std::string join(const std::vector<std::string>& parts) {
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : "; ") + p;
  return out;
}

int show_person(const Tool& tool, const Arguments& args) {
  KnowledgeBase kb = tool.open();
  std::optional<Person> found = kb.people().by_name(args.name);
  if (!found) found = kb.people().by_key(args.name);
  if (!found) {
    auto people = kb.people().matching(args.name);
    if (people.size() == 1) found = people.front();
    if (people.size() > 1) {
      std::vector<std::string> names;
      names.reserve(people.size());
      for (const Person& p : people) names.push_back(p.name);
      throw UsageError("'" + args.name + "' names " + std::to_string(people.size()) +
                       " people: " + join(names) + "; give more of the name");
    }
  }
  if (!found) {
    std::vector<Candidate> candidates;
    kb.people().each([&](const Person& p) {
      candidates.push_back({p.name, p.name});
      for (const std::string& alias : p.aliases) candidates.push_back({alias, p.name});
      if (auto key = kb.key_of("person", p.id.value())) candidates.push_back({*key, p.name});
    });
    unknown("person", args.name, candidates);
  }
  auto out = tool.writer(true);
  RecordOptions options;
  options.cite = args.cite;
  write_record(kb, "person", found->id.value(), *out, options);
  out->finish();
  return 0;
}

}  // namespace

void add_person_command(CLI::App& app, Tool& tool) {
  auto args = std::make_shared<Arguments>();
  auto* command = tool.command(app, "person", "A person: posts, meetings attended, statements",
                               [&tool, args] { return show_person(tool, *args); });
  command->add_option("name", args->name, "Any name or alias, case and accents ignored")
      ->required();
  command->add_flag("--cite", args->cite, "Print the quotations behind each line");
}

}  // namespace euiomkb::cli
