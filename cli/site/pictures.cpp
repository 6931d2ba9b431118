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

}  // namespace

void write_timeline_picture(std::ostream& out, const KnowledgeBase& kb) {
  std::map<std::string, std::vector<Dot>> series;  // "" for one-off meetings
  std::int64_t total = 0;
  kb.meetings().each([&](const Meeting& m) {
    ++total;
    std::string label =
        m.series && m.sequence_no ? *m.series + " " + std::to_string(*m.sequence_no) : m.title;
    series[m.series.value_or("")].push_back({m.sequence_no.value_or(0), m.held_on, label,
                                             kb.key_of("meeting", m.id.value()).value_or("")});
  });
  int first = 9999, last = 0;
  for (auto& [name, dots] : series) {
    std::sort(dots.begin(), dots.end(),
              [](const Dot& a, const Dot& b) { return a.sequence < b.sequence; });
    for (const Dot& d : dots)
      if (d.held_on) {
        first = std::min(first, d.held_on->year());
        last = std::max(last, d.held_on->year());
      }
  }
  if (first > last) {
    out << "<p>No meeting has a recorded date.</p>\n";
    return;
  }
  const double left = 110, right = 20, width = 1000, row = 70, top = 30;
  const double span = last + 1 - first;
  auto x = [&](double y) { return left + (y - first) / span * (width - left - right); };
  double height = top + row * static_cast<double>(series.size()) + 30;
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
  for (auto& [name, dots] : series) {
    double cy = top + row * r + row / 2;
    out << "<text x=\"4\" y=\"" << num(cy + 4) << "\">"
        << esc(name.empty() ? "Other meetings" : name) << "</text>\n";
    const Dot* previous = nullptr;
    bool up = false;
    for (const Dot& d : dots) {
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
  for (const std::string& g : gaps) out << " " << esc(g) << ".";
  out << "</figcaption>\n<details><summary>The meetings as a table</summary><div "
         "class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"Table, scrolls "
         "sideways\"><table><thead><tr><th scope=\"col\">Series</th><th "
         "scope=\"col\">Meeting</th><th scope=\"col\">Held on</th></tr></thead><tbody>\n";
  for (auto& [name, dots] : series)
    for (const Dot& d : dots)
      out << "<tr><td>" << esc(name.empty() ? "other" : name) << "</td><td><a href=\"meetings/"
          << esc(d.key) << ".html\">" << esc(d.label) << "</a></td><td>"
          << esc(d.held_on ? d.held_on->to_string() : "not recorded") << "</td></tr>\n";
  out << "</tbody></table></div></details></figure>\n";
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
