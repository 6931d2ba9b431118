// euiomkb meeting SERIES N | KEY: one meeting with its attendees, organisations and topics,
// and the citations behind each line.
#include <algorithm>
#include <cctype>
#include <charconv>

#include "records.hpp"
#include "tool.hpp"

namespace euiomkb::cli {
namespace {

struct Arguments {
  std::vector<std::string> words;
  bool cite = false;
};

std::string meeting_label(const KnowledgeBase& kb, const Meeting& m) {
  if (m.series && m.sequence_no) return *m.series + " " + std::to_string(*m.sequence_no);
  return kb.key_of("meeting", m.id.value()).value_or(m.title);
}

// A meeting as people write it: a key ("som-11", "hou-2015-12"), or a series and a number in
// one or two arguments, separated by a space or a hyphen, in any case ("SOM 11", "som-11",
// "SOM11").
Meeting find_meeting(const KnowledgeBase& kb, const std::vector<std::string>& words) {
  std::string asked = words.front();
  if (words.size() == 2) asked += " " + words[1];
  if (words.size() == 1)
    if (auto m = kb.meetings().by_key(fold(asked))) return *m;
  std::size_t letters = 0;
  while (letters < asked.size() && std::isalpha(static_cast<unsigned char>(asked[letters])))
    ++letters;
  std::size_t digits = letters;
  while (digits < asked.size() && (asked[digits] == ' ' || asked[digits] == '-')) ++digits;
  std::string number = asked.substr(digits);
  if (letters > 0 && !number.empty() && std::all_of(number.begin(), number.end(), [](char c) {
        return std::isdigit(static_cast<unsigned char>(c));
      })) {
    int n = 0;
    auto [end, ec] = std::from_chars(number.data(), number.data() + number.size(), n);
    if (ec == std::errc() && end == number.data() + number.size())
      if (auto m = kb.meetings().by_sequence(asked.substr(0, letters), n)) return *m;
  } else if (words.size() == 2) {
    throw UsageError("meeting: '" + words[1] + "' is not a meeting number");
  }
  std::vector<Candidate> candidates;
  kb.meetings().each([&](const Meeting& m) {
    std::string label = meeting_label(kb, m);
    candidates.push_back({label, label});
    if (auto key = kb.key_of("meeting", m.id.value())) candidates.push_back({*key, label});
  });
  unknown("meeting", asked, candidates);
}

int show_meeting(const Tool& tool, const Arguments& args) {
  KnowledgeBase kb = tool.open();
  Meeting m = find_meeting(kb, args.words);
  auto out = tool.writer(true);
  RecordOptions options;
  options.cite = args.cite;
  write_record(kb, "meeting", m.id.value(), *out, options);
  out->finish();
  return 0;
}

}  // namespace

void add_meeting_command(CLI::App& app, Tool& tool) {
  auto args = std::make_shared<Arguments>();
  auto* command = tool.command(app, "meeting",
                               "One meeting: date, place, host, attendees, organisations, topics",
                               [&tool, args] { return show_meeting(tool, *args); });
  command
      ->add_option("meeting", args->words,
                   "SERIES N (SOM 11, \"SOM 11\", SOM-11, som 11) or a key (som-11)")
      ->required()
      ->expected(1, 2);
  command->add_flag("--cite", args->cite, "Print the quotations behind each line");
}

}  // namespace euiomkb::cli
