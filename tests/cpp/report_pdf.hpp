#pragma once
// Making PDFs from a report's text for the import tests (cairo; libcairo2-dev): each line
// printed where it stands, as a published report's PDF holds its text, and optionally each
// grading table laid out as a table whose grade column marks a grade, the ways a report may:
// a mark glyph, a filled box, a drawn cross, a shaded row; with one grade column, or one per
// regulation headed "2015" and "2021".

#include <filesystem>
#include <string>
#include <vector>

namespace spur::test {

/// Writes `text` as a PDF to `path`, one text line per printed line, 64 lines a page.
void write_text_pdf(const std::filesystem::path& path, const std::string& text);

enum class MarkStyle { glyph, filled_box, drawn_cross, shaded_row };

/// A mark in the grading table of one area.
struct TableMark {
  char area = 'A';   ///< the table's area (the area letter printed before it in the text)
  char grade = 'A';  ///< the row marked
  MarkStyle style = MarkStyle::glyph;
  std::string glyph = "X";  ///< for MarkStyle::glyph
  std::string column;       ///< "2015" or "2021" in two-regulation tables; "" otherwise
};

struct TableLayout {
  bool regulation_columns = false;      ///< grade columns headed "2015" and "2021"
  bool ruled = true;                    ///< lines between rows and around the grade column
  bool empty_boxes = false;             ///< an empty check box printed in every row's grade cell
  double pad_above = 4, pad_below = 4;  ///< space in a row's cell above and below its text
  char split_area = 0;                  ///< this area's table is broken by a page break ...
  char split_after = 0;                 ///< ... after this row
  std::vector<TableMark> marks;
};

/// Writes `text` as a PDF like write_text_pdf, but prints each grading table (the scale rows
/// "A. Socialstyrelsens …" to "D. Brister …") as a table with a grade column marked as
/// `layout` says. A table starts a new page when it would not fit on the current one.
void write_report_pdf(const std::filesystem::path& path, const std::string& text,
                      const TableLayout& layout);

}  // namespace spur::test
