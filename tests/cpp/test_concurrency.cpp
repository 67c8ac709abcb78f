// Several threads on one shared rule book: evaluation, explanation and plan follow-up read the
// book only, so they may run in parallel. Built as its own executable so that the
// ThreadSanitizer build (scripts/run-tests) compiles only this and the library.

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "spur/batch.hpp"
#include "spur/evaluation.hpp"
#include "spur/explain.hpp"
#include "spur/follow_up.hpp"
#include "spur/json.hpp"
#include "spur/rule_book.hpp"

namespace spur {
namespace {

std::filesystem::path source_dir() {
  return SPUR_SOURCE_DIR;
}

// Every inspection in tests/data/inspections and the example, each read once.
std::vector<std::shared_ptr<const Inspection>> inspections() {
  std::vector<std::filesystem::path> files;
  for (const auto& e :
       std::filesystem::directory_iterator(source_dir() / "tests" / "data" / "inspections"))
    if (e.path().extension() == ".yaml") files.push_back(e.path());
  files.push_back(source_dir() / "examples" / "palliativ-sydostra-skane.yaml");
  std::sort(files.begin(), files.end());
  std::vector<std::shared_ptr<const Inspection>> out;
  for (const auto& f : files)
    out.push_back(std::make_shared<const Inspection>(Inspection::load(f)));
  return out;
}

// What a user sees of an evaluation: its JSON, explanations of two areas, the plan status.
std::string everything(const RuleBook& book, const std::shared_ptr<const Inspection>& insp) {
  const Evaluation ev = evaluate(book, insp);
  std::string out = to_json(ev).dump();
  for (const char* area : {"D", "E"})
    for (const auto& x : explain(ev, area)) out += to_json(x).dump();
  out += to_json(plan_status(ev, *parse_iso_date("2025-06-01")), ev).dump();
  return out;
}

TEST(Concurrency, ThreadsSharingOneRuleBookGetTheSameResultsAsOneThread) {
  const RuleBook book = RuleBook::load(source_dir() / "rules");
  const auto all = inspections();
  ASSERT_GT(all.size(), 20u);
  std::vector<std::string> expected;
  for (const auto& insp : all) expected.push_back(everything(book, insp));

  constexpr int threads = 4;
  constexpr int rounds = 3;
  std::vector<std::vector<std::string>> got(threads);
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t)
    pool.emplace_back([&, t] {
      for (int round = 0; round < rounds; ++round)
        for (std::size_t i = 0; i < all.size(); ++i) {
          // Each thread starts at a different inspection, so different ones overlap.
          const std::size_t k = (i + static_cast<std::size_t>(t) * 7) % all.size();
          std::string result = everything(book, all[k]);
          if (round == 0 && got[t].size() < all.size()) got[t].resize(all.size());
          got[t][k] = std::move(result);
        }
    });
  for (auto& th : pool) th.join();
  for (int t = 0; t < threads; ++t)
    for (std::size_t i = 0; i < all.size(); ++i)
      EXPECT_EQ(got[t][i], expected[i]) << "thread " << t << ", " << all[i]->file;
}

TEST(Concurrency, CopiesOfARuleBookShareItsDataAcrossThreads) {
  const RuleBook book = RuleBook::load(source_dir() / "rules");
  const auto all = inspections();
  const std::string expected = everything(book, all.front());
  std::vector<std::string> got(4);
  std::vector<std::thread> pool;
  for (int t = 0; t < 4; ++t)
    pool.emplace_back([&, t] {
      const RuleBook copy = book;  // copies share the immutable data
      got[t] = everything(copy, all.front());
    });
  for (auto& th : pool) th.join();
  for (const auto& g : got) EXPECT_EQ(g, expected);
}

// The batch grader on several threads at once (its own pool of 3, and 3 callers sharing one
// grader and one matrix) gives what one thread gives.
TEST(Concurrency, BatchGradingOnSeveralThreadsGivesTheSameGrades) {
  const RuleBook book = RuleBook::bundled();
  const auto& ids = book.requirement_ids();
  const std::size_t n = 3000;
  StatusMatrix matrix = StatusMatrix::filled(book, n, Status::met);
  std::mt19937 rng(7);
  std::uniform_int_distribution<int> status(0, 4), share(0, 2);
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t g = 0; g < ids.size(); ++g)
      if (share(rng) == 0) matrix.set(i, g, static_cast<Status>(status(rng)));
  const BatchGrader grader(book, {"sosfs-2015-8", "hslf-fs-2021-8"});
  const BatchGrades one = grader.grade(matrix, 1);
  std::vector<BatchGrades> got(3);
  std::vector<std::thread> pool;
  for (int t = 0; t < 3; ++t) pool.emplace_back([&, t] { got[t] = grader.grade(matrix, 3); });
  for (auto& th : pool) th.join();
  for (const auto& g : got) {
    EXPECT_EQ(g.possible, one.possible);
    EXPECT_EQ(g.action_plan_required, one.action_plan_required);
  }
}

}  // namespace
}  // namespace spur
