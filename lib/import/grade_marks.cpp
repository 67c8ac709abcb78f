// Reading the grade a grading table marks from the page's layout (see grade_marks.hpp).
//
// Each scale row takes a band of the page: from halfway between its text and the previous
// row's to halfway to the next row's. A mark glyph in a band, outside the row's text, marks
// that row. Drawn marks are found in pixels: the table's slice of the page is rendered, every
// word's box is blanked out, and so are the table's rules (thin lines across the band or along
// it). A row's mark is the ink left in its band that the other rows do not have at the same
// place (the same x, the same height from the middle of the text, give or take a pixel), so
// that an empty check box printed in every row marks none. Ink centred beside the row's text
// rather than on it is a neighbour's shading reaching over the band's edge. Ink spread over
// half the column's width or more is a shaded row or cell, less a drawn mark (a cross, a box).

#include "import/grade_marks.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "import/text_match.hpp"

namespace spur::detail {

namespace {

constexpr std::string_view mark_glyphs[] = {"X", "x", "✓", "✔", "✕", "✖", "✗",    "✘",
                                            "☒", "☑", "■", "▪", "◼", "◾", "⬛",    "●",
                                            "⬤", "◉", "▣", "☓", "×", "⊠", "🗸", "🗷"};

// A table row's ink beyond the table's common ink, in pt² of full darkness, to count as a mark.
constexpr double min_mark_ink = 6.0;
constexpr int max_labels_per_page = 256;

std::optional<Grade> label_grade(std::string_view word) {
  if (word.size() != 2 || word[1] != '.') return std::nullopt;
  if (word[0] < 'A' || word[0] > 'D') return std::nullopt;
  return static_cast<Grade>(word[0] - 'A');
}

std::string first_word_folded(std::string_view word) {
  std::string f = fold(word);
  while (!f.empty() && (f.back() == ',' || f.back() == '.' || f.back() == ':')) f.pop_back();
  return f;
}

bool starts_scale(Grade g, std::string_view word, const ScaleStarts& starts) {
  const auto it = starts.find(g);
  if (it == starts.end()) return false;
  const std::string f = first_word_folded(word);
  return std::find(it->second.begin(), it->second.end(), f) != it->second.end();
}

// A coordinate as a pixel index in [0, limit], clamped before it is converted.
int pixel(double v, int limit) {
  if (!(v > 0)) return 0;  // also NaN
  return v >= limit ? limit : static_cast<int>(v);
}
int pixel_floor(double v, int limit) {
  return pixel(std::floor(v), limit);
}
int pixel_ceil(double v, int limit) {
  return pixel(std::ceil(v), limit);
}

double height(const Box& b) {
  return b.y1 - b.y0;
}
double center_x(const Box& b) {
  return (b.x0 + b.x1) / 2;
}
double center_y(const Box& b) {
  return (b.y0 + b.y1) / 2;
}

bool same_line(const Box& a, const Box& b) {
  const double h = std::max(height(a), 1.0);
  return std::abs(a.y0 - b.y0) < 0.35 * h && std::abs(a.y1 - b.y1) < 0.35 * h;
}

struct Row {
  RowPlace place;
  std::size_t word = 0;                             // the label's index among the page's words
  double left = 0, top = 0, bottom = 0, right = 0;  // the row's text
  double line_height = 0;
  double band_top = 0, band_bottom = 0;
  std::vector<std::string> glyphs_in_text;  // mark glyphs between the label and its text
};

// The scale rows of one page, in reading order, their text's extent found.
std::vector<Row> page_rows(const LayoutPage& page, const ScaleStarts& starts) {
  const auto& words = page.words;
  std::vector<Row> rows;
  int ordinal = 0, labels = 0;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const auto grade = label_grade(words[i].text);
    if (!grade) continue;
    // No page holds more than a few tables: a page of labels is no report's (and would cost
    // the square of its words).
    if (++labels > max_labels_per_page) break;
    const Box& label = words[i].box;
    const double h = std::max(height(label), 1.0);
    // The words of the label's line to its right, nearest first.
    std::vector<std::size_t> line;
    for (std::size_t j = 0; j < words.size(); ++j)
      if (j != i && same_line(words[j].box, label) && words[j].box.x0 >= label.x1 - 0.5)
        line.push_back(j);
    std::sort(line.begin(), line.end(),
              [&](std::size_t a, std::size_t b) { return words[a].box.x0 < words[b].box.x0; });
    Row row;
    row.place = {*grade, page.number, 0};
    row.word = i;
    row.left = label.x0;
    row.top = label.y0;
    row.bottom = label.y1;
    row.right = label.x1;
    row.line_height = h;
    bool scale = false;
    for (std::size_t j : line) {
      const Box& b = words[j].box;
      if (b.x0 - row.right > 2.5 * h) break;
      if (!scale && is_mark_glyph(words[j].text)) {
        row.glyphs_in_text.push_back(words[j].text);  // "A. ☒ Socialstyrelsens …"
        continue;
      }
      if (!scale) {
        if (!starts_scale(*grade, words[j].text, starts)) break;
        scale = true;
      }
      if (is_mark_glyph(words[j].text)) break;  // a mark right after the text
      row.right = std::max(row.right, b.x1);
    }
    if (!scale) continue;
    row.place.ordinal = ordinal++;
    rows.push_back(std::move(row));
  }
  // Continuation lines: below the row's line, starting within its text, above the next row.
  std::vector<std::size_t> by_top(rows.size());
  for (std::size_t k = 0; k < rows.size(); ++k) by_top[k] = k;
  std::sort(by_top.begin(), by_top.end(),
            [&](std::size_t a, std::size_t b) { return rows[a].top < rows[b].top; });
  for (std::size_t n = 0; n < by_top.size(); ++n) {
    Row& row = rows[by_top[n]];
    const double h = row.line_height;
    double limit = page.height;
    for (std::size_t m = n + 1; m < by_top.size(); ++m) {
      const Row& below = rows[by_top[m]];
      if (below.top > row.top + 0.5 * h && below.left < row.right && below.right > row.left) {
        limit = below.top - 0.3 * h;
        break;
      }
    }
    for (int lines = 0; lines < 4; ++lines) {
      double bottom = row.bottom;
      for (const auto& w : words) {
        const Box& b = w.box;
        if (b.y0 <= row.bottom - 0.3 * h || b.y0 > row.bottom + 0.9 * h || b.y1 > limit) continue;
        if (b.x0 < row.left - 0.5 * h || b.x0 >= row.right || is_mark_glyph(w.text)) continue;
        bottom = std::max(bottom, b.y1);
      }
      if (bottom == row.bottom) break;
      row.bottom = bottom;
    }
  }
  std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.top < b.top; });
  return rows;
}

