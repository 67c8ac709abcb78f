#pragma once
// Checking an inspection against the rule book before it is evaluated: the regulations it
// inspects, and every id, regulation, grade and plan entry it names.

#include <string>
#include <vector>

#include "spur/evaluation.hpp"

namespace spur::detail {

/// An inspection checked against the book, with what it names resolved.
struct Resolved {
  std::vector<std::string> regulations;  ///< inspected: as written, or derived from trainees
  std::vector<TraineeRegulations> applicability;
  std::vector<int> findings;  ///< by finding: index into requirement_ids (-1 when unknown)
  std::vector<int> plan;      ///< likewise, by plan entry
};

/// Checks the inspection against the book and resolves what it names. Errors and warnings go
/// to `diagnostics`; throws InspectionError with all of them when there are errors.
Resolved resolve(const RuleBook& book, const Inspection& inspection,
                 std::vector<Diagnostic>& diagnostics);

}  // namespace spur::detail
