// A console reporter that also keeps, for every benchmark, its median real time and counters
// (the median over --benchmark_repetitions, or the single run; real or CPU time), and prints the
// pairs named BM_<Question>/lib and BM_<Question>/raw as a markdown table with lib / raw.
#pragma once

#include <benchmark/benchmark.h>

#include <iomanip>
#include <map>
#include <ostream>
#include <string>

namespace euiomkb::bench {

class PairReporter : public benchmark::ConsoleReporter {
 public:
  void ReportRuns(const std::vector<Run>& runs) override {
    ConsoleReporter::ReportRuns(runs);
    for (const Run& run : runs) {
      if (run.error_occurred) continue;
      std::string name = run.run_name.function_name;
      bool is_median = run.run_type == Run::RT_Aggregate && run.aggregate_name == "median";
      if (run.run_type == Run::RT_Aggregate && !is_median) continue;
      if (is_median || !time_.count(name)) {
        time_[name] = cpu_time_ ? run.GetAdjustedCPUTime() : run.GetAdjustedRealTime();
        counters_[name] = run.counters;
      }
    }
  }

  void Finalize() override {
    ConsoleReporter::Finalize();
    std::ostream& out = GetOutputStream();
    std::string unit = time_unit_ == benchmark::kMillisecond ? "ms" : "µs";
    out << "\n| benchmark | lib (" << unit << ") | raw (" << unit
        << ") | lib / raw |\n|---|---:|---:|---:|\n";
    for (const auto& [name, lib] : time_) {
      if (!name.ends_with("/lib")) continue;
      std::string stem = name.substr(0, name.size() - 4);
      auto raw = time_.find(stem + "/raw");
      if (raw == time_.end()) continue;
      out << "| " << stem.substr(3) << " | " << std::fixed << std::setprecision(2) << lib << " | "
          << raw->second << " | " << std::setprecision(3) << lib / raw->second << " |\n";
    }
    out << std::defaultfloat;
  }

  // Compare CPU time (default: real time). On a shared machine the CPU time of a query that
  // does no I/O is the steadier figure.
  void use_cpu_time(bool cpu_time) { cpu_time_ = cpu_time; }
  // The unit the table states (every benchmark of the binary must use it).
  void set_time_unit(benchmark::TimeUnit unit) { time_unit_ = unit; }
  const std::map<std::string, double>& times() const { return time_; }
  const std::map<std::string, benchmark::UserCounters>& counters() const { return counters_; }

 private:
  benchmark::TimeUnit time_unit_ = benchmark::kMicrosecond;
  bool cpu_time_ = false;
  std::map<std::string, double> time_;
  std::map<std::string, benchmark::UserCounters> counters_;
};

}  // namespace euiomkb::bench
