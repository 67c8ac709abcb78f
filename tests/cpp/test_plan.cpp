// Action plans: coverage and adjusted grades, and follow-up on a given day (spur plan).

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "spur/follow_up.hpp"
#include "support.hpp"

namespace spur::test {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

Date day(const char* iso) {
  return *parse_iso_date(iso);
}

Evaluation evaluate_yaml(const std::string& yaml) {
  return evaluate(bundled(), Inspection::parse(yaml, "plan.yaml"));
}

// One required action (D1) and a plan entry for it with the given fields.
std::string with_entry(const std::string& fields, const std::string& date = "2025-01-15") {
  return "inspection: {unit: X, date: " + date +
         ", regulations: [sosfs-2015-8], default_status: met}\n"
         "findings: {D1: not_met}\n"
         "action_plan:\n"
         "  - requirement: D1\n"
         "    action: Riktlinjerna gås igenom.\n"
         "    responsible: studierektor\n"
         "    follow_up_responsible: studierektor\n" +
         fields;
}

// A copy: callers pass a temporary PlanStatus, so a reference into it would dangle.
PlanItem only_item(const PlanStatus& st) {
  EXPECT_EQ(st.items.size(), 1u);
  return st.items.front();
}

TEST(Plan, ReceivedPlanCoveringTheAreaAdjustsDToC) {
  auto ev = evaluate_yaml(
      with_entry("    due: maj2025\n    follow_up: årligen\n    received: 2025-03-01\n"));
  const auto& d = ev.result("D");
  EXPECT_EQ(d.grade(), Grade::D);
  EXPECT_EQ(d.adjusted, Grade::C);
  EXPECT_TRUE(d.uncovered.empty());
  EXPECT_EQ(ev.combined("D").adjusted, Grade::C);
}

TEST(Plan, PlanNotYetReceivedLeavesDAndListsUncovered) {
  auto ev =
      evaluate_yaml(with_entry("    due: maj2025\n    follow_up: årligen\n    received: false\n"));
  EXPECT_EQ(ev.result("D").adjusted, std::nullopt);
  EXPECT_THAT(ev.result("D").uncovered, ElementsAre("D1"));
}

TEST(Plan, NoPlanListsEveryRequiredActionOfTheAreaAsUncovered) {
  auto ev = evaluate_yaml(
      "inspection: {unit: X, regulations: [sosfs-2015-8], default_status: met}\n"
      "findings: {D1: not_met, D7: partially_met, H9: not_met}\n");
  EXPECT_THAT(ev.result("D").uncovered, ElementsAre("D1", "D7"));
  EXPECT_THAT(ev.result("H").uncovered, ElementsAre("H9"));
  EXPECT_TRUE(ev.result("A").uncovered.empty());
}

TEST(Plan, AnEntryWhoseTextMatchesNoRequirementIsAnErrorWithItsLine) {
  try {
    evaluate_yaml(
        "inspection: {unit: X, regulations: [sosfs-2015-8], default_status: met}\n"
        "findings: {D1: not_met}\n"
        "action_plan:\n"
        "  - requirement: Verksamheten tillhandahåller skriftliga riktlinjer för hur det ska gå "
        "till.\n"
        "    received: true\n");
    FAIL() << "expected an InspectionError";
  } catch (const InspectionError& e) {
    EXPECT_EQ(e.line(), 4);
    EXPECT_THAT(e.what(), HasSubstr("which is no requirement id and no requirement text"));
    EXPECT_THAT(e.what(), HasSubstr("closest: D1"));
  }
}

TEST(Plan, MissingFieldsAreWarningsNamingTheField) {
  auto ev = evaluate_yaml(
      "inspection: {unit: X, regulations: [sosfs-2015-8], default_status: met}\n"
      "findings: {D1: not_met}\n"
      "action_plan:\n"
      "  - requirement: D1\n"
      "    received: true\n");
  std::vector<std::string> messages;
  for (const auto& d : ev.diagnostics) messages.push_back(d.message);
  EXPECT_THAT(messages, ::testing::Contains(HasSubstr("lacks 'action'")));
  EXPECT_THAT(messages, ::testing::Contains(HasSubstr("lacks 'due'")));
  EXPECT_THAT(messages, ::testing::Contains(HasSubstr("lacks 'follow_up_responsible'")));
  EXPECT_EQ(ev.result("D").adjusted, Grade::C);
}

TEST(Plan, BadReceivedDateIsAnError) {
  try {
    evaluate_yaml(
        with_entry("    due: maj2025\n    follow_up: årligen\n    received: 2025-02-30\n"));
    FAIL();
  } catch (const InspectionError& e) {
    EXPECT_EQ(e.line(), 10);
    EXPECT_THAT(e.what(), HasSubstr("'received' must be a date (YYYY-MM-DD) or true/false"));
  }
}

TEST(Plan, StatesBeforeDuringAndAfterTheDueMonth) {
  auto ev =
      evaluate_yaml(with_entry("    due: maj2025\n    follow_up: årligen\n    received: true\n"));
  EXPECT_EQ(only_item(plan_status(ev, day("2025-04-30"))).state, PlanState::planned);
  EXPECT_EQ(only_item(plan_status(ev, day("2025-05-01"))).state, PlanState::due);
  EXPECT_EQ(only_item(plan_status(ev, day("2025-05-31"))).state, PlanState::due);
  EXPECT_EQ(only_item(plan_status(ev, day("2025-06-01"))).state, PlanState::overdue);
  const auto& item = only_item(plan_status(ev, day("2025-04-30")));
  EXPECT_EQ(item.due_start, day("2025-05-01"));
  EXPECT_EQ(item.due_end, day("2025-05-31"));
}

TEST(Plan, DoneEntriesAreDoneFromTheirDateOn) {
  auto ev = evaluate_yaml(with_entry(
      "    due: maj2025\n    follow_up: årligen\n    received: true\n    done: 2025-06-10\n"));
  EXPECT_EQ(only_item(plan_status(ev, day("2025-06-09"))).state, PlanState::overdue);
  EXPECT_EQ(only_item(plan_status(ev, day("2025-06-10"))).state, PlanState::done);
}

TEST(Plan, YearlyFollowUpRollsForwardAcrossTheYearBoundary) {
  auto ev =
      evaluate_yaml(with_entry("    due: februari 2025\n    follow_up: september 2025, därefter "
                               "årligen\n    received: true\n"));
  EXPECT_EQ(only_item(plan_status(ev, day("2025-08-31"))).next_follow_up, day("2025-09-01"));
  EXPECT_EQ(only_item(plan_status(ev, day("2025-09-30"))).next_follow_up, day("2025-09-01"));
  EXPECT_EQ(only_item(plan_status(ev, day("2025-12-31"))).next_follow_up, day("2026-09-01"));
  EXPECT_EQ(only_item(plan_status(ev, day("2026-01-01"))).next_follow_up, day("2026-09-01"));
  EXPECT_EQ(only_item(plan_status(ev, day("2031-10-01"))).next_follow_up, day("2032-09-01"));
}

TEST(Plan, YearTurnFollowUpAndAOneOffThatHasPassed) {
  auto ev = evaluate_yaml(
      with_entry("    due: mars 2025\n    follow_up: Årsskiftet 25-26\n    received: true\n"));
  EXPECT_EQ(only_item(plan_status(ev, day("2025-12-30"))).next_follow_up, day("2025-12-31"));
  EXPECT_EQ(only_item(plan_status(ev, day("2026-01-01"))).next_follow_up, day("2025-12-31"));
  EXPECT_EQ(only_item(plan_status(ev, day("2026-01-02"))).next_follow_up, std::nullopt);
}

TEST(Plan, SemiannualFollowUpStepsSixMonths) {
  auto ev = evaluate_yaml(with_entry(
      "    due: mars 2025\n    follow_up: mars 2025, därefter varje termin\n    received: true\n"));
  EXPECT_EQ(only_item(plan_status(ev, day("2025-04-15"))).next_follow_up, day("2025-09-01"));
  EXPECT_EQ(only_item(plan_status(ev, day("2025-10-01"))).next_follow_up, day("2026-03-01"));
}

TEST(Plan, MonthWithoutAYearIsReadFromTheInspectionDate) {
  auto ev = evaluate_yaml(with_entry("    due: maj\n    follow_up: årligen\n    received: true\n"));
  EXPECT_EQ(only_item(plan_status(ev, day("2025-02-01"))).due_start, day("2025-05-01"));
}

TEST(Plan, ThePlanIsDueThreeMonthsAfterTheInspection) {
  auto in_time = evaluate_yaml(
      with_entry("    due: maj2025\n    follow_up: årligen\n    received: 2025-04-15\n"));
  auto st = plan_status(in_time, day("2025-06-01"));
  EXPECT_EQ(st.plan_due, day("2025-04-15"));
  EXPECT_EQ(st.in_time, true);
  auto late = evaluate_yaml(
      with_entry("    due: maj2025\n    follow_up: årligen\n    received: 2025-04-16\n"));
  EXPECT_EQ(plan_status(late, day("2025-06-01")).in_time, false);
  auto undated =
      evaluate_yaml(with_entry("    due: maj2025\n    follow_up: årligen\n    received: true\n"));
  EXPECT_EQ(plan_status(undated, day("2025-06-01")).in_time, std::nullopt);
  // The end of a month clamps: three months after 30 November is 28 February.
  auto clamped = evaluate_yaml(
      with_entry("    due: maj2025\n    follow_up: årligen\n    received: true\n", "2024-11-30"));
  EXPECT_EQ(plan_status(clamped, day("2025-06-01")).plan_due, day("2025-02-28"));
}

TEST(Plan, CommandPrintsTheFollowUpTable) {
  auto r =
      run_spur("plan \"" + (source_dir() / "examples" / "palliativ-sydostra-skane.yaml").string() +
               "\" --as-of 2025-03-15");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_THAT(r.out, HasSubstr("Per / as of 2025-03-15"));
  EXPECT_THAT(r.out,
              ::testing::ContainsRegex("D1 +D +maj2025 \\(2025-05-01\\.\\.2025-05-31\\) +planerad "
                                       "/ planned +2026-05-01 \\(årligen\\) +studierektor"));
  EXPECT_THAT(r.out,
              ::testing::ContainsRegex("D7 +D +februari 2025 .* +försenad / overdue +2025-09-01"));
  EXPECT_THAT(r.out, ::testing::ContainsRegex("H2 +H +mars 2025 .* +pågår / due"));
}

TEST(Plan, CommandJsonAndBadAsOf) {
  auto r = run_spur("plan \"" + (data_dir() / "inspections" / "plan-covers-all.yaml").string() +
                    "\" --as-of 2025-12-31 --format json");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["plan_due"], "2025-04-15");
  EXPECT_EQ(j["in_time"], true);
  EXPECT_EQ(j["entries"][0]["requirement"], "D1");
  EXPECT_EQ(j["entries"][0]["state"], "overdue");
  EXPECT_EQ(j["entries"][0]["follow_up"]["next"], "2026-05-01");
  EXPECT_EQ(j["entries"][1]["follow_up"]["next"], "2026-09-01");
  EXPECT_EQ(run_spur("plan x.yaml --as-of 2025-13-01").exit_code, 2);
}

