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

// "A", "A/B", or "D->C" when the action plan changes it.
std::string before_after(GradeSet before, GradeSet after) {
  const std::string b = grades_text(before), a = grades_text(after);
  return a == b || after.empty() ? b : b + "->" + a;
}

}  // namespace

void compare_reported_grades(Evaluation& ev, const Inspection& insp) {
  for (const auto& r : insp.reported_grades) {
    const CombinedArea* area = nullptr;
    for (const auto& a : ev.areas)
      if (a.area == r.area) area = &a;
    auto warn = [&](std::string message) {
      ev.diagnostics.push_back({Severity::warning, r.location.file, r.location.line,
                                r.location.column, std::move(message), ""});
    };
    if (!area) {
      warn("reported_grades names area '" + r.area +
           "', which the model does not have (areas A-H)");
      continue;
    }
    if (r.grade) {
      const std::string said =
          r.text.empty() ? std::string(to_string(*r.grade)) : "\"" + r.text + "\"";
      // spur's grade as it stands: adjusted after a received plan, else the combined grade.
      std::string ours;
      bool agrees;
      if (area->adjusted) {
        agrees = *area->adjusted == *r.grade;
        ours =
            std::string(to_string(*area->grade)) + "->" + std::string(to_string(*area->adjusted));
      } else if (area->grade) {
        agrees = *area->grade == *r.grade;
        ours = std::string(to_string(*area->grade));
      } else {
        agrees = area->possible.contains(*r.grade);
        ours = grades_text(area->possible) + " (provisional)";
      }
      if (!agrees)
        warn("area " + r.area + ": the report gives " + std::string(to_string(*r.grade)) + " (" +
             said + ") but spur grades " + ours +
             " from the findings; check the findings of area " + r.area);
    }
    // What the table marks: the grade before the action plan or after it, either agrees.
    for (const auto& m : r.marked) {
      GradeSet ours;
      std::string ours_text;
      std::string which = "area " + r.area;
      if (!m.regulation) {
        ours = area->possible | area->after_plan;
        ours_text = before_after(area->possible, area->after_plan);
      } else {
        which += " (" + *m.regulation + ")";
        const AreaResult* result = nullptr;
        for (const auto& res : ev.results)
          if (res.area == r.area && res.regulation == *m.regulation) result = &res;
        if (!result) {
          warn(which + ": the report's grading table marks " + std::string(to_string(m.grade)) +
               " for " + *m.regulation + ", which this inspection is not graded under");
          continue;
        }
        ours = result->effective() | result->after_plan();
        ours_text = before_after(result->effective(), result->after_plan());
      }
      if (ours.empty() || ours.contains(m.grade)) continue;
      warn(which + ": the report's grading table marks " + std::string(to_string(m.grade)) +
           " but spur grades " + ours_text + " from the findings; check the findings of area " +
           r.area);
    }
  }
}

}  // namespace spur::detail
