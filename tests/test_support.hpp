// Helpers shared by the tests: temporary database files and raw SQL access.
#pragma once

#include <SQLiteCpp/Database.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

#include "temp_path.hpp"
#include "text/text.hpp"

namespace euiomkb::test {

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
