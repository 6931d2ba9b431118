// euiomkb_bench_import: issue 5, item 7. Import throughput in rows per second:
//   BM_Import/lib  KnowledgeBase::import_fact_files of a generated data set into a fresh copy of
//                  the seeded database (verify() of the result included, as in every import
//                  since issue 18), with the parse, validate and insert stages of
//                  ImportSummary::timings and ImportSummary::statements_prepared as counters;
//   BM_Import/raw  the SAME rows inserted with prepared INSERTs in one transaction into a fresh
//                  copy of the seeded database (foreign keys on, as the library has them).
// The same rows: in setup the library imports the set into database A; every row of every table
// (kb_search included) that A holds and the seeded database does not is read into memory, and
// the raw twin inserts exactly those rows. "rows" counts them.
//
// --via=import_files: both the reference import and BM_Import/lib go through
// KnowledgeBase::import_files (as `euiomkb import` does: hashing, the import log, provenance
// and verify() of the result) instead of import_fact_files; the raw twin then inserts the log
// and provenance rows too.
//
// The data set: EUIOMKB_BENCH_IMPORT_DIR=DIR (a directory euiomkb_generate wrote), else
// --meetings=N or EUIOMKB_BENCH_IMPORT_N=N meetings (default 1000) generated into a temporary
// directory.
#include <benchmark/benchmark.h>
#include <sqlite3.h>

#include <cstdlib>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <variant>

#include "euiomkb/knowledge_base.hpp"
#include "generate.hpp"
#include "pair_reporter.hpp"
#include "questions.hpp"
#include "scratch.hpp"

namespace {

namespace fs = std::filesystem;
using euiomkb::KnowledgeBase;
using euiomkb::bench::RawDatabase;
using euiomkb::bench::RawStatement;

using Value = std::variant<std::monostate, std::int64_t, double, std::string>;

// The rows one table gained, column by column.
struct TableRows {
  std::string name;
  std::string insert;  // INSERT INTO name (columns) VALUES (?, ...)
  int columns = 0;
  std::vector<Value> values;  // row-major
  std::int64_t rows() const {
    return columns ? static_cast<std::int64_t>(values.size()) / columns : 0;
  }
};

void exec(sqlite3* db, const std::string& sql) {
  char* error = nullptr;
  if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
    std::string message = error ? error : "unknown error";
    sqlite3_free(error);
    throw std::runtime_error(sql.substr(0, 60) + ": " + message);
  }
}

std::string quoted(const std::string& name) { return "\"" + name + "\""; }

// Every row of `a` that `seeded` lacks, per table, in the order the tables were created (the
// order their foreign keys allow).
std::vector<TableRows> new_rows(const std::string& a, const std::string& seeded) {
  RawDatabase db(a, SQLITE_OPEN_READWRITE);
  RawStatement attach(db.get(), "ATTACH DATABASE ?1 AS seeded");
  sqlite3_bind_text(attach.get(), 1, seeded.c_str(), -1, SQLITE_TRANSIENT);
  if (sqlite3_step(attach.get()) != SQLITE_DONE) throw std::runtime_error("cannot attach");

  std::vector<std::string> tables;
  {
    RawStatement list(db.get(), R"sql(
SELECT name FROM main.sqlite_schema
 WHERE type = 'table' AND name NOT LIKE 'sqlite%' AND name NOT LIKE 'kb\_search\_%' ESCAPE '\'
 ORDER BY rowid)sql");
    while (sqlite3_step(list.get()) == SQLITE_ROW)
      tables.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(list.get(), 0)));
  }
  std::vector<TableRows> out;
  for (const std::string& table : tables) {
    // kb_search: its visible columns (its rowid is the index's own business).
    std::string columns = table == "kb_search" ? "kind, ref_id, label, body" : "*";
    RawStatement select(db.get(), "SELECT " + columns + " FROM main." + quoted(table) +
                                      " EXCEPT SELECT " + columns + " FROM seeded." +
                                      quoted(table));
    TableRows rows;
    rows.name = table;
    rows.columns = sqlite3_column_count(select.get());
    std::string names, marks;
    for (int c = 0; c < rows.columns; ++c) {
      names += (c ? ", " : "") + quoted(sqlite3_column_name(select.get(), c));
      marks += c ? ", ?" : "?";
    }
    rows.insert = "INSERT INTO " + quoted(table) + " (" + names + ") VALUES (" + marks + ")";
    while (sqlite3_step(select.get()) == SQLITE_ROW) {
      for (int c = 0; c < rows.columns; ++c) {
        sqlite3_stmt* s = select.get();
        switch (sqlite3_column_type(s, c)) {
          case SQLITE_INTEGER:
            rows.values.emplace_back(static_cast<std::int64_t>(sqlite3_column_int64(s, c)));
            break;
          case SQLITE_FLOAT:
            rows.values.emplace_back(sqlite3_column_double(s, c));
            break;
          case SQLITE_NULL:
            rows.values.emplace_back(std::monostate{});
            break;
          default:
            rows.values.emplace_back(
                std::string(reinterpret_cast<const char*>(sqlite3_column_text(s, c)),
                            static_cast<std::size_t>(sqlite3_column_bytes(s, c))));
        }
      }
    }
    if (!rows.values.empty()) out.push_back(std::move(rows));
  }
  return out;
}

