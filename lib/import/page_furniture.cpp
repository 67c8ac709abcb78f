// Running headers and footers (see page_furniture.hpp): the institute's name in any case, page
// numbers in the forms reports print them, a line in capitals only; the name and a "Sida"
// number are also cut from the start or end of a line they were glued to.

#include "import/page_furniture.hpp"

#include <regex>

#include "import/text_match.hpp"

namespace spur::detail {
namespace {

bool has_lower_case(std::string_view s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = s[i];
    if (c >= 'a' && c <= 'z') return true;
    if (c == 0xC3 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0xA0) return true;
  }
  return false;
}

// A running header in capitals ("LIPUS SPUR-RAPPORT PALLIATIV MEDICIN"): three words or more,
// no small letter.
bool is_capitals_header(const std::string& line) {
  if (line.size() < 20 || has_lower_case(line)) return false;
  int words = 0, letters = 0;
  bool in_word = false;
  for (unsigned char c : line) {
    const bool letter = (c >= 'A' && c <= 'Z') || c >= 0x80;
    letters += letter;
    if (c == ' ')
      in_word = false;
    else if (!in_word)
      in_word = true, ++words;
  }
  return words >= 3 && letters >= 12;
}

constexpr std::string_view institute =
    "läkarnas institut för professionell utveckling i sjukvården";

// Cuts the institute's name, in any case, from the start or end of `line`.
void cut_institute(std::string& line) {
  const std::size_t n = institute.size();  // as long in capitals: å and Å are two bytes each
  if (line.size() < n) return;
  if (fold(line.substr(0, n)) == institute)
    line = trim(std::string_view(line).substr(n));
  else if (fold(line.substr(line.size() - n)) == institute)
    line = trim(std::string_view(line).substr(0, line.size() - n));
}

}  // namespace

std::string without_page_furniture(std::string_view raw) {
  std::string line = trim(raw);
  // A page number alone: "3", "Sida 3", "Sida 3 av 12", "3 (12)", "- 3 -", "Page 3 of 12".
  static const std::regex page_number(
      R"((Sida|sida|SIDA|Page|page)\s*\d{1,3}(\s*(av|/|of)\s*\d{1,3}|\s*\(\s*\d{1,3}\s*\))?|\d{1,3}(\s*\(\s*\d{1,3}\s*\))?|-\s*\d{1,3}\s*-)");
  // "Sida 3 av 12" at the start or end of a line it was glued to.
  static const std::regex glued_number(
      R"(^(Sida|SIDA|Page)\s*\d{1,3}\s*(av|of|\(\s*\d{1,3}\s*\))\s*\d{0,3}\s+|\s+(Sida|SIDA|Page)\s*\d{1,3}\s*(av\s*\d{1,3}|of\s*\d{1,3}|\(\s*\d{1,3}\s*\))$)");
  // (The regular expressions run only where they can match: they are the costly part.)
  const bool institute_named =
      line.find("nstitut") != std::string::npos || line.find("NSTITUT") != std::string::npos;
  const bool page_named = line.find("Sida") != std::string::npos ||
                          line.find("SIDA") != std::string::npos ||
                          line.find("Page") != std::string::npos;
  for (int pass = 0; pass < 2 && (institute_named || page_named); ++pass) {
    if (institute_named) cut_institute(line);
    if (page_named) line = trim(std::regex_replace(line, glued_number, ""));
  }
  if (line.empty() || is_capitals_header(line)) return {};
  if (line.size() <= 20 && std::regex_match(line, page_number)) return {};
  const std::string f = fold(line);
  if (f == "lipus" || f == "lipus ab" || f == "www.lipus.se" || f == "lipus.se") return {};
  return line;
}

bool is_page_furniture(std::string_view line) {
  return without_page_furniture(line).empty();
}

}  // namespace spur::detail