TEST(Plan, DatesCommandPrintsPartsAsJson) {
  auto r = run_spur("dates \"september 2025, därefter årligen\" \"31/2-25\" --format json");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j.size(), 2u);
  EXPECT_EQ(j[0]["parts"][0]["start"], "2025-09-01");
  EXPECT_EQ(j[0]["parts"][0]["end"], "2025-09-30");
  EXPECT_EQ(j[0]["parts"][0]["precision"], "month");
  EXPECT_EQ(j[0]["parts"][0]["recurrence"], "yearly");
  EXPECT_EQ(j[1]["parts"][0]["start"], nullptr);
  EXPECT_THAT(j[1]["warnings"][0].get<std::string>(), HasSubstr("no such date"));
}

TEST(Plan, EvaluateCsvListsTheActions) {
  auto r = run_spur("evaluate \"" +
                    (source_dir() / "examples" / "palliativ-sydostra-skane.yaml").string() +
                    "\" --format csv");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_THAT(
      r.out, ::testing::StartsWith(
                 "inspection,unit,action,requirement,area,kind,regulations,status,implied,text\n"));
  EXPECT_THAT(r.out, HasSubstr(",required,D1,D,provision,sosfs-2015-8,not_met,false,"));
  EXPECT_THAT(r.out, HasSubstr(",improvement,G9,G,indicator,"));
}

