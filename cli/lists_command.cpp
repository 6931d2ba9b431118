// The everyday lists that used to take SQL: topics, themes (with the meetings where each came
// up), series (and one series' facts), funding and sources. Filters name what exists; an
// unknown value is a usage error naming the values there are.
#include <algorithm>

#include "citations.hpp"
#include "records.hpp"
#include "stored.hpp"
#include "tool.hpp"

namespace euiomkb::cli {
namespace {

struct Filters {
  std::string theme;
  std::string series;
  std::string org;
  int year = 0;
  int min_meetings = 0;
  std::string name;  // series: the one to show
  bool cite = false;
};

std::vector<std::string> column_of(const KnowledgeBase& kb, std::string_view sql) {
  std::vector<std::string> out;
  for (const auto& r : stored_rows(kb, sql, {})) out.push_back(std::get<std::string>(r[0]));
  return out;
}

// The theme a --theme value names: a theme's name or key (case and accents ignored), or a
// word of exactly one theme's name ("climate").
Value theme_filter(const KnowledgeBase& kb, const std::string& value) {
  if (value.empty()) return Value();
  auto names = column_of(kb, "SELECT name FROM theme ORDER BY name");
  for (const auto& k : kb.keys("theme"))
    if (fold(k.key) == fold(value)) return text(k.label);
  std::vector<std::string> containing;
  for (const std::string& n : names)
    if (fold(n).find(fold(value)) != std::string::npos) containing.push_back(n);
  if (containing.size() == 1) return text(containing.front());
  return text(choice("--theme", value, names));
}

Value series_filter(const KnowledgeBase& kb, const std::string& value) {
  if (value.empty()) return Value();
  return text(choice("--series", value,
                     column_of(kb, "SELECT series FROM meeting_series ORDER BY series")));
}

Value year_filter(int year) {
  if (year == 0) return Value();
  if (year < 1000 || year > 9999) throw UsageError("--year: give four digits (2024)");
  return text(std::to_string(year));
}

// Topics, each with its meeting (key) and theme, announced or reported.
int list_topics(const Tool& tool, const Filters& f) {
  KnowledgeBase kb = tool.open();
  Value theme = theme_filter(kb, f.theme);
  Value series = series_filter(kb, f.series);
  Value year = year_filter(f.year);
  CitationNotes notes(kb);
  auto out = tool.writer(f.cite);
  view_section(kb, *out, notes, "topics",
               "SELECT t.topic_id AS topic_id, m.key AS meeting, t.held_on, t.topic, t.theme, "
               "(SELECT key FROM v_theme h WHERE h.name = t.theme) AS theme_key, t.attested_as, "
               "(SELECT count(DISTINCT u.meeting_id) FROM v_meeting_topic u "
               " WHERE u.theme = t.theme) AS theme_meetings "
               "FROM v_meeting_topic t JOIN v_meeting m USING (meeting_id) "
               "WHERE (?1 IS NULL OR t.theme = ?1) AND (?2 IS NULL OR t.series = ?2) "
               "AND (?3 IS NULL OR substr(t.held_on, 1, 4) = ?3) "
               "AND (SELECT count(DISTINCT u.meeting_id) FROM v_meeting_topic u "
               "     WHERE u.theme = t.theme) >= ?4 "
               "ORDER BY t.held_on, t.topic_id",
               {theme, series, year, std::int64_t{f.min_meetings}}, "topic");
  if (f.cite) notes.write(*out);
  out->finish();
  return 0;
}

// Themes with the meetings where each came up ("som-1 announced; som-11 reported").
int list_themes(const Tool& tool, const Filters& f) {
  KnowledgeBase kb = tool.open();
  Value theme = theme_filter(kb, f.theme);
  Value series = series_filter(kb, f.series);
  Value year = year_filter(f.year);
  CitationNotes notes(kb);
  auto out = tool.writer(false);
  view_section(kb, *out, notes, "themes",
               "WITH hits AS (SELECT t.theme, m.key, t.held_on, "
               "  group_concat(DISTINCT t.attested_as) AS attested "
               "  FROM v_meeting_topic t JOIN v_meeting m USING (meeting_id) "
               "  WHERE t.theme IS NOT NULL AND (?2 IS NULL OR t.series = ?2) "
               "  AND (?3 IS NULL OR substr(t.held_on, 1, 4) = ?3) "
               "  GROUP BY t.theme, m.meeting_id) "
               "SELECT h.key, h.name AS theme, "
               "(SELECT count(*) FROM hits x WHERE x.theme = h.name) AS meetings, "
               "(SELECT group_concat(y.key || ' ' || y.attested, '; ') FROM "
               "  (SELECT x.key, x.attested FROM hits x WHERE x.theme = h.name "
               "   ORDER BY x.held_on, x.key) y) AS came_up "
               "FROM v_theme h WHERE (?1 IS NULL OR h.name = ?1) "
               "AND (SELECT count(*) FROM hits x WHERE x.theme = h.name) >= ?4 "
               "ORDER BY meetings DESC, h.name",
               {theme, series, year, std::int64_t{f.min_meetings}});
  out->finish();
  return 0;
}

// Every series with how many meetings are recorded; with a name, that series as a record
// (its names, the facts documents state of it, its meetings).
int list_series(const Tool& tool, const Filters& f) {
  KnowledgeBase kb = tool.open();
  if (!f.name.empty()) {
    std::string code = std::get<std::string>(series_filter(kb, f.name));
    auto out = tool.writer(true);
    RecordOptions options;
    options.cite = f.cite;
    write_record(kb, "series", std::string_view(code), *out, options);
    out->finish();
    return 0;
  }
  CitationNotes notes(kb);
  auto out = tool.writer(false);
  view_section(kb, *out, notes, "series",
               "SELECT lower(s.series) AS key, s.series, s.name, "
               "(SELECT count(*) FROM meeting m WHERE m.series = s.series) AS meetings_recorded, "
               "(SELECT count(*) FROM series_fact x WHERE x.series = s.series) AS facts "
               "FROM meeting_series s ORDER BY s.series",
               {});
  out->finish();
  return 0;
}

// Funding, with funder and recipient keys, the amount as stated, and the citations.
int list_funding(const Tool& tool, const Filters& f) {
  KnowledgeBase kb = tool.open();
  Value year = year_filter(f.year);
  Value org;
  if (!f.org.empty()) {
    auto o = kb.organisations().by_short_name(f.org);
    if (!o) o = kb.organisations().by_key(f.org);
    if (!o) {
      std::vector<Candidate> candidates;
      kb.organisations().each([&](const Organisation& x) {
        candidates.push_back({x.short_name, x.short_name});
        candidates.push_back({x.name, x.short_name});
      });
      unknown("organisation", f.org, candidates);
    }
    org = text(o->short_name);
  }
  CitationNotes notes(kb);
  auto out = tool.writer(f.cite);
  out->section("funding", funding_columns());
  std::string wanted_year = f.year ? std::to_string(f.year) : "";
  for (const Funding& x : kb.funding().all()) {
    if (!f.org.empty() && x.funder != std::get<std::string>(org) &&
        x.recipient != std::get<std::string>(org))
      continue;
    if (f.year) {
      // In the year when the period touches it (an open end runs on).
      std::string start = x.period_start ? x.period_start->to_string().substr(0, 4) : "";
      std::string end = x.period_end ? x.period_end->to_string().substr(0, 4) : "";
      bool touches = (!start.empty() || !end.empty()) && (start.empty() || start <= wanted_year) &&
                     (end.empty() ? !start.empty() : end >= wanted_year);
      if (!touches) continue;
    }
    out->row(funding_values(kb, x, notes));
  }
  if (f.cite) notes.write(*out);
  out->finish();
  return 0;
}

int list_sources(const Tool& tool, const Filters&) {
  KnowledgeBase kb = tool.open();
  CitationNotes notes(kb);
  auto out = tool.writer(false);
  view_section(kb, *out, notes, "sources",
               "SELECT s.key, s.title, s.publisher, s.published, s.url, "
               "(SELECT count(*) FROM citation c WHERE c.source_id = s.source_id) AS citations, "
               "s.file_name FROM v_source s ORDER BY s.published IS NULL, s.published, s.title",
               {});
  out->finish();
  return 0;
}

}  // namespace

void add_lists_commands(CLI::App& app, Tool& tool) {
  auto f = std::make_shared<Filters>();
  auto* topics = tool.command(app, "topics",
                              "Topics of meetings in the documents' words, with theme and meeting, "
                              "announced or reported",
                              [&tool, f] { return list_topics(tool, *f); });
  topics->add_option("--theme", f->theme, "Only this theme (name, key or a word of its name)");
  topics->add_option("--series", f->series, "Only meetings of this series (SOM, HOU)");
  topics->add_option("--year", f->year, "Only meetings of this year");
  topics->add_option("--min-meetings", f->min_meetings,
                     "Only topics whose theme came up at this many meetings or more");
  topics->add_flag("--cite", f->cite, "Print the quotations behind each line");

  auto* themes = tool.command(app, "themes",
                              "Themes with the meetings where each came up, announced or reported",
                              [&tool, f] { return list_themes(tool, *f); });
  themes->add_option("--theme", f->theme, "Only this theme (name, key or a word of its name)");
  themes->add_option("--series", f->series, "Count only meetings of this series (SOM, HOU)");
  themes->add_option("--year", f->year, "Count only meetings of this year");
  themes->add_option("--min-meetings", f->min_meetings,
                     "Only themes that came up at this many meetings or more");

  auto* series = tool.command(app, "series",
                              "The meeting series; with a name (SOM, HOU), what documents say of "
                              "it and its meetings",
                              [&tool, f] { return list_series(tool, *f); });
  series->add_option("series", f->name, "SOM or HOU");
  series->add_flag("--cite", f->cite, "Print the quotations behind each line");

  auto* funding = tool.command(app, "funding",
                               "Funding: funder, recipient, period, amount as stated, and sources",
                               [&tool, f] { return list_funding(tool, *f); });
  funding->add_option("--year", f->year, "Only funding whose period touches this year");
  funding->add_option("--org", f->org, "Only funding from or to this organisation");
  funding->add_flag("--cite", f->cite, "Print the quotations behind each line");

  tool.command(app, "sources",
               "The source documents: title, publisher, date, URL, citations of each",
               [&tool, f] { return list_sources(tool, *f); });
}

}  // namespace euiomkb::cli
