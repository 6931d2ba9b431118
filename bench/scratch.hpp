// Small helpers shared by the benchmark programs: a temporary directory removed at exit, and
// a reader of --name=value flags that Google Benchmark does not know.
#pragma once

#include <filesystem>
#include <random>
#include <string>
#include <string_view>

namespace euiomkb::bench {

class Scratch {
 public:
  Scratch() {
    std::random_device random;
    dir_ = std::filesystem::temp_directory_path() / ("euiomkb-bench-" + std::to_string(random()));
    std::filesystem::create_directories(dir_);
  }
  ~Scratch() {
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }
  Scratch(const Scratch&) = delete;
  Scratch& operator=(const Scratch&) = delete;
  const std::filesystem::path& dir() const { return dir_; }
  std::string path(const std::string& name) const { return (dir_ / name).string(); }

 private:
  std::filesystem::path dir_;
};

// Removes --`flag`=value from argv and returns the value ("" when absent).
inline std::string take_flag(int& argc, char** argv, std::string_view flag) {
  std::string value;
  int kept = 1;
  for (int k = 1; k < argc; ++k) {
    std::string_view arg = argv[k];
    if (arg.starts_with(flag) && arg.size() > flag.size() && arg[flag.size()] == '=') {
      value = std::string(arg.substr(flag.size() + 1));
    } else {
      argv[kept++] = argv[k];
    }
  }
  argc = kept;
  return value;
}

}  // namespace euiomkb::bench
