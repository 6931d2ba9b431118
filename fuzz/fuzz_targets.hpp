// What the fuzz targets do with one input, shared by the libFuzzer mains (clang, `fuzz` preset)
// and by tests/import/fuzz_replay_test.cpp, which replays the seed corpus and every regression
// input (fuzz/regressions/) under the ordinary g++ build. A crash, a sanitizer report or an
// exception other than the ones named here is a bug.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <string_view>

#include "euiomkb/euiomkb.hpp"
#include "import/fact_file.hpp"

namespace euiomkb::fuzz {

// The parser, three ways: strict (throws ImportError only), collecting every error (never
// throws), and from a stream. Every way must end.
inline void fact_reader_one(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    detail::FactReader strict("fuzz.facts", text);
    while (strict.next()) {
    }
  } catch (const ImportError&) {
  }
  std::size_t problems = 0;
  detail::FactReader collecting("fuzz.facts", text);
  collecting.collect_errors([&](const ImportError&) { ++problems; });
  while (collecting.next()) {
  }
  std::istringstream stream{std::string(text)};
  detail::FactReader streamed("fuzz.facts", stream);
  streamed.collect_errors([&](const ImportError&) { ++problems; });
  while (streamed.next()) {
  }
}

// The whole import as a user runs it (every check, verify() of the result) against the seeded
// database in memory, as a dry run so that each input starts from the same state. The input
// may cite `notes` after declaring `source notes` with `file: notes.txt`.
class ImportFuzzer {
 public:
  ImportFuzzer() : kb_(KnowledgeBase::create_seeded(":memory:")) {
    std::random_device random;
    dir_ = std::filesystem::temp_directory_path() / ("euiomkb-fuzz-" + std::to_string(random()));
    std::filesystem::create_directories(dir_);
    std::ofstream(dir_ / "notes.txt")
        << "Field notes.\nThe twelfth EU-IOM Senior Officials Meeting was held in\nGeneva on 2 "
           "March 2026, chaired by William L. Swing.\nFunding of EUR 5 million was announced.\n";
  }
  ~ImportFuzzer() {
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }

  // Imports the input; throws only on a bug (an import never throws for bad input).
  void one(const std::uint8_t* data, std::size_t size) {
    std::filesystem::path input = dir_ / "input.facts";
    {
      std::ofstream out(input, std::ios::binary | std::ios::trunc);
      out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    }
    ImportOptions options;
    options.dry_run = true;
    options.documents = dir_;
    ImportReport report = kb_.import_files({input}, options);
    if (report.outcome == ImportOutcome::imported) throw std::logic_error("a dry run imported");
    if (report.outcome == ImportOutcome::rejected && report.problems.empty())
      throw std::logic_error("rejected without a problem");
  }

 private:
  KnowledgeBase kb_;
  std::filesystem::path dir_;
};

}  // namespace euiomkb::fuzz
