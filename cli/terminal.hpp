// Output on a terminal: the pager (as git does it) and help text wrapped to the width. Nothing
// here applies when standard output is a file or a pipe.
#pragma once

#include <CLI/CLI.hpp>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace euiomkb::cli {

// What decides whether the output goes through a pager.
struct PagerSituation {
  bool terminal = false;             // standard output is a terminal
  bool no_pager = false;             // --no-pager
  std::size_t lines = 0;             // screen lines the output takes (screen_lines)
  std::size_t rows = 0;              // the terminal's rows; 0 when unknown
  std::optional<std::string> pager;  // $PAGER; std::nullopt when unset
};

// The pager command to run, or std::nullopt to write directly: none without a terminal, with
// --no-pager, with PAGER set to "" or "cat", when the rows are unknown or the output fits the
// screen (fewer lines than rows, keeping one for the pager's prompt); else $PAGER when set,
// else "less -FRX".
std::optional<std::string> pager_for(const PagerSituation& situation);

// The lines `text` takes on a screen `columns` wide (a longer line wraps onto more; columns 0:
// one per line), counting code points.
std::size_t screen_lines(std::string_view text, std::size_t columns);

// Writes `text` to standard output: through pager_for()'s command when it names one (SIGPIPE
// and SIGINT ignored while the pager runs, so quitting it early is no failure), directly when it
// names none or the pager cannot start. The tool's exit code never depends on the pager.
void show_on_terminal(std::string_view text, bool no_pager);

// Whether standard output may carry styles (bold): only on a `terminal`, and not when
// $NO_COLOR (`no_color`; nullptr when unset) is set to anything but "" (no-color.org).
bool styles_wanted(bool terminal, const char* no_color);

// The terminal's size from standard output; {0, 0} when it is not a terminal.
struct ScreenSize {
  std::size_t columns = 0;
  std::size_t rows = 0;
};
ScreenSize screen_size();

// `text` with each line longer than `width` code points broken at spaces (a word longer than
// the width stays whole on its own line).
std::string wrap(std::string_view text, std::size_t width);

// The width help text wraps to: $COLUMNS when set, else the terminal's, else 80 (so help in a
// file or a test has a fixed layout).
std::size_t help_width();

// CLI11's formatter with descriptions and the footer wrapped to `width` columns.
class WrappingFormatter : public CLI::Formatter {
 public:
  explicit WrappingFormatter(std::size_t width) : width_(width) {}
  std::string make_option_desc(const CLI::Option* option) const override;
  std::string make_subcommand(const CLI::App* sub) const override;
  std::string make_description(const CLI::App* app) const override;
  std::string make_footer(const CLI::App* app) const override;

 private:
  // Room for a description right of the names' column (at least 20).
  std::size_t description_width() const;
  std::size_t width_;
};

}  // namespace euiomkb::cli
