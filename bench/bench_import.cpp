// Importing a published report: the sample's text (965 lines) into a draft inspection,
// everything included (parsing, matching against the rule book, drafting, writing the YAML and
// reading it back).

#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>

#include "spur/import.hpp"

namespace {

std::string sample_report() {
  std::ifstream in(std::string(SPUR_SOURCE_DIR) +
                   "/tests/data/reports/spur-report-palliativ-sydostra-skane.txt");
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

static void BM_ImportSampleReport(benchmark::State& state) {
  const spur::RuleBook book = spur::RuleBook::load(std::string(SPUR_SOURCE_DIR) + "/rules");
  const std::string text = sample_report();
  for (auto _ : state) {
    auto result = spur::import_report_data(book, text, "report.txt");
    benchmark::DoNotOptimize(result);
  }
}
BENCHMARK(BM_ImportSampleReport)->Unit(benchmark::kMillisecond);