struct Table {
  std::vector<Row> rows;  // in table order; a table broken by a page break spans two pages
  struct Column {
    std::string heading;
    double x0 = 0, x1 = 0;  // the column's extent; for the only column: the table's width
  };
  std::vector<Column> columns;
  bool ink_read = true;
};

// Rows into tables: a table's rows follow each other down the page, grades rising; a table
// broken by a page break continues at the top of the next page.
std::vector<Table> group_tables(const std::vector<std::vector<Row>>& pages) {
  std::vector<Table> tables;
  for (std::size_t p = 0; p < pages.size(); ++p) {
    const auto& rows = pages[p];
    for (std::size_t k = 0; k < rows.size(); ++k) {
      const Row& row = rows[k];
      bool joins = false;
      if (!tables.empty()) {
        const Row& last = tables.back().rows.back();
        const double h = last.line_height;
        if (row.place.grade > last.place.grade) {
          if (last.place.page == row.place.page)
            joins = row.top - last.bottom < 6 * h && std::abs(row.left - last.left) < 2 * h;
          else
            // Broken by a page break: the last row of its page, the first of the next.
            joins = k == 0 && last.place.page + 1 == row.place.page &&
                    pages[p - 1].back().word == last.word && std::abs(row.left - last.left) < 2 * h;
        }
      }
      if (joins)
        tables.back().rows.push_back(row);
      else
        tables.push_back({{row}, {}, true});
    }
  }
  std::erase_if(tables, [](const Table& t) { return t.rows.size() < 2; });
  return tables;
}

