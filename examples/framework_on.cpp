// The EU-IOM Strategic Cooperation Framework's members on a date, each under the organisation and
// name that stood for it then, with how and when it joined, and those that had ceased.
// Usage: example_framework_on [YYYY[-MM[-DD]]] (2016-02-16).
#include <euiomkb/euiomkb.hpp>
#include <iostream>

int main(int argc, char** argv) {
  auto date = euiomkb::PartialDate::parse(argc > 1 ? argv[1] : "2016-02-16");
  if (!date) {
    std::cerr << "usage: example_framework_on [YYYY[-MM[-DD]]]\n";
    return 2;
  }

  auto kb = euiomkb::KnowledgeBase::create_seeded(":memory:");
  auto framework = kb.agreements().strategic_cooperation_framework();
  if (!framework) return 1;

  std::cout << framework->name << " on " << date->to_string() << "\n";
  auto parties = kb.agreements().parties_on(framework->id, *date);
  if (parties.empty()) std::cout << "  no members yet\n";
  for (const auto& party : parties) {
    // Each party as it stood on that date: organisations are renamed (DG DEVCO became DG INTPA
    // in 2021) and split (DG NEAR in 2025); the standing follows the recorded lineage.
    const auto& standing = party.standing;
    std::cout << "  " << (standing.as ? standing.as->short_name : party.party.organisation);
    if (standing.name && standing.name->name != (standing.as ? standing.as->short_name : ""))
      std::cout << " (" << standing.name->name << ")";
    std::cout << ": " << party.party.how << " since "
              << (party.party.since ? party.party.since->to_string() : "a date not stated");
    if (standing.as && standing.as->short_name != party.party.organisation)
      std::cout << ", joined as " << party.party.organisation;
    if (!party.current()) std::cout << " [" << standing.standing << "]";
    if (!standing.explanation.empty()) std::cout << "\n      " << standing.explanation;
    std::cout << "\n";
  }
}
