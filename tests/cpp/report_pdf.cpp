#include "report_pdf.hpp"

#include <cairo-pdf.h>
#include <cairo.h>

#include <sstream>
#include <stdexcept>

namespace spur::test {

void write_text_pdf(const std::filesystem::path& path, const std::string& text) {
  constexpr double width = 595, height = 842, margin = 40, size = 8, leading = 11.5;
  cairo_surface_t* surface = cairo_pdf_surface_create(path.c_str(), width, height);
  cairo_t* cr = cairo_create(surface);
  cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size(cr, size);
  std::istringstream lines(text);
  std::string line;
  double y = margin;
  while (std::getline(lines, line)) {
    if (y > height - margin) {
      cairo_show_page(cr);
      y = margin;
    }
    if (!line.empty()) {
      cairo_move_to(cr, margin, y);
      cairo_show_text(cr, line.c_str());
    }
    y += leading;
  }
  cairo_show_page(cr);
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  const bool ok = cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS;
  cairo_surface_destroy(surface);
  if (!ok) throw std::runtime_error("cairo could not write " + path.string());
}

}  // namespace spur::test
