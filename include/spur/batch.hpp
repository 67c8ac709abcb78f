#pragma once
/// \file
/// Grading many inspections at once from a status matrix: grades only, no explanation, at
/// millions of inspection-regulations a second. The grades are those `evaluate` gives (both
/// run the same compiled grading program of the rule book).

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "spur/rule_book.hpp"
#include "spur/types.hpp"

namespace spur {

/// A status that holds in one regulation only (the `by_regulation` form of a finding).
struct RegulationFinding {
  std::uint32_t inspection = 0;
  std::int32_t requirement = 0;  ///< index into RuleBook::requirement_ids()
  std::uint8_t regulation = 0;   ///< index into RuleBook::regulations()
  Status status = Status::not_assessed;
};

/// The findings of many inspections: one byte a cell, a row per inspection and a column per
/// requirement of the book (RuleBook::requirement_ids() order). A cell holds the status
/// (spur::Status as a number) and `finding` when a finding gave it; without, it is the
/// inspection's default status.
struct StatusMatrix {
  static constexpr std::uint8_t finding = 0x08;
  std::size_t inspections = 0;
  std::size_t requirements = 0;
  std::vector<std::uint8_t> cells;
  std::vector<RegulationFinding> by_regulation;  ///< sorted by inspection

  /// A matrix of `inspections` rows, every cell the default status.
  static StatusMatrix filled(const RuleBook& book, std::size_t inspections, Status default_status);
  void set(std::size_t inspection, std::size_t requirement, Status status) {
    cells[inspection * requirements + requirement] =
        static_cast<std::uint8_t>(static_cast<std::uint8_t>(status) | finding);
  }
};

/// Findings in the long form (a row per finding), as columns of codes.
struct FindingColumns {
  std::span<const std::int64_t> inspection;   ///< 0 .. inspections-1
  std::span<const std::int32_t> requirement;  ///< into requirement_ids(); -1: unknown
  std::span<const std::int8_t> status;        ///< spur::Status; -1: unknown
  /// Into RuleBook::regulations(); -1: every graded regulation; -2: unknown. May be empty.
  std::span<const std::int8_t> regulation;
};

/// A finding row that cannot be graded, and why (one line).
struct RowError {
  std::size_t row = 0;
  std::string message;
};

/// Grades of many inspections under the same regulations.
struct BatchGrades {
  std::vector<std::string> regulations;  ///< graded, in the rule book's order
  std::size_t inspections = 0;
  std::size_t areas = 0;
  /// Grades still possible, [inspection][regulation][area] (one grade: certain).
  std::vector<GradeSet> possible;
  /// Whether a handlingsplan is required, by inspection: 1 yes, 0 no, -1 unknown while a D
  /// is possible.
  std::vector<std::int8_t> action_plan_required;

  GradeSet at(std::size_t inspection, std::size_t regulation, std::size_t area) const {
    return possible[(inspection * regulations.size() + regulation) * areas + area];
  }
};

/// Actions of many inspections, one entry per (inspection, requirement) that needs one, in
/// inspection then catalogue order; as `evaluate` lists them.
struct BatchActions {
  std::vector<std::uint32_t> inspection;
  std::vector<std::int32_t> requirement;  ///< into requirement_ids()
  std::vector<Kind> kind;                 ///< provision: required, advice: recommended, ...
  std::vector<Status> status;             ///< not_met or partially_met
  std::vector<std::uint8_t> implied;
  std::vector<std::uint32_t> regulations;  ///< bit r: unmet with this kind in regulations[r]
};

/// Grades inspections under fixed regulations, on `threads` threads (0: one per core).
class BatchGrader {
 public:
  /// Throws LookupError for an unknown regulation.
  BatchGrader(RuleBook book, const std::vector<std::string>& regulations);

  /// Build a status matrix from findings in the long form, checking every row: unknown
  /// requirements, statuses and regulations, a finding given twice, a requirement in none
  /// of the graded regulations. Bad rows are left out and reported in `errors`.
  StatusMatrix matrix(std::size_t inspections, const FindingColumns& findings,
                      Status default_status, std::vector<RowError>& errors) const;

  BatchGrades grade(const StatusMatrix& matrix, int threads = 1) const;
  /// Grade the inspections [begin, end) into `into` (made by an earlier call of `grade` or
  /// `empty_grades`), to show progress between parts.
  void grade(const StatusMatrix& matrix, std::size_t begin, std::size_t end, BatchGrades& into,
             int threads = 1) const;
  /// The same into arrays sized for the whole matrix (as BatchGrades holds them).
  void grade(const StatusMatrix& matrix, std::size_t begin, std::size_t end,
             std::span<GradeSet> possible, std::span<std::int8_t> action_plan_required,
             int threads = 1) const;
  BatchGrades empty_grades(std::size_t inspections) const;

  BatchActions actions(const StatusMatrix& matrix, int threads = 1) const;

  const std::vector<std::string>& regulations() const { return regulation_ids_; }
  const RuleBook& book() const { return book_; }

 private:
  RuleBook book_;
  std::vector<int> regulations_;  // indices into book regulations, in book order
  std::vector<std::string> regulation_ids_;
};

}  // namespace spur
