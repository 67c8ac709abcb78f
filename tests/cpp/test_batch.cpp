// The batch grader gives exactly the grades, handlingsplan and actions that evaluate gives,
// on random inspections; bad finding rows are named.

#include <gtest/gtest.h>

#include <random>

#include "spur/batch.hpp"
#include "spur/evaluation.hpp"
#include "support.hpp"

namespace spur::test {
namespace {

// Index of a requirement in requirement_ids(), of a regulation in regulations().
std::int32_t column(const RuleBook& book, const std::string& id) {
  const auto& ids = book.requirement_ids();
  return static_cast<std::int32_t>(std::find(ids.begin(), ids.end(), id) - ids.begin());
}
int regulation_index(const RuleBook& book, const std::string& id) {
  return static_cast<int>(&book.regulation(id) - book.regulations().data());
}
std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : ", ") + s;
  return out;
}

// Random inspections under fixed regulations, as Inspection objects and as a status matrix.
struct RandomBatch {
  std::vector<Inspection> inspections;
  StatusMatrix matrix;
};

RandomBatch random_batch(const RuleBook& book, const std::vector<std::string>& regs, std::size_t n,
                         Status default_status, std::uint32_t seed, double finding_share = 0.35) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> u(0, 1);
  const auto& ids = book.requirement_ids();
  // Mostly met, so that every grade occurs; then each other status.
  auto pick = [&] {
    const double x = u(rng);
    return x < 0.6   ? Status::met
           : x < 0.7 ? Status::partially_met
           : x < 0.8 ? Status::not_met
           : x < 0.9 ? Status::not_applicable
                     : Status::not_assessed;
  };
  RandomBatch b;
  b.matrix = StatusMatrix::filled(book, n, default_status);
  for (std::size_t i = 0; i < n; ++i) {
    Inspection insp;
    insp.id = "i" + std::to_string(i);
    insp.regulations = regs;
    insp.default_status = default_status;
    for (std::size_t g = 0; g < ids.size(); ++g) {
      std::vector<int> in;  // book indices of the graded regulations holding it
      for (const auto& r : regs)
        if (book.regulation(r).find(ids[g])) in.push_back(regulation_index(book, r));
      if (in.empty() || u(rng) > finding_share) continue;
      Finding f;
      f.requirement = ids[g];
      if (u(rng) < 0.15) {  // by regulation, with or without a status for the others
        if (u(rng) < 0.5) {
          f.status = pick();
          b.matrix.set(i, g, *f.status);
        }
        for (int ri : in)
          if (u(rng) < 0.7) {
            const Status s = pick();
            f.by_regulation.push_back({book.regulations()[ri].id, s});
            b.matrix.by_regulation.push_back({static_cast<std::uint32_t>(i),
                                              static_cast<std::int32_t>(g),
                                              static_cast<std::uint8_t>(ri), s});
          }
      } else {
        f.status = pick();
        b.matrix.set(i, g, *f.status);
      }
      insp.findings.push_back(std::move(f));
    }
    b.inspections.push_back(std::move(insp));
  }
  return b;
}

void expect_same_as_evaluate(const RuleBook& book, const std::vector<std::string>& regs,
                             const RandomBatch& b, int threads) {
  const BatchGrader grader(book, regs);
  const BatchGrades grades = grader.grade(b.matrix, threads);
  const BatchActions actions = grader.actions(b.matrix, threads);
  std::size_t action = 0;
  std::array<int, 4> seen{};  // certain grades seen, by grade
  int provisional = 0;
  for (std::size_t i = 0; i < b.inspections.size(); ++i) {
    const Evaluation ev = evaluate(book, b.inspections[i]);
    ASSERT_EQ(ev.regulations, grades.regulations);
    for (std::size_t r = 0; r < ev.regulations.size(); ++r)
      for (std::size_t a = 0; a < grades.areas; ++a) {
        const AreaResult& res = ev.results[r * grades.areas + a];
        ASSERT_EQ(grades.at(i, r, a), res.possible)
            << "inspection " << i << ", " << res.regulation << ", area " << res.area;
        if (auto g = res.possible.single())
          ++seen[static_cast<int>(*g)];
        else
          ++provisional;
      }
    const std::int8_t plan = ev.action_plan_required ? *ev.action_plan_required : -1;
    ASSERT_EQ(grades.action_plan_required[i], plan) << "inspection " << i;
    // Actions come in catalogue order per inspection; evaluate lists them by kind.
    std::vector<std::string> from_eval, from_batch;
    for (const auto* list : {&ev.required_actions, &ev.recommended_actions, &ev.improvements})
      for (const Action& a : *list)
        from_eval.push_back(a.requirement + " " + std::string(to_string(a.kind)) + " " +
                            std::string(to_string(a.status)) + (a.implied ? " implied " : " ") +
                            joined(a.regulations));
    for (; action < actions.inspection.size() && actions.inspection[action] == i; ++action) {
      std::vector<std::string> where;
      for (std::size_t r = 0; r < regs.size(); ++r)
        if (actions.regulations[action] >> r & 1) where.push_back(grades.regulations[r]);
      from_batch.push_back(book.requirement_ids()[actions.requirement[action]] + " " +
                           std::string(to_string(actions.kind[action])) + " " +
                           std::string(to_string(actions.status[action])) +
                           (actions.implied[action] ? " implied " : " ") + joined(where));
    }
    std::sort(from_eval.begin(), from_eval.end());
    std::sort(from_batch.begin(), from_batch.end());
    ASSERT_EQ(from_batch, from_eval) << "inspection " << i;
  }
  EXPECT_EQ(action, actions.inspection.size());
  // The random inspections reach every grade, and provisional ones.
  for (int g = 0; g < 4; ++g) EXPECT_GT(seen[g], 0) << "grade " << g;
  if (b.inspections.front().default_status == Status::not_assessed) {
    EXPECT_GT(provisional, 0);
  }
}

