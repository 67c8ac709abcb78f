#pragma once
// The readable text forms the command prints; JSON comes from spur/json.hpp.

#include <optional>
#include <string>

#include "spur/evaluation.hpp"
#include "spur/follow_up.hpp"
#include "terminal.hpp"

namespace spur::cli {

/// Areas by regulations with grades, then the actions and the action-plan status; wrapped to
/// `width` columns when given (see output_width()), never cutting a word.
std::string evaluation_table(const Evaluation& evaluation,
                             std::optional<std::size_t> width = std::nullopt);
/// The action plan as a study director prints it for a follow-up meeting.
std::string plan_table(const Evaluation& evaluation, const PlanStatus& status,
                       std::optional<std::size_t> width = std::nullopt);
std::string actions_csv_header();
/// The actions as CSV (one row per action), for spreadsheets.
std::string actions_csv(const Evaluation& evaluation, bool header);
/// One regulation's requirements as a table.
std::string requirements_table(const Regulation& regulation,
                               std::optional<std::size_t> width = std::nullopt);

}  // namespace spur::cli
