#include "site/backlinks.hpp"

#include <algorithm>
#include <stdexcept>
#include <system_error>
#include <tuple>

namespace euiomkb::cli::site {

namespace fs = std::filesystem;

// The records of sorted run files, in order: one record of each run is held.
class Backlinks::Merge {
 public:
  explicit Merge(const std::vector<fs::path>& runs) {
    for (const fs::path& path : runs) {
      inputs_.push_back(std::make_unique<std::ifstream>(path, std::ios::binary));
      if (!*inputs_.back()) throw std::runtime_error("site: cannot read " + path.string());
      paths_.push_back(path);
      heads_.emplace_back();
      if (read(heads_.size() - 1)) push(heads_.size() - 1);
    }
  }
  // The order of the records.
  static bool before(const Record& a, const Record& b) {
    return std::tie(a.source, a.end, a.start, a.page) < std::tie(b.source, b.end, b.start, b.page);
  }
  // The next record in order into `r`; false after the last.
  bool next(Record& r) {
    if (heap_.empty()) return false;
    std::pop_heap(heap_.begin(), heap_.end(), later());
    std::size_t i = heap_.back();
    heap_.pop_back();
    r = heads_[i];
    if (read(i)) push(i);
    return true;
  }

 private:
  bool read(std::size_t i) {
    std::ifstream& in = *inputs_[i];
    in.read(reinterpret_cast<char*>(&heads_[i]), sizeof(Record));
    if (in.gcount() == sizeof(Record)) return true;
    if (in.gcount() == 0 && in.eof()) return false;
    throw std::runtime_error("site: cannot read " + paths_[i].string());
  }
  void push(std::size_t i) {
    heap_.push_back(i);
    std::push_heap(heap_.begin(), heap_.end(), later());
  }
  // The heap's order: its front is the run whose head comes first.
  struct Later {
    const Merge* merge;
    bool operator()(std::size_t a, std::size_t b) const {
      return before(merge->heads_[b], merge->heads_[a]);
    }
  };
  Later later() const { return Later{this}; }