double median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

// Each row's band: halfway to its neighbours' text; the outer rows as far out as the others.
void place_bands(Table& t) {
  std::vector<double> halves;
  for (std::size_t k = 0; k + 1 < t.rows.size(); ++k)
    if (t.rows[k].place.page == t.rows[k + 1].place.page)
      halves.push_back(std::max(0.0, (t.rows[k + 1].top - t.rows[k].bottom) / 2));
  const double h = t.rows.front().line_height;
  const double half = halves.empty() ? 0.5 * h : std::clamp(median(halves), 0.3 * h, 2.0 * h);
  for (std::size_t k = 0; k < t.rows.size(); ++k) {
    Row& r = t.rows[k];
    const bool first = k == 0 || t.rows[k - 1].place.page != r.place.page;
    const bool last = k + 1 == t.rows.size() || t.rows[k + 1].place.page != r.place.page;
    r.band_top = first ? r.top - half : (t.rows[k - 1].bottom + r.top) / 2;
    r.band_bottom = last ? r.bottom + half : (r.bottom + t.rows[k + 1].top) / 2;
  }
}

// The grade columns: "2015" and "2021" headed side by side above the table, right of the
// scale texts' start, give one column each; else the table has one, as wide as the page.
void find_columns(Table& t, const LayoutPage& page, double ceiling) {
  const Row& first = t.rows.front();
  const double h = first.line_height;
  const PageWord* best[2] = {nullptr, nullptr};
  for (const auto& a : page.words) {
    if (a.text != "2015") continue;
    const Box& ab = a.box;
    if (ab.y1 > first.top + 0.3 * h || ab.y0 < ceiling || ab.x0 < first.left + 4 * h) continue;
    for (const auto& b : page.words) {
      if (b.text != "2021" || !same_line(ab, b.box) || b.box.x0 < first.left + 4 * h) continue;
      if (!best[0] || ab.y0 > best[0]->box.y0) best[0] = &a, best[1] = &b;
    }
  }
  const double left_edge = std::max(0.0, first.left - 8 * h);
  if (best[0]) {
    const double c0 = center_x(best[0]->box), c1 = center_x(best[1]->box);
    const double w = std::abs(c1 - c0) / 2;
    t.columns = {{"2015", std::max(left_edge, c0 - w), std::min(page.width, c0 + w)},
                 {"2021", std::max(left_edge, c1 - w), std::min(page.width, c1 + w)}};
    return;
  }
  t.columns = {{"", left_edge, page.width}};
}

// A slice of the page with every word's box (a point around it) blanked out.
struct Canvas {
  PageSlice slice;
  std::vector<std::uint8_t> blanked;

  Canvas(PageSlice s, const std::vector<PageWord>& words) : slice(std::move(s)) {
    // Per pixel row, where words start (+1) and end (-1): each word costs its height only.
    const std::size_t w = slice.width + 1;
    std::vector<int> starts(w * slice.height, 0);
    for (const auto& word : words) {
      const int x0 = pixel_floor(word.box.x0 - 1, slice.width);
      const int x1 = pixel_ceil(word.box.x1 + 1, slice.width);
      const int y0 = pixel_floor(word.box.y0 - 1 - slice.top, slice.height);
      const int y1 = pixel_ceil(word.box.y1 + 1 - slice.top, slice.height);
      if (x1 <= x0) continue;
      for (int y = y0; y < y1; ++y) {
        ++starts[y * w + x0];
        --starts[y * w + x1];
      }
    }
    blanked.assign(static_cast<std::size_t>(slice.width) * slice.height, 0);
    for (int y = 0; y < slice.height; ++y) {
      int inside = 0;
      for (int x = 0; x < slice.width; ++x) {
        inside += starts[y * w + x];
        blanked[static_cast<std::size_t>(y) * slice.width + x] = inside > 0;
      }
    }
  }
  bool open(int x, int y) const { return !blanked[static_cast<std::size_t>(y) * slice.width + x]; }
  double dark(int x, int y) const {
    return slice.darkness[static_cast<std::size_t>(y) * slice.width + x] / 255.0;
  }
};

