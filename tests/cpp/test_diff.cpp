// `spur diff`: what a newer regulation changes, and how replayed inspections' grades and actions
// change with it. Golden files under tests/data/diff; SPUR_UPDATE_GOLDEN=1 rewrites them.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>

#include "spur/diff.hpp"
#include "spur/evaluation.hpp"
#include "support.hpp"

namespace spur::test {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;

const std::string old_reg = "sosfs-2015-8";
const std::string new_reg = "hslf-fs-2021-8";

std::vector<std::string> ids(const std::vector<const Requirement*>& list) {
  std::vector<std::string> out;
  for (const Requirement* q : list) out.push_back(q->id);
  return out;
}

Replay replay_yaml(const std::string& yaml) {
  const RuleBook& book = bundled();
  return replay(book, diff(book, old_reg, new_reg), Inspection::parse(yaml, "test.yaml"));
}

// --- structure -------------------------------------------------------------------------------

TEST(DiffBundled, E7ChangesKindG5AndG6AreRemovedG11IsAdded) {
  const RegulationDiff d = diff(bundled(), old_reg, new_reg);
  EXPECT_EQ(d.old_regulation, old_reg);
  EXPECT_EQ(d.new_regulation, new_reg);
  EXPECT_THAT(ids(d.added), ElementsAre("G11"));
  EXPECT_THAT(ids(d.removed), ElementsAre("G5", "G6"));
  ASSERT_EQ(d.changed.size(), 1u);
  const RequirementChange& e7 = d.changed[0];
  EXPECT_EQ(e7.id, "E7");
  // Its source document changes too, which is provenance, not meaning: not reported.
  EXPECT_NE(e7.before->source.document, e7.after->source.document);
  EXPECT_THAT(e7.fields, ElementsAre(RequirementField::kind));
  EXPECT_EQ(e7.before->kind, Kind::advice);
  EXPECT_EQ(e7.after->kind, Kind::provision);
  EXPECT_TRUE(d.affects_grading("E7"));
  EXPECT_TRUE(d.affects_grading("G5"));
  EXPECT_TRUE(d.affects_grading("G11"));
  EXPECT_FALSE(d.affects_grading("E6"));
}

TEST(DiffBundled, JsonMatchesGolden) {
  expect_golden(to_json(diff(bundled(), old_reg, new_reg)), data_dir() / "diff" / "bundled.json");
}

TEST(DiffBundled, AgainstItselfIsEmptyAndTheReverseSwapsAddedAndRemoved) {
  EXPECT_TRUE(diff(bundled(), new_reg, new_reg).empty());
  const RegulationDiff back = diff(bundled(), new_reg, old_reg);
  EXPECT_THAT(ids(back.added), ElementsAre("G5", "G6"));
  EXPECT_THAT(ids(back.removed), ElementsAre("G11"));
  ASSERT_EQ(back.changed.size(), 1u);
  EXPECT_EQ(back.changed[0].before->kind, Kind::provision);
}

TEST(Diff, UnknownRegulationNamesTheKnownOnes) {
  try {
    diff(bundled(), "sosfs-2099-1", "hslf-2099-2");
    FAIL() << "no LookupError";
  } catch (const LookupError& e) {
    ASSERT_EQ(e.diagnostics().size(), 2u);
    EXPECT_THAT(
        e.diagnostics()[0].message,
        HasSubstr("unknown regulation 'sosfs-2099-1' (known: sosfs-2015-8, hslf-fs-2021-8)"));
    EXPECT_THAT(e.diagnostics()[1].message, HasSubstr("'hslf-2099-2'"));
  }
  EXPECT_THROW(diff(bundled(), old_reg, "nope"), LookupError);
}

// Two scratch regulations: the second amends text, area, requires and confidence, moves only
// the source of one requirement and only reorders the requires of another.
class DiffScratch : public ::testing::Test {
 protected:
  void SetUp() override {
    rules.regulation("r-old", R"(regulation: r-old
title: Old
model: spur-st
requirements:
  - {id: D1, area: D, kind: provision, text: "a", confidence: high, source: {document: Old}}
  - {id: D2, area: D, kind: advice, text: "b", confidence: medium, source: {document: Old}}
  - {id: D3, area: D, kind: indicator, text: "c", requires: [D1], confidence: low, source: {document: Old}}
  - {id: D5, area: D, kind: provision, text: "d", confidence: high, source: {document: Old}}
  - {id: E1, area: E, kind: provision, text: "e", confidence: high, source: {document: Old}}
  - {id: E2, area: E, kind: provision, text: "f", requires: [D1, E1], confidence: high, source: {document: Old}}
  - {id: F1, area: F, kind: provision, text: "g", requires: [D5], confidence: high, source: {document: Old}}
)");
    rules.regulation("r-new", R"(regulation: r-new
title: New
model: spur-st
based_on: r-old
amend:
  - {id: D1, source: {document: New}}
  - {id: D2, text: "b, omskriven"}
  - {id: D3, area: E, requires: [D1, E1], confidence: high}
  - {id: D5, requires: [D1]}
  - {id: E2, requires: [E1, D1]}
)");
    book.emplace(RuleBook::load(rules.path()));
  }
  ScratchRules rules;
  std::optional<RuleBook> book;
};

TEST_F(DiffScratch, ReportsTextAreaRequiresAndConfidence) {
  const RegulationDiff d = diff(*book, "r-old", "r-new");
  EXPECT_THAT(d.added, IsEmpty());
  EXPECT_THAT(d.removed, IsEmpty());
  std::vector<std::string> changed;
  for (const auto& c : d.changed) changed.push_back(c.id);
  EXPECT_THAT(changed, ElementsAre("D2", "D3", "D5"));
  const nlohmann::json j = to_json(d);
  EXPECT_EQ(j["changed"][0],
            nlohmann::json::parse(R"({"id": "D2", "changes": {"text": ["b", "b, omskriven"]}})"));
  EXPECT_EQ(j["changed"][1], nlohmann::json::parse(R"({"id": "D3", "changes": {
      "area": ["D", "E"], "requires": [["D1"], ["D1", "E1"]], "confidence": ["low", "high"]}})"));
  EXPECT_EQ(j["changed"][2],
            nlohmann::json::parse(R"({"id": "D5", "changes": {"requires": [[], ["D1"]]}})"));
  EXPECT_FALSE(d.affects_grading("D2"));  // text only
  EXPECT_TRUE(d.affects_grading("D3"));
}

