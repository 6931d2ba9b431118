// A line on standard error that says what a long command is doing and how far it has got
// ("site: meetings 1200 of 100000"), for a person at a terminal. Nothing when standard error is
// not a terminal or the tool is quiet (-q): logs, pipes and tests see the same output as before.
#pragma once

#include <chrono>
#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>

namespace euiomkb::cli {

class Progress {
 public:
  // Draws on `err` when `shown`; progress_shown() says whether it should be.
  Progress(std::ostream& err, bool shown) : err_(err), shown_(shown) {}
  ~Progress() { clear(); }
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  // Says that `done` of `total` (negative: unknown) things of `what` are done. Redraws the line
  // at most every quarter second, and at once when `what` changes, so a loop may call it for
  // every item: it costs a clock read.
  void update(std::string_view what, std::int64_t done, std::int64_t total = -1);
  // Takes the line away (the next output starts on a clean line); update() may draw it again.
  void clear();
  bool shown() const { return shown_; }

 private:
  std::ostream& err_;
  bool shown_;
  std::string what_;
  std::size_t drawn_ = 0;  // the width of the line on screen; 0 when none is
  std::chrono::steady_clock::time_point last_{};
};

// Whether a long command shows progress: standard error is a terminal and not `quiet`.
bool progress_shown(bool quiet);

}  // namespace euiomkb::cli
