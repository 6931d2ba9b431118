// As-of questions: who held a post on a date, which organisations were parties to the
// Strategic Cooperation Framework on a date, and what an organisation was called then.
#include <euiomkb/euiomkb.hpp>
#include <iostream>

int main() {
  using euiomkb::PartialDate;
  auto kb = euiomkb::KnowledgeBase::create_seeded(":memory:");

  for (const char* date : {"2013-05-03", "2014-10-01", "2025-04-04"}) {
    std::cout << "Director General of DG HOME on " << date << ":";
    for (const auto& t :
         kb.people().holders_on("Director General", "DG HOME", *PartialDate::parse(date)))
      std::cout << " " << t.person << (t.acting ? " (acting)" : "");
    std::cout << "\n";
  }
  if (auto framework = kb.agreements().strategic_cooperation_framework()) {
    for (const char* date : {"2012-07", "2016-02-16", "2025-04-04"}) {
      std::cout << framework->name << " parties on " << date << ":";
      for (const auto& party : kb.agreements().parties_on(framework->id, *PartialDate::parse(date)))
        if (party.current())
          std::cout << " " << (party.standing.as ? party.standing.as->short_name : "?");
      std::cout << "\n";
    }
  }

  if (auto echo = kb.organisations().by_short_name("DG ECHO")) {
    for (const auto& name : kb.organisations().names(echo->id))
      std::cout << "DG ECHO was also written: " << name.name << "\n";
  }
  if (auto devco = kb.organisations().by_short_name("DG DEVCO")) {
    for (const auto& event : kb.organisations().lineage(devco->id))
      std::cout << event.from_short_name.value_or("?") << " " << event.event << " -> "
                << event.to_short_name.value_or("?") << " ("
                << (event.occurred_on ? event.occurred_on->to_string() : "?")
                << (event.general_knowledge ? ", general knowledge, not from the documents" : "")
                << ")\n";
  }
}
