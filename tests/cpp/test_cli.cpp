// The spur command as a user runs it: exit codes, messages with file and line, output formats.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support.hpp"

namespace spur::test {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

const std::string example = (source_dir() / "examples" / "palliativ-sydostra-skane.yaml").string();
std::string rules_arg() {
  return "--rules \"" + rules_dir().string() + "\" ";
}

TEST(Cli, ValidateBundledRulesExitsZeroWithoutWarnings) {
  auto r = run_spur("validate " + rules_arg());
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_THAT(r.out, HasSubstr("sosfs-2015-8: 74 requirements"));
  EXPECT_THAT(r.out, HasSubstr("hslf-fs-2021-8: 73 requirements"));
  EXPECT_THAT(r.out, Not(HasSubstr("warning")));
}

TEST(Cli, ValidateFindsBundledRulesWithoutBeingTold) {
  auto r = run_spur("validate");
  EXPECT_EQ(r.exit_code, 0) << r.out;
}

TEST(Cli, ValidateReportsACycleWithIdsFileAndLine) {
  auto r = run_spur("validate --rules " + quoted(data_dir() / "rules-broken" / "cycle"));
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_THAT(r.out, HasSubstr("regulation.yaml:"));
  EXPECT_THAT(r.out, HasSubstr("requires forms a cycle"));
  EXPECT_THAT(r.out, ::testing::ContainsRegex("regulation\\.yaml:[0-9]+:[0-9]+: error:"));
}

TEST(Cli, ValidateReportsADanglingRequires) {
  auto r = run_spur("validate --rules " + quoted(data_dir() / "rules-broken" / "dangling"));
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_THAT(r.out, HasSubstr("does not define"));
  EXPECT_THAT(r.out, ::testing::ContainsRegex("regulation\\.yaml:[0-9]+:[0-9]+: error:"));
}

TEST(Cli, ValidateReportsAnUnknownBase) {
  auto r = run_spur("validate --rules " + quoted(data_dir() / "rules-broken" / "unknown-base"));
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_THAT(r.out, HasSubstr("unknown regulation"));
  EXPECT_THAT(r.out, HasSubstr("in based_on"));
}

TEST(Cli, ValidateOfAMissingDirectoryExitsOne) {
  auto r = run_spur("validate --rules /nonexistent/rules");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.out, HasSubstr("/nonexistent/rules: error: no such rules directory"));
}

TEST(Cli, RulesJsonListsEveryRequirementOfARegulation) {
  auto r = run_spur("rules " + rules_arg() + "--regulation sosfs-2015-8 --format json");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["regulation"], "sosfs-2015-8");
  ASSERT_EQ(j["requirements"].size(), 74u);
  const auto& e4 = j["requirements"][34];
  EXPECT_EQ(e4["id"], "E4");
  EXPECT_EQ(e4["requires"], nlohmann::json({"E2", "D6"}));
  EXPECT_EQ(e4["source"]["paragraph"], nullptr);
  auto r21 = run_spur("rules " + rules_arg() + "--regulation hslf-fs-2021-8 --format json");
  EXPECT_EQ(nlohmann::json::parse(r21.out)["requirements"].size(), 73u);
}

TEST(Cli, RulesOfAnUnknownRegulationNamesTheKnownOnes) {
  auto r = run_spur("rules --regulation sosfs-2099-1");
  EXPECT_EQ(r.exit_code, 2);  // wrong usage: the option's value
  EXPECT_THAT(r.out, HasSubstr("spur rules: error: --regulation sosfs-2099-1: "));
  EXPECT_THAT(r.out,
              HasSubstr("unknown regulation 'sosfs-2099-1' (known: sosfs-2015-8, hslf-fs-2021-8)"));
}

TEST(Cli, GraphIsGraphvizOrJson) {
  auto dot = run_spur("graph");
  EXPECT_EQ(dot.exit_code, 0);
  EXPECT_THAT(dot.out, ::testing::StartsWith("digraph spur {"));
  auto json = run_spur("graph --format json");
  ASSERT_EQ(json.exit_code, 0);
  auto j = nlohmann::json::parse(json.out);
  EXPECT_GT(j["nodes"].size(), 147u);
}

TEST(Cli, EvaluateTheExampleGradesDAndHAsD) {
  auto r = run_spur("evaluate " + example);
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_THAT(r.out, ::testing::ContainsRegex("D  Tjänstgöringens upplägg +D"));
  EXPECT_THAT(r.out,
              ::testing::ContainsRegex("H  Ledarskapskompetens och kommunikativ kompetens +D"));
  EXPECT_THAT(r.out, HasSubstr("Åtgärder krävs / required actions (5)"));
  EXPECT_THAT(r.out, HasSubstr("action plan required: ja / yes"));
}

