// A generator of synthetic fact files and source documents for benchmarks at scale: N meetings
// of the SOM and HOU series with about ten attendances each, a pool of people who recur across
// meetings (with aliases, posts and tenures), topics under themes, organisations, and a
// citation for every fact whose quotation appears verbatim in a generated document.
//
// The output imports on top of the seeded database (create_seeded): every key it defines starts
// with "g-", and it refers to seed records (organisations dg-home, iom, eeas, ...; themes; the
// Strategic Cooperation Framework scf-2012) as a user's own data would.
//
// Generation streams: memory stays flat in N. The output is a function of (meetings, seed) only.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "euiomkb/knowledge_base.hpp"

namespace euiomkb::bench {

struct GeneratorOptions {
  std::int64_t meetings = 1000;
  std::filesystem::path out_dir;  // receives facts/*.facts and sources/*.txt
  std::uint64_t seed = 20261123;  // fixed: the same options give the same bytes
  std::int64_t meetings_per_file = 10000;
  std::int64_t meetings_per_document = 50;  // one meeting report per this many meetings
};

// What generate() wrote.
struct GeneratedSet {
  std::vector<std::filesystem::path> fact_files;  // in import order
  std::filesystem::path sources_dir;
  std::int64_t meetings = 0;
  std::int64_t people = 0;
  std::int64_t records = 0;    // fact records written
  std::int64_t citations = 0;  // cite: lines written
  std::int64_t bytes = 0;      // of fact files and documents
};

// Writes the data set into options.out_dir (created if missing; files of an earlier run are
// overwritten). Throws std::runtime_error when a file cannot be written.
GeneratedSet generate(const GeneratorOptions& options);

// The fact files of a generated set in `out_dir`, in import order.
std::vector<std::filesystem::path> fact_files_in(const std::filesystem::path& out_dir);

// Reads documents from `out_dir`/sources; std::nullopt for a name that is not there.
DocumentProvider documents_in(const std::filesystem::path& out_dir);

// The key generate() gives meeting number `index` (0-based), e.g. "g-m-42".
std::string generated_meeting_key(std::int64_t index);

}  // namespace euiomkb::bench
