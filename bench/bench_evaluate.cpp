// Evaluating one inspection into the result structure (target: <= 5 us median for two
// regulations).

#include <benchmark/benchmark.h>

#include "spur/evaluation.hpp"

namespace {

const spur::RuleBook& book() {
  static const spur::RuleBook b =
      spur::RuleBook::load(std::filesystem::path(SPUR_SOURCE_DIR) / "rules");
  return b;
}

// A realistic two-regulation inspection: most requirements met by default, a dozen findings
// including an implication (D6), a partially met provision, E7 differing by regulation, and
// some unknowns that make grades provisional.
std::shared_ptr<const spur::Inspection> two_regulation_inspection() {
  return std::make_shared<const spur::Inspection>(spur::Inspection::parse(R"(
inspection:
  id: bench
  unit: Medicinkliniken
  regulations: [sosfs-2015-8, hslf-fs-2021-8]
  default_status: met
findings:
  A4: not_met
  B9: not_assessed
  D1: {status: not_met, note: "Riktlinjerna är inte kända."}
  D6: not_met
  D13: not_applicable
  E7: {by_regulation: {sosfs-2015-8: met, hslf-fs-2021-8: not_met}}
  E13: not_met
  F3: met
  F6: not_assessed
  G9: not_met
  G10: not_met
  H2: partially_met
  H12: not_met
)",
                                                                          "bench.yaml"));
}

}  // namespace

static void BM_EvaluateTwoRegulations(benchmark::State& state) {
  const auto inspection = two_regulation_inspection();
  for (auto _ : state) {
    spur::Evaluation ev = spur::evaluate(book(), inspection);
    benchmark::DoNotOptimize(ev);
  }
}
BENCHMARK(BM_EvaluateTwoRegulations)
    ->Unit(benchmark::kMicrosecond)
    ->Repetitions(10)
    ->ReportAggregatesOnly(true);

static void BM_EvaluateOneRegulation(benchmark::State& state) {
  auto inspection = std::make_shared<spur::Inspection>(*two_regulation_inspection());
  inspection->regulations = {"sosfs-2015-8"};
  inspection->findings.erase(inspection->findings.begin() + 5);  // E7 by_regulation
  for (auto _ : state) {
    spur::Evaluation ev = spur::evaluate(book(), inspection);
    benchmark::DoNotOptimize(ev);
  }
}
BENCHMARK(BM_EvaluateOneRegulation)
    ->Unit(benchmark::kMicrosecond)
    ->Repetitions(10)
    ->ReportAggregatesOnly(true);

// The bundled example (a real report: 74 findings, an action plan of five entries) graded
// under both regulations at once.
static void BM_EvaluateExampleTwoRegulations(benchmark::State& state) {
  auto inspection = std::make_shared<spur::Inspection>(spur::Inspection::load(
      std::filesystem::path(SPUR_SOURCE_DIR) / "examples" / "palliativ-sydostra-skane.yaml"));
  inspection->regulations = {"sosfs-2015-8", "hslf-fs-2021-8"};
  for (auto _ : state) {
    spur::Evaluation ev = spur::evaluate(book(), inspection);
    benchmark::DoNotOptimize(ev);
  }
}
BENCHMARK(BM_EvaluateExampleTwoRegulations)
    ->Unit(benchmark::kMicrosecond)
    ->Repetitions(10)
    ->ReportAggregatesOnly(true);
