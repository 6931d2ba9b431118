// Who met whom: every pair of people who attended the same meeting, with the meetings they
// shared, and a matrix of how many meetings each pair shared.
#include <euiomkb/euiomkb.hpp>
#include <iostream>
#include <map>
#include <set>
#include <string>
#include <vector>

int main() {
  auto kb = euiomkb::KnowledgeBase::create_seeded(":memory:");

  // Meeting label -> the people who attended it (by id, so that namesakes stay apart).
  std::map<euiomkb::MeetingId, std::set<euiomkb::PersonId>> attendees;
  std::map<euiomkb::MeetingId, std::string> meeting_label;
  std::map<euiomkb::PersonId, std::string> name;
  kb.people().each([&](const euiomkb::Person& person) {
    for (const auto& a : kb.people().attendance(person.id)) {
      attendees[a.meeting_id].insert(person.id);
      meeting_label[a.meeting_id] = a.meeting;
      name[person.id] = person.name;
    }
  });

  // Pair (by id, smaller first) -> the meetings both attended.
  std::map<std::pair<euiomkb::PersonId, euiomkb::PersonId>, std::vector<std::string>> shared;
  for (const auto& [meeting, people] : attendees)
    for (auto a = people.begin(); a != people.end(); ++a)
      for (auto b = std::next(a); b != people.end(); ++b)
        shared[{*a, *b}].push_back(meeting_label[meeting]);

  std::cout << "Pairs who met\n";
  for (const auto& [pair, meetings] : shared) {
    std::cout << "  " << name[pair.first] << " and " << name[pair.second] << ":";
    for (const auto& m : meetings) std::cout << " [" << m << "]";
    std::cout << "\n";
  }

  // The matrix: one row and one column per attendee, numbered; '.' for never met.
  std::vector<euiomkb::PersonId> people;
  people.reserve(name.size());
  for (const auto& [id, n] : name) people.push_back(id);
  std::cout << "\nMeetings shared\n     ";
  for (std::size_t j = 0; j < people.size(); ++j) std::cout << (j + 1 < 10 ? "  " : " ") << j + 1;
  std::cout << "\n";
  for (std::size_t i = 0; i < people.size(); ++i) {
    std::cout << (i + 1 < 10 ? "   " : "  ") << i + 1 << " ";
    for (std::size_t j = 0; j < people.size(); ++j) {
      auto key =
          people[i] < people[j] ? std::pair{people[i], people[j]} : std::pair{people[j], people[i]};
      auto found = shared.find(key);
      std::cout << "  "
                << (i == j                  ? "-"
                    : found == shared.end() ? "."
                                            : std::to_string(found->second.size()));
    }
    std::cout << "  " << name[people[i]] << "\n";
  }
}
