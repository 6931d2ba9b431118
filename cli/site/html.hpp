// The evidence site's HTML pieces: escaping of everything that comes from the database, the
// page frame every page shares (Content-Security-Policy, landmarks, assets) and the files
// under assets/. Plain functions over strings and streams: a page is written as it is built.
#pragma once

#include <ostream>
#include <string>
#include <string_view>

namespace euiomkb::cli::site {

// `text` safe in HTML text and in a double- or single-quoted attribute value: & < > " ' are
// replaced by character references. Every byte from the database goes through this.
std::string esc(std::string_view text);

// `url` when it is an absolute http(s) URL, escaped for an href attribute; empty otherwise
// (a javascript:, data: or other scheme is never linked).
std::string external_href(std::string_view url);

// The kinds that get a folder, their folder names and titles.
struct KindInfo {
  std::string_view kind;    // record_key kind ("meeting") or "series"
  std::string_view folder;  // "meetings"
  std::string_view title;   // "Meetings"
};
const KindInfo* kind_info(std::string_view kind);
inline constexpr KindInfo kKinds[] = {
    {"organisation", "organisations", "Organisations"},
    {"person", "people", "People"},
    {"meeting", "meetings", "Meetings"},
    {"series", "series", "Meeting series"},
    {"agreement", "agreements", "Agreements"},
    {"theme", "themes", "Themes"},
    {"publication", "publications", "Publications"},
    {"policy_framework", "frameworks", "Policy frameworks"},
    {"source", "sources", "Sources"},
};

// What the frame of a page needs: `root` is the relative path to the site's root ("" or
// "../"); `body_attributes` goes on the main element (data-pagefind-body and filters).
struct PageHead {
  std::string title;
  std::string root;
  std::string main_attributes;
};
void begin_page(std::ostream& out, const PageHead& head);
void end_page(std::ostream& out, const PageHead& head);

// The contents of assets/site.css and assets/site.js.
std::string_view site_css();
std::string_view site_js();

}  // namespace euiomkb::cli::site
