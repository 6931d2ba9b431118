// euiomkb site --out DIR: the evidence site (README, "Evidence site"; the layout and markup
// are fixed by the site's contract in docs/design.md). Pages are written one at a time into a
// staging directory beside DIR, indexed by Pagefind when it is found, and renamed into place.
#include <spawn.h>
#include <sys/wait.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <sstream>

#include "site/html.hpp"
#include "site/pages.hpp"
#include "tool.hpp"

extern char** environ;

namespace euiomkb::cli {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kMarker = ".euiomkb-site";

struct Arguments {
  std::string out;
  std::string pagefind;
  std::string changes_since;
};

// A fresh directory beside `dir` named DIR.tmp-XXXX.
fs::path make_staging(const fs::path& dir) {
  std::random_device random;
  for (int attempt = 0; attempt < 100; ++attempt) {
    char suffix[16];
    std::snprintf(suffix, sizeof suffix, "%04x", random() & 0xffffU);
    fs::path candidate = dir;
    candidate += std::string(".tmp-") + suffix;
    std::error_code ec;
    if (fs::create_directory(candidate, ec)) return candidate;
  }
  throw std::runtime_error("site: cannot make a staging directory beside " + dir.string());
}

// The Pagefind program to run: --pagefind, else $EUIOMKB_PAGEFIND, else `pagefind` on PATH;
// empty when none is found.
std::string find_pagefind(const std::string& option) {
  if (!option.empty()) return option;
  if (const char* env = std::getenv("EUIOMKB_PAGEFIND"); env != nullptr && *env != '\0') return env;
  if (const char* path = std::getenv("PATH")) {
    std::stringstream dirs(path);
    std::string d;
    while (std::getline(dirs, d, ':')) {
      if (d.empty()) continue;
      fs::path candidate = fs::path(d) / "pagefind";
      std::error_code ec;
      if (fs::is_regular_file(candidate, ec)) return candidate.string();
    }
  }
  return "";
}

// Runs `program --site DIR` (no shell) with its output on our stderr; its exit status.
int run_pagefind(const std::string& program, const fs::path& site) {
  std::string site_arg = site.string();
  std::vector<char*> argv = {const_cast<char*>(program.c_str()), const_cast<char*>("--site"),
                             site_arg.data(), nullptr};
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, 2, 1);
  pid_t pid = 0;
  int rc = posix_spawnp(&pid, program.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) return -1;
  int status = 0;
  if (waitpid(pid, &status, 0) < 0) return -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

int build_site(const Tool& tool, const Arguments& args) {
  fs::path out = fs::absolute(args.out).lexically_normal();
  if (!out.has_filename()) out = out.parent_path();
  std::error_code ec;
  bool replacing = false;
  if (fs::exists(out, ec) || fs::is_symlink(out, ec)) {
    if (!fs::is_directory(out, ec) || fs::is_symlink(out, ec) ||
        !fs::is_regular_file(out / kMarker, ec))
      throw UsageError("site: " + out.string() +
                       " exists and is not a site made by 'euiomkb site' (no " +
                       std::string(kMarker) + "); it is left untouched: choose another --out");
    replacing = true;
  }
  KnowledgeBase kb = tool.open();
  if (!args.changes_since.empty()) {
    if (!fs::is_regular_file(args.changes_since, ec))
      throw UsageError("site: --changes-since: no database at '" + args.changes_since + "'");
    // Opened here too, so that a file that is no database of ours is refused before writing.
    KnowledgeBase::open(args.changes_since);
  }
  std::string pagefind = find_pagefind(args.pagefind);
  fs::path stage = make_staging(out);
  try {
    site::SiteBuilder builder(kb, tool.location().path, stage, !pagefind.empty());
    if (!args.changes_since.empty()) builder.compare_with(args.changes_since);
    Progress progress(tool.err, progress_shown(tool.quiet));
    builder.report_to(progress);
    builder.build();
    progress.clear();
    if (!pagefind.empty()) {
      int status = run_pagefind(pagefind, stage);
      if (status != 0)
        throw std::runtime_error("site: pagefind (" + pagefind + ") failed with status " +
                                 std::to_string(status));
    } else {
      tool.err << "euiomkb: warning: pagefind not found: the site is written but search is not "
                  "indexed; run 'pagefind --site "
               << out.string()
               << "' or give --pagefind PATH (or $EUIOMKB_PAGEFIND) and build again\n";
    }
    std::ofstream marker(stage / kMarker);
    marker << "euiomkb site\n" << builder.build_date() << "\n";
    marker.close();
    if (!marker) throw std::runtime_error("site: cannot write " + (stage / kMarker).string());
    if (replacing) {
      fs::path old = make_staging(out);  // an empty name of ours to move the old site to
      fs::remove(old);
      fs::rename(out, old);
      fs::rename(stage, out);
      fs::remove_all(old);
    } else {
      fs::rename(stage, out);
    }
    tool.err << "euiomkb: wrote " << builder.page_count() << " pages to " << out.string() << "\n";
  } catch (...) {
    fs::remove_all(stage, ec);
    throw;
  }
  return 0;
}

}  // namespace

void add_site_command(CLI::App& app, Tool& tool) {
  auto args = std::make_shared<Arguments>();
  auto* command =
      tool.command(app, "site", "Write the evidence site: a page and a JSON twin for every record",
                   [&tool, args] {
                     tool.refuse_formats("site", "writes a directory of pages",
                                         "each page has a JSON twin in the site");
                     return build_site(tool, *args);
                   });
  command->add_option("--out", args->out, "Directory of the site (replaced only if made by site)")
      ->required();
  command->add_option("--changes-since", args->changes_since,
                      "Publish what changed since this older database (changes.html)");
  command->add_option("--pagefind", args->pagefind,
                      "The pagefind program (default: $EUIOMKB_PAGEFIND, else pagefind on PATH)");
}

}  // namespace euiomkb::cli
