// Applicability: the regulations' applies_to rules read against the unit's trainees.

#include "spur/applicability.hpp"

namespace spur {

namespace {

// Whether one condition holds: nothing when the trainee's data cannot tell.
std::optional<bool> holds(const TraineeCondition& c, const Trainee& t, std::string& why) {
  using Field = TraineeCondition::Field;
  switch (c.field) {
    case Field::swedish_at:
      if (!t.swedish_at) return std::nullopt;
      why = *t.swedish_at ? "did Swedish AT" : "did not do Swedish AT";
      return *t.swedish_at == c.flag;
    case Field::st_start_before:
    case Field::st_start_from: {
      if (!t.st_start) return std::nullopt;
      const bool before = *t.st_start < c.date;
      why =
          "began ST " + t.st_start->iso() + (before ? ", before " : ", not before ") + c.date.iso();
      return c.field == Field::st_start_before ? before : !before;
    }
    default: {
      if (!t.licensed) return std::nullopt;
      const bool before = *t.licensed < c.date;
      why =
          "licensed " + t.licensed->iso() + (before ? ", before " : ", not before ") + c.date.iso();
      return c.field == Field::licensed_before ? before : !before;
    }
  }
}

}  // namespace

bool applies(const Applicability& rule, const Trainee& trainee, std::string* reason) {
  if (!rule.defined()) return false;
  std::vector<std::string> because;
  bool result = !rule.any;
  for (const auto& c : rule.conditions) {
    std::string why;
    const bool h = holds(c, trainee, why).value_or(false);
    if (rule.any && h) {
      result = true;
      because = {why};
      break;
    }
    if (!rule.any && !h) {
      result = false;
      break;
    }
    if (!why.empty()) because.push_back(why);
  }
  if (reason) {
    std::string text;
    for (const auto& b : because) text += (text.empty() ? "" : " and ") + b;
    *reason = text;
  }
  return result;
}

std::vector<TraineeRegulations> derive_regulations(const RuleBook& book,
                                                   const std::vector<Trainee>& trainees) {
  std::vector<TraineeRegulations> out;
  for (const auto& t : trainees) {
    TraineeRegulations tr{t.id, {}, {}};
    for (const auto& reg : book.regulations()) {
      std::string why;
      if (!applies(reg.applies_to, t, &why)) continue;
      tr.regulations.push_back(reg.id);
      tr.reasons.push_back(reg.id + " applies to " + t.id + ": " + why);
    }
    out.push_back(std::move(tr));
  }
  return out;
}

}  // namespace spur
