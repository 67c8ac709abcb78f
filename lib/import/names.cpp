// Dropping personal names from responsible fields: the role stays, the person goes, and
// organisations, units and places stay too ("Region Skåne", "Palliativ vård och ASIH").
//
// A run of capitalised words is a person's name when no word of it names an organisation or a
// place (name_words.hpp) and it is introduced as a person ("fn", "f.n.", "just nu", "för
// närvarande", "nuvarande"), starts with a known first name, or follows a role and looks like a
// name (two or more words, or one surname such as "Andersson"). A single unknown word after a
// role is taken for a place or unit ("Enhetschef Tomelilla").

#include "import/names.hpp"

#include <algorithm>
#include <array>
#include <vector>

#include "import/name_words.hpp"
#include "import/text_match.hpp"

namespace spur::detail {
namespace {

bool is_upper(std::string_view w, std::size_t i) {
  const unsigned char c = w[i];
  if (c >= 'A' && c <= 'Z') return true;
  return c == 0xC3 && i + 1 < w.size() && static_cast<unsigned char>(w[i + 1]) >= 0x80 &&
         static_cast<unsigned char>(w[i + 1]) <= 0x9E;
}

bool is_lower_ascii_or_letter(unsigned char c) {
  return (c >= 'a' && c <= 'z') || c >= 0x80;
}

// The word without the punctuation around it: "(Anna" -> "Anna", "Berg)," -> "Berg".
std::string core(std::string_view token) {
  std::string w(token);
  while (!w.empty() && (w.back() == ',' || w.back() == ')' || w.back() == ';' || w.back() == ':'))
    w.pop_back();
  while (!w.empty() && w.front() == '(') w.erase(w.begin());
  return w;
}

// "Anna", "Anna-Karin", "Berg-Olsson", "Öberg": every hyphen part a capital and small letters.
bool is_name_word(std::string_view token) {
  std::string w = core(token);
  if (w.size() < 2) return false;
  if (w.back() == '.') return false;  // "Dr.", an abbreviation
  std::size_t start = 0;
  while (start <= w.size()) {
    std::size_t end = w.find('-', start);
    if (end == std::string::npos) end = w.size();
    const std::string_view part = std::string_view(w).substr(start, end - start);
    if (part.size() < 2 || !is_upper(part, 0)) return false;
    const std::size_t rest = static_cast<unsigned char>(part[0]) >= 0x80 ? 2 : 1;
    for (std::size_t i = rest; i < part.size(); ++i) {
      if (is_upper(part, i)) return false;  // "ST", "ASIH", "SUS"
      if (!is_lower_ascii_or_letter(static_cast<unsigned char>(part[i]))) return false;
    }
    start = end + 1;
  }
  return !is_role_word(fold(w));
}

// "A." or "A": an initial inside a name.
bool is_initial(std::string_view token) {
  const std::string w = core(token);
  return (w.size() == 2 && w[1] == '.' && w[0] >= 'A' && w[0] <= 'Z') ||
         (w.size() == 1 && w[0] >= 'A' && w[0] <= 'Z');
}

bool is_particle(std::string_view token) {
  static constexpr std::array<std::string_view, 7> particles{"von", "af",  "av", "van",
                                                             "de",  "der", "la"};
  return std::find(particles.begin(), particles.end(), token) != particles.end();
}

// Words that introduce a person and go with the name: "fn", "just nu", "för närvarande", and
// titles ("Dr.", "docent").
bool introduces_person(const std::string& folded) {
  static constexpr std::array<std::string_view, 13> words{
      "fn",        "f.n.", "f.n",  "nu", "just", "närvarande", "för",
      "nuvarande", "tf",   "t.f.", "dr", "dr.",  "docent"};
  return std::find(words.begin(), words.end(), folded) != words.end();
}

bool is_marker(const std::string& folded, const std::string& before) {
  return folded == "fn" || folded == "f.n." || folded == "f.n" || folded == "nuvarande" ||
         folded == "tf" || folded == "t.f." || (folded == "nu" && before == "just") ||
         (folded == "närvarande" && before == "för");
}

std::string folded_core(std::string_view token) {
  std::string f = fold(core(token));
  while (!f.empty() && f.back() == '.') f.pop_back();
  return f;
}

std::string first_part(const std::string& folded) {
  return folded.substr(0, folded.find('-'));
}

}  // namespace

std::string drop_names(std::string_view text, bool& dropped) {
  std::vector<std::string> words;
  {
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
  }
  auto folded_at = [&](std::size_t i) {
    std::string f = fold(words[i]);
    while (!f.empty() && f.front() == '(') f.erase(f.begin());
    while (!f.empty() && (f.back() == ',' || f.back() == ')')) f.pop_back();
    return f;
  };

  std::vector<bool> drop(words.size(), false);
  for (std::size_t i = 0; i < words.size();) {
    if (!is_name_word(words[i])) {
      ++i;
      continue;
    }
    // The run: name words, initials and particles inside, up to punctuation or an
    // organisation's word (which starts a run of its own).
    const bool org_run = is_organisation_word(folded_core(words[i]));
    std::size_t j = i;
    while (j < words.size()) {
      const bool name = is_name_word(words[j]);
      const bool inside = j > i && j + 1 < words.size() && is_name_word(words[j + 1]) &&
                          (is_initial(words[j]) || is_particle(words[j]));
      if (!name && !inside) break;
      if (j > i && name && is_organisation_word(folded_core(words[j])) != org_run) break;
      const char last = words[j].back();
      ++j;
      if (last == ',' || last == ')' || last == ';') break;
    }
    const std::string before = i > 0 ? folded_at(i - 1) : std::string();
    const std::string before2 = i > 1 ? folded_at(i - 2) : std::string();
    const bool marker = is_marker(before, before2);
    bool after_role = is_role_word(before);
    // "studierektor (Lars Nilsson)", "verksamhetschef Dr. Eva Ek"
    if (!after_role && i > 0 && (words[i].front() == '(' || introduces_person(before)))
      for (std::size_t k = i; k-- > 0;) {
        const std::string f = folded_at(k);
        if (is_role_word(f)) {
          after_role = true;
          break;
        }
        if (!introduces_person(f)) break;
      }
    bool organisation = org_run;
    // "Sankt Görans sjukhus": the word after the run names what it is.
    const char end = words[j - 1].back();
    if (j < words.size() && end != ',' && end != ')' && end != ';' &&
        is_organisation_word(folded_at(j)))
      organisation = true;
    if (before == "vid" || before == "på" || before == "inom" || before == "i") organisation = true;
    const std::size_t length = j - i;
    const bool first_name = is_first_name(first_part(folded_core(words[i])));
    const bool surname = looks_like_surname(folded_core(words[j - 1]));
    const bool person =
        !organisation && (marker || first_name || (after_role && (length >= 2 || surname)) ||
                          (length >= 2 && surname));
    if (person) {
      for (std::size_t k = i; k < j; ++k) drop[k] = true;
      // "fn", "just nu", "för närvarande", a title: they only introduce the name.
      for (std::size_t k = i; k > 0 && introduces_person(folded_at(k - 1)); --k) drop[k - 1] = true;
    }
    i = j;
  }

  std::string out;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string& w = words[i];
    if (drop[i]) {
      dropped = true;
      // Keep the list punctuation.
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
  cleaned = trim(cleaned);
  // A conjunction or comma left at either end ("och" between two names) goes too.
  for (bool changed = true; changed;) {
    changed = false;
    for (std::string_view lead : {"och ", "eller ", "samt ", ", ", ","})
      if (cleaned.starts_with(lead)) {
        cleaned = trim(cleaned.substr(lead.size()));
        changed = true;
      }
    for (std::string_view tail : {" och", " eller", " samt", ",", "("})
      if (cleaned.ends_with(tail) || cleaned == trim(tail)) {
        cleaned = trim(cleaned.substr(0, cleaned.size() - std::min(cleaned.size(), tail.size())));
        changed = true;
      }
  }
  if (std::count(cleaned.begin(), cleaned.end(), '(') >
      std::count(cleaned.begin(), cleaned.end(), ')'))
    cleaned += ")";
  if (dropped && cleaned.empty()) cleaned = "(namn utelämnat)";
  return cleaned;
}

}  // namespace spur::detail
