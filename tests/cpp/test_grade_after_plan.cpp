// One grade everywhere: the grade before the action plan, the grade after it (D adjusted to C),
// the plan entries that cover it, what they leave uncovered, and an adjustment that stays
// provisional while provisions not assessed could still undo it.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "spur/evaluation.hpp"
#include "spur/explain.hpp"
#include "spur/follow_up.hpp"
#include "spur/json.hpp"
#include "support.hpp"

namespace spur::test {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

const std::filesystem::path example = source_dir() / "examples" / "palliativ-sydostra-skane.yaml";

Evaluation grade(const std::string& yaml) {
  return evaluate(bundled(), Inspection::parse(yaml));
}

// Area D: D1 and D7 not met, D3 (a provision) not assessed; the plan covers D1 and D7.
const std::string area_d_with_plan = R"(inspection:
  id: d-plan
  regulations: [sosfs-2015-8]
  default_status: met
findings:
  D1: not_met
  D7: not_met
  D3: %D3%
action_plan:
  - {requirement: D1, action: a, due: maj 2025, received: true}
  - {requirement: D7, action: b, due: maj 2025, received: true}
)";

std::string with_d3(const std::string& status) {
  std::string yaml = area_d_with_plan;
  yaml.replace(yaml.find("%D3%"), 4, status);
  return yaml;
}

TEST(GradeAfterPlan, ACoveredDWithEverythingAssessedIsCertainlyC) {
  Evaluation ev = grade(with_d3("met"));
  EXPECT_EQ(ev.grade("D"), Grade::D);  // the grade keeps its meaning
  EXPECT_EQ(ev.grade_after_plan("D"), Grade::C);
  EXPECT_EQ(ev.grade_after_plan("D", "sosfs-2015-8"), Grade::C);
  const AreaResult& d = ev.result("D");
  EXPECT_EQ(d.adjusted, Grade::C);
  EXPECT_FALSE(d.adjustment_provisional);
  EXPECT_THAT(d.covered, ElementsAre("D1", "D7"));
  EXPECT_TRUE(d.uncovered.empty());
  EXPECT_TRUE(d.could_undo.empty());
  EXPECT_EQ(ev.grade_after_plan("A"), Grade::A);  // no D: the same as grade()
}

TEST(GradeAfterPlan, AnUnassessedProvisionWithoutAnEntryMakesTheAdjustmentProvisional) {
  Evaluation ev = grade(with_d3("not_assessed"));
  EXPECT_EQ(ev.grade("D"), Grade::D);
  EXPECT_EQ(ev.grade_after_plan("D"), std::nullopt);
  EXPECT_EQ(ev.possible_grades_after_plan("D"), GradeSet::of(Grade::C) | GradeSet::of(Grade::D));
  const AreaResult& d = ev.result("D");
  EXPECT_EQ(d.adjusted, Grade::C);
  EXPECT_TRUE(d.adjustment_provisional);
  EXPECT_THAT(d.could_undo, ElementsAre("D3"));
  EXPECT_TRUE(ev.combined("D").adjustment_provisional);
}

TEST(GradeAfterPlan, AnUnassessedProvisionThePlanCoversDoesNotMakeItProvisional) {
  std::string yaml = with_d3("not_assessed");
  yaml += "  - {requirement: D3, action: c, due: juni 2025, received: true}\n";
  Evaluation ev = grade(yaml);
  EXPECT_EQ(ev.grade_after_plan("D"), Grade::C);
  EXPECT_TRUE(ev.result("D").could_undo.empty());
}

TEST(GradeAfterPlan, AnUnassessedPrerequisiteThatCouldImplyAProvisionKeepsItProvisional) {
  // D6 (area D) is not assessed; E1 and E4 (provisions of area E) rest on it. E5 is not met
  // and covered, so E is D->C, provisional because D6 could take E1 and E4 with it.
  Evaluation ev = grade(R"(inspection: {regulations: [sosfs-2015-8], default_status: met}
findings: {D6: not_assessed, E5: not_met}
action_plan:
  - {requirement: E5, action: a, due: maj 2025, received: true}
)");
  EXPECT_EQ(ev.grade("E"), Grade::D);
  EXPECT_EQ(ev.grade_after_plan("E"), std::nullopt);
  EXPECT_THAT(ev.result("E").could_undo, ::testing::IsSupersetOf({"E1", "E4"}));
}

TEST(GradeAfterPlan, AnEntryNotReceivedCoversNothing) {
  Evaluation ev = grade(R"(inspection: {regulations: [sosfs-2015-8], default_status: met}
findings: {D1: not_met, D7: not_met}
action_plan:
  - {requirement: D1, action: a, due: maj 2025, received: true}
  - {requirement: D7, action: b, due: maj 2025, received: false}
)");
  const AreaResult& d = ev.result("D");
  EXPECT_EQ(d.adjusted, std::nullopt);
  EXPECT_THAT(d.covered, ElementsAre("D1"));
  EXPECT_THAT(d.uncovered, ElementsAre("D7"));
  EXPECT_EQ(ev.grade_after_plan("D"), Grade::D);
}

