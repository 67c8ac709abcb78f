#pragma once
// What the import reads from a PDF: its text, page after page, and the grade marks of its
// grading tables from the pages' layout, each table located at the lines of the text.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "import/grade_marks.hpp"

namespace spur::detail {

/// A grading table of the PDF with what it marks.
struct PdfGradeTable {
  int page = 0;                             ///< the page of its first row (1-based)
  std::vector<std::pair<Grade, int>> rows;  ///< each row's grade and line in the text (0: none)
  std::vector<GradeColumn> columns;
  bool ink_read = true;
};

struct PdfReading {
  std::string text;
  std::vector<PdfGradeTable> tables;
  int pages = 0;
};

/// Reads a PDF's text and, with `starts`, its grading tables. Throws FileError when `data`
/// is no readable PDF.
PdfReading read_pdf(std::string_view data, const std::string& name, const ScaleStarts* starts);

}  // namespace spur::detail
