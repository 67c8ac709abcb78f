// What an evaluation answers: the grade of an area, before and after the action plan, and what
// implied a requirement.

#include <algorithm>

#include "rules/yaml_reader.hpp"
#include "spur/evaluation.hpp"

namespace spur {

using detail::join;

namespace {
// Area letters are asked for either way: "d" is D, as on the command line.
bool same_area(std::string_view id, std::string_view asked) {
  return id.size() == asked.size() &&
         std::equal(id.begin(), id.end(), asked.begin(), [](char a, char b) {
           return a == b || (b >= 'a' && b <= 'z' && a == b - 'a' + 'A');
         });
}
}  // namespace

std::optional<Grade> AreaResult::grade() const {
  if (override) return override->grade;
  return computed;
}

GradeSet AreaResult::effective() const {
  return override ? GradeSet::of(override->grade) : possible;
}

GradeSet AreaResult::after_plan() const {
  if (!adjusted) return effective();
  GradeSet out = GradeSet::of(*adjusted);
  if (adjustment_provisional) out.insert(Grade::D);
  return out;
}

const RequirementOutcome* RegulationOutcome::find(std::string_view id) const {
  for (const auto& o : requirements)
    if (o.requirement->id == id) return &o;
  return nullptr;
}

const AreaResult& Evaluation::result(std::string_view area, std::string_view regulation) const {
  if (regulation.empty()) {
    if (regulations.size() != 1)
      throw LookupError("this inspection covers " + join(regulations) +
                        "; name the regulation for area " + std::string(area));
    regulation = regulations.front();
  }
  for (const auto& r : results)
    if (same_area(r.area, area) && r.regulation == regulation) return r;
  if (std::find(regulations.begin(), regulations.end(), regulation) == regulations.end())
    throw LookupError("regulation '" + std::string(regulation) +
                      "' was not inspected (inspected: " + join(regulations) + ")");
  throw LookupError("unknown area '" + std::string(area) + "' (areas: A to H)");
}

const CombinedArea& Evaluation::combined(std::string_view area) const {
  for (const auto& a : areas)
    if (same_area(a.area, area)) return a;
  throw LookupError("unknown area '" + std::string(area) + "'");
}

std::optional<Grade> Evaluation::grade(std::string_view area, std::string_view regulation) const {
  return regulation.empty() ? combined(area).grade : result(area, regulation).grade();
}

GradeSet Evaluation::possible_grades(std::string_view area, std::string_view regulation) const {
  return regulation.empty() ? combined(area).possible : result(area, regulation).effective();
}

std::optional<Grade> Evaluation::grade_after_plan(std::string_view area,
                                                  std::string_view regulation) const {
  return possible_grades_after_plan(area, regulation).single();
}

GradeSet Evaluation::possible_grades_after_plan(std::string_view area,
                                                std::string_view regulation) const {
  return regulation.empty() ? combined(area).after_plan : result(area, regulation).after_plan();
}

std::vector<std::string> Evaluation::implied_by(std::string_view requirement) const {
  std::vector<std::string> out;
  for (const auto& i : implied)
    if (i.requirement == requirement)
      for (const auto& p : i.because)
        if (std::find(out.begin(), out.end(), p) == out.end()) out.push_back(p);
  return out;
}

}  // namespace spur
