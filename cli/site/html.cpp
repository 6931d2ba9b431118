#include "site/html.hpp"

#include <algorithm>
#include <cctype>

namespace euiomkb::cli::site {

std::string esc(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string external_href(std::string_view url) {
  std::string lower(url.substr(0, 8));
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (lower.rfind("http://", 0) != 0 && lower.rfind("https://", 0) != 0) return "";
  for (char c : url)
    if (static_cast<unsigned char>(c) <= ' ') return "";  // no white space or controls
  return esc(url);
}

const KindInfo* kind_info(std::string_view kind) {
  for (const KindInfo& k : kKinds)
    if (k.kind == kind) return &k;
  return nullptr;
}

void begin_page(std::ostream& out, const PageHead& head) {
  out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
         "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; "
         "script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; "
         "object-src 'none'; base-uri 'none'; form-action 'self'\">\n"
      << "<title>" << esc(head.title) << " · EU-IOM evidence</title>\n"
      << "<link rel=\"stylesheet\" href=\"" << head.root << "assets/site.css\">\n"
      << "<script src=\"" << head.root << "assets/site.js\" defer></script>\n</head>\n<body>\n"
      << "<a class=\"skip\" href=\"#main\">Skip to content</a>\n"
      << "<header class=\"site\"><a class=\"brand\" href=\"" << head.root
      << "index.html\">EU-IOM evidence</a>\n<nav aria-label=\"Sections\"><ul>";
  for (const KindInfo& k : kKinds)
    out << "<li><a href=\"" << head.root << k.folder << "/index.html\">" << k.title << "</a></li>";
  out << "<li><a href=\"" << head.root << "search.html\">Search</a></li></ul></nav></header>\n"
      << "<main id=\"main\"" << head.main_attributes << ">\n";
}

void end_page(std::ostream& out, const PageHead& head) {
  out << "</main>\n<footer class=\"site\"><p>Built by <code>euiomkb site</code> from the "
         "knowledge base. Every fact links to the passage of the document it rests on. "
         "<a href=\""
      << head.root << "index.json\">Data (JSON)</a></p></footer>\n</body>\n</html>\n";
}

std::string_view site_css() {
  return R"(:root { --ink: #1b1b1b; --muted: #505a5f; --link: #1d4f91; --mark: #fff2a8;
  --target: #ffd23f; --line: #b1b4b6; --bg: #ffffff; --soft: #f3f2f1; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, sans-serif; color: var(--ink); background: var(--bg); }
a { color: var(--link); }
a:focus, button:focus, input:focus, select:focus { outline: 3px solid #ffbf47; outline-offset: 1px; }
.skip { position: absolute; left: -999px; }
.skip:focus { left: 8px; top: 8px; background: #fff; padding: 4px; z-index: 10; }
header.site { background: #0b0c0c; color: #fff; padding: 8px 16px; }
header.site a { color: #fff; }
header.site .brand { font-weight: bold; margin-right: 16px; }
header.site ul { list-style: none; margin: 4px 0 0; padding: 0; display: flex; flex-wrap: wrap; gap: 4px 14px; }
h1 { font-size: clamp(1.5rem, 5vw, 2.2rem); line-height: 1.2; }
main { max-width: 1100px; margin: 0 auto; padding: 16px; }
footer.site { border-top: 1px solid var(--line); color: var(--muted); padding: 8px 16px; font-size: 14px; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; margin: 8px 0 16px; }
th, td { border-bottom: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: var(--soft); }
.cite-ref { font-size: 14px; display: inline-block; min-width: 24px; padding: 0 2px; }
[id] { scroll-margin-top: 24px; }
.muted, .attested, .basis { color: var(--muted); font-size: 14px; }
#evidence ol { padding-left: 20px; }
li.evidence { margin-bottom: 16px; }
li.evidence:target, mark.passage:target { background: var(--target); outline: 2px solid #b58800; }
blockquote.quote { margin: 4px 0; padding: 4px 12px; border-left: 4px solid #b58800;
  background: var(--mark); color: var(--ink); }
.context { color: var(--muted); }
.evidence cite { font-style: normal; font-weight: bold; }
.evidence details { color: var(--muted); font-size: 14px; }
.claims { display: flex; flex-wrap: wrap; gap: 12px; }
.claims .claim { flex: 1 1 280px; border: 1px solid var(--line); padding: 8px; }
.claims .preferred { border: 2px solid #00703c; }
.source-text { white-space: pre-wrap; overflow-wrap: anywhere; max-width: 75ch; }
mark.passage { background: var(--mark); }
.passage-note { font-size: 12px; vertical-align: super; margin: 0 2px; }
ol.cited li { margin-bottom: 6px; }
:target { background: var(--target); }
dl.record { display: grid; grid-template-columns: minmax(8em, max-content) 1fr; gap: 2px 16px; }
dl.record dt { font-weight: bold; }
dl.record dd { margin: 0; overflow-wrap: anywhere; }
figure { margin: 16px 0; }
.picture { overflow-x: auto; }
svg text { font: 12px system-ui, sans-serif; fill: #1b1b1b; }
.filters label { margin-right: 8px; }
.filters p { margin: 4px 0; }
nav.pages ul { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 4px 12px; }
nav.pages a[aria-current] { font-weight: bold; text-decoration: none; color: var(--ink); }
.hidden-by-filter { display: none; }
)";
}

std::string_view site_js() {
  return R"(// Scrolls the :target into view once the page is laid out, and filters and sorts
// index tables (the tables are complete without it).
(function () {
  function reveal() {
    var id = decodeURIComponent(location.hash.slice(1));
    if (!id) return;
    var el = document.getElementById(id);
    if (el) el.scrollIntoView({ block: 'center' });
  }
  window.addEventListener('hashchange', reveal);
  document.addEventListener('DOMContentLoaded', function () {
    reveal();
    var root = document.querySelector('[data-search-root]');
    if (root && window.PagefindUI) {
      new window.PagefindUI({ element: root, showSubResults: true });
      // Pagefind names its input by a title only: tie it to the page's visible label.
      var input = root.querySelector('input');
      if (input) input.id = 'search-input';
    }
    var table = document.querySelector('table.index');
    // A filter per name in the box's data-filters whose rows hold two or more values.
    var box = document.querySelector('.filters[data-filters]');
    var status = null;
    var labels = { year: 'Year', series: 'Series', organisation: 'Organisation' };
    if (box && table) {
      box.getAttribute('data-filters').split(' ').forEach(function (name) {
        var seen = {};
        Array.prototype.forEach.call(table.tBodies[0].rows, function (r) {
          var v = r.getAttribute('data-' + name);
          if (v) seen[v] = true;
        });
        var values = Object.keys(seen).sort(function (a, b) {
          return a.localeCompare(b, undefined, { numeric: true });
        });
        if (values.length < 2) return;
        var label = document.createElement('label');
        label.textContent = (labels[name] || name) + ' ';
        var select = document.createElement('select');
        select.name = name;
        select.add(new Option('All', ''));
        values.forEach(function (v) { select.add(new Option(v, v)); });
        label.appendChild(select);
        box.appendChild(label);
      });
      if (box.querySelector('select')) {
        status = document.createElement('p');
        status.className = 'muted';
        status.setAttribute('aria-live', 'polite');
        box.appendChild(status);
      }
    }
    var filters = box ? box.querySelectorAll('select') : [];
    function apply() {
      if (!table) return;
      var rows = table.tBodies[0].rows;
      var shown = 0;
      for (var i = 0; i < rows.length; i++) {
        var show = true;
        for (var j = 0; j < filters.length; j++) {
          var f = filters[j];
          if (f.value && rows[i].getAttribute('data-' + f.name) !== f.value) show = false;
        }
        rows[i].classList.toggle('hidden-by-filter', !show);
        if (show) shown++;
      }
      if (status) status.textContent = shown + ' of ' + rows.length + ' shown';
    }
    for (var j = 0; j < filters.length; j++) filters[j].addEventListener('change', apply);
    var heads = table ? table.querySelectorAll('th button') : [];
    for (var k = 0; k < heads.length; k++) {
      heads[k].addEventListener('click', function (e) {
        var col = Number(e.currentTarget.getAttribute('data-col'));
        var body = table.tBodies[0];
        var list = Array.prototype.slice.call(body.rows);
        var dir = e.currentTarget.getAttribute('data-dir') === 'asc' ? -1 : 1;
        e.currentTarget.setAttribute('data-dir', dir === 1 ? 'asc' : 'desc');
        list.sort(function (a, b) {
          return dir * a.cells[col].textContent.localeCompare(b.cells[col].textContent, undefined, { numeric: true });
        });
        list.forEach(function (r) { body.appendChild(r); });
      });
    }
  });
})();
)";
}

}  // namespace euiomkb::cli::site
