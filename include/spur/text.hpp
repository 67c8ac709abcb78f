#pragma once
/// \file
/// Comparing words and texts, for the suggestions spur makes ("did you mean ...").

#include <cstddef>
#include <string_view>

namespace spur {

/// The edits (insertions, deletions, substitutions of a byte) that turn `a` into `b`.
std::size_t edit_distance(std::string_view a, std::string_view b);

}  // namespace spur
