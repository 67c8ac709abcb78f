// The command line as a new user meets it: messages that name the command and option, the
// closest command for a misspelt one, areas in either case, text wrapped to the terminal and
// not when piped, aligned tables, defaults in --help, one grade everywhere.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>

#include "support.hpp"

namespace spur::test {
namespace {

using ::testing::ContainsRegex;
using ::testing::HasSubstr;
using ::testing::Not;

const std::string example = quoted(source_dir() / "examples" / "palliativ-sydostra-skane.yaml");

// Runs the command with $COLUMNS set (empty: unset), output piped as in a script.
RunResult run_with_columns(const std::string& columns, const std::string& args) {
  const std::string env = columns.empty() ? "env -u COLUMNS " : "env COLUMNS=" + columns + " ";
  return run_spur("--version >/dev/null; " + env + "\"" + std::string(SPUR_EXE) + "\" " + args);
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

// Columns a line takes (UTF-8 code points).
std::size_t columns_of(const std::string& line) {
  std::size_t n = 0;
  for (unsigned char c : line) n += (c & 0xC0) != 0x80;
  return n;
}

TEST(CliUsage, AMisspeltCommandIsNamedWithTheClosestOne) {
  auto r = run_spur("evalute " + example);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.out, HasSubstr("spur: error: unknown command 'evalute'; did you mean 'evaluate'?"));
  auto far = run_spur("frobnicate");
  EXPECT_EQ(far.exit_code, 2);
  EXPECT_THAT(far.out, HasSubstr("unknown command 'frobnicate' (commands: validate, rules,"));
}

TEST(CliUsage, NoCommandListsTheCommands) {
  auto r = run_spur("");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.out, HasSubstr("spur: error: name a command (validate, rules, evaluate,"));
}

TEST(CliUsage, AnUnknownAreaNamesCommandOptionAndTheAreas) {
  auto r = run_spur("explain " + example + " --area Z");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.out, HasSubstr("spur explain: error: --area Z: no such area (areas: A, B, C, D, "
                               "E, F, G, H)"));
  EXPECT_THAT(r.out, Not(HasSubstr("<input>")));
}

TEST(CliUsage, AreaLettersInEitherCase) {
  auto lower = run_spur("explain " + example + " --area d");
  auto upper = run_spur("explain " + example + " --area D");
  ASSERT_EQ(lower.exit_code, 0) << lower.out;
  EXPECT_EQ(lower.out, upper.out);
  EXPECT_THAT(lower.out, HasSubstr("Område D."));
}

TEST(CliUsage, AnUnknownRegulationNamesCommandAndOption) {
  auto r = run_spur("explain " + example + " --area D --regulation sosfs-2099-1");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.out, HasSubstr("spur explain: error: --regulation sosfs-2099-1: unknown "
                               "regulation 'sosfs-2099-1' (known: sosfs-2015-8, hslf-fs-2021-8)"));
  auto other = run_spur("explain " + example + " --area D --regulation hslf-fs-2021-8");
  EXPECT_EQ(other.exit_code, 2);
  EXPECT_THAT(other.out, HasSubstr("--regulation hslf-fs-2021-8: the inspection does not inspect "
                                   "it (inspected: sosfs-2015-8)"));
}

TEST(CliUsage, ABadOptionValueNamesTheCommand) {
  auto r = run_spur("evaluate " + example + " --format xml");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.out, HasSubstr("spur evaluate: error: --format: xml not in {text,json,csv,xlsx}"));
  auto date = run_spur("plan " + example + " --as-of 2025-13-01");
  EXPECT_EQ(date.exit_code, 2);
  EXPECT_THAT(date.out, HasSubstr("spur plan: error: --as-of 2025-13-01: not a date"));
}

TEST(CliUsage, HelpShowsDefaults) {
  auto r = run_spur("evaluate --help");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_THAT(r.out, ContainsRegex("--format TEXT:\\{text,json,csv,xlsx\\}=text"));
  EXPECT_THAT(r.out, HasSubstr("--fail-on-after-plan"));
  auto plan = run_spur("plan --help");
  EXPECT_THAT(plan.out, HasSubstr("--as-of TEXT=today"));
}

TEST(CliUsage, PipedOutputIsNotWrappedAndNamesAreWhole) {
  auto r = run_with_columns("", "evaluate " + example);
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_THAT(r.out, ContainsRegex("G  Medicinsk vetenskap och systematiskt kvalitets- och "
                                   "patientsäkerhetsarbete +A/B/C\\?"));
  EXPECT_THAT(r.out, Not(HasSubstr("...")));
  // A long requirement text stays on one line.
  EXPECT_THAT(r.out, HasSubstr("uttolkas, samt styrande dokument för tjänstgöringens upplägg. "
                               "Dessa ska vara kända och användas.\n"));
}

TEST(CliUsage, TextIsWrappedToTheWidthAtWordBoundaries) {
  auto r = run_with_columns("72", "evaluate " + example);
  ASSERT_EQ(r.exit_code, 0) << r.out;
  for (const auto& line : lines_of(r.out)) EXPECT_LE(columns_of(line), 72u) << line;
  // Area G's name wraps under itself, its grade on the first line; no word is cut.
  EXPECT_THAT(r.out, ContainsRegex("G  Medicinsk vetenskap och systematiskt kvalitets- och +"
                                   "A/B/C\\?\n   patientsäkerhetsarbete\n"));
  EXPECT_THAT(r.out, HasSubstr("  D1  Verksamheten tillhandahåller skriftliga riktlinjer för hur\n"
                               "      målbeskrivningen ska uttolkas,"));
  auto x = run_with_columns("60", "explain " + example + " --area D");
  for (const auto& line : lines_of(x.out)) EXPECT_LE(columns_of(line), 60u) << line;
}