TEST(Cli, EvaluateJsonFollowsTheContract) {
  auto r = run_spur("evaluate " + example + " --format json");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["spur_version"], "0.1.0");
  EXPECT_EQ(j["inspection"]["regulations"], nlohmann::json({"sosfs-2015-8"}));
  std::vector<std::string> required;
  for (const auto& a : j["required_actions"]) required.push_back(a["requirement"]);
  EXPECT_EQ(required, (std::vector<std::string>{"D1", "D7", "H2", "H7", "H9"}));
  EXPECT_EQ(j["action_plan_required"], true);
  for (const auto& res : j["results"])
    EXPECT_EQ(res["grade"] == "D", res["area"] == "D" || res["area"] == "H") << res["area"];
}

TEST(Cli, EvaluateSeveralFilesGivesAJsonList) {
  auto r = run_spur("evaluate " + example + " " + example + " --format json");
  ASSERT_EQ(r.exit_code, 0);
  EXPECT_EQ(nlohmann::json::parse(r.out).size(), 2u);
}

TEST(Cli, FailOnDExitsThreeWhenADIsCertain) {
  EXPECT_EQ(run_spur("evaluate " + example + " --fail-on D").exit_code, 3);
  EXPECT_EQ(run_spur("evaluate " + example + " --fail-on C").exit_code, 3);
}

TEST(Cli, FailOnDoesNotFireOnAPossibleD) {
  ScratchDir dir;
  auto file = dir.write("x.yaml",
                        "inspection: {unit: X, regulations: [sosfs-2015-8], default_status: met}\n"
                        "findings:\n  A1: not_assessed\n");
  EXPECT_EQ(run_spur("evaluate " + quoted(file) + " --fail-on D").exit_code, 0);
}

TEST(Cli, EvaluateReportsBadInputWithFileAndLine) {
  ScratchDir dir;
  auto file = dir.write("bad.yaml",
                        "inspection: {unit: X, regulations: [sosfs-2015-8]}\n"
                        "findings:\n  D1: not_met\n  D7: maybe\n");
  auto r = run_spur("evaluate " + quoted(file));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.out, HasSubstr("bad.yaml:4:7: error: unknown status 'maybe' for D7 (allowed: met, "
                               "partially_met, not_met, not_applicable, not_assessed)"));
}

TEST(Cli, EvaluateOfAMissingFileExitsOne) {
  auto r = run_spur("evaluate /nonexistent/inspection.yaml");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.out, HasSubstr("/nonexistent/inspection.yaml: error: no such file"));
}

TEST(Cli, EvaluateOfAnEmptyFileExitsOne) {
  ScratchDir dir;
  auto file = dir.write("empty.yaml", "");
  auto r = run_spur("evaluate " + quoted(file));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.out, HasSubstr("empty.yaml:1:1: error: the file is empty"));
}

TEST(Cli, ExplainTellsWhyAreaDIsD) {
  auto r = run_spur("explain " + example + " --area D");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_THAT(r.out, HasSubstr("Gradering / grade: D"));
  EXPECT_THAT(r.out, HasSubstr("> D  provision.unmet > 0  -> gäller / holds"));
  EXPECT_THAT(r.out, HasSubstr("D1 (föreskrift, ej uppfyllt)"));
  EXPECT_THAT(r.out, HasSubstr("Skaltext / scale text: Brister har påvisats"));
}

TEST(Cli, ExplainOfAnUnknownAreaIsWrongUsage) {
  auto r = run_spur("explain " + example + " --area Q");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.out, HasSubstr("spur explain: error: --area Q: no such area"));
}

TEST(Cli, WrongUsageExitsTwo) {
  EXPECT_EQ(run_spur("").exit_code, 2);
  EXPECT_EQ(run_spur("evaluate").exit_code, 2);
  EXPECT_EQ(run_spur("frobnicate").exit_code, 2);
  EXPECT_EQ(run_spur("evaluate x.yaml --format xml").exit_code, 2);
}

TEST(Cli, VersionAndVerbose) {
  auto v = run_spur("--version");
  EXPECT_EQ(v.exit_code, 0);
  EXPECT_THAT(v.out, HasSubstr("spur 0.1.0"));
  auto r = run_spur("-v evaluate " + example);
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_THAT(r.out, HasSubstr("spur: sosfs-2015-8 area D: possible"));
}

TEST(Cli, SpurRulesEnvironmentVariableIsHonoured) {
  auto r = run_spur("validate --rules /nonexistent 2>&1; SPUR_RULES=/nonexistent \"" +
                    std::string(SPUR_EXE) + "\" validate");
  EXPECT_THAT(r.out, HasSubstr("SPUR_RULES names /nonexistent"));
}

}  // namespace
}  // namespace spur::test
