// Evaluation: findings -> effective statuses (with implications through the rule graph) ->
// counts -> first-hit scale tables in three-valued logic -> grades, actions and plan status.

#include <algorithm>
#include <bit>

#include "batch/action_selection.hpp"
#include "batch/grading_program.hpp"
#include "eval/reported_grades.hpp"
#include "eval/scale.hpp"
#include "logging.hpp"
#include "plan/plan_coverage.hpp"
#include "rules/rule_book_data.hpp"
#include "rules/yaml_reader.hpp"
#include "spur/action_plan.hpp"
#include "spur/applicability.hpp"
#include "spur/evaluation.hpp"
#include "spur/follow_up.hpp"

namespace spur {

using detail::join;

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
    if (r.area == area && r.regulation == regulation) return r;
  if (std::find(regulations.begin(), regulations.end(), regulation) == regulations.end())
    throw LookupError("regulation '" + std::string(regulation) +
                      "' was not inspected (inspected: " + join(regulations) + ")");
  throw LookupError("unknown area '" + std::string(area) + "' (areas: A to H)");
}

const CombinedArea& Evaluation::combined(std::string_view area) const {
  for (const auto& a : areas)
    if (a.area == area) return a;
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

namespace {

// Checks the inspection against the book and resolves each finding's requirement to its index
// in RuleBookData::requirement_ids (-1 when unknown). Errors and warnings go to `diags`.
struct Resolved {
  std::vector<std::string> regulations;  // inspected: as written, or derived from trainees
  std::vector<TraineeRegulations> applicability;
  std::vector<int> findings;  // index into requirement_ids, by finding
  std::vector<int> plan;      // likewise, by plan entry
};

Resolved resolve(const RuleBook& book, const Inspection& insp, std::vector<Diagnostic>& diags) {
  const auto& data = book.data();
  const std::string& file = insp.file;
  auto report = [&](Severity s, const SourceLocation& at, std::string message,
                    std::string requirement = {}) {
    diags.push_back({s, at.file.empty() ? file : at.file, at.line, at.column, std::move(message),
                     std::move(requirement)});
  };
  auto known = [&] {
    std::vector<std::string> ids;
    for (const auto& r : book.regulations()) ids.push_back(r.id);
    return join(ids);
  };
  Resolved resolved;
  // The regulations inspected: as written, else those that apply to the unit's trainees.
  if (!insp.trainees.empty()) {
    resolved.applicability = derive_regulations(book, insp.trainees);
    for (std::size_t t = 0; t < insp.trainees.size(); ++t) {
      const auto& tr = resolved.applicability[t];
      if (tr.regulations.empty())
        report(Severity::warning, insp.trainees[t].location,
               "no regulation of the rule book applies to trainee " + tr.trainee);
      for (const auto& reg : tr.regulations) {
        const bool listed = std::find(insp.regulations.begin(), insp.regulations.end(), reg) !=
                            insp.regulations.end();
        if (!insp.regulations.empty() && !listed)
          report(Severity::warning, insp.trainees[t].location,
                 reg + " applies to trainee " + tr.trainee +
                     " but is not among the inspected "
                     "regulations");
      }
    }
  }
  if (!insp.regulations.empty()) {
    resolved.regulations = insp.regulations;
  } else {
    for (const auto& reg : book.regulations())
      for (const auto& tr : resolved.applicability)
        if (std::find(tr.regulations.begin(), tr.regulations.end(), reg.id) !=
            tr.regulations.end()) {
          resolved.regulations.push_back(reg.id);
          break;
        }
  }
  const std::vector<std::string>& inspected_regs = resolved.regulations;
  auto inspected = [&](std::string_view reg) {
    return std::find(inspected_regs.begin(), inspected_regs.end(), reg) != inspected_regs.end();
  };
  std::vector<const detail::CompiledRegulation*> regs;
  if (inspected_regs.empty())
    report(Severity::error, insp.regulations_location,
           insp.trainees.empty()
               ? "the inspection names no regulation (regulations: [" + known() + "])"
               : "no regulation applies to any of the trainees; name them in 'regulations'");
  for (const auto& reg : inspected_regs) {
    int i = data.regulation_index(reg);
    if (i < 0)
      report(Severity::error, insp.regulations_location,
             "unknown regulation '" + reg + "' (known: " + known() + ")");
    else
      regs.push_back(&data.compiled[i]);
  }
  diags.insert(diags.end(), insp.warnings.begin(), insp.warnings.end());
  std::vector<int>& globals = resolved.findings;
  globals.reserve(insp.findings.size());
  for (const auto& f : insp.findings) {
    const int g = data.find_global(f.requirement);
    globals.push_back(g);
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
             f.requirement + " is not part of " + join(inspected_regs, " or ") +
                 "; its finding is not used",
             f.requirement);
    for (const auto& b : f.by_regulation) {
      int i = data.regulation_index(b.regulation);
      if (i < 0)
        report(Severity::error, f.location,
               "unknown regulation '" + b.regulation + "' in by_regulation of " + f.requirement +
                   " (known: " + known() + ")",
               f.requirement);
      else if (!inspected(b.regulation))
        report(Severity::warning, f.location,
               f.requirement + ": " + b.regulation + " is not inspected; that status is not used",
               f.requirement);
      else if (data.compiled[i].position_of[g] < 0)
        report(Severity::warning, f.location,
               f.requirement + " is not part of " + b.regulation + "; that status is not used",
               f.requirement);
    }
  }
  for (const auto& o : insp.overrides) {
    const Area* area = book.model().find_area(o.area);
    if (!area) {
      report(Severity::error, o.location,
             "override for unknown area '" + o.area + "' (areas: A to H)");
      continue;
    }
    if (o.regulation && !book.find_regulation(*o.regulation))
      report(Severity::error, o.location,
             "override names unknown regulation '" + *o.regulation + "' (known: " + known() + ")");
    else if (o.regulation && !inspected(*o.regulation))
      report(Severity::error, o.location,
             "override names " + *o.regulation + ", which this inspection does not inspect");
    const Scale* scale = book.model().find_scale(area->scale);
    if (scale && !scale->has_grade(o.grade)) {
      std::vector<std::string> grades;
      for (const auto& row : scale->rows) grades.emplace_back(to_string(row.grade));
      report(Severity::error, o.location,
             "grade " + std::string(to_string(o.grade)) + " is not on the scale of area " + o.area +
                 " (" + scale->id + ": " + join(grades) + ")");
    }
  }
  resolved.plan = detail::resolve_plan(data, insp, inspected, diags);
  if (has_errors(diags)) throw InspectionError(diags);
  return resolved;
}

}  // namespace

