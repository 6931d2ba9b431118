// euiomkb meeting SERIES N | KEY: one meeting with its attendees, organisations and topics,
// and the citations behind each line.
#include <charconv>

#include "citations.hpp"
#include "stored.hpp"
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
  CitationNotes notes(kb);
  auto out = tool.writer(true);
  out->section("meeting",
               {{"key"},
                {"series"},
                {"sequence_no", ColumnType::integer},
                {"title"},
                {"held_on"},
                {"location"},
                {"host"},
                {"note"},
                CitationNotes::column()},
               Shape::record);
  out->row({text(kb.key_of("meeting", m.id.value())), text(m.series),
            integer(m.sequence_no ? std::optional<std::int64_t>(*m.sequence_no) : std::nullopt),
            text(m.title), date(m.held_on), text(m.location), text(m.host),
            stored_value(kb, kMeetingNote, m.id.value()), notes.of(m)});
  // Each date a document gives the meeting, announced or reported, and on what basis.
  out->section("dates",
               {{"held_on"}, {"attested_as"}, {"basis"}, {"note"}, CitationNotes::column()});
  for (const auto& d : stored_rows(kb, kMeetingDates, {m.id.value()}))
    out->row({d[1], d[2], d[3], d[4], notes.of("meeting_date", std::get<std::int64_t>(d[0]))});
  out->section("attendees", {{"person"},
                             {"role"},
                             {"post"},
                             {"acting", ColumnType::boolean},
                             {"organisation"},
                             {"attested_as"},
                             CitationNotes::column()});
  for (const Attendance& a : kb.meetings().attendance(m.id))
    out->row({text(a.person), text(a.role), text(a.post), boolean(a.acting), text(a.organisation),
              text(a.attested_as), notes.of(a)});
  out->section("organisations",
               {{"organisation"}, {"role"}, {"attested_as"}, CitationNotes::column()});
  for (const MeetingOrganisation& o : kb.meetings().organisations(m.id))
    out->row({text(o.organisation), text(o.role), text(o.attested_as), notes.of(o)});
  out->section("topics", {{"topic"}, {"theme"}, {"attested_as"}, CitationNotes::column()});
  for (const Topic& t : kb.meetings().topics(m.id))
    out->row({text(t.label), text(t.theme), text(t.attested_as), notes.of(t)});
  // What the documents say of the meeting's series (how often it meets, how many so far, ...).
  if (m.series) {
    out->section(
        "series",
        {{"attribute"}, {"value"}, {"as_of"}, {"basis"}, {"note"}, CitationNotes::column()});
    for (const auto& f : stored_rows(kb, kSeriesFacts, {*m.series}))
      out->row(
          {f[1], f[2], f[3], f[4], f[5], notes.of("series_fact", std::get<std::int64_t>(f[0]))});
  }
  if (args.cite) notes.write(*out);
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
