#pragma once
// The words that tell a person's name from an organisation, a unit or a place in the
// responsible fields of a handlingsplan ("ST-chef fn Per Persson" against "Region Skåne").

#include <string_view>

namespace spur::detail {

/// A role or title a person holds ("studierektor", "ST-chef", "verksamhetschefen");
/// `folded` is lower case.
bool is_role_word(std::string_view folded);

/// A common first name in Sweden ("anna", "per", "kjell"); `folded` is lower case, one part of
/// a hyphenated name.
bool is_first_name(std::string_view folded);

/// A surname by its form ("andersson", "persson"); `folded` is lower case.
bool looks_like_surname(std::string_view folded);

/// A word of an organisation's, a unit's or a place's name ("region", "skånes",
/// "universitetssjukhus", "sydöstra", "asih"); `folded` is lower case.
bool is_organisation_word(std::string_view folded);

}  // namespace spur::detail
