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

// The warnings evaluate gives about an entry's dates, as "line: message".
std::vector<std::string> date_warnings(const Evaluation& ev) {
  std::vector<std::string> out;
  for (const auto& d : ev.diagnostics)
    if (d.message.find(": due ") != std::string::npos ||
        d.message.find(": follow_up ") != std::string::npos)
      out.push_back(std::to_string(d.line) + ": " + d.message);
  return out;
}

TEST(PlanDates, AnImpossibleDueDateIsAWarningAtItsLineAndTheEntryIsUnreadable) {
  auto ev =
      evaluate_yaml(with_entry("    due: 31/2-25\n    follow_up: årligen\n    received: true\n"));
  EXPECT_THAT(date_warnings(ev),
              ElementsAre("8: the plan entry for D1: due \"31/2-25\": no such date (31 February "
                          "2025)"));
  const PlanStatus st = plan_status(ev, day("2025-01-20"));
  ASSERT_EQ(st.items.size(), 1u);
  EXPECT_EQ(st.items[0].state, PlanState::unreadable);
  EXPECT_TRUE(st.items[0].due_unreadable);
  EXPECT_FALSE(st.items[0].follow_up_unreadable);
  EXPECT_THAT(st.warnings,
              ElementsAre("line 8: D1 due \"31/2-25\": no such date (31 February 2025)"));
  // Done is done, whatever the due date says.
  auto done = evaluate_yaml(with_entry(
      "    due: 31/2-25\n    follow_up: årligen\n    received: true\n    done: 2025-03-01\n"));
  const PlanStatus later = plan_status(done, day("2025-04-01"));
  ASSERT_EQ(later.items.size(), 1u);
  EXPECT_EQ(later.items[0].state, PlanState::done);
}

TEST(PlanDates, PhrasesAreReadWithTheInspectionAndAfreshOnceEdited) {
  Inspection insp = Inspection::parse(
      with_entry("    due: maj\n    follow_up: årligen\n    received: true\n"), "plan.yaml");
  ASSERT_TRUE(insp.action_plan[0].phrases);  // read once, not at every evaluation
  EXPECT_EQ(insp.action_plan[0].phrases->due.text, "maj");
  EXPECT_EQ(only_item(plan_status(evaluate(bundled(), insp), day("2025-01-20"))).due_start,
            day("2025-05-01"));
  // Edited after reading (as spur serve edits a plan), the phrase is read again.
  insp.action_plan[0].due = "31/2-25";
  auto ev = evaluate(bundled(), insp);
  EXPECT_THAT(date_warnings(ev),
              ElementsAre("8: the plan entry for D1: due \"31/2-25\": no such date (31 February "
                          "2025)"));
  EXPECT_EQ(only_item(plan_status(ev, day("2025-01-20"))).state, PlanState::unreadable);
  // So is a month without a year once the inspection date it is read from changes.
  insp.action_plan[0].due = "maj";
  insp.date = "2025-06-10";
  EXPECT_EQ(only_item(plan_status(evaluate(bundled(), insp), day("2025-07-01"))).due_start,
            day("2026-05-01"));
}

TEST(PlanDates, AnUnreadableFollowUpIsAWarningAtItsLine) {
  auto ev = evaluate_yaml(
      with_entry("    due: Q2 2025\n    follow_up: vecka 60 2025\n    received: true\n"));
  EXPECT_THAT(date_warnings(ev),
              ElementsAre("9: the plan entry for D1: follow_up \"vecka 60 2025\": no week 60 in "
                          "2025 (it has 52 weeks)"));
  const PlanStatus st = plan_status(ev, day("2025-05-01"));
  ASSERT_EQ(st.items.size(), 1u);
  EXPECT_EQ(st.items[0].state, PlanState::due);  // Q2 2025
  EXPECT_TRUE(st.items[0].follow_up_unreadable);
  EXPECT_EQ(st.items[0].next_follow_up, std::nullopt);
}

TEST(PlanDates, ADuePhraseWithNoDateAtAllIsUnreadable) {
  auto ev = evaluate_yaml(
      with_entry("    due: när budget finns\n    follow_up: årligen\n    received: true\n"));
  EXPECT_THAT(date_warnings(ev),
              ElementsAre("8: the plan entry for D1: due \"när budget finns\": no date (write "
                          "e.g. \"2025-05-31\", \"maj 2025\", \"Q3 2025\" or \"snarast\")"));
  const PlanStatus st = plan_status(ev, day("2025-05-01"));
  ASSERT_EQ(st.items.size(), 1u);
  EXPECT_EQ(st.items[0].state, PlanState::unreadable);
}

TEST(PlanDates, UndatedWordsAreDueWithoutWarnings) {
  for (const char* due : {"snarast", "omgående", "löpande", "kontinuerligt"}) {
    SCOPED_TRACE(due);
    auto ev = evaluate_yaml(with_entry(std::string("    due: ") + due +
                                       "\n    follow_up: löpande\n    received: true\n"));
    EXPECT_THAT(date_warnings(ev), ::testing::IsEmpty());
    const PlanStatus st = plan_status(ev, day("2030-01-01"));
    ASSERT_EQ(st.items.size(), 1u);
    EXPECT_EQ(st.items[0].state, PlanState::due);
    EXPECT_FALSE(st.items[0].due_unreadable);
    EXPECT_FALSE(st.items[0].follow_up_unreadable);
    EXPECT_TRUE(st.warnings.empty());
  }
}

