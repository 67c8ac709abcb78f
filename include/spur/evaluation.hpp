#pragma once
/// \file
/// Evaluating an inspection: grades per regulation and area, actions, and why.

#include <array>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "spur/error.hpp"
#include "spur/inspection.hpp"
#include "spur/rule_book.hpp"
#include "spur/types.hpp"

namespace spur {

/// A count that is known only within bounds while findings are unknown.
struct Interval {
  int lo = 0;
  int hi = 0;
  friend bool operator==(Interval, Interval) = default;
};

/// The counts of one kind of requirement in one area.
struct KindCounts {
  int met = 0;
  int unmet = 0;    ///< not_met, partially_met and implied
  int partial = 0;  ///< partially_met (also counted in unmet)
  int unknown = 0;  ///< not_assessed
  int not_applicable = 0;
  int total() const { return met + unmet + unknown; }
  friend bool operator==(const KindCounts&, const KindCounts&) = default;
};

/// Where a requirement's effective status came from.
enum class StatusOrigin : std::uint8_t { finding, default_status, implied };

/// The effective status of one requirement in one regulation.
struct RequirementOutcome {
  const Requirement* requirement = nullptr;
  Status status = Status::not_assessed;
  StatusOrigin origin = StatusOrigin::default_status;
  int implication = -1;  ///< for implied: its index in Evaluation::implied (which says why)
};

/// The grade of one area under one regulation.
struct AreaResult {
  std::string regulation;
  std::string area;
  std::string scale;
  GradeSet possible;                 ///< computed grades still possible
  std::optional<Grade> computed;     ///< set when exactly one is possible
  std::optional<Override> override;  ///< an inspector's grade, when given
  /// For a certain D: C when received plan entries cover every required action of the pair.
  std::optional<Grade> adjusted;
  /// The adjustment may still be undone: `could_undo` lists what could turn out unmet.
  bool adjustment_provisional = false;
  std::vector<std::string> covered;    ///< for a D: required actions a received entry covers
  std::vector<std::string> uncovered;  ///< for a D: required actions no received entry covers
  /// For an adjusted D: provisions no received entry covers that are not assessed, or rest on a
  /// prerequisite that is not assessed; one found unmet would make the D stand again.
  std::vector<std::string> could_undo;
  std::array<KindCounts, 3> counts;   ///< by Kind
  std::array<bool, 3> has_kind{};     ///< whether the area has requirements of that kind
  int deciding_row = -1;              ///< index of the scale row that decided; -1 if provisional
  std::vector<std::string> decisive;  ///< the requirements that made the deciding row hold
  std::vector<std::string> unknown;   ///< not assessed requirements that could change it

