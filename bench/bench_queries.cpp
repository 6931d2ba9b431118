// euiomkb_bench_queries: questions 1-6 and 8 of issue 5, each through the library
// (BM_<Question>/lib) and through the sqlite3 C API (BM_<Question>/raw), on the same database in
// the same run. After the runs it prints a markdown table of the pairs: lib median, raw median
// and their ratio, in CPU time (the medians over --benchmark_repetitions; a single run when
// there is one). The on-disk creation writes a file: compare its real time in the console.
//
// The database: --db=PATH or EUIOMKB_BENCH_DB=PATH (e.g. a generated one from the scale runner),
// else a freshly seeded one in a temporary file. The library and raw answers are checked equal
// once before timing; a difference ends the program with status 1.
#include <benchmark/benchmark.h>
#include <sqlite3.h>

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "euiomkb/knowledge_base.hpp"
#include "pair_reporter.hpp"
#include "questions.hpp"
#include "scratch.hpp"

namespace {

namespace fs = std::filesystem;
using euiomkb::KnowledgeBase;
using euiomkb::bench::RawDatabase;
using euiomkb::bench::RawQueries;
using euiomkb::bench::Scratch;
using euiomkb::bench::take_flag;

// The finished seeded database as bytes (sqlite3_serialize of a seeded file).
std::string seeded_image(const std::string& seeded_path) {
  RawDatabase db(seeded_path);
  sqlite3_int64 size = 0;
  unsigned char* bytes = sqlite3_serialize(db.get(), "main", &size, 0);
  if (!bytes) throw std::runtime_error("cannot serialize the seeded database");
  std::string image(reinterpret_cast<const char*>(bytes), static_cast<std::size_t>(size));
  sqlite3_free(bytes);
  return image;
}

}  // namespace

int main(int argc, char** argv) {
  std::string db_path = take_flag(argc, argv, "--db");
  if (db_path.empty() && std::getenv("EUIOMKB_BENCH_DB")) db_path = std::getenv("EUIOMKB_BENCH_DB");
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 2;

  try {
    Scratch scratch;
    std::string seeded = scratch.path("seeded.db");
    KnowledgeBase::create_seeded(seeded);
    if (db_path.empty()) db_path = seeded;
    std::cout << "database: " << db_path << "\n";

    KnowledgeBase kb = KnowledgeBase::open(db_path, KnowledgeBase::Mode::read_only);
    RawDatabase raw_db(db_path);
    RawQueries raw(raw_db.get());
    euiomkb::bench::Subjects subjects = euiomkb::bench::choose_subjects(raw_db.get());
    euiomkb::bench::check_same_answers(kb, raw, subjects);

    // Questions 1-6.
    auto cases = euiomkb::bench::question_cases(kb, raw, subjects);
    for (const auto& c : cases) {
      for (auto [side, call] : {std::pair{"lib", &c.lib}, std::pair{"raw", &c.raw}}) {
        benchmark::RegisterBenchmark(("BM_" + c.name + "/" + side).c_str(),
                                     [call](benchmark::State& state) {
                                       for (auto _ : state) benchmark::DoNotOptimize((*call)());
                                     })
            ->Unit(benchmark::kMicrosecond);
      }
    }

    // 8. Cold start: open the database and answer a first question.
    auto meeting = subjects.meeting;
    benchmark::RegisterBenchmark("BM_OpenAndFirstQuestion/lib", [&](benchmark::State& state) {
      for (auto _ : state) {
        KnowledgeBase cold = KnowledgeBase::open(db_path, KnowledgeBase::Mode::read_only);
        benchmark::DoNotOptimize(cold.meetings().find(meeting));
      }
    })->Unit(benchmark::kMicrosecond);
    benchmark::RegisterBenchmark("BM_OpenAndFirstQuestion/raw", [&](benchmark::State& state) {
      for (auto _ : state) {
        RawDatabase cold(db_path);
        benchmark::DoNotOptimize(RawQueries::meeting_once(cold.get(), meeting));
      }
    })->Unit(benchmark::kMicrosecond);

    // 8. Creating the seeded database; the raw twin loads the finished image.
    std::string image = seeded_image(seeded);
    benchmark::RegisterBenchmark("BM_CreateSeededInMemory/lib", [](benchmark::State& state) {
      for (auto _ : state) benchmark::DoNotOptimize(KnowledgeBase::create_seeded(":memory:"));
    })->Unit(benchmark::kMicrosecond);
    benchmark::RegisterBenchmark("BM_CreateSeededInMemory/raw", [&](benchmark::State& state) {
      for (auto _ : state) {
        RawDatabase db(":memory:", SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
        auto* bytes = static_cast<unsigned char*>(sqlite3_malloc64(image.size()));
        std::memcpy(bytes, image.data(), image.size());
        auto size = static_cast<sqlite3_int64>(image.size());
        if (sqlite3_deserialize(db.get(), "main", bytes, size, size,
                                SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_RESIZEABLE) !=
            SQLITE_OK)
          state.SkipWithError("sqlite3_deserialize failed");
      }
    })->Unit(benchmark::kMicrosecond);
    std::string lib_file = scratch.path("created-lib.db");
    std::string raw_file = scratch.path("created-raw.db");
    benchmark::RegisterBenchmark("BM_CreateSeededOnDisk/lib", [&](benchmark::State& state) {
      for (auto _ : state) {
        benchmark::DoNotOptimize(
            KnowledgeBase::create_seeded(lib_file, KnowledgeBase::Existing::replace));
      }
    })->Unit(benchmark::kMicrosecond);
    benchmark::RegisterBenchmark("BM_CreateSeededOnDisk/raw", [&](benchmark::State& state) {
      for (auto _ : state) {
        {
          std::ofstream out(raw_file, std::ios::binary | std::ios::trunc);
          out.write(image.data(), static_cast<std::streamsize>(image.size()));
        }
        RawDatabase db(raw_file, SQLITE_OPEN_READWRITE);
        benchmark::DoNotOptimize(db.get());
      }
    })->Unit(benchmark::kMicrosecond);

    euiomkb::bench::PairReporter reporter;
    reporter.use_cpu_time(true);
    benchmark::RunSpecifiedBenchmarks(&reporter);
    benchmark::Shutdown();
  } catch (const std::exception& e) {
    std::cerr << "euiomkb_bench_queries: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
