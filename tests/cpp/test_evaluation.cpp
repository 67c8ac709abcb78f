// Evaluation of the inspection fixtures in tests/data/inspections: every expectation here is
// worked out by hand from spur-model.md (sections 4 and 5), not copied from program output.

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include "spur/evaluation.hpp"
#include "spur/inspection.hpp"
#include "spur/json.hpp"
#include "support.hpp"

namespace {

using spur::Evaluation;
using spur::Grade;
using spur::GradeSet;
using spur::Inspection;
using spur::Kind;
using spur::Status;
using spur::StatusOrigin;
using Ids = std::vector<std::string>;

constexpr const char* k2015 = "sosfs-2015-8";
constexpr const char* k2021 = "hslf-fs-2021-8";
const Ids kAreas{"A", "B", "C", "D", "E", "F", "G", "H"};

std::filesystem::path inspection_path(const std::string& name) {
  return spur::test::data_dir() / "inspections" / name;
}

Evaluation eval_file(const std::string& name) {
  return spur::evaluate(spur::test::bundled(), Inspection::load(inspection_path(name)));
}

Evaluation eval_text(const std::string& yaml) {
  return spur::evaluate(spur::test::bundled(), Inspection::parse(yaml, "test.yaml"));
}

// The grades of areas A..H as one string, '?' where provisional: under `regulation`, or
// combined across the inspected regulations when none is named.
std::string grades(const Evaluation& ev, std::string_view regulation = {}) {
  std::string out;
  for (const auto& a : kAreas) {
    auto g = ev.grade(a, regulation);
    out += g ? to_string(*g)[0] : '?';
  }
  return out;
}

// A set of grades as a string, best first: "AC".
std::string set(GradeSet g) {
  std::string out;
  for (Grade x : g.grades()) out += to_string(x)[0];
  return out;
}

Ids ids(const std::vector<spur::Action>& actions) {
  Ids out;
  for (const auto& a : actions) out.push_back(a.requirement);
  return out;
}

const spur::Action& action(const std::vector<spur::Action>& actions, std::string_view id) {
  for (const auto& a : actions)
    if (a.requirement == id) return a;
  throw std::runtime_error("no action " + std::string(id));
}

// Implied requirements of one regulation: id -> the prerequisites it is implied by.
std::map<std::string, Ids> implied(const Evaluation& ev, std::string_view regulation) {
  std::map<std::string, Ids> out;
  for (const auto& i : ev.implied)
    if (i.regulation == regulation) {
      EXPECT_FALSE(out.contains(i.requirement)) << i.requirement << " implied twice";
      out[i.requirement] = i.because;
    }
  return out;
}

const spur::RequirementOutcome& outcome(const Evaluation& ev, std::string_view regulation,
                                        std::string_view id) {
  for (const auto& o : ev.outcomes)
    if (o.regulation == regulation)
      if (const auto* r = o.find(id)) return *r;
  throw std::runtime_error("no outcome for " + std::string(id));
}

std::vector<const spur::Diagnostic*> warnings(const Evaluation& ev) {
  std::vector<const spur::Diagnostic*> out;
  for (const auto& d : ev.diagnostics)
    if (d.severity == spur::Severity::warning) out.push_back(&d);
  return out;
}

// ---------------------------------------------------------------------------------------
// Statuses, regulations, requirements outside a regulation

TEST(Evaluation, EveryStatus) {
  const auto ev = eval_file("statuses-all-five.yaml");
  EXPECT_EQ(ev.regulations, Ids{k2015});
  EXPECT_EQ(ev.inspection_id, "statuses-all-five");
  EXPECT_EQ(grades(ev, k2015), "AABAAAAC");
  EXPECT_EQ(grades(ev), "AABAAAAC");
  EXPECT_EQ(outcome(ev, k2015, "A1").status, Status::met);
  EXPECT_EQ(outcome(ev, k2015, "A1").origin, StatusOrigin::default_status);
  EXPECT_EQ(outcome(ev, k2015, "A4").status, Status::partially_met);
  EXPECT_EQ(outcome(ev, k2015, "A4").origin, StatusOrigin::finding);
  EXPECT_EQ(outcome(ev, k2015, "C3").status, Status::not_met);
  EXPECT_EQ(outcome(ev, k2015, "D13").status, Status::not_applicable);
  EXPECT_EQ(outcome(ev, k2015, "G8").status, Status::not_assessed);
  EXPECT_EQ(outcome(ev, k2015, "H12").status, Status::partially_met);

  // Partially met counts as unmet but stays visible.
  const auto& a = ev.result("A");
  EXPECT_EQ(a.count(Kind::indicator).unmet, 1);
  EXPECT_EQ(a.count(Kind::indicator).partial, 1);
  const auto& c = ev.result("C");
  EXPECT_EQ(c.computed, Grade::B);
  EXPECT_EQ(c.count(Kind::indicator).unmet, 2);
  EXPECT_EQ(c.count(Kind::indicator).partial, 1);
  EXPECT_EQ(c.decisive, (Ids{"C3", "C4"}));
  // G8 unknown, but with at most one unmet indicator G cannot drop below A.
  const auto& g = ev.result("G");
  EXPECT_EQ(g.computed, Grade::A);
  EXPECT_EQ(set(g.possible), "A");
  EXPECT_EQ(g.unknown, Ids{"G8"});
  EXPECT_EQ(g.count(Kind::indicator).unknown, 1);
  const auto& h = ev.result("H");
  EXPECT_EQ(h.decisive, Ids{"H12"});

  EXPECT_TRUE(ev.required_actions.empty());
  EXPECT_EQ(ids(ev.recommended_actions), Ids{"H12"});
  EXPECT_EQ(action(ev.recommended_actions, "H12").status, Status::partially_met);
  EXPECT_EQ(action(ev.recommended_actions, "H12").kind, Kind::advice);
  EXPECT_EQ(ids(ev.improvements), (Ids{"A4", "C3", "C4"}));
  EXPECT_EQ(action(ev.improvements, "C4").status, Status::partially_met);
  EXPECT_TRUE(ev.implied.empty());
  EXPECT_TRUE(ev.conflicts.empty());
  EXPECT_EQ(ev.action_plan_required, std::optional<bool>(false));
  EXPECT_TRUE(ev.diagnostics.empty());
}

TEST(Evaluation, E7IsAdviceIn2015AndProvisionIn2021) {
  const auto ev = eval_file("e7-both-regulations.yaml");
  EXPECT_EQ(ev.regulations, (Ids{k2015, k2021}));
  EXPECT_EQ(grades(ev, k2015), "AAAACAAA");
  EXPECT_EQ(grades(ev, k2021), "AAAADAAA");
  EXPECT_EQ(grades(ev), "AAAADAAA");
  EXPECT_EQ(ev.result("E", k2015).decisive, Ids{"E7"});
  EXPECT_EQ(ev.result("E", k2021).decisive, Ids{"E7"});
  EXPECT_EQ(ev.result("E", k2015).count(Kind::advice).unmet, 1);
  EXPECT_EQ(ev.result("E", k2015).count(Kind::provision).unmet, 0);
  EXPECT_EQ(ev.result("E", k2021).count(Kind::provision).unmet, 1);
  EXPECT_EQ(ev.result("E", k2021).count(Kind::advice).unmet, 0);

  // The strongest kind decides: a required action under 2021 only, no recommended one.
  EXPECT_EQ(ids(ev.required_actions), Ids{"E7"});
  const auto& e7 = ev.required_actions.front();
  EXPECT_EQ(e7.kind, Kind::provision);
  EXPECT_EQ(e7.regulations, Ids{k2021});
  EXPECT_EQ(e7.area, "E");
  EXPECT_FALSE(e7.implied);
  ASSERT_NE(e7.definition, nullptr);
  EXPECT_EQ(e7.definition->text,
            "Ändamålsenliga metoder används för bedömningar av ST-läkarens kompetens.");
  EXPECT_TRUE(ev.recommended_actions.empty());
  EXPECT_TRUE(ev.improvements.empty());
  EXPECT_EQ(ev.action_plan_required, std::optional<bool>(true));
}

TEST(Evaluation, ByRegulation) {
  const auto ev = eval_file("by-regulation.yaml");
  EXPECT_EQ(grades(ev, k2015), "AAAAAADA");
  EXPECT_EQ(grades(ev, k2021), "AAAADAAA");
  EXPECT_EQ(grades(ev), "AAAADADA");
  EXPECT_EQ(outcome(ev, k2015, "E7").status, Status::met);
  EXPECT_EQ(outcome(ev, k2021, "E7").status, Status::partially_met);
  EXPECT_EQ(outcome(ev, k2015, "D12").status, Status::met);
  EXPECT_EQ(outcome(ev, k2021, "D12").status, Status::not_met);
  EXPECT_EQ(outcome(ev, k2021, "G11").status, Status::met);
  EXPECT_EQ(ev.result("G", k2015).decisive, Ids{"G5"});

  EXPECT_EQ(ids(ev.required_actions), (Ids{"E7", "G5"}));
  EXPECT_EQ(action(ev.required_actions, "E7").regulations, Ids{k2021});
  EXPECT_EQ(action(ev.required_actions, "E7").status, Status::partially_met);
  EXPECT_EQ(action(ev.required_actions, "G5").regulations, Ids{k2015});
  EXPECT_TRUE(ev.recommended_actions.empty());
  EXPECT_EQ(ids(ev.improvements), Ids{"D12"});
  EXPECT_EQ(action(ev.improvements, "D12").regulations, Ids{k2021});
  EXPECT_EQ(ev.action_plan_required, std::optional<bool>(true));

  // G11 given a status under 2015:8, which lacks it: a warning at the finding's line.
  const auto w = warnings(ev);
  ASSERT_EQ(w.size(), 1u);
  EXPECT_EQ(w[0]->requirement, "G11");
  EXPECT_EQ(w[0]->line, 19);
  EXPECT_NE(w[0]->message.find("G11"), std::string::npos);
  EXPECT_NE(w[0]->message.find(k2015), std::string::npos);
  EXPECT_FALSE(spur::has_errors(ev.diagnostics));
}

TEST(Evaluation, G5OutsideA2021Inspection) {
  const auto ev = eval_file("outside-regulation-g5-2021.yaml");
  EXPECT_EQ(ev.regulations, Ids{k2021});
  EXPECT_EQ(grades(ev), "AAAAAAAA");
  EXPECT_TRUE(ev.required_actions.empty());
  EXPECT_TRUE(ev.recommended_actions.empty());
  EXPECT_TRUE(ev.improvements.empty());
  EXPECT_EQ(ev.action_plan_required, std::optional<bool>(false));
  const auto w = warnings(ev);
  ASSERT_EQ(w.size(), 1u);
  EXPECT_EQ(w[0]->requirement, "G5");
  EXPECT_EQ(w[0]->line, 11);
  EXPECT_EQ(w[0]->column, 3);
  EXPECT_NE(w[0]->message.find("G5 is not part of hslf-fs-2021-8"), std::string::npos);
  EXPECT_NE(w[0]->file.find("outside-regulation-g5-2021.yaml"), std::string::npos);
}

TEST(Evaluation, G11OutsideA2015Inspection) {
  const auto ev = eval_file("outside-regulation-g11-2015.yaml");
  EXPECT_EQ(ev.regulations, Ids{k2015});
  EXPECT_EQ(grades(ev), "AAAAAAAA");
  EXPECT_TRUE(ev.improvements.empty());
  EXPECT_EQ(ev.action_plan_required, std::optional<bool>(false));
  const auto w = warnings(ev);
  ASSERT_EQ(w.size(), 1u);
  EXPECT_EQ(w[0]->requirement, "G11");
  EXPECT_EQ(w[0]->line, 10);
  EXPECT_NE(w[0]->message.find("G11 is not part of sosfs-2015-8"), std::string::npos);
  // G11 is not a requirement of the inspected regulation at all.
  for (const auto& o : ev.outcomes) EXPECT_EQ(o.find("G11"), nullptr);
}

// ---------------------------------------------------------------------------------------
// Implications through each prerequisite

TEST(Evaluation, ImpliedThroughE2) {
  const auto ev = eval_file("implied-e2.yaml");
  EXPECT_EQ(grades(ev), "ADAADAAA");
  EXPECT_EQ(implied(ev, k2015),
            (std::map<std::string, Ids>{
                {"B1", {"E2"}}, {"B2", {"E2"}}, {"E4", {"E2"}}, {"E10", {"E2"}}}));
  EXPECT_EQ(outcome(ev, k2015, "B1").origin, StatusOrigin::implied);
  EXPECT_EQ(outcome(ev, k2015, "B1").status, Status::not_met);
  EXPECT_EQ(ev.result("B").decisive, (Ids{"B1", "B2"}));
  EXPECT_EQ(ev.result("E").decisive, (Ids{"E2", "E4"}));
  EXPECT_EQ(ids(ev.required_actions), (Ids{"B1", "B2", "E2", "E4"}));
  EXPECT_TRUE(action(ev.required_actions, "B1").implied);
  EXPECT_FALSE(action(ev.required_actions, "E2").implied);
  EXPECT_EQ(ids(ev.recommended_actions), Ids{"E10"});
  EXPECT_TRUE(action(ev.recommended_actions, "E10").implied);
  EXPECT_TRUE(ev.improvements.empty());
  EXPECT_TRUE(ev.conflicts.empty());
  EXPECT_EQ(ev.action_plan_required, std::optional<bool>(true));
}

TEST(Evaluation, ImpliedThroughD6AcrossAreas) {
  const auto ev = eval_file("implied-d6.yaml");
  EXPECT_EQ(grades(ev), "AAADDDAA");
  EXPECT_EQ(implied(ev, k2015), (std::map<std::string, Ids>{{"D7", {"D6"}},
                                                            {"E1", {"D6"}},
                                                            {"E4", {"D6"}},
                                                            {"F1", {"D6"}},
                                                            {"F3", {"D6"}},
                                                            {"F4", {"D6"}},
                                                            {"F5", {"D6"}}}));
  EXPECT_EQ(ev.result("F").decisive, Ids{"F1"});
  EXPECT_EQ(ev.result("F").count(Kind::advice).unmet, 3);
  EXPECT_EQ(ids(ev.required_actions), (Ids{"D6", "D7", "E1", "E4", "F1"}));
  EXPECT_EQ(ids(ev.recommended_actions), (Ids{"F3", "F4", "F5"}));
  EXPECT_TRUE(ev.improvements.empty());
  EXPECT_EQ(ev.action_plan_required, std::optional<bool>(true));
}

TEST(Evaluation, ImpliedThroughB4) {
  const auto ev = eval_file("implied-b4.yaml");
  EXPECT_EQ(grades(ev), "ADADAAAA");
  EXPECT_EQ(implied(ev, k2015), (std::map<std::string, Ids>{{"B7", {"B4"}},
                                                            {"B10", {"B4"}},
                                                            {"D8", {"B4"}},
                                                            {"D9", {"B4"}},
                                                            {"D10", {"B4"}},
                                                            {"D11", {"B4"}}}));
  EXPECT_EQ(ev.result("D").decisive, Ids{"D8"});
  EXPECT_EQ(ids(ev.required_actions), (Ids{"B4", "D8"}));
  EXPECT_EQ(ids(ev.recommended_actions), (Ids{"B7", "D9", "D10", "D11"}));
  EXPECT_EQ(ids(ev.improvements), Ids{"B10"});
  EXPECT_TRUE(action(ev.improvements, "B10").implied);
  EXPECT_EQ(ev.action_plan_required, std::optional<bool>(true));
}

TEST(Evaluation, ImpliedThroughH6UnderBothRegulations) {
  const auto ev = eval_file("implied-h6.yaml");
  EXPECT_EQ(grades(ev, k2015), "AAAAAAAD");
  EXPECT_EQ(grades(ev, k2021), "AAAAAAAD");
  EXPECT_EQ(grades(ev), "AAAAAAAD");
  const std::map<std::string, Ids> expected{{"H7", {"H6"}}, {"H10", {"H6"}}};
  EXPECT_EQ(implied(ev, k2015), expected);
  EXPECT_EQ(implied(ev, k2021), expected);
  EXPECT_EQ(ids(ev.required_actions), (Ids{"H6", "H7"}));
  EXPECT_EQ(action(ev.required_actions, "H7").regulations, (Ids{k2015, k2021}));
  EXPECT_EQ(ids(ev.recommended_actions), Ids{"H10"});
  EXPECT_EQ(ev.action_plan_required, std::optional<bool>(true));
}

TEST(Evaluation, ImpliedThroughH8) {
  const auto ev = eval_file("implied-h8.yaml");
  EXPECT_EQ(ev.regulations, Ids{k2021});
  EXPECT_EQ(grades(ev, k2021), "AAAAAAAD");
  EXPECT_EQ(implied(ev, k2021), (std::map<std::string, Ids>{{"H9", {"H8"}}, {"H11", {"H8"}}}));
  EXPECT_EQ(ev.result("H").decisive, (Ids{"H8", "H9"}));
  EXPECT_EQ(ids(ev.required_actions), (Ids{"H8", "H9"}));
  EXPECT_EQ(ids(ev.recommended_actions), Ids{"H11"});
  EXPECT_EQ(ev.action_plan_required, std::optional<bool>(true));
}

TEST(Evaluation, ImpliedByTwoPrerequisitesAndNotByAPartialOne) {
  const auto ev = eval_file("implied-two-causes.yaml");
  EXPECT_EQ(grades(ev), "ADADDDAD");
  auto imp = implied(ev, k2015);
  // E4 requires both; the prerequisites are listed in catalogue order.
  EXPECT_EQ(imp["E4"], (Ids{"D6", "E2"}));
  EXPECT_EQ(imp.size(), 10u);
  for (const auto& id : {"B1", "B2", "E10"}) EXPECT_EQ(imp[id], Ids{"E2"}) << id;
  for (const auto& id : {"D7", "E1", "F1", "F3", "F4", "F5"}) EXPECT_EQ(imp[id], Ids{"D6"}) << id;
  // A partially met prerequisite implies nothing.
  EXPECT_FALSE(imp.contains("H9"));
  EXPECT_FALSE(imp.contains("H11"));
  EXPECT_EQ(outcome(ev, k2015, "H9").status, Status::met);
  EXPECT_EQ(ev.result("H").decisive, Ids{"H8"});
  EXPECT_EQ(ids(ev.required_actions), (Ids{"B1", "B2", "D6", "D7", "E1", "E2", "E4", "F1", "H8"}));
  EXPECT_EQ(action(ev.required_actions, "H8").status, Status::partially_met);
  EXPECT_EQ(ids(ev.recommended_actions), (Ids{"E10", "F3", "F4", "F5"}));
  EXPECT_EQ(ev.action_plan_required, std::optional<bool>(true));
}

TEST(Evaluation, NotAssessedYieldsToImplication) {
  const auto ev = eval_file("implied-not-assessed-yields.yaml");
  // E4 explicitly not assessed, B1, B2, E10 not assessed by default: all implied.
  EXPECT_EQ(implied(ev, k2015),
            (std::map<std::string, Ids>{
                {"B1", {"E2"}}, {"B2", {"E2"}}, {"E4", {"E2"}}, {"E10", {"E2"}}}));
  EXPECT_EQ(outcome(ev, k2015, "E4").origin, StatusOrigin::implied);
  EXPECT_EQ(outcome(ev, k2015, "E4").status, Status::not_met);
  EXPECT_EQ(outcome(ev, k2015, "B7").status, Status::not_assessed);  // B4 unknown: nothing implied
  EXPECT_EQ(grades(ev), "?D??D???");
  EXPECT_EQ(set(ev.possible_grades("A")), "AD");
  EXPECT_EQ(set(ev.possible_grades("C")), "ABD");
  EXPECT_EQ(set(ev.possible_grades("D")), "ABCD");
  EXPECT_EQ(set(ev.possible_grades("F")), "ACD");
  EXPECT_EQ(set(ev.possible_grades("G")), "ABCD");
  EXPECT_EQ(set(ev.possible_grades("H")), "ACD");
  // E is D whatever the unknown E items turn out to be.
  EXPECT_EQ(ev.result("E").deciding_row, 0);
  EXPECT_EQ(ev.result("E").decisive, (Ids{"E2", "E4"}));
  EXPECT_EQ(ids(ev.required_actions), (Ids{"B1", "B2", "E2", "E4"}));
  EXPECT_EQ(ids(ev.recommended_actions), Ids{"E10"});
  EXPECT_TRUE(ev.improvements.empty());
  EXPECT_EQ(ev.action_plan_required, std::optional<bool>(true));
}

TEST(Evaluation, ImpliedChainThroughAnImpliedRequirement) {
  // The bundled rules have no chain (no dependent is itself a prerequisite), so build one:
  // F7 requires E4, which requires E2.
  const auto& book = spur::test::chain_book();
  const auto ev = spur::evaluate(book, Inspection::parse(R"(inspection:
  regulations: [chain-test]
  default_status: met
findings:
  E2: not_met
)"));
  const auto imp = implied(ev, "chain-test");
  EXPECT_EQ(imp.at("E4"), Ids{"E2"});
  EXPECT_EQ(imp.at("F7"), Ids{"E4"});
  EXPECT_EQ(grades(ev), "ADAADCAA");
  EXPECT_EQ(ids(ev.recommended_actions), (Ids{"E10", "F7"}));
  EXPECT_TRUE(action(ev.recommended_actions, "F7").implied);
}

TEST(Evaluation, ConflictWhenDependentIsMet) {
  const auto ev = eval_file("conflict-met-dependent.yaml");
  ASSERT_EQ(ev.conflicts.size(), 1u);
  const auto& c = ev.conflicts.front();
  EXPECT_EQ(c.requirement, "B1");
  EXPECT_EQ(c.regulation, k2015);
  EXPECT_EQ(c.because, Ids{"E2"});
  EXPECT_NE(c.message.find("B1"), std::string::npos);
  EXPECT_NE(c.message.find("E2"), std::string::npos);
  // The explicit met stands: B1 is neither implied nor unmet.
  EXPECT_EQ(outcome(ev, k2015, "B1").status, Status::met);
  EXPECT_EQ(outcome(ev, k2015, "B1").origin, StatusOrigin::finding);
  EXPECT_EQ(implied(ev, k2015),
            (std::map<std::string, Ids>{{"B2", {"E2"}}, {"E4", {"E2"}}, {"E10", {"E2"}}}));
  EXPECT_EQ(grades(ev), "ADAADAAA");
  EXPECT_EQ(ev.result("B").decisive, Ids{"B2"});
  EXPECT_EQ(ids(ev.required_actions), (Ids{"B2", "E2", "E4"}));
  EXPECT_EQ(ids(ev.recommended_actions), Ids{"E10"});
  EXPECT_EQ(ev.action_plan_required, std::optional<bool>(true));
}

TEST(Evaluation, ExplicitPartialOrNotApplicableDependentIsNeitherImpliedNorConflict) {
  const auto ev = eval_text(R"(inspection:
  regulations: [sosfs-2015-8]
  default_status: met
findings:
  D6: not_met
  D7: partially_met
  F3: not_applicable
)");
  const auto imp = implied(ev, k2015);
  EXPECT_FALSE(imp.contains("D7"));
  EXPECT_FALSE(imp.contains("F3"));
  EXPECT_TRUE(imp.contains("F4"));
  EXPECT_TRUE(ev.conflicts.empty());
  EXPECT_EQ(outcome(ev, k2015, "D7").status, Status::partially_met);
  EXPECT_EQ(outcome(ev, k2015, "F3").status, Status::not_applicable);
}

// Known gap, reported and left for a decision: with D6 not assessed and default_status met,
// E1, E4 and F1 keep their default "met" although an unmet D6 would make them implied not met,
// so E and F are reported as a certain A while D is still possible. Enable once evaluation
// treats a default status that an unknown prerequisite could override as unknown.
TEST(Evaluation, UnknownPrerequisiteLeavesDefaultDependentsUnknown) {
  const auto ev = eval_text(R"(inspection:
  regulations: [sosfs-2015-8]
  default_status: met
findings:
  D6: not_assessed
)");
  EXPECT_EQ(set(ev.possible_grades("D")), "AD");
  EXPECT_EQ(ev.grade("E"), std::nullopt);
  EXPECT_TRUE(ev.possible_grades("E").contains(Grade::D));
  // Exactly {A, D}: F1 and the F3-F5 advice fall together with D6, so C alone is impossible.
  EXPECT_EQ(set(ev.possible_grades("F")), "AD");
  // An explicit finding on the dependent stands whatever D6 turns out to be.
  const auto stated = eval_text(R"(inspection:
  regulations: [sosfs-2015-8]
  default_status: met
findings:
  D6: not_assessed
  E1: met
  E4: met
)");
  EXPECT_EQ(stated.grade("E"), Grade::A);
}

// ---------------------------------------------------------------------------------------
// Provisional grades

TEST(Evaluation, ProvisionalAOrC) {
  const auto ev = eval_file("provisional-a-c.yaml");
  EXPECT_EQ(grades(ev), "AAAAA?AA");
  EXPECT_EQ(ev.grade("F"), std::nullopt);
  EXPECT_EQ(set(ev.possible_grades("F")), "AC");
  EXPECT_EQ(set(ev.possible_grades("F", k2015)), "AC");
  const auto& f = ev.result("F");
  EXPECT_EQ(f.computed, std::nullopt);
  EXPECT_EQ(f.deciding_row, -1);
  EXPECT_TRUE(f.decisive.empty());
  EXPECT_EQ(f.unknown, (Ids{"F3", "F6"}));
  EXPECT_EQ(set(ev.combined("F").possible), "AC");
  EXPECT_EQ(ev.combined("F").grade, std::nullopt);
  EXPECT_TRUE(ev.required_actions.empty());
  EXPECT_TRUE(ev.recommended_actions.empty());
  EXPECT_TRUE(ev.improvements.empty());
  EXPECT_EQ(ev.action_plan_required, std::optional<bool>(false));  // D is impossible

  // With F3 met the grade is settled: {A}.
  const auto settled = eval_text(R"(inspection:
  regulations: [sosfs-2015-8]
  default_status: met
findings:
  F6: not_assessed
)");
  EXPECT_EQ(settled.grade("F"), Grade::A);
}

TEST(Evaluation, ProvisionalAOrD) {
  const auto ev = eval_file("provisional-a-d.yaml");
  EXPECT_EQ(grades(ev), "AAAA?AAA");
  EXPECT_EQ(set(ev.possible_grades("E")), "AD");
  EXPECT_EQ(ev.result("E").unknown, Ids{"E5"});
  EXPECT_TRUE(ev.required_actions.empty());
  // A D is possible but not certain: unknown.
  EXPECT_EQ(ev.action_plan_required, std::nullopt);
}

TEST(Evaluation, ProvisionalCombinedAcrossRegulations) {
  // E5 unknown under both: {A, D} each; E7 not met under 2015 only (advice there): {C, D}.
  const auto ev = eval_text(R"(inspection:
  regulations: [sosfs-2015-8, hslf-fs-2021-8]
  default_status: met
findings:
  E5: not_assessed
  E7: {by_regulation: {sosfs-2015-8: not_met}}
)");
  EXPECT_EQ(set(ev.possible_grades("E", k2015)), "CD");
  EXPECT_EQ(set(ev.possible_grades("E", k2021)), "AD");
  EXPECT_EQ(set(ev.possible_grades("E")), "CD");
  EXPECT_EQ(ev.grade("E"), std::nullopt);
  EXPECT_EQ(ev.action_plan_required, std::nullopt);
  EXPECT_EQ(ids(ev.recommended_actions), Ids{"E7"});
}

// ---------------------------------------------------------------------------------------
// Indicators and isolated exceptions

TEST(Evaluation, IndicatorsInFourStepAreas) {
  const auto ev = eval_file("indicators-four-step.yaml");
  EXPECT_EQ(ev.result("B").count(Kind::indicator).unmet, 0);
  EXPECT_EQ(ev.grade("B"), Grade::A);
  EXPECT_EQ(ev.result("D").count(Kind::indicator).unmet, 1);
  EXPECT_EQ(ev.grade("D"), Grade::A);
  EXPECT_EQ(ev.result("E").count(Kind::indicator).unmet, 2);
  EXPECT_EQ(ev.grade("E"), Grade::B);
  EXPECT_EQ(ev.result("E").decisive, (Ids{"E13", "E14"}));
  EXPECT_EQ(ev.result("D").deciding_row, 3);  // the A row
  EXPECT_TRUE(ev.result("D").decisive.empty());
  EXPECT_EQ(grades(ev), "AAAABAAA");
  EXPECT_TRUE(ev.required_actions.empty());
  EXPECT_TRUE(ev.recommended_actions.empty());
  EXPECT_EQ(ids(ev.improvements), (Ids{"D12", "E13", "E14"}));
  EXPECT_EQ(ev.action_plan_required, std::optional<bool>(false));
}

TEST(Evaluation, IndicatorsInThreeStepAreas) {
  const auto ev = eval_file("indicators-three-step.yaml");
  EXPECT_EQ(ev.result("A", k2015).scale, "three-step-a");
  EXPECT_EQ(ev.result("C", k2015).scale, "three-step-c");
  EXPECT_EQ(ev.result("A", k2015).count(Kind::indicator).unmet, 0);
  EXPECT_EQ(ev.grade("A", k2015), Grade::A);
  EXPECT_EQ(ev.grade("A", k2021), Grade::A);
  EXPECT_EQ(ev.result("C", k2015).count(Kind::indicator).unmet, 1);
  EXPECT_EQ(ev.grade("C", k2015), Grade::A);
  EXPECT_EQ(ev.result("C", k2021).count(Kind::indicator).unmet, 2);
  EXPECT_EQ(ev.grade("C", k2021), Grade::B);
  EXPECT_EQ(ev.grade("C"), Grade::B);
  EXPECT_EQ(grades(ev), "AABAAAAA");
  EXPECT_EQ(ids(ev.improvements), (Ids{"C3", "C4"}));
  EXPECT_EQ(action(ev.improvements, "C3").regulations, (Ids{k2015, k2021}));
  EXPECT_EQ(action(ev.improvements, "C4").regulations, Ids{k2021});
  EXPECT_EQ(ev.action_plan_required, std::optional<bool>(false));
}

TEST(Evaluation, ThreeStepAreaHasNoC) {
  // Every A-area provision unknown: D or A, never B (one indicator) and never C.
  const auto ev = eval_text(R"(inspection:
  regulations: [sosfs-2015-8]
  default_status: met
findings:
  A1: not_assessed
  C3: not_met
  C4: not_met
  C1: not_met
)");
  EXPECT_EQ(set(ev.possible_grades("A")), "AD");
  EXPECT_EQ(ev.grade("C"), Grade::D);
  EXPECT_EQ(ev.result("C").decisive, Ids{"C1"});
}

// ---------------------------------------------------------------------------------------
// Overrides, not applicable, default status

TEST(Evaluation, OverrideKeepsTheComputedGrade) {
  const auto ev = eval_file("override-with-reason.yaml");
  const auto& e = ev.result("E");
  EXPECT_EQ(e.computed, Grade::B);
  EXPECT_EQ(set(e.possible), "B");
  ASSERT_TRUE(e.override.has_value());
  EXPECT_EQ(e.override->grade, Grade::A);
  EXPECT_EQ(e.override->reason,
            "Utvecklingssamtal och uppföljning sker, men dokumentationen saknades vid besöket.");
  EXPECT_FALSE(e.override->regulation.has_value());
  EXPECT_EQ(e.grade(), Grade::A);
  EXPECT_EQ(set(e.effective()), "A");
  const auto& g = ev.result("G");
  EXPECT_EQ(g.computed, Grade::A);
  ASSERT_TRUE(g.override.has_value());
  EXPECT_EQ(g.override->grade, Grade::B);
  EXPECT_EQ(g.override->regulation, std::optional<std::string>(k2015));
  EXPECT_EQ(g.override->reason, "Forskningsmiljön är svag.");
  EXPECT_FALSE(ev.result("D").override.has_value());
  EXPECT_EQ(grades(ev), "AAAAAABA");
  EXPECT_EQ(ev.grade("E", k2015), Grade::A);
  // Actions follow the findings, not the override.
  EXPECT_EQ(ids(ev.improvements), (Ids{"E13", "E14"}));
  EXPECT_EQ(ev.action_plan_required, std::optional<bool>(false));
}

TEST(Evaluation, OverrideDecidesWhetherAPlanIsRequired) {
  const auto ev = eval_text(R"(inspection:
  regulations: [sosfs-2015-8]
  default_status: met
findings:
  D1: not_met
overrides:
  - {area: D, grade: C, reason: "Granskarna bedömer bristen som ringa."}
)");
  EXPECT_EQ(ev.result("D").computed, Grade::D);
  EXPECT_EQ(ev.grade("D"), Grade::C);
  EXPECT_EQ(ids(ev.required_actions), Ids{"D1"});
  EXPECT_EQ(ev.action_plan_required, std::optional<bool>(false));

  // An override of one regulation leaves the other computed.
  const auto two = eval_text(R"(inspection:
  regulations: [sosfs-2015-8, hslf-fs-2021-8]
  default_status: met
findings:
  E7: not_met
overrides:
  - {area: E, regulation: hslf-fs-2021-8, grade: C, reason: "Skäl."}
)");
  EXPECT_EQ(two.grade("E", k2015), Grade::C);
  EXPECT_EQ(two.grade("E", k2021), Grade::C);
  EXPECT_EQ(two.result("E", k2021).computed, Grade::D);
  EXPECT_FALSE(two.result("E", k2015).override.has_value());
  EXPECT_EQ(two.grade("E"), Grade::C);
  EXPECT_EQ(two.action_plan_required, std::optional<bool>(false));
}

TEST(Evaluation, NotApplicableLeavesTheCounts) {
  const auto ev = eval_file("not-applicable-d13.yaml");
  const auto& ind = ev.result("D").count(Kind::indicator);
  EXPECT_EQ(ind.met, 0);
  EXPECT_EQ(ind.unmet, 1);
  EXPECT_EQ(ind.unknown, 0);
  EXPECT_EQ(ind.not_applicable, 1);
  EXPECT_EQ(ind.total(), 1);
  EXPECT_EQ(ev.result("D").count(Kind::provision).met, 8);
  EXPECT_EQ(ev.result("D").count(Kind::advice).met, 3);
  EXPECT_EQ(grades(ev), "AAAAAAAA");
  EXPECT_EQ(ids(ev.improvements), Ids{"D12"});
  EXPECT_EQ(ev.action_plan_required, std::optional<bool>(false));

  // Without D13 not applicable, D12 and D13 unmet would give B.
  const auto both = eval_text(R"(inspection:
  regulations: [sosfs-2015-8]
  default_status: met
findings:
  D12: not_met
  D13: not_met
)");
  EXPECT_EQ(both.grade("D"), Grade::B);
}

TEST(Evaluation, DefaultStatusMet) {
  const auto ev = eval_file("default-status-met.yaml");
  EXPECT_EQ(grades(ev), "AAADAAAA");
  for (const auto& r : ev.results) EXPECT_TRUE(r.unknown.empty()) << r.area;
  EXPECT_EQ(outcome(ev, k2015, "D2").origin, StatusOrigin::default_status);
  EXPECT_EQ(outcome(ev, k2015, "D2").status, Status::met);
  EXPECT_EQ(ev.result("D").decisive, Ids{"D1"});
  EXPECT_EQ(ids(ev.required_actions), Ids{"D1"});
  EXPECT_TRUE(ev.recommended_actions.empty());
  EXPECT_TRUE(ev.improvements.empty());
  EXPECT_EQ(ev.action_plan_required, std::optional<bool>(true));
}

TEST(Evaluation, DefaultStatusAbsentMeansNotAssessed) {
  const auto ev = eval_file("default-status-absent.yaml");
  EXPECT_EQ(outcome(ev, k2015, "D2").status, Status::not_assessed);
  EXPECT_EQ(outcome(ev, k2015, "D2").origin, StatusOrigin::default_status);
  EXPECT_EQ(grades(ev), "???D????");
  EXPECT_EQ(ev.result("D").deciding_row, 0);
  EXPECT_EQ(ev.result("D").decisive, Ids{"D1"});
  EXPECT_EQ(set(ev.possible_grades("A")), "AD");
  EXPECT_EQ(set(ev.possible_grades("B")), "ABCD");
  EXPECT_EQ(set(ev.possible_grades("C")), "ABD");
  EXPECT_EQ(set(ev.possible_grades("E")), "ABCD");
  EXPECT_EQ(set(ev.possible_grades("F")), "ACD");
  EXPECT_EQ(set(ev.possible_grades("G")), "ABCD");
  EXPECT_EQ(set(ev.possible_grades("H")), "ACD");
  EXPECT_EQ(ev.result("A").unknown, (Ids{"A1", "A2", "A3", "A4"}));
  EXPECT_EQ(ev.result("A").count(Kind::provision).unknown, 3);
  EXPECT_EQ(ids(ev.required_actions), Ids{"D1"});
  EXPECT_EQ(ev.action_plan_required, std::optional<bool>(true));
}

// ---------------------------------------------------------------------------------------
// Every fixture evaluates, and the example

TEST(Evaluation, EveryFixtureEvaluatesWithoutErrors) {
  int n = 0;
  for (const auto& entry : std::filesystem::directory_iterator(inspection_path(""))) {
    if (entry.path().extension() != ".yaml") continue;
    ++n;
    SCOPED_TRACE(entry.path().filename().string());
    const auto text = spur::test::read_file(entry.path());
    EXPECT_EQ(text.rfind("# Covers:", 0), 0u) << "starts with a comment saying what it covers";
    EXPECT_NO_THROW({
      const auto ev = eval_file(entry.path().filename().string());
      EXPECT_FALSE(spur::has_errors(ev.diagnostics));
    });
  }
  EXPECT_GE(n, 14);
}

TEST(Evaluation, PalliativeExample) {
  const auto ev = spur::evaluate(
      spur::test::bundled(),
      Inspection::load(spur::test::source_dir() / "examples" / "palliativ-sydostra-skane.yaml"));
  EXPECT_EQ(ev.regulations, Ids{k2015});
  for (const auto& a : kAreas) {
    const bool d = a == "D" || a == "H";
    EXPECT_EQ(ev.possible_grades(a).contains(Grade::D), d) << a;
    if (d) {
      EXPECT_EQ(ev.grade(a), Grade::D) << a;
    }
  }
  const auto req = ids(ev.required_actions);
  for (const auto& id : {"D1", "D7", "H2", "H7", "H9"})
    EXPECT_NE(std::find(req.begin(), req.end(), id), req.end()) << id;
  EXPECT_EQ(req, (Ids{"D1", "D7", "H2", "H7", "H9"}));
  EXPECT_EQ(action(ev.required_actions, "H2").status, Status::partially_met);
  EXPECT_EQ(ev.action_plan_required, std::optional<bool>(true));
  EXPECT_TRUE(ev.implied.empty());
  EXPECT_TRUE(ev.conflicts.empty());
}

// ---------------------------------------------------------------------------------------
// Lookups

TEST(Evaluation, LookupErrors) {
  const auto one = eval_file("default-status-met.yaml");
  EXPECT_THROW(one.grade("Z"), spur::LookupError);
  EXPECT_THROW(one.grade("Z", k2015), spur::LookupError);
  EXPECT_THROW(one.result("Z"), spur::LookupError);
  EXPECT_THROW(one.combined("Z"), spur::LookupError);
  EXPECT_THROW(one.possible_grades("Z"), spur::LookupError);
  EXPECT_THROW(one.grade("D", k2021), spur::LookupError);
  EXPECT_THROW(one.grade("D", "no-such-regulation"), spur::LookupError);
  try {
    one.result("D", k2021);
    ADD_FAILURE() << "no LookupError";
  } catch (const spur::LookupError& e) {
    EXPECT_NE(std::string(e.what()).find("not inspected"), std::string::npos) << e.what();
  }
  try {
    one.result("Z", k2015);
    ADD_FAILURE() << "no LookupError";
  } catch (const spur::LookupError& e) {
    EXPECT_NE(std::string(e.what()).find("unknown area 'Z'"), std::string::npos) << e.what();
  }
  EXPECT_EQ(one.result("D").regulation, k2015);  // the single regulation
  // An area letter may be given in lower case, as on the command line.
  EXPECT_EQ(one.grade("d"), one.grade("D"));
  EXPECT_EQ(one.grade("d", k2015), one.grade("D", k2015));
  EXPECT_EQ(&one.result("e"), &one.result("E"));
  EXPECT_THROW(one.grade("dd"), spur::LookupError);

  const auto two = eval_file("e7-both-regulations.yaml");
  try {
    two.result("E");
    ADD_FAILURE() << "no LookupError";
  } catch (const spur::LookupError& e) {
    EXPECT_NE(std::string(e.what()).find("name the regulation"), std::string::npos) << e.what();
  }
  EXPECT_NO_THROW(two.result("E", k2021));
  EXPECT_EQ(two.grade("E"), Grade::D);  // combined when no regulation is named
}

// ---------------------------------------------------------------------------------------
// Threads

TEST(Evaluation, ConcurrentEvaluationGivesIdenticalResults) {
  const auto insp = std::make_shared<const Inspection>(
      Inspection::load(inspection_path("implied-two-causes.yaml")));
  const auto two =
      std::make_shared<const Inspection>(Inspection::load(inspection_path("by-regulation.yaml")));
  const spur::RuleBook book = spur::test::bundled();
  const std::string expected = spur::to_json(spur::evaluate(book, insp)).dump();
  const std::string expected_two = spur::to_json(spur::evaluate(book, two)).dump();
  std::vector<int> mismatches(4, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 200; ++i) {
        const auto& which = (i + t) % 2 ? insp : two;
        const auto& want = (i + t) % 2 ? expected : expected_two;
        if (spur::to_json(spur::evaluate(book, which)).dump() != want) ++mismatches[t];
      }
    });
  for (auto& t : threads) t.join();
  for (int t = 0; t < 4; ++t) EXPECT_EQ(mismatches[t], 0) << "thread " << t;
}

}  // namespace
