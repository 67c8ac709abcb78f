#pragma once
// Text for a terminal: widths of UTF-8 text, wrapping at word boundaries, the terminal's width,
// and tables whose columns stay aligned however long their cells are.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace spur::cli {

/// Columns the text takes: one per code point, none for combining marks.
std::size_t display_width(std::string_view text);

/// Pads with spaces to `width` columns (at least one space after a longer text).
std::string pad(const std::string& text, std::size_t width);

/// Splits text at spaces into lines of at most `width` columns; a word longer than `width`
/// keeps a line of its own, whole. Later lines begin with `indent` spaces (counted in width).
std::vector<std::string> wrap(std::string_view text, std::size_t width, std::size_t indent = 0);

/// Every line of `text` wrapped to `width`, continuation lines indented two more than the
/// line's own indent; unchanged when `width` is empty.
std::string wrap_lines(const std::string& text, std::optional<std::size_t> width);

/// The width to wrap standard output to: $COLUMNS when set, else the terminal's width when
/// standard output is a terminal; none (no wrapping) when it is piped or redirected.
std::optional<std::size_t> output_width();

/// A table of text: each column as wide as its widest cell; when a width is given and the
/// table is wider, wrappable columns are narrowed (never below their longest word) and their
/// cells wrapped at word boundaries, so the columns stay aligned.
class Table {
 public:
  struct Column {
    std::string header;
    bool wrap = false;
    std::size_t indent = 0;  ///< for continuation lines of a wrapped cell
  };
  explicit Table(std::vector<Column> columns) : columns_(std::move(columns)) {}
  void add_row(std::vector<std::string> cells) { rows_.push_back(std::move(cells)); }
  /// The table with a header line, each line indented by `margin` spaces.
  std::string render(std::optional<std::size_t> width, std::size_t margin = 0) const;

 private:
  std::vector<Column> columns_;
  std::vector<std::vector<std::string>> rows_;
};

}  // namespace spur::cli
