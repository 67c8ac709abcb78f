#pragma once
/// \file
/// Action plans (handlingsplaner): what a unit promises to do about each deficient
/// provision, when, and how it is followed up.

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "spur/dates.hpp"
#include "spur/model.hpp"

namespace spur {

/// A plan entry's due and follow-up phrases, read (see PlanEntry::phrases).
struct PlanPhrases {
  std::optional<Date> reference;  ///< the day dates without a year were read from
  DatePhrase due;
  DatePhrase follow_up;
};

/// One entry of a handlingsplan, as written in an inspection file.
struct PlanEntry {
  std::string requirement;  ///< as written: an id, or the requirement text as a report prints it
  std::optional<std::string> regulation;  ///< empty: every inspected regulation
  std::string action;                     ///< Planerad åtgärd
  std::string due;                        ///< Datum när åtgärden ska vara genomförd (free text)
  std::string responsible;                ///< Ansvarig för genomförandet
  std::string follow_up;                  ///< Datum för uppföljning (free text)
  std::string follow_up_responsible;      ///< Ansvarig för uppföljningen
  bool received = false;                  ///< the plan entry has come in
  std::optional<Date> received_on;        ///< when, if known
  std::optional<Date> done;               ///< when the action was completed
  SourceLocation location;                ///< where the entry starts
  SourceLocation due_location;            ///< where `due` is written (else: `location`)
  SourceLocation follow_up_location;      ///< where `follow_up` is written (else: `location`)
  /// `due` and `follow_up` as read when the inspection was read (read_plan_phrases), so that
  /// evaluating it reads no phrase again. Where they no longer match the text or the
  /// reference day, the phrases are read afresh.
  std::shared_ptr<const PlanPhrases> phrases;
};

/// Parses an ISO date "YYYY-MM-DD"; nothing when it is not a calendar date.
std::optional<Date> parse_iso_date(std::string_view text);
/// The date `months` months later, the day clamped to the month's length.
Date add_months(Date date, int months);
/// Today's date (local time).
Date today();

/// Normalises report text for matching: white space collapsed, words broken at line ends
/// ("ST-\nutbildningen", "ST- läkaren") joined at their hyphen.
std::string normalise_text(std::string_view text);

}  // namespace spur
