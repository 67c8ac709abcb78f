#pragma once
/// \file
/// Why an area got its grade: the scale row that decided, the requirements behind it,
/// implied chains, and which findings would settle a provisional grade.

#include <optional>
#include <string>
#include <vector>

#include "spur/evaluation.hpp"

namespace spur {

/// How one scale row fared: it held, did not, could not be known, or was never reached.
enum class RowOutcome : std::uint8_t { holds, fails, unknown, not_reached };
std::string_view to_string(RowOutcome);

/// One row of the scale as the evaluation went through it.
struct RowTrace {
  Grade grade = Grade::A;
  std::string when;
  std::string text;
  RowOutcome outcome = RowOutcome::not_reached;
  std::string values;  ///< the counts it read, e.g. "provision.unmet = 2"
};

/// One requirement as it matters to the explanation.
struct ExplainedRequirement {
  std::string id;
  Kind kind = Kind::provision;
  Status status = Status::not_assessed;
  StatusOrigin origin = StatusOrigin::default_status;
  std::vector<std::string> because;  ///< implied: the prerequisites that are not met
  std::string text;
  std::string note;  ///< the inspectors' note, if any
};

/// What settling one unknown finding would give.
struct Settlement {
  std::string requirement;
  GradeSet if_met;
  GradeSet if_not_met;
};

/// Why one area got its grade under one regulation.
struct Explanation {
  std::string regulation;
  std::string area;
  std::string area_name;
  std::string scale;
  GradeSet possible;
  std::optional<Grade> computed;
  std::optional<Override> override;
  /// The action plan, for a certain D (as AreaResult has them): the adjusted grade, whether
  /// the adjustment could still be undone, and the required actions covered and not covered.
  std::optional<Grade> adjusted;
  bool adjustment_provisional = false;
  GradeSet after_plan;  ///< the grades possible after the action plan
  std::vector<std::string> covered;
  std::vector<std::string> uncovered;
  std::vector<std::string> could_undo;
  bool plan_received = false;  ///< some entry of the action plan has come in
  std::vector<RowTrace> rows;
  int deciding_row = -1;
  std::vector<ExplainedRequirement> decisive;
  /// The area's other unmet requirements: those the deciding row did not count (an isolated
  /// unmet indicator under an A), or all unmet ones while the grade is provisional.
  std::vector<ExplainedRequirement> other_unmet;
  std::vector<ExplainedRequirement> implied;  ///< in this area, with their chains
  std::vector<std::string> chains;            ///< "E4 räknas som ej uppfyllt eftersom ..."
  std::vector<Conflict> conflicts;
  std::vector<Settlement> settle;  ///< for a provisional grade: what each unknown would give
  std::string scale_text;          ///< the wording of the grade, when certain
};

/// Explain one area: one explanation per inspected regulation, or only `regulation`.
std::vector<Explanation> explain(const Evaluation& evaluation, std::string_view area,
                                 std::string_view regulation = {});

/// Readable text, Swedish with English alongside.
std::string render(const Explanation& explanation);

}  // namespace spur
