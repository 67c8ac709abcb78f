#pragma once
// Running page headers and footers in a report's extracted text: they land between any two
// lines, or on one line with the page's first or last words.

#include <string>
#include <string_view>

namespace spur::detail {

/// The line trimmed and without a running header or footer ("LÄKARNAS INSTITUT FÖR
/// PROFESSIONELL UTVECKLING I SJUKVÅRDEN", "Sida 3 av 12", "3 (12)", "- 3 -", "www.lipus.se")
/// at its start or end; empty when the line is nothing else.
std::string without_page_furniture(std::string_view line);

/// True when the line is only a running header or footer.
bool is_page_furniture(std::string_view line);

}  // namespace spur::detail
