// spur test: the bundled regulation tests pass with full coverage, and the runner catches a
// wrong expectation, a wrong kind and a wrong precondition with a readable diff.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "spur/regulation_tests.hpp"
#include "support.hpp"

namespace spur::test {
namespace {

using ::testing::HasSubstr;

TEST(RegulationTests, BundledTestsPassWithFullCoverage) {
  TestReport report = run_regulation_tests(bundled(), find_test_files(rules_dir()));
  EXPECT_TRUE(report.errors.empty());
  EXPECT_GT(report.passed(), 150);
  EXPECT_EQ(report.failed(), 0);
  for (const auto& c : report.cases)
    EXPECT_TRUE(c.passed()) << c.file << ":" << c.line << " " << c.name << ": " << c.failures[0];
  for (const auto& [id, cov] : report.coverage) {
    for (const auto& r : cov.requirements) {
      EXPECT_TRUE(cov.seen_unmet.count(r)) << id << " " << r;
      EXPECT_TRUE(cov.seen_met.count(r)) << id << " " << r;
    }
    EXPECT_EQ(cov.rows_hit, cov.reachable_rows) << id;
    EXPECT_EQ(cov.preconditions_hit, cov.preconditions) << id;
    EXPECT_EQ(cov.unreachable_rows, std::set<std::string>{"three-step-a/B"}) << id;
  }
}

TEST(RegulationTests, CommandEndsWithTheCountsAndCoverage) {
  auto r = run_spur("test --coverage");
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_THAT(r.out, ::testing::ContainsRegex("\n[0-9]+ passed, 0 failed\n$"));
  EXPECT_THAT(r.out, HasSubstr("requirements seen unmet and met  74/74  100%"));
  EXPECT_THAT(r.out, HasSubstr("requirements seen unmet and met  73/73  100%"));
  EXPECT_THAT(r.out, HasSubstr("preconditions that implied       21/21  100%"));
}

TEST(RegulationTests, AWrongExpectationFailsWithADiff) {
  ScratchDir dir;
  auto file = dir.write("wrong.yaml", R"(regulation: sosfs-2015-8
cases:
  - name: E2 not met
    inspection: {findings: {E2: not_met}}
    expect:
      grades: {E: C, A: A}
      required: [E2, E4]
      implied: [E4]
)");
  auto r = run_spur("test " + quoted(file));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.out, HasSubstr("FAIL  E2 not met  (line 3)"));
  EXPECT_THAT(r.out, HasSubstr("grades E: expected C, got D"));
  EXPECT_THAT(r.out,
              HasSubstr("required: expected [E2, E4], got [B1, B2, E2, E4] (unexpected B1, B2)"));
  EXPECT_THAT(r.out,
              HasSubstr("implied: expected [E4], got [B1, B2, E10, E4] (unexpected B1, B2, E10)"));
  EXPECT_THAT(r.out, ::testing::EndsWith("0 passed, 1 failed\n"));
}

// A copy of the bundled rules with one line changed; the bundled tests must notice.
class MutatedRules : public ScratchDir {
 public:
  MutatedRules(const std::string& from, const std::string& to) {
    std::filesystem::copy(rules_dir(), path(), std::filesystem::copy_options::recursive);
    auto reg = path() / "sosfs-2015-8" / "regulation.yaml";
    std::string text = read_file(reg);
    auto at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    text.replace(at, from.size(), to);
    write_file(reg, text);
  }
};

TEST(RegulationTests, AWrongKindIsCaught) {
  // D2 made advice instead of a provision.
  MutatedRules rules("  - id: D2\n    area: D\n    kind: provision",
                     "  - id: D2\n    area: D\n    kind: advice");
  auto report =
      run_regulation_tests(RuleBook::load(rules.path()), {rules.path() / "sosfs-2015-8" / "tests"});
  ASSERT_GT(report.failed(), 0);
  bool found = false;
  for (const auto& c : report.cases)
    for (const auto& f : c.failures)
      found = found || (c.name == "everything met / D2 (provision) not_met" &&
                        f == "grades D: expected D, got C");
  EXPECT_TRUE(found);
}

TEST(RegulationTests, AWrongPreconditionIsCaught) {
  MutatedRules rules("    requires: [E2, D6]\n", "    requires: [E2]\n");  // E4 forgets D6
  auto report =
      run_regulation_tests(RuleBook::load(rules.path()), {rules.path() / "sosfs-2015-8" / "tests"});
  bool found = false;
  for (const auto& c : report.cases)
    for (const auto& f : c.failures)
      found = found || f.find("implied: expected [D7, E1, E4, F1, F3, F4, F5]") == 0;
  EXPECT_TRUE(found);
}

TEST(RegulationTests, BadTestFilesAreErrorsWithTheirLine) {
  ScratchDir dir;
  auto file = dir.write("bad.yaml", R"(regulation: sosfs-2015-8
cases:
  - name: typo
    inspection: {findings: {E2: not_mett}}
    expect: {grades: {E: D}}
  - name: bad grade
    inspection: {findings: {}}
    expect: {grades: {E: E}}
)");
  auto report = run_regulation_tests(bundled(), {file});
  ASSERT_EQ(report.errors.size(), 2u);
  EXPECT_EQ(report.errors[0].line, 4);
  EXPECT_THAT(report.errors[0].message, HasSubstr("unknown status 'not_mett'"));
  EXPECT_EQ(report.errors[1].line, 8);
  EXPECT_THAT(report.errors[1].message, HasSubstr("'E' is no grade"));
  EXPECT_EQ(run_spur("test " + quoted(file)).exit_code, 1);
}

TEST(RegulationTests, VariantsChangeFindingsOfTheBase) {
  ScratchDir dir;
  auto file = dir.write("table.yaml", R"(regulation: hslf-fs-2021-8
cases:
  - name: base
    inspection: {findings: {E7: not_met}}
    expect: {grades: {E: D}}
    variants:
      - name: E7 met again
        findings: {E7: met}
        expect: {grades: {E: A}, required: []}
      - name: plus E8
        findings: {E8: not_met}
        expect: {grades: {E: D}, required: [E7], recommended: [E8]}
)");
  auto report = run_regulation_tests(bundled(), {file});
  ASSERT_EQ(report.cases.size(), 3u);
  EXPECT_EQ(report.failed(), 0) << report.cases[1].failures.size();
  EXPECT_EQ(report.cases[1].name, "base / E7 met again");
}

}  // namespace
}  // namespace spur::test
