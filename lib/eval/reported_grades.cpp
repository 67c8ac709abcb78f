// A report says "Gradering justerad till C"; spur says what its findings give. They should
// agree: when they do not, the findings (or the report) need a second look.

#include "eval/reported_grades.hpp"

namespace spur::detail {

namespace {

std::string grades_text(GradeSet g) {
  std::string out;
  for (Grade x : g.grades()) out += (out.empty() ? "" : "/") + std::string(to_string(x));
  return out.empty() ? "-" : out;
}

}  // namespace

void compare_reported_grades(Evaluation& ev, const Inspection& insp) {
  for (const auto& r : insp.reported_grades) {
    const CombinedArea* area = nullptr;
    for (const auto& a : ev.areas)
      if (a.area == r.area) area = &a;
    const std::string said =
        r.text.empty() ? std::string(to_string(r.grade)) : "\"" + r.text + "\"";
    if (!area) {
      ev.diagnostics.push_back(
          {Severity::warning, r.location.file, r.location.line, r.location.column,
           "reported_grades names area '" + r.area + "', which the model does not have (areas A-H)",
           ""});
      continue;
    }
    // spur's grade as it stands: adjusted after a received plan, else the combined grade.
    std::string ours;
    bool agrees;
    if (area->adjusted) {
      agrees = *area->adjusted == r.grade;
      ours = std::string(to_string(*area->grade)) + "->" + std::string(to_string(*area->adjusted));
    } else if (area->grade) {
      agrees = *area->grade == r.grade;
      ours = std::string(to_string(*area->grade));
    } else {
      agrees = area->possible.contains(r.grade);
      ours = grades_text(area->possible) + " (provisional)";
    }
    if (agrees) continue;
    ev.diagnostics.push_back(
        {Severity::warning, r.location.file, r.location.line, r.location.column,
         "area " + r.area + ": the report gives " + std::string(to_string(r.grade)) + " (" + said +
             ") but spur grades " + ours + " from the findings; check the findings of area " +
             r.area,
         ""});
  }
}

}  // namespace spur::detail
