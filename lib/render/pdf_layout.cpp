// Flow layout with cairo and pango: measure every block with pango, place it on the page, start
// a new page when it does not fit. Laid out twice: once to count the pages, once to draw.

#include "render/pdf_layout.hpp"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <memory>

#include "spur/error.hpp"

namespace spur::pdf {

void Document::heading(int level, std::string markup) {
  Block b;
  b.kind = BlockKind::heading;
  b.level = level;
  b.markup = std::move(markup);
  b.font_size = level == 1 ? 17 : level == 2 ? 13 : 10.5;
  blocks.push_back(std::move(b));
}

void Document::paragraph(std::string markup, double size, double indent) {
  Block b;
  b.markup = std::move(markup);
  b.font_size = size;
  b.indent = indent;
  blocks.push_back(std::move(b));
}

void Document::code(std::string text) {
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    if (end > start || end < text.size()) {
      Block b;
      b.markup = escape(std::string_view(text).substr(start, end - start));
      if (b.markup.empty()) b.markup = " ";
      b.font_size = 7.5;
      b.monospace = true;
      blocks.push_back(std::move(b));
    }
    start = end + 1;
  }
}

void Document::table(Table t) {
  Block b;
  b.kind = BlockKind::table;
  b.table = std::move(t);
  blocks.push_back(std::move(b));
}

void Document::page_break() {
  Block b;
  b.kind = BlockKind::page_break;
  blocks.push_back(std::move(b));
}

std::string escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

namespace {

constexpr double page_width = 595.276, page_height = 841.89;
constexpr double margin_x = 48, top = 64, bottom = 56;
constexpr double text_width = page_width - 2 * margin_x;
constexpr double cell_pad = 3.5;
const Colour ink{0.1, 0.12, 0.14};
const Colour muted{0.34, 0.38, 0.42};
const Colour rule{0.75, 0.78, 0.81};
const Colour head_fill{0.93, 0.94, 0.95};

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

struct LayoutDeleter {
  void operator()(PangoLayout* l) const { g_object_unref(l); }
};
using Layout = std::unique_ptr<PangoLayout, LayoutDeleter>;

class Painter {
 public:
  Painter(cairo_t* cr, const Document& doc, int total) : cr_(cr), doc_(doc), total_(total) {}

  int run() {
    start_page();
    for (const Block& b : doc_.blocks) {
      switch (b.kind) {
        case BlockKind::heading:
          heading(b);
          break;
        case BlockKind::paragraph:
          paragraph(b);
          break;
        case BlockKind::table:
          table(b.table);
          break;
        case BlockKind::page_break:
          if (y_ > top + 1) new_page();
          break;
      }
    }
    finish_page();
    return page_;
  }

 private:
  Layout layout(const std::string& markup, double width, double size, bool mono = false,
                bool bold = false, bool centre = false) {
    Layout l(pango_cairo_create_layout(cr_));
    pango_cairo_context_set_resolution(pango_layout_get_context(l.get()), 72);
    pango_layout_context_changed(l.get());
    PangoFontDescription* font =
        pango_font_description_from_string(mono ? "DejaVu Sans Mono" : "DejaVu Sans");
    pango_font_description_set_absolute_size(font, size * PANGO_SCALE);
    if (bold) pango_font_description_set_weight(font, PANGO_WEIGHT_BOLD);
    pango_layout_set_font_description(l.get(), font);
    pango_font_description_free(font);
    pango_layout_set_width(l.get(), static_cast<int>(width * PANGO_SCALE));
    pango_layout_set_wrap(l.get(), PANGO_WRAP_WORD_CHAR);
    if (centre) pango_layout_set_alignment(l.get(), PANGO_ALIGN_CENTER);
    pango_layout_set_markup(l.get(), markup.c_str(), -1);
    return l;
  }
  static double height(const Layout& l) {
    int w = 0, h = 0;
    pango_layout_get_size(l.get(), &w, &h);
    return static_cast<double>(h) / PANGO_SCALE;
  }
  void colour(const Colour& c) { cairo_set_source_rgb(cr_, c.r, c.g, c.b); }
  void show(const Layout& l, double x, double y, const Colour& c) {
    if (!total_) return;  // counting pages only
    colour(c);
    cairo_move_to(cr_, x, y);
    pango_cairo_show_layout(cr_, l.get());
  }
  double room() const { return page_height - bottom - y_; }

