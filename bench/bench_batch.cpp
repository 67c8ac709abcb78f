// Grading a status matrix on one thread (target: >= 10 M inspection-regulations a second when
// every finding is known). One item = one inspection graded under one regulation.

#include <benchmark/benchmark.h>

#include <random>

#include "spur/batch.hpp"

namespace {

const spur::RuleBook& book() {
  static const spur::RuleBook b =
      spur::RuleBook::load(std::filesystem::path(SPUR_SOURCE_DIR) / "rules");
  return b;
}

// 20 000 random inspections: a finding for `share` of the requirements (all of them when 1),
// mostly met; `unknown` of the findings not assessed.
spur::StatusMatrix random_matrix(spur::Status default_status, double share, double unknown) {
  std::mt19937 rng(42);
  std::uniform_real_distribution<double> u(0, 1);
  spur::StatusMatrix m = spur::StatusMatrix::filled(book(), 20000, default_status);
  for (std::size_t i = 0; i < m.inspections; ++i)
    for (std::size_t g = 0; g < m.requirements; ++g) {
      if (u(rng) >= share) continue;
      const double x = u(rng);
      m.set(i, g,
            x < unknown ? spur::Status::not_assessed
            : x < 0.85  ? spur::Status::met
            : x < 0.9   ? spur::Status::partially_met
            : x < 0.95  ? spur::Status::not_met
                        : spur::Status::not_applicable);
    }
  return m;
}

void run(benchmark::State& state, const std::vector<std::string>& regs,
         const spur::StatusMatrix& m) {
  const spur::BatchGrader grader(book(), regs);
  spur::BatchGrades out = grader.empty_grades(m.inspections);
  for (auto _ : state) {
    grader.grade(m, 0, m.inspections, out, 1);
    benchmark::DoNotOptimize(out.possible.data());
  }
  state.SetItemsProcessed(
      static_cast<std::int64_t>(state.iterations() * m.inspections * regs.size()));
}

const std::vector<std::string> sosfs{"sosfs-2015-8"};
const std::vector<std::string> both{"sosfs-2015-8", "hslf-fs-2021-8"};

}  // namespace

// Every requirement has a finding, none not assessed: the grades are certain.
static void BM_BatchGradeKnown(benchmark::State& state) {
  static const auto m = random_matrix(spur::Status::met, 1.0, 0.0);
  run(state, sosfs, m);
}
BENCHMARK(BM_BatchGradeKnown)->Unit(benchmark::kMillisecond);

static void BM_BatchGradeKnownTwoRegulations(benchmark::State& state) {
  static const auto m = random_matrix(spur::Status::met, 1.0, 0.0);
  run(state, both, m);
}
BENCHMARK(BM_BatchGradeKnownTwoRegulations)->Unit(benchmark::kMillisecond);

// Findings for 35 % of the requirements, default met, a tenth of the findings not assessed:
// some prerequisites are unknown and their combinations are graded.
static void BM_BatchGradeNotAssessed(benchmark::State& state) {
  static const auto m = random_matrix(spur::Status::met, 0.35, 0.1);
  run(state, sosfs, m);
}
BENCHMARK(BM_BatchGradeNotAssessed)->Unit(benchmark::kMillisecond);

// Default not assessed, findings for 80 %: every inspection has unknown prerequisites.
static void BM_BatchGradeUnknownPrerequisites(benchmark::State& state) {
  static const auto m = random_matrix(spur::Status::not_assessed, 0.8, 0.0);
  run(state, sosfs, m);
}
BENCHMARK(BM_BatchGradeUnknownPrerequisites)->Unit(benchmark::kMillisecond);

// The actions of every inspection under both regulations (as actions_frame lists them), from
// findings for 35 % of the requirements as above.
static void BM_BatchActionsTwoRegulations(benchmark::State& state) {
  static const auto m = random_matrix(spur::Status::met, 0.35, 0.1);
  const spur::BatchGrader grader(book(), both);
  for (auto _ : state) {
    spur::BatchActions actions = grader.actions(m, 1);
    benchmark::DoNotOptimize(actions.requirement.data());
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * m.inspections));
}
BENCHMARK(BM_BatchActionsTwoRegulations)->Unit(benchmark::kMillisecond);
