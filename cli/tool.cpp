#include "tool.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <ostream>

namespace euiomkb::cli {

std::string default_database_path() {
  std::filesystem::path base;
  const char* xdg = std::getenv("XDG_DATA_HOME");
  const char* home = std::getenv("HOME");
  if (xdg != nullptr && *xdg != '\0')
    base = xdg;
  else
    base = std::filesystem::path(home != nullptr ? home : ".") / ".local" / "share";
  return (base / "euiomkb" / "euiomkb.db").string();
}

CLI::App* Tool::command(CLI::App& app, const std::string& name, const std::string& description,
                        std::function<int()> run) {
  CLI::App* sub = app.add_subcommand(name, description);
  sub->fallthrough();
  sub->add_option("--part", part,
                  "Only this part of the answer (CSV and TSV print one table: an answer of "
                  "several parts needs one; the error lists them)")
      ->type_name("NAME");
  runs_.emplace_back(sub, std::move(run));
  return sub;
}

int Tool::run_parsed(const CLI::App& app) const {
  for (const CLI::App* parsed : app.get_subcommands()) {
    auto found = std::find_if(runs_.begin(), runs_.end(),
                              [&](const auto& entry) { return entry.first == parsed; });
    if (found != runs_.end()) return found->second();
  }
  return 2;
}

DatabaseLocation Tool::location() const {
  if (!db_option.empty()) return {db_option, false};
  const char* env = std::getenv("EUIOMKB_DB");
  if (env != nullptr && *env != '\0') return {env, false};
  return {default_database_path(), true};
}

KnowledgeBase Tool::open(KnowledgeBase::Mode mode, OpenFor purpose) const {
  DatabaseLocation where = location();
  KnowledgeBase::OpenOptions options = open_options(mode);
  if (purpose == OpenFor::migration) {
    options.migrate = false;
    return KnowledgeBase::open(where.path, options);
  }
  if (where.is_default && !std::filesystem::exists(where.path)) {
    std::filesystem::create_directories(std::filesystem::path(where.path).parent_path());
    KnowledgeBase::create_seeded(where.path);
    err << "euiomkb: created " << where.path << " from the embedded seed (first use)\n";
  }
  return KnowledgeBase::open(where.path, options);
}

KnowledgeBase::OpenOptions Tool::open_options(KnowledgeBase::Mode mode) const {
  KnowledgeBase::OpenOptions options;
  options.mode = mode;
  options.busy_timeout = std::chrono::milliseconds(static_cast<std::int64_t>(wait_seconds * 1000));
  return options;
}

LogLevel Tool::log_level() const {
  if (quiet && verbosity > 0) throw UsageError("-v and -q ask for more and less: give one");
  if (quiet) return LogLevel::error;
  if (verbosity >= 2) return LogLevel::debug;
  if (verbosity == 1) return LogLevel::info;
  const char* env = std::getenv("EUIOMKB_LOG");
  if (env != nullptr && *env != '\0') {
    auto level = parse_log_level(env);
    if (!level)
      throw UsageError(std::string("EUIOMKB_LOG: '") + env +
                       "' is not a level (trace, debug, info, warn, error, off)");
    return *level;
  }
  return LogLevel::warn;
}

void Tool::start_logging() const {
  LogLevel level = log_level();
  std::ostream* stream = &err;
  set_log_handler([stream](std::string_view name, std::string_view message) {
    *stream << "euiomkb: " << name << ": " << message << "\n";
  });
  set_log_level(level);
}

std::size_t Tool::width() const {
  if (wide) return 0;
  const char* columns = std::getenv("COLUMNS");
  if (columns != nullptr && *columns != '\0') {
    char* end = nullptr;
    long value = std::strtol(columns, &end, 10);
    if (end != nullptr && *end == '\0' && value > 0) return static_cast<std::size_t>(value);
  }
  winsize size{};
  if (out_is_terminal && ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0) return size.ws_col;
  return 0;
}

void Tool::refuse_formats(const std::string& command, const std::string& what,
                          const std::string& instead) const {
  std::string given = json ? "--json" : csv ? "--csv" : tsv ? "--tsv" : "";
  if (given.empty() && part.empty()) return;
  if (given.empty()) given = "--part";
  throw UsageError(command + " " + what + "; it does not take " + given + " (" + instead + ")");
}

Format Tool::format() const {
  if (json) return Format::json;
  if (csv) return Format::csv;
  if (tsv) return Format::tsv;
  return Format::table;
}

namespace {

// The ASCII letter each code point from U+00C0 to U+017F folds to.
constexpr std::string_view kLatinFolds =
    "AAAAAAACEEEEIIIIDNOOOOOxOUUUUYTsaaaaaaaceeeeiiiidnooooo/ouuuuytyAaAaAaCcCcCcCcDdDdEeEeEeEeEe"
    "GgGgGgGgHhHhIiIiIiIiIiIiJjKkkLlLlLlLlLlNnNnNnnNnOoOoOoOoRrRrRrSsSsSsSsTtTtTtUuUuUuUuUuUuWwYyYZ"
    "zZzZzs";

std::size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> previous(b.size() + 1);
  std::vector<std::size_t> current(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) previous[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j)
      current[j] = std::min(
          {previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
    std::swap(previous, current);
  }
  return previous[b.size()];
}

}  // namespace

std::string fold(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80) {
      out += static_cast<char>(std::tolower(byte));
      continue;
    }
    // Two-byte sequences of U+00C0..U+017F fold to a letter; anything else is kept.
    if ((byte & 0xE0) == 0xC0 && i + 1 < text.size()) {
      unsigned code = ((byte & 0x1Fu) << 6) | (static_cast<unsigned char>(text[i + 1]) & 0x3Fu);
      if (code >= 0xC0 && code - 0xC0 < kLatinFolds.size()) {
        out +=
            static_cast<char>(std::tolower(static_cast<unsigned char>(kLatinFolds[code - 0xC0])));
        ++i;
        continue;
      }
    }
    out += text[i];
  }
  return out;
}