TEST_F(DiffScratch, ReplayTracesAnImplicationToTheChangedPrerequisite) {
  // D1 not met: under r-new D5 now requires D1, so D5 and its dependent F1 are implied not met.
  const std::string yaml = R"(inspection:
  unit: X
  regulations: [r-old]
  default_status: met
findings:
  D1: not_met
)";
  const Replay r = replay(*book, diff(*book, "r-old", "r-new"), Inspection::parse(yaml, "x.yaml"));
  EXPECT_EQ(r.inspection, "x.yaml");  // no id: the file names it
  // D3 moves to E, implied not met on both sides: one unmet indicator leaves E at A.
  ASSERT_EQ(r.grades.size(), 1u);
  EXPECT_EQ(r.grades[0].area, "F");
  EXPECT_EQ(r.grades[0].old_grade, Grade::A);
  EXPECT_EQ(r.grades[0].new_grade, Grade::D);
  EXPECT_THAT(r.grades[0].causes, ElementsAre("D5"));
  std::vector<std::string> actions;
  for (const auto& a : r.actions) actions.push_back(a.requirement);
  EXPECT_THAT(actions, ElementsAre("D5", "F1"));
  EXPECT_EQ(r.actions[1].old_class, ActionClass::none);
  EXPECT_EQ(r.actions[1].new_class, ActionClass::required);
  EXPECT_THAT(r.actions[1].causes, ElementsAre("D5"));
}

// --- replay ----------------------------------------------------------------------------------

TEST(DiffReplay, E7NotMetTurnsECIntoDAndARecommendedIntoARequiredAction) {
  const RuleBook& book = bundled();
  const Replay r =
      replay(book, diff(book, old_reg, new_reg), Inspection::load(data_dir() / "diff" / "e7.yaml"));
  EXPECT_EQ(r.inspection, "diff-e7");
  ASSERT_EQ(r.grades.size(), 1u);
  const GradeChange& e = r.grades[0];
  EXPECT_EQ(e.area, "E");
  EXPECT_EQ(e.old_grade, Grade::C);
  EXPECT_EQ(e.new_grade, Grade::D);
  EXPECT_THAT(e.causes, ElementsAre("E7"));
  ASSERT_EQ(r.actions.size(), 1u);
  EXPECT_EQ(r.actions[0].requirement, "E7");
  EXPECT_EQ(r.actions[0].old_class, ActionClass::recommended);
  EXPECT_EQ(r.actions[0].new_class, ActionClass::required);
  EXPECT_THAT(r.actions[0].causes, ElementsAre("E7"));
}

