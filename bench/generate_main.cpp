// euiomkb_generate N OUTDIR: writes a synthetic data set of N meetings (see generate.hpp) into
// OUTDIR/facts and OUTDIR/sources, and prints what it wrote.
#include <charconv>
#include <cstdlib>
#include <iostream>
#include <string_view>

#include "generate.hpp"

int main(int argc, char** argv) {
  std::int64_t meetings = -1;
  if (argc == 3) {
    std::string_view text = argv[1];
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), meetings);
    if (error != std::errc() || end != text.data() + text.size()) meetings = -1;
  }
  if (meetings < 0) {
    std::cerr << "usage: euiomkb_generate N OUTDIR\n"
                 "Writes fact files and source documents of N synthetic meetings into OUTDIR.\n";
    return 2;
  }
  try {
    euiomkb::bench::GeneratorOptions options;
    options.meetings = meetings;
    options.out_dir = argv[2];
    auto set = euiomkb::bench::generate(options);
    std::cout << set.meetings << " meetings, " << set.people << " people, " << set.records
              << " records, " << set.citations << " citations, " << set.fact_files.size()
              << " fact files, " << set.bytes / 1024 << " KiB in " << options.out_dir.string()
              << "\n";
  } catch (const std::exception& e) {
    std::cerr << "euiomkb_generate: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
