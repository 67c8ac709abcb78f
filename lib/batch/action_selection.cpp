// The actions an inspection needs: the strongest kind under which a requirement is unmet
// decides, over every graded regulation.

#include "batch/action_selection.hpp"

#include "rules/rule_book_data.hpp"

namespace spur::detail {

void choose_actions(const RuleBookData& data, std::span<const GradedStatuses> statuses,
                    std::vector<ActionChoice>& out) {
  constexpr int none = 3;  // weaker than every kind
  const auto n = static_cast<std::int32_t>(data.requirement_ids.size());
  for (std::int32_t g = 0; g < n; ++g) {
    ActionChoice choice{.requirement = g};
    int strongest = none;
    for (std::size_t r = 0; r < statuses.size(); ++r) {
      const GradedStatuses& s = statuses[r];
      const int k = data.compiled[s.program->regulation].position_of[g];
      if (k < 0) continue;
      const auto status = static_cast<Status>(status_of(s.cell[k]));
      if (!counts_as_unmet(status)) continue;
      const int kind = s.program->kind[k];
      if (kind < strongest) {
        strongest = kind;
        choice.position = k;
        choice.implied = s.implied[k] != 0;
        choice.regulations = 0;
        choice.status = Status::partially_met;
      }
      if (kind == strongest) {
        choice.regulations |= 1u << r;
        if (status == Status::not_met) choice.status = Status::not_met;
      }
    }
    if (strongest == none) continue;
    choice.kind = static_cast<Kind>(strongest);
    out.push_back(choice);
  }
}

}  // namespace spur::detail