// The raw twin: one transaction of prepared INSERTs, each bound and stepped.
void insert_rows(sqlite3* db, const std::vector<TableRows>& tables) {
  exec(db, "BEGIN IMMEDIATE");
  for (const TableRows& table : tables) {
    RawStatement insert(db, table.insert);
    sqlite3_stmt* s = insert.get();
    for (std::size_t at = 0; at < table.values.size();
         at += static_cast<std::size_t>(table.columns)) {
      for (int c = 0; c < table.columns; ++c) {
        const Value& v = table.values[at + static_cast<std::size_t>(c)];
        if (auto* i = std::get_if<std::int64_t>(&v)) {
          sqlite3_bind_int64(s, c + 1, *i);
        } else if (auto* d = std::get_if<double>(&v)) {
          sqlite3_bind_double(s, c + 1, *d);
        } else if (auto* text = std::get_if<std::string>(&v)) {
          sqlite3_bind_text(s, c + 1, text->data(), static_cast<int>(text->size()), SQLITE_STATIC);
        } else {
          sqlite3_bind_null(s, c + 1);
        }
      }
      if (sqlite3_step(s) != SQLITE_DONE)
        throw std::runtime_error(table.name + ": " + sqlite3_errmsg(db));
      sqlite3_reset(s);
    }
  }
  exec(db, "COMMIT");
}

double seconds(std::chrono::nanoseconds t) { return std::chrono::duration<double>(t).count(); }

}  // namespace