TEST(DiffReplay, E7JsonMatchesGolden) {
  const RuleBook& book = bundled();
  const auto file = data_dir() / "diff" / "e7.yaml";
  expect_golden(to_json(replay(book, diff(book, old_reg, new_reg), Inspection::load(file))),
                data_dir() / "diff" / "replay-e7.json");
}

TEST(DiffReplay, G5NotMetUnder2015NoLongerCountsUnder2021) {
  const Replay r = replay_yaml(R"(inspection:
  id: g5
  unit: X
  regulations: [sosfs-2015-8]
  default_status: met
findings:
  G5: not_met
  G8: not_met
)");
  ASSERT_EQ(r.grades.size(), 1u);
  EXPECT_EQ(r.grades[0].area, "G");
  EXPECT_EQ(r.grades[0].old_grade, Grade::D);
  ASSERT_TRUE(r.grades[0].new_grade);
  EXPECT_LT(*r.grades[0].new_grade, Grade::D);
  EXPECT_THAT(r.grades[0].causes, ElementsAre("G5"));  // not G8: unmet under both
  ASSERT_EQ(r.actions.size(), 1u);
  EXPECT_EQ(r.actions[0].requirement, "G5");
  EXPECT_EQ(r.actions[0].old_class, ActionClass::required);
  EXPECT_EQ(r.actions[0].new_class, ActionClass::none);
}

TEST(DiffReplay, AnAddedRequirementNotAssessedMakesTheGradeProvisional) {
  const Replay r = replay_yaml(R"(inspection:
  id: g11
  unit: X
  regulations: [sosfs-2015-8]
findings:
  G5: not_met
)");
  // Without default_status every other requirement is not assessed on both sides; G changes
  // from a certain D (G5) to what G11 and the rest leave open.
  ASSERT_EQ(r.grades.size(), 1u);
  EXPECT_EQ(r.grades[0].area, "G");
  EXPECT_EQ(r.grades[0].old_grade, Grade::D);
  EXPECT_FALSE(r.grades[0].new_grade);
  EXPECT_THAT(r.grades[0].causes, ElementsAre("G5", "G11"));
}

TEST(DiffReplay, ByRegulationFindingsApplyOnlyWhereTheyAreGiven) {
  // An inspection of both regulations: replaying it reproduces its two gradings.
  const auto file = data_dir() / "inspections" / "by-regulation.yaml";
  const Inspection insp = Inspection::load(file);
  const Evaluation both = evaluate(bundled(), insp);
  const Replay r = replay(bundled(), diff(bundled(), old_reg, new_reg), insp);
  for (const auto& g : r.grades) {
    EXPECT_EQ(g.old_possible, both.result(g.area, old_reg).possible) << g.area;
    EXPECT_EQ(g.new_possible, both.result(g.area, new_reg).possible) << g.area;
  }
  std::vector<std::string> areas;
  for (const auto& g : r.grades) areas.push_back(g.area);
  EXPECT_THAT(areas, ElementsAre("E", "G"));
  EXPECT_THAT(r.grades[0].causes, ElementsAre("E7"));
  EXPECT_THAT(r.grades[1].causes, ElementsAre("G5"));
  std::vector<std::string> actions;
  for (const auto& a : r.actions) actions.push_back(a.requirement);
  EXPECT_THAT(actions, ElementsAre("D12", "E7", "G5"));
  // D12 is the same indicator in both; only its by_regulation status differs.
  EXPECT_EQ(r.actions[0].old_class, ActionClass::none);
  EXPECT_EQ(r.actions[0].new_class, ActionClass::improvement);
  EXPECT_THAT(r.actions[0].causes, ElementsAre("D12"));
}

TEST(DiffReplay, ByRegulationOnAPrerequisiteIsTheCauseOfItsDependents) {
  const Replay r = replay_yaml(R"(inspection:
  id: d6
  unit: X
  regulations: [sosfs-2015-8]
  default_status: met
findings:
  D6: {by_regulation: {hslf-fs-2021-8: not_met}}
)");
  std::vector<std::string> areas;
  for (const auto& g : r.grades) areas.push_back(g.area);
  EXPECT_THAT(areas, ElementsAre("D", "E", "F"));
  for (const auto& g : r.grades) EXPECT_THAT(g.causes, ElementsAre("D6")) << g.area;
  for (const auto& a : r.actions) EXPECT_THAT(a.causes, ElementsAre("D6")) << a.requirement;
}

TEST(DiffReplay, OverridesAndThePlanAreLeftOut) {
  // The override names sosfs-2015-8, which the new side does not inspect: no error, and the
  // computed grades are compared.
  const Replay r =
      replay(bundled(), diff(bundled(), old_reg, new_reg),
             Inspection::load(data_dir() / "inspections" / "override-with-reason.yaml"));
  EXPECT_TRUE(r.empty());
}