  void start_page() {
    ++page_;
    y_ = top;
    if (!total_) return;
    Layout left = layout(escape(doc_.title), text_width * 0.72, 7.5);
    show(left, margin_x, 30, muted);
    Layout right = layout(escape(doc_.header_right), text_width * 0.26, 7.5);
    pango_layout_set_alignment(right.get(), PANGO_ALIGN_RIGHT);
    show(right, margin_x + text_width * 0.74, 30, muted);
    colour(rule);
    cairo_set_line_width(cr_, 0.6);
    cairo_move_to(cr_, margin_x, 44);
    cairo_line_to(cr_, margin_x + text_width, 44);
    cairo_stroke(cr_);
    Layout foot = layout(escape(doc_.footer_left), text_width * 0.7, 7);
    show(foot, margin_x, page_height - 34, muted);
    Layout number = layout(escape(doc_.page_label + " " + std::to_string(page_) + " " +
                                  doc_.of_label + " " + std::to_string(total_)),
                           text_width * 0.3, 7.5);
    pango_layout_set_alignment(number.get(), PANGO_ALIGN_RIGHT);
    show(number, margin_x + text_width * 0.7, page_height - 34, ink);
  }
  void finish_page() {
    if (total_) cairo_show_page(cr_);
  }
  void new_page() {
    finish_page();
    start_page();
  }

  void heading(const Block& b) {
    Layout l = layout(b.markup, text_width, b.font_size, false, true);
    const double space = b.level == 1 ? 4 : b.level == 2 ? 14 : 8;
    const double h = height(l);
    // Keep a heading with what follows it.
    if (room() < space + h + 60) new_page();
    if (y_ > top + 1) y_ += space;
    show(l, margin_x, y_, ink);
    y_ += h + (b.level == 2 ? 2 : 3);
    if (b.level <= 2 && total_) {
      colour(ink);
      cairo_set_line_width(cr_, b.level == 1 ? 1.2 : 0.8);
      cairo_move_to(cr_, margin_x, y_);
      cairo_line_to(cr_, margin_x + text_width, y_);
      cairo_stroke(cr_);
    }
    y_ += b.level <= 2 ? 5 : 1;
  }

  void paragraph(const Block& b) {
    Layout l = layout(b.markup, text_width - b.indent, b.font_size, b.monospace);
    const double h = height(l);
    if (h > room()) {
      // A paragraph taller than what is left: break it between lines.
      PangoLayoutIter* it = pango_layout_get_iter(l.get());
      double offset = 0;
      do {
        PangoRectangle logical;
        pango_layout_iter_get_line_extents(it, nullptr, &logical);
        const double line_top = static_cast<double>(logical.y) / PANGO_SCALE;
        const double line_bottom = line_top + static_cast<double>(logical.height) / PANGO_SCALE;
        if (line_bottom - offset > room()) {
          draw_clipped(l, b, offset, line_top);
          new_page();
          offset = line_top;
        }
      } while (pango_layout_iter_next_line(it));
      pango_layout_iter_free(it);
      draw_clipped(l, b, offset, h);
      y_ += h - offset + (b.monospace ? 0 : 4);
      return;
    }
    show(l, margin_x + b.indent, y_, ink);
    y_ += h + (b.monospace ? 0 : 4);
  }
  void draw_clipped(const Layout& l, const Block& b, double from, double to) {
    if (!total_) return;
    cairo_save(cr_);
    cairo_rectangle(cr_, margin_x + b.indent - 1, y_, text_width + 2, to - from);
    cairo_clip(cr_);
    show(l, margin_x + b.indent, y_ - from, ink);
    cairo_restore(cr_);
  }

  std::vector<Layout> row_layouts(const Table& t, const std::vector<Cell>& cells, double& h) {
    std::vector<Layout> out;
    h = 0;
    for (std::size_t c = 0; c < cells.size() && c < t.widths.size(); ++c) {
      out.push_back(layout(cells[c].markup, t.widths[c] * text_width - 2 * cell_pad, t.font_size,
                           false, cells[c].bold, cells[c].centre));
      h = std::max(h, height(out.back()));
    }
    h += 2 * cell_pad;
    return out;
  }

  void draw_row(const Table& t, const std::vector<Cell>& cells, const std::vector<Layout>& ls,
                double h, bool head) {
    if (total_) {
      double x = margin_x;
      for (std::size_t c = 0; c < ls.size(); ++c) {
        const double w = t.widths[c] * text_width;
        if (cells[c].background || head) {
          colour(cells[c].background.value_or(head_fill));
          cairo_rectangle(cr_, x, y_, w, h);
          cairo_fill(cr_);
        }
        colour(rule);
        cairo_set_line_width(cr_, 0.5);
        cairo_rectangle(cr_, x, y_, w, h);
        cairo_stroke(cr_);
        show(ls[c], x + cell_pad, y_ + cell_pad, cells[c].ink);
        x += w;
      }
    }
    y_ += h;
  }

