// spur import reads the grade each area's grading table marks from a PDF's layout: PDFs of
// the sample report are made here with the tables marked the ways a report may (a mark glyph,
// a filled box among empty ones, a drawn cross, a shaded row, a column per regulation), and
// with nothing or two rows marked, which the import must say and never guess.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>

#include "report_pdf.hpp"
#include "spur/evaluation.hpp"
#include "spur/import.hpp"
#include "support.hpp"

namespace spur::test {
namespace {

using ::testing::AllOf;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::StartsWith;

const std::string& sample() {
  static const std::string text =
      read_file(data_dir() / "reports" / "spur-report-palliativ-sydostra-skane.txt");
  return text;
}

// Every area's table marked the same way, the grade of each area given.
TableLayout marked_as(const std::string& grades, MarkStyle style, const std::string& glyph = "X") {
  TableLayout layout;
  for (std::size_t i = 0; i < grades.size(); ++i)
    if (grades[i] != '-')
      layout.marks.push_back({static_cast<char>('A' + i), grades[i], style, glyph, ""});
  return layout;
}

// A report PDF made from the sample, imported; its extracted text kept to check the lines the
// warnings name.
struct Imported {
  ImportResult result;
  std::vector<std::string> lines;  // of the PDF's extracted text

  // The line a warning names, as the extracted text has it ("" when there is none).
  std::string line(int number) const {
    return number >= 1 && number <= static_cast<int>(lines.size()) ? lines[number - 1] : "";
  }
};

Imported import_pdf(const TableLayout& layout, const std::string& text = sample()) {
  ScratchDir dir;
  const auto pdf = dir.path() / "rapport.pdf";
  write_report_pdf(pdf, text, layout);
  Imported out{import_report(bundled(), pdf), {}};
  std::istringstream in(report_file_text(pdf));
  std::string line;
  while (std::getline(in, line)) out.lines.push_back(line);
  return out;
}

// What the draft records as marked: "E: C", or "E sosfs-2015-8: C" per regulation column.
std::vector<std::string> marks_of(const Inspection& insp) {
  std::vector<std::string> out;
  for (const auto& g : insp.reported_grades)
    for (const auto& m : g.marked)
      out.push_back(g.area + (m.regulation ? " " + *m.regulation : "") + ": " +
                    std::string(to_string(m.grade)));
  return out;
}

std::vector<Diagnostic> warnings_with(const std::vector<Diagnostic>& diags,
                                      const std::string& part) {
  std::vector<Diagnostic> out;
  for (const auto& d : diags)
    if (d.message.find(part) != std::string::npos) out.push_back(d);
  return out;
}

std::string all(const std::vector<Diagnostic>& diags) {
  std::string out;
  for (const auto& d : diags) out += d.format() + "\n";
  return out;
}

// --- the ways a table marks a grade --------------------------------------------------------

TEST(ImportGrades, MarkGlyphsInTheGradeColumn) {
  // A different glyph in each area; the report marks E C, which the draft grades A.
  TableLayout layout;
  const char* glyphs[] = {"X", "✓", "☒", "✔", "x", "■", "●", "✗"};
  const std::string grades = "AAADCAAD";
  for (int i = 0; i < 8; ++i)
    layout.marks.push_back(
        {static_cast<char>('A' + i), grades[i], MarkStyle::glyph, glyphs[i], ""});
  const Imported pdf = import_pdf(layout);
  const ImportResult& r = pdf.result;
  EXPECT_THAT(marks_of(r.inspection),
              ElementsAre("A: A", "B: A", "C: A", "D: D", "E: C", "F: A", "G: A", "H: D"))
      << all(r.diagnostics);
  EXPECT_THAT(r.yaml, HasSubstr("tabellen markerar C med \"x\"\n  E: {marked: C}\n"));
  // D and H: the table's D with the sentence's C after the plan.
  EXPECT_THAT(r.yaml, HasSubstr("  D: {grade: C, marked: D, text: \"Verksamheten har efter"));
  EXPECT_THAT(warnings_with(r.diagnostics, "marks no grade"), IsEmpty()) << all(r.diagnostics);

  // E is marked lower than the draft's findings give: the warning names the area, its page,
  // the marked row's line and the lines of the area's text.
  const auto lower = warnings_with(r.diagnostics, "the report criticises something");
  ASSERT_EQ(lower.size(), 1u) << all(r.diagnostics);
  EXPECT_THAT(lower[0].message,
              StartsWith("area E: the report's grading table marks C (page 8) but the draft's "
                         "findings give A: the report criticises something the draft has no "
                         "finding for; review the area's text (lines "));
  EXPECT_THAT(pdf.line(lower[0].line), StartsWith("C. Socialstyrelsens föreskrifter följs."));
  const int text_from = std::stoi(lower[0].message.substr(lower[0].message.find("(lines ") + 7));
  EXPECT_THAT(pdf.line(text_from), StartsWith("Det finns en huvudansvarig handledare för "
                                              "ST-läkaren."));

  // spur evaluate on the draft warns for E alone: D->C agrees with the table's D.
  const Evaluation ev = evaluate(bundled(), r.inspection);
  const auto disagree = warnings_with(ev.diagnostics, "grading table");
  ASSERT_EQ(disagree.size(), 1u) << all(ev.diagnostics);
  EXPECT_EQ(disagree[0].message,
            "area E: the report's grading table marks C but spur grades A from the findings; "
            "check the findings of area E");
}

TEST(ImportGrades, AFilledBoxAmongEmptyBoxes) {
  TableLayout layout = marked_as("ACADAAAD", MarkStyle::filled_box);
  layout.empty_boxes = true;
  const Imported pdf = import_pdf(layout);
  EXPECT_THAT(marks_of(pdf.result.inspection),
              ElementsAre("A: A", "B: C", "C: A", "D: D", "E: A", "F: A", "G: A", "H: D"))
      << all(pdf.result.diagnostics);
  EXPECT_THAT(pdf.result.yaml,
              HasSubstr("tabellen markerar C med en ritad markering\n  B: {marked: C}\n"));
  const auto lower = warnings_with(pdf.result.diagnostics, "area B: the report's grading table");
  ASSERT_EQ(lower.size(), 1u) << all(pdf.result.diagnostics);
  EXPECT_THAT(lower[0].message, HasSubstr("marks C (page 4) but the draft's findings give A"));
  EXPECT_THAT(pdf.line(lower[0].line), StartsWith("C. Socialstyrelsens"));
}

TEST(ImportGrades, ADrawnCross) {
  const Imported pdf = import_pdf(marked_as("BAADAABD", MarkStyle::drawn_cross));
  EXPECT_THAT(marks_of(pdf.result.inspection),
              ElementsAre("A: B", "B: A", "C: A", "D: D", "E: A", "F: A", "G: B", "H: D"))
      << all(pdf.result.diagnostics);
  EXPECT_EQ(warnings_with(pdf.result.diagnostics, "the report criticises something").size(), 2u)
      << all(pdf.result.diagnostics);
}

TEST(ImportGrades, AShadedRowWithoutRules) {
  TableLayout layout = marked_as("AABDCAAD", MarkStyle::shaded_row);
  layout.ruled = false;
  const Imported pdf = import_pdf(layout);
  EXPECT_THAT(marks_of(pdf.result.inspection),
              ElementsAre("A: A", "B: A", "C: B", "D: D", "E: C", "F: A", "G: A", "H: D"))
      << all(pdf.result.diagnostics);
  EXPECT_THAT(pdf.result.yaml,
              HasSubstr("tabellen markerar B med en skuggad rad\n  C: {marked: B}"));
}

TEST(ImportGrades, CellsWithTheTextAtTheirTop) {
  // Text at the top of tall cells: a shaded cell reaches far into the band below its text,
  // and over the middle between two rows' texts; the row below is not marked by it.
  for (const MarkStyle style : {MarkStyle::shaded_row, MarkStyle::filled_box}) {
    TableLayout layout = marked_as("BAADCAAD", style);
    layout.pad_above = 1;
    layout.pad_below = 11;
    layout.empty_boxes = style == MarkStyle::filled_box;
    const Imported pdf = import_pdf(layout);
    EXPECT_THAT(marks_of(pdf.result.inspection),
                ElementsAre("A: B", "B: A", "C: A", "D: D", "E: C", "F: A", "G: A", "H: D"))
        << all(pdf.result.diagnostics);
  }
}

TEST(ImportGrades, ATableBrokenByAPageBreak) {
  // E's table: rows A and B at the foot of a page, C and D at the top of the next.
  for (const char grade : {'B', 'C'}) {
    TableLayout layout = marked_as(std::string("AAAD") + grade + "AAD", MarkStyle::drawn_cross);
    layout.split_area = 'E';
    layout.split_after = 'B';
    const Imported pdf = import_pdf(layout);
    EXPECT_THAT(marks_of(pdf.result.inspection),
                ElementsAre("A: A", "B: A", "C: A", "D: D", std::string("E: ") + grade, "F: A",
                            "G: A", "H: D"))
        << all(pdf.result.diagnostics);
    const auto lower = warnings_with(pdf.result.diagnostics, "area E: the report's grading");
    ASSERT_EQ(lower.size(), 1u) << all(pdf.result.diagnostics);
    EXPECT_THAT(pdf.line(lower[0].line), StartsWith(std::string(1, grade) + ". Socialstyrelsens"));
  }
}

TEST(ImportGrades, TheDraftsFindingsStricterThanTheTable) {
  // The table marks D as B: a drafted finding of D is then too strict (or the mark wrong).
  const Imported pdf = import_pdf(marked_as("AAABAAAD", MarkStyle::glyph));
  const auto higher = warnings_with(pdf.result.diagnostics, "may be too strict");
  ASSERT_EQ(higher.size(), 1u) << all(pdf.result.diagnostics);
  EXPECT_THAT(higher[0].message,
              StartsWith("area D: the report's grading table marks B (page 6) but the draft's "
                         "findings give D->C: a drafted finding may be too strict; review the "
                         "area's findings against its text (lines "));
}

// --- two regulations ----------------------------------------------------------------------

TEST(ImportGrades, AColumnPerRegulation) {
  TableLayout layout;
  layout.regulation_columns = true;
  const std::string grades = "AAADCAAD";
  // 2015: an X in each table; 2021: a filled box, in G a shaded cell of that column alone.
  for (int i = 0; i < 8; ++i) {
    const char area = static_cast<char>('A' + i);
    layout.marks.push_back({area, grades[i], MarkStyle::glyph, "X", "2015"});
    if (area == 'E')
      layout.marks.push_back({area, 'B', MarkStyle::filled_box, "", "2021"});
    else if (area == 'G')
      layout.marks.push_back({area, 'B', MarkStyle::shaded_row, "", "2021"});
    else
      layout.marks.push_back({area, grades[i], MarkStyle::filled_box, "", "2021"});
  }
  const Imported pdf = import_pdf(layout);
  const ImportResult& r = pdf.result;
  EXPECT_THAT(r.inspection.regulations, ElementsAre("sosfs-2015-8", "hslf-fs-2021-8"));
  EXPECT_THAT(marks_of(r.inspection),
              ElementsAre("A sosfs-2015-8: A", "A hslf-fs-2021-8: A", "B sosfs-2015-8: A",
                          "B hslf-fs-2021-8: A", "C sosfs-2015-8: A", "C hslf-fs-2021-8: A",
                          "D sosfs-2015-8: D", "D hslf-fs-2021-8: D", "E sosfs-2015-8: C",
                          "E hslf-fs-2021-8: B", "F sosfs-2015-8: A", "F hslf-fs-2021-8: A",
                          "G sosfs-2015-8: A", "G hslf-fs-2021-8: B", "H sosfs-2015-8: D",
                          "H hslf-fs-2021-8: D"))
      << all(r.diagnostics);
  EXPECT_THAT(r.yaml, HasSubstr("  E: {marked: {sosfs-2015-8: C, hslf-fs-2021-8: B}}\n"));
  EXPECT_THAT(r.yaml, HasSubstr("tabellen markerar C under 2015 med \"X\"; rad "));
  const Evaluation ev = evaluate(bundled(), r.inspection);
  std::vector<std::string> disagree;
  for (const auto& d : warnings_with(ev.diagnostics, "grading table"))
    disagree.push_back(d.message);
  EXPECT_THAT(disagree,
              ElementsAre("area E (sosfs-2015-8): the report's grading table marks C but spur "
                          "grades A from the findings; check the findings of area E",
                          "area E (hslf-fs-2021-8): the report's grading table marks B but spur "
                          "grades A from the findings; check the findings of area E",
                          "area G (hslf-fs-2021-8): the report's grading table marks B but spur "
                          "grades A from the findings; check the findings of area G"));
}

// --- what cannot be read is said, never guessed ----------------------------------------------

TEST(ImportGrades, NothingMarkedIsSaidForEveryTable) {
  const Imported pdf = import_pdf(TableLayout{});
  const ImportResult& r = pdf.result;
  EXPECT_THAT(marks_of(r.inspection), IsEmpty());
  const auto none = warnings_with(r.diagnostics, "marks no grade");
  ASSERT_EQ(none.size(), 8u) << all(r.diagnostics);
  std::string areas;
  for (const auto& d : none) {
    areas += d.message.substr(5, 1);
    EXPECT_THAT(pdf.line(d.line), StartsWith("A. Socialstyrelsens föreskrifter")) << d.format();
  }
  EXPECT_EQ(areas, "ABCDEFGH");
  EXPECT_THAT(none[1].message,
              AllOf(StartsWith("area B (page 4): the grading table marks no grade the import can "
                               "see; reported_grades has no mark for it"),
                    HasSubstr("read the grade in the report")));
  // What the sentences say is kept.
  ASSERT_EQ(r.inspection.reported_grades.size(), 2u);
  EXPECT_EQ(r.inspection.reported_grades[0].grade, Grade::C);
}

TEST(ImportGrades, TwoRowsMarkedIsAmbiguous) {
  TableLayout layout = marked_as("AAADAAAD", MarkStyle::glyph);
  layout.marks.push_back({'B', 'C', MarkStyle::glyph, "X", ""});      // two glyphs
  layout.marks.push_back({'E', 'C', MarkStyle::filled_box, "", ""});  // a glyph and a box
  // Drawn marks in two rows of G: a shaded row and a cross.
  std::erase_if(layout.marks, [](const TableMark& m) { return m.area == 'G'; });
  layout.marks.push_back({'G', 'B', MarkStyle::shaded_row, "", ""});
  layout.marks.push_back({'G', 'D', MarkStyle::drawn_cross, "", ""});
  // Beside a glyph, a shaded row is taken for a striped table's decoration.
  layout.marks.push_back({'F', 'C', MarkStyle::shaded_row, "", ""});
  const Imported pdf = import_pdf(layout);
  const ImportResult& r = pdf.result;
  EXPECT_THAT(marks_of(r.inspection), ElementsAre("A: A", "C: A", "D: D", "F: A", "H: D"))
      << all(r.diagnostics);
  const auto two = warnings_with(r.diagnostics, "marks more than one grade");
  ASSERT_EQ(two.size(), 3u) << all(r.diagnostics);
  EXPECT_EQ(two[0].message,
            "area B (page 4): the grading table marks more than one grade, A (\"X\") and C "
            "(\"X\"); none is read, check in the report which one it gives");
  EXPECT_EQ(two[1].message,
            "area E (page 8): the grading table marks more than one grade, A (\"X\") and C (a "
            "drawn mark); none is read, check in the report which one it gives");
  EXPECT_EQ(two[2].message,
            "area G (page 10): the grading table marks more than one grade, B (a shaded row) and "
            "D (a drawn mark); none is read, check in the report which one it gives");
  EXPECT_THAT(pdf.line(two[0].line), StartsWith("A. Socialstyrelsens"));
}

TEST(ImportGrades, APdfOfPlainLinesHasTablesWithoutMarks) {
  // Scale rows printed as plain lines: each table is found, none marks a grade.
  ScratchDir dir;
  const auto pdf = dir.path() / "plain.pdf";
  write_text_pdf(pdf, sample());
  const ImportResult r = import_report(bundled(), pdf);
  EXPECT_EQ(warnings_with(r.diagnostics, "marks no grade").size(), 8u) << all(r.diagnostics);
  EXPECT_THAT(marks_of(r.inspection), IsEmpty());
}

TEST(ImportGrades, TextSaysOnceThatMarksNeedThePdf) {
  const ImportResult r = import_report_data(bundled(), sample(), "rapport.txt");
  const auto marks = warnings_with(r.diagnostics, "grade marks");
  ASSERT_EQ(marks.size(), 1u) << all(r.diagnostics);
  EXPECT_EQ(marks[0].format(),
            "rapport.txt: warning: the grade marks of the report's grading tables do not survive "
            "text extraction, so none were read: import the PDF itself to read them; "
            "reported_grades holds what the report's sentences say");
  EXPECT_THAT(marks_of(r.inspection), IsEmpty());
}

TEST(ImportGrades, MarksLeftInTheTextAreNoUnplacedLines) {
  // Text copied out of a marked PDF holds the marks as lines of their own, or after a row.
  std::string text = sample();
  text.replace(text.find("B. Socialstyrelsens föreskrifter följs.\n"), 40,
               "B. Socialstyrelsens föreskrifter följs. X\n\n✓\n");
  const ImportResult r = import_report_data(bundled(), text, "rapport.txt");
  EXPECT_THAT(r.unplaced, IsEmpty()) << all(r.diagnostics);
  EXPECT_THAT(marks_of(r.inspection), IsEmpty());
}

// --- the inspection file's `marked` ---------------------------------------------------------

TEST(ImportGrades, MarkedInAnInspectionFile) {
  const Inspection insp = Inspection::parse(R"(inspection:
  regulations: [sosfs-2015-8, hslf-fs-2021-8]
  default_status: met
findings:
  D1: not_met
action_plan:
  - {requirement: D1, action: "Riktlinjer", due: "maj 2025", received: true}
reported_grades:
  B: {marked: C}
  D: {grade: C, text: "Gradering justerad till C.", marked: D}
  E: {marked: {sosfs-2015-8: A, hslf-fs-2021-8: B}}
)",
                                            "x.yaml");
  ASSERT_EQ(insp.reported_grades.size(), 3u);
  EXPECT_EQ(insp.reported_grades[0].grade, std::nullopt);
  EXPECT_EQ(insp.reported_grades[1].marked[0].grade, Grade::D);
  EXPECT_EQ(insp.reported_grades[2].marked[1].regulation, "hslf-fs-2021-8");
  const Evaluation ev = evaluate(bundled(), insp);
  std::vector<std::string> disagree;
  for (const auto& d : warnings_with(ev.diagnostics, "area "))
    disagree.push_back(std::to_string(d.line) + ": " + d.message);
  EXPECT_THAT(disagree,
              ElementsAre("9: area B: the report's grading table marks C but spur grades A from "
                          "the findings; check the findings of area B",
                          "11: area E (hslf-fs-2021-8): the report's grading table marks B but "
                          "spur grades A from the findings; check the findings of area E"));
}

TEST(ImportGrades, BadMarkedIsAnErrorNamingTheLine) {
  auto error_of = [](const std::string& grades) {
    try {
      Inspection::parse("inspection: {regulations: [sosfs-2015-8]}\nreported_grades:\n" + grades,
                        "x.yaml");
    } catch (const InspectionError& e) {
      return std::to_string(e.line()) + ": " + e.what();
    }
    return std::string("no error");
  };
  EXPECT_THAT(error_of("  B: {marked: E}\n"),
              AllOf(StartsWith("3: "),
                    HasSubstr("unknown grade 'E' for 'marked' of area B (grades: A, B, C, D)")));
  EXPECT_THAT(error_of("  B: {text: \"Graderingen är B.\"}\n"),
              AllOf(StartsWith("3: "), HasSubstr("needs 'grade' (what the report says) or "
                                                 "'marked' (what its grading table marks)")));
}

// --- the command ------------------------------------------------------------------------------

TEST(ImportGrades, TheCommandPipesTheMarksIntoEvaluate) {
  ScratchDir dir;
  const auto pdf = dir.path() / "rapport.pdf";
  write_report_pdf(pdf, sample(), marked_as("AAADCAAD", MarkStyle::drawn_cross));
  auto r = run_spur("import " + quoted(pdf) + " 2>" + quoted(dir.path() / "import.txt") + " | \"" +
                    SPUR_EXE "\" evaluate -");
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_THAT(r.out, HasSubstr("warning: area E: the report's grading table marks C but spur "
                               "grades A from the findings; check the findings of area E"));
  EXPECT_THAT(read_file(dir.path() / "import.txt"), HasSubstr("rapport.pdf:"));
  EXPECT_THAT(read_file(dir.path() / "import.txt"),
              HasSubstr(": warning: area E: the report's grading table marks C (page 8) but the "
                        "draft's findings give A"));
}

}  // namespace
}  // namespace spur::test
