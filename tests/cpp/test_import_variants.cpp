// Reports other than the sample: variants of it in tests/data/reports/variants/ (described in
// tests/data/README.md) with what a different report's template does: page breaks that move
// narrative, running headers and footers anywhere, two regulations, "Åtgärd krävs" without a plan
// entry, no handlingsplan, a plan that has not come in. Each imports to the findings, plan,
// reported grades, grades and warnings (with the report's lines) written here.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>

#include "spur/evaluation.hpp"
#include "spur/import.hpp"
#include "support.hpp"

namespace spur::test {
namespace {

using ::testing::ElementsAreArray;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;

struct Variant {
  const char* file;
  std::vector<std::string> regulations;
  std::vector<std::string> findings;                  ///< "D1 not_met", in rule-book order
  std::vector<std::string> plan;                      ///< "D1 received", in report order
  std::vector<std::string> reported;                  ///< "D C 295": area, grade, line
  std::vector<std::string> grades;                    ///< every area combined: "D D->C"
  std::vector<std::pair<int, std::string>> warnings;  ///< line and part of the message
};

void PrintTo(const Variant& v, std::ostream* os) {
  *os << v.file;
}

std::filesystem::path variant_path(const char* file) {
  return data_dir() / "reports" / "variants" / file;
}

std::string all_diagnostics(const ImportResult& r) {
  std::string out;
  for (const auto& d : r.diagnostics) out += d.format() + "\n";
  return out;
}

bool has_warning(const ImportResult& r, int line, const std::string& part) {
  return std::any_of(r.diagnostics.begin(), r.diagnostics.end(), [&](const Diagnostic& d) {
    return d.line == line && d.message.find(part) != std::string::npos;
  });
}

std::vector<std::string> grades_of(const Evaluation& ev) {
  std::vector<std::string> out;
  for (const auto& area : bundled().model().areas) {
    const CombinedArea& c = ev.combined(area.id);
    std::string g = area.id + " " + (c.grade ? std::string(to_string(*c.grade)) : "?");
    if (c.adjusted) g += "->" + std::string(to_string(*c.adjusted));
    out.push_back(g);
  }
  return out;
}

class ImportVariant : public ::testing::TestWithParam<Variant> {};

TEST_P(ImportVariant, DraftsWhatTheReportSays) {
  const Variant& v = GetParam();
  const ImportResult r = import_report(bundled(), variant_path(v.file));
  const Inspection& insp = r.inspection;
  EXPECT_THAT(insp.regulations, ElementsAreArray(v.regulations));

  std::vector<std::string> findings, plan;
  for (const auto& f : insp.findings)
    findings.push_back(f.requirement + " " + std::string(to_string(*f.status)));
  for (const auto& p : insp.action_plan)
    plan.push_back(p.requirement + (p.received ? " received" : " not received"));
  EXPECT_THAT(findings, ElementsAreArray(v.findings)) << all_diagnostics(r);
  EXPECT_THAT(plan, ElementsAreArray(v.plan));

  // What the report says about grades, at its lines (the draft's comment above each key).
  std::vector<std::string> said;
  for (const auto& g : insp.reported_grades) {
    const std::string key = "  " + g.area + ": {grade: ";
    const std::size_t at = r.yaml.find(key);
    const std::size_t comment = r.yaml.rfind("# rad ", at);
    const int line = std::stoi(r.yaml.substr(comment + 6));
    ASSERT_TRUE(g.grade) << "area " << g.area << ": text imports record what the text says";
    said.push_back(g.area + " " + std::string(to_string(*g.grade)) + " " + std::to_string(line));
  }
  EXPECT_THAT(said, ElementsAreArray(v.reported));

  EXPECT_THAT(grades_of(evaluate(bundled(), insp)), ElementsAreArray(v.grades));
  for (const auto& [line, part] : v.warnings)
    EXPECT_TRUE(has_warning(r, line, part)) << line << ": " << part << "\n" << all_diagnostics(r);
  EXPECT_THAT(r.unplaced, IsEmpty()) << all_diagnostics(r);
}

const std::vector<std::string> sample_findings{"D1 not_met", "D7 not_met", "H2 partially_met",
                                               "H7 partially_met", "H9 partially_met"};
const std::vector<std::string> sample_plan{"D1 received", "D7 received", "H2 received",
                                           "H7 received", "H9 received"};

INSTANTIATE_TEST_SUITE_P(
    Reports, ImportVariant,
    ::testing::Values(
        // Page breaks: D's last paragraph after E's title printed at a page's top (nothing in
        // it says D or E: the table around it does, with a warning); E's sentence broken off
        // and continued after F's first title; G's last sentence after H's first title; a
        // sentence of no area after G's table; B's title and text after C's text.
        Variant{"page-breaks.txt",
                {"sosfs-2015-8"},
                sample_findings,
                sample_plan,
                {"D C 334", "H C 700"},
                {"A A", "B A", "C A", "D D->C", "E A", "F A", "G A", "H D->C"},
                {{326, "does not say whether it belongs to area D or E: placed in area D"},
                 {444,
                  "continues the sentence broken off at line 406 (a page break?): placed "
                  "with it in area E, not in area F"},
                 {638, "follows the heading of area H but speaks of area G"},
                 {654, "does not say whether it belongs to area H or G: placed in area H"}}},
        // Running headers and footers before, inside and after everything, alone or glued:
        // the same draft as the sample's.
        Variant{"page-furniture.txt",
                {"sosfs-2015-8"},
                sample_findings,
                sample_plan,
                {"D C 311", "H C 723"},
                {"A A", "B A", "C A", "D D->C", "E A", "F A", "G A", "H D->C"},
                {}},
        // Two regulations, told only by the tables ("Föreskrift (endast 2021)", "2015 2021");
        // E7 is a provision under 2021:8 only, with a plan entry and its grade adjusted.
        Variant{"two-regulations.txt",
                {"sosfs-2015-8", "hslf-fs-2021-8"},
                {"D1 not_met", "D7 not_met", "E7 partially_met", "H2 partially_met",
                 "H7 partially_met", "H9 partially_met"},
                {"D1 received", "D7 received", "E7 received", "H2 received", "H7 received",
                 "H9 received"},
                {"D C 301", "E C 426", "H C 730"},
                {"A A", "B A", "C A", "D D->C", "E D->C", "F A", "G A", "H D->C"},
                {}},
        // "Åtgärd krävs." in B (on B4, a prerequisite) and E (on E6) with no plan entry for
        // either: both areas stay D after the plan, and the draft says why.
        Variant{"action-required-without-plan.txt",
                {"sosfs-2015-8"},
                {"B4 partially_met", "D1 not_met", "D7 not_met", "E6 not_met", "H2 partially_met",
                 "H7 partially_met", "H9 partially_met"},
                sample_plan,
                {"D C 297", "H C 700"},
                {"A A", "B D", "C A", "D D->C", "E D", "F A", "G A", "H D->C"},
                {{134, "B4 reads as not_met (\"saknar\") but is a prerequisite of B7, B10"},
                 {134,
                  "area B: the text requires action on B4, but no entry of the "
                  "handlingsplan covers it"},
                 {414, "area E: the text requires action on E6"}}},
        // Nothing requires action and no plan is printed: nothing to draft but the notes.
        Variant{"no-handlingsplan.txt",
                {"sosfs-2015-8"},
                {},
                {},
                {},
                {"A A", "B A", "C A", "D A", "E A", "F A", "G A", "H A"},
                {}},
        // "Åtgärder krävs." with no föreskrift named, and the plan not come in: the draft takes
        // the provisions the areas' sentences criticise (with D6, which the report's plan would
        // not have had: a warning asks to confirm each) and has no plan.
        Variant{"plan-not-received.txt",
                {"sosfs-2015-8"},
                {"D1 not_met", "D6 partially_met", "D7 not_met", "H2 partially_met",
                 "H7 partially_met", "H9 partially_met"},
                {},
                {},
                {"A A", "B A", "C A", "D D", "E A", "F A", "G A", "H D"},
                {{293,
                  "\"Åtgärder krävs.\" requires action but names no föreskrift of area D; "
                  "drafted the ones the area's text criticises: D1 (line 269), D6 (line "
                  "277), D7 (line 279)"},
                 {269,
                  "area D: the text requires action on D1, D6, D7, but the report prints "
                  "no handlingsplan"},
                 {692,
                  "drafted the ones the area's text criticises: H2 (line 670), H9 (line "
                  "678), H7 (line 682)"}}}));

// --- what the variants' drafts say beyond the outcome ------------------------------------------

std::string notes_of_area(const ImportResult& r, const std::string& heading) {
  std::string notes = r.inspection.notes;
  std::replace(notes.begin(), notes.end(), '\n', ' ');
  const std::size_t at = notes.find(heading);
  if (at == std::string::npos) return {};
  const std::size_t end = notes.find("  ", at + heading.size());
  return notes.substr(at, end == std::string::npos ? std::string::npos : end - at);
}

TEST(ImportVariants, PageBreaksPutTheMovedTextInItsArea) {
  const ImportResult r = import_report(bundled(), variant_path("page-breaks.txt"));
  // The notes quote the text of each area whole, in the order of the report.
  const std::string e = notes_of_area(r, "E. Handledning och kompetensbedömning");
  EXPECT_THAT(e, HasSubstr("Få bedömningar har utförts och då endast med metoderna mini-CEX"));
  EXPECT_THAT(e, HasSubstr("Verksamhetschefen håller årligt utvecklingssamtal"));
  EXPECT_THAT(e, Not(HasSubstr("Graderingen är ändrad till C.")));
  EXPECT_THAT(notes_of_area(r, "F. Teoretisk utbildning"), Not(HasSubstr("Specialistkollegium")));
  EXPECT_THAT(notes_of_area(r, "G. Medicinsk vetenskap"),
              HasSubstr("Den palliativa verksamheten saknar akademisk forskning"));
  EXPECT_THAT(notes_of_area(r, "H. Ledarskapskompetens"), Not(HasSubstr("akademisk forskning")));
  EXPECT_THAT(notes_of_area(r, "D. Tjänstgöringens upplägg"),
              HasSubstr("formellt utsedd bakjour saknas"));
  EXPECT_THAT(notes_of_area(r, "B. Medarbetarstab"), HasSubstr("Tre läkare är specialister"));
  EXPECT_THAT(notes_of_area(r, "C. Lokaler och utrustning"), Not(HasSubstr("Tre läkare")));
}

TEST(ImportVariants, PageFurnitureLeavesTheSampleDraft) {
  // Apart from the line numbers in its comments, the draft is the sample's golden draft.
  const ImportResult r = import_report(bundled(), variant_path("page-furniture.txt"));
  const std::string golden =
      read_file(data_dir() / "reports" / "spur-report-palliativ-sydostra-skane.draft.yaml");
  auto without_lines = [](const std::string& s) {
    std::string out;
    std::istringstream in(s.substr(s.find("\ninspection:")));
    std::string line;
    while (std::getline(in, line))
      if (line.find("rad ") == std::string::npos && line.find("id: ") == std::string::npos &&
          line.find("Importerat ur") == std::string::npos)
        out += line + "\n";
    return out;
  };
  EXPECT_EQ(without_lines(r.yaml), without_lines(golden));
}

TEST(ImportVariants, PlanNotComeInSaysSo) {
  const ImportResult r = import_report(bundled(), variant_path("plan-not-received.txt"));
  EXPECT_THAT(r.yaml,
              HasSubstr("# Rapporten säger att handlingsplanen inte har kommit in (rad 293)"));
  EXPECT_THAT(r.yaml, HasSubstr("action_plan: []"));
  EXPECT_THAT(r.inspection.reported_grades, IsEmpty());
}

TEST(ImportVariants, TwoRegulationsGradeEachAndTheRegulationsComeFromTheTables) {
  const ImportResult r = import_report(bundled(), variant_path("two-regulations.txt"));
  EXPECT_THAT(r.yaml, HasSubstr("regulations: [sosfs-2015-8, hslf-fs-2021-8]  # tabellerna har "
                                "kolumner för båda föreskrifterna"));
  const Evaluation ev = evaluate(bundled(), r.inspection);
  // E7 is advice under 2015:8 (C) and a provision under 2021:8 (D, adjusted after the plan).
  EXPECT_EQ(ev.result("E", "sosfs-2015-8").grade(), Grade::C);
  EXPECT_EQ(ev.result("E", "hslf-fs-2021-8").grade(), Grade::D);
  EXPECT_EQ(ev.result("E", "hslf-fs-2021-8").adjusted, Grade::C);
  const auto& e7 = r.inspection.action_plan[2];
  EXPECT_EQ(e7.due, "årsskifte 25/26");
  EXPECT_EQ(e7.follow_up, "varje termin");
  EXPECT_EQ(e7.responsible, "huvudhandledare");
}

TEST(ImportVariants, NoHandlingsplanLeavesNoPlanTodo) {
  const ImportResult r = import_report(bundled(), variant_path("no-handlingsplan.txt"));
  EXPECT_THAT(r.yaml, HasSubstr("findings: {}"));
  EXPECT_THAT(r.yaml, HasSubstr("action_plan: []"));
  EXPECT_THAT(r.yaml, Not(HasSubstr("TODO received")));
  for (const auto& d : r.diagnostics) EXPECT_THAT(d.message, Not(HasSubstr("handlingsplan")));
}

}  // namespace
}  // namespace spur::test