std::vector<std::string> closest(const std::string& name, const std::vector<Candidate>& candidates,
                                 std::size_t count) {
  std::string wanted = fold(name);
  std::vector<std::pair<std::size_t, const Candidate*>> scored;
  for (const Candidate& candidate : candidates) {
    std::string folded = fold(candidate.match);
    std::size_t score = edit_distance(wanted, folded);
    // A word of the candidate close to the name ("swnig" for "William Lacy Swing").
    std::size_t start = 0;
    while (start <= folded.size()) {
      std::size_t end = folded.find_first_of(" -", start);
      if (end == std::string::npos) end = folded.size();
      if (end > start)
        score = std::min(score, edit_distance(wanted, folded.substr(start, end - start)));
      start = end + 1;
    }
    if (!wanted.empty() && folded.find(wanted) != std::string::npos) score = 0;
    std::size_t limit = std::max<std::size_t>(2, wanted.size() / 3);
    if (score <= limit) scored.emplace_back(score, &candidate);
  }
  std::stable_sort(scored.begin(), scored.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<std::string> out;
  for (const auto& entry : scored) {
    if (out.size() == count) break;
    if (std::find(out.begin(), out.end(), entry.second->shown) == out.end())
      out.push_back(entry.second->shown);
  }
  return out;
}

namespace {
std::vector<Candidate> as_candidates(const std::vector<std::string>& names) {
  std::vector<Candidate> out;
  out.reserve(names.size());
  for (const std::string& n : names) out.push_back({n, n});
  return out;
}
}  // namespace

std::vector<std::string> closest(const std::string& name,
                                 const std::vector<std::string>& candidates, std::size_t count) {
  return closest(name, as_candidates(candidates), count);
}

void unknown(const std::string& what, const std::string& name,
             const std::vector<Candidate>& candidates) {
  std::string message = "no " + what + " named '" + name + "'";
  auto close = closest(name, candidates);
  if (!close.empty()) {
    message += "; did you mean: ";
    for (std::size_t i = 0; i < close.size(); ++i) message += (i ? ", " : "") + close[i];
    message += "?";
  }
  throw UsageError(message);
}

void unknown(const std::string& what, const std::string& name,
             const std::vector<std::string>& candidates) {
  unknown(what, name, as_candidates(candidates));
}

std::string choice(const std::string& option, const std::string& value,
                   const std::vector<std::string>& choices) {
  for (const std::string& c : choices)
    if (fold(c) == fold(value)) return c;
  // Values that hold commas are listed with semicolons between them.
  bool commas = std::any_of(choices.begin(), choices.end(),
                            [](const std::string& c) { return c.find(',') != std::string::npos; });
  std::string between = commas ? "; " : ", ";
  std::string message = option + ": '" + value + "' is not one of ";
  for (std::size_t i = 0; i < choices.size(); ++i) message += (i ? between : "") + choices[i];
  auto close = closest(value, choices);
  if (!close.empty()) {
    message += " (did you mean: ";
    for (std::size_t i = 0; i < close.size(); ++i) message += (i ? between : "") + close[i];
    message += "?)";
  }
  throw UsageError(message);
}

PartialDate parse_date_option(const std::string& option, const std::string& value) {
  auto parsed = PartialDate::parse(value);
  if (!parsed)
    throw UsageError(option + ": '" + value + "' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)");
  return *parsed;
}

}  // namespace euiomkb::cli
