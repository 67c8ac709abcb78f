#pragma once
// Comparing spur's grades with what a published report says (`reported_grades`).

#include "spur/evaluation.hpp"

namespace spur::detail {

/// Adds a warning to `ev.diagnostics` for each area whose reported grade spur does not give.
void compare_reported_grades(Evaluation& ev, const Inspection& inspection);

}  // namespace spur::detail
