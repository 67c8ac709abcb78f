#pragma once
// The grade a report's grading tables mark, read from the layout of its PDF pages. A table
// prints the scale rows ("A. Socialstyrelsens …" to "D. Brister …"); each row takes a band of
// the page, and the chosen row is the one whose band holds a mark the other rows lack: a mark
// glyph (X, ✓, ☒, ■, …) or ink that is no text (a drawn cross, a filled box, a shaded row).
// Two-regulation reports give the table one grade column per regulation, headed "2015" and
// "2021"; a mark in each column grades each regulation.

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "spur/types.hpp"

namespace spur::detail {

/// A rectangle on a page, in points from the page's top left corner.
struct Box {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};

struct PageWord {
  std::string text;
  Box box;
};

/// A horizontal slice of a page rendered in gray, one pixel a point: 0 white .. 255 black.
struct PageSlice {
  int width = 0, height = 0;
  double top = 0;  ///< the page's y at the first row of pixels
  std::vector<std::uint8_t> darkness;
};

/// One page as the mark reader sees it: its words and, when the page can be rendered, a way
/// to render a slice of it (top and bottom in points).
struct LayoutPage {
  int number = 0;  ///< 1-based
  double width = 0, height = 0;
  std::vector<PageWord> words;  ///< in the order the text extraction reads them
  std::function<std::optional<PageSlice>(double top, double bottom)> render;
};

enum class MarkKind : std::uint8_t { glyph, drawn, shaded };

struct RowMark {
  Grade grade = Grade::A;
  MarkKind kind = MarkKind::glyph;
  std::string glyph;  ///< for a glyph: which ("X", "✓", …)
};

/// A grade column of a table: its only one, or one per regulation.
struct GradeColumn {
  std::string heading;          ///< "" for a table's only column; "2015", "2021"
  std::vector<RowMark> marked;  ///< the rows marked in it, in table order
};

/// Where a scale row's label ("B.") stands: on which page, and the how-manieth row label of
/// that page it is (in reading order), which finds its line in the page's extracted text.
struct RowPlace {
  Grade grade = Grade::A;
  int page = 0;
  int ordinal = 0;
};

struct LayoutGradeTable {
  std::vector<RowPlace> rows;
  std::vector<GradeColumn> columns;
  bool ink_read = true;  ///< false when a page could not be rendered: glyphs only
};

/// The first word of each grade's scale wording, folded ("socialstyrelsens", "brister"): a
/// row label ("B.") followed by one of them starts a scale row.
using ScaleStarts = std::map<Grade, std::vector<std::string>>;

/// The grading tables of the pages and what marks them. Pages are rendered only where a
/// table stands, and only the slice it takes.
std::vector<LayoutGradeTable> find_grade_tables(const std::vector<LayoutPage>& pages,
                                                const ScaleStarts& starts);

/// True for a word that is nothing but a mark glyph ("X", "✓", "☒", "■", …).
bool is_mark_glyph(std::string_view word);

/// The label of a scale row starting `line` ("B. Socialstyrelsens …"), when it starts one.
std::optional<Grade> scale_row_label(std::string_view line, const ScaleStarts& starts);

}  // namespace spur::detail
