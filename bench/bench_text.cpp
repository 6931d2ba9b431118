// euiomkb_bench_text: issue 13, item 8. Locating a quotation with ellipses in a large document:
//   BM_LocateQuote/<KiB>  locate_quote of "alpha … beta … omega" in a document of <KiB> KiB of
//                         "alpha beta gamma. " (every sentence a near-match that starts the
//                         quotation and lacks its last part) ending in the one full match.
// Work per document byte stays flat as the document grows when the search is linear; a search
// that looks for the missing part through the rest of the text from each start grows with the
// document (quadratic in all).
#include <benchmark/benchmark.h>

#include <cstdint>
#include <string>

#include "text/text.hpp"

namespace {

void BM_LocateQuote(benchmark::State& state) {
  std::string text;
  const auto bytes = static_cast<std::size_t>(state.range(0)) << 10;
  while (text.size() < bytes) text += "alpha beta gamma. ";
  text += "alpha beta omega.";
  euiomkb::detail::FoldedText folded = euiomkb::detail::fold_whitespace(text);
  for (auto _ : state) {
    auto span = euiomkb::detail::locate_quote(folded, "alpha \xE2\x80\xA6 beta \xE2\x80\xA6 omega");
    if (!span) state.SkipWithError("not found");
    benchmark::DoNotOptimize(span);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(text.size()));
}
BENCHMARK(BM_LocateQuote)->Arg(64)->Arg(256)->Arg(1024)->Arg(5120)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
