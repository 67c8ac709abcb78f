// A PDF through poppler's C++ library: the text page after page, and for the pages that print
// a grading table, their words with boxes and (where a table stands) their pixels, from which
// grade_marks reads what the tables mark.

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-image.h>
#include <poppler-page-renderer.h>
#include <poppler-page.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <optional>

#include "import/pdf_reading.hpp"
#include "spur/import.hpp"

namespace spur {

namespace {

void quiet(const std::string&, void*) {}

// Line breaks as the import counts them (import_report.cpp, split_lines): "\n", "\r\n", "\r".
int line_breaks(std::string_view text) {
  int n = 0;
  for (std::size_t i = 0; i < text.size(); ++i)
    if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n'))) ++n;
  return n;
}

std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\n' && text[i] != '\r') continue;
    out.push_back(text.substr(start, i - start));
    if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
    start = i + 1;
  }
  if (start < text.size()) out.push_back(text.substr(start));
  return out;
}

// The largest page PDF allows is 14 400 units a side; a table's slice is far smaller.
constexpr double max_page_side = 14400;
constexpr double max_slice_pixels = 16e6;

std::optional<detail::PageSlice> render_slice(const poppler::page& page, double top, double bottom,
                                              double width, double height) {
  static const bool can = poppler::page_renderer::can_render();
  if (!can) return std::nullopt;
  top = std::clamp(std::floor(top), 0.0, height);
  bottom = std::clamp(std::ceil(bottom), top, height);
  width = std::ceil(width);
  if (bottom - top < 1 || width < 1 || (bottom - top) * width > max_slice_pixels)
    return std::nullopt;
  const int y = static_cast<int>(top), h = static_cast<int>(bottom - top);
  const int w = static_cast<int>(width);
  poppler::page_renderer renderer;
  renderer.set_image_format(poppler::image::format_gray8);
  renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
  const poppler::image image = renderer.render_page(&page, 72.0, 72.0, 0, y, w, h);
  if (!image.is_valid() || image.format() != poppler::image::format_gray8) return std::nullopt;
  detail::PageSlice slice;
  slice.width = image.width();
  slice.height = image.height();
  slice.top = y;
  slice.darkness.resize(static_cast<std::size_t>(slice.width) * slice.height);
  const char* data = image.const_data();
  for (int row = 0; row < slice.height; ++row) {
    const auto* line = reinterpret_cast<const unsigned char*>(data + row * image.bytes_per_row());
    for (int x = 0; x < slice.width; ++x)
      slice.darkness[static_cast<std::size_t>(row) * slice.width + x] =
          static_cast<std::uint8_t>(255 - line[x]);
  }
  return slice;
}

}  // namespace

detail::PdfReading detail::read_pdf(std::string_view data, const std::string& name,
                                    const ScaleStarts* starts) {
  poppler::set_debug_error_function(quiet, nullptr);
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(data.data(), static_cast<int>(data.size())));
  if (!doc) throw FileError("is a damaged or unreadable PDF: not a SPUR report it can read", name);
  if (doc->is_locked())
    throw FileError("is a password-protected PDF; save it without a password and import again",
                    name);
  PdfReading out;
  out.pages = doc->pages();
  std::vector<std::unique_ptr<poppler::page>> pages;
  std::vector<LayoutPage> layout;
  // For each page: the lines of its text that start scale rows, in order.
  std::vector<std::vector<int>> scale_lines;
  bool any_table = false;
  for (int i = 0; i < out.pages; ++i) {
    pages.emplace_back(doc->create_page(i));
    layout.push_back({i + 1, 0, 0, {}, {}});
    scale_lines.emplace_back();
    const poppler::page* page = pages.back().get();
    if (!page) continue;
    const int first_line = line_breaks(out.text) + 1;
    const auto bytes = page->text().to_utf8();
    const std::string_view text(bytes.data(), bytes.size());
    if (starts) {
      const auto lines = lines_of(text);
      for (std::size_t k = 0; k < lines.size(); ++k)
        if (scale_row_label(lines[k], *starts))
          scale_lines.back().push_back(first_line + static_cast<int>(k));
    }
    out.text.append(text);
    if (!out.text.empty() && out.text.back() != '\n') out.text += '\n';
    if (scale_lines.back().empty()) continue;
    // A page with a grading table: its words and boxes, and its pixels when asked.
    const poppler::rectf rect = page->page_rect();
    const double width = rect.width(), height = rect.height();
    if (!(width >= 1 && width <= max_page_side && height >= 1 && height <= max_page_side))
      continue;  // no page a report prints
    any_table = true;
    LayoutPage& lp = layout.back();
    lp.width = width;
    lp.height = height;
    auto inside = [](double v, double side) { return std::isfinite(v) && std::abs(v) <= 4 * side; };
    for (const auto& box : page->text_list()) {
      const poppler::rectf b = box.bbox();
      if (!inside(b.left(), width) || !inside(b.right(), width) || !inside(b.top(), height) ||
          !inside(b.bottom(), height))
        continue;
      const auto word = box.text().to_utf8();
      lp.words.push_back(
          {std::string(word.begin(), word.end()), {b.left(), b.top(), b.right(), b.bottom()}});
    }
    lp.render = [page, width, height](double top, double bottom) {
      return render_slice(*page, top, bottom, width, height);
    };
  }
  if (!starts || !any_table) return out;
  for (const auto& t : find_grade_tables(layout, *starts)) {
    PdfGradeTable table;
    table.page = t.rows.front().page;
    for (const auto& r : t.rows) {
      const auto& lines = scale_lines[r.page - 1];
      const int line = r.ordinal < static_cast<int>(lines.size()) ? lines[r.ordinal] : 0;
      table.rows.emplace_back(r.grade, line);
    }
    table.columns = t.columns;
    table.ink_read = t.ink_read;
    out.tables.push_back(std::move(table));
  }
  return out;
}

std::string pdf_text(std::string_view data, const std::string& name) {
  return detail::read_pdf(data, name, nullptr).text;
}

}  // namespace spur
