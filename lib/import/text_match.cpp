// Text comparison for the report import (see text_match.hpp).

#include "import/text_match.hpp"

#include <algorithm>
#include <array>

#include "spur/action_plan.hpp"
#include "spur/text.hpp"

namespace spur::detail {

std::string trim(std::string_view s) {
  auto space_at_front = [&] {
    if (s.empty()) return 0;
    if (s[0] == ' ' || s[0] == '\t' || s[0] == '\r' || s[0] == '\n' || s[0] == '\f') return 1;
    if (s.size() >= 2 && s[0] == '\xC2' && s[1] == '\xA0') return 2;
    return 0;
  };
  auto space_at_back = [&] {
    if (s.empty()) return 0;
    char c = s.back();
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f') return 1;
    if (s.size() >= 2 && s[s.size() - 2] == '\xC2' && c == '\xA0') return 2;
    return 0;
  };
  while (int n = space_at_front()) s.remove_prefix(n);
  while (int n = space_at_back()) s.remove_suffix(n);
  return std::string(s);
}

std::string fold(std::string_view text) {
  std::string in;
  in.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = text[i];
    if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xA0) {
      in += ' ';  // no-break space
      ++i;
    } else if (c == 0xE2 && i + 2 < text.size() &&
               static_cast<unsigned char>(text[i + 1]) == 0x80) {
      const unsigned char d = text[i + 2];
      if (d == 0x9C || d == 0x9D || d == 0x9E)
        in += '"';  // “ ” „
      else if (d == 0x98 || d == 0x99)
        in += '\'';  // ‘ ’
      else if (d == 0x93 || d == 0x94 || d == 0x90 || d == 0x91)
        in += '-';  // – — ‐ ‑
      else
        in.append(text.substr(i, 3));
      i += 2;
    } else {
      in += static_cast<char>(c);
    }
  }
  std::string out = normalise_text(in);
  for (std::size_t i = 0; i < out.size(); ++i) {
    unsigned char c = out[i];
    if (c >= 'A' && c <= 'Z') {
      out[i] = static_cast<char>(c - 'A' + 'a');
    } else if (c == 0xC3 && i + 1 < out.size()) {
      unsigned char d = out[i + 1];
      if (d >= 0x80 && d <= 0x9E && d != 0x97) out[i + 1] = static_cast<char>(d + 0x20);
      ++i;
    }
  }
  return out;
}

bool starts_with_words(std::string_view text, std::string_view prefix, bool open_word) {
  if (prefix.empty() || !text.starts_with(prefix)) return false;
  if (text.size() == prefix.size()) return true;
  return text[prefix.size()] == ' ' || prefix.back() == '-' || open_word;
}

std::string without_hyphens(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text)
    if (c != '-') out += c;
  return out;
}

namespace {

// Folded, letters and digits only (UTF-8 kept), single spaces.
std::string squash(std::string_view text) {
  const std::string f = fold(text);
  std::string out;
  for (std::size_t i = 0; i < f.size(); ++i) {
    const unsigned char c = f[i];
    if (c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      out += static_cast<char>(c);
    } else if (c == ' ' && !out.empty() && out.back() != ' ') {
      out += ' ';
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// Compared without hyphens, as content_words leaves them out ("ST-läkaren" is "stläkaren").
bool is_stop_word(std::string_view w) {
  static constexpr std::array<std::string_view, 40> stop{
      "och",        "att",     "som",    "för",       "med",        "det",      "den",
      "har",        "ska",     "skall",  "finns",     "samt",       "eller",    "inom",
      "under",      "till",    "från",   "vilket",    "vilka",      "dessa",    "detta",
      "även",       "utifrån", "enligt", "stläkaren", "stläkarens", "stläkare", "stläkarna",
      "stläkarnas", "varje",   "alla",   "också",     "sina",       "sitt",     "deras",
      "efter",      "vara",    "blir",   "andra",     "övriga"};
  return std::find(stop.begin(), stop.end(), w) != stop.end();
}

// Length in characters of a UTF-8 string.
std::size_t characters(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

}  // namespace

double similarity(std::string_view a, std::string_view b) {
  const std::string x = squash(a), y = squash(b);
  if (x.empty() && y.empty()) return 1.0;
  const std::size_t longest = std::max(x.size(), y.size());
  return 1.0 - static_cast<double>(spur::edit_distance(x, y)) / static_cast<double>(longest);
}

std::vector<std::string> content_words(std::string_view text) {
  const std::string f = fold(text);
  std::vector<std::string> out;
  std::string word;
  auto flush = [&] {
    std::erase(word, '-');
    if (characters(word) >= 4 && !is_stop_word(word)) out.push_back(word);
    word.clear();
  };
  for (char ch : f) {
    const unsigned char c = ch;
    if (c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
        (c == '-' && !word.empty()))
      word += ch;
    else
      flush();
  }
  flush();
  return out;
}

bool is_set_phrase_word(std::string_view word) {
  static constexpr std::string_view stems[] = {
      "socialstyrelsen", "föreskrift",  "allmänna",  "följs",      "övriga",
      "uppfyllda",       "enstaka",     "undantag",  "förekomm",   "kvalitetsindikator",
      "brist",           "påvisa",      "gäller",    "följsamhet", "åtgärd",
      "krävs",           "rekommender", "väsentlig", "granskning", "handlingsplan",
      "gradering",       "inkommit",    "verksamhet"};
  for (auto stem : stems)
    if (word.starts_with(stem) && word.size() <= stem.size() + 4) return true;
  return false;
}

bool same_word(std::string_view a, std::string_view b) {
  std::size_t common = 0;
  while (common < a.size() && common < b.size() && a[common] == b[common]) ++common;
  const std::size_t shorter = std::min(a.size(), b.size());
  return common >= 4 && common * 5 >= shorter * 4;
}

void append_line(std::string& text, std::string_view line) {
  if (text.empty()) {
    text = line;
    return;
  }
  if (text.back() == '-') {
    static constexpr std::string_view conjunctions[] = {"och ", "eller ", "samt ", "respektive "};
    bool conjunction = false;
    for (auto c : conjunctions) conjunction = conjunction || line.starts_with(c);
    if (!conjunction && !line.empty() && line[0] != ' ') {
      text += line;
      return;
    }
  }
  text += ' ';
  text += line;
}

std::vector<std::string> split_sentences(std::string_view text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i + 2 < text.size(); ++i) {
    const char c = text[i];
    if ((c != '.' && c != '?' && c != '!') || text[i + 1] != ' ') continue;
    const unsigned char next = text[i + 2];
    const bool capital =
        (next >= 'A' && next <= 'Z') || (next >= '0' && next <= '9') ||
        (next == 0xC3 && i + 3 < text.size() && static_cast<unsigned char>(text[i + 3]) >= 0x80 &&
         static_cast<unsigned char>(text[i + 3]) <= 0x9E);
    // "t ex" and "ca" are not sentence ends; a one-letter word before the dot is an initial.
    if (!capital || (i >= 2 && text[i - 2] == ' ')) continue;
    out.push_back(trim(text.substr(start, i + 1 - start)));
    start = i + 2;
  }
  if (start < text.size()) {
    std::string last = trim(text.substr(start));
    if (!last.empty()) out.push_back(std::move(last));
  }
  return out;
}

}  // namespace spur::detail
