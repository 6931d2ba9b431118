// The EU-IOM Strategic Cooperation Framework's members on a date, each under the name it used
// then, with how and when it joined. Usage: example_framework_on [YYYY[-MM[-DD]]] (2016-02-16).
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
    // The party's name on that date (organisations are renamed: DG DEVCO became DG INTPA).
    std::string name = party.organisation;
    if (auto organisation = kb.organisations().by_short_name(party.organisation))
      name = kb.organisations().name_on(organisation->id, *date).value_or(organisation->name);
    std::cout << "  " << party.organisation << " (" << name << "): " << party.how << ", since "
              << (party.since ? party.since->to_string() : "a date not stated") << "\n";
  }
}
