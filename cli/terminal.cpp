#include "terminal.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <sstream>

namespace spur::cli {

namespace {

// The code point at `i`, advancing `i` past it.
char32_t next_code_point(std::string_view s, std::size_t& i) {
  const auto c = static_cast<unsigned char>(s[i++]);
  if (c < 0x80) return c;
  int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
  char32_t cp = c & (0x3F >> extra);
  for (; extra > 0 && i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80; --extra)
    cp = (cp << 6) | (static_cast<unsigned char>(s[i++]) & 0x3F);
  return cp;
}

bool combining(char32_t cp) {
  return (cp >= 0x300 && cp <= 0x36F) || (cp >= 0x1AB0 && cp <= 0x1AFF) ||
         (cp >= 0x20D0 && cp <= 0x20FF) || cp == 0x200B || cp == 0xFE0F;
}

// The words of a text, each with the spaces before it (kept between words on one line).
struct Word {
  std::size_t spaces = 0;
  std::string_view text;
};

std::vector<Word> words(std::string_view text) {
  std::vector<Word> out;
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t space_start = i;
    while (i < text.size() && text[i] == ' ') ++i;
    const std::size_t start = i;
    while (i < text.size() && text[i] != ' ') ++i;
    if (i > start) out.push_back({start - space_start, text.substr(start, i - start)});
  }
  return out;
}

}  // namespace

std::size_t display_width(std::string_view text) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < text.size();) n += !combining(next_code_point(text, i));
  return n;
}

std::string pad(const std::string& s, std::size_t w) {
  std::size_t n = display_width(s);
  return n >= w ? s + " " : s + std::string(w - n, ' ');
}

std::vector<std::string> wrap(std::string_view text, std::size_t width, std::size_t indent) {
  std::vector<std::string> lines;
  std::string line;
  std::size_t used = 0;
  bool has_word = false;
  for (const Word& word : words(text)) {
    const std::size_t w = display_width(word.text);
    if (has_word && used + word.spaces + w > width) {
      lines.push_back(std::move(line));
      line = std::string(indent, ' ');
      used = indent;
      has_word = false;
    }
    if (has_word) {
      line += std::string(word.spaces, ' ');
      used += word.spaces;
    }
    line += word.text;
    used += w;
    has_word = true;
  }
  if (has_word || lines.empty()) lines.push_back(std::move(line));
  return lines;
}

std::string wrap_lines(const std::string& text, std::optional<std::size_t> width) {
  if (!width) return text;
  std::ostringstream out;
  std::istringstream in(text);
  std::string line;
  bool first = true;
  while (std::getline(in, line)) {
    if (!first) out << "\n";
    first = false;
    if (display_width(line) <= *width) {
      out << line;
      continue;
    }
    const std::size_t lead = line.find_first_not_of(' ');
    const std::size_t indent = lead == std::string::npos ? 0 : lead;
    auto lines = wrap(std::string_view(line).substr(indent), *width - std::min(*width, indent), 2);
    for (std::size_t i = 0; i < lines.size(); ++i)
      out << (i ? "\n" : "") << std::string(indent, ' ') << lines[i];
  }
  if (!text.empty() && text.back() == '\n') out << "\n";
  return out.str();
}

std::optional<std::size_t> output_width() {
  if (const char* columns = std::getenv("COLUMNS")) {
    char* end = nullptr;
    const long n = std::strtol(columns, &end, 10);
    if (end != columns && *end == '\0' && n >= 20 && n <= 1000) return n;
  }
  if (!isatty(STDOUT_FILENO)) return std::nullopt;
  winsize size{};
  if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col >= 20) return size.ws_col;
  return 80;
}

std::string Table::render(std::optional<std::size_t> width, std::size_t margin) const {
  const std::size_t n = columns_.size();
  constexpr std::size_t gap = 2;
  std::vector<std::size_t> widths(n, 0), least(n, 0);
  auto measure = [&](const std::vector<std::string>& cells) {
    for (std::size_t c = 0; c < n && c < cells.size(); ++c) {
      widths[c] = std::max(widths[c], display_width(cells[c]));
      if (columns_[c].wrap)
        for (const Word& w : words(cells[c]))
          least[c] = std::max(least[c], display_width(w.text) + columns_[c].indent);
      else
        least[c] = widths[c];
    }
  };
  std::vector<std::string> header;
  for (const auto& c : columns_) header.push_back(c.header);
  measure(header);
  for (const auto& row : rows_) measure(row);
  for (std::size_t c = 0; c < n; ++c) least[c] = std::min(least[c], widths[c]);
  if (width) {
    auto total = [&] {
      std::size_t t = margin;
      for (std::size_t c = 0; c < n; ++c) t += widths[c] + (c + 1 < n ? gap : 0);
      return t;
    };
    // Narrow the widest column that can still give, one column at a time.
    for (std::size_t t = total(); t > *width; --t) {
      std::size_t pick = n;
      for (std::size_t c = 0; c < n; ++c)
        if (widths[c] > least[c] && (pick == n || widths[c] > widths[pick])) pick = c;
      if (pick == n) break;
      --widths[pick];
    }
  }
  std::ostringstream out;
  auto emit = [&](const std::vector<std::string>& cells, bool header) {
    std::vector<std::vector<std::string>> lines(n);
    std::size_t height = 1;
    for (std::size_t c = 0; c < n; ++c) {
      const std::string cell = c < cells.size() ? cells[c] : std::string();
      lines[c] = display_width(cell) <= widths[c] || !columns_[c].wrap
                     ? std::vector<std::string>{cell}
                     : wrap(cell, widths[c], header ? 0 : columns_[c].indent);
      height = std::max(height, lines[c].size());
    }
    for (std::size_t l = 0; l < height; ++l) {
      std::string text(margin, ' ');
      for (std::size_t c = 0; c < n; ++c) {
        const std::string& part = l < lines[c].size() ? lines[c][l] : std::string();
        text += c + 1 < n ? pad(part, widths[c] + gap) : part;
      }
      while (!text.empty() && text.back() == ' ') text.pop_back();
      out << text << "\n";
    }
  };
  emit(header, true);
  for (const auto& row : rows_) emit(row, false);
  return out.str();
}

}  // namespace spur::cli