TEST(PlanDates, QuartersWeeksTermsAndSeasonsGiveTheirIntervals) {
  struct Row {
    const char* due;
    const char* start;
    const char* end;
  };
  for (const Row& row :
       {Row{"Q3 2025", "2025-07-01", "2025-09-30"},
        Row{"kvartal 2 2025", "2025-04-01", "2025-06-30"},
        Row{"3:e kvartalet 2025", "2025-07-01", "2025-09-30"},
        Row{"vecka 12 2025", "2025-03-17", "2025-03-23"},
        Row{"v. 12 2025", "2025-03-17", "2025-03-23"}, Row{"vt 2025", "2025-01-01", "2025-06-30"},
        Row{"ht 2025", "2025-08-01", "2025-12-31"}, Row{"våren 2025", "2025-03-01", "2025-05-31"},
        Row{"hösten 2025", "2025-09-01", "2025-11-30"},
        Row{"hösten", "2025-09-01", "2025-11-30"}}) {
    SCOPED_TRACE(row.due);
    auto ev = evaluate_yaml(with_entry(std::string("    due: ") + row.due +
                                       "\n    follow_up: årligen\n    received: true\n"));
    EXPECT_THAT(date_warnings(ev), ::testing::IsEmpty());
    const PlanStatus before = plan_status(ev, day(row.start));
    ASSERT_EQ(before.items.size(), 1u);
    EXPECT_EQ(before.items[0].due_start, day(row.start));
    EXPECT_EQ(before.items[0].due_end, day(row.end));
    EXPECT_EQ(before.items[0].state, PlanState::due);
    const PlanStatus after = plan_status(ev, add_months(day(row.end), 1));
    EXPECT_EQ(after.items[0].state, PlanState::overdue);
  }
}

TEST(PlanDates, CommandsNameTheFileAndLineAndTheStateSaysUnreadable) {
  ScratchDir dir;
  const auto file =
      dir.write("plan.yaml",
                with_entry("    due: 31/2-25\n    follow_up: vecka 60 2025\n    received: true\n"));
  auto evaluated = run_spur("evaluate " + quoted(file));
  ASSERT_EQ(evaluated.exit_code, 0) << evaluated.out;
  EXPECT_THAT(evaluated.out, HasSubstr("plan.yaml:8:10: warning: the plan entry for D1: due "
                                       "\"31/2-25\": no such date (31 February 2025)"));
  EXPECT_THAT(evaluated.out, HasSubstr("plan.yaml:9:16: warning: the plan entry for D1: "
                                       "follow_up \"vecka 60 2025\": no week 60 in 2025"));
  auto text = run_spur("plan " + quoted(file) + " --as-of 2025-03-01");
  ASSERT_EQ(text.exit_code, 0) << text.out;
  EXPECT_THAT(text.out, HasSubstr("plan.yaml:8:10: warning: the plan entry for D1: due"));
  EXPECT_THAT(text.out, ::testing::ContainsRegex("D1 +D +31/2-25 +oläsligt / unreadable +oläsligt "
                                                 "/ unreadable"));
  EXPECT_THAT(text.out, HasSubstr("line 8: D1 due \"31/2-25\": no such date (31 February 2025)"));
  auto json = run_spur("plan " + quoted(file) + " --as-of 2025-03-01 --format json");
  ASSERT_EQ(json.exit_code, 0) << json.out;
  auto j = nlohmann::json::parse(json.out.substr(json.out.find('{')));  // after the warnings
  EXPECT_EQ(j["entries"][0]["state"], "unreadable");
  EXPECT_EQ(j["entries"][0]["due"]["unreadable"], true);
  EXPECT_EQ(j["entries"][0]["follow_up"]["unreadable"], true);
  EXPECT_EQ(j["entries"][0]["due"]["undated"], nullptr);
}

TEST(PlanDates, DatesCommandReadsQuartersAndUndatedWords) {
  auto r = run_spur("dates \"Q3 2025\" \"snarast\" \"vecka 53 2025\"");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_THAT(r.out, HasSubstr("Q3 2025  ->  2025-07-01..2025-09-30 (quarter)"));
  EXPECT_THAT(r.out, HasSubstr("snarast  ->  snarast / as soon as possible"));
  EXPECT_THAT(r.out, HasSubstr("vecka 53 2025  ->  (oläsligt / unreadable, see the warning)"));
  EXPECT_THAT(r.out, HasSubstr("warning: \"vecka 53 2025\": no week 53 in 2025 (it has 52 weeks)"));
  auto j = nlohmann::json::parse(run_spur("dates \"löpande\" \"hösten 2025\" --format json").out);
  EXPECT_EQ(j[0]["parts"][0]["undated"], "ongoing");
  EXPECT_EQ(j[0]["parts"][0]["unreadable"], false);
  EXPECT_EQ(j[1]["parts"][0]["precision"], "season");
  EXPECT_EQ(j[1]["parts"][0]["start"], "2025-09-01");
  EXPECT_EQ(j[1]["parts"][0]["end"], "2025-11-30");
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
  EXPECT_THAT(r.out,
              ::testing::StartsWith(
                  "inspection,unit,action,requirement,area,kind,regulations,status,implied,text,"
                  "implied_by,area_grade,area_grade_after_plan,in_plan\n"));
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
