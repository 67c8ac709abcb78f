// Loading and validating the bundled rule book (target: <= 5 ms).

#include <benchmark/benchmark.h>

#include "spur/rule_book.hpp"

static void BM_LoadBundledRules(benchmark::State& state) {
  const std::filesystem::path rules = std::filesystem::path(SPUR_SOURCE_DIR) / "rules";
  for (auto _ : state) {
    spur::LoadResult result = spur::load_rules(rules);
    if (!result.book) state.SkipWithError("the bundled rules did not load");
    benchmark::DoNotOptimize(result);
  }
}
BENCHMARK(BM_LoadBundledRules)->Unit(benchmark::kMillisecond);
