#include "site/pages.hpp"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <fstream>
#include <functional>
#include <limits>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <sstream>
#include <stdexcept>
#include <streambuf>
#include <tuple>
#include <variant>

#include "citations.hpp"
#include "records.hpp"
#include "site/html.hpp"
#include "site/pictures.hpp"
#include "stored.hpp"
#include "tool.hpp"

namespace euiomkb::cli::site {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

namespace {

std::string date_text(const std::optional<PartialDate>& d) { return d ? d->to_string() : ""; }

// The value of a filter attribute (Pagefind's "name:value" list separates by commas).
std::string filter_value(std::string v) {
  std::replace(v.begin(), v.end(), ',', ' ');
  return esc(v);
}

// A "cited" value of a JSON document: an array of citation ids ([12, 13]); empty for null
// (a record that rests on general knowledge).
std::vector<std::int64_t> citation_ids(const Json& cited) {
  std::vector<std::int64_t> ids;
  if (!cited.is_array()) return ids;
  for (const Json& id : cited)
    if (id.is_number_integer()) ids.push_back(id.get<std::int64_t>());
  return ids;
}

// The first dozen words of a quotation, white space folded, with "…" when there is more.
std::string opening_words(const std::string& quote) {
  std::istringstream in(quote);
  std::string word, out;
  int n = 0;
  while (in >> word) {
    if (n++ == 12) return out + " …";
    out += (out.empty() ? "" : " ") + word;
  }
  return out;
}

std::string json_cell(const Json& v) {
  if (v.is_null()) return "<span class=\"muted\">not recorded</span>";
  if (v.is_boolean()) return v.get<bool>() ? "yes" : "no";
  if (v.is_string()) return esc(v.get<std::string>());
  return esc(v.dump());
}

std::string heading(std::string name) {
  std::replace(name.begin(), name.end(), '_', ' ');
  if (!name.empty()) name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[0])));
  return esc(name);
}

// Byte offsets of each code point of UTF-8 `text`, plus its size at the end.
std::vector<std::size_t> code_point_offsets(const std::string& text) {
  std::vector<std::size_t> offsets;
  offsets.reserve(text.size() + 1);
  for (std::size_t i = 0; i < text.size(); ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xC0U) != 0x80U) offsets.push_back(i);
  offsets.push_back(text.size());
  return offsets;
}

// The distinct cited spans of a source (?1 = source id), in order of their offsets.
constexpr std::string_view kSourceSpans =
    "SELECT DISTINCT start_offset, end_offset FROM v_citation WHERE source_id = ?1 "
    "ORDER BY start_offset, end_offset";

// The page of a person named exactly ?2 (a label of `euiomkb keys`), among the people whose
// canonical name folds as that of person ?1: the lowest key; NULL when none has one.
constexpr std::string_view kPersonLink =
    "SELECT min(k.key) FROM person p JOIN record_key k ON k.kind = 'person' "
    "AND k.row_id = p.person_id WHERE p.name_folded = "
    "(SELECT name_folded FROM person WHERE person_id = ?1) AND p.name = ?2";
// The page of the organisation whose short name is ?1: its lowest key; NULL when none.
constexpr std::string_view kOrganisationLink =
    "SELECT min(k.key) FROM organisation o JOIN record_key k ON k.kind = 'organisation' "
    "AND k.row_id = o.organisation_id WHERE o.short_name = ?1";

// The next source after ?1 by id, and by file name (the order of Sources::list()).
constexpr std::string_view kSourceAfterId =
    "SELECT source_id FROM source WHERE source_id > ?1 ORDER BY source_id LIMIT 1";
constexpr std::string_view kFirstSourceByName =
    "SELECT source_id, file_name FROM source ORDER BY file_name LIMIT 1";
constexpr std::string_view kSourceAfterName =
    "SELECT source_id, file_name FROM source WHERE file_name > ?1 ORDER BY file_name LIMIT 1";
constexpr std::string_view kKeyedSources =
    "SELECT count(*) FROM source s WHERE EXISTS (SELECT 1 FROM record_key k "
    "WHERE k.kind = 'source' AND k.row_id = s.source_id)";

// Each source's summary, by id (`by_id`) or in the order of Sources::list(): one indexed
// lookup per source, so that no list of the sources is held.
void each_source(const KnowledgeBase& kb, bool by_id,
                 const std::function<void(const SourceSummary&)>& visit) {
  std::int64_t id = std::numeric_limits<std::int64_t>::min();
  std::string name;
  for (bool first = true;; first = false) {
    const auto rows = by_id   ? stored_rows(kb, kSourceAfterId, {id})
                      : first ? stored_rows(kb, kFirstSourceByName, {})
                              : stored_rows(kb, kSourceAfterName, {name});
    if (rows.empty()) return;
    id = std::get<std::int64_t>(rows[0][0]);
    if (!by_id) name = std::get<std::string>(rows[0][1]);
    if (std::optional<SourceSummary> s = kb.sources().summary(SourceId(id))) visit(*s);
  }
}

// Pagefind's year and organisation filters of a page, as invisible elements of its body.
void write_filters(std::ostream& out, const std::string& year, const std::string& organisation) {
  if (!year.empty())
    out << "<meta data-pagefind-filter=\"year[content]\" content=\"" << esc(year) << "\">\n";
  if (!organisation.empty())
    out << "<meta data-pagefind-filter=\"organisation[content]\" content=\"" << esc(organisation)
        << "\">\n";
}

// Passes a JSON object through to `to` with `"url": URL` as its first member: how a record's
// twin is the tool's --json plus its own URL while the tool's writer streams it into the file.
class UrlFirst : public std::streambuf {
 public:
  UrlFirst(std::streambuf* to, const std::string& url) : to_(to), url_(Json(url).dump()) {}

 protected:
  int_type overflow(int_type c) override {
    if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
    char ch = traits_type::to_char_type(c);
    if (state_ == State::before && ch == '{') {
      put("{\n  \"url\": " + url_);
      state_ = State::after_url;
      return c;
    }
    if (state_ == State::after_url) {
      if (ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r') return c;  // written below
      put(ch == '}' ? "\n" : ",\n  ");
      state_ = State::through;
    }
    return to_->sputc(ch);
  }
  int sync() override { return to_->pubsync(); }

 private:
  void put(const std::string& text) {
    to_->sputn(text.data(), static_cast<std::streamsize>(text.size()));
  }
  enum class State { before, after_url, through };
  std::streambuf* to_;
  std::string url_;
  State state_ = State::before;
};

// The twin at `file` as its page needs it: each part that is a list keeps its first `keep` rows
// (the rest are parsed and dropped, so a record with 10^5 rows is never held), and `rows` gets
// every list's full length.
Json read_bounded(const fs::path& file, std::size_t keep,
                  std::map<std::string, std::size_t>& rows) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::runtime_error("site: cannot read " + file.string());
  std::string part;
  bool in_list = false;
  return Json::parse(in, [&](int depth, Json::parse_event_t event, Json& parsed) {
    using Event = Json::parse_event_t;
    if (depth == 1 && event == Event::key) {
      part = parsed.get<std::string>();
    } else if (depth == 1 && (event == Event::array_start || event == Event::object_start)) {
      in_list = event == Event::array_start;
      if (in_list) rows[part] = 0;
    } else if (depth == 2 && in_list &&
               (event == Event::object_start || event == Event::array_start ||
                event == Event::value)) {
      return ++rows[part] <= keep;
    }
    return true;
  });
}

}  // namespace

std::string command_json(const std::string& db_path, const std::vector<std::string>& args) {
  std::ostringstream out;
  command_json(db_path, args, out);
  return out.str();
}

