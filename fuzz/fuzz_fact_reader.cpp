// libFuzzer target: the fact-file parser (fuzz_targets.hpp).
#include "fuzz_targets.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  euiomkb::fuzz::fact_reader_one(data, size);
  return 0;
}
