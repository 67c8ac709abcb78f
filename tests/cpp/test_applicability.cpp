// Which regulation applies to which trainee: both sides of 2021-07-01, and units with trainees
// under both regulations.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "spur/applicability.hpp"
#include "support.hpp"

namespace spur::test {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

Trainee trainee(const char* id, const char* st_start, bool swedish_at) {
  return {id, parse_iso_date(st_start), swedish_at, std::nullopt, {}};
}

std::vector<std::string> regulations_for(const Trainee& t) {
  return derive_regulations(bundled(), {t}).front().regulations;
}

TEST(Applicability, BundledRegulationsDeclareWhenTheyAreInForce) {
  EXPECT_EQ(bundled().regulation("sosfs-2015-8").in_force.from, parse_iso_date("2015-05-01"));
  EXPECT_EQ(bundled().regulation("hslf-fs-2021-8").in_force.from, parse_iso_date("2021-07-01"));
  EXPECT_TRUE(bundled().regulation("hslf-fs-2021-8").applies_to.defined());
}

TEST(Applicability, TheDayBeforeAndTheDayOfTheChange) {
  EXPECT_THAT(regulations_for(trainee("T", "2021-06-30", false)), ElementsAre("sosfs-2015-8"));
  EXPECT_THAT(regulations_for(trainee("T", "2021-07-01", false)), ElementsAre("hslf-fs-2021-8"));
}

TEST(Applicability, SwedishAtKeepsTheOldRegulationAfterTheChange) {
  EXPECT_THAT(regulations_for(trainee("T", "2023-01-10", true)), ElementsAre("sosfs-2015-8"));
}

TEST(Applicability, ReasonsSayWhichFactsDecided) {
  auto r = derive_regulations(bundled(), {trainee("T2", "2022-09-01", false)}).front();
  ASSERT_EQ(r.reasons.size(), 1u);
  EXPECT_EQ(r.reasons[0],
            "hslf-fs-2021-8 applies to T2: did not do Swedish AT and began ST 2022-09-01, not "
            "before 2021-07-01");
  auto old = derive_regulations(bundled(), {trainee("T1", "2020-02-01", false)}).front();
  EXPECT_EQ(old.reasons[0], "sosfs-2015-8 applies to T1: began ST 2020-02-01, before 2021-07-01");
}

TEST(Applicability, AUnitWithTraineesUnderBothIsInspectedUnderBoth) {
  auto ev = evaluate(
      bundled(), Inspection::load(data_dir() / "inspections" / "trainees-both-regulations.yaml"));
  EXPECT_THAT(ev.regulations, ElementsAre("sosfs-2015-8", "hslf-fs-2021-8"));
  EXPECT_EQ(ev.grade("E", "sosfs-2015-8"), Grade::C);
  EXPECT_EQ(ev.grade("E", "hslf-fs-2021-8"), Grade::D);
  EXPECT_EQ(ev.grade("E"), Grade::D);
  ASSERT_EQ(ev.applicability.size(), 3u);
  EXPECT_THAT(ev.applicability[1].regulations, ElementsAre("hslf-fs-2021-8"));
}

TEST(Applicability, OnlyNewTraineesMeansOnlyTheNewRegulation) {
  auto ev = evaluate(bundled(), Inspection::parse(R"(
inspection:
  unit: X
  default_status: met
  trainees: [{id: T, st_start: 2024-01-08, swedish_at: false}]
findings: {G5: not_met}
)"));
  EXPECT_THAT(ev.regulations, ElementsAre("hslf-fs-2021-8"));
  // G5 is not part of HSLF-FS 2021:8: the finding is not used, and says so.
  ASSERT_EQ(ev.diagnostics.size(), 1u);
  EXPECT_THAT(ev.diagnostics[0].message, HasSubstr("G5 is not part of hslf-fs-2021-8"));
  EXPECT_EQ(ev.grade("G"), Grade::A);
}

TEST(Applicability, ListedRegulationsWinAndAMissingOneIsAWarning) {
  auto ev = evaluate(bundled(), Inspection::parse(R"(
inspection:
  unit: X
  regulations: [sosfs-2015-8]
  default_status: met
  trainees: [{id: T, st_start: 2024-01-08, swedish_at: false}]
)",
                                                  "unit.yaml"));
  EXPECT_THAT(ev.regulations, ElementsAre("sosfs-2015-8"));
  ASSERT_EQ(ev.diagnostics.size(), 1u);
  EXPECT_EQ(ev.diagnostics[0].line, 6);
  EXPECT_THAT(ev.diagnostics[0].message,
              HasSubstr("hslf-fs-2021-8 applies to trainee T but is not among the inspected"));
}

TEST(Applicability, TraineeErrorsNameTheLine) {
  try {
    Inspection::parse(R"(inspection:
  unit: X
  trainees:
    - {id: T, st_start: 2024-13-08}
)",
                      "unit.yaml");
    FAIL();
  } catch (const InspectionError& e) {
    ASSERT_EQ(e.diagnostics().size(), 2u);
    EXPECT_EQ(e.diagnostics()[0].line, 4);
    EXPECT_THAT(e.diagnostics()[0].message, HasSubstr("st_start must be a date"));
    EXPECT_THAT(e.diagnostics()[1].message, HasSubstr("lacks 'swedish_at'"));
  }
}

TEST(Applicability, NeitherRegulationsNorTraineesIsAnError) {
  EXPECT_THROW(Inspection::parse("inspection: {unit: X}\n"), InspectionError);
}

}  // namespace
}  // namespace spur::test
