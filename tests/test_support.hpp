// Helpers shared by the tests: temporary database files and raw SQL access.
#pragma once

#include <SQLiteCpp/Database.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

#include "text/text.hpp"

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

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// SHA-256 of a file's bytes: proves a failed write left it exactly as it was.
inline std::string file_hash(const std::string& path) {
  return detail::sha256_hex(read_file(path));
}

// Runs SQL directly on a database file, bypassing the library (to tamper with it).
inline void raw_exec(const std::string& path, const std::string& sql) {
  SQLite::Database db(path, SQLite::OPEN_READWRITE);
  db.exec(sql);
}

inline std::string seed_file(const std::string& relative) {
  return read_file(std::string(EUIOMKB_SOURCE_DIR) + "/" + relative);
}

}  // namespace euiomkb::test
