// libFuzzer target: a whole import (fuzz_targets.hpp), dry run into the seeded database in memory.
#include "fuzz_targets.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static euiomkb::fuzz::ImportFuzzer fuzzer;
  fuzzer.one(data, size);
  return 0;
}
