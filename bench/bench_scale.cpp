// euiomkb_bench_scale --meetings N --work DIR [--repetitions R] [--header]
//
// One row of the scale table (issue 5, "Scale") for N meetings:
//   1. generates the data set into DIR/data-N (kept and reused when its facts are there);
//   2. imports it into a fresh seeded database DIR/kb-N.db in a child process that does only
//      that, and reports the import's wall time, rows per second and the child's peak RSS
//      (getrusage ru_maxrss);
//   3. reports the database file size and the median latency over R calls (default 200; fewer
//      when a question has taken 3 s, but at least 5) of questions 1-6 through the library, after
//      checking their answers equal the raw twins';
//   4. imports one record (a new meeting with one citation) into the database of that size,
//      three times, and reports the median.
// Prints a markdown table row (and, with --header, the header first). Exit status 1 on failure.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <sstream>

#include "euiomkb/knowledge_base.hpp"
#include "generate.hpp"
#include "questions.hpp"

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using euiomkb::KnowledgeBase;
using euiomkb::bench::RawDatabase;
using euiomkb::bench::RawStatement;

// A question stops being repeated after this long (and at least five calls).
constexpr double kSecondsPerQuestion = 3.0;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// Rows in every table of the database, kb_search included (not its shadow tables).
std::int64_t count_rows(const std::string& path) {
  RawDatabase db(path);
  std::vector<std::string> tables;
  {
    RawStatement list(db.get(), R"sql(
SELECT name FROM sqlite_schema
 WHERE type = 'table' AND name NOT LIKE 'sqlite%' AND name NOT LIKE 'kb\_search\_%' ESCAPE '\')sql");
    while (sqlite3_step(list.get()) == SQLITE_ROW)
      tables.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(list.get(), 0)));
  }
  std::int64_t rows = 0;
  for (const auto& table : tables) {
    RawStatement count(db.get(), "SELECT count(*) FROM \"" + table + "\"");
    if (sqlite3_step(count.get()) == SQLITE_ROW) rows += sqlite3_column_int64(count.get(), 0);
  }
  return rows;
}

struct ImportResult {
  double seconds = 0;
  long peak_rss_kib = 0;
};

// Imports the data set into a fresh seeded database at `db` in a child process.
ImportResult import_in_child(const fs::path& data, const std::string& db) {
  int pipe_fds[2];
  if (pipe(pipe_fds) != 0) throw std::runtime_error("pipe failed");
  std::cout.flush();
  pid_t child = fork();
  if (child < 0) throw std::runtime_error("fork failed");
  if (child == 0) {
    close(pipe_fds[0]);
    int status = 0;
    std::string message;
    try {
      KnowledgeBase kb = KnowledgeBase::create_seeded(db, KnowledgeBase::Existing::replace);
      auto start = Clock::now();
      kb.import_fact_files(euiomkb::bench::fact_files_in(data), euiomkb::bench::documents_in(data));
      message = std::to_string(seconds_since(start));
    } catch (const std::exception& e) {
      message = std::string("error: ") + e.what();
      status = 1;
    }
    ssize_t written = write(pipe_fds[1], message.data(), message.size());
    close(pipe_fds[1]);
    _exit(written < 0 ? 2 : status);
  }
  close(pipe_fds[1]);
  std::string message;
  char buffer[512];
  for (ssize_t n; (n = read(pipe_fds[0], buffer, sizeof buffer)) > 0;)
    message.append(buffer, static_cast<std::size_t>(n));
  close(pipe_fds[0]);
  int status = 0;
  rusage usage{};
  if (wait4(child, &status, 0, &usage) < 0) throw std::runtime_error("wait4 failed");
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
    throw std::runtime_error("the import failed: " + message);
  return {std::stod(message), usage.ru_maxrss};
}

// The first meeting sentence of the first report: a quotation for the one-record import.
std::string first_report_quote(const fs::path& data) {
  std::ifstream in(data / "sources" / "g-report-00000.txt", std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  std::string document = text.str();
  std::size_t start = document.find("The ");
  std::size_t end = document.find('.', start);
  if (start == std::string::npos || end == std::string::npos)
    throw std::runtime_error("no meeting sentence in g-report-00000.txt");
  return document.substr(start, end - start);
}

}  // namespace

