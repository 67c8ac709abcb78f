#pragma once
// A small flow layout for paginated PDF documents, drawn with cairo and pango: headings,
// paragraphs and tables that break across pages (the header row repeated), a running header
// and "page N of M" on every page. Text is pango markup; callers escape what they insert.

#include <optional>
#include <string>
#include <vector>

namespace spur::pdf {

/// An RGB colour, each channel 0..1.
struct Colour {
  double r = 0, g = 0, b = 0;
};

struct Cell {
  std::string markup;
  std::optional<Colour> background;
  Colour ink{0.1, 0.12, 0.14};
  bool centre = false;
  bool bold = false;
};

struct Table {
  std::vector<double> widths;  ///< fractions of the text width, summing to 1
  std::vector<Cell> header;    ///< repeated at the top of every page the table runs onto
  std::vector<std::vector<Cell>> rows;
  double font_size = 8.5;
};

enum class BlockKind { heading, paragraph, table, page_break };

struct Block {
  BlockKind kind = BlockKind::paragraph;
  int level = 1;  ///< headings: 1..3
  std::string markup;
  double font_size = 9.5;
  bool monospace = false;
  double indent = 0;  ///< points
  Table table;
};

/// A document: blocks in order, and the texts around every page.
struct Document {
  std::string title;         ///< running header, left
  std::string header_right;  ///< running header, right
  std::string footer_left;
  std::string page_label = "Page";  ///< "Page 3 of 7"
  std::string of_label = "of";
  std::vector<Block> blocks;

  void heading(int level, std::string markup);
  void paragraph(std::string markup, double size = 9.5, double indent = 0);
  void code(std::string text);  ///< monospaced lines, escaped here
  void table(Table t);
  void page_break();
};

/// Escapes text for pango markup.
std::string escape(std::string_view text);

/// The document as PDF bytes (A4 portrait).
std::string render(const Document& document);

}  // namespace spur::pdf
