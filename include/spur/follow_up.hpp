#pragma once
/// \file
/// Following up an action plan: where each entry stands on a given day.

#include "spur/action_plan.hpp"
#include "spur/evaluation.hpp"

namespace spur {

/// Where an entry stands on a given day: `unreadable` when its due phrase is written but gives
/// no date to follow it up by ("31/2-25", "när budget finns"); see the plan's warnings.
enum class PlanState : std::uint8_t { planned, due, overdue, done, unreadable };
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
  bool due_unreadable = false;        ///< see PlanDates
  bool follow_up_unreadable = false;  ///< see PlanDates
};

/// An entry's due and follow-up phrases, read, and what is wrong with them.
struct PlanDates {
  DatePhrase due;
  DatePhrase follow_up;
  /// The phrase is written but a date in it could not be read ("31/2-25", "Q5 2025"), or it
  /// holds no date at all and does not say "snarast", "löpande" or a recurrence instead.
  bool due_unreadable = false;
  bool follow_up_unreadable = false;
  /// One warning per problem, at the line of the entry's `due` or `follow_up`, e.g.
  /// `the plan entry for D1: due "31/2-25": no such date (31 February 2025)`.
  std::vector<Diagnostic> warnings;
};

/// The day a plan entry's dates without a year are read from: the inspection date, else the
/// day the entry came in.
std::optional<Date> plan_reference(const Inspection& inspection, const PlanEntry& entry);

/// Reads an entry's due and follow-up phrases (or takes them from PlanEntry::phrases when they
/// were read from the same text and day). `requirement` names the entry in warnings.
PlanDates read_plan_dates(const PlanEntry& entry, std::string_view requirement,
                          std::optional<Date> reference);

/// The warnings of read_plan_dates alone, appended to `warnings`.
void check_plan_dates(const PlanEntry& entry, std::string_view requirement,
                      std::optional<Date> reference, std::vector<Diagnostic>& warnings);

/// Reads the due and follow-up phrases of every plan entry into PlanEntry::phrases, from the
/// entry's reference day (plan_reference). Inspection::load, parse and parse_json do it; after
/// changing an entry's phrases, the inspection date or a receipt date, doing it again keeps
/// evaluation from reading the changed phrases at every evaluation.
void read_plan_phrases(Inspection& inspection);

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
