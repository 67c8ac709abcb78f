#pragma once
// Which requirements of one inspection need an action, from its statuses after implications
// under each graded regulation. `evaluate` and the batch grader both list actions here, so the
// two cannot disagree.

#include <cstdint>
#include <span>
#include <vector>

#include "batch/grading_program.hpp"
#include "spur/types.hpp"

namespace spur::detail {

struct RuleBookData;

/// One inspection under one regulation, as `grade` leaves its GradeWork (with details).
struct GradedStatuses {
  const GradingProgram* program = nullptr;
  const std::uint8_t* cell = nullptr;     ///< by position: the status after implications
  const std::uint8_t* implied = nullptr;  ///< by position: 1 where the status was implied
};

/// A requirement that needs an action.
struct ActionChoice {
  std::int32_t requirement = 0;  ///< index into RuleBookData::requirement_ids
  /// The position of the requirement in the first regulation of `regulations` (whose
  /// definition of it names the action).
  std::int32_t position = 0;
  Kind kind = Kind::provision;      ///< provision: required, advice: recommended, ...
  Status status = Status::not_met;  ///< not_met where some regulation has it not met
  bool implied = false;             ///< implied (not found) in the first regulation
  std::uint32_t regulations = 0;    ///< bit r: unmet with `kind` in statuses[r]
};

/// Appends to `out`, in catalogue order, every requirement unmet (not met or partially met)
/// under some regulation. The strongest kind under which it is unmet decides what it needs
/// (a provision unmet in one regulation and advice in another is a required action), and
/// the regulations where it is unmet with that kind are named (one bit each: the first 32 of
/// `statuses`, as BatchActions::regulations holds them).
void choose_actions(const RuleBookData& data, std::span<const GradedStatuses> statuses,
                    std::vector<ActionChoice>& out);

}  // namespace spur::detail