std::vector<Diagnostic> check(const RuleBook& book, const Inspection& insp) {
  std::vector<Diagnostic> diags;
  resolve(book, insp, diags);
  return diags;
}

namespace {

bool matches(detail::Metric metric, Status s) {
  switch (metric) {
    case detail::Metric::met:
      return s == Status::met;
    case detail::Metric::unmet:
      return counts_as_unmet(s);
    case detail::Metric::partial:
      return s == Status::partially_met;
    case detail::Metric::unknown:
      return s == Status::not_assessed;
    case detail::Metric::not_applicable:
      return s == Status::not_applicable;
    default:
      return s != Status::not_applicable;
  }
}

}  // namespace

Evaluation evaluate(const RuleBook& book, const Inspection& inspection) {
  return evaluate(book, std::make_shared<const Inspection>(inspection));
}

Evaluation evaluate(const RuleBook& book, std::shared_ptr<const Inspection> shared) {
  const Inspection& insp = *shared;
  Evaluation ev{.book = book, .inspection = std::move(shared)};
  const Resolved resolved = resolve(book, insp, ev.diagnostics);
  const std::vector<int>& finding_index = resolved.findings;
  ev.applicability = resolved.applicability;
  const auto& data = book.data();
  const auto& areas = data.model.areas;
  const bool debug = detail::debug_logging();
  auto log = debug ? detail::logger() : nullptr;
  ev.inspection_id = insp.id;
  ev.unit = insp.unit;
  ev.file = insp.file;

  // Regulations in the rule book's order, so output is stable whatever the file's order.
  std::vector<int> regs;
  for (std::size_t i = 0; i < data.regulations.size(); ++i)
    if (std::find(resolved.regulations.begin(), resolved.regulations.end(),
                  data.regulations[i].id) != resolved.regulations.end())
      regs.push_back(static_cast<int>(i));
  ev.results.reserve(regs.size() * areas.size());
  ev.areas.reserve(areas.size());
  // Scratch space kept by each thread: the grading program's work for each regulation (the
  // actions read them all), and the actions chosen.
  thread_local std::vector<detail::GradeWork> works;
  thread_local struct {
    std::vector<detail::GradedStatuses> graded;
    std::vector<detail::ActionChoice> actions;
  } scratch;
  if (works.size() < regs.size()) works.resize(regs.size());
  scratch.graded.resize(regs.size());
  ev.outcomes.reserve(regs.size());

  for (std::size_t r = 0; r < regs.size(); ++r) {
    const int ri = regs[r];
    detail::GradeWork& work = works[r];
    work.details = true;
    const Regulation& reg = data.regulations[ri];
    const auto& c = data.compiled[ri];
    RegulationOutcome& outcome = ev.outcomes.emplace_back();
    outcome.regulation = reg.id;
    auto& out = outcome.requirements;
    out.resize(reg.requirements.size());
    for (std::size_t k = 0; k < out.size(); ++k) {
      out[k].requirement = &reg.requirements[k];
      out[k].status = insp.default_status;
    }
    for (std::size_t i = 0; i < insp.findings.size(); ++i) {
      const int k = c.position_of[finding_index[i]];
      if (k < 0) continue;
      if (auto s = insp.findings[i].status_in(reg.id)) {
        out[k].status = *s;
        out[k].origin = StatusOrigin::finding;
      }
    }
    // Statuses, implications, counts and grades come from the grading program that the
    // batch grader runs too; what follows explains them.
    const auto& program = data.programs[ri];
    detail::prepare(program, work);
    for (std::size_t k = 0; k < out.size(); ++k)
      work.cell[k] = static_cast<std::uint8_t>(
          static_cast<std::uint8_t>(out[k].status) |
          (out[k].origin == StatusOrigin::finding ? detail::finding_bit : 0));
    detail::grade(data, program, work);
    scratch.graded[r] = {&program, work.cell.data(), work.implied.data()};
    // Implications, prerequisites first: a prerequisite that is not met (found or implied)
    // made its dependents not met unless a finding states their status.
    for (int k : c.order_with_prerequisites) {
      auto& o = out[k];
      int n_unmet = 0;
      for (int p : c.prerequisites[k])
        n_unmet += detail::status_of(work.cell[p]) == detail::not_met_code;
      if (n_unmet == 0) continue;
      std::vector<std::string> unmet;
      unmet.reserve(n_unmet);
      for (int p : c.prerequisites[k])
        if (detail::status_of(work.cell[p]) == detail::not_met_code)
          unmet.push_back(reg.requirements[p].id);
      if (work.implied[k]) {
        o.status = Status::not_met;
        o.origin = StatusOrigin::implied;
        o.implication = static_cast<int>(ev.implied.size());
        ev.implied.push_back({o.requirement->id, reg.id, std::move(unmet)});
        if (debug)
          log->debug("{} {}: implied not_met because {} not met", reg.id, o.requirement->id,
                     join(ev.implied.back().because));
      } else if (o.status == Status::met) {
        ev.conflicts.push_back({o.requirement->id, reg.id, unmet,
                                o.requirement->id +
                                    " is recorded as met although its prerequisite " + join(unmet) +
                                    (unmet.size() > 1 ? " are" : " is") + " not met"});
      }
    }

    for (std::size_t a = 0; a < areas.size(); ++a) {
      const auto& cs = data.area_scales[a];
      AreaResult& res = ev.results.emplace_back();
      res.regulation = reg.id;
      res.area = areas[a].id;
      res.scale = cs.scale->id;
      for (int kind = 0; kind < 3; ++kind) {
        const auto& n = work.counts[a][kind];
        auto at = [&](Status s) { return n[static_cast<int>(s)]; };
        res.counts[kind] = {at(Status::met), at(Status::not_met) + at(Status::partially_met),
                            at(Status::partially_met), at(Status::not_assessed),
                            at(Status::not_applicable)};
      }
      res.has_kind = program.area_programs[a].has_kind;
      res.possible = work.verdicts[a].possible;
      res.deciding_row = work.verdicts[a].deciding_row;
      res.computed = res.possible.single();
      // Two passes, so each list is allocated once at its final size.
      auto decisive = [&](int k) {
        if (res.deciding_row < 0) return false;
        for (const auto& ref : cs.when[res.deciding_row].references())
          if ((!ref.kind || *ref.kind == reg.requirements[k].kind) &&
              matches(ref.metric, out[k].status))
            return true;
        return false;
      };
      int n_unknown = 0, n_decisive = 0;
      for (int k : c.area_members[a]) {
        n_unknown += out[k].status == Status::not_assessed;
        n_decisive += decisive(k);
      }
      res.unknown.reserve(n_unknown);
      res.decisive.reserve(n_decisive);
      for (int k : c.area_members[a]) {
        if (out[k].status == Status::not_assessed) res.unknown.push_back(reg.requirements[k].id);
        if (n_decisive && decisive(k)) res.decisive.push_back(reg.requirements[k].id);
      }
      // Unknown prerequisites in other areas can change this one too.
      if (!res.computed)
        for (int p : work.pivots_of[a]) {
          const std::string& id = reg.requirements[p].id;
          if (std::find(res.unknown.begin(), res.unknown.end(), id) == res.unknown.end())
            res.unknown.push_back(id);
        }
      for (const auto& o : insp.overrides)
        if (o.area == res.area && (!o.regulation || *o.regulation == reg.id)) res.override = o;
      if (debug)
        log->debug("{} area {}: possible {} grade {}{}", reg.id, res.area,
                   res.possible.grades().size(),
                   res.computed ? to_string(*res.computed) : std::string_view("?"),
                   res.override ? " (overridden)" : "");
    }
  }

  for (std::size_t a = 0; a < areas.size(); ++a) {
    CombinedArea combined{areas[a].id, {}, {}, {}, {}, false};
    bool first = true;
    for (std::size_t r = 0; r < regs.size(); ++r) {
      GradeSet g = ev.results[r * areas.size() + a].effective();
      combined.possible = first ? g : combined.possible.worse_of(g);
      first = false;
    }
    combined.grade = combined.possible.single();
    ev.areas.push_back(combined);
  }

  // Actions, in catalogue order, chosen as the batch grader chooses them.
  scratch.actions.clear();
  detail::choose_actions(data, scratch.graded, scratch.actions);
  std::array<int, 3> per_kind{};
  for (const auto& c : scratch.actions) ++per_kind[static_cast<int>(c.kind)];
  ev.required_actions.reserve(per_kind[0]);
  ev.recommended_actions.reserve(per_kind[1]);
  ev.improvements.reserve(per_kind[2]);
  for (const auto& c : scratch.actions) {
    const int first = std::countr_zero(c.regulations);
    const Requirement& q = data.regulations[regs[first]].requirements[c.position];
    Action action{data.requirement_ids[c.requirement], q.area, q.kind, {}, c.status, c.implied, &q};
    action.regulations.reserve(std::popcount(c.regulations));
    for (std::size_t r = 0; r < regs.size(); ++r)
      if (c.regulations >> r & 1) action.regulations.push_back(data.regulations[regs[r]].id);
    auto& list = q.kind == Kind::provision ? ev.required_actions
                 : q.kind == Kind::advice  ? ev.recommended_actions
                                           : ev.improvements;
    list.push_back(std::move(action));
  }

  detail::apply_plan(ev, resolved.plan);

  bool certain = false, possible = false;
  for (const auto& r : ev.results) {
    GradeSet g = r.effective();
    certain = certain || g == GradeSet::of(Grade::D);
    possible = possible || g.contains(Grade::D);
  }
  ev.action_plan_required = certain    ? std::optional<bool>(true)
                            : possible ? std::nullopt
                                       : std::optional<bool>(false);
  ev.regulations.reserve(regs.size());
  for (int ri : regs) ev.regulations.push_back(data.regulations[ri].id);
  detail::compare_reported_grades(ev, insp);
  return ev;
}

}  // namespace spur
