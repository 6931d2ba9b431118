// The evidence site's page builders: one page and its JSON twin per keyed record, an index per
// kind, the source pages with every cited passage marked, the home and search pages.
#pragma once

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <vector>

#include "euiomkb/knowledge_base.hpp"
#include "progress.hpp"
#include "site/backlinks.hpp"

namespace euiomkb::cli::site {

// How much one page shows, so that no page grows with the database (design.md, "The evidence
// site"): an index lists `index_rows` records per page (index.html, index-2.html, ...; its
// index.json twin lists them all), and a table on a record page shows its first `table_rows`
// rows with a line saying how many there are (the page's JSON twin has every row).
struct SiteLimits {
  std::int64_t index_rows = 500;
  std::int64_t table_rows = 200;
};

class SiteBuilder {
 public:
  // Writes into `stage` (an empty directory) from `kb`, whose file is `db_path` (the twins are
  // the tool's own --json output: its record writer on `kb`, and for a series the `meetings`
  // command run on that file). `searchable`: Pagefind will index it. Memory does not grow with
  // the number of meetings (design.md).
  SiteBuilder(const KnowledgeBase& kb, std::string db_path, std::filesystem::path stage,
              bool searchable, SiteLimits limits = {});
  // Also publishes what changed since the database at `older_path` (changes.html and its twin
  // changes.json at the root, linked from the home page): the tool's `diff --json OLD NEW`,
  // with the files named by their names only. Call before build().
  void compare_with(std::string older_path) { older_path_ = std::move(older_path); }
  // Reports the pages of each kind as they are written ("site: meetings 1200 of 100000") on
  // `progress`, which must outlive build(). Call before build().
  void report_to(Progress& progress) { progress_ = &progress; }
  // Writes every page; throws on a write failure.
  void build();
  std::int64_t page_count() const { return pages_; }
  const std::string& build_date() const { return date_; }

 private:
  // A page being written: its passages in first-use order.
  struct Page {
    std::string url;  // relative to the root: "meetings/som-11.html"
    std::string title;
    std::vector<Passage> passages;
    std::map<std::int64_t, std::size_t> by_citation;  // citation id -> index in passages
    std::map<std::string, std::size_t> by_anchor;     // anchor -> index in passages
  };

  void write_assets();
  void write_kind(std::string_view kind);
  void write_record(std::string_view kind, const KnowledgeBase::Key& key, std::ostream& index,
                    std::ostream& index_json, bool& first);
  void write_series();
  void write_sources();
  void write_home();
  void write_search();
  void write_changes();

  // Citation links for the citation ids of a "cited" value of the tool's JSON.
  std::string cite_refs(Page& page, const std::vector<std::int64_t>& cited);
  std::string cite_refs(Page& page, const std::vector<Passage>& passages);
  // The page's evidence list; records the backrefs for the source pages.
  void write_evidence(std::ostream& out, const Page& page);
  // A document of the tool's --json sections as definition lists and tables; `rows` gives a
  // part's number of rows where `doc` holds only the first of them (a part not named has
  // all its rows in `doc`).
  void write_sections(std::ostream& out, Page& page, const nlohmann::ordered_json& doc,
                      const std::map<std::string, std::size_t>& rows = {});
  // A value of the tool's JSON as HTML, linked to the page of the person or organisation it
  // names (fields person, organisation, host, parent, party) when that has a page.
  std::string linked_cell(const std::string& field, const nlohmann::ordered_json& value);
  void write_claims(std::ostream& out, Page& page, std::string_view subject_type,
                    std::int64_t subject_id);
  void write_framework_parties(std::ostream& out, Page& page, const Agreement& agreement);
  std::ofstream open(const std::string& relative);

  const KnowledgeBase& kb_;
  std::string db_path_;
  std::filesystem::path stage_;
  bool searchable_;
  SiteLimits limits_;
  std::string older_path_;                  // compare_with()
  nlohmann::ordered_json changes_summary_;  // the diff's totals, for the home page
  std::string date_;
  std::int64_t pages_ = 0;
  Progress* progress_ = nullptr;                // report_to()
  std::map<std::string, std::int64_t> counts_;  // pages per kind
  // The pages citing each passage, for the source pages' back-links: spilled as pages are
  // written to files under stage/.backrefs, and read back one source at a time, so memory does
  // not grow with the site.
  std::unique_ptr<Backlinks> backlinks_;
  // (kind, name) -> page path without ".html", relative to a record page ("" for none): the
  // names last looked up (linked_cell), at most kLinkCache of them.
  static constexpr std::size_t kLinkCache = 1024;
  std::map<std::pair<std::string, std::string>, std::string> links_;
};

// The tool's --json output of `args` (a command and its arguments) run on `db_path`.
std::string command_json(const std::string& db_path, const std::vector<std::string>& args);
// The same, written to `out` as it is produced (a series of 10^5 meetings is not held).
void command_json(const std::string& db_path, const std::vector<std::string>& args,
                  std::ostream& out);

}  // namespace euiomkb::cli::site
