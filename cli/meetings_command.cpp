// euiomkb meetings: the meeting timeline, filtered by series, dates and theme.
#include <algorithm>
#include <cctype>

#include "stored.hpp"
#include "tool.hpp"

namespace euiomkb::cli {
namespace {

struct Filters {
  std::string series;
  std::string from;
  std::string to;
  std::string theme;
};

bool same_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

bool contains_ignoring_case(std::string_view text, std::string_view part) {
  return std::search(text.begin(), text.end(), part.begin(), part.end(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         }) != text.end();
}

int list_meetings(const Tool& tool, const Filters& f) {
  std::optional<PartialDate> from, to;
  if (!f.from.empty()) from = parse_date_option("--from", f.from);
  if (!f.to.empty()) to = parse_date_option("--to", f.to);
  KnowledgeBase kb = tool.open();
  // An unknown series or theme is a usage error naming the values there are.
  if (!f.series.empty()) {
    std::vector<std::string> series;
    for (const auto& r : stored_rows(kb, "SELECT series FROM meeting_series ORDER BY series", {}))
      series.push_back(std::get<std::string>(r[0]));
    choice("--series", f.series, series);
  }
  if (!f.theme.empty()) {
    std::vector<std::string> themes;
    bool any = false;
    for (const auto& r : stored_rows(kb, "SELECT name FROM theme ORDER BY name", {})) {
      themes.push_back(std::get<std::string>(r[0]));
      any = any || contains_ignoring_case(themes.back(), f.theme);
    }
    if (!any) choice("--theme", f.theme, themes);
  }
  auto out = tool.writer(false);
  out->section("meetings", {whole_column("key"),
                            {"series"},
                            {"sequence_no", ColumnType::integer, false, true},
                            {"held_on"},
                            {"title"},
                            {"location"},
                            {"host"},
                            {"topics_announced", ColumnType::integer, false, true},
                            {"topics_reported", ColumnType::integer, false, true}});
  kb.meetings().each([&](const Meeting& m) {
    if (!f.series.empty() && !(m.series && same_ignoring_case(*m.series, f.series))) return;
    // A partial date is in range when any day it covers could be.
    if (from && !(m.held_on && (*m.held_on >= *from || m.held_on->covers(*from)))) return;
    if (to && !(m.held_on && (*m.held_on <= *to || to->covers(*m.held_on)))) return;
    auto topics = kb.meetings().topics(m.id);
    if (!f.theme.empty()) {
      if (std::none_of(topics.begin(), topics.end(), [&](const Topic& t) {
            return t.theme && contains_ignoring_case(*t.theme, f.theme);
          }))
        return;
    }
    out->row({text(kb.key_of("meeting", m.id.value())), text(m.series),
              integer(m.sequence_no ? std::optional<std::int64_t>(*m.sequence_no) : std::nullopt),
              date(m.held_on), text(m.title), text(m.location), text(m.host),
              integer(std::count_if(topics.begin(), topics.end(),
                                    [](const Topic& t) { return t.attested_as == "announced"; })),
              integer(std::count_if(topics.begin(), topics.end(),
                                    [](const Topic& t) { return t.attested_as == "reported"; }))});
  });
  out->finish();
  return 0;
}

}  // namespace

void add_meetings_command(CLI::App& app, Tool& tool) {
  auto filters = std::make_shared<Filters>();
  auto* command = tool.command(app, "meetings", "List meetings in date order, with filters",
                               [&tool, filters] { return list_meetings(tool, *filters); });
  command->add_option("--series", filters->series, "Only this series (SOM, HOU)");
  command->add_option("--from", filters->from, "Only meetings on or after this date");
  command->add_option("--to", filters->to, "Only meetings on or before this date");
  command->add_option("--theme", filters->theme,
                      "Only meetings with a topic under a theme containing this text");
}

}  // namespace euiomkb::cli
