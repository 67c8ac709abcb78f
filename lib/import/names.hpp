#pragma once
// Personal names in the responsible fields of a handlingsplan ("ST-chef (just nu Anna Berg)").

#include <string>
#include <string_view>

namespace spur::detail {

/// The text with people's names dropped and roles, organisations, units and places kept
/// ("ST-chef (just nu Anna Berg), Region Skåne" -> "ST-chef, Region Skåne"); a text that was
/// only a name becomes "(namn utelämnat)". `dropped` is set when something was.
std::string drop_names(std::string_view text, bool& dropped);

}  // namespace spur::detail