const std::vector<std::vector<std::string>> regulation_sets{
    {"sosfs-2015-8"}, {"hslf-fs-2021-8"}, {"sosfs-2015-8", "hslf-fs-2021-8"}};

TEST(Batch, GradesAsEvaluateWithDefaultMet) {
  std::uint32_t seed = 1;
  for (const auto& regs : regulation_sets)
    expect_same_as_evaluate(bundled(), regs,
                            random_batch(bundled(), regs, 400, Status::met, seed++), 1);
}

TEST(Batch, GradesAsEvaluateWithDefaultNotAssessed) {
  std::uint32_t seed = 100;
  for (const auto& regs : regulation_sets)
    expect_same_as_evaluate(
        bundled(), regs, random_batch(bundled(), regs, 300, Status::not_assessed, seed++, 0.8), 1);
}

TEST(Batch, GradesAsEvaluateOnSeveralThreads) {
  const std::vector<std::string> both{"sosfs-2015-8", "hslf-fs-2021-8"};
  expect_same_as_evaluate(bundled(), both, random_batch(bundled(), both, 2000, Status::met, 7), 3);
}

TEST(Batch, ImplicationsAndUnknownPrerequisitesAsEvaluate) {
  // D6 has seven dependents: not met, it makes them not met; not assessed, it makes their
  // areas provisional.
  const std::vector<std::string> regs{"sosfs-2015-8"};
  RandomBatch b = random_batch(bundled(), regs, 3, Status::met, 5, 0.0);
  const int d6 = column(bundled(), "D6");
  b.matrix.set(0, d6, Status::not_met);
  b.matrix.set(1, d6, Status::not_assessed);
  for (int i : {0, 1}) {
    Finding f;
    f.requirement = "D6";
    f.status = i == 0 ? Status::not_met : Status::not_assessed;
    b.inspections[i].findings.push_back(f);
  }
  const BatchGrades g = BatchGrader(bundled(), regs).grade(b.matrix);
  const Evaluation e0 = evaluate(bundled(), b.inspections[0]);
  const Evaluation e1 = evaluate(bundled(), b.inspections[1]);
  EXPECT_FALSE(e0.implied.empty());
  const int area_d = 3;
  EXPECT_EQ(g.at(0, 0, area_d), GradeSet::of(Grade::D));
  EXPECT_EQ(g.at(1, 0, area_d), e1.result("D").possible);
  EXPECT_GT(g.at(1, 0, area_d).size(), 1);
  EXPECT_EQ(g.action_plan_required[0], 1);
  EXPECT_EQ(g.action_plan_required[1], -1);
  EXPECT_EQ(g.action_plan_required[2], 0);
  EXPECT_EQ(g.at(2, 0, area_d), GradeSet::of(Grade::A));
}

