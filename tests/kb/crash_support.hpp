// Helpers of the crash, concurrency and fault-injection tests: running tests/kb/crash_import (the
// process they kill and pause) and judging a database through the library alone.
#pragma once

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "euiomkb/euiomkb.hpp"
#include "test_support.hpp"
#include "text/text.hpp"

namespace euiomkb::test {

// Every row of every table, read through KnowledgeBase::run_sql: equal digests mean equal
// content. The time of an import (import_log.imported_at) differs from run to run and is left
// out; all else must be equal.
inline std::string content_digest(const KnowledgeBase& kb) {
  std::vector<std::string> tables;
  kb.run_sql(
      "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name", {},
      [](const std::vector<std::string>&) {},
      [&](const std::vector<SqlValue>& row) { tables.push_back(std::get<std::string>(row[0])); });
  std::string all;
  for (const std::string& table : tables) {
    all += "\n#" + table;
    std::vector<bool> skip;
    kb.run_sql(
        "SELECT * FROM \"" + table + "\"", {},
        [&](const std::vector<std::string>& names) {
          skip.clear();
          for (const std::string& name : names) skip.push_back(name == "imported_at");
        },
        [&](const std::vector<SqlValue>& row) {
          all += '\n';
          for (std::size_t c = 0; c < row.size(); ++c) {
            if (skip[c]) continue;
            const SqlValue& v = row[c];
            if (std::holds_alternative<std::monostate>(v)) all += "N";
            if (const auto* i = std::get_if<std::int64_t>(&v)) all += "I" + std::to_string(*i);
            if (const auto* r = std::get_if<double>(&v)) {
              char text[40];
              std::snprintf(text, sizeof text, "R%.17g", *r);
              all += text;
            }
            if (const auto* s = std::get_if<std::string>(&v)) all += "T" + *s;
            all += '\x1f';
          }
        });
  }
  return detail::sha256_hex(all);
}

inline bool same_counts(const Counts& a, const Counts& b) {
  return a.sources == b.sources && a.organisations == b.organisations && a.people == b.people &&
         a.meetings == b.meetings && a.attendances == b.attendances && a.topics == b.topics &&
         a.citations == b.citations && a.conflicting_claims == b.conflicting_claims;
}

// Removes `path` and its SQLite side files, then copies `from` (the database file alone) there.
inline void fresh_copy(const std::string& from, const std::string& path) {
  for (const char* suffix : {"", "-journal", "-wal", "-shm"})
    std::filesystem::remove(path + suffix);
  std::filesystem::copy_file(from, path);
}

// A child process (by default tests/kb/crash_import), its stdout and stderr going to files.
class Helper {
 public:
  // Starts `crash_import args...` with `env` ("NAME=value") added to the environment.
  Helper(const std::vector<std::string>& args, const std::vector<std::string>& env,
         const std::filesystem::path& output_stem)
      : Helper(EUIOMKB_CRASH_IMPORT, args, env, output_stem) {}
  // Starts `program args...` likewise.
  Helper(const std::string& program, const std::vector<std::string>& args,
         const std::vector<std::string>& env, const std::filesystem::path& output_stem)
      : out_(output_stem.string() + ".out"), err_(output_stem.string() + ".err") {
    // Everything exec needs is made before fork: the child of a threaded process may call
    // only async-signal-safe functions.
    std::vector<std::string> argv_strings{program};
    argv_strings.insert(argv_strings.end(), args.begin(), args.end());
    std::vector<std::string> env_strings(env);
    for (char** e = environ; *e; ++e) env_strings.emplace_back(*e);
    std::vector<char*> argv, envp;
    for (auto& s : argv_strings) argv.push_back(s.data());
    for (auto& s : env_strings) envp.push_back(s.data());
    argv.push_back(nullptr);
    envp.push_back(nullptr);
    pid_ = ::fork();
    if (pid_ == 0) {
      int out = ::open(out_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      int err = ::open(err_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      if (out < 0 || err < 0 || ::dup2(out, 1) < 0 || ::dup2(err, 2) < 0) ::_exit(126);
      ::execve(argv[0], argv.data(), envp.data());
      ::_exit(127);
    }
  }
  Helper(const Helper&) = delete;
  Helper& operator=(const Helper&) = delete;
  ~Helper() {
    if (pid_ > 0 && !reaped_) {
      ::kill(pid_, SIGKILL);
      wait();
    }
  }

  pid_t pid() const { return pid_; }
  void kill() { ::kill(pid_, SIGKILL); }
  // Waits for the child's end: true when it exited, false when a signal killed it.
  bool wait() {
    int status = 0;
    while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
    }
    reaped_ = true;
    exited_ = WIFEXITED(status);
    exit_code_ = exited_ ? WEXITSTATUS(status) : -1;
    killed_ = WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
    return exited_;
  }
  bool running() {
    if (reaped_) return false;
    int status = 0;
    pid_t r = ::waitpid(pid_, &status, WNOHANG);
    if (r == 0) return true;
    reaped_ = true;
    exited_ = WIFEXITED(status);
    exit_code_ = exited_ ? WEXITSTATUS(status) : -1;
    killed_ = WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
    return false;
  }
  bool killed() const { return killed_; }
  int exit_code() const { return exit_code_; }
  std::string out() const { return read_file(out_.string()); }
  std::string err() const { return read_file(err_.string()); }

 private:
  std::filesystem::path out_, err_;
  pid_t pid_ = -1;
  bool reaped_ = false, exited_ = false, killed_ = false;
  int exit_code_ = -1;
};

// Waits (at most a minute) until `file` exists or `helper` has ended; true when it exists.
inline bool wait_for_file(const std::filesystem::path& file, Helper& helper) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(1);
  while (!std::filesystem::exists(file)) {
    if (!helper.running() || std::chrono::steady_clock::now() > deadline)
      return std::filesystem::exists(file);
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return true;
}

// The operation counts crash_import prints ("returned io=... db=..." and "closed io=...").
struct OperationCounts {
  long io = 0, db = 0, wal = 0, journal = 0;
};
inline OperationCounts operation_counts(const std::string& out, const std::string& when) {
  OperationCounts c;
  auto at = out.find(when + " io=");
  if (at != std::string::npos)
    std::sscanf(out.c_str() + at + when.size(), " io=%ld db=%ld wal=%ld journal=%ld", &c.io, &c.db,
                &c.wal, &c.journal);
  return c;
}

// Trials of a randomised test: `ci` by default, fewer under AddressSanitizer (about three times
// slower), EUIOMKB_CRASH_TRIALS when set (for longer runs offline).
inline int crash_trials(int ci) {
  if (const char* e = std::getenv("EUIOMKB_CRASH_TRIALS"); e && *e) return std::atoi(e);
#if defined(__SANITIZE_ADDRESS__)
  return (ci + 2) / 3;
#else
  return ci;
#endif
}

}  // namespace euiomkb::test
