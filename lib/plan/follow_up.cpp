// Following up an action plan: reading its free-text dates, rolling recurrences forward, and
// placing each entry as planned, due, overdue or done on a given day.

#include "spur/follow_up.hpp"

#include <algorithm>

namespace spur {

std::string_view to_string(PlanState s) {
  switch (s) {
    case PlanState::planned:
      return "planned";
    case PlanState::due:
      return "due";
    case PlanState::overdue:
      return "overdue";
    default:
      return "done";
  }
}

namespace {

int step_months(Recurrence r) {
  return r == Recurrence::yearly ? 12 : r == Recurrence::semiannual ? 6 : 0;
}

// The first occurrence of a dated part that has not ended before `as_of`.
std::optional<Date> next_occurrence(const DatePart& part, Date as_of) {
  if (!part.start || !part.end) return std::nullopt;
  Date start = *part.start, end = *part.end;
  const int step = step_months(part.recurrence);
  if (end >= as_of) return start;
  if (step == 0) return std::nullopt;
  // Whole steps at once, then one at a time: a recurrence from decades ago stays cheap.
  int behind = (as_of.year - end.year) * 12 + (as_of.month - end.month);
  int steps = std::max(0, behind / step - 1);
  start = add_months(start, steps * step);
  end = add_months(end, steps * step);
  while (end < as_of) {
    start = add_months(*part.start, (++steps) * step);
    end = add_months(*part.end, steps * step);
  }
  return start;
}

}  // namespace

PlanStatus plan_status(const Evaluation& ev, Date as_of) {
  PlanStatus status;
  status.as_of = as_of;
  if (ev.inspection && ev.inspection->date) {
    status.inspection_date = parse_iso_date(*ev.inspection->date);
    if (status.inspection_date) status.plan_due = add_months(*status.inspection_date, 3);
  }
  status.received = !ev.plan.empty();
  bool all_dated = !ev.plan.empty();
  for (const auto& link : ev.plan) {
    const PlanEntry& p = *link.entry;
    status.received = status.received && p.received;
    if (p.received_on) {
      if (!status.received_on || *p.received_on > *status.received_on)
        status.received_on = p.received_on;
    } else {
      all_dated = false;
    }
    // A month without a year is read from the inspection date, else from the receipt.
    std::optional<Date> reference = status.inspection_date ? status.inspection_date : p.received_on;
    PlanItem item;
    item.entry = &p;
    item.requirement = link.requirement;
    item.area = link.area;
    item.due = parse_date_phrase(p.due, reference);
    item.follow_up = parse_date_phrase(p.follow_up, reference);
    for (const auto& part : item.due.parts) {
      if (!part.start) continue;
      if (!item.due_start || *part.start < *item.due_start) item.due_start = part.start;
      if (!item.due_end || *part.end > *item.due_end) item.due_end = part.end;
    }
    for (const auto& part : item.follow_up.parts)
      if (auto next = next_occurrence(part, as_of))
        if (!item.next_follow_up || *next < *item.next_follow_up) item.next_follow_up = next;
    if (p.done && *p.done <= as_of)
      item.state = PlanState::done;
    else if (!item.due_end || as_of < *item.due_start)
      item.state = PlanState::planned;
    else if (as_of <= *item.due_end)
      item.state = PlanState::due;
    else
      item.state = PlanState::overdue;
    for (const auto& w : item.due.warnings)
      status.warnings.push_back(link.requirement + " due: " + w);
    for (const auto& w : item.follow_up.warnings)
      status.warnings.push_back(link.requirement + " follow-up: " + w);
    if (item.due.parts.empty() && status.received)
      status.warnings.push_back(link.requirement + ": no due date");
    status.items.push_back(std::move(item));
  }
  if (!all_dated) status.received_on.reset();
  if (status.plan_due && status.received_on)
    status.in_time = *status.received_on <= *status.plan_due;
  return status;
}

}  // namespace spur