// The pixels measured for one row in one column: its band a point in from the edges, less
// the words and the table's rules, thin lines across the band or along it (a line of pixels
// mostly inked whose lines three pixels to either side are not).
struct Cell {
  const Canvas* canvas = nullptr;
  int x0 = 0, x1 = 0, y0 = 0, y1 = 0;
  double center = 0;                 // the middle of the row's text, in the slice's pixels
  std::vector<bool> rule_y, rule_x;  // by y - y0, x - x0

  Cell(const Canvas& c, const Row& row, double left, double right) : canvas(&c) {
    const PageSlice& s = c.slice;
    x0 = pixel_floor(left, s.width);
    x1 = pixel_ceil(right, s.width);
    y0 = pixel_ceil(row.band_top + 1 - s.top, s.height);
    y1 = pixel_floor(row.band_bottom - 1 - s.top, s.height);
    if (y1 < y0) y1 = y0;
    center = (row.top + row.bottom) / 2 - s.top;
    auto thin = [](const std::vector<double>& share, std::size_t i) {
      auto at = [&](std::ptrdiff_t k) {
        return k < 0 || k >= static_cast<std::ptrdiff_t>(share.size()) ? 0.0 : share[k];
      };
      const auto k = static_cast<std::ptrdiff_t>(i);
      return at(k) >= 0.5 && at(k - 3) < 0.5 && at(k + 3) < 0.5;
    };
    // Rules along the band are looked for beside the text only, where no neighbour's shading
    // reaches.
    const int text0 = pixel_floor(row.top - s.top, s.height);
    const int text1 = pixel_ceil(row.bottom - s.top, s.height);
    std::vector<double> across(y1 - y0, 0.0), along(x1 - x0, 0.0);
    std::vector<int> seen_x(x1 - x0, 0);
    for (int y = y0; y < y1; ++y) {
      int inked = 0, seen = 0;
      const bool beside_text = y >= text0 && y < text1;
      for (int x = x0; x < x1; ++x) {
        if (!c.open(x, y)) continue;
        const bool ink = c.dark(x, y) >= 0.1;
        ++seen, inked += ink;
        if (beside_text) ++seen_x[x - x0], along[x - x0] += ink;
      }
      across[y - y0] = seen ? static_cast<double>(inked) / seen : 0.0;
    }
    for (std::size_t x = 0; x < along.size(); ++x)
      along[x] = seen_x[x] ? along[x] / seen_x[x] : 0.0;
    rule_y.resize(across.size());
    for (std::size_t i = 0; i < across.size(); ++i) rule_y[i] = thin(across, i);
    rule_x.resize(along.size());
    // A rule runs on above and below the text, where a check box beside it does not.
    auto inked = [&](int x, int y) {
      if (y < y0 || y >= y1) return true;
      return !c.open(x, y) || c.dark(x, y) >= 0.1;
    };
    for (std::size_t i = 0; i < along.size(); ++i) {
      const int x = x0 + static_cast<int>(i);
      rule_x[i] = along[i] >= 0.8 && thin(along, i) && inked(x, text0 - 2) && inked(x, text1 + 1);
    }
  }
  bool measured(int x, int y) const {
    return !rule_y[y - y0] && !rule_x[x - x0] && canvas->open(x, y);
  }
  // The darkest pixel within a pixel of column x, `offset` pixels from the middle of the
  // row's text (rows are not placed to the pixel alike); none where that place is not
  // measured, or too near the cell's edge to see all around it (a taller row is compared
  // with the rows as tall).
  std::optional<double> near(int x, double offset) const {
    const int yc = pixel(std::round(center + offset), y1 + 1);
    if (yc - 1 < y0 || yc + 1 >= y1 || x < x0 || x >= x1 || !measured(x, yc)) return std::nullopt;
    std::optional<double> out;
    for (int y = yc - 1; y <= yc + 1; ++y)
      for (int xx = std::max(x - 1, x0); xx <= std::min(x + 1, x1 - 1); ++xx)
        if (measured(xx, y)) out = std::max(out.value_or(0.0), canvas->dark(xx, y));
    return out;
  }
};

