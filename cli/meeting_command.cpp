// euiomkb meeting SERIES N | KEY: one meeting with its attendees, organisations and topics,
// and the citations behind each line.
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

Meeting find_meeting(const KnowledgeBase& kb, const std::vector<std::string>& words) {
  std::optional<Meeting> found;
  std::string asked = words.front();
  if (words.size() == 2) {
    asked += " " + words[1];
    int n = 0;
    auto [end, ec] = std::from_chars(words[1].data(), words[1].data() + words[1].size(), n);
    if (ec != std::errc() || end != words[1].data() + words[1].size())
      throw UsageError("meeting: '" + words[1] + "' is not a meeting number");
    found = kb.meetings().by_sequence(words[0], n);
  } else {
    found = kb.meetings().by_key(words[0]);
  }
  if (found) return *found;
  std::vector<std::string> candidates;
  kb.meetings().each([&](const Meeting& m) {
    candidates.push_back(meeting_label(kb, m));
    if (auto key = kb.key_of("meeting", m.id.value())) candidates.push_back(*key);
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
  command->add_option("meeting", args->words, "SERIES N (SOM 11) or a key (som-11)")
      ->required()
      ->expected(1, 2);
  command->add_flag("--cite", args->cite, "Print the quotations behind each line");
}

}  // namespace euiomkb::cli
