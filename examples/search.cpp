// Full-text search across topics, people, organisations, meetings and source passages.
// Usage: example_search [QUERY]   (default: reintegration)
#include <euiomkb/euiomkb.hpp>
#include <iostream>

int main(int argc, char** argv) {
  std::string query = argc > 1 ? argv[1] : "reintegration";
  auto kb = euiomkb::KnowledgeBase::create_seeded(":memory:");
  for (const auto& hit : kb.search(query, 15))
    std::cout << hit.kind << " #" << hit.ref_id << "  " << hit.label << "\n    " << hit.snippet
              << "\n";
  // A person by any way the documents write the name, ignoring case and accents.
  for (const char* name : {"claus sorensen", "David O’Sullivan", "B. Gminder"}) {
    auto person = kb.people().by_name(name);
    std::cout << name << " -> " << (person ? person->name : "(not found)") << "\n";
  }
}
