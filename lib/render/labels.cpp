// The words a report adds around the rule texts.

#include "render/labels.hpp"

#include <cctype>

namespace spur::wording {

std::string_view kind_heading(Kind kind, Language l) {
  switch (kind) {
    case Kind::provision:
      return l == Language::sv ? "Föreskrifter" : "Provisions";
    case Kind::advice:
      return l == Language::sv ? "Allmänna råd" : "General advice";
    default:
      return l == Language::sv ? "Kvalitetsindikatorer" : "Quality indicators";
  }
}

std::string_view kind_name(Kind kind, Language l) {
  switch (kind) {
    case Kind::provision:
      return l == Language::sv ? "föreskrift" : "provision";
    case Kind::advice:
      return l == Language::sv ? "allmänt råd" : "general advice";
    default:
      return l == Language::sv ? "kvalitetsindikator" : "quality indicator";
  }
}

std::string_view status_name(Status s, Language l) {
  if (l == Language::sv) return swedish(s);
  switch (s) {
    case Status::met:
      return "met";
    case Status::partially_met:
      return "partially met";
    case Status::not_met:
      return "not met";
    case Status::not_applicable:
      return "not applicable";
    default:
      return "not assessed";
  }
}

std::string_view state_name(PlanState s, Language l) {
  switch (s) {
    case PlanState::planned:
      return l == Language::sv ? "planerad" : "planned";
    case PlanState::due:
      return l == Language::sv ? "pågår" : "due";
    case PlanState::overdue:
      return l == Language::sv ? "försenad" : "overdue";
    default:
      return l == Language::sv ? "klar" : "done";
  }
}

std::string date_text(const std::optional<Date>& date) {
  return date ? date->iso() : "–";
}

std::string interval_text(const std::optional<Date>& start, const std::optional<Date>& end) {
  if (!start) return "–";
  if (!end || *start == *end) return start->iso();
  return start->iso() + " – " + end->iso();
}

std::string implied_text(const ReportRequirement::Cell& cell, Language l) {
  if (cell.origin != StatusOrigin::implied || cell.because.empty()) return {};
  std::string ids;
  for (std::size_t i = 0; i < cell.because.size(); ++i)
    ids += (i == 0                         ? ""
            : i + 1 == cell.because.size() ? (l == Language::sv ? " och " : " and ")
                                           : ", ") +
           cell.because[i];
  return std::string(label::implied_by(l)) + " " + ids + " " + std::string(label::is_not_met(l));
}

std::string status_text(const ReportRequirement::Cell& cell, Language l) {
  if (!cell.present) return "–";
  std::string out(status_name(cell.status, l));
  if (std::string why = implied_text(cell, l); !why.empty()) out += " (" + why + ")";
  return out;
}

namespace {
std::vector<std::string> split_id(std::string_view id) {
  std::vector<std::string> parts(1);
  for (char c : id) {
    if (c == '-')
      parts.emplace_back();
    else
      parts.back() += c;
  }
  return parts;
}
bool digits(const std::string& s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return true;
}
}  // namespace

std::vector<std::string> action_qualifiers(const ReportAction& action, Language language,
                                           bool several) {
  std::vector<std::string> out;
  if (action.status == Status::partially_met)
    out.emplace_back(status_name(action.status, language));
  if (action.implied) out.emplace_back(language == Language::sv ? "härlett" : "implied");
  if (several) {
    std::string regs;
    for (const auto& r : action.regulations)
      regs += (regs.empty() ? "" : ", ") + regulation_short(r);
    out.push_back(regs);
  }
  return out;
}

std::string regulation_short(std::string_view id) {
  auto parts = split_id(id);
  if (parts.size() < 3 || !digits(parts[parts.size() - 2]) || !digits(parts.back()))
    return std::string(id);
  std::string prefix;
  for (std::size_t i = 0; i + 2 < parts.size(); ++i) {
    if (i) prefix += '-';
    for (char c : parts[i])
      prefix += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return prefix + " " + parts[parts.size() - 2] + ":" + parts.back();
}

std::string regulation_year(std::string_view id) {
  auto parts = split_id(id);
  if (parts.size() < 3 || !digits(parts[parts.size() - 2])) return std::string(id);
  return parts[parts.size() - 2];
}

}  // namespace spur::wording
