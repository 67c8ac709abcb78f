#pragma once
/// \file
/// Following up an action plan: where each entry stands on a given day.

#include "spur/action_plan.hpp"
#include "spur/evaluation.hpp"

namespace spur {

/// Where an entry stands on a given day.
enum class PlanState : std::uint8_t { planned, due, overdue, done };
std::string_view to_string(PlanState);

/// An entry as a study director follows it up on a given day.
struct PlanItem {
  const PlanEntry* entry = nullptr;
  std::string requirement;  ///< resolved id
  std::string area;
  DatePhrase due;                 ///< the due phrase, read
  std::optional<Date> due_start;  ///< the interval it is due in (first dated part)
  std::optional<Date> due_end;
  DatePhrase follow_up;                ///< the follow-up phrase, read
  std::optional<Date> next_follow_up;  ///< first follow-up on or after the day, recurrences rolled
  PlanState state = PlanState::planned;
};

/// The plan as a whole on a given day.
struct PlanStatus {
  Date as_of;
  std::optional<Date> inspection_date;
  std::optional<Date> plan_due;     ///< three months after the inspection, when its date is known
  std::optional<Date> received_on;  ///< the latest receipt date of the entries, when known
  std::optional<bool> in_time;      ///< whether the plan came in by plan_due, when both known
  bool received = false;            ///< every entry has come in
  std::vector<PlanItem> items;
  std::vector<std::string> warnings;
};

/// The plan of an evaluated inspection on `as_of`: each entry's due interval, next follow-up
/// and state, and whether the plan itself came in time.
PlanStatus plan_status(const Evaluation& evaluation, Date as_of);

}  // namespace spur