// Where a table has vertical rules, its grade columns end at them: the rule between the two
// headings, and the nearest ones outside them. A rule is a pixel column dark over most of the
// table's height.
void snap_columns_to_rules(Table& t, const Canvas& canvas, double top, double bottom) {
  if (t.columns.size() != 2) return;
  const PageSlice& slice = canvas.slice;
  const int y0 = pixel_ceil(top - slice.top, slice.height);
  const int y1 = pixel_floor(bottom - slice.top, slice.height);
  if (y1 - y0 < 4) return;
  auto rule_at = [&](int x) {
    if (x < 0 || x >= slice.width) return false;
    int dark = 0, seen = 0;
    for (int y = y0; y < y1; ++y)
      if (canvas.open(x, y)) ++seen, dark += canvas.dark(x, y) > 0.35;
    return seen > (y1 - y0) / 2 && dark >= 0.8 * seen;
  };
  Table::Column& left = t.columns[0];
  Table::Column& right = t.columns[1];
  const double c0 = (left.x0 + left.x1) / 2, c1 = (right.x0 + right.x1) / 2;
  const double w = (c1 - c0) / 2;
  // The rule between the headings nearest their midpoint, then the outer ones.
  std::optional<int> between;
  const int mid = pixel(std::round((c0 + c1) / 2), slice.width);
  for (int d = 0; d < pixel(w, slice.width); ++d) {
    if (rule_at(mid - d))
      between = mid - d;
    else if (rule_at(mid + d))
      between = mid + d;
    if (between) break;
  }
  if (!between) return;
  // A rule is a pixel or two wide: the columns start beyond it.
  int b0 = *between, b1 = *between;
  while (rule_at(b0 - 1)) --b0;
  while (rule_at(b1 + 1)) ++b1;
  left.x1 = b0 - 1;
  right.x0 = b1 + 2;
  for (int x = b0 - 2; x > b0 - 3 * w && x >= 0; --x)
    if (rule_at(x)) {
      left.x0 = x + 2;
      break;
    }
  for (int x = b1 + 2; x < b1 + 3 * w && x < slice.width; ++x)
    if (rule_at(x)) {
      right.x1 = x - 1;
      break;
    }
}

struct Ink {
  double amount = 0;  // pt² of full darkness beyond what the other rows have
  double spread = 0;  // the share of the column's width it covers
};

