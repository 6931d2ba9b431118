#include "standing.hpp"

#include <set>

namespace euiomkb::cli {

std::string name_basis(const NameOnDate& name, const PartialDate& on) {
  if (name.how == "valid") return "valid on " + on.to_string();
  if (name.how == "attested")
    return "written by a document of " +
           (name.first_attested ? name.first_attested->to_string() : std::string("?"));
  std::string out = "no document dated by " + on.to_string() + " gives a name; the short name";
  if (name.full_name)
    out += ", the full name \"" + *name.full_name + "\" is " +
           (name.full_name_from ? "first written in " + name.full_name_from->to_string()
                                : std::string("written only in undated documents"));
  return out;
}

std::string party_standing(const PartyOnDate& party) {
  const OrganisationOnDate& s = party.standing;
  if (s.standing == "itself") return "party";
  if (s.as) return "party as " + s.as->short_name;
  if (s.standing == "ceased") return "no longer a party";
  if (s.standing == "not yet") return "not yet in existence";
  return "undetermined";
}

std::vector<Column> party_standing_columns() {
  return {{"since"}, {"how"}, {"standing"}, secondary_column("basis"), {"explanation"}};
}

std::vector<Value> party_standing_values(const PartyOnDate& party) {
  const OrganisationOnDate& s = party.standing;
  return {date(party.party.since), text(party.party.how), text(party_standing(party)),
          s.through.empty() ? Value() : text(s.basis),
          s.explanation.empty() ? Value() : text(s.explanation)};
}

std::string MembershipStep::what() const {
  const OrganisationEvent& e = events.front();
  if (e.event == "renamed") return "renamed " + successor_name;
  if (e.event == "merged") return "merged into " + successor_name;
  if (e.event != "split") return e.event;
  std::string out = "split into ";
  for (std::size_t i = 0; i < events.size(); ++i)
    out += (i == 0                   ? ""
            : i + 1 == events.size() ? " and "
                                     : ", ") +
           events[i].to_short_name.value_or("?");
  return out;
}

std::vector<MembershipStep> membership_steps(const KnowledgeBase& kb, AgreementId agreement) {
  std::vector<MembershipStep> steps;
  for (const AgreementParty& party : kb.agreements().parties(agreement)) {
    OrganisationId current = party.organisation_id;
    std::string name = party.organisation;
    std::set<std::int64_t> visited{current.value()};  // a lineage that loops is not followed
    for (int guard = 0; guard < 64; ++guard) {
      std::vector<OrganisationEvent> from;
      for (OrganisationEvent& e : kb.organisations().lineage(current)) {
        if (!e.from_id || *e.from_id != current || e.event == "created") continue;
        // An event that certainly ended before the party joined is no change to its part.
        if (party.since && e.occurred_on && *e.occurred_on < *party.since &&
            !e.occurred_on->covers(*party.since))
          continue;
        if (!from.empty() &&
            (e.event != from.front().event || e.occurred_on != from.front().occurred_on))
          break;
        from.push_back(std::move(e));
      }
      if (from.empty()) break;
      MembershipStep step{party, current, name, from, std::nullopt, "", false, "document"};
      for (const OrganisationEvent& e : from)
        if (e.general_knowledge) step.basis = "general_knowledge";
      const OrganisationEvent& e = from.front();
      if ((e.event == "renamed" || e.event == "merged") && e.to_id && from.size() == 1) {
        if (!visited.insert(e.to_id->value()).second) break;
        step.successor = e.to_id;
        step.successor_name = e.to_short_name.value_or("?");
        current = *e.to_id;
        name = step.successor_name;
        steps.push_back(std::move(step));
        continue;
      }
      step.ends = true;
      steps.push_back(std::move(step));
      break;
    }
  }
  return steps;
}

}  // namespace euiomkb::cli
