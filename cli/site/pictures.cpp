#include "site/pictures.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <string>

#include "site/html.hpp"

namespace euiomkb::cli::site {

namespace {

// A date as a fraction of years (the middle of the month or year it denotes).
double years(const PartialDate& d) {
  double y = d.year();
  if (d.month()) {
    y += (*d.month() - 1) / 12.0;
    y += d.day() ? (*d.day() - 1) / 365.0 : 1 / 24.0;
  } else {
    y += 0.5;
  }
  return y;
}

std::string num(double v) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", v);
  return buffer;
}

struct Dot {
  int sequence;  // 0 for a meeting without a number
  std::optional<PartialDate> held_on;
  std::string label;
  std::string key;
};

// A series with more meetings than this is drawn as bars per year, not a dot per meeting.
constexpr std::int64_t kTimelineDots = 200;

}  // namespace

void write_timeline_picture(std::ostream& out, const KnowledgeBase& kb) {
  // One pass over the meetings: every series is counted per year; a series keeps its dots only
  // while it has at most kTimelineDots meetings, so memory and the picture stay bounded.
  struct Row {
    std::vector<Dot> dots;
    std::map<int, std::int64_t> per_year;  // meetings with a recorded date, by year
    std::int64_t count = 0;
    std::int64_t undated = 0;
    bool aggregated = false;
  };
  std::map<std::string, Row> series;  // "" for one-off meetings
  std::int64_t total = 0;
  kb.meetings().each([&](const Meeting& m) {
    ++total;
    Row& row = series[m.series.value_or("")];
    ++row.count;
    if (m.held_on)
      ++row.per_year[m.held_on->year()];
    else
      ++row.undated;
    if (row.count > kTimelineDots) {
      row.aggregated = true;
      row.dots.clear();
      row.dots.shrink_to_fit();
    }
    if (row.aggregated) return;
    std::string label =
        m.series && m.sequence_no ? *m.series + " " + std::to_string(*m.sequence_no) : m.title;
    row.dots.push_back({m.sequence_no.value_or(0), m.held_on, label,
                        kb.key_of("meeting", m.id.value()).value_or("")});
  });
  int first = 9999, last = 0;
  bool any_aggregated = false;
  for (auto& [name, row] : series) {
    std::sort(row.dots.begin(), row.dots.end(),
              [](const Dot& a, const Dot& b) { return a.sequence < b.sequence; });
    any_aggregated = any_aggregated || row.aggregated;
    if (!row.per_year.empty()) {
      first = std::min(first, row.per_year.begin()->first);
      last = std::max(last, row.per_year.rbegin()->first);
    }
  }
  if (first > last) {
    out << "<p>No meeting has a recorded date.</p>\n";
    return;
  }
  const double left = 110, right = 20, width = 1000, row_height = 70, top = 30;
  const double span = last + 1 - first;
  auto x = [&](double y) { return left + (y - first) / span * (width - left - right); };
  double height = top + row_height * static_cast<double>(series.size()) + 30;
  out << "<figure class=\"timeline\"><div class=\"picture\" tabindex=\"0\" role=\"region\" "
         "aria-label=\"Picture, scrolls sideways\"><svg role=\"group\" "
         "aria-labelledby=\"timeline-caption\" width=\""
      << num(width) << "\" height=\"" << num(height) << "\" viewBox=\"0 0 " << num(width) << " "
      << num(height) << "\">\n";
  for (int y = first; y <= last + 1; ++y) {
    out << "<line x1=\"" << num(x(y)) << "\" y1=\"" << num(top - 10) << "\" x2=\"" << num(x(y))
        << "\" y2=\"" << num(height - 20) << "\" stroke=\"#dddddd\"/>";
    if (y <= last)
      out << "<text x=\"" << num(x(y) + 2) << "\" y=\"" << num(height - 6) << "\">" << y
          << "</text>\n";
  }
  double r = 0;
  std::vector<std::string> gaps;
  for (auto& [name, row] : series) {
    double cy = top + row_height * r + row_height / 2;
    std::string shown = name.empty() ? "Other meetings" : name;
    out << "<text x=\"4\" y=\"" << num(cy + 4) << "\">" << esc(shown) << "</text>\n";
    if (row.aggregated) {
      // One bar per year, its height the year's share of the series' busiest year.
      std::int64_t most = 1;
      for (const auto& [year, n] : row.per_year) most = std::max(most, n);
      for (const auto& [year, n] : row.per_year) {
        double h = std::max(2.0, 40.0 * static_cast<double>(n) / static_cast<double>(most));
        std::string label = shown + ", " + std::to_string(year) + ": " + std::to_string(n) +
                            (n == 1 ? " meeting" : " meetings");
        out << "<a href=\"meetings/index.html\" aria-label=\"" << esc(label) << "\"><rect x=\""
            << num(x(year) + 2) << "\" y=\"" << num(cy + 14 - h) << "\" width=\""
            << num(std::max(2.0, x(year + 1) - x(year) - 4)) << "\" height=\"" << num(h)
            << "\" fill=\"#1d4f91\"><title>" << esc(label) << "</title></rect><text x=\""
            << num(x(year) + 4) << "\" y=\"" << num(cy + 28) << "\">" << n << "</text></a>\n";
      }
      ++r;
      continue;
    }
    const Dot* previous = nullptr;
    bool up = false;
    for (const Dot& d : row.dots) {
      if (previous && previous->sequence > 0 && d.sequence > previous->sequence + 1 &&
          previous->held_on && d.held_on) {
        double x1 = x(years(*previous->held_on)) + 8, x2 = x(years(*d.held_on)) - 8;
        std::string label = name + " " + std::to_string(previous->sequence + 1) + "–" +
                            std::to_string(d.sequence - 1) + ": known by number only";
        if (previous->sequence + 1 == d.sequence - 1)
          label = name + " " + std::to_string(d.sequence - 1) + ": known by number only";
        gaps.push_back(label);
        out << "<rect x=\"" << num(x1) << "\" y=\"" << num(cy - 10) << "\" width=\""
            << num(std::max(4.0, x2 - x1)) << "\" height=\"20\" fill=\"#f3f2f1\" "
            << "stroke=\"#505a5f\" stroke-dasharray=\"4 3\"/><text x=\"" << num(x1 + 6) << "\" y=\""
            << num(cy + 4) << "\">" << esc(label) << "</text>\n";
      }
      if (d.held_on) {
        double cx = x(years(*d.held_on));
        // The links make the picture a group, not an image: each link is named for itself.
        out << "<a href=\"meetings/" << esc(d.key) << ".html\" aria-label=\"" << esc(d.label)
            << ", " << esc(d.held_on->to_string()) << "\"><circle cx=\"" << num(cx) << "\" cy=\""
            << num(cy) << "\" r=\"6\" fill=\"#1d4f91\"><title>" << esc(d.label) << ", "
            << esc(d.held_on->to_string()) << "</title></circle><text x=\"" << num(cx - 10)
            << "\" y=\"" << num(up ? cy - 12 : cy + 22) << "\">"
            << esc(d.sequence > 0 ? std::to_string(d.sequence) : "") << "</text></a>\n";
        up = !up;
      }
      previous = &d;
    }
    ++r;
  }
  out << "</svg></div>\n<figcaption id=\"timeline-caption\">The recorded meetings by series "
         "and date ("
      << total
      << " in all). Numbers without a recorded meeting between two that have one are "
         "shown as a dashed band, known by number only: no date is invented for them.";
  if (any_aggregated)
    out << " A series of more than " << kTimelineDots
        << " meetings is drawn as one bar per year, as high as its number of meetings that year "
           "(written below the bar); its meetings are listed in <a href=\"meetings/index.html\">"
           "the index of meetings</a>.";
  for (const std::string& g : gaps) out << " " << esc(g) << ".";
  out << "</figcaption>\n";
  bool any_dots =
      std::any_of(series.begin(), series.end(), [](const auto& s) { return !s.second.aggregated; });
  if (any_dots) {
    out << "<details><summary>The meetings as a table</summary><div "
           "class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"Table, scrolls "
           "sideways\"><table><thead><tr><th scope=\"col\">Series</th><th "
           "scope=\"col\">Meeting</th><th scope=\"col\">Held on</th></tr></thead><tbody>\n";
    for (auto& [name, row] : series)
      for (const Dot& d : row.dots)
        out << "<tr><td>" << esc(name.empty() ? "other" : name) << "</td><td><a href=\"meetings/"
            << esc(d.key) << ".html\">" << esc(d.label) << "</a></td><td>"
            << esc(d.held_on ? d.held_on->to_string() : "not recorded") << "</td></tr>\n";
    out << "</tbody></table></div></details>\n";
  }
  if (any_aggregated) {
    // The bars' text alternative: counts per year, never one row per meeting.
    out << "<details><summary>The meetings per year as a table</summary><div "
           "class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"Table, scrolls "
           "sideways\"><table><caption>Meetings per year of each series drawn as bars; every "
           "meeting is in <a href=\"meetings/index.html\">the index of meetings</a></caption>"
           "<thead><tr><th scope=\"col\">Series</th><th scope=\"col\">Year</th><th "
           "scope=\"col\">Meetings</th></tr></thead><tbody>\n";
    for (auto& [name, row] : series) {
      if (!row.aggregated) continue;
      std::string shown = name.empty() ? "other" : name;
      for (const auto& [year, n] : row.per_year)
        out << "<tr><td>" << esc(shown) << "</td><td>" << year << "</td><td>" << n
            << "</td></tr>\n";
      if (row.undated > 0)
        out << "<tr><td>" << esc(shown) << "</td><td>not recorded</td><td>" << row.undated
            << "</td></tr>\n";
    }
    out << "</tbody></table></div></details>\n";
  }
  out << "</figure>\n";
}