void command_json(const std::string& db_path, const std::vector<std::string>& args,
                  std::ostream& out) {
  std::ostringstream err;
  Tool tool(out, err);
  tool.db_option = db_path;
  tool.json = true;
  CLI::App app;
  add_meeting_command(app, tool);
  add_meetings_command(app, tool);
  add_person_command(app, tool);
  add_org_command(app, tool);
  add_framework_command(app, tool);
  add_diff_command(app, tool);
  std::vector<std::string> reversed(args.rbegin(), args.rend());
  app.parse(reversed);
  int code = tool.run_parsed(app);
  if (code != 0) throw std::runtime_error("site: '" + args.front() + "' failed: " + err.str());
}

SiteBuilder::SiteBuilder(const KnowledgeBase& kb, std::string db_path, fs::path stage,
                         bool searchable, SiteLimits limits)
    : kb_(kb),
      db_path_(std::move(db_path)),
      stage_(std::move(stage)),
      searchable_(searchable),
      limits_(limits) {
  if (limits_.index_rows < 1 || limits_.table_rows < 1)
    throw std::invalid_argument("site: a page must show at least one row");
  std::time_t now = std::time(nullptr);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&now));
  date_ = buffer;
}

std::ofstream SiteBuilder::open(const std::string& relative) {
  fs::path path = stage_ / relative;
  fs::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary);
  if (!out) throw std::runtime_error("site: cannot write " + path.string());
  out.exceptions(std::ios::badbit | std::ios::failbit);
  if (relative.size() > 5 && relative.compare(relative.size() - 5, 5, ".html") == 0) ++pages_;
  return out;
}

void SiteBuilder::build() {
  write_assets();
  backlinks_ = std::make_unique<Backlinks>(stage_ / ".backrefs");
  for (const KindInfo& k : kKinds) {
    if (k.kind == "source") continue;
    if (k.kind == "series")
      write_series();
    else
      write_kind(k.kind);
  }
  write_sources();  // last: its back-links name every page that cites a passage
  if (!older_path_.empty()) write_changes();
  write_home();
  write_search();
}

void SiteBuilder::write_assets() {
  open("assets/site.css") << site_css();
  open("assets/site.js") << site_js();
}

std::string SiteBuilder::cite_refs(Page& page, const std::vector<Passage>& passages) {
  std::string html;
  for (const Passage& p : passages) {
    auto [at, fresh] = page.by_citation.emplace(p.citation.id.value(), page.passages.size());
    if (fresh) {
      // One evidence item per anchor: a second citation of the same offsets shares it.
      auto [same, added] = page.by_anchor.emplace(p.anchor, page.passages.size());
      if (added)
        page.passages.push_back(p);
      else
        at->second = same->second;
    }
    html += "<a class=\"cite-ref\" href=\"#" + esc(p.anchor) + "\">[" +
            std::to_string(at->second + 1) + "]</a>";
  }
  return html;
}

std::string SiteBuilder::cite_refs(Page& page, const std::vector<std::int64_t>& cited) {
  std::string html;
  for (std::int64_t id : cited) {
    // A citation already on the page is not read again (a passage reads its source's text).
    if (auto known = page.by_citation.find(id); known != page.by_citation.end()) {
      html += "<a class=\"cite-ref\" href=\"#" + esc(page.passages[known->second].anchor) + "\">[" +
              std::to_string(known->second + 1) + "]</a>";
      continue;
    }
    if (auto p = kb_.passage(CitationId(id))) html += cite_refs(page, {std::move(*p)});
  }
  return html;
}

void SiteBuilder::write_evidence(std::ostream& out, const Page& page) {
  // Not indexed for search: a quotation is found in its source's page, where it is marked.
  out << "<section id=\"evidence\" data-pagefind-ignore aria-labelledby=\"evidence-h\">"
         "<h2 id=\"evidence-h\">Evidence</h2>\n";
  if (page.passages.empty()) out << "<p>No passage is cited on this page.</p>\n";
  out << "<ol>\n";
  if (!page.passages.empty()) backlinks_->begin_page(page.url, page.title);
  for (const Passage& p : page.passages) {
    const SourceSummary& s = p.source;
    out << "<li id=\"" << esc(p.anchor) << "\" class=\"evidence\">\n<div class=\"context\">"
        << "<span class=\"before\">" << esc(p.before) << "</span>\n<blockquote class=\"quote\">"
        << esc(p.passage) << "</blockquote>\n<span class=\"after\">" << esc(p.after)
        << "</span></div>\n<p class=\"source\"><cite>" << esc(s.title) << "</cite>";
    if (s.publisher) out << ", " << esc(*s.publisher);
    if (s.published) out << ", " << esc(s.published->to_string());
    if (!s.key.empty())
      out << " · <a class=\"cite\" href=\"../sources/" << esc(s.key) << ".html#" << esc(p.anchor)
          << "\">the passage in the stored copy</a>";
    if (p.fragment_url) {
      std::string href = external_href(*p.fragment_url);
      if (!href.empty())
        out << " · <a class=\"original\" href=\"" << href
            << "\" rel=\"noreferrer\">on the original page</a>";
    }
    out << "</p>\n";
    if (p.citation.note) out << "<p class=\"note\">Note: " << esc(*p.citation.note) << "</p>\n";
    out << "<details><summary>Reference</summary><p class=\"reference\">" << esc(p.reference)
        << "</p></details>\n</li>\n";
    backlinks_->add(p.source.id.value(), p.citation.start_offset, p.citation.end_offset);
  }
  out << "</ol>\n</section>\n";
}

std::string SiteBuilder::linked_cell(const std::string& field, const Json& value) {
  std::string kind;
  if (field == "person") kind = "person";
  if (field == "organisation" || field == "host" || field == "parent" || field == "party")
    kind = "organisation";
  if (kind.empty() || !value.is_string()) return json_cell(value);
  const std::string& name = value.get_ref<const std::string&>();
  auto found = links_.find({kind, name});
  if (found == links_.end()) {
    // Looked up by index, one name at a time; the names last asked for are kept (a meeting's
    // host recurs on every meeting page), never more than kLinkCache of them.
    if (links_.size() >= kLinkCache) links_.clear();
    std::string page;
    if (kind == "person") {
      // The canonical names that fold as `name` does, through by_name's index; of the people
      // named exactly `name`, the lowest key (as `euiomkb keys` lists them, by key).
      if (std::optional<Person> p = kb_.people().by_name(name))
        if (const auto rows = stored_rows(kb_, kPersonLink, {p->id.value(), name});
            !rows.empty() && std::holds_alternative<std::string>(rows[0][0]))
          page = "../people/" + std::get<std::string>(rows[0][0]);
    } else if (const auto rows = stored_rows(kb_, kOrganisationLink, {name});
               !rows.empty() && std::holds_alternative<std::string>(rows[0][0])) {
      page = "../organisations/" + std::get<std::string>(rows[0][0]);
    }
    found = links_.emplace(std::make_pair(kind, name), std::move(page)).first;
  }
  if (found->second.empty()) return json_cell(value);
  return "<a href=\"" + esc(found->second) + ".html\">" + json_cell(value) + "</a>";
}

namespace {
// A "<thing>_key" field: the key beside a name, for programs (the JSON twin keeps it; the page
// shows the name).
bool for_programs(const std::string& field) {
  return field.size() > 4 && field.compare(field.size() - 4, 4, "_key") == 0;
}
}  // namespace

