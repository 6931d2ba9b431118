// A report on one meeting: when and where, who came for whom, what was discussed under which
// theme, and the quotations that say so. Usage: example_meeting_report [SERIES N] (SOM 11).
#include <euiomkb/euiomkb.hpp>
#include <iostream>
#include <map>
#include <string>

int main(int argc, char** argv) {
  std::string series = argc > 2 ? argv[1] : "SOM";
  int number = argc > 2 ? std::stoi(argv[2]) : 11;

  auto kb = euiomkb::KnowledgeBase::create_seeded(":memory:");  // or open("my.db")
  auto meeting = kb.meetings().by_sequence(series, number);
  if (!meeting) {
    std::cerr << "no meeting " << series << " " << number << "\n";
    return 1;
  }

  std::cout << meeting->title << "\n"
            << "  held on  " << (meeting->held_on ? meeting->held_on->to_string() : "not stated")
            << "\n  place    " << meeting->location.value_or("not stated") << "\n  host     "
            << meeting->host.value_or("not stated") << "\n\nAttendees\n";
  for (const auto& a : kb.meetings().attendance(meeting->id)) {
    std::cout << "  " << a.person << " (" << a.role << ", " << a.attested_as << "), "
              << (a.acting ? "acting " : "") << a.post.value_or("post not stated") << ", "
              << a.organisation.value_or("organisation not stated") << "\n";
  }

  // Topics grouped by theme; a topic without a theme goes under "(no theme)". Each says whether
  // a document announced it (an agenda given ahead) or reported it as discussed.
  std::map<std::string, std::vector<std::string>> by_theme;
  for (const auto& topic : kb.meetings().topics(meeting->id))
    by_theme[topic.theme.value_or("(no theme)")].push_back(topic.label + " (" + topic.attested_as +
                                                           ")");
  std::cout << "\nTopics\n";
  for (const auto& [theme, labels] : by_theme) {
    std::cout << "  " << theme << "\n";
    for (const auto& label : labels) std::cout << "    - " << label << "\n";
  }

  std::cout << "\nWhat the documents say about the meeting itself\n";
  for (const auto& cite : kb.citations_for(*meeting))
    std::cout << "  \"" << cite.quote << "\" (" << cite.file_name << ")\n";
}