TEST(Plan, NormalisedTextJoinsBrokenWords) {
  EXPECT_EQ(normalise_text("ST-\nutbildningen  ska\n vara"), "ST-utbildningen ska vara");
  EXPECT_EQ(normalise_text("ST- läkaren"), "ST-läkaren");
  EXPECT_EQ(normalise_text("hälso- och sjukvårdens"), normalise_text("hälso-\noch sjukvårdens"));
}

}  // namespace
}  // namespace spur::test

namespace spur::test {
namespace {

TEST(PlanExample, TheSampleReportsPlanAdjustsDAndHToC) {
  auto ev = evaluate(bundled(),
                     Inspection::load(source_dir() / "examples" / "palliativ-sydostra-skane.yaml"));
  for (const auto& r : ev.results) {
    if (r.area == "D" || r.area == "H") {
      EXPECT_EQ(r.grade(), Grade::D) << r.area;
      EXPECT_EQ(r.adjusted, Grade::C) << r.area;
      EXPECT_TRUE(r.uncovered.empty()) << r.area;
    } else {
      EXPECT_EQ(r.adjusted, std::nullopt) << r.area;
    }
  }
  // Every entry was found by the requirement text the report prints, line breaks and all.
  ASSERT_EQ(ev.plan.size(), 5u);
  std::vector<std::string> ids;
  for (const auto& link : ev.plan) ids.push_back(link.requirement);
  EXPECT_THAT(ids, ElementsAre("D1", "D7", "H2", "H7", "H9"));
}

}  // namespace
}  // namespace spur::test