TEST(GradeAfterPlan, TheCombinedGradeAfterThePlanIsTheWorstOfTheRegulations) {
  // E7 is a provision only under HSLF-FS 2021:8: D there, A under SOSFS 2015:8.
  Evaluation ev = grade(R"(inspection:
  regulations: [sosfs-2015-8, hslf-fs-2021-8]
  default_status: met
findings: {E7: not_met}
action_plan:
  - {requirement: E7, action: a, due: maj 2025, received: true}
)");
  EXPECT_EQ(ev.grade("E"), Grade::D);
  EXPECT_EQ(ev.grade_after_plan("E", "hslf-fs-2021-8"), Grade::C);
  EXPECT_EQ(ev.grade_after_plan("E"), Grade::C);
  EXPECT_EQ(ev.combined("E").adjusted, Grade::C);
}

TEST(GradeAfterPlan, TheBundledExampleShowsDAndHAsProvisionallyAdjusted) {
  Evaluation ev = evaluate(bundled(), Inspection::load(example));
  for (const char* area : {"D", "H"}) {
    EXPECT_EQ(ev.grade(area), Grade::D) << area;
    EXPECT_EQ(ev.grade_after_plan(area), std::nullopt) << area;
    EXPECT_TRUE(ev.result(area).adjustment_provisional) << area;
  }
  EXPECT_THAT(ev.result("D").covered, ElementsAre("D1", "D7"));
  EXPECT_THAT(ev.result("D").could_undo, ElementsAre("D3"));
  EXPECT_THAT(ev.result("H").covered, ElementsAre("H2", "H7", "H9"));
  EXPECT_THAT(ev.result("H").could_undo, ElementsAre("H3"));
}

TEST(GradeAfterPlan, JsonOfEvaluateExplainAndPlanAgree) {
  Evaluation ev = evaluate(bundled(), Inspection::load(example));
  auto j = to_json(ev);
  const auto& d = j["results"][3];
  ASSERT_EQ(d["area"], "D");
  EXPECT_EQ(d["grade"], "D");
  EXPECT_EQ(d["adjusted_grade"], "C");
  EXPECT_EQ(d["adjustment_provisional"], true);
  EXPECT_EQ(d["grade_after_plan"], nullptr);
  EXPECT_EQ(d["possible_grades_after_plan"], nlohmann::json({"C", "D"}));
  EXPECT_EQ(d["covered"], nlohmann::json({"D1", "D7"}));
  EXPECT_EQ(d["could_undo"], nlohmann::json({"D3"}));
  EXPECT_EQ(j["areas"][3]["adjusted_grade"], "C");
  EXPECT_EQ(j["areas"][3]["adjustment_provisional"], true);

  auto x = to_json(explain(ev, "D").front());
  for (const char* key : {"adjusted_grade", "adjustment_provisional", "grade_after_plan",
                          "possible_grades_after_plan", "covered", "uncovered", "could_undo"})
    EXPECT_EQ(x[key], d[key]) << key;

  auto p = to_json(plan_status(ev, Date{2025, 3, 15}), ev);
  ASSERT_EQ(p["grades"].size(), 2u);
  EXPECT_EQ(p["grades"][0]["area"], "D");
  EXPECT_EQ(p["grades"][0]["could_undo"], nlohmann::json({"D3"}));
  EXPECT_EQ(p["grades"][0]["adjustment_provisional"], true);
}

TEST(GradeAfterPlan, ExplainTextSaysTheAdjustmentIsProvisionalAndWhy) {
  Evaluation ev = evaluate(bundled(), Inspection::load(example));
  const std::string text = render(explain(ev, "D").front());
  EXPECT_THAT(text, HasSubstr("Gradering / grade: D\n"));
  EXPECT_THAT(text, HasSubstr("Efter handlingsplanen / after the action plan: C"));
  EXPECT_THAT(text, HasSubstr("Planen täcker / the plan covers: D1, D7"));
  EXPECT_THAT(text, HasSubstr("Preliminär / provisional: D3 är ej bedömt"));
}

TEST(GradeAfterPlan, ExplainTextNamesWhatThePlanDoesNotCover) {
  Evaluation ev = grade(R"(inspection: {regulations: [sosfs-2015-8], default_status: met}
findings: {D1: not_met, D7: not_met}
action_plan:
  - {requirement: D1, action: a, due: maj 2025, received: true}
)");
  const std::string text = render(explain(ev, "D").front());
  EXPECT_THAT(text, HasSubstr("after the action plan: D (planen täcker inte / the plan does not "
                              "cover D7)"));
}

TEST(GradeAfterPlan, ImpliedRequirementsAreMarkedWithTheirCauseInExplainText) {
  Evaluation ev = grade(R"(inspection: {regulations: [sosfs-2015-8], default_status: met}
findings: {D6: not_met}
)");
  const std::string d = render(explain(ev, "D").front());
  EXPECT_THAT(d, HasSubstr("D7 (föreskrift, ej uppfyllt, härlett ur D6 / implied by D6)"));
  const std::string f = render(explain(ev, "F").front());
  EXPECT_THAT(f, HasSubstr("härlett ur D6 / implied by D6"));
  auto j = to_json(ev);
  bool found = false;
  for (const auto& a : j["required_actions"])
    if (a["requirement"] == "D7") {
      found = true;
      EXPECT_EQ(a["because"], nlohmann::json({"D6"}));
    }
  EXPECT_TRUE(found);
}

}  // namespace
}  // namespace spur::test