  /// The grade that stands: the override if any, else the computed grade.
  std::optional<Grade> grade() const;
  /// The grades possible once the override is applied.
  GradeSet effective() const;
  /// The grades possible once the action plan is taken into account: {C} for a certain
  /// adjustment, {C, D} while it is provisional, else effective().
  GradeSet after_plan() const;
  /// The grade that stands after the action plan, or none while provisional.
  std::optional<Grade> grade_after_plan() const { return after_plan().single(); }
  const KindCounts& count(Kind k) const { return counts[static_cast<int>(k)]; }
};

/// The combined grade of an area across the inspected regulations: the worst.
struct CombinedArea {
  std::string area;
  GradeSet possible;
  std::optional<Grade> grade;
  std::optional<Grade> adjusted;  ///< after received action plans, when some pair was adjusted
  GradeSet after_plan;            ///< the grades possible after the action plan (the worst)
  bool adjustment_provisional = false;  ///< some pair's adjustment could still be undone
  std::optional<Grade> grade_after_plan() const { return after_plan.single(); }
};

/// A requirement that needs doing something about.
struct Action {
  std::string requirement;
  std::string area;
  Kind kind = Kind::provision;
  std::vector<std::string> regulations;  ///< where it is unmet with this kind
  Status status = Status::not_met;
  bool implied = false;
  const Requirement* definition = nullptr;  ///< text and note
};

/// A requirement counted as not met because a prerequisite is not met.
struct Implication {
  std::string requirement;
  std::string regulation;
  std::vector<std::string> because;
};

/// A finding that says met although a prerequisite is not met.
struct Conflict {
  std::string requirement;
  std::string regulation;
  std::vector<std::string> because;
  std::string message;
};

/// The regulations that apply to one trainee, and why.
struct TraineeRegulations {
  std::string trainee;
  std::vector<std::string> regulations;
  std::vector<std::string> reasons;  ///< one sentence per regulation
};

/// A plan entry resolved against the rule book.
struct PlanLink {
  const PlanEntry* entry = nullptr;  ///< in Evaluation::inspection
  std::string requirement;           ///< the id it concerns
  std::string area;
  bool required = false;  ///< whether the requirement is a required action of the inspection
};

/// Effective statuses of every requirement of one inspected regulation.
struct RegulationOutcome {
  std::string regulation;
  std::vector<RequirementOutcome> requirements;  ///< in the regulation's order
  const RequirementOutcome* find(std::string_view id) const;
};

/// Everything spur concludes from one inspection.
struct Evaluation {
  RuleBook book;
  std::shared_ptr<const Inspection> inspection{};  ///< what was evaluated (notes, metadata)
  std::string inspection_id{};
  std::string unit{};
  std::string file{};
  std::vector<std::string> regulations{};
  std::vector<AreaResult> results{};  ///< by regulation, then area
  std::vector<CombinedArea> areas{};  ///< A..H
  std::vector<Action> required_actions{};
  std::vector<Action> recommended_actions{};
  std::vector<Action> improvements{};
  std::vector<Implication> implied{};
  std::vector<Conflict> conflicts{};
  std::optional<bool> action_plan_required{};  ///< true, false, or unknown while D is possible
  std::vector<Diagnostic> diagnostics{};       ///< warnings about the inspection
  std::vector<RegulationOutcome> outcomes{};
  std::vector<PlanLink> plan{};
  /// When the inspection lists trainees: the regulations that apply to each, and why.
  std::vector<TraineeRegulations>
      applicability{};  ///< the action plan's entries, in the file's order

  /// The result for one area; with no regulation, the single inspected one. Throws LookupError.
  const AreaResult& result(std::string_view area, std::string_view regulation = {}) const;
  const CombinedArea& combined(std::string_view area) const;
  /// The grade of the area (combined across regulations when none is named), or none while
  /// provisional.
  std::optional<Grade> grade(std::string_view area, std::string_view regulation = {}) const;
  GradeSet possible_grades(std::string_view area, std::string_view regulation = {}) const;
  /// The grade that stands after the action plan: a D whose required actions received plan
  /// entries all cover is C. None while provisional, including while the adjustment could still
  /// be undone by requirements not assessed. grade() keeps the grade before the plan.
  std::optional<Grade> grade_after_plan(std::string_view area,
                                        std::string_view regulation = {}) const;
  GradeSet possible_grades_after_plan(std::string_view area,
                                      std::string_view regulation = {}) const;
  /// For a requirement implied not met: the prerequisites that are not met, over every
  /// inspected regulation (empty when it is not implied).
  std::vector<std::string> implied_by(std::string_view requirement) const;
};

/// Check an inspection against the rule book: errors throw InspectionError (every one found),
/// warnings are returned.
std::vector<Diagnostic> check(const RuleBook& book, const Inspection& inspection);

/// Evaluate an inspection. Throws InspectionError when it names what the book lacks.
Evaluation evaluate(const RuleBook& book, const Inspection& inspection);
/// Evaluate a shared inspection without copying it.
Evaluation evaluate(const RuleBook& book, std::shared_ptr<const Inspection> inspection);

}  // namespace spur
