// Reading date phrases: the short ones action plans write, and long ones that must stay linear.

#include <benchmark/benchmark.h>

#include <cstdint>
#include <string>

#include "spur/dates.hpp"

namespace {

// ",a" repeated after a date: every part looks back for the date it is anchored on.
std::string long_phrase(std::int64_t bytes) {
  std::string text = "maj 2025";
  while (static_cast<std::int64_t>(text.size()) < bytes) text += ",a";
  return text + ",därefter årligen";
}

}  // namespace

static void BM_ParseShortPhrase(benchmark::State& state) {
  const std::string text = "Rutin klar: 15/3-27, Q3 2025, därefter årligen";
  for (auto _ : state) benchmark::DoNotOptimize(spur::parse_date_phrase(text));
}
BENCHMARK(BM_ParseShortPhrase)->Unit(benchmark::kMicrosecond);

// 50 KB to 400 KB: the time per byte stays flat (linear), where it used to grow with the size.
static void BM_ParseLongPhrase(benchmark::State& state) {
  const std::string text = long_phrase(state.range(0));
  for (auto _ : state) benchmark::DoNotOptimize(spur::parse_date_phrase(text));
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(text.size()));
}
BENCHMARK(BM_ParseLongPhrase)
    ->Arg(50 << 10)
    ->Arg(200 << 10)
    ->Arg(400 << 10)
    ->Unit(benchmark::kMillisecond);
