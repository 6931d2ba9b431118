// The source pages' back-links read back from their files are what was written: each passage's
// pages in the order they were written, one source at a time, however many runs and merge
// passes the records went through.
#include "site/backlinks.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <random>
#include <set>
#include <stdexcept>
#include <tuple>

namespace euiomkb::cli::site {
namespace {

namespace fs = std::filesystem;

using Passage = std::tuple<std::int64_t, std::int64_t, std::int64_t>;  // source, start, end
using Written = std::map<Passage, std::vector<std::string>>;           // passage -> page URLs

fs::path scratch() {
  return fs::temp_directory_path() /
         ("euiomkb-backlinks-" + std::to_string(std::random_device()()));
}

// Writes `pages` pages citing random passages of sources 1 to 40 and returns what was written.
Written write_pages(Backlinks& links, int pages) {
  std::mt19937 random(15);
  Written written;
  for (int page = 0; page < pages; ++page) {
    std::string url = "meetings/m-" + std::to_string(page) + ".html";
    links.begin_page(url, "Meeting " + std::to_string(page) + " <title>");
    std::set<Passage> on_page;
    for (int n = static_cast<int>(random() % 5); n > 0; --n) {
      std::int64_t source = 1 + static_cast<std::int64_t>(random() % 40);
      std::int64_t start = static_cast<std::int64_t>(random() % 6) * 10;
      Passage p{source, start, start + 5 + static_cast<std::int64_t>(random() % 3)};
      if (!on_page.insert(p).second) continue;  // a page lists a passage once
      links.add(std::get<0>(p), std::get<1>(p), std::get<2>(p));
      written[p].push_back(url);
    }
  }
  return written;
}

void expect_read_back(Backlinks& links, const Written& written) {
  std::size_t passages = 0;
  for (std::int64_t source = 2; source <= 41; source += 1 + source % 2) {  // some are skipped
    Backlinks::Source read = links.of(source);
    for (std::int64_t start = 0; start < 60; start += 10)
      for (std::int64_t end = start + 5; end < start + 8; ++end) {
        auto found = written.find({source, start, end});
        EXPECT_EQ(read.cited(start, end), found != written.end()) << source << " " << start;
        std::vector<std::string> urls;
        read.each_page(start, end, [&](const Backlinks::Link& l) {
          urls.push_back(l.url);
          EXPECT_EQ(l.label, "Meeting " + l.url.substr(11, l.url.size() - 16) + " <title>");
        });
        EXPECT_EQ(urls, found == written.end() ? std::vector<std::string>{} : found->second);
        if (found != written.end()) ++passages;
      }
  }
  EXPECT_GT(passages, 50U);
}

TEST(Backlinks, ReadBackInTheOrderWrittenAcrossRunsAndMergePasses) {
  fs::path dir = scratch();
  {
    // 7 records a run and 3 runs a merge: hundreds of runs, merged in several passes.
    Backlinks links(dir, 7, 3);
    Written written = write_pages(links, 1000);
    expect_read_back(links, written);
    EXPECT_THROW(links.of(3), std::logic_error);  // sources are read in order of their ids
  }
  EXPECT_FALSE(fs::exists(dir)) << "its files are removed";
}

TEST(Backlinks, OneRunAndNoRecordsReadBackToo) {
  fs::path dir = scratch();
  {
    Backlinks links(dir);
    Written written = write_pages(links, 1000);
    expect_read_back(links, written);
  }
  {
    Backlinks empty(dir);
    EXPECT_FALSE(empty.of(1).cited(0, 5));
    int pages = 0;
    empty.of(2).each_page(0, 5, [&](const Backlinks::Link&) { ++pages; });
    EXPECT_EQ(pages, 0);
  }
  EXPECT_FALSE(fs::exists(dir));
}

// One passage cited by more pages than a run holds, some citing it twice: each page once, in
// order; and a source's pages are read before the next source's are asked for.
TEST(Backlinks, APassageOfManyPagesComesBackWholeAndInOrder) {
  fs::path dir = scratch();
  {
    Backlinks links(dir, 16, 4);
    std::vector<std::string> urls;
    for (int page = 0; page < 500; ++page) {
      urls.push_back("meetings/m-" + std::to_string(page) + ".html");
      links.begin_page(urls.back(), "Meeting " + std::to_string(page));
      links.add(7, 100, 120);
      if (page % 3 == 0) links.add(7, 100, 120);
      if (page % 2 == 0) links.add(8, 0, 10);
    }
    Backlinks::Source seven = links.of(7);
    EXPECT_TRUE(seven.cited(100, 120));
    EXPECT_FALSE(seven.cited(0, 10));
    std::vector<std::string> read;
    seven.each_page(100, 120, [&](const Backlinks::Link& l) { read.push_back(l.url); });
    EXPECT_EQ(read, urls);
    Backlinks::Source eight = links.of(8);
    EXPECT_THROW(seven.each_page(100, 120, [](const Backlinks::Link&) {}), std::logic_error);
    int pages = 0;
    eight.each_page(0, 10, [&](const Backlinks::Link& l) {
      EXPECT_EQ(l.url, urls[static_cast<std::size_t>(2 * pages)]);
      ++pages;
    });
    EXPECT_EQ(pages, 250);
  }
  EXPECT_FALSE(fs::exists(dir));
}

TEST(Backlinks, APassageNeedsItsPage) {
  fs::path dir = scratch();
  Backlinks links(dir);
  EXPECT_THROW(links.add(1, 0, 5), std::logic_error);
}

}  // namespace
}  // namespace euiomkb::cli::site
