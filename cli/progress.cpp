#include "progress.hpp"

#include <unistd.h>

namespace euiomkb::cli {

void Progress::update(std::string_view what, std::int64_t done, std::int64_t total) {
  if (!shown_) return;
  auto now = std::chrono::steady_clock::now();
  if (what == what_ && drawn_ > 0 && now - last_ < std::chrono::milliseconds(250)) return;
  last_ = now;
  what_ = what;
  std::string line = what_ + " " + std::to_string(done);
  if (total >= 0) line += " of " + std::to_string(total);
  // Padded over what the last line drew; carriage return, no new line.
  std::string padded = line;
  if (padded.size() < drawn_) padded.append(drawn_ - padded.size(), ' ');
  err_ << '\r' << padded << std::flush;
  drawn_ = line.size();
}

void Progress::clear() {
  if (!shown_ || drawn_ == 0) return;
  err_ << '\r' << std::string(drawn_, ' ') << '\r' << std::flush;
  drawn_ = 0;
  what_.clear();
}

bool progress_shown(bool quiet) { return !quiet && ::isatty(STDERR_FILENO) == 1; }

}  // namespace euiomkb::cli
