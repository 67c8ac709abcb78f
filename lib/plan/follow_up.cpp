// Following up an action plan: reading its free-text dates, rolling recurrences forward, and
// placing each entry as planned, due, overdue or done on a given day.

#include "spur/follow_up.hpp"

#include <algorithm>
#include <string>

namespace spur {

std::string_view to_string(PlanState s) {
  switch (s) {
    case PlanState::planned:
      return "planned";
    case PlanState::due:
      return "due";
    case PlanState::overdue:
      return "overdue";
    case PlanState::unreadable:
      return "unreadable";
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

// A phrase in double quotes, cut after 60 bytes (at a character boundary) with "…".
std::string shortened(std::string_view text) {
  constexpr std::size_t kLongest = 60;
  if (text.size() <= kLongest) return "\"" + std::string(text) + "\"";
  std::size_t cut = kLongest;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return "\"" + std::string(text.substr(0, cut)) + "…\"";
}

// Whether a phrase is written but gives nothing to follow it up by, with the warning to add
// when its own warnings do not already say so.
bool unreadable(const DatePhrase& phrase, bool& says_why) {
  bool dated = false, described = false, unread = false;
  for (const auto& part : phrase.parts) {
    dated = dated || part.start.has_value();
    described = described || part.undated || part.recurrence != Recurrence::none ||
                part.precision.has_value();
    unread = unread || part.unreadable;
  }
  says_why = unread;
  if (unread) return true;
  return !phrase.parts.empty() && !dated && !described;
}

}  // namespace

std::optional<Date> plan_reference(const Inspection& inspection, const PlanEntry& entry) {
  if (inspection.date)
    if (auto d = parse_iso_date(*inspection.date)) return d;
  return entry.received_on;
}

namespace {

// The entry's phrases read from `reference`: those read with the inspection while they still
// match its text, else read now into `fresh`.
const PlanPhrases& phrases_of(const PlanEntry& entry, std::optional<Date> reference,
                              PlanPhrases& fresh) {
  if (const PlanPhrases* read = entry.phrases.get(); read && read->reference == reference &&
                                                     read->due.text == entry.due &&
                                                     read->follow_up.text == entry.follow_up)
    return *read;
  fresh = {reference, parse_date_phrase(entry.due, reference),
           parse_date_phrase(entry.follow_up, reference)};
  return fresh;
}

// Whether each phrase is unreadable, and a warning for each problem, at the line of the
// entry's `due` or `follow_up`.
void check_phrases(const PlanEntry& entry, std::string_view requirement, const PlanPhrases& phrases,
                   bool& due_unreadable, bool& follow_up_unreadable,
                   std::vector<Diagnostic>& warnings) {
  auto warn = [&](const SourceLocation& at, const std::string& message) {
    const SourceLocation& where = at.line ? at : entry.location;
    warnings.push_back({Severity::warning, where.file, where.line, where.column,
                        "the plan entry for " + std::string(requirement) + ": " + message,
                        std::string(requirement)});
  };
  const char* hint = " (write e.g. \"2025-05-31\", \"maj 2025\", \"Q3 2025\" or \"snarast\")";
  struct Field {
    const char* name;
    const DatePhrase& phrase;
    const SourceLocation& at;
    bool& flag;
  };
  for (const Field& f :
       {Field{"due", phrases.due, entry.due_location, due_unreadable},
        Field{"follow_up", phrases.follow_up, entry.follow_up_location, follow_up_unreadable}}) {
    for (const auto& w : f.phrase.warnings) warn(f.at, std::string(f.name) + " " + w);
    bool says_why = false;
    f.flag = unreadable(f.phrase, says_why);
    if (f.flag && !says_why)
      warn(f.at, std::string(f.name) + " " + shortened(f.phrase.text) + ": no date" + hint);
  }
}

}  // namespace

PlanDates read_plan_dates(const PlanEntry& entry, std::string_view requirement,
                          std::optional<Date> reference) {
  PlanPhrases fresh;
  const PlanPhrases& phrases = phrases_of(entry, reference, fresh);
  PlanDates out;
  check_phrases(entry, requirement, phrases, out.due_unreadable, out.follow_up_unreadable,
                out.warnings);
  out.due = &phrases == &fresh ? std::move(fresh.due) : phrases.due;
  out.follow_up = &phrases == &fresh ? std::move(fresh.follow_up) : phrases.follow_up;
  return out;
}

void check_plan_dates(const PlanEntry& entry, std::string_view requirement,
                      std::optional<Date> reference, std::vector<Diagnostic>& warnings) {
  PlanPhrases fresh;
  bool due_unreadable = false, follow_up_unreadable = false;
  check_phrases(entry, requirement, phrases_of(entry, reference, fresh), due_unreadable,
                follow_up_unreadable, warnings);
}

void read_plan_phrases(Inspection& inspection) {
  for (auto& entry : inspection.action_plan) {
    const std::optional<Date> reference = plan_reference(inspection, entry);
    entry.phrases = std::make_shared<const PlanPhrases>(
        PlanPhrases{reference, parse_date_phrase(entry.due, reference),
                    parse_date_phrase(entry.follow_up, reference)});
  }
}

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
    PlanDates dates = read_plan_dates(p, link.requirement, reference);
    PlanItem item;
    item.entry = &p;
    item.requirement = link.requirement;
    item.area = link.area;
    item.due = std::move(dates.due);
    item.follow_up = std::move(dates.follow_up);
    item.due_unreadable = dates.due_unreadable;
    item.follow_up_unreadable = dates.follow_up_unreadable;
    // Said in words ("snarast", "löpande", "årligen"): due from now on, never overdue.
    bool in_words = false;
    for (const auto& part : item.due.parts)
      in_words = in_words || part.undated || part.recurrence != Recurrence::none;
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
    else if (item.due_unreadable)
      item.state = PlanState::unreadable;
    else if (!item.due_end && in_words)
      item.state = PlanState::due;
    else if (!item.due_end || as_of < *item.due_start)
      item.state = PlanState::planned;
    else if (as_of <= *item.due_end)
      item.state = PlanState::due;
    else
      item.state = PlanState::overdue;
    for (const auto& w : dates.warnings) {
      // "line 12: D1 due ...": the file is the inspection's, named once by the command.
      const std::string prefix = "the plan entry for " + link.requirement + ": ";
      std::string message = w.message.rfind(prefix, 0) == 0
                                ? link.requirement + " " + w.message.substr(prefix.size())
                                : w.message;
      status.warnings.push_back(w.line ? "line " + std::to_string(w.line) + ": " + message
                                       : message);
    }
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