void SiteBuilder::write_sections(std::ostream& out, Page& page, const Json& doc,
                                 const std::map<std::string, std::size_t>& rows) {
  for (const auto& [name, section] : doc.items()) {
    if (name == "url") continue;
    out << "<section><h2>" << heading(name) << "</h2>\n";
    if (section.is_object()) {
      out << "<dl class=\"record\">\n";
      for (const auto& [field, value] : section.items()) {
        // The key is in the page's heading line; a missing note is no news.
        if (field == "key" || for_programs(field) || (field == "note" && value.is_null())) continue;
        out << "<dt>" << (field == "cited" ? "Evidence" : heading(field)) << "</dt>\n<dd>";
        if (field == "cited")
          out << (citation_ids(value).empty() ? std::string("general knowledge (no citation)")
                                              : cite_refs(page, citation_ids(value)));
        else
          out << linked_cell(field, value);
        out << "</dd>\n";
      }
      out << "</dl>\n";
    } else if (section.is_array() && section.empty()) {
      out << "<p>None recorded.</p>\n";
    } else if (section.is_array()) {
      // Not indexed for search: each row names a record with a page (and an index entry) of its
      // own, and repeating every related row on every page multiplies the index (bench/README.md,
      // "Evidence site").
      out << "<div class=\"table-wrap\" data-pagefind-ignore tabindex=\"0\" role=\"region\" "
             "aria-label=\"Table, scrolls sideways\"><table>\n<thead><tr>";
      // A note column none of the rows fills is left out.
      bool notes = std::any_of(section.begin(), section.end(), [](const Json& row) {
        return row.contains("note") && !row["note"].is_null();
      });
      auto shown = [&](const std::string& field) {
        return (field != "note" || notes) && !for_programs(field);
      };
      for (const auto& [field, value] : section.front().items())
        if (shown(field))
          out << "<th scope=\"col\">" << (field == "cited" ? "Evidence" : heading(field))
              << "</th>";
      out << "</tr></thead>\n<tbody>\n";
      std::int64_t shown_rows = 0;
      for (const auto& row : section) {
        if (shown_rows++ == limits_.table_rows) break;
        out << "<tr>";
        for (const auto& [field, value] : row.items()) {
          if (!shown(field)) continue;
          out << "<td>";
          if (field == "cited")
            out << (citation_ids(value).empty()
                        ? std::string("<span class=\"muted\">general knowledge</span>")
                        : cite_refs(page, citation_ids(value)));
          else
            out << linked_cell(field, value);
          out << "</td>";
        }
        out << "</tr>\n";
      }
      out << "</tbody></table></div>\n";
      auto counted = rows.find(name);
      std::size_t all = counted != rows.end() ? counted->second : section.size();
      if (static_cast<std::int64_t>(all) > limits_.table_rows) {
        std::string twin = fs::path(page.url).filename().replace_extension(".json").string();
        out << "<p class=\"muted\">The first " << limits_.table_rows << " of " << all
            << " rows; <a href=\"" << esc(twin) << "\">this page's JSON</a> has them all.</p>\n";
      }
    } else {
      out << "<p>" << json_cell(section) << "</p>\n";
    }
    out << "</section>\n";
  }
}

void SiteBuilder::write_claims(std::ostream& out, Page& page, std::string_view subject_type,
                               std::int64_t subject_id) {
  std::vector<Claim> claims;
  for (Claim& c : kb_.conflicting_claims())
    if (c.subject_type == subject_type && c.subject_id == subject_id) claims.push_back(c);
  if (claims.empty()) return;
  out << "<section><h2>Where the documents disagree</h2>\n";
  std::string attribute;
  bool open = false;
  for (const Claim& c : claims) {
    if (!open || c.attribute != attribute) {
      if (open) out << "</div>\n";
      attribute = c.attribute;
      out << "<h3>" << heading(attribute) << "</h3>\n<div class=\"claims\">\n";
      open = true;
    }
    out << "<div class=\"claim" << (c.preferred ? " preferred" : "") << "\"><p><strong>"
        << esc(c.value) << "</strong> " << cite_refs(page, kb_.passages("claim", c.id.value()))
        << "</p>";
    if (c.preferred)
      out << "<p class=\"preferred-label\">Preferred: " << esc(c.reason) << "</p>";
    else
      out << "<p class=\"muted\">Not preferred" << (c.reason.empty() ? "" : ": ") << esc(c.reason)
          << "</p>";
    out << "</div>\n";
  }
  if (open) out << "</div>\n";
  out << "</section>\n";
}

namespace {

// The file name of page `n` (from 1) of an index: index.html, index-2.html, ...
std::string index_page_name(std::int64_t n) {
  return n == 1 ? std::string("index.html") : "index-" + std::to_string(n) + ".html";
}

// The links between the pages of an index: first, previous, a few around this one, next, last.
// `where` tells the two copies (above and below the table) apart for assistive technology.
void write_index_nav(std::ostream& out, std::int64_t n, std::int64_t pages, std::int64_t first_row,
                     std::int64_t last_row, std::int64_t rows, const char* where) {
  out << "<nav class=\"pages\" aria-label=\"Pages of this index, " << where << "\"><p>Page " << n
      << " of " << pages << ": rows " << first_row << " to " << last_row << " of " << rows
      << ".</p><ul>";
  auto link = [&](std::int64_t to, const std::string& text, const char* rel) {
    out << "<li><a href=\"" << index_page_name(to) << "\"" << rel << ">" << text << "</a></li>";
  };
  if (n > 1) link(n - 1, "Previous", " rel=\"prev\"");
  std::int64_t from = std::max<std::int64_t>(1, n - 2), to = std::min(pages, n + 2);
  if (from > 1) link(1, "1", "");
  if (from > 2) out << "<li aria-hidden=\"true\">…</li>";
  for (std::int64_t i = from; i <= to; ++i) {
    if (i == n)
      out << "<li><a href=\"" << index_page_name(i) << "\" aria-current=\"page\">" << i
          << "</a></li>";
    else
      link(i, std::to_string(i), "");
  }
  if (to < pages - 1) out << "<li aria-hidden=\"true\">…</li>";
  if (to < pages) link(pages, std::to_string(pages), "");
  if (n < pages) link(n + 1, "Next", " rel=\"next\"");
  out << "</ul></nav>\n";
}

}  // namespace

void SiteBuilder::write_kind(std::string_view kind) {
  const KindInfo* info = kind_info(kind);
  std::string folder(info->folder);
  // The keys are read one at a time (a kind may have a million): their number first.
  const std::int64_t rows = kb_.key_count(kind);
  const std::int64_t pages =
      std::max<std::int64_t>(1, (rows + limits_.index_rows - 1) / limits_.index_rows);
  std::ofstream index_json = open(folder + "/index.json");
  index_json << "[";
  bool first = true;
  std::ofstream index;
  std::int64_t n = 0;  // the index page being written
  PageHead head{std::string(info->title), "../", " data-pagefind-ignore=\"all\""};
  auto end_index_page = [&](std::int64_t written) {
    index << "</tbody></table></div>\n";
    if (pages > 1)
      write_index_nav(index, n, pages, (n - 1) * limits_.index_rows + 1, written, rows, "below");
    end_page(index, head);
    index.close();
  };
  auto start_index_page_at = [&](std::int64_t i) {
    if (i % limits_.index_rows == 0) {
      if (n > 0) end_index_page(i);
      ++n;
      index = open(folder + "/" + index_page_name(n));
      head.title = pages > 1 ? std::string(info->title) + " (page " + std::to_string(n) + " of " +
                                   std::to_string(pages) + ")"
                             : std::string(info->title);
      begin_page(index, head);
      index << "<h1>" << esc(head.title) << "</h1>\n";
      if (pages > 1) {
        std::int64_t last = std::min(rows, n * limits_.index_rows);
        write_index_nav(index, n, pages, (n - 1) * limits_.index_rows + 1, last, rows, "above");
        index << "<p class=\"muted\">Filters and sorting apply to this page; <a "
                 "href=\"index.json\">index.json</a> lists all "
              << rows << ".</p>\n";
      }
      index << "<div class=\"filters\" data-filters=\"year series organisation\"></div>\n"
            << "<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"Table, "
               "scrolls sideways\"><table class=\"index\">\n<thead><tr>"
            << "<th scope=\"col\"><button type=\"button\" data-col=\"0\">Name</button></th>"
            << "<th scope=\"col\"><button type=\"button\" data-col=\"1\">Year</button></th>"
            << "<th scope=\"col\"><button type=\"button\" data-col=\"2\">Key</button></th>"
            << "</tr></thead>\n<tbody>\n";
    }
  };
  std::int64_t i = 0;
  kb_.each_key(kind, [&](const KnowledgeBase::Key& key) {
    start_index_page_at(i);
    write_record(kind, key, index, index_json, first);
    ++i;
    if (progress_ != nullptr) progress_->update("site: " + folder, i, rows);
  });
  if (i == 0) start_index_page_at(0);  // a kind without records has an empty index page
  end_index_page(i);
  index_json << "\n]\n";
}

