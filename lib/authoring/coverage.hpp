#pragma once
// Coverage of regulation tests: what the cases exercised, and what they could have.

#include "spur/evaluation.hpp"
#include "spur/regulation_tests.hpp"

namespace spur::detail {

/// Lists, for every regulation of the book, what there is to cover: requirements, the scale
/// rows some area can reach, and the precondition edges.
void init_coverage(TestReport& report, const RuleBook& book);

/// Adds what one evaluated case exercised.
void record_coverage(TestReport& report, const Evaluation& evaluation);

}  // namespace spur::detail
