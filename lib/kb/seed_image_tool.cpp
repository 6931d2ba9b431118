// Build-time tool: writes the seed image, the finished seeded database that the library embeds
// and KnowledgeBase::create_seeded copies. Usage: euiomkb_seed_image OUTPUT
//
// It links every object of the library except the image itself (the seed_image() below is
// empty), and builds the seed through the ordinary path, detail::create_seeded_by_import: the
// migrations, then the embedded fact files with the embedded documents. `VACUUM INTO` then writes
// a compact copy: no free pages, rollback-journal header (never WAL), so equal inputs give equal
// bytes. OUTPUT appears only once checked (schema version, header, verify). Exits 1 on failure.
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <span>
#include <string>

#include "euiomkb/knowledge_base.hpp"
#include "kb/embedded.hpp"
#include "kb/seed.hpp"

namespace euiomkb::detail {

std::span<const unsigned char> seed_image() { return {}; }

}  // namespace euiomkb::detail

namespace {

namespace fs = std::filesystem;

constexpr std::string_view kVacuumInto = "VACUUM INTO ?";

// Header bytes 18 and 19: file format write and read versions, 1 for a rollback journal, 2 for WAL.
void check_header(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  char header[100] = {};
  if (!in.read(header, sizeof header)) throw std::runtime_error("cannot read back " + path);
  if (header[18] != 1 || header[19] != 1)
    throw std::runtime_error(path + " is not in rollback-journal format");
}

void write_image(const std::string& output) {
  std::string scratch = output + ".import";
  std::string staging = output + ".partial";
  for (const auto& stale : {scratch, staging}) fs::remove(stale);
  euiomkb::detail::create_seeded_by_import(scratch);
  {
    SQLite::Database db(scratch, SQLite::OPEN_READONLY);
    SQLite::Statement vacuum(db, std::string(kVacuumInto));
    vacuum.bind(1, staging);
    vacuum.exec();
  }
  fs::remove(scratch);
  check_header(staging);
  {
    auto kb = euiomkb::KnowledgeBase::open(staging, euiomkb::KnowledgeBase::Mode::read_only);
    if (kb.schema_version() != euiomkb::KnowledgeBase::latest_schema_version())
      throw std::runtime_error("the image's schema version is not the latest");
    auto report = kb.verify();
    if (!report.ok()) {
      for (const std::string& problem : report.problems) std::cerr << "FAIL " << problem << "\n";
      throw std::runtime_error(
          "the image does not verify: " + std::to_string(report.problems.size()) + " problem(s)");
    }
  }
  fs::rename(staging, output);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: euiomkb_seed_image OUTPUT\n";
    return 2;
  }
  try {
    write_image(argv[1]);
  } catch (const std::exception& e) {
    std::cerr << "euiomkb_seed_image: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