void SiteBuilder::write_record(std::string_view kind, const KnowledgeBase::Key& key,
                               std::ostream& index, std::ostream& index_json, bool& first) {
  const KindInfo* info = kind_info(kind);
  std::string folder(info->folder);
  Page page{folder + "/" + key.key + ".html", key.label.empty() ? key.key : key.label, {}, {}, {}};
  std::string year, series, organisation;
  const std::string twin_path = folder + "/" + key.key + ".json";
  std::string claim_type(kind);
  std::int64_t claim_id = -1;
  std::optional<Agreement> agreement;
  std::optional<OrganisationId> organisation_id;
  {
    // The twin is the tool's JSON streamed into its file (plus its URL): a record with 10^5
    // rows is never held. A lookup that finds nothing returns before the file is made.
    std::ofstream file;
    std::unique_ptr<UrlFirst> with_url;
    std::unique_ptr<std::ostream> twin_out;
    std::unique_ptr<Writer> writer;
    auto start = [&]() -> Writer& {
      file = open(twin_path);
      with_url = std::make_unique<UrlFirst>(file.rdbuf(), twin_path);
      twin_out = std::make_unique<std::ostream>(with_url.get());
      writer = make_writer(Format::json, *twin_out, true);
      return *writer;
    };
    CitationNotes notes(kb_);
    if (kind == "meeting") {
      auto m = kb_.meetings().by_key(key.key);
      if (!m) return;
      if (m->held_on) year = std::to_string(m->held_on->year());
      series = m->series.value_or("");
      organisation = m->host.value_or("");
      claim_id = m->id.value();
      cli::write_record(kb_, "meeting", m->id.value(), start());
    } else if (kind == "person") {
      auto p = kb_.people().by_key(key.key);
      if (!p) return;
      claim_id = p->id.value();
      cli::write_record(kb_, "person", p->id.value(), start());
    } else if (kind == "organisation") {
      auto o = kb_.organisations().by_key(key.key);
      if (!o) return;
      organisation = o->short_name;
      organisation_id = o->id;
      claim_id = o->id.value();
      cli::write_record(kb_, "organisation", o->id.value(), start());
    } else if (kind == "agreement") {
      agreement = kb_.agreements().by_key(key.key);
      if (!agreement) return;
      const Agreement& a = *agreement;
      claim_id = a.id.value();
      start();
      if (a.concluded_on) year = std::to_string(a.concluded_on->year());
      writer->section("agreement",
                      {{"key"},
                       {"name"},
                       {"kind"},
                       {"concluded_on"},
                       {"in_force_from"},
                       {"purpose"},
                       CitationNotes::column()},
                      Shape::record);
      writer->row({text(key.key), text(a.name), text(a.kind), date(a.concluded_on),
                   date(a.in_force_from), text(a.purpose), notes.of("agreement", a.id.value())});
      writer->section("dates",
                      {{"event"}, {"on_date"}, {"basis"}, {"note"}, CitationNotes::column()});
      for (const AgreementDate& d : kb_.agreements().dates(a.id))
        writer->row({text(d.event), date(d.on_date), text(d.basis), text(d.note),
                     notes.of("agreement_date", d.id)});
      writer->section("parties", {{"organisation"}, {"since"}, {"how"}, CitationNotes::column()});
      for (const AgreementParty& p : kb_.agreements().parties(a.id))
        writer->row(
            {text(p.organisation), date(p.since), text(p.how), notes.of("agreement_party", p.id)});
      writer->section("signatories", {{"person"}, {"organisation"}, CitationNotes::column()});
      for (const Signatory& s : kb_.agreements().signatories(a.id))
        writer->row({text(s.person), text(s.organisation), notes.of("agreement_signatory", s.id)});
    } else if (kind == "theme") {
      std::optional<Theme> theme;
      for (Theme& t : kb_.meetings().themes())
        if (kb_.key_of("theme", t.id.value()) == key.key) theme = t;
      if (!theme) return;
      claim_id = theme->id.value();
      start();
      writer->section("theme", {{"key"}, {"name"}, {"description"}}, Shape::record);
      writer->row({text(key.key), text(theme->name), text(theme->description)});
      writer->section(
          "topics",
          {{"meeting"}, {"held_on"}, {"topic"}, {"attested_as"}, CitationNotes::column()});
      // One topic at a time: a theme of 10^5 meetings is not held.
      kb_.meetings().each_topic_by_theme(theme->name, [&](const Topic& t) {
        writer->row(
            {text(t.meeting), date(t.held_on), text(t.label), text(t.attested_as), notes.of(t)});
      });
    } else if (kind == "publication") {
      auto p = kb_.publications().by_key(key.key);
      if (!p) return;
      claim_id = p->id.value();
      start();
      if (p->published_on) year = std::to_string(p->published_on->year());
      writer->section("publication",
                      {{"key"},
                       {"title"},
                       {"published_on"},
                       {"kind"},
                       {"addressee"},
                       {"series"},
                       {"edition", ColumnType::integer},
                       {"summary"},
                       CitationNotes::column()},
                      Shape::record);
      writer->row({text(key.key), text(p->title), date(p->published_on), text(p->kind),
                   text(p->addressee), text(p->series),
                   integer(p->edition ? std::optional<std::int64_t>(*p->edition) : std::nullopt),
                   text(p->summary), notes.of(*p)});
    } else if (kind == "policy_framework") {
      std::optional<PolicyFramework> framework;
      for (PolicyFramework& f : kb_.publications().policy_frameworks())
        if (f.key == key.key) framework = f;
      if (!framework) return;
      claim_id = framework->id.value();
      start();
      writer->section("policy_framework",
                      {{"key"}, {"name"}, {"short_name"}, CitationNotes::column()}, Shape::record);
      writer->row({text(key.key), text(framework->name), text(framework->short_name),
                   notes.of(*framework)});
      writer->section("parts", {{"position", ColumnType::integer}, {"label"}});
      std::int64_t position = 0;
      for (const std::string& part : framework->parts)
        writer->row({integer(++position), text(part)});
    } else {
      return;
    }
    writer->finish();
    twin_out->flush();
    file.close();
    if (!*twin_out || !file) throw std::runtime_error("site: cannot write " + twin_path);
  }
  // The page is drawn from the twin read back with at most a table's rows of each list.
  std::map<std::string, std::size_t> rows;
  Json twin = read_bounded(stage_ / twin_path, static_cast<std::size_t>(limits_.table_rows), rows);

  PageHead head{
      page.title, "../",
      " data-pagefind-body data-pagefind-filter=\"kind:" + filter_value(std::string(info->title)) +
          "\" data-pagefind-meta=\"title:" + esc(page.title) + "\""};
  std::ofstream out = open(page.url);
  begin_page(out, head);
  write_filters(out, year, organisation);
  out << "<p class=\"kind\"><a href=\"index.html\">" << info->title << "</a></p>\n<h1>"
      << esc(page.title) << "</h1>\n<p class=\"muted\">Key <code>" << esc(key.key)
      << "</code> · <a href=\"" << esc(key.key) << ".json\">JSON</a></p>\n";
  if (organisation_id) {
    std::vector<OrganisationEvent> events = kb_.organisations().lineage(*organisation_id);
    if (!events.empty()) {
      out << "<section><h2>Lineage</h2>\n";
      write_lineage_picture(out, events);
      out << "</section>\n";
    }
  }
  write_sections(out, page, twin, rows);
  if (agreement) write_framework_parties(out, page, *agreement);
  if (claim_id >= 0) write_claims(out, page, claim_type, claim_id);
  write_evidence(out, page);
  end_page(out, head);

  // The index row and its JSON entry.
  index << "<tr data-year=\"" << esc(year) << "\" data-series=\"" << esc(series)
        << "\" data-organisation=\"" << esc(organisation) << "\"><td><a href=\"" << esc(key.key)
        << ".html\">" << esc(page.title) << "</a></td><td>" << esc(year) << "</td><td><code>"
        << esc(key.key) << "</code></td></tr>\n";
  Json entry = {{"key", key.key},
                {"label", key.label},
                {"url", folder + "/" + key.key + ".html"},
                {"json", folder + "/" + key.key + ".json"}};
  if (!year.empty()) entry["year"] = year;
  if (!series.empty()) entry["series"] = series;
  if (!organisation.empty()) entry["organisation"] = organisation;
  index_json << (first ? "\n" : ",\n") << entry.dump();
  first = false;
  ++counts_[std::string(kind)];
}

