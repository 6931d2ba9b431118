// A temporary database path for tests, on its own so that suites without the library's private
// headers (the tool's) can use it.
#pragma once

#include <filesystem>
#include <random>
#include <string>
#include <system_error>

namespace euiomkb::test {

// A path in the temporary directory, removed (with SQLite side files) when destroyed.
class TempPath {
 public:
  explicit TempPath(const std::string& stem = "euiomkb-test") {
    std::random_device random;
    path_ =
        (std::filesystem::temp_directory_path() / (stem + "-" + std::to_string(random()) + ".db"))
            .string();
  }
  ~TempPath() {
    std::error_code ignored;
    for (const char* suffix : {"", "-journal", "-wal", "-shm"})
      std::filesystem::remove(path_ + suffix, ignored);
  }
  TempPath(const TempPath&) = delete;
  TempPath& operator=(const TempPath&) = delete;
  const std::string& str() const { return path_; }

 private:
  std::string path_;
};

}  // namespace euiomkb::test