int main(int argc, char** argv) {
  std::string meetings_flag = euiomkb::bench::take_flag(argc, argv, "--meetings");
  std::string via = euiomkb::bench::take_flag(argc, argv, "--via");
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 2;
  try {
    euiomkb::bench::Scratch scratch;
    fs::path data;
    if (const char* dir = std::getenv("EUIOMKB_BENCH_IMPORT_DIR")) {
      data = dir;
    } else {
      euiomkb::bench::GeneratorOptions options;
      const char* n = std::getenv("EUIOMKB_BENCH_IMPORT_N");
      options.meetings = !meetings_flag.empty() ? std::stoll(meetings_flag)
                         : n                    ? std::stoll(n)
                                                : 1000;
      options.out_dir = scratch.dir() / "data";
      euiomkb::bench::generate(options);
      data = options.out_dir;
    }
    auto files = euiomkb::bench::fact_files_in(data);
    auto documents = euiomkb::bench::documents_in(data);
    if (!via.empty() && via != "import_files" && via != "import_fact_files") {
      std::cerr << "euiomkb_bench_import: --via takes import_files or import_fact_files\n";
      return 2;
    }
    // One import the way --via says (both run verify() of the result, as every import does).
    auto import = [&](KnowledgeBase& kb) {
      if (via != "import_files") return kb.import_fact_files(files, documents);
      euiomkb::ImportOptions options;
      options.documents = data / "sources";
      euiomkb::ImportReport report = kb.import_files(files, options);
      if (report.outcome != euiomkb::ImportOutcome::imported) {
        std::string problems;
        for (const auto& problem : report.problems) problems += "\n" + problem.to_string();
        throw std::runtime_error("import_files did not import the set:" + problems);
      }
      euiomkb::ImportSummary summary;
      summary.records = report.records;
      summary.citations = report.citations;
      summary.timings = report.timings;
      summary.statements_prepared = report.statements_prepared;
      return summary;
    };

    std::string seeded = scratch.path("seeded.db");
    KnowledgeBase::create_seeded(seeded);
    std::string a = scratch.path("a.db");
    fs::copy_file(seeded, a);
    euiomkb::ImportSummary reference;
    {
      KnowledgeBase kb = KnowledgeBase::open(a, KnowledgeBase::Mode::read_write);
      reference = import(kb);
    }
    const std::vector<TableRows> rows = new_rows(a, seeded);
    std::int64_t row_count = 0;
    for (const auto& table : rows) row_count += table.rows();
    std::cout << "data set: " << data.string() << " (" << files.size() << " fact files, "
              << reference.records << " records, " << reference.citations << " citations, "
              << row_count << " rows with search and key rows)\n";

    std::string target = scratch.path("target.db");
    auto fresh_copy = [&] { fs::copy_file(seeded, target, fs::copy_options::overwrite_existing); };
    auto rows_counter = static_cast<double>(row_count);

    benchmark::RegisterBenchmark(
        "BM_Import/lib",
        [&](benchmark::State& state) {
          double parse = 0, validate = 0, insert = 0;
          std::int64_t prepared = 0;
          for (auto _ : state) {
            state.PauseTiming();
            fresh_copy();
            {
              KnowledgeBase kb = KnowledgeBase::open(target, KnowledgeBase::Mode::read_write);
              state.ResumeTiming();
              euiomkb::ImportSummary summary = import(kb);
              state.PauseTiming();
              parse += seconds(summary.timings.parse);
              validate += seconds(summary.timings.validate);
              insert += seconds(summary.timings.insert);
              prepared = summary.statements_prepared;
            }
            state.ResumeTiming();
          }
          auto n = static_cast<double>(state.iterations());
          state.counters["rows"] = rows_counter;
          state.counters["rows_per_s"] =
              benchmark::Counter(rows_counter, benchmark::Counter::kIsIterationInvariantRate);
          state.counters["parse_s"] = parse / n;
          state.counters["validate_s"] = validate / n;
          state.counters["insert_s"] = insert / n;
          state.counters["statements_prepared"] = static_cast<double>(prepared);
        })
        ->Unit(benchmark::kMillisecond)
        ->UseRealTime();

    benchmark::RegisterBenchmark("BM_Import/raw",
                                 [&](benchmark::State& state) {
                                   for (auto _ : state) {
                                     state.PauseTiming();
                                     fresh_copy();
                                     {
                                       RawDatabase db(target, SQLITE_OPEN_READWRITE);
                                       exec(db.get(), "PRAGMA foreign_keys = ON");
                                       state.ResumeTiming();
                                       insert_rows(db.get(), rows);
                                       state.PauseTiming();
                                     }
                                     state.ResumeTiming();
                                   }
                                   state.counters["rows"] = rows_counter;
                                   state.counters["rows_per_s"] = benchmark::Counter(
                                       rows_counter, benchmark::Counter::kIsIterationInvariantRate);
                                 })
        ->Unit(benchmark::kMillisecond)
        ->UseRealTime();

    euiomkb::bench::PairReporter reporter;
    reporter.set_time_unit(benchmark::kMillisecond);
    benchmark::RunSpecifiedBenchmarks(&reporter);

    // Throughput and the insert stage against raw.
    const auto& times = reporter.times();
    const auto& counters = reporter.counters();
    if (times.count("BM_Import/lib") && times.count("BM_Import/raw")) {
      double lib_ms = times.at("BM_Import/lib"), raw_ms = times.at("BM_Import/raw");
      const auto& c = counters.at("BM_Import/lib");
      double insert_s = c.at("insert_s").value;
      std::cout << std::fixed << std::setprecision(0)
                << "\n| import | rows | lib rows/s | raw rows/s"
                << " | lib / raw throughput | insert stage (s) | insert stage / raw |"
                << " parse (s) | validate (s) | statements prepared |\n"
                << "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n"
                << "| " << files.size() << " files | " << row_count << " | "
                << rows_counter / (lib_ms / 1e3) << " | " << rows_counter / (raw_ms / 1e3) << " | "
                << std::setprecision(3) << raw_ms / lib_ms << " | " << insert_s << " | "
                << (insert_s > 0 ? std::to_string(insert_s / (raw_ms / 1e3)) : std::string("n/a"))
                << " | " << c.at("parse_s").value << " | " << c.at("validate_s").value << " | "
                << std::setprecision(0) << c.at("statements_prepared").value << " |\n";
    }
    benchmark::Shutdown();
  } catch (const std::exception& e) {
    std::cerr << "euiomkb_bench_import: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
