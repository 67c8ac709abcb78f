#pragma once
// What a report's wording says of a requirement: absent ("saknas", "finns inte"), or there but
// falling short ("vissa", "sporadiskt", "inte strukturerat", "i viss utsträckning").

#include <optional>
#include <string>
#include <vector>

#include "spur/types.hpp"

namespace spur::detail {

/// The status the words point to, and the words, as the report writes them.
struct Wording {
  std::optional<Status> status;  ///< none when no words decide
  std::vector<std::string> partial_words, absent_words;
};

/// Reads `sentences`: partially_met when any words of falling short appear (they outweigh
/// words of absence, which they often contain: "inte alltid", "saknas strukturerad"), else
/// not_met when words of absence do, else no status.
Wording read_wording(const std::vector<std::string>& sentences);

}  // namespace spur::detail
