#pragma once
// The grades a PDF's grading tables mark, by area: each table found in the layout is placed
// at the lines of the text, where the text tells its area. What cannot be read (no mark, two
// marks, no area) is a warning, never a guess.

#include <string>
#include <vector>

#include "import/parsed_report.hpp"
#include "import/pdf_reading.hpp"
#include "spur/evaluation.hpp"
#include "spur/rule_book.hpp"

namespace spur::detail {

/// The grade one area's table marks in one of its columns.
struct AreaMark {
  std::string area;
  std::string regulation;  ///< "" for a table's only column
  std::string column;      ///< its heading ("2015", "2021"), "" for the only one
  RowMark mark;
  int page = 0;
  int line = 0;  ///< the marked row's line in the text
};

/// Reads what each table marks; warnings go to `diagnostics`.
std::vector<AreaMark> read_table_grades(const RuleBook& book, const ParsedReport& report,
                                        const std::vector<PdfGradeTable>& tables,
                                        const std::string& source,
                                        std::vector<Diagnostic>& diagnostics);

/// Warns where a table marks a grade the draft's findings do not give: lower (the report
/// criticises what the draft has no finding for) or higher (a drafted finding is too strict),
/// naming the lines of the area's text to review.
void compare_with_draft(const Evaluation& draft, const std::vector<AreaMark>& marks,
                        const ParsedReport& report, const std::string& source,
                        std::vector<Diagnostic>& diagnostics);

/// How a mark was made, in English ("an \"X\"", "a shaded row") and Swedish for the draft.
std::string mark_english(const RowMark& mark);
std::string mark_swedish(const RowMark& mark);

}  // namespace spur::detail