TEST(CliUsage, ThePlanTableStaysAlignedWithALongDuePhrase) {
  ScratchDir dir;
  auto file = dir.write(
      "p.yaml",
      R"(inspection: {unit: X, date: 2025-01-15, regulations: [sosfs-2015-8], default_status: met}
findings: {D1: not_met, D7: not_met}
action_plan:
  - {requirement: D1, action: a, due: "senast i samband med nästa regiondag för läkare under hösten 2025", responsible: studierektor, received: 2025-03-01}
  - {requirement: D7, action: b, due: "maj 2025", responsible: studierektor, received: 2025-03-01}
)");
  for (const std::string columns : {"", "100"}) {
    auto r = run_with_columns(columns, "plan " + quoted(file) + " --as-of 2025-03-15");
    ASSERT_EQ(r.exit_code, 0) << r.out;
    // Every row's "Status" column starts where the header's does.
    const auto lines = lines_of(r.out);
    std::size_t header = 0, status_at = std::string::npos;
    for (std::size_t i = 0; i < lines.size(); ++i)
      if (lines[i].rfind("Krav", 0) == 0) header = i, status_at = lines[i].find("Status");
    ASSERT_NE(status_at, std::string::npos) << r.out;
    auto column_of = [](const std::string& line, std::size_t bytes) {
      return columns_of(line.substr(0, bytes));
    };
    const std::size_t status_column = column_of(lines[header], status_at);
    int rows = 0;
    for (std::size_t i = header + 1; i < lines.size() && !lines[i].empty(); ++i) {
      if (lines[i].rfind("D", 0) != 0) continue;  // a wrapped continuation line
      ++rows;
      const std::size_t at = lines[i].find("planerad");
      ASSERT_NE(at, std::string::npos) << lines[i];
      EXPECT_EQ(column_of(lines[i], at), status_column) << r.out;
    }
    EXPECT_EQ(rows, 2) << r.out;
    if (!columns.empty()) {
      for (const auto& line : lines) EXPECT_LE(columns_of(line), 100u) << line;
    }
  }
}

TEST(CliUsage, EvaluateShowsTheProvisionalAdjustmentAndWhatCoversIt) {
  auto r = run_with_columns("", "evaluate " + example);
  ASSERT_EQ(r.exit_code, 0);
  EXPECT_THAT(r.out, ContainsRegex("D  Tjänstgöringens upplägg +D->C\\?\n"));
  EXPECT_THAT(r.out, HasSubstr("D->C? handlingsplan inkommen, justering preliminär"));
  EXPECT_THAT(r.out, HasSubstr("  D  D->C?  planen täcker / the plan covers D1, D7; preliminär "
                               "tills D3 är bedömt / provisional until D3 is assessed"));
  auto plan = run_with_columns("", "plan " + example + " --as-of 2025-03-15");
  EXPECT_THAT(plan.out, HasSubstr("  H  D->C?  planen täcker / the plan covers H2, H7, H9"));
}

TEST(CliUsage, CsvCarriesTheAreaGradeBeforeAndAfterThePlan) {
  auto r = run_spur("evaluate " + example + " --format csv");
  ASSERT_EQ(r.exit_code, 0);
  EXPECT_THAT(r.out, HasSubstr(",implied_by,area_grade,area_grade_after_plan,in_plan\n"));
  EXPECT_THAT(r.out, ContainsRegex("required,D1,D,.*,,D,C/D\\?,true\n"));
}

TEST(CliUsage, ImpliedActionsSayWhatImpliesThem) {
  ScratchDir dir;
  auto file = dir.write("i.yaml",
                        "inspection: {unit: X, regulations: [sosfs-2015-8], "
                        "default_status: met}\nfindings: {D6: not_met}\n");
  auto r = run_with_columns("", "evaluate " + quoted(file));
  EXPECT_THAT(r.out, HasSubstr("  D7  (härlett ur D6 / implied by D6) Utbildningsprogrammet"));
  auto csv = run_spur("evaluate " + quoted(file) + " --format csv");
  EXPECT_THAT(csv.out, ContainsRegex("required,D7,D,provision,sosfs-2015-8,not_met,true,.*,D6,"));
}

TEST(CliUsage, FailOnUsesTheGradeBeforeThePlanAndFailOnAfterPlanTheOther) {
  ScratchDir dir;
  auto file =
      dir.write("c.yaml", R"(inspection: {unit: X, regulations: [sosfs-2015-8], default_status: met}
findings: {D1: not_met}
action_plan:
  - {requirement: D1, action: a, due: maj 2025, received: true}
)");
  EXPECT_EQ(run_spur("evaluate " + quoted(file) + " --fail-on D").exit_code, 3);
  EXPECT_EQ(run_spur("evaluate " + quoted(file) + " --fail-on-after-plan D").exit_code, 0);
  EXPECT_EQ(run_spur("evaluate " + quoted(file) + " --fail-on-after-plan c").exit_code, 3);
  // The example's adjustments are provisional: a D after the plan is possible, not certain.
  EXPECT_EQ(run_spur("evaluate " + example + " --fail-on-after-plan D").exit_code, 0);
  EXPECT_EQ(run_spur("evaluate " + example + " --fail-on d").exit_code, 3);
}

}  // namespace
}  // namespace spur::test