void SiteBuilder::write_framework_parties(std::ostream& out, Page& page,
                                          const Agreement& agreement) {
  std::vector<AgreementParty> parties = kb_.agreements().parties(agreement.id);
  if (parties.empty()) return;
  // The dates where the membership may change: a party joins, or its organisation's lineage
  // moves on.
  std::set<PartialDate> dates;
  for (const AgreementParty& p : parties) {
    if (p.since) dates.insert(*p.since);
    for (const OrganisationEvent& e : kb_.organisations().lineage(p.organisation_id))
      if (e.occurred_on) dates.insert(*e.occurred_on);
  }
  std::vector<std::pair<PartialDate, std::vector<PartyOnDate>>> rows;
  rows.reserve(dates.size());
  for (const PartialDate& d : dates)
    rows.emplace_back(d, kb_.agreements().parties_on(agreement.id, d));
  out << "<section><h2>Parties on each date</h2>\n";
  write_membership_picture(out, rows);
  out << "<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"Table, scrolls "
         "sideways\"><table class=\"parties-on\">\n<caption>The parties on each "
         "date where the membership changes, following each party's recorded lineage"
         "</caption>\n<thead><tr><th scope=\"col\">On</th><th scope=\"col\">Parties</th>"
         "<th scope=\"col\">Not parties or unsettled</th></tr></thead>\n<tbody>\n";
  for (const auto& [d, on] : rows) {
    out << "<tr><th scope=\"row\">" << esc(d.to_string()) << "</th><td><ul>";
    for (const PartyOnDate& p : on) {
      if (!p.current()) continue;
      std::string name = p.standing.as ? p.standing.as->short_name : p.party.organisation;
      out << "<li>" << esc(name);
      if (p.standing.standing != "itself")
        out << " <span class=\"muted\">(" << esc(p.standing.explanation) << ")</span>";
      out << " " << cite_refs(page, kb_.passages("agreement_party", p.party.id)) << "</li>";
    }
    out << "</ul></td><td><ul>";
    for (const PartyOnDate& p : on) {
      if (p.current()) continue;
      out << "<li>" << esc(p.party.organisation) << ": " << esc(p.standing.standing);
      if (!p.standing.explanation.empty())
        out << " <span class=\"muted\">(" << esc(p.standing.explanation) << ")</span>";
      out << "</li>";
    }
    out << "</ul></td></tr>\n";
  }
  out << "</tbody></table></div>\n</section>\n";
}

