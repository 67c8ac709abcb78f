#pragma once
// The action plan against an evaluation: which requirement each entry names, which required
// actions received entries cover, and the D->C adjustment that follows (certain, or provisional
// while provisions not assessed could still turn out unmet and uncovered).

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "rules/rule_book_data.hpp"
#include "spur/evaluation.hpp"

namespace spur::detail {

/// The requirement a plan entry names, as an index into RuleBookData::requirement_ids: its id,
/// or its text as a report prints it. -1 when neither.
int find_plan_requirement(const RuleBookData& data, const std::string& written);

/// Resolves every plan entry of the inspection (by entry, -1 when unknown) and reports, as
/// errors in `diagnostics`, entries that name no requirement (with the closest text) or a
/// regulation that is not inspected.
std::vector<int> resolve_plan(const RuleBookData& data, const Inspection& inspection,
                              const std::function<bool(std::string_view)>& inspected,
                              std::vector<Diagnostic>& diagnostics);

/// Links the plan entries to the evaluation (Evaluation::plan, with a warning for an entry that
/// is no required action) and, for every certain D, records what received entries cover, what
/// they leave uncovered and what could still undo the adjustment; then sets the adjusted grades
/// of each pair and area. `plan` is resolve_plan's answer. Needs the results, outcomes and
/// actions of `evaluation` in place.
void apply_plan(Evaluation& evaluation, const std::vector<int>& plan);

}  // namespace spur::detail
