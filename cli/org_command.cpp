// euiomkb org NAME [--on DATE]: an organisation's names over time, parent, lineage,
// framework membership, meetings and funding.
#include <algorithm>
#include <cctype>

#include "citations.hpp"
#include "standing.hpp"
#include "stored.hpp"
#include "tool.hpp"

namespace euiomkb::cli {
namespace {

struct Arguments {
  std::string name;
  std::string on;
  bool cite = false;
};

std::string lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

Organisation find_organisation(const KnowledgeBase& kb, const std::string& name) {
  if (auto o = kb.organisations().by_short_name(name)) return *o;
  if (auto o = kb.organisations().by_key(name)) return *o;
  std::vector<std::string> candidates;
  std::optional<Organisation> by_full_name;
  kb.organisations().each([&](const Organisation& o) {
    if (!by_full_name && lower(o.name) == lower(name)) by_full_name = o;
    candidates.push_back(o.short_name);
    candidates.push_back(o.name);
  });
  if (by_full_name) return *by_full_name;
  unknown("organisation", name, candidates);
}

int show_org(const Tool& tool, const Arguments& args) {
  std::optional<PartialDate> on;
  if (!args.on.empty()) on = parse_date_option("--on", args.on);
  KnowledgeBase kb = tool.open();
  Organisation o = find_organisation(kb, args.name);
  CitationNotes notes(kb);
  auto out = tool.writer(true);

  // On a date, the answer follows the lineage: who stood for the organisation then (itself, its
  // successor after a renaming, its predecessor before one), under which name and parent.
  std::optional<OrganisationOnDate> then;
  if (on) then = kb.organisations().on(o.id, *on);
  std::optional<std::string> parent = o.parent_short_name;
  if (then) parent = then->parent ? std::optional(then->parent->short_name) : std::nullopt;
  out->section("organisation",
               {{"key"},
                {"short_name"},
                {"name"},
                {"kind"},
                {"on"},
                {"standing"},
                {"as"},
                {"name_on"},
                {"name_basis"},
                {"parent"},
                {"lineage_basis"},
                {"explanation"},
                {"note"},
                CitationNotes::column()},
               Shape::record);
  out->row({text(kb.key_of("organisation", o.id.value())), text(o.short_name), text(o.name),
            text(o.kind), on ? text(on->to_string()) : Value(),
            then ? text(then->standing) : Value(),
            then && then->as ? text(then->as->short_name) : Value(),
            then && then->name ? text(then->name->name) : Value(),
            then && then->name ? text(name_basis(*then->name, *on)) : Value(), text(parent),
            then && !then->through.empty() ? text(then->basis) : Value(),
            then && !then->explanation.empty() ? text(then->explanation) : Value(),
            stored_value(kb, kOrganisationNote, o.id.value()), notes.of(o)});

  out->section("names", {{"name"},
                         {"language"},
                         {"attested_on"},
                         {"valid_from"},
                         {"valid_to"},
                         {"general_knowledge", ColumnType::boolean},
                         {"basis"},
                         {"note"},
                         CitationNotes::column()});
  for (const OrganisationName& n : kb.organisations().names(o.id)) {
    auto basis = stored_rows(kb, kOrganisationNameBasis, {n.id});
    out->row({text(n.name), text(n.language), date(n.attested_on), date(n.valid_from),
              date(n.valid_to), boolean(n.general_knowledge), basis.empty() ? Value() : basis[0][0],
              basis.empty() ? Value() : basis[0][1], notes.of(n)});
  }

  out->section("lineage", {{"event"},
                           {"from"},
                           {"to"},
                           {"occurred_on"},
                           {"general_knowledge", ColumnType::boolean},
                           {"basis"},
                           {"note"},
                           CitationNotes::column()});
  for (const OrganisationEvent& e : kb.organisations().lineage(o.id))
    out->row({text(e.event), text(e.from_short_name), text(e.to_short_name), date(e.occurred_on),
              boolean(e.general_knowledge), stored_value(kb, kOrganisationEventBasis, e.id),
              text(e.note), notes.of(e)});

  // Every parent link with its dates, basis and note (the parent on a date is in the record).
  out->section(
      "parents",
      {{"parent"}, {"valid_from"}, {"valid_to"}, {"basis"}, {"note"}, CitationNotes::column()});
  for (const auto& p : stored_rows(kb, kOrganisationParents, {o.short_name}))
    out->row({p[1], p[2], p[3], p[4], p[5],
              notes.of("organisation_parent", std::get<std::int64_t>(p[0]))});

  // On a date: the agreements whose party rows stand for this organisation then (its own, or a
  // predecessor's continued under a new name), with how each stood; else every party row.
  out->section("agreements", {{"agreement"},
                              {"party"},
                              {"since"},
                              {"how"},
                              {"standing"},
                              {"basis"},
                              {"explanation"},
                              CitationNotes::column()});
  for (const Agreement& a : kb.agreements().all()) {
    if (on) {
      for (const PartyOnDate& p : kb.agreements().parties_on(a.id, *on)) {
        bool mine = p.party.organisation_id == o.id ||
                    (p.standing.as && p.standing.as->id == o.id) ||
                    (then && then->as && p.party.organisation_id == then->as->id);
        if (!mine) continue;
        out->row({text(a.name), text(p.party.organisation), date(p.party.since), text(p.party.how),
                  text(party_standing(p)),
                  p.standing.through.empty() ? Value() : text(p.standing.basis),
                  p.standing.explanation.empty() ? Value() : text(p.standing.explanation),
                  notes.of(p.party)});
      }
      continue;
    }
    for (const AgreementParty& p : kb.agreements().parties(a.id))
      if (p.organisation_id == o.id)
        out->row({text(a.name), text(p.organisation), date(p.since), text(p.how), Value(), Value(),
                  Value(), notes.of(p)});
  }

  out->section("meetings",
               {{"held_on"}, {"meeting"}, {"role"}, {"attested_as"}, CitationNotes::column()});
  for (const MeetingOrganisation& mo : kb.meetings().of_organisation(o.id)) {
    std::optional<Meeting> m = kb.meetings().find(mo.meeting_id);
    if (!m || (on && m->held_on && !(*m->held_on <= *on || on->covers(*m->held_on)))) continue;
    out->row({date(m->held_on), text(m->title), text(mo.role), text(mo.attested_as), notes.of(mo)});
  }

  out->section("funding", {{"funder"},
                           {"recipient"},
                           {"period_start"},
                           {"period_end"},
                           {"amount", ColumnType::integer},
                           {"currency"},
                           {"bound"},
                           {"stated"},
                           {"measure"},
                           CitationNotes::column()});
  for (const Funding& f : kb.funding().all())
    if (f.funder == o.short_name || f.recipient == o.short_name)
      out->row({text(f.funder), text(f.recipient), date(f.period_start), date(f.period_end),
                integer(f.amount), text(f.currency), text(f.bound),
                f.amount ? text(amount_text(*f.amount, f.currency, f.bound)) : Value(),
                text(f.measure), notes.of(f)});

  if (args.cite) notes.write(*out);
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
