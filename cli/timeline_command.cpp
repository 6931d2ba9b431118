// euiomkb timeline: every dated event in date order (meetings, agreements, joinings, what the
// lineage does to a party's part, publications, funding, organisations' renamings and splits),
// each with its sources.
#include <algorithm>
#include <map>
#include <set>
#include <string_view>
#include <variant>

#include "standing.hpp"
#include "tool.hpp"

namespace euiomkb::cli {
namespace {

// Each stated date of an agreement, with the distinct sources of its citations by key (a source
// without one by its title), separated by U+001F, which no imported text holds ("general
// knowledge" for a date no document states), an inferred one marked with its note; the last
// column is the event as Agreement::concluded_on / in_force_from would show it.
constexpr std::string_view kAgreementDates = R"sql(
SELECT d.on_date,
       d.agreement || ' ' || d.event ||
         CASE d.basis WHEN 'inferred' THEN ' (inferred: ' || d.note || ')' ELSE '' END,
       CASE WHEN d.basis = 'general_knowledge' THEN 'general knowledge'
            ELSE (SELECT group_concat(name, char(31))
                    FROM (SELECT DISTINCT coalesce(s.key, s.title) AS name FROM v_citation c
                           JOIN v_source s USING (source_id)
                           WHERE c.subject_type = 'agreement_date'
                             AND c.subject_id = d.agreement_date_id
                           ORDER BY name)) END,
       d.agreement || ' ' || d.event
  FROM v_agreement_date d
 ORDER BY d.agreement_date_id
)sql";

struct Event {
  PartialDate date;
  std::string kind;
  std::string what;
  std::string subject_type;        // the kind of record the event is of ("meeting", "organisation")
  Value subject_key;               // its key; NULL for a record without one
  std::set<std::string> sources;   // its citations' sources by key (by title without one)
  bool general_knowledge = false;  // no document states it
};

constexpr std::string_view kGeneralKnowledge = "general knowledge";

// The sources of `citations` by key ("ec-2016", which `show` describes: title, publisher, date),
// each once and whole; a source without a key by its title.
std::map<std::int64_t, std::string> source_names;

std::set<std::string> sources_of(const std::vector<Citation>& citations) {
  std::set<std::string> names;
  for (const Citation& c : citations) names.insert(source_names[c.source_id.value()]);
  return names;
}

int show_timeline(const Tool& tool) {
  KnowledgeBase kb = tool.open();
  for (const SourceSummary& s : kb.sources().list())
    source_names[s.id.value()] = s.key.empty() ? s.title : s.key;
  std::vector<Event> events;
  // The record an event is of: its kind and key (NULL without one).
  struct Subject {
    std::string type;
    Value key;
  };
  auto subject = [&](const char* type, std::optional<std::int64_t> id) {
    return Subject{type, id ? text(kb.key_of(type, *id)) : Value()};
  };
  // `general`: no document states the event (it has no sources).
  auto add = [&](const std::optional<PartialDate>& when, std::string kind, std::string what,
                 const Subject& of, std::set<std::string> sources, bool general = false) {
    if (!when) return;
    if (general) sources.clear();
    events.push_back(
        {*when, std::move(kind), std::move(what), of.type, of.key, std::move(sources), general});
  };
  std::map<std::string, Subject> agreements;  // by name
  for (const Agreement& a : kb.agreements().all())
    agreements[a.name] = subject("agreement", a.id.value());
  kb.meetings().each([&](const Meeting& m) {
    add(m.held_on, "meeting", m.title + (m.location ? ", " + *m.location : ""),
        subject("meeting", m.id.value()), sources_of(kb.citations_for(m)));
  });
  // Agreements: each date of the kind its document states (signed, established, ...), from
  // the documented view v_agreement_date with its own citations.
  std::set<std::pair<std::string, std::string>> dated;  // (date, event) shown from the view
  kb.run_sql(
      kAgreementDates, {}, [](const std::vector<std::string>&) {},
      [&](const std::vector<SqlValue>& v) {
        if (!std::holds_alternative<std::string>(v[0])) return;
        dated.emplace(std::get<std::string>(v[0]), std::get<std::string>(v[3]));
        // "<agreement> <event>": the agreement whose name it starts with, the longest.
        const std::string& what = std::get<std::string>(v[3]);
        Subject of{"agreement", Value()};
        std::size_t longest = 0;
        for (const auto& [name, agreement] : agreements)
          if (name.size() > longest && what.rfind(name + " ", 0) == 0) {
            of = agreement;
            longest = name.size();
          }
        std::set<std::string> names;
        bool general = false;
        if (const auto* listed = std::get_if<std::string>(&v[2])) {
          general = *listed == kGeneralKnowledge;
          for (std::string_view rest = *listed; !general && !rest.empty();) {
            std::size_t end = std::min(rest.find('\x1f'), rest.size());
            if (end > 0) names.emplace(rest.substr(0, end));
            rest.remove_prefix(std::min(end + 1, rest.size()));
          }
        }
        add(PartialDate::parse(std::get<std::string>(v[0])), "agreement",
            std::get<std::string>(v[1]), of, std::move(names), general);
      });
  for (const Agreement& a : kb.agreements().all()) {
    std::set<std::string> cited = sources_of(kb.citations_for(a));
    // Agreement::concluded_on and in_force_from fall back to an agreement_date of that kind
    // (v_agreement), already shown above with its own citations.
    auto stated = [&](const std::optional<PartialDate>& when, const std::string& what) {
      if (when && !dated.count({when->to_string(), what}))
        add(when, "agreement", what, agreements[a.name], cited);
    };
    stated(a.concluded_on, a.name + " concluded");
    stated(a.in_force_from, a.name + " in force");
    for (const AgreementParty& p : kb.agreements().parties(a.id))
      add(p.since, "joining", p.organisation + " joins " + a.name + " (" + p.how + ")",
          subject("organisation", p.organisation_id.value()), sources_of(kb.citations_for(p)));
    // What the lineage does to a party's part: a renamed party continues under its new name, a
    // split one's part ends (the events' basis says whether a document states them).
    for (const MembershipStep& step : membership_steps(kb, a.id)) {
      std::vector<Citation> cited_steps;
      for (const OrganisationEvent& e : step.events)
        for (Citation& c : kb.citations_for(e)) cited_steps.push_back(std::move(c));
      add(step.events.front().occurred_on, "membership",
          step.ends ? step.before_name + "'s part in " + a.name + " ends (" + step.before_name +
                          " " + step.what() + ")"
                    : step.successor_name + " continues " + step.before_name + "'s part in " +
                          a.name + " (" + step.what() + ")",
          subject("organisation", step.before.value()), sources_of(cited_steps),
          step.basis == "general_knowledge");
    }
  }
  for (const Publication& p : kb.publications().all())
    add(p.published_on, "publication",
        p.title.value_or(p.kind) + (p.publisher ? " (" + *p.publisher + ")" : ""),
        subject("publication", p.id.value()), sources_of(kb.citations_for(p)));
  for (const Funding& f : kb.funding().all())
    add(f.period_start, "funding",
        f.funder + " funds " + f.recipient +
            (f.amount ? ": " + amount_text(*f.amount, f.currency, f.bound) : ""),
        subject("organisation", f.funder_id.value()), sources_of(kb.citations_for(f)));
  std::set<OrganisationEventId> seen;  // an event shows in the lineage of both sides
  kb.organisations().each([&](const Organisation& o) {
    for (const OrganisationEvent& e : kb.organisations().lineage(o.id)) {
      if (!seen.insert(e.id).second) continue;
      std::string what = !e.from_short_name ? e.to_short_name.value_or("?") + " " + e.event
                         : !e.to_short_name
                             ? *e.from_short_name + " " + e.event
                             : *e.from_short_name + " " + e.event + " → " + *e.to_short_name;
      add(e.occurred_on, "organisation", what, subject("organisation", o.id.value()),
          sources_of(kb.citations_for(e)), e.general_knowledge);
    }
  });
  std::stable_sort(events.begin(), events.end(),
                   [](const Event& a, const Event& b) { return a.date < b.date; });
  auto out = tool.writer(false);
  out->section("timeline", {{"date"},
                            {"kind"},
                            {"event"},
                            {"subject_type", ColumnType::text, true},
                            key_column("subject_key"),
                            {"sources", ColumnType::key_list},
                            {"general_knowledge", ColumnType::boolean}});
  for (const Event& e : events)
    out->row({text(e.date.to_string()), text(e.kind), text(e.what), text(e.subject_type),
              e.subject_key, list_value({e.sources.begin(), e.sources.end()}),
              boolean(e.general_knowledge)});
  out->finish();
  return 0;
}

}  // namespace

void add_timeline_command(CLI::App& app, Tool& tool) {
  tool.command(app, "timeline", "Every dated event in order, each with its sources",
               [&tool] { return show_timeline(tool); });
}

}  // namespace euiomkb::cli
