// The source pages' back-links (each cited passage links to the pages citing it), gathered
// while the other pages are written and read back one source at a time, in files, so that
// memory does not grow with the site: it holds one run of fixed-size records while pages are
// written, and the records of one source (and a read buffer per run) while they are read.
#pragma once

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

namespace euiomkb::cli::site {

class Backlinks {
 public:
  // A page that cites a passage.
  struct Link {
    std::string url;    // relative to the site's root
    std::string label;  // the page's title
  };
  // Keeps its files in `dir`, which it creates, and removes it when destroyed. `run_records`:
  // the records sorted in memory before they are written to a file (32 bytes each);
  // `merge_width`: the most of those files read at once (more are first merged in groups).
  explicit Backlinks(std::filesystem::path dir, std::size_t run_records = std::size_t{1} << 16,
                     std::size_t merge_width = 64);
  ~Backlinks();
  Backlinks(const Backlinks&) = delete;
  Backlinks& operator=(const Backlinks&) = delete;

  // Writing: the page `url` titled `label` cites the passages given by add() until the next
  // begin_page(). Throws std::runtime_error on a write failure.
  void begin_page(const std::string& url, const std::string& label);
  void add(std::int64_t source, std::int64_t start, std::int64_t end);

  // Reading, after the last add(): the passages of one source that a page cites.
  class Source {
   public:
    // Whether a page cites the passage [start, end).
    bool cited(std::int64_t start, std::int64_t end) const;
    // The pages citing [start, end), in the order they were written (a page that cites it more
    // than once is given each time); empty when none.
    std::vector<Link> pages(std::int64_t start, std::int64_t end) const;

   private:
    friend class Backlinks;
    struct Cited {
      std::int64_t end, start;
      std::uint64_t page;
    };
    Source(Backlinks& owner, std::vector<Cited> cited) : owner_(&owner), cited_(std::move(cited)) {}
    // The records of [start, end): cited_ is in order of (end, start, page).
    std::pair<std::vector<Cited>::const_iterator, std::vector<Cited>::const_iterator> range(
        std::int64_t start, std::int64_t end) const;
    Backlinks* owner_;
    std::vector<Cited> cited_;
  };
  // The back-links of the source with row id `source`. Sources are asked in increasing order of
  // their ids (the back-links of a source with a smaller id than one asked before are dropped);
  // throws std::logic_error otherwise. Throws std::runtime_error on a read failure.
  Source of(std::int64_t source);

 private:
  // What add() writes: sorted by (source, end, start, page), which is the order a source page
  // lists its passages in, each passage's pages in the order they were written.
  struct Record {
    std::int64_t source, end, start;
    std::uint64_t page;  // the offset of the citing page's URL and title in the pages file
  };
  class Merge;  // the records of sorted runs, in order
  void spill();
  std::filesystem::path next_file();
  Link page_at(std::uint64_t offset) const;

  std::filesystem::path dir_;
  std::size_t run_records_, merge_width_;
  std::ofstream pages_out_;
  std::uint64_t page_ = 0;       // the offset of the current page's entry
  std::uint64_t next_page_ = 0;  // the size of the pages file
  bool page_open_ = false;       // begin_page() was called
  std::vector<Record> run_;      // records not yet spilled, fewer than run_records_
  std::vector<std::filesystem::path> runs_;
  std::int64_t files_ = 0;  // run files named so far
  // Reading:
  std::unique_ptr<Merge> merge_;
  bool have_next_ = false;
  Record next_{};  // the merge's next record, when have_next_
  std::int64_t last_asked_ = -1;
  mutable std::ifstream pages_in_;
};

}  // namespace euiomkb::cli::site
