// The program README.md walks through ("Using the library"): the seeded knowledge base in
// memory, a meeting found by its key, the ids its records carry followed to the records they
// name, the quotation behind each fact, and an error the library reports.
#include <euiomkb/euiomkb.hpp>
#include <iostream>

int main() {
  // The library is silent unless given a handler; this one prints what it says on stderr.
  euiomkb::set_log_handler([](std::string_view level, std::string_view message) {
    std::cerr << level << ": " << message << "\n";
  });

  // The embedded seed, built in memory: no file needed (KnowledgeBase::open reads a file).
  auto kb = euiomkb::KnowledgeBase::create_seeded(":memory:");

  // Lookups return std::nullopt when nothing matches; unknown values are std::nullopt too.
  auto meeting = kb.meetings().by_key("som-11");
  if (!meeting) return 1;
  std::cout << meeting->title << "\n  held "
            << (meeting->held_on ? meeting->held_on->to_string() : "on a date not stated") << " in "
            << meeting->location.value_or("a place not stated") << "\n";

  // Every reference carries the id of the record it names beside its label.
  for (const auto& attendance : kb.meetings().attendance(meeting->id)) {
    std::cout << "  " << attendance.person << ", " << attendance.role;
    if (attendance.organisation_id)
      std::cout << " for " << kb.organisations().find(*attendance.organisation_id)->name;
    std::cout << "\n";
    for (const auto& tenure : kb.people().tenures(attendance.person_id))
      std::cout << "    post: " << tenure.post << ", " << tenure.organisation.value_or("?")
                << (tenure.acting ? " (acting)" : "") << "\n";
    // Every fact carries its citations: the quotation and the document it comes from.
    for (const auto& citation : kb.citations_for(attendance))
      std::cout << "    \"" << citation.quote << "\" (" << citation.file_name << ")\n";
  }

  // Failures are exceptions derived from euiomkb::Error: a query FTS5 cannot parse is a
  // QueryError, the user's mistake rather than the database's.
  try {
    kb.search("\"unbalanced");
  } catch (const euiomkb::QueryError& error) {
    std::cout << "search refused: " << error.what() << "\n";
  }
}
