// Checking an inspection against the rule book: which regulations it inspects (as written, or
// those that apply to its trainees), and whether its findings, overrides and plan entries name
// what the book defines.

#include "eval/check.hpp"

#include <algorithm>

#include "plan/plan_coverage.hpp"
#include "rules/rule_book_data.hpp"
#include "rules/yaml_reader.hpp"
#include "spur/applicability.hpp"

namespace spur::detail {

namespace {

// Reports what is wrong with one inspection, at the line it is written on.
class Checker {
 public:
  Checker(const RuleBook& book, const Inspection& insp, std::vector<Diagnostic>& diags)
      : book_(book), insp_(insp), diags_(diags) {}

  void report(Severity s, const SourceLocation& at, std::string message,
              std::string requirement = {}) {
    diags_.push_back({s, at.file.empty() ? insp_.file : at.file, at.line, at.column,
                      std::move(message), std::move(requirement)});
  }

  // The regulations of the book, to name them in a message.
  std::string known() const {
    std::vector<std::string> ids;
    for (const auto& r : book_.regulations()) ids.push_back(r.id);
    return join(ids);
  }

  bool inspected(const Resolved& resolved, std::string_view reg) const {
    return std::find(resolved.regulations.begin(), resolved.regulations.end(), reg) !=
           resolved.regulations.end();
  }

  // The regulations inspected: as written, else those that apply to the unit's trainees.
  void regulations(Resolved& resolved) {
    if (!insp_.trainees.empty()) {
      resolved.applicability = derive_regulations(book_, insp_.trainees);
      for (std::size_t t = 0; t < insp_.trainees.size(); ++t) {
        const auto& tr = resolved.applicability[t];
        const SourceLocation& at = insp_.trainees[t].location;
        if (tr.regulations.empty())
          report(Severity::warning, at,
                 "no regulation of the rule book applies to trainee " + tr.trainee);
        for (const auto& reg : tr.regulations)
          if (!insp_.regulations.empty() &&
              std::find(insp_.regulations.begin(), insp_.regulations.end(), reg) ==
                  insp_.regulations.end())
            report(Severity::warning, at,
                   reg + " applies to trainee " + tr.trainee +
                       " but is not among the inspected regulations");
      }
    }
    if (!insp_.regulations.empty()) {
      resolved.regulations = insp_.regulations;
    } else {
      for (const auto& reg : book_.regulations())
        for (const auto& tr : resolved.applicability)
          if (std::find(tr.regulations.begin(), tr.regulations.end(), reg.id) !=
              tr.regulations.end()) {
            resolved.regulations.push_back(reg.id);
            break;
          }
    }
    if (resolved.regulations.empty())
      report(Severity::error, insp_.regulations_location,
             insp_.trainees.empty()
                 ? "the inspection names no regulation (regulations: [" + known() + "])"
                 : "no regulation applies to any of the trainees; name them in 'regulations'");
    for (const auto& reg : resolved.regulations)
      if (book_.data().regulation_index(reg) < 0)
        report(Severity::error, insp_.regulations_location,
               "unknown regulation '" + reg + "' (known: " + known() + ")");
  }

  // Each finding's requirement, and the regulations its statuses are for.
  void findings(Resolved& resolved) {
    const auto& data = book_.data();
    std::vector<const CompiledRegulation*> regs;
    regs.reserve(resolved.regulations.size());
    for (const auto& reg : resolved.regulations)
      if (const int i = data.regulation_index(reg); i >= 0) regs.push_back(&data.compiled[i]);
    resolved.findings.reserve(insp_.findings.size());
    for (const auto& f : insp_.findings) {
      const int g = data.find_global(f.requirement);
      resolved.findings.push_back(g);
      if (g < 0) {
        report(Severity::error, f.location,
               "unknown requirement '" + f.requirement +
                   "': no regulation of the rule book defines it (ids are like D1 or E4)",
               f.requirement);
        continue;
      }
      bool in_any = false;
      for (const auto* c : regs) in_any = in_any || c->position_of[g] >= 0;
      if (!in_any && !regs.empty())
        report(Severity::warning, f.location,
               f.requirement + " is not part of " + join(resolved.regulations, " or ") +
                   "; its finding is not used",
               f.requirement);
      for (const auto& b : f.by_regulation) {
        const int i = data.regulation_index(b.regulation);
        if (i < 0)
          report(Severity::error, f.location,
                 "unknown regulation '" + b.regulation + "' in by_regulation of " + f.requirement +
                     " (known: " + known() + ")",
                 f.requirement);
        else if (!inspected(resolved, b.regulation))
          report(Severity::warning, f.location,
                 f.requirement + ": " + b.regulation + " is not inspected; that status is not used",
                 f.requirement);
        else if (data.compiled[i].position_of[g] < 0)
          report(Severity::warning, f.location,
                 f.requirement + " is not part of " + b.regulation + "; that status is not used",
                 f.requirement);
      }
    }
  }

  // Each override's area, regulation and grade.
  void overrides(const Resolved& resolved) {
    for (const auto& o : insp_.overrides) {
      const Area* area = book_.model().find_area(o.area);
      if (!area) {
        report(Severity::error, o.location,
               "override for unknown area '" + o.area + "' (areas: A to H)");
        continue;
      }
      if (o.regulation && !book_.find_regulation(*o.regulation))
        report(
            Severity::error, o.location,
            "override names unknown regulation '" + *o.regulation + "' (known: " + known() + ")");
      else if (o.regulation && !inspected(resolved, *o.regulation))
        report(Severity::error, o.location,
               "override names " + *o.regulation + ", which this inspection does not inspect");
      const Scale* scale = book_.model().find_scale(area->scale);
      if (scale && !scale->has_grade(o.grade)) {
        std::vector<std::string> grades;
        for (const auto& row : scale->rows) grades.emplace_back(to_string(row.grade));
        report(Severity::error, o.location,
               "grade " + std::string(to_string(o.grade)) + " is not on the scale of area " +
                   o.area + " (" + scale->id + ": " + join(grades) + ")");
      }
    }
  }

 private:
  const RuleBook& book_;
  const Inspection& insp_;
  std::vector<Diagnostic>& diags_;
};

}  // namespace

Resolved resolve(const RuleBook& book, const Inspection& insp, std::vector<Diagnostic>& diags) {
  Resolved resolved;
  Checker checker(book, insp, diags);
  checker.regulations(resolved);
  diags.insert(diags.end(), insp.warnings.begin(), insp.warnings.end());
  checker.findings(resolved);
  checker.overrides(resolved);
  resolved.plan = resolve_plan(
      book.data(), insp, [&](std::string_view reg) { return checker.inspected(resolved, reg); },
      diags);
  if (has_errors(diags)) throw InspectionError(diags);
  return resolved;
}

}  // namespace spur::detail

namespace spur {

std::vector<Diagnostic> check(const RuleBook& book, const Inspection& insp) {
  std::vector<Diagnostic> diags;
  detail::resolve(book, insp, diags);
  return diags;
}

}  // namespace spur