int main(int argc, char** argv) {
  std::int64_t meetings = -1;
  fs::path work;
  int repetitions = 200;
  bool header = false;
  for (int k = 1; k < argc; ++k) {
    std::string arg = argv[k];
    if (arg == "--meetings" && k + 1 < argc) {
      meetings = std::stoll(argv[++k]);
    } else if (arg == "--work" && k + 1 < argc) {
      work = argv[++k];
    } else if (arg == "--repetitions" && k + 1 < argc) {
      repetitions = std::stoi(argv[++k]);
    } else if (arg == "--header") {
      header = true;
    } else {
      meetings = -1;
      break;
    }
  }
  if (meetings < 1 || work.empty() || repetitions < 1) {
    std::cerr
        << "usage: euiomkb_bench_scale --meetings N --work DIR [--repetitions R] [--header]\n";
    return 2;
  }

  try {
    auto cases_header = std::vector<std::string>{
        "Q1 meeting",       "Q2 attendance",         "Q3 alias",       "Q4 holders",  "Q4 parties",
        "Q5 search common", "Q5 search common, all", "Q5 search name", "Q6 citations"};
    if (header) {
      std::cout << "| meetings | rows | import (s) | rows/s | peak RSS (MB) | file (MB) |";
      for (const auto& h : cases_header) std::cout << ' ' << h << " (µs) |";
      std::cout << " 1-record import (ms) |\n|---:|---:|---:|---:|---:|---:|";
      for (std::size_t k = 0; k < cases_header.size(); ++k) std::cout << "---:|";
      std::cout << "---:|\n" << std::flush;
    }

    fs::create_directories(work);
    fs::path data = work / ("data-" + std::to_string(meetings));
    if (!fs::exists(data / "facts") || euiomkb::bench::fact_files_in(data).empty()) {
      euiomkb::bench::GeneratorOptions options;
      options.meetings = meetings;
      options.out_dir = data;
      euiomkb::bench::generate(options);
    }

    std::string seeded = (work / "seeded.db").string();
    KnowledgeBase::create_seeded(seeded, KnowledgeBase::Existing::replace);
    std::string db = (work / ("kb-" + std::to_string(meetings) + ".db")).string();
    ImportResult imported = import_in_child(data, db);
    std::int64_t rows = count_rows(db) - count_rows(seeded);
    auto file_bytes = static_cast<double>(fs::file_size(db));

    std::vector<double> latency_us;
    {
      KnowledgeBase kb = KnowledgeBase::open(db, KnowledgeBase::Mode::read_only);
      RawDatabase raw_db(db);
      euiomkb::bench::RawQueries raw(raw_db.get());
      auto subjects = euiomkb::bench::choose_subjects(raw_db.get());
      euiomkb::bench::check_same_answers(kb, raw, subjects);
      for (const auto& c : euiomkb::bench::question_cases(kb, raw, subjects)) {
        std::vector<double> samples;
        for (int k = 0; k < 3; ++k) c.lib();  // warm the statement cache and the page cache
        auto began = Clock::now();
        for (int k = 0; k < repetitions; ++k) {
          if (k >= 5 && seconds_since(began) > kSecondsPerQuestion) break;
          auto start = Clock::now();
          c.lib();
          samples.push_back(seconds_since(start) * 1e6);
        }
        latency_us.push_back(euiomkb::bench::median(samples));
      }
    }

    std::vector<double> one_record_ms;
    // The bulk import's pages may still be waiting in the OS cache: the first commit's fsync would
    // pay for writing them, which is not the one-record import's cost.
    ::sync();
    {
      KnowledgeBase kb = KnowledgeBase::open(db, KnowledgeBase::Mode::read_write);
      std::string quote = first_report_quote(data);
      auto documents = euiomkb::bench::documents_in(data);
      for (int k = 1; k <= 3; ++k) {
        fs::path file = work / ("one-record-" + std::to_string(k) + ".facts");
        {
          std::ofstream out(file, std::ios::binary);
          out << "meeting g-one-record-" << k << "\n  title: One-record import probe " << k
              << "\n  held_on: 2025-01-15\n  cite: g-report-00000 | " << quote
              << "\n  cite_note: a probe record; the passage stands in for its source\n";
        }
        auto start = Clock::now();
        kb.import_fact_files({file}, documents);
        one_record_ms.push_back(seconds_since(start) * 1e3);
        fs::remove(file);
      }
    }

    std::cout << std::fixed << "| " << meetings << " | " << rows << " | " << std::setprecision(2)
              << imported.seconds << " | " << std::setprecision(0)
              << static_cast<double>(rows) / imported.seconds << " | " << std::setprecision(1)
              << static_cast<double>(imported.peak_rss_kib) / 1024.0 << " | "
              << file_bytes / (1024.0 * 1024.0) << " |";
    for (double us : latency_us) std::cout << ' ' << std::setprecision(1) << us << " |";
    std::cout << ' ' << std::setprecision(1) << euiomkb::bench::median(one_record_ms) << " |\n";
  } catch (const std::exception& e) {
    std::cerr << "euiomkb_bench_scale: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
