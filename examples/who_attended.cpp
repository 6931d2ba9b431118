// Who attended each Senior Officials Meeting, for whom and in what role, with the quotation
// that says so. Builds the seeded database in memory: no file needed.
#include <euiomkb/euiomkb.hpp>
#include <iostream>

int main() {
  auto kb = euiomkb::KnowledgeBase::create_seeded(":memory:");
  for (const auto& meeting : kb.meetings().all()) {
    if (meeting.series != "SOM") continue;
    std::cout << meeting.title << " ("
              << (meeting.held_on ? meeting.held_on->to_string() : "date not stated") << ")\n";
    for (const auto& a : kb.meetings().attendance(meeting.id)) {
      std::cout << "  " << a.person << " — " << a.post.value_or("?") << ", "
                << a.organisation.value_or("?") << " [" << a.role << ", " << a.attested_as << "]\n";
      for (const auto& cite : kb.citations_for(a))
        std::cout << "      “" << cite.quote << "” (" << cite.file_name << ")\n";
    }
  }
}