// A row's ink beyond what the other rows of the table have at the same place: the same x,
// the same height from the middle of the text (so that an empty check box printed in every
// row, or a rule, is no row's mark). Ink centred beside the row's text rather than on it
// belongs to a neighbour's cell (its shading reaching over the band's edge), not to the row.
Ink ink_beyond(const std::vector<Cell>& cells, std::size_t r, const Row& row) {
  const Cell& cell = cells[r];
  const double top = cell.canvas->slice.top;
  Ink ink;
  double moment = 0;  // of the excess about the slice's top, to find its centre
  std::vector<double> excess_at_x(cell.x1 - cell.x0, 0.0);
  std::vector<int> measured_at_x(cell.x1 - cell.x0, 0);
  for (int y = cell.y0; y < cell.y1; ++y) {
    const double offset = y - cell.center;
    double line = 0;
    for (int x = cell.x0; x < cell.x1; ++x) {
      if (!cell.measured(x, y)) continue;
      ++measured_at_x[x - cell.x0];
      const double d = cell.canvas->dark(x, y);
      if (d <= 0) continue;
      double common = std::numeric_limits<double>::infinity();
      for (std::size_t q = 0; q < cells.size(); ++q)
        if (q != r)
          if (const auto v = cells[q].near(x, offset)) common = std::min(common, *v);
      const double e = std::max(0.0, d - (std::isfinite(common) ? common : 0.0));
      line += e;
      excess_at_x[x - cell.x0] += e;
    }
    ink.amount += line;
    moment += line * (y + 0.5);
  }
  if (ink.amount <= 0) return {};
  const double centre = moment / ink.amount + top;
  if (centre < row.top - 2 || centre > row.bottom + 2) return {};
  int measured = 0, covered = 0;
  for (std::size_t x = 0; x < excess_at_x.size(); ++x) {
    if (!measured_at_x[x]) continue;
    ++measured;
    covered += excess_at_x[x] / measured_at_x[x] > 0.04;
  }
  ink.spread = measured ? static_cast<double>(covered) / measured : 0.0;
  return ink;
}

// Renders the slices a table takes and measures each row's ink in each column.
std::vector<std::vector<Ink>> measure_ink(Table& t, const std::vector<LayoutPage>& pages) {
  std::vector<Canvas> canvases;
  canvases.reserve(t.rows.size());
  std::vector<std::size_t> canvas_of(t.rows.size());
  for (std::size_t k = 0; k < t.rows.size();) {
    std::size_t end = k;
    while (end < t.rows.size() && t.rows[end].place.page == t.rows[k].place.page) ++end;
    const LayoutPage& page = pages[t.rows[k].place.page - 1];
    std::optional<PageSlice> slice;
    if (page.render) slice = page.render(t.rows[k].band_top - 1, t.rows[end - 1].band_bottom + 1);
    if (!slice || slice->width <= 0 || slice->height <= 0) {
      t.ink_read = false;
      return {};
    }
    canvases.emplace_back(std::move(*slice), page.words);
    if (k == 0)
      snap_columns_to_rules(t, canvases.back(), t.rows[k].band_top, t.rows[end - 1].band_bottom);
    for (std::size_t r = k; r < end; ++r) canvas_of[r] = canvases.size() - 1;
    k = end;
  }
  std::vector<std::vector<Ink>> ink(t.columns.size(), std::vector<Ink>(t.rows.size()));
  for (std::size_t c = 0; c < t.columns.size(); ++c) {
    std::vector<Cell> cells;
    for (std::size_t r = 0; r < t.rows.size(); ++r)
      cells.emplace_back(canvases[canvas_of[r]], t.rows[r], t.columns[c].x0, t.columns[c].x1);
    for (std::size_t r = 0; r < t.rows.size(); ++r) ink[c][r] = ink_beyond(cells, r, t.rows[r]);
  }
  return ink;
}

