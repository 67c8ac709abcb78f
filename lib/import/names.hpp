#pragma once
// Personal names in the responsible fields of a handlingsplan ("ST-chef (just nu Anna Berg)").

#include <string>
#include <string_view>

namespace spur::detail {

/// The text with personal names after roles dropped ("ST-chef (just nu Anna Berg)" ->
/// "ST-chef"); `dropped` is set when something was.
std::string drop_names(std::string_view text, bool& dropped);

}  // namespace spur::detail
