// The source pages' back-links (each cited passage links to the pages citing it), gathered
// while the other pages are written and read back one source at a time, in files, so that
// memory does not grow with the site: it holds one run of fixed-size records while pages are
// written, and while they are read, a read buffer per run and one entry per distinct cited
// passage of the source being read (its pages wait in a file: one passage of a big site is
// cited by a page per meeting).
#pragma once

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <functional>
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

  // Reading, after the last add(): the passages of one source that a page cites. A Source is
  // read before the next of(): its pages are in a file that the next of() writes again.
  class Source {
   public:
    // Whether a page cites the passage [start, end).
    bool cited(std::int64_t start, std::int64_t end) const;
    // Calls `visit` with each page citing [start, end), once each (a page that added the passage
    // twice is given once), in the order the pages were begun; not at all when none does.
    // Throws std::logic_error after the next of(), std::runtime_error on a read failure.
    void each_page(std::int64_t start, std::int64_t end,
                   const std::function<void(const Link&)>& visit) const;

   private:
    friend class Backlinks;
    // A cited passage; its pages are entries [first, first + count) of the source's page file.
    struct Cited {
      std::int64_t end, start;
      std::uint64_t first, count;
    };
    Source(Backlinks& owner, std::vector<Cited> cited, std::uint64_t reading)
        : owner_(&owner), cited_(std::move(cited)), reading_(reading) {}
    // The passage [start, end), or cited_.end(): cited_ is in order of (end, start).
    std::vector<Cited>::const_iterator find(std::int64_t start, std::int64_t end) const;
    Backlinks* owner_;
    std::vector<Cited> cited_;
    std::uint64_t reading_;  // the owner's reads_ when this was read
  };
  // The back-links of the source with row id `source`. Sources are asked in increasing order of
  // their ids (the back-links of a source with a smaller id than one asked before are dropped);
  // throws std::logic_error otherwise. Throws std::runtime_error on a read or write failure.
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
  std::uint64_t reads_ = 0;  // of() calls so far
  mutable std::ifstream pages_in_;
  mutable std::ifstream source_in_;  // the page offsets of the source read last
};

}  // namespace euiomkb::cli::site