void write_membership_picture(
    std::ostream& out, const std::vector<std::pair<PartialDate, std::vector<PartyOnDate>>>& rows) {
  if (rows.empty()) return;
  std::vector<std::string> parties;
  for (const auto& [d, on] : rows)
    for (const PartyOnDate& p : on)
      if (std::find(parties.begin(), parties.end(), p.party.organisation) == parties.end())
        parties.push_back(p.party.organisation);
  const double left = 120, colw = 90, rowh = 26, top = 30;
  double width = left + colw * static_cast<double>(rows.size()) + 10;
  double height = top + rowh * static_cast<double>(parties.size()) + 10;
  out << "<figure class=\"membership\"><div class=\"picture\" tabindex=\"0\" role=\"region\" "
         "aria-label=\"Picture, scrolls sideways\"><svg role=\"img\" "
         "aria-labelledby=\"membership-caption\" width=\""
      << num(width) << "\" height=\"" << num(height) << "\" viewBox=\"0 0 " << num(width) << " "
      << num(height) << "\">\n";
  for (std::size_t c = 0; c < rows.size(); ++c)
    out << "<text x=\"" << num(left + colw * static_cast<double>(c) + 4) << "\" y=\"18\">"
        << esc(rows[c].first.to_string()) << "</text>\n";
  for (std::size_t i = 0; i < parties.size(); ++i) {
    double y = top + rowh * static_cast<double>(i);
    out << "<text x=\"4\" y=\"" << num(y + 16) << "\">" << esc(parties[i]) << "</text>\n";
    for (std::size_t c = 0; c < rows.size(); ++c) {
      std::string fill = "#ffffff";
      std::string state = "not yet a party";
      for (const PartyOnDate& p : rows[c].second) {
        if (p.party.organisation != parties[i]) continue;
        if (p.current()) {
          fill = "#1d4f91";
          state = "a party";
        } else if (p.standing.standing == "undetermined") {
          fill = "#b1b4b6";
          state = "undetermined";
        } else {
          state = p.standing.standing;
        }
      }
      out << "<rect x=\"" << num(left + colw * static_cast<double>(c)) << "\" y=\"" << num(y)
          << "\" width=\"" << num(colw - 4) << "\" height=\"" << num(rowh - 6) << "\" fill=\""
          << fill << "\" stroke=\"#505a5f\"><title>" << esc(parties[i]) << " on "
          << esc(rows[c].first.to_string()) << ": " << esc(state) << "</title></rect>\n";
    }
  }
  out << "</svg></div>\n<figcaption id=\"membership-caption\">Membership over time: a filled "
         "cell is a party on that date, grey is undetermined, empty is not a party (not yet, "
         "or no longer). The table below says the same in words.</figcaption></figure>\n";
}

}  // namespace euiomkb::cli::site

