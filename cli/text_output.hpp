#pragma once
// The readable text forms the command prints; JSON comes from spur/json.hpp.

#include <string>

#include "spur/evaluation.hpp"

namespace spur::cli {

/// Areas by regulations with grades, then the actions and the action-plan status.
std::string evaluation_table(const Evaluation& evaluation);
/// One regulation's requirements as a table.
std::string requirements_table(const Regulation& regulation);

}  // namespace spur::cli
