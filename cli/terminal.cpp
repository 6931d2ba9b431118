#include "terminal.hpp"

#include <sys/ioctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <sstream>

#include "output.hpp"

namespace euiomkb::cli {

std::optional<std::string> pager_for(const PagerSituation& situation) {
  if (!situation.terminal || situation.no_pager) return std::nullopt;
  if (situation.pager && (situation.pager->empty() || *situation.pager == "cat"))
    return std::nullopt;
  if (situation.rows == 0 || situation.lines < situation.rows) return std::nullopt;
  return situation.pager ? *situation.pager : std::string("less -FRX");
}

std::size_t screen_lines(std::string_view text, std::size_t columns) {
  std::size_t lines = 0;
  while (!text.empty()) {
    std::size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    std::size_t width = display_width(line);
    lines += columns == 0 || width == 0 ? 1 : (width + columns - 1) / columns;
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return lines;
}

bool styles_wanted(bool terminal, const char* no_color) {
  return terminal && (no_color == nullptr || *no_color == '\0');
}

ScreenSize screen_size() {
  winsize size{};
  if (isatty(STDOUT_FILENO) != 1 || ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) != 0) return {};
  return {size.ws_col, size.ws_row};
}

namespace {

void write_directly(std::string_view text) {
  std::cout.write(text.data(), static_cast<std::streamsize>(text.size()));
  std::cout.flush();
}

// Runs `command` with `text` on its standard input; false when it could not start (popen
// failed, or the shell found no such command: exit 126 or 127).
bool run_pager(const std::string& command, std::string_view text) {
  std::cout.flush();
  struct sigaction ignore {};
  ignore.sa_handler = SIG_IGN;
  sigemptyset(&ignore.sa_mask);
  struct sigaction old_pipe {};
  struct sigaction old_interrupt {};
  sigaction(SIGPIPE, &ignore, &old_pipe);
  sigaction(SIGINT, &ignore, &old_interrupt);
  bool started = false;
  if (FILE* pipe = popen(command.c_str(), "w")) {
    std::fwrite(text.data(), 1, text.size(), pipe);
    int status = pclose(pipe);
    started = !(status != -1 && WIFEXITED(status) &&
                (WEXITSTATUS(status) == 126 || WEXITSTATUS(status) == 127));
  }
  sigaction(SIGPIPE, &old_pipe, nullptr);
  sigaction(SIGINT, &old_interrupt, nullptr);
  return started;
}

}  // namespace

void show_on_terminal(std::string_view text, bool no_pager) {
  if (text.empty()) return;
  PagerSituation situation;
  situation.terminal = isatty(STDOUT_FILENO) == 1;
  situation.no_pager = no_pager;
  ScreenSize size = screen_size();
  situation.rows = size.rows;
  situation.lines = screen_lines(text, size.columns);
  if (const char* pager = std::getenv("PAGER")) situation.pager = pager;
  std::optional<std::string> command = pager_for(situation);
  if (!command || !run_pager(*command, text)) write_directly(text);
}

std::string wrap(std::string_view text, std::size_t width) {
  std::string out;
  while (true) {
    std::size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    while (width > 0 && display_width(line) > width) {
      // The last space within the width, else the first space after it.
      std::size_t cut = std::string_view::npos;
      std::size_t seen = 0;
      for (std::size_t i = 0; i < line.size(); ++i) {
        if ((static_cast<unsigned char>(line[i]) & 0xC0) == 0x80) continue;
        if (seen++ > width) break;
        if (line[i] == ' ') cut = i;
      }
      if (cut == std::string_view::npos || cut == 0) cut = line.find(' ', 1);
      if (cut == std::string_view::npos) break;
      out += std::string(line.substr(0, cut)) + "\n";
      line.remove_prefix(cut);
      while (!line.empty() && line.front() == ' ') line.remove_prefix(1);
    }
    out += line;
    if (end == std::string_view::npos) break;
    out += '\n';
    text.remove_prefix(end + 1);
  }
  return out;
}

std::size_t help_width() {
  if (const char* columns = std::getenv("COLUMNS"); columns != nullptr && *columns != '\0') {
    char* end = nullptr;
    long value = std::strtol(columns, &end, 10);
    if (end != nullptr && *end == '\0' && value > 0) return static_cast<std::size_t>(value);
  }
  ScreenSize size = screen_size();
  return size.columns > 0 ? size.columns : 80;
}

std::size_t WrappingFormatter::description_width() const {
  std::size_t column = get_column_width();
  return width_ > column + 20 ? width_ - column : 20;
}

std::string WrappingFormatter::make_option_desc(const CLI::Option* option) const {
  return wrap(CLI::Formatter::make_option_desc(option), description_width());
}

std::string WrappingFormatter::make_subcommand(const CLI::App* sub) const {
  std::stringstream out;
  CLI::detail::format_help(out, sub->get_display_name(true),
                           wrap(sub->get_description(), description_width()), get_column_width());
  return out.str();
}

std::string WrappingFormatter::make_description(const CLI::App* app) const {
  return wrap(CLI::Formatter::make_description(app), width_);
}

std::string WrappingFormatter::make_footer(const CLI::App* app) const {
  return wrap(CLI::Formatter::make_footer(app), width_);
}

}  // namespace euiomkb::cli
