// euiomkb framework [--on DATE]: the parties of the EU-IOM Strategic Cooperation Framework on a
// date (today by default), each under the organisation that stood for it then (a renamed party
// continues under its new name; one that split has ceased), with how and since when it joined,
// the framework's dates and the claims on which the documents disagree. Each row is cited.
#include <chrono>
#include <set>

#include "citations.hpp"
#include "standing.hpp"
#include "tool.hpp"

namespace euiomkb::cli {
namespace {

struct Arguments {
  std::string on;
  bool cite = false;
};

PartialDate today() {
  const std::chrono::year_month_day ymd{
      std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
  return PartialDate(static_cast<int>(ymd.year()), static_cast<int>(unsigned(ymd.month())),
                     static_cast<int>(unsigned(ymd.day())));
}

int show_framework(const Tool& tool, const Arguments& args) {
  PartialDate on = args.on.empty() ? today() : parse_date_option("--on", args.on);
  KnowledgeBase kb = tool.open();
  auto framework = kb.agreements().strategic_cooperation_framework();
  if (!framework) throw std::runtime_error("the database holds no strategic cooperation framework");
  CitationNotes notes(kb);
  auto out = tool.writer(true);

  auto dates = kb.agreements().dates(framework->id);
  std::string dated;
  for (const AgreementDate& d : dates)
    dated += (dated.empty() ? "" : "; ") + d.event + " " +
             (d.on_date ? d.on_date->to_string() : std::string("(no date)"));
  out->section("framework", {{"key"}, {"name"}, {"on"}, {"dates"}, CitationNotes::column()},
               Shape::record);
  out->row({text(framework->key), text(framework->name), text(on.to_string()),
            dated.empty() ? Value() : text(dated), notes.of(*framework)});

  out->section("parties", joined<Column>({{{"party"},
                                           key_column("party_key"),
                                           secondary_column("name_on"),
                                           {"joined_as"},
                                           key_column("joined_as_key")},
                                          party_standing_columns(),
                                          {CitationNotes::column()}}));
  auto parties = kb.agreements().parties_on(framework->id, on);
  for (const PartyOnDate& p : parties) {
    const OrganisationOnDate& s = p.standing;
    out->row(
        joined<Value>({{text(s.as ? s.as->short_name : p.party.organisation),
                        text(kb.key_of("organisation",
                                       s.as ? s.as->id.value() : p.party.organisation_id.value())),
                        s.name ? text(s.name->name) : Value(), text(p.party.organisation),
                        text(kb.key_of("organisation", p.party.organisation_id.value()))},
                       party_standing_values(p),
                       {notes.of(p.party)}}));
  }

  out->section(
      "dates",
      {{"event"}, {"on_date"}, secondary_column("basis"), {"note"}, CitationNotes::column()});
  std::set<std::pair<std::string, std::int64_t>> mine{{"agreement", framework->id.value()}};
  for (const AgreementDate& d : dates) {
    mine.insert({"agreement_date", d.id.value()});
    out->row({text(d.event), date(d.on_date), text(d.basis), text(d.note), notes.of(d)});
  }
  for (const AgreementParty& p : kb.agreements().parties(framework->id))
    mine.insert({"agreement_party", p.id.value()});

  // Where the documents disagree about the framework, its dates or its parties: every value,
  // the preferred one marked, with the reason.
  out->section("claims", {{"subject"},
                          {"attribute"},
                          {"value"},
                          {"preferred", ColumnType::boolean},
                          {"reason"},
                          CitationNotes::column()});
  for (const Claim& c : kb.conflicting_claims())
    if (mine.count({c.subject_type, c.subject_id}))
      out->row({text(c.subject), text(c.attribute), text(c.value), boolean(c.preferred),
                text(c.reason), notes.of(c)});

  if (args.cite) notes.write(*out);
  out->finish();
  return 0;
}

}  // namespace

void add_framework_command(CLI::App& app, Tool& tool) {
  auto args = std::make_shared<Arguments>();
  auto* command = tool.command(
      app, "framework",
      "The Strategic Cooperation Framework's parties on a date, following renamings and splits",
      [&tool, args] { return show_framework(tool, *args); });
  command->add_option("--on", args->on, "The date (YYYY, YYYY-MM or YYYY-MM-DD); default today");
  command->add_flag("--cite", args->cite, "Print the quotations behind each line");
}

}  // namespace euiomkb::cli