TEST(DiffReplay, AnUnknownRequirementIsAnInspectionError) {
  EXPECT_THROW(replay_yaml("inspection: {unit: X, regulations: [sosfs-2015-8]}\n"
                           "findings:\n  Q9: not_met\n"),
               InspectionError);
}

// --- the command -----------------------------------------------------------------------------

TEST(DiffCli, TextListsEachDifference) {
  auto r = run_spur("diff sosfs-2015-8 hslf-fs-2021-8");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_THAT(r.out, HasSubstr("sosfs-2015-8 -> hslf-fs-2021-8: 1 changed, 2 removed, 1 added"));
  EXPECT_THAT(r.out, ::testing::ContainsRegex("\nE7 +changed  kind: advice -> provision\n"));
  EXPECT_THAT(r.out, ::testing::ContainsRegex("\nG5 +removed  provision in G: \""));
  EXPECT_THAT(r.out, ::testing::ContainsRegex("\nG6 +removed"));
  EXPECT_THAT(r.out, ::testing::ContainsRegex("\nG11 +added    indicator in G: \"ST-läkare"));
}

TEST(DiffCli, TextReplaysInspections) {
  auto r = run_spur("diff sosfs-2015-8 hslf-fs-2021-8 --replay " +
                    quoted(data_dir() / "diff" / "e7.yaml") + " " +
                    quoted(data_dir() / "inspections" / "override-with-reason.yaml"));
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_THAT(r.out, HasSubstr("replay diff-e7 ("));
  EXPECT_THAT(r.out, HasSubstr("  area E: C -> D (E7)\n"));
  EXPECT_THAT(r.out, HasSubstr("  E7: recommended -> required\n"));
  EXPECT_THAT(r.out, HasSubstr("replay override-with-reason ("));
  EXPECT_THAT(r.out, HasSubstr("  no grade or action changes\n"));
}

TEST(DiffCli, JsonIsTheGoldenDiffWithTheReplays) {
  const auto file = data_dir() / "diff" / "e7.yaml";
  auto r = run_spur("--rules " + quoted(rules_dir()) +
                    " diff sosfs-2015-8 hslf-fs-2021-8 --format json --replay " + quoted(file));
  ASSERT_EQ(r.exit_code, 0) << r.out;
  nlohmann::json j = nlohmann::json::parse(r.out);
  relativise(j, source_dir().string() + "/");
  ASSERT_EQ(j["replay"].size(), 1u);
  EXPECT_EQ(j["replay"][0],
            nlohmann::json::parse(read_file(data_dir() / "diff" / "replay-e7.json")));
  j.erase("replay");
  EXPECT_EQ(j, nlohmann::json::parse(read_file(data_dir() / "diff" / "bundled.json")));
  auto plain = run_spur("diff sosfs-2015-8 hslf-fs-2021-8 --format json");
  EXPECT_EQ(nlohmann::json::parse(plain.out)["replay"], nlohmann::json::array());
}

TEST(DiffCli, UnknownRegulationExitsOneNamingTheKnownOnes) {
  auto r = run_spur("diff sosfs-2015-8 hslf-2099-1");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.out,
              HasSubstr("unknown regulation 'hslf-2099-1' (known: sosfs-2015-8, hslf-fs-2021-8)"));
}

TEST(DiffCli, BadInspectionExitsOneAndStillReplaysTheOthers) {
  ScratchDir dir;
  auto bad = dir.write("bad.yaml",
                       "inspection: {unit: X, regulations: [sosfs-2015-8]}\n"
                       "findings:\n  Q9: not_met\n");
  auto r = run_spur("diff sosfs-2015-8 hslf-fs-2021-8 --replay " + quoted(bad) + " " +
                    quoted(data_dir() / "diff" / "e7.yaml"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.out, HasSubstr("bad.yaml:3:3: error: unknown requirement 'Q9'"));
  EXPECT_THAT(r.out, HasSubstr("area E: C -> D (E7)"));
  EXPECT_EQ(run_spur("diff sosfs-2015-8 hslf-fs-2021-8 --replay /nonexistent.yaml").exit_code, 1);
}

TEST(DiffCli, MissingRegulationIsUsage) {
  EXPECT_EQ(run_spur("diff sosfs-2015-8").exit_code, 2);
  EXPECT_EQ(run_spur("diff sosfs-2015-8 hslf-fs-2021-8 --format xml").exit_code, 2);
}

}  // namespace
}  // namespace spur::test