  // The bottom of the last line of `l` that ends at or above `limit` (layout coordinates), or
  // `limit` when none does.
  static double line_break_before(const Layout& l, double from, double limit) {
    double best = -1;
    PangoLayoutIter* it = pango_layout_get_iter(l.get());
    do {
      PangoRectangle logical;
      pango_layout_iter_get_line_extents(it, nullptr, &logical);
      const double bottom_of_line = static_cast<double>(logical.y + logical.height) / PANGO_SCALE;
      if (bottom_of_line > limit) break;
      if (bottom_of_line > from) best = bottom_of_line;
    } while (pango_layout_iter_next_line(it));
    pango_layout_iter_free(it);
    return best < 0 ? limit : best;
  }

  // A row taller than a page: drawn in slices, each cut between lines of its tallest cell
  // (the cells share one font, so their lines sit at the same heights), the header row
  // repeated on every page it runs onto.
  void split_row(const Table& t, const std::vector<Cell>& cells, const std::vector<Layout>& ls,
                 double h, const std::vector<Layout>& head, double head_h) {
    std::size_t tallest = 0;
    for (std::size_t c = 1; c < ls.size(); ++c)
      if (height(ls[c]) > height(ls[tallest])) tallest = c;
    const double content = h - 2 * cell_pad;
    double offset = 0;
    while (offset < content) {
      const double limit = offset + room() - 2 * cell_pad;
      const double cut = limit >= content ? content : line_break_before(ls[tallest], offset, limit);
      const double slice = cut - offset + 2 * cell_pad;
      if (total_) {
        double x = margin_x;
        for (std::size_t c = 0; c < ls.size(); ++c) {
          const double w = t.widths[c] * text_width;
          if (cells[c].background) {
            colour(*cells[c].background);
            cairo_rectangle(cr_, x, y_, w, slice);
            cairo_fill(cr_);
          }
          colour(rule);
          cairo_set_line_width(cr_, 0.5);
          cairo_rectangle(cr_, x, y_, w, slice);
          cairo_stroke(cr_);
          cairo_save(cr_);
          cairo_rectangle(cr_, x, y_ + cell_pad, w, cut - offset);
          cairo_clip(cr_);
          show(ls[c], x + cell_pad, y_ + cell_pad - offset, cells[c].ink);
          cairo_restore(cr_);
          x += w;
        }
      }
      y_ += slice;
      offset = cut;
      if (offset < content) {
        new_page();
        if (!t.header.empty()) draw_row(t, t.header, head, head_h, true);
      }
    }
  }

  void table(const Table& t) {
    double head_h = 0;
    std::vector<Layout> head = row_layouts(t, t.header, head_h);
    y_ += 2;
    bool head_drawn = false;
    for (const auto& row : t.rows) {
      double h = 0;
      std::vector<Layout> ls = row_layouts(t, row, h);
      // A row splits only when no page can hold it; a page that cannot hold it gets a
      // fresh header row.
      const double need = h + (head_drawn ? 0 : head_h);
      const double page_room = page_height - bottom - top - head_h;
      if (need > room() && y_ > top + 1 && (h <= page_room || room() - head_h < 4 * t.font_size)) {
        new_page();
        head_drawn = false;
      }
      if (!head_drawn && !t.header.empty()) {
        draw_row(t, t.header, head, head_h, true);
        head_drawn = true;
      }
      if (h > room()) {
        split_row(t, row, ls, h, head, head_h);
        continue;
      }
      draw_row(t, row, ls, h, false);
    }
    if (t.rows.empty() && !t.header.empty()) draw_row(t, t.header, head, head_h, true);
    y_ += 8;
  }

  cairo_t* cr_;
  const Document& doc_;
  int total_ = 0;  // 0 while counting
  int page_ = 0;
  double y_ = top;
};

int paint(const Document& doc, std::string* out, int total) {
  std::string discard;
  cairo_surface_t* surface =
      cairo_pdf_surface_create_for_stream(append, out ? out : &discard, page_width, page_height);
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, doc.title.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "spur");
  cairo_t* cr = cairo_create(surface);
  const int pages = Painter(cr, doc, total).run();
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  const cairo_status_t status = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  if (status != CAIRO_STATUS_SUCCESS)
    throw Error(std::string("could not draw the PDF: ") + cairo_status_to_string(status));
  return pages;
}

}  // namespace

std::string render(const Document& document) {
  const int pages = paint(document, nullptr, 0);
  std::string out;
  paint(document, &out, pages);
  return out;
}

}  // namespace spur::pdf
