#include "report_pdf.hpp"

#include <cairo-pdf.h>
#include <cairo.h>

#include <optional>
#include <sstream>
#include <stdexcept>

namespace spur::test {

namespace {

constexpr double width = 595, height = 842, margin = 40, size = 8, leading = 11.5;
// The table: the scale texts from the margin, the grade column at the right.
constexpr double table_left = 36, grade_left = 458, table_right = 555, head = 14;

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) out.push_back(line);
  return out;
}

std::string trimmed(const std::string& s) {
  const auto a = s.find_first_not_of(' ');
  if (a == std::string::npos) return "";
  return s.substr(a, s.find_last_not_of(' ') - a + 1);
}

// "B. Socialstyrelsens …", "D. Brister …": the grade of the scale row the line starts.
std::optional<char> row_start(const std::string& line) {
  if (line.size() < 4 || line[0] < 'A' || line[0] > 'D' || line[1] != '.' || line[2] != ' ')
    return std::nullopt;
  if (line.compare(3, 16, "Socialstyrelsens") != 0 && line.compare(3, 7, "Brister") != 0)
    return std::nullopt;
  return line[0];
}

// Whether a row's text ends with this line ("… förekomma.", "… krävs.").
bool row_ends(char grade, const std::string& line) {
  auto ends = [&](const std::string& s) {
    return line.size() >= s.size() && line.compare(line.size() - s.size(), s.size(), s) == 0;
  };
  switch (grade) {
    case 'A':
      return ends("förekomma.");
    case 'B':
      return ends("följs.") || ends("föreskrifter.");
    case 'C':
      return ends("rekommenderas.");
    default:
      return ends("krävs.");
  }
}

struct Row {
  char grade;
  std::vector<std::string> lines;
};

class Writer {
 public:
  Writer(const std::filesystem::path& path)
      : surface_(cairo_pdf_surface_create(path.c_str(), width, height)),
        cr_(cairo_create(surface_)),
        path_(path) {
    cairo_select_font_face(cr_, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr_, size);
  }

  void line(const std::string& text) {
    if (y_ > height - margin) page();
    if (!text.empty()) show(margin, y_, text);
    y_ += leading;
  }

  void table(char area, const std::vector<Row>& rows, const TableLayout& layout) {
    std::size_t split = rows.size();
    if (layout.split_area == area)
      for (std::size_t r = 0; r + 1 < rows.size(); ++r)
        if (rows[r].grade == layout.split_after) split = r + 1;
    part(area, rows, 0, split, layout, true);
    if (split < rows.size()) {
      page();
      part(area, rows, split, rows.size(), layout, false);
    }
  }

