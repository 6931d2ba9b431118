// Replays the fuzz seed corpus and every regression input (fuzz/) through the fuzz targets'
// code under the ordinary build: an input that once crashed stays fixed.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "fuzz_targets.hpp"
#include "test_support.hpp"

namespace euiomkb {
namespace {

namespace fs = std::filesystem;

std::vector<fs::path> inputs(const std::string& directory) {
  std::vector<fs::path> files;
  fs::path root = fs::path(EUIOMKB_SOURCE_DIR) / "fuzz" / directory;
  for (const auto& entry : fs::recursive_directory_iterator(root))
    if (entry.is_regular_file() && entry.path().filename() != ".keep")
      files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

void replay(const std::vector<fs::path>& files,
            const std::function<void(const std::string&)>& run) {
  for (const fs::path& file : files) {
    SCOPED_TRACE(file.string());
    std::string bytes = test::read_file(file.string());
    EXPECT_NO_THROW(run(bytes));
  }
}

TEST(FuzzReplay, ParserCorpusAndRegressions) {
  auto files = inputs("corpus");
  auto regressions = inputs("regressions");
  files.insert(files.end(), regressions.begin(), regressions.end());
  ASSERT_GT(files.size(), 20u);
  replay(files, [](const std::string& bytes) {
    fuzz::fact_reader_one(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
  });
}

TEST(FuzzReplay, ImportCorpusAndRegressions) {
  auto files = inputs("corpus/import");
  auto regressions = inputs("regressions");
  files.insert(files.end(), regressions.begin(), regressions.end());
  fuzz::ImportFuzzer fuzzer;
  replay(files, [&](const std::string& bytes) {
    fuzzer.one(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
  });
}

}  // namespace
}  // namespace euiomkb
