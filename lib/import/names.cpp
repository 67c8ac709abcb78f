// Dropping personal names from responsible fields: the role stays, the person goes. A name is
// a run of capitalised words that are no role ("Anna Berg"), after a role or after "fn",
// "f.n.", "just nu", "för närvarande", or two or more such words anywhere.

#include "import/names.hpp"

#include <algorithm>
#include <array>
#include <vector>

#include "import/text_match.hpp"

namespace spur::detail {
namespace {

bool is_upper_start(std::string_view w) {
  if (w.empty()) return false;
  const unsigned char c = w[0];
  if (c >= 'A' && c <= 'Z') return true;
  return c == 0xC3 && w.size() > 1 && static_cast<unsigned char>(w[1]) >= 0x80 &&
         static_cast<unsigned char>(w[1]) <= 0x9E;
}

bool has_upper_after_first(std::string_view w) {
  for (std::size_t i = 1; i < w.size(); ++i) {
    const unsigned char c = w[i];
    if (c >= 'A' && c <= 'Z') return true;
  }
  return false;
}

bool is_role(std::string_view folded) {
  static constexpr std::array<std::string_view, 30> roles{"studierektor",
                                                          "studierektorn",
                                                          "verksamhetschef",
                                                          "verksamhetschefen",
                                                          "enhetschef",
                                                          "enhetschefen",
                                                          "st-chef",
                                                          "avdelningschef",
                                                          "sektionschef",
                                                          "handledare",
                                                          "huvudhandledare",
                                                          "huvudhandledaren",
                                                          "handledaren",
                                                          "chefläkare",
                                                          "klinikchef",
                                                          "områdeschef",
                                                          "vårdenhetschef",
                                                          "ledningsansvarig",
                                                          "överläkare",
                                                          "specialistläkare",
                                                          "utbildningsansvarig",
                                                          "st-ansvarig",
                                                          "chef",
                                                          "biträdande",
                                                          "medicinsk",
                                                          "ansvarig",
                                                          "st-samordnare",
                                                          "samordnare",
                                                          "läkare",
                                                          "enhetens"};
  return std::find(roles.begin(), roles.end(), folded) != roles.end();
}

bool is_name_word(std::string_view word) {
  std::string w(word);
  while (!w.empty() && (w.back() == ',' || w.back() == ')' || w.back() == '.' || w.back() == ';'))
    w.pop_back();
  while (!w.empty() && w.front() == '(') w.erase(w.begin());
  if (w.size() < 2 || !is_upper_start(w) || has_upper_after_first(w)) return false;
  return !is_role(fold(w));
}

}  // namespace

std::string drop_names(std::string_view text, bool& dropped) {
  std::vector<std::string> words;
  std::string word;
  for (char c : text) {
    if (c == ' ') {
      if (!word.empty()) words.push_back(std::move(word));
      word.clear();
    } else {
      word += c;
    }
  }
  if (!word.empty()) words.push_back(std::move(word));

  static constexpr std::array<std::string_view, 6> markers{"fn", "f.n.",       "f.n",
                                                           "nu", "närvarande", "nuvarande"};
  std::vector<bool> drop(words.size(), false);
  for (std::size_t i = 0; i < words.size();) {
    if (!is_name_word(words[i])) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < words.size() && is_name_word(words[j])) {
      const char last = words[j].back();
      ++j;
      if (last == ',' || last == ')' || last == ';') break;
    }
    std::string before = i > 0 ? fold(words[i - 1]) : std::string();
    while (!before.empty() && (before.front() == '(')) before.erase(before.begin());
    const bool after_marker = std::find(markers.begin(), markers.end(), before) != markers.end();
    const bool after_role = !before.empty() && is_role(before);
    if (j - i >= 2 || after_marker || after_role) {
      for (std::size_t k = i; k < j; ++k) drop[k] = true;
      // "fn", "just nu", "för närvarande" only introduce the name.
      std::size_t k = i;
      while (k > 0) {
        std::string w = fold(words[k - 1]);
        while (!w.empty() && w.front() == '(') w.erase(w.begin());
        if (w == "fn" || w == "f.n." || w == "f.n" || w == "nu" || w == "just" ||
            w == "närvarande" || w == "för" || w == "nuvarande") {
          drop[k - 1] = true;
          --k;
        } else {
          break;
        }
      }
    }
    i = j;
  }
  std::string out;
  int open = 0;
  for (std::size_t i = 0; i < words.size(); ++i) {
    std::string w = words[i];
    if (drop[i]) {
      dropped = true;
      // Keep the parentheses balanced and the list punctuation.
      for (char c : w) open += c == '(' ? 1 : c == ')' ? -1 : 0;
      if (w.back() == ',' && i + 1 < words.size() && !drop[i + 1]) out += ",";
      continue;
    }
    out += (out.empty() || out.back() == '(' ? "" : " ") + w;
  }
  // Parentheses emptied by dropping ("ST-chef ( )") go; an unbalanced one is closed.
  std::string cleaned;
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (out[i] == '(') {
      std::size_t close = out.find(')', i);
      const std::string inside =
          close == std::string::npos ? out.substr(i + 1) : out.substr(i + 1, close - i - 1);
      if (trim(inside).empty()) {
        i = close == std::string::npos ? out.size() : close;
        continue;
      }
    }
    cleaned += out[i];
  }
  (void)open;
  cleaned = trim(cleaned);
  while (!cleaned.empty() && (cleaned.back() == ',' || cleaned.back() == '(')) {
    cleaned.pop_back();
    cleaned = trim(cleaned);
  }
  if (std::count(cleaned.begin(), cleaned.end(), '(') >
      std::count(cleaned.begin(), cleaned.end(), ')'))
    cleaned += ")";
  return cleaned;
}

}  // namespace spur::detail