  std::vector<std::unique_ptr<std::ifstream>> inputs_;
  std::vector<fs::path> paths_;
  std::vector<Record> heads_;
  std::vector<std::size_t> heap_;
};

Backlinks::Backlinks(fs::path dir, std::size_t run_records, std::size_t merge_width)
    : dir_(std::move(dir)),
      run_records_(std::max<std::size_t>(run_records, 1)),
      merge_width_(std::max<std::size_t>(merge_width, 2)) {
  fs::create_directories(dir_);
  pages_out_.open(dir_ / "pages", std::ios::binary);
  if (!pages_out_) throw std::runtime_error("site: cannot write " + (dir_ / "pages").string());
  pages_out_.exceptions(std::ios::badbit | std::ios::failbit);
  run_.reserve(run_records_);
}

Backlinks::~Backlinks() {
  merge_.reset();
  pages_in_.close();
  source_in_.close();
  if (pages_out_.is_open()) {
    pages_out_.exceptions(std::ios::goodbit);
    pages_out_.close();
  }
  std::error_code ignored;
  fs::remove_all(dir_, ignored);
}

fs::path Backlinks::next_file() { return dir_ / ("run-" + std::to_string(files_++)); }

void Backlinks::begin_page(const std::string& url, const std::string& label) {
  if (merge_) throw std::logic_error("site: a back-link written after they were read");
  // "URL-size label-size URL label", the sizes as 32-bit numbers.
  auto url_size = static_cast<std::uint32_t>(url.size());
  auto label_size = static_cast<std::uint32_t>(label.size());
  pages_out_.write(reinterpret_cast<const char*>(&url_size), sizeof url_size);
  pages_out_.write(reinterpret_cast<const char*>(&label_size), sizeof label_size);
  pages_out_ << url << label;
  page_ = next_page_;
  next_page_ += sizeof url_size + sizeof label_size + url.size() + label.size();
  page_open_ = true;
}

void Backlinks::add(std::int64_t source, std::int64_t start, std::int64_t end) {
  if (!page_open_) throw std::logic_error("site: a back-link without its page");
  run_.push_back({source, end, start, page_});
  if (run_.size() >= run_records_) spill();
}

void Backlinks::spill() {
  std::sort(run_.begin(), run_.end(), Merge::before);
  fs::path path = next_file();
  std::ofstream out(path, std::ios::binary);
  if (!out) throw std::runtime_error("site: cannot write " + path.string());
  out.exceptions(std::ios::badbit | std::ios::failbit);
  out.write(reinterpret_cast<const char*>(run_.data()),
            static_cast<std::streamsize>(run_.size() * sizeof(Record)));
  out.close();
  runs_.push_back(path);
  run_.clear();
}

Backlinks::Source Backlinks::of(std::int64_t source) {
  if (source <= last_asked_)
    throw std::logic_error("site: back-links asked out of the order of sources");
  last_asked_ = source;
  if (!merge_) {
    if (!run_.empty()) spill();
    run_ = std::vector<Record>();  // its memory too
    pages_out_.close();
    // Groups of runs merged into one until a merge reads few enough files at once.
    while (runs_.size() > merge_width_) {
      std::vector<fs::path> merged;
      for (std::size_t from = 0; from < runs_.size(); from += merge_width_) {
        std::vector<fs::path> group(runs_.begin() + static_cast<std::ptrdiff_t>(from),
                                    runs_.begin() + static_cast<std::ptrdiff_t>(std::min(
                                                        runs_.size(), from + merge_width_)));
        fs::path path = next_file();
        {
          Merge m(group);
          std::ofstream out(path, std::ios::binary);
          if (!out) throw std::runtime_error("site: cannot write " + path.string());
          out.exceptions(std::ios::badbit | std::ios::failbit);
          Record r{};
          while (m.next(r)) out.write(reinterpret_cast<const char*>(&r), sizeof r);
        }
        for (const fs::path& p : group) fs::remove(p);
        merged.push_back(path);
      }
      runs_ = std::move(merged);
    }
    merge_ = std::make_unique<Merge>(runs_);
    have_next_ = merge_->next(next_);
    pages_in_.open(dir_ / "pages", std::ios::binary);
    if (!pages_in_) throw std::runtime_error("site: cannot read " + (dir_ / "pages").string());
  }
  // The source's passages in memory, their pages' offsets in a file, each page once a passage
  // (the records of a passage are in order of their pages).
  std::vector<Source::Cited> cited;
  source_in_.close();
  const fs::path offsets = dir_ / "source";
  {
    std::ofstream out(offsets, std::ios::binary | std::ios::trunc);
    if (!out) throw std::runtime_error("site: cannot write " + offsets.string());
    out.exceptions(std::ios::badbit | std::ios::failbit);
    std::uint64_t written = 0, last_page = 0;
    for (; have_next_ && next_.source <= source; have_next_ = merge_->next(next_)) {
      if (next_.source < source) continue;
      if (cited.empty() || cited.back().end != next_.end || cited.back().start != next_.start)
        cited.push_back({next_.end, next_.start, written, 0});
      else if (last_page == next_.page)
        continue;
      out.write(reinterpret_cast<const char*>(&next_.page), sizeof next_.page);
      last_page = next_.page;
      ++written;
      ++cited.back().count;
    }
  }
  source_in_.clear();
  source_in_.open(offsets, std::ios::binary);
  if (!source_in_) throw std::runtime_error("site: cannot read " + offsets.string());
  return Source(*this, std::move(cited), ++reads_);
}

Backlinks::Link Backlinks::page_at(std::uint64_t offset) const {
  std::uint32_t url_size = 0, label_size = 0;
  pages_in_.clear();
  pages_in_.seekg(static_cast<std::streamoff>(offset));
  pages_in_.read(reinterpret_cast<char*>(&url_size), sizeof url_size);
  pages_in_.read(reinterpret_cast<char*>(&label_size), sizeof label_size);
  Link link{std::string(url_size, '\0'), std::string(label_size, '\0')};
  pages_in_.read(link.url.data(), url_size);
  pages_in_.read(link.label.data(), label_size);
  if (!pages_in_) throw std::runtime_error("site: cannot read " + (dir_ / "pages").string());
  return link;
}

std::vector<Backlinks::Source::Cited>::const_iterator Backlinks::Source::find(
    std::int64_t start, std::int64_t end) const {
  auto at = std::lower_bound(cited_.begin(), cited_.end(), Cited{end, start, 0, 0},
                             [](const Cited& a, const Cited& b) {
                               return std::tie(a.end, a.start) < std::tie(b.end, b.start);
                             });
  return at != cited_.end() && at->end == end && at->start == start ? at : cited_.end();
}

bool Backlinks::Source::cited(std::int64_t start, std::int64_t end) const {
  return find(start, end) != cited_.end();
}

void Backlinks::Source::each_page(std::int64_t start, std::int64_t end,
                                  const std::function<void(const Link&)>& visit) const {
  if (reading_ != owner_->reads_)
    throw std::logic_error("site: a source's back-links read after the next source's");
  auto at = find(start, end);
  if (at == cited_.end()) return;
  std::ifstream& in = owner_->source_in_;
  in.clear();
  in.seekg(static_cast<std::streamoff>(at->first * sizeof(std::uint64_t)));
  for (std::uint64_t i = 0; i < at->count; ++i) {
    std::uint64_t page = 0;
    in.read(reinterpret_cast<char*>(&page), sizeof page);
    if (!in) throw std::runtime_error("site: cannot read " + (owner_->dir_ / "source").string());
    visit(owner_->page_at(page));
  }
}

}  // namespace euiomkb::cli::site