  // Rows [from, to) of a table, with the column headings above them when `heading`.
  void part(char area, const std::vector<Row>& rows, std::size_t from, std::size_t to,
            const TableLayout& layout, bool heading) {
    const double above = layout.pad_above, below = layout.pad_below;
    double total = heading ? head : 0;
    for (std::size_t r = from; r < to; ++r) total += rows[r].lines.size() * leading + above + below;
    if (y_ + total > height - margin) page();
    const double top = y_ - size;  // the table's top edge, above the first line's cap height
    if (heading && layout.regulation_columns) {
      show(grade_left + 10, top + 10, "2015");
      show(grade_left + 58, top + 10, "2021");
    } else if (heading) {
      show(grade_left + 12, top + 10, "Gradering");
    }
    // edges[i], edges[i + 1]: the cell of row from + i.
    std::vector<double> edges{heading ? top + head : top};
    for (std::size_t r = from; r < to; ++r)
      edges.push_back(edges.back() + rows[r].lines.size() * leading + above + below);
    const double mid = (grade_left + table_right) / 2;
    auto cell = [&](const std::string& column) -> std::pair<double, double> {
      if (column == "2015") return {grade_left, mid};
      if (column == "2021") return {mid, table_right};
      return {grade_left, table_right};
    };
    auto index = [&](char grade) -> std::optional<std::size_t> {
      for (std::size_t r = from; r < to; ++r)
        if (rows[r].grade == grade) return r - from;
      return std::nullopt;
    };
    // Shading first, so that the text stands on it.
    for (const auto& m : layout.marks) {
      if (m.area != area || m.style != MarkStyle::shaded_row || !index(m.grade)) continue;
      const std::size_t i = *index(m.grade);
      const auto [x0, x1] = m.column.empty() ? std::pair{table_left, table_right} : cell(m.column);
      cairo_set_source_rgb(cr_, 0.82, 0.82, 0.82);
      cairo_rectangle(cr_, x0, edges[i], x1 - x0, edges[i + 1] - edges[i]);
      cairo_fill(cr_);
      cairo_set_source_rgb(cr_, 0, 0, 0);
    }
    for (std::size_t r = from; r < to; ++r) {
      double y = edges[r - from] + above + size;
      for (const auto& l : rows[r].lines) {
        show(margin, y, l);
        y += leading;
      }
    }
    if (layout.ruled) {
      cairo_set_line_width(cr_, 0.6);
      std::vector<double> across = edges;
      if (heading) across.insert(across.begin(), top);
      for (double e : across) {
        cairo_move_to(cr_, table_left, e);
        cairo_line_to(cr_, table_right, e);
      }
      std::vector<double> verticals{table_left, grade_left, table_right};
      if (layout.regulation_columns) verticals.push_back(mid);
      for (double x : verticals) {
        cairo_move_to(cr_, x, across.front());
        cairo_line_to(cr_, x, across.back());
      }
      cairo_stroke(cr_);
    }
    std::vector<std::string> columns{""};
    if (layout.regulation_columns) columns = {"2015", "2021"};
    if (layout.empty_boxes)
      for (std::size_t i = 0; i + 1 < edges.size(); ++i)
        for (const auto& c : columns) {
          const auto [x0, x1] = cell(c);
          const double cy = (edges[i] + edges[i + 1]) / 2;
          cairo_set_line_width(cr_, 0.5);
          cairo_rectangle(cr_, (x0 + x1) / 2 - 4, cy - 4, 8, 8);
          cairo_stroke(cr_);
        }
    for (const auto& m : layout.marks) {
      if (m.area != area || m.style == MarkStyle::shaded_row || !index(m.grade)) continue;
      const std::size_t i = *index(m.grade);
      const auto [x0, x1] = cell(m.column);
      const double cx = (x0 + x1) / 2, cy = (edges[i] + edges[i + 1]) / 2;
      switch (m.style) {
        case MarkStyle::glyph: {
          cairo_set_font_size(cr_, 9);
          cairo_text_extents_t e;
          cairo_text_extents(cr_, m.glyph.c_str(), &e);
          show(cx - e.width / 2 - e.x_bearing, cy - e.height / 2 - e.y_bearing, m.glyph);
          cairo_set_font_size(cr_, size);
          break;
        }
        case MarkStyle::filled_box:
          cairo_rectangle(cr_, cx - 4, cy - 4, 8, 8);
          cairo_fill(cr_);
          break;
        case MarkStyle::drawn_cross:
          cairo_set_line_width(cr_, 1.2);
          cairo_move_to(cr_, cx - 4, cy - 4);
          cairo_line_to(cr_, cx + 4, cy + 4);
          cairo_move_to(cr_, cx + 4, cy - 4);
          cairo_line_to(cr_, cx - 4, cy + 4);
          cairo_stroke(cr_);
          break;
        case MarkStyle::shaded_row:
          break;
      }
    }
    y_ = edges.back() + leading + size;
  }

  void finish() {
    cairo_show_page(cr_);
    cairo_destroy(cr_);
    cairo_surface_finish(surface_);
    const bool ok = cairo_surface_status(surface_) == CAIRO_STATUS_SUCCESS;
    cairo_surface_destroy(surface_);
    if (!ok) throw std::runtime_error("cairo could not write " + path_.string());
  }

 private:
  void show(double x, double y, const std::string& text) {
    cairo_move_to(cr_, x, y);
    cairo_show_text(cr_, text.c_str());
  }

  void page() {
    cairo_show_page(cr_);
    y_ = margin;
  }

  cairo_surface_t* surface_;
  cairo_t* cr_;
  std::filesystem::path path_;
  double y_ = margin;
};

}  // namespace

void write_text_pdf(const std::filesystem::path& path, const std::string& text) {
  Writer w(path);
  for (const auto& l : lines_of(text)) w.line(l);
  w.finish();
}

void write_report_pdf(const std::filesystem::path& path, const std::string& text,
                      const TableLayout& layout) {
  const auto lines = lines_of(text);
  Writer w(path);
  char area = 'A';
  for (std::size_t i = 0; i < lines.size();) {
    const std::string t = trimmed(lines[i]);
    if (t.size() == 1 && t[0] >= 'A' && t[0] <= 'H') area = t[0];
    const auto grade = row_start(t);
    if (!grade) {
      w.line(lines[i++]);
      continue;
    }
    // The table's rows, blank lines between them left out.
    std::vector<Row> rows;
    while (i < lines.size()) {
      const std::string l = trimmed(lines[i]);
      if (l.empty()) {
        ++i;
        continue;
      }
      const auto g = row_start(l);
      if (g && (rows.empty() || *g > rows.back().grade)) {
        rows.push_back({*g, {l}});
      } else if (!g && !rows.empty() && !row_ends(rows.back().grade, rows.back().lines.back())) {
        rows.back().lines.push_back(l);
      } else {
        break;
      }
      ++i;
    }
    w.table(area, rows, layout);
  }
  w.finish();
}

}  // namespace spur::test