namespace euiomkb::cli::site {

void write_lineage_picture(std::ostream& out, const std::vector<OrganisationEvent>& events) {
  if (events.empty()) return;
  const double rowh = 44, width = 760;
  double height = rowh * static_cast<double>(events.size()) + 10;
  out << "<figure class=\"lineage\"><div class=\"picture\" tabindex=\"0\" role=\"region\" "
         "aria-label=\"Picture, scrolls sideways\"><svg role=\"img\" "
         "aria-labelledby=\"lineage-caption\" width=\""
      << num(width) << "\" height=\"" << num(height) << "\" viewBox=\"0 0 " << num(width) << " "
      << num(height) << "\">\n";
  double y = 6;
  for (const OrganisationEvent& e : events) {
    std::string from = e.from_short_name.value_or("(not recorded)");
    std::string to = e.to_short_name.value_or("(none)");
    out << "<rect x=\"4\" y=\"" << num(y) << "\" width=\"220\" height=\"30\" fill=\"#f3f2f1\" "
        << "stroke=\"#505a5f\"/><text x=\"12\" y=\"" << num(y + 20) << "\">" << esc(from)
        << "</text><line x1=\"228\" y1=\"" << num(y + 15) << "\" x2=\"520\" y2=\"" << num(y + 15)
        << "\" stroke=\"#1b1b1b\" stroke-width=\"2\"/><polygon points=\"520," << num(y + 9)
        << " 532," << num(y + 15) << " 520," << num(y + 21)
        << "\" fill=\"#1b1b1b\"/><text x=\"240\" y=\"" << num(y + 10) << "\">" << esc(e.event)
        << ", " << esc(e.occurred_on ? e.occurred_on->to_string() : "date not recorded")
        << (e.general_knowledge ? " (general knowledge)" : "") << "</text><rect x=\"536\" y=\""
        << num(y) << "\" width=\"220\" height=\"30\" "
        << "fill=\"#ffffff\" stroke=\"#1d4f91\"/><text x=\"544\" y=\"" << num(y + 20) << "\">"
        << esc(to) << "</text>\n";
    y += rowh;
  }
  out << "</svg></div>\n<figcaption id=\"lineage-caption\">The recorded lineage, oldest first: ";
  bool first = true;
  for (const OrganisationEvent& e : events) {
    out << (first ? "" : "; ") << esc(e.from_short_name.value_or("(not recorded)")) << " "
        << esc(e.event) << " "
        << esc(e.occurred_on ? "on " + e.occurred_on->to_string() : "(date not recorded)")
        << (e.to_short_name ? " into " + esc(*e.to_short_name) : "");
    first = false;
  }
  out << ".</figcaption></figure>\n";
}

}  // namespace euiomkb::cli::site
