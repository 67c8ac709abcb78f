// The actions an inspection needs: the strongest kind under which a requirement is unmet
// decides, over every graded regulation.

#include "batch/action_selection.hpp"

#include <bit>

#include "rules/rule_book_data.hpp"

namespace spur::detail {

void choose_actions(const RuleBookData& data, std::span<const GradedStatuses> statuses,
                    std::vector<ActionChoice>& out) {
  // Each regulation's unmet requirements in turn (most are met), into a slot per requirement
  // of the book; then the slots used, in catalogue order.
  thread_local std::vector<ActionChoice> slot;
  thread_local std::vector<std::uint64_t> used;
  const std::size_t n = data.requirement_ids.size();
  if (slot.size() < n) slot.resize(n);
  used.assign((n + 63) / 64, 0);
  for (std::size_t r = 0; r < statuses.size() && r < 32; ++r) {
    const GradingProgram& p = *statuses[r].program;
    const std::uint8_t* cell = statuses[r].cell;
    for (std::int32_t k = 0; k < p.requirements; ++k) {
      const auto status = static_cast<Status>(status_of(cell[k]));
      if (!counts_as_unmet(status)) continue;
      const std::int32_t g = p.global_of[k];
      const auto kind = static_cast<Kind>(p.kind[k]);
      ActionChoice& c = slot[g];
      std::uint64_t& word = used[g / 64];
      const std::uint64_t bit = std::uint64_t{1} << (g % 64);
      if (!(word & bit) || kind < c.kind) {  // the strongest kind so far decides
        c = {g, k, kind, Status::partially_met, statuses[r].implied[k] != 0, 0};
        word |= bit;
      }
      if (kind == c.kind) {
        c.regulations |= 1u << r;
        if (status == Status::not_met) c.status = Status::not_met;
      }
    }
  }
  for (std::size_t w = 0; w < used.size(); ++w)
    for (std::uint64_t bits = used[w]; bits; bits &= bits - 1)
      out.push_back(slot[w * 64 + std::countr_zero(bits)]);
}

}  // namespace spur::detail