// A regulation of more than 128 requirements is graded with sets of three words and more
// (the bundled ones fit two). "wide-test" adds 130 requirements to SOSFS 2015:8, each met by
// a finding, some requiring a bundled requirement: whatever the bundled findings, it grades
// every area as SOSFS 2015:8 does.
TEST(Batch, AWideRegulationGradesAsItsBase) {
  static const RuleBook wide = [] {
    ScratchRules rules;
    rules.regulation("sosfs-2015-8", read_file(rules_dir() / "sosfs-2015-8" / "regulation.yaml"));
    std::string yaml =
        "regulation: wide-test\ntitle: Test\nmodel: spur-st\nbased_on: sosfs-2015-8\nadd:\n";
    const std::string areas = "ABCDEFGH";
    const char* kinds[] = {"provision", "advice", "indicator"};
    const char* prerequisites[] = {"D6", "E2", "B4"};
    for (int i = 0; i < 130; ++i) {
      const char area = areas[i % 8];
      // Areas A and C have no C step, so no advice there.
      const char* kind = (area == 'A' || area == 'C') && i % 3 == 1 ? "indicator" : kinds[i % 3];
      yaml += "  - {id: " + std::string(1, area) + std::to_string(100 + i) + ", area: " + area +
              ", kind: " + kind + ", text: \"Test " + std::to_string(i) + ".\"" +
              (i % 4 == 0 ? std::string(", requires: [") + prerequisites[i / 4 % 3] + "]" : "") +
              ", confidence: low, source: {document: test, paragraph: null}}\n";
    }
    rules.regulation("wide-test", yaml);
    return RuleBook::load(rules.path());
  }();
  ASSERT_GT(wide.regulation("wide-test").requirements.size(), 192u);  // four words
  for (const Status default_status : {Status::met, Status::not_assessed}) {
    const RandomBatch base = random_batch(wide, {"sosfs-2015-8"}, 300, default_status, 11, 0.8);
    StatusMatrix m = base.matrix;
    // A finding for SOSFS 2015:8 only holds for wide-test too.
    const auto wide_index = static_cast<std::uint8_t>(regulation_index(wide, "wide-test"));
    std::vector<RegulationFinding> mirrored;
    for (const auto& f : m.by_regulation)
      mirrored.push_back({f.inspection, f.requirement, wide_index, f.status});
    m.by_regulation.insert(m.by_regulation.end(), mirrored.begin(), mirrored.end());
    std::sort(m.by_regulation.begin(), m.by_regulation.end(), [](const auto& a, const auto& b) {
      return std::tie(a.inspection, a.requirement, a.regulation) <
             std::tie(b.inspection, b.requirement, b.regulation);
    });
    const auto& added = wide.regulation("wide-test").requirements;
    for (std::size_t i = 0; i < m.inspections; ++i)
      for (const auto& q : added)
        if (!wide.regulation("sosfs-2015-8").find(q.id)) m.set(i, column(wide, q.id), Status::met);
    const BatchGrader grader(wide, {"sosfs-2015-8", "wide-test"});
    const BatchGrades g = grader.grade(m, 1);
    int provisional = 0, d = 0;
    for (std::size_t i = 0; i < m.inspections; ++i)
      for (std::size_t a = 0; a < g.areas; ++a) {
        ASSERT_EQ(g.at(i, 1, a), g.at(i, 0, a)) << "inspection " << i << ", area " << a;
        provisional += g.at(i, 0, a).size() > 1;
        d += g.at(i, 0, a) == GradeSet::of(Grade::D);
      }
    EXPECT_GT(d, 0);
    if (default_status == Status::not_assessed) EXPECT_GT(provisional, 0);
  }
}

TEST(Batch, BadRowsAreNamed) {
  const BatchGrader grader(bundled(), {"sosfs-2015-8"});
  const std::vector<std::int64_t> inspection{0, 0, 1, 1, 1, 0};
  const std::vector<std::int32_t> requirement{column(bundled(), "D1"), -1,
                                              column(bundled(), "E4"), column(bundled(), "E4"),
                                              column(bundled(), "A1"), column(bundled(), "A2")};
  const std::vector<std::int8_t> status{0, 0, 2, 0, 9, 1};
  std::vector<RowError> errors;
  const StatusMatrix m =
      grader.matrix(2, {inspection, requirement, status, {}}, Status::met, errors);
  ASSERT_EQ(errors.size(), 3u);
  EXPECT_EQ(errors[0].row, 1u);
  EXPECT_NE(errors[0].message.find("unknown requirement"), std::string::npos);
  EXPECT_EQ(errors[1].row, 3u);
  EXPECT_EQ(errors[1].message, "a finding for E4 is given twice (also row 2)");
  EXPECT_EQ(errors[2].row, 4u);
  EXPECT_NE(errors[2].message.find("unknown status"), std::string::npos);
  // The good rows are in the matrix.
  EXPECT_EQ(m.cells[0 * m.requirements + column(bundled(), "D1")], 0 | StatusMatrix::finding);
  EXPECT_EQ(m.cells[1 * m.requirements + column(bundled(), "E4")], 2 | StatusMatrix::finding);
}

TEST(Batch, ARequirementOutsideTheGradedRegulationsIsABadRow) {
  const auto& book = bundled();
  // A requirement of one regulation only.
  std::string only;
  for (const auto& q : book.regulation("hslf-fs-2021-8").requirements)
    if (!book.regulation("sosfs-2015-8").find(q.id)) only = q.id;
  ASSERT_FALSE(only.empty());
  const BatchGrader grader(book, {"sosfs-2015-8"});
  std::vector<RowError> errors;
  const std::vector<std::int64_t> inspection{0};
  const std::vector<std::int32_t> requirement{column(book, only)};
  const std::vector<std::int8_t> status{0};
  grader.matrix(1, {inspection, requirement, status, {}}, Status::met, errors);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].message, only + " is not a requirement of sosfs-2015-8");
}

TEST(Batch, UnknownRegulationIsRefused) {
  EXPECT_THROW(BatchGrader(bundled(), {"sosfs-1999-1"}), LookupError);
}

}  // namespace
}  // namespace spur::test
