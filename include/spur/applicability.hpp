#pragma once
/// \file
/// Which regulations apply to which trainees, from the regulations' `applies_to` rules.

#include <string>
#include <vector>

#include "spur/evaluation.hpp"
#include "spur/inspection.hpp"
#include "spur/rule_book.hpp"

namespace spur {

/// Whether `rule` holds for `trainee`; `reason` says which facts decided.
bool applies(const Applicability& rule, const Trainee& trainee, std::string* reason = nullptr);

/// For each trainee, the regulations of the book that apply (in the book's order).
std::vector<TraineeRegulations> derive_regulations(const RuleBook& book,
                                                   const std::vector<Trainee>& trainees);

}  // namespace spur
