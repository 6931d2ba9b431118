// euiomkb person NAME: a person by any alias (case and accents ignored) with posts, meetings
// attended and statements, and the citations behind each.
#include "citations.hpp"
#include "stored.hpp"
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
      for (const Person& p : people) names.push_back(p.name);
      throw UsageError("'" + args.name + "' names " + std::to_string(people.size()) +
                       " people: " + join(names) + "; give more of the name");
    }
  }
  if (!found) {
    std::vector<std::string> candidates;
    kb.people().each([&](const Person& p) {
      candidates.push_back(p.name);
      candidates.insert(candidates.end(), p.aliases.begin(), p.aliases.end());
    });
    unknown("person", args.name, candidates);
  }
  const Person& p = *found;
  CitationNotes notes(kb);
  auto out = tool.writer(true);
  out->section("person",
               {{"key"}, {"name"}, {"honorific"}, {"aliases"}, {"note"}, CitationNotes::column()},
               Shape::record);
  out->row({text(kb.key_of("person", p.id.value())), text(p.name), text(p.honorific),
            p.aliases.empty() ? Value() : text(join(p.aliases)),
            stored_value(kb, kPersonNote, p.id.value()), notes.of(p)});
  out->section("posts", {{"post"},
                         {"organisation"},
                         {"acting", ColumnType::boolean},
                         {"start_date"},
                         {"end_date"},
                         {"attested_from"},
                         {"attested_to"},
                         CitationNotes::column()});
  for (const Tenure& t : kb.people().tenures(p.id))
    out->row({text(t.post), text(t.organisation), boolean(t.acting), date(t.start_date),
              date(t.end_date), date(t.attested_from), date(t.attested_to), notes.of(t)});
  out->section("meetings", {{"held_on"},
                            {"meeting"},
                            {"role"},
                            {"post"},
                            {"organisation"},
                            {"attested_as"},
                            CitationNotes::column()});
  for (const Attendance& a : kb.people().attendance(p.id))
    out->row({date(a.held_on), text(a.meeting), text(a.role), text(a.post), text(a.organisation),
              text(a.attested_as), notes.of(a)});
  out->section("statements", {{"said_on"}, {"kind"}, {"text"}, CitationNotes::column()});
  for (const Statement& s : kb.people().statements(p.id))
    out->row({date(s.said_on), text(s.kind), text(s.text), notes.of(s)});
  if (args.cite) notes.write(*out);
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