void SiteBuilder::write_series() {
  // Each series' meetings counted by year: a series of more than kSeriesListed meetings gets
  // the counts on its page, not a row per meeting (its twin still lists every meeting).
  constexpr std::int64_t kSeriesListed = 500;
  struct Tally {
    std::int64_t count = 0, undated = 0;
    std::map<int, std::int64_t> per_year;
  };
  std::map<std::string, Tally> names;
  kb_.meetings().each([&](const Meeting& m) {
    if (!m.series) return;
    Tally& t = names[*m.series];
    ++t.count;
    if (m.held_on)
      ++t.per_year[m.held_on->year()];
    else
      ++t.undated;
  });
  std::ofstream index = open("series/index.html");
  std::ofstream index_json = open("series/index.json");
  PageHead head{"Meeting series", "../", " data-pagefind-ignore=\"all\""};
  begin_page(index, head);
  index << "<h1>Meeting series</h1>\n<ul class=\"index\">\n";
  index_json << "[";
  bool first = true;
  for (const auto& [name, tally] : names) {
    std::string key = name;
    std::transform(key.begin(), key.end(), key.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    const bool listed = tally.count <= kSeriesListed;
    Json twin = {{"series", name}};
    if (listed)
      twin["meetings"] = Json::parse(command_json(db_path_, {"meetings", "--series", name}));
    std::ostringstream buffer;
    {
      auto writer = make_writer(Format::json, buffer, false);
      CitationNotes notes(kb_);
      writer->section(
          "facts",
          {{"attribute"}, {"value"}, {"as_of"}, {"basis"}, {"note"}, CitationNotes::column()});
      for (const auto& f : stored_rows(kb_, kSeriesFacts, {name}))
        writer->row(
            {f[1], f[2], f[3], f[4], f[5], notes.of("series_fact", std::get<std::int64_t>(f[0]))});
      writer->finish();
    }
    twin["facts"] = Json::parse(buffer.str());
    twin["url"] = "series/" + key + ".json";
    if (listed) {
      open("series/" + key + ".json") << twin.dump(2) << "\n";
    } else {
      // The same document, its meetings streamed from the command into the file.
      std::ofstream file = open("series/" + key + ".json");
      file << "{\n  \"series\": " << Json(name).dump() << ",\n  \"meetings\": ";
      command_json(db_path_, {"meetings", "--series", name}, file);
      file << ",\n  \"facts\": " << twin["facts"].dump() << ",\n  \"url\": " << twin["url"].dump()
           << "\n}\n";
    }
    Page page{"series/" + key + ".html", name + " meetings", {}, {}, {}};
    PageHead page_head{page.title, "../",
                       " data-pagefind-body data-pagefind-filter=\"kind:Meeting series\" "
                       "data-pagefind-meta=\"title:" +
                           esc(page.title) + "\""};
    std::ofstream out = open(page.url);
    begin_page(out, page_head);
    out << "<p class=\"kind\"><a href=\"index.html\">Meeting series</a></p>\n<h1>"
        << esc(page.title) << "</h1>\n<p class=\"muted\"><a href=\"" << esc(key)
        << ".json\">JSON</a></p>\n";
    if (listed) {
      Json sections = {{"meetings", twin["meetings"]},
                       {"what the documents say of the series", twin["facts"]}};
      write_sections(out, page, sections);
    } else {
      out << "<section><h2>Meetings</h2>\n<p>" << tally.count
          << " meetings: too many to list here. Every one is in <a href=\"../meetings/"
             "index.html\">the index of meetings</a> and in <a href=\""
          << esc(key)
          << ".json\">this page's JSON</a>.</p>\n<div class=\"table-wrap\" tabindex=\"0\" "
             "role=\"region\" aria-label=\"Table, scrolls sideways\"><table><caption>Meetings "
             "per year</caption><thead><tr><th scope=\"col\">Year</th><th scope=\"col\">"
             "Meetings</th></tr></thead>\n<tbody>\n";
      for (const auto& [year, n] : tally.per_year)
        out << "<tr><td>" << year << "</td><td>" << n << "</td></tr>\n";
      if (tally.undated > 0)
        out << "<tr><td>not recorded</td><td>" << tally.undated << "</td></tr>\n";
      out << "</tbody></table></div>\n</section>\n";
      Json sections = {{"what the documents say of the series", twin["facts"]}};
      write_sections(out, page, sections);
    }
    write_evidence(out, page);
    end_page(out, page_head);
    index << "<li><a href=\"" << esc(key) << ".html\">" << esc(page.title) << "</a></li>\n";
    Json entry = {{"key", key},
                  {"label", name},
                  {"url", "series/" + key + ".html"},
                  {"json", "series/" + key + ".json"}};
    index_json << (first ? "\n" : ",\n") << entry.dump();
    first = false;
    ++counts_["series"];
  }
  index << "</ul>\n";
  end_page(index, head);
  index_json << "\n]\n";
}

void SiteBuilder::write_sources() {
  struct Span {
    std::int64_t start, end;
    std::string anchor;
  };
  auto write_source = [&](const SourceSummary& s, const Backlinks::Source& backlinks) {
    std::string body = kb_.sources().text(s.id).value_or("");
    std::vector<std::size_t> at = code_point_offsets(body);
    auto cp = [&](std::int64_t i) {
      return at[static_cast<std::size_t>(
          std::clamp<std::int64_t>(i, 0, static_cast<std::int64_t>(at.size()) - 1))];
    };
    // Every cited span of the source, by offsets (one mark per distinct span).
    std::vector<Span> list;
    for (const auto& row : stored_rows(kb_, kSourceSpans, {s.id.value()})) {
      std::int64_t start = std::get<std::int64_t>(row[0]), end = std::get<std::int64_t>(row[1]);
      list.push_back({start, end, passage_anchor(s.sha256, start, end)});
    }

    // The twin: the source as described, and its cited passages.
    std::ostringstream buffer;
    {
      auto writer = make_writer(Format::json, buffer, true);
      writer->section(
          "source",
          joined<Column>(
              {{{"key"}}, source_columns(true), {{"length", ColumnType::integer}, {"file_name"}}}),
          Shape::record);
      writer->row(joined<Value>(
          {{text(s.key)}, source_values(s, true), {integer(s.length), text(s.file_name)}}));
      writer->section("passages",
                      {{"anchor"}, {"start", ColumnType::integer}, {"end", ColumnType::integer}});
      for (const Span& sp : list)
        writer->row({text(sp.anchor), integer(sp.start), integer(sp.end)});
      writer->finish();
    }
    Json twin = Json::parse(buffer.str());
    twin["url"] = "sources/" + s.key + ".json";
    open("sources/" + s.key + ".json") << twin.dump(2) << "\n";

    std::string year = s.published ? std::to_string(s.published->year()) : "";
    PageHead head{s.title, "../",
                  " data-pagefind-body data-pagefind-filter=\"kind:Sources\" "
                  "data-pagefind-meta=\"title:" +
                      esc(s.title) + "\""};
    std::ofstream out = open("sources/" + s.key + ".html");
    begin_page(out, head);
    write_filters(out, year, s.publisher.value_or(""));
    out << "<p class=\"kind\"><a href=\"index.html\">Sources</a></p>\n<h1>" << esc(s.title)
        << "</h1>\n<dl class=\"record\">";
    if (s.publisher) out << "<dt>Publisher</dt><dd>" << esc(*s.publisher) << "</dd>";
    if (s.published) out << "<dt>Published</dt><dd>" << esc(s.published->to_string()) << "</dd>";
    if (s.url) {
      std::string href = external_href(*s.url);
      out << "<dt>Original</dt><dd>";
      if (href.empty())
        out << esc(*s.url);
      else
        out << "<a href=\"" << href << "\" rel=\"noreferrer\">" << esc(*s.url) << "</a>";
      out << "</dd>";
    }
    out << "<dt>Stored copy</dt><dd><code>" << esc(s.file_name) << "</code>, SHA-256 <code>"
        << esc(s.sha256) << "</code></dd><dt>Data</dt><dd><a href=\"" << esc(s.key)
        << ".json\">JSON</a></dd></dl>\n<h2>The stored text</h2>\n<p class=\"muted\">Every "
           "passage a fact cites is marked; the number after it leads to the pages of the facts "
           "it supports.</p>\n<div class=\"source-text\">";
    std::vector<const Span*> cited;  // passages with a page citing them, in order of their ends
    // Segments between every start and end; a segment inside any passage is marked.
    std::set<std::int64_t> cuts = {0, static_cast<std::int64_t>(at.size()) - 1};
    for (const Span& sp : list) {
      cuts.insert(sp.start);
      cuts.insert(sp.end);
    }
    std::vector<std::int64_t> points(cuts.begin(), cuts.end());
    // One sweep: how many passages cover each segment (+1 where one starts, -1 where it
    // ends), and the passages by start (`list` order) and by end (list order within an end).
    auto point = [&](std::int64_t v) {
      return static_cast<std::size_t>(std::lower_bound(points.begin(), points.end(), v) -
                                      points.begin());
    };
    std::vector<std::int64_t> change(points.size() + 1, 0);
    for (const Span& sp : list)
      if (sp.start < sp.end) {
        ++change[point(sp.start)];
        --change[point(sp.end)];
      }
    std::vector<const Span*> by_end;
    by_end.reserve(list.size());
    for (const Span& sp : list) by_end.push_back(&sp);
    std::stable_sort(by_end.begin(), by_end.end(),
                     [](const Span* x, const Span* y) { return x->end < y->end; });
    std::size_t next_start = 0, next_end = 0;
    std::int64_t depth = 0;
    for (std::size_t i = 0; i + 1 < points.size(); ++i) {
      std::int64_t a = points[i], b = points[i + 1];
      std::vector<const Span*> starting, ending;
      depth += change[i];
      bool inside = depth > 0;
      while (next_start < list.size() && list[next_start].start < a) ++next_start;
      for (std::size_t k = next_start; k < list.size() && list[k].start == a; ++k)
        starting.push_back(&list[k]);
      while (next_end < by_end.size() && by_end[next_end]->end < b) ++next_end;
      for (std::size_t k = next_end; k < by_end.size() && by_end[k]->end == b; ++k)
        if (by_end[k]->start < b) ending.push_back(by_end[k]);
      std::string segment = esc(body.substr(cp(a), cp(b) - cp(a)));
      if (inside) {
        out << "<mark class=\"passage\"";
        if (!starting.empty()) out << " id=\"" << esc(starting.front()->anchor) << "\"";
        out << ">";
        for (std::size_t k = 1; k < starting.size(); ++k)
          out << "<span id=\"" << esc(starting[k]->anchor) << "\"></span>";
        out << segment << "</mark>";
      } else {
        for (const Span* sp : starting) out << "<span id=\"" << esc(sp->anchor) << "\"></span>";
        out << segment;
      }
      // A passage's end gets one numbered mark; what cites it is listed below the text, so
      // the text stays readable however many facts rest on one sentence.
      for (const Span* sp : ending) {
        if (!backlinks.cited(sp->start, sp->end)) continue;
        cited.push_back(sp);
        out << "<a class=\"passage-note\" data-pagefind-ignore href=\"#cited-" << esc(sp->anchor)
            << "\" aria-label=\"Passage " << cited.size() << ": where it is cited\">"
            << cited.size() << "</a>";
      }
    }
    out << "</div>\n";
    if (!cited.empty()) {
      // Not indexed for search: the pages named here are indexed themselves.
      out << "<h2 data-pagefind-ignore>Where these passages are cited</h2>\n"
             "<ol class=\"cited\" data-pagefind-ignore>\n";
      for (const Span* sp : cited) {
        std::string quote = body.substr(cp(sp->start), cp(sp->end) - cp(sp->start));
        out << "<li id=\"cited-" << esc(sp->anchor) << "\"><a href=\"#" << esc(sp->anchor)
            << "\" class=\"quote-start\">" << esc(opening_words(quote)) << "</a> — ";
        // Streamed: a passage of a big site is cited by a page per meeting. Each page is begun
        // once (write_evidence), so each is listed once.
        bool first_link = true;
        backlinks.each_page(sp->start, sp->end, [&](const Backlinks::Link& r) {
          out << (first_link ? "" : ", ") << "<a class=\"backref\" href=\"../" << esc(r.url) << "#"
              << esc(sp->anchor) << "\">" << esc(r.label) << "</a>";
          first_link = false;
        });
        out << "</li>\n";
      }
      out << "</ol>\n";
    }
    end_page(out, head);
  };
  // The pages, in the order of the sources' ids: the order their back-links are read in.
  const auto keyed = std::get<std::int64_t>(stored_rows(kb_, kKeyedSources, {})[0][0]);
  std::int64_t written = 0;
  each_source(kb_, true, [&](const SourceSummary& s) {
    if (s.key.empty()) return;
    write_source(s, backlinks_->of(s.id.value()));
    if (progress_ != nullptr) progress_->update("site: sources", ++written, keyed);
  });
  backlinks_.reset();

  // The index, in the order of the sources.
  std::ofstream index = open("sources/index.html");
  std::ofstream index_json = open("sources/index.json");
  PageHead index_head{"Sources", "../", " data-pagefind-ignore=\"all\""};
  begin_page(index, index_head);
  index << "<h1>Sources</h1>\n<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" "
           "aria-label=\"Table, scrolls sideways\"><table class=\"index\">\n<thead><tr>"
           "<th scope=\"col\">Title</th><th scope=\"col\">Publisher</th><th scope=\"col\">"
           "Published</th><th scope=\"col\">Key</th></tr></thead>\n<tbody>\n";
  index_json << "[";
  bool first = true;
  each_source(kb_, false, [&](const SourceSummary& s) {
    if (s.key.empty()) return;
    std::string year = s.published ? std::to_string(s.published->year()) : "";
    index << "<tr data-year=\"" << esc(year) << "\"><td><a href=\"" << esc(s.key) << ".html\">"
          << esc(s.title) << "</a></td><td>" << esc(s.publisher.value_or("")) << "</td><td>"
          << esc(date_text(s.published)) << "</td><td><code>" << esc(s.key)
          << "</code></td></tr>\n";
    Json entry = {{"key", s.key},
                  {"label", s.title},
                  {"url", "sources/" + s.key + ".html"},
                  {"json", "sources/" + s.key + ".json"}};
    index_json << (first ? "\n" : ",\n") << entry.dump();
    first = false;
    ++counts_["source"];
  });
  index << "</tbody></table></div>\n";
  end_page(index, index_head);
  index_json << "\n]\n";
}

void SiteBuilder::write_home() {
  Counts c = kb_.counts();
  PageHead head{"EU-IOM Strategic Cooperation: the evidence", "",
                " data-pagefind-body data-pagefind-filter=\"kind:Home\" "
                "data-pagefind-meta=\"title:Home\""};
  std::ofstream out = open("index.html");
  begin_page(out, head);
  out << "<h1>The EU-IOM Strategic Cooperation Framework: the evidence</h1>\n"
         "<p>Every record of the euiomkb knowledge base has a page here, and every fact on it "
         "links to the passage of the public document it rests on: the quotation, its context "
         "and its source, marked in the stored copy of the source.</p>\n"
         "<p><a href=\"search.html\">Search everything</a></p>\n";
  out << "<section><h2>What it holds</h2>\n<div class=\"table-wrap\" tabindex=\"0\" "
         "role=\"region\" aria-label=\"Table, scrolls sideways\"><table class=\"counts\">"
         "<thead><tr><th scope=\"col\">Kind</th><th scope=\"col\">Pages</th></tr></thead>\n"
         "<tbody>\n";
  for (const KindInfo& k : kKinds)
    out << "<tr><th scope=\"row\"><a href=\"" << k.folder << "/index.html\">" << k.title
        << "</a></th><td>" << counts_[std::string(k.kind)] << "</td></tr>\n";
  out << "</tbody></table></div>\n<p>" << c.citations << " citations, " << c.attendances
      << " attendances, " << c.topics << " topics, " << c.conflicting_claims
      << " conflicting claims. Records without a key have no page of their own: they "
         "appear on the pages of the records they belong to.</p>\n</section>\n";
  if (!changes_summary_.is_null())
    out << "<section><h2>What changed</h2>\n<p>Since <code>"
        << esc(changes_summary_["older"].get<std::string>())
        << "</code>: " << changes_summary_["added"] << " records added, "
        << changes_summary_["removed"] << " removed, " << changes_summary_["changed"]
        << " changed. <a href=\"changes.html\">The changes, each with its citations</a>.</p>\n"
           "</section>\n";
  out << "<section><h2>The meetings over time</h2>\n";
  write_timeline_picture(out, kb_);
  out << "</section>\n";
  out << "<section><h2>This build</h2>\n<dl class=\"record\"><dt>Built</dt><dd>" << esc(date_)
      << "</dd><dt>Schema version</dt><dd>" << kb_.schema_version() << "</dd></dl>\n"
      << "<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"Table, scrolls "
         "sideways\"><table><caption>The source documents</caption><thead><tr>"
         "<th scope=\"col\">Source</th><th scope=\"col\">SHA-256 of the stored copy</th></tr>"
         "</thead>\n<tbody>\n";
  each_source(kb_, false, [&](const SourceSummary& s) {
    out << "<tr><td>"
        << (s.key.empty() ? esc(s.title)
                          : "<a href=\"sources/" + esc(s.key) + ".html\">" + esc(s.title) + "</a>")
        << "</td><td><code>" << esc(s.sha256) << "</code></td></tr>\n";
  });
  out << "</tbody></table></div>\n</section>\n<section><h2>How to cite</h2>\n<p>Cite the "
         "dataset as: <q>EU-IOM Strategic Cooperation Framework knowledge base (euiomkb), "
         "schema version "
      << kb_.schema_version() << ", built " << esc(date_.substr(0, 10))
      << "</q>, with the page's address. To cite a fact, cite the source document the page "
         "quotes; each evidence item gives a reference ready to paste.</p>\n<p>Every page has "
         "a JSON twin beside it (<code>meetings/som-11.json</code> beside "
         "<code>meetings/som-11.html</code>): the same content as <code>euiomkb --json</code>"
         ". <a href=\"index.json\">index.json</a> describes this build.</p>\n</section>\n";
  end_page(out, head);

  Json home = {{"title", "EU-IOM Strategic Cooperation Framework knowledge base"},
               {"built", date_},
               {"schema_version", kb_.schema_version()}};
  Json kinds = Json::object();
  for (const KindInfo& k : kKinds)
    kinds[std::string(k.kind)] = {{"count", counts_[std::string(k.kind)]},
                                  {"index", std::string(k.folder) + "/index.json"}};
  home["kinds"] = kinds;
  home["counts"] = {{"sources", c.sources},         {"organisations", c.organisations},
                    {"people", c.people},           {"meetings", c.meetings},
                    {"attendances", c.attendances}, {"topics", c.topics},
                    {"citations", c.citations},     {"conflicting_claims", c.conflicting_claims}};
  home["sources"] = Json::array();  // streamed in its place below
  if (!changes_summary_.is_null()) home["changes"] = "changes.json";
  home["url"] = "index.json";
  // As home.dump(2) with the sources in it, written one source at a time.
  const std::string whole = home.dump(2);
  const std::string placeholder = "\n  \"sources\": []";
  const std::size_t at = whole.find(placeholder);
  std::ofstream index_json = open("index.json");
  index_json << whole.substr(0, at) << "\n  \"sources\": [";
  bool first = true;
  each_source(kb_, false, [&](const SourceSummary& s) {
    Json entry = {{"key", s.key}, {"title", s.title}, {"sha256", s.sha256}};
    std::string text = entry.dump(2);
    index_json << (first ? "\n    " : ",\n    ");
    for (char ch : text) {
      index_json << ch;
      if (ch == '\n') index_json << "    ";
    }
    first = false;
  });
  index_json << (first ? "]" : "\n  ]") << whole.substr(at + placeholder.size()) << "\n";
}

void SiteBuilder::write_search() {
  PageHead head{"Search", "", ""};
  std::ofstream out = open("search.html");
  begin_page(out, head);
  out << "<h1>Search</h1>\n";
  if (searchable_) {
    out << "<link rel=\"stylesheet\" href=\"pagefind/pagefind-ui.css\">\n"
           "<p><label for=\"search-input\">Search every page of the site</label></p>\n"
           "<div id=\"search\" data-search-root></div>\n"
           "<script src=\"pagefind/pagefind-ui.js\" defer></script>\n"
           "<p class=\"muted\">Search finds a record by its name and its own fields, and a "
           "source by its text (every quotation is in its source). The tables of related records "
           "and the evidence lists on each page are not searched: each record there has a page "
           "of its own.</p>\n"
           "<noscript><p>Search needs JavaScript; every page is also reachable from the "
           "indexes above.</p></noscript>\n";
  } else {
    out << "<p class=\"warning\">Search is not indexed in this build: Pagefind was not found "
           "when the site was written. Build it again with <code>euiomkb site --out DIR "
           "--pagefind PATH</code>, or run <code>pagefind --site DIR</code> on it. Every page "
           "is reachable from the indexes above.</p>\n";
  }
  end_page(out, head);
}

void SiteBuilder::write_changes() {
  // The twin: what `euiomkb diff --json OLD NEW` prints; the page is drawn from it.
  Json twin = Json::parse(command_json(db_path_, {"diff", older_path_, db_path_}));
  twin["older"] = fs::path(older_path_).filename().string();
  twin["newer"] = fs::path(db_path_).filename().string();
  twin["built"] = date_;
  twin["url"] = "changes.json";
  open("changes.json") << twin.dump(2) << "\n";
  changes_summary_ = {{"older", twin["older"]},
                      {"added", twin["added"]},
                      {"removed", twin["removed"]},
                      {"changed", twin["changed"]}};

  // Fields and citations by the record they belong to.
  // change, kind, key, label: two topics of one meeting share the key, not the label.
  using Record = std::tuple<std::string, std::string, std::string, std::string>;
  auto record_of = [](const Json& row) {
    return Record{row["change"].get<std::string>(), row["kind"].get<std::string>(),
                  row["key"].is_string() ? row["key"].get<std::string>() : "",
                  row["label"].is_string() ? row["label"].get<std::string>() : ""};
  };
  std::map<Record, std::vector<const Json*>> fields, citations;
  for (const Json& row : twin["fields"]) fields[record_of(row)].push_back(&row);
  for (const Json& row : twin["citations"]) citations[record_of(row)].push_back(&row);
  auto cell = [](const Json& v) { return v.is_null() ? std::string() : esc(v.get<std::string>()); };

  PageHead head{"What changed", "", " data-pagefind-ignore=\"all\""};
  std::ofstream out = open("changes.html");
  begin_page(out, head);
  out << "<h1>What changed</h1>\n<p>This build (" << esc(date_) << ") of <code>"
      << esc(twin["newer"].get<std::string>()) << "</code> against <code>"
      << esc(twin["older"].get<std::string>())
      << "</code>: the records added, removed and changed, matched by their keys, or by their "
         "content where they have none (<code>euiomkb diff</code>); never by row numbers. "
         "<a href=\"changes.json\">JSON</a></p>\n";
  out << "<section><h2>In numbers</h2>\n<p>" << twin["added"] << " added, " << twin["removed"]
      << " removed, " << twin["changed"] << " changed, " << twin["unchanged"]
      << " unchanged.</p>\n";
  std::int64_t kinds = 0;
  for (const Json& k : twin["kinds"])
    if (k["added"].get<std::int64_t>() + k["removed"].get<std::int64_t>() +
            k["changed"].get<std::int64_t>() >
        0) {
      if (kinds++ == 0)
        out << "<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"Table, "
               "scrolls sideways\"><table><caption>Kinds with changes</caption><thead><tr>"
               "<th scope=\"col\">Kind</th><th scope=\"col\">Added</th><th scope=\"col\">"
               "Removed</th><th scope=\"col\">Changed</th><th scope=\"col\">Unchanged</th>"
               "</tr></thead>\n<tbody>\n";
      out << "<tr><th scope=\"row\">" << heading(k["kind"].get<std::string>()) << "</th><td>"
          << k["added"] << "</td><td>" << k["removed"] << "</td><td>" << k["changed"] << "</td><td>"
          << k["unchanged"] << "</td></tr>\n";
    }
  if (kinds > 0) out << "</tbody></table></div>\n";
  out << "</section>\n<section><h2>The changes</h2>\n";
  if (twin["changes"].empty()) out << "<p>None: the two databases hold the same facts.</p>\n";
  std::int64_t shown = 0;
  for (const Json& c : twin["changes"]) {
    if (shown++ == limits_.index_rows) break;
    Record record = record_of(c);
    const std::string& change = std::get<0>(record);
    const std::string& kind = std::get<1>(record);
    const std::string& key = std::get<2>(record);
    const KindInfo* info = kind_info(kind);
    // A keyed record still in this build has a page.
    bool linked = info != nullptr && kind != "series" && change != "removed" && !key.empty() &&
                  fs::exists(stage_ / info->folder / (key + ".html"));
    out << "<article class=\"change\"><h3><span class=\"change-" << esc(change) << "\">"
        << esc(change) << "</span> " << heading(kind) << ": ";
    if (linked)
      out << "<a href=\"" << info->folder << "/" << esc(key) << ".html\">" << cell(c["label"])
          << "</a>";
    else
      out << cell(c["label"]);
    if (!key.empty()) out << " <code>" << esc(key) << "</code>";
    out << "</h3>\n";
    if (auto f = fields.find(record); f != fields.end()) {
      // An added record has values only after, a removed one only before.
      const bool before = change != "added", after = change != "removed";
      out << "<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"Table, "
             "scrolls sideways\"><table><thead><tr><th scope=\"col\">Field</th>"
          << (before ? "<th scope=\"col\">Before</th>" : "")
          << (after ? "<th scope=\"col\">After</th>" : "") << "</tr></thead>\n<tbody>\n";
      for (const Json* row : f->second) {
        out << "<tr><td>" << cell((*row)["field"]) << "</td>";
        if (before) out << "<td>" << cell((*row)["before"]) << "</td>";
        if (after) out << "<td>" << cell((*row)["after"]) << "</td>";
        out << "</tr>\n";
      }
      out << "</tbody></table></div>\n";
    }
    if (auto q = citations.find(record); q != citations.end()) {
      out << "<ul class=\"cited\">\n";
      for (const Json* row : q->second) {
        std::string source = cell((*row)["source_key"]);
        out << "<li>Citation " << cell((*row)["citation"]) << ": ";
        if (fs::exists(stage_ / "sources" / ((*row)["source_key"].get<std::string>() + ".html")))
          out << "<a href=\"sources/" << source << ".html\">" << source << "</a>";
        else
          out << source;
        out << " <q>" << cell((*row)["quote"]) << "</q>";
        if (!(*row)["note"].is_null()) out << " (" << cell((*row)["note"]) << ")";
        out << "</li>\n";
      }
      out << "</ul>\n";
    }
    out << "</article>\n";
  }
  if (static_cast<std::int64_t>(twin["changes"].size()) > limits_.index_rows)
    out << "<p class=\"muted\">The first " << limits_.index_rows << " of " << twin["changes"].size()
        << " changes; <a href=\"changes.json\">changes.json</a> lists them all.</p>\n";
  out << "</section>\n";
  end_page(out, head);
}

}  // namespace euiomkb::cli::site