std::vector<GradeColumn> read_marks(Table& t, const std::vector<LayoutPage>& pages) {
  std::vector<GradeColumn> columns;
  for (const auto& c : t.columns) columns.push_back({c.heading, {}});
  const auto ink = measure_ink(t, pages);  // first: it finds where the columns end
  // Mark glyphs in a row's band, outside its text.
  for (const Row& row : t.rows) {
    const LayoutPage& page = pages[row.place.page - 1];
    std::vector<std::pair<std::string, double>> found;  // glyph, x
    for (const auto& g : row.glyphs_in_text) found.emplace_back(g, row.left);
    for (const auto& w : page.words) {
      if (!is_mark_glyph(w.text)) continue;
      const double cy = center_y(w.box), cx = center_x(w.box);
      if (cy < row.band_top || cy >= row.band_bottom) continue;
      if (cx > row.left && cx < row.right) continue;  // inside the text: counted above
      if (cx < t.columns.front().x0) continue;
      found.emplace_back(w.text, cx);
    }
    for (const auto& [glyph, x] : found) {
      // The column it stands in, else the nearest.
      std::size_t column = 0;
      double nearest = std::numeric_limits<double>::infinity();
      for (std::size_t c = 0; c < t.columns.size(); ++c) {
        const auto& col = t.columns[c];
        const double d = x < col.x0 ? col.x0 - x : x > col.x1 ? x - col.x1 : 0.0;
        if (d < nearest) nearest = d, column = c;
      }
      auto& marked = columns[column].marked;
      if (marked.empty() || marked.back().grade != row.place.grade)
        marked.push_back({row.place.grade, MarkKind::glyph, glyph});
    }
  }
  for (std::size_t c = 0; c < t.columns.size() && !ink.empty(); ++c) {
    // Beside a glyph, shading in other rows is taken for decoration (striped rows); a drawn
    // mark in another row is a second mark.
    const bool glyphs = !columns[c].marked.empty();
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
      const Ink& i = ink[c][r];
      if (i.amount < min_mark_ink) continue;
      const MarkKind kind = i.spread >= 0.5 ? MarkKind::shaded : MarkKind::drawn;
      const Grade grade = t.rows[r].place.grade;
      auto& marked = columns[c].marked;
      if (glyphs && (kind == MarkKind::shaded ||
                     std::any_of(marked.begin(), marked.end(),
                                 [&](const RowMark& m) { return m.grade == grade; })))
        continue;
      marked.push_back({grade, kind, ""});
    }
    std::stable_sort(columns[c].marked.begin(), columns[c].marked.end(),
                     [](const RowMark& a, const RowMark& b) { return a.grade < b.grade; });
  }
  return columns;
}

}  // namespace

bool is_mark_glyph(std::string_view word) {
  const std::string w = trim(word);
  return std::find(std::begin(mark_glyphs), std::end(mark_glyphs), w) != std::end(mark_glyphs);
}

std::optional<Grade> scale_row_label(std::string_view line, const ScaleStarts& starts) {
  const std::string t = trim(line);
  const auto grade = label_grade(std::string_view(t).substr(0, 2));
  if (!grade || t.size() < 4 || t[2] != ' ') return std::nullopt;
  std::string_view rest = std::string_view(t).substr(3);
  while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  // "B. ☒ Socialstyrelsens …": a mark glyph between the label and the text.
  for (int marks = 0; marks < 2; ++marks) {
    const std::size_t space = rest.find(' ');
    if (space == std::string_view::npos || !is_mark_glyph(rest.substr(0, space))) break;
    rest.remove_prefix(space + 1);
  }
  const std::size_t space = rest.find(' ');
  if (!starts_scale(*grade, rest.substr(0, space), starts)) return std::nullopt;
  return grade;
}

std::vector<LayoutGradeTable> find_grade_tables(const std::vector<LayoutPage>& pages,
                                                const ScaleStarts& starts) {
  std::vector<std::vector<Row>> rows;
  for (const auto& page : pages) rows.push_back(page_rows(page, starts));
  std::vector<Table> tables = group_tables(rows);
  std::vector<LayoutGradeTable> out;
  for (std::size_t i = 0; i < tables.size(); ++i) {
    Table& t = tables[i];
    place_bands(t);
    // Column headings are looked for above the table, below the table before it.
    const Row& first = t.rows.front();
    double ceiling = 0;
    if (i > 0 && tables[i - 1].rows.back().place.page == first.place.page)
      ceiling = tables[i - 1].rows.back().band_bottom;
    find_columns(t, pages[first.place.page - 1], ceiling);
    LayoutGradeTable table;
    for (const auto& r : t.rows) table.rows.push_back(r.place);
    table.columns = read_marks(t, pages);
    table.ink_read = t.ink_read;
    out.push_back(std::move(table));
  }
  return out;
}

}  // namespace spur::detail
