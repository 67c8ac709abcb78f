// Evaluation: findings -> effective statuses (with implications through the rule graph) ->
// counts -> first-hit scale tables in three-valued logic -> grades, actions and plan status.
// The grading program (lib/batch) computes statuses and grades, as it does for the batch
// grader; the steps here explain them.

#include <algorithm>
#include <bit>
#include <span>

#include "batch/action_selection.hpp"
#include "batch/grading_program.hpp"
#include "eval/check.hpp"
#include "eval/reported_grades.hpp"
#include "logging.hpp"
#include "plan/plan_coverage.hpp"
#include "rules/rule_book_data.hpp"
#include "rules/yaml_reader.hpp"
#include "spur/evaluation.hpp"

namespace spur {

namespace {

using detail::GradeWork;
using detail::join;
using detail::RuleBookData;

// Scratch space kept by each thread: the grading program's work for each inspected
// regulation (the actions read them all), and the actions chosen.
struct Scratch {
  std::vector<GradeWork> works;
  std::vector<detail::GradedStatuses> graded;
  std::vector<detail::ActionChoice> actions;
};

// The inspected regulations in the rule book's order, so output is stable whatever the
// file's order.
std::vector<int> in_book_order(const RuleBookData& data, const std::vector<std::string>& ids) {
  std::vector<int> regs;
  regs.reserve(ids.size());
  for (std::size_t i = 0; i < data.regulations.size(); ++i)
    if (std::find(ids.begin(), ids.end(), data.regulations[i].id) != ids.end())
      regs.push_back(static_cast<int>(i));
  return regs;
}

// The status the inspection states for each requirement of a regulation: its finding's,
// else the default.
void read_statuses(const RuleBookData& data, int ri, const Inspection& insp,
                   const std::vector<int>& finding_index, RegulationOutcome& outcome) {
  const Regulation& reg = data.regulations[ri];
  const auto& position_of = data.compiled[ri].position_of;
  outcome.regulation = reg.id;
  auto& out = outcome.requirements;
  out = data.outcomes[ri][static_cast<int>(insp.default_status)];
  for (std::size_t i = 0; i < insp.findings.size(); ++i) {
    const int k = position_of[finding_index[i]];
    if (k < 0) continue;
    if (auto s = insp.findings[i].status_in(reg.id)) {
      out[k].status = *s;
      out[k].origin = StatusOrigin::finding;
    }
  }
}

// Runs the statuses through the regulation's grading program: `work` then holds them after
// implications, which were implied, and each area's counts and possible grades.
void grade(const RuleBookData& data, int ri, const RegulationOutcome& outcome, GradeWork& work) {
  const auto& program = data.programs[ri];
  work.details = true;
  detail::prepare(program, work);
  const auto& out = outcome.requirements;
  for (std::size_t k = 0; k < out.size(); ++k)
    work.cell[k] = static_cast<std::uint8_t>(
        static_cast<std::uint8_t>(out[k].status) |
        (out[k].origin == StatusOrigin::finding ? detail::finding_bit : 0));
  detail::grade(data, program, work);
}

// Why statuses changed, prerequisites first: a prerequisite that is not met (found or implied)
// made its dependents not met unless a finding states their status. A dependent found met all
// the same is a conflict.
void explain_implications(Evaluation& ev, const Regulation& reg,
                          const detail::GradingProgram& program, const GradeWork& work,
                          RegulationOutcome& outcome) {
  const bool debug = detail::debug_logging();
  // The program's implication edges: requirements with prerequisites, prerequisites first.
  for (const auto& edge : program.implied) {
    const std::span<const std::int32_t> prerequisites(program.prerequisite_list.data() + edge.begin,
                                                      program.prerequisite_list.data() + edge.end);
    auto not_met = [&](int p) { return detail::status_of(work.cell[p]) == detail::not_met_code; };
    const auto n_unmet = std::count_if(prerequisites.begin(), prerequisites.end(), not_met);
    if (n_unmet == 0) continue;
    std::vector<std::string> unmet;
    unmet.reserve(n_unmet);
    for (int p : prerequisites)
      if (not_met(p)) unmet.push_back(reg.requirements[p].id);
    auto& o = outcome.requirements[edge.position];
    if (work.implied[edge.position]) {
      o.status = Status::not_met;
      o.origin = StatusOrigin::implied;
      o.implication = static_cast<int>(ev.implied.size());
      ev.implied.push_back({o.requirement->id, reg.id, std::move(unmet)});
      if (debug)
        detail::logger()->debug("{} {}: implied not_met because {} not met", reg.id,
                                o.requirement->id, join(ev.implied.back().because));
    } else if (o.status == Status::met) {
      std::string message = o.requirement->id + " is recorded as met although its prerequisite " +
                            join(unmet) + (unmet.size() > 1 ? " are" : " is") + " not met";
      ev.conflicts.push_back({o.requirement->id, reg.id, std::move(unmet), std::move(message)});
    }
  }
}

// The grade of one area under one regulation as the program found it, with its counts, the
// requirements that decided it, those not assessed that could still change it, and the
// inspector's override, into `res` (made with its regulation, area and scale).
void explain_area(const RuleBookData& data, int ri, std::size_t a, const Inspection& insp,
                  const RegulationOutcome& outcome, const GradeWork& work, AreaResult& res) {
  const Regulation& reg = data.regulations[ri];
  const auto& cs = data.area_scales[a];
  const auto& out = outcome.requirements;
  const auto& members = data.compiled[ri].area_members[a];
  for (int kind = 0; kind < 3; ++kind) {
    const auto& n = work.counts[a][kind];
    auto at = [&](Status s) { return n[static_cast<int>(s)]; };
    res.counts[kind] = {at(Status::met), at(Status::not_met) + at(Status::partially_met),
                        at(Status::partially_met), at(Status::not_assessed),
                        at(Status::not_applicable)};
  }
  res.has_kind = data.programs[ri].area_programs[a].has_kind;
  res.possible = work.verdicts[a].possible;
  res.deciding_row = work.verdicts[a].deciding_row;
  res.computed = res.possible.single();
  // Decisive: counted by the scale row that decided the grade (none while provisional).
  const detail::Expression* row = res.deciding_row < 0 ? nullptr : &cs.when[res.deciding_row];
  const auto& kind = data.programs[ri].kind;
  auto decisive = [&](int k) {
    return row && row->counts(static_cast<Kind>(kind[k]),
                              static_cast<Status>(detail::status_of(work.cell[k])));
  };
  // Two passes, so each list is allocated once at its final size.
  int n_unknown = 0, n_decisive = 0;
  for (int k : members) {
    n_unknown += detail::status_of(work.cell[k]) == detail::not_assessed_code;
    n_decisive += decisive(k);
  }
  if (n_unknown) res.unknown.reserve(n_unknown);
  if (n_decisive) res.decisive.reserve(n_decisive);
  if (n_unknown || n_decisive)
    for (int k : members) {
      if (detail::status_of(work.cell[k]) == detail::not_assessed_code)
        res.unknown.push_back(out[k].requirement->id);
      if (decisive(k)) res.decisive.push_back(out[k].requirement->id);
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
  if (detail::debug_logging())
    detail::logger()->debug("{} area {}: possible {} grade {}{}", reg.id, res.area,
                            res.possible.grades().size(),
                            res.computed ? to_string(*res.computed) : std::string_view("?"),
                            res.override ? " (overridden)" : "");
}

// Each area across the regulations: the worst of the grades still possible.
void combine_areas(Evaluation& ev, std::size_t n_regulations) {
  const auto& areas = ev.book.data().model.areas;
  ev.areas.reserve(areas.size());
  for (std::size_t a = 0; a < areas.size(); ++a) {
    CombinedArea combined{areas[a].id, {}, {}, {}, {}, false};
    for (std::size_t r = 0; r < n_regulations; ++r) {
      const GradeSet g = ev.results[r * areas.size() + a].effective();
      combined.possible = r == 0 ? g : combined.possible.worse_of(g);
    }
    combined.grade = combined.possible.single();
    ev.areas.push_back(std::move(combined));
  }
}

// The actions, in catalogue order, as the batch grader chooses them too: required for
// provisions, recommended for advice, improvements for indicators.
void list_actions(Evaluation& ev, const std::vector<int>& regs,
                  const std::vector<detail::ActionChoice>& chosen) {
  const auto& data = ev.book.data();
  std::array<int, 3> per_kind{};
  for (const auto& c : chosen) ++per_kind[static_cast<int>(c.kind)];
  ev.required_actions.reserve(per_kind[0]);
  ev.recommended_actions.reserve(per_kind[1]);
  ev.improvements.reserve(per_kind[2]);
  for (const auto& c : chosen) {
    const int first = std::countr_zero(c.regulations);
    const Requirement& q = data.regulations[regs[first]].requirements[c.position];
    auto& list = q.kind == Kind::provision ? ev.required_actions
                 : q.kind == Kind::advice  ? ev.recommended_actions
                                           : ev.improvements;
    // Braces, not parentheses: clang 14 (the sanitizer builds) has no parenthesised
    // aggregate initialisation.
    Action& action = list.emplace_back(Action{data.requirement_ids[c.requirement], q.area, q.kind,
                                              std::vector<std::string>{}, c.status, c.implied, &q});
    int n_regulations = 0;
    for (std::uint32_t bits = c.regulations; bits; bits &= bits - 1) ++n_regulations;
    action.regulations.reserve(n_regulations);
    for (std::size_t r = 0; r < regs.size(); ++r)
      if (c.regulations >> r & 1) action.regulations.push_back(data.regulations[regs[r]].id);
  }
}

// Whether the unit must send an action plan: yes when some area is certainly D, unknown while
// one could still be.
std::optional<bool> action_plan_required(const std::vector<AreaResult>& results) {
  bool certain = false, possible = false;
  for (const auto& r : results) {
    const GradeSet g = r.effective();
    certain = certain || g == GradeSet::of(Grade::D);
    possible = possible || g.contains(Grade::D);
  }
  if (certain) return true;
  if (possible) return std::nullopt;
  return false;
}

// Each inspected regulation's statuses, graded into the scratch space (outcomes without the
// implied statuses yet).
void grade_regulations(Evaluation& ev, const Inspection& insp, const std::vector<int>& regs,
                       const std::vector<int>& finding_index, Scratch& scratch) {
  const auto& data = ev.book.data();
  if (scratch.works.size() < regs.size()) scratch.works.resize(regs.size());
  scratch.graded.resize(regs.size());
  ev.outcomes.reserve(regs.size());
  std::size_t n_implied = 0;
  for (std::size_t r = 0; r < regs.size(); ++r) {
    const int ri = regs[r];
    GradeWork& work = scratch.works[r];
    RegulationOutcome& outcome = ev.outcomes.emplace_back();
    read_statuses(data, ri, insp, finding_index, outcome);
    grade(data, ri, outcome, work);
    n_implied += std::count(work.implied.begin(), work.implied.end(), 1);
    scratch.graded[r] = {&data.programs[ri], work.cell.data(), work.implied.data()};
  }
  ev.implied.reserve(n_implied);
}

// What the grading found, explained: implications and conflicts, then every area's result,
// regulation by regulation.
void explain_regulations(Evaluation& ev, const Inspection& insp, const std::vector<int>& regs,
                         const Scratch& scratch) {
  const auto& data = ev.book.data();
  const std::size_t n_areas = data.model.areas.size();
  ev.results.reserve(regs.size() * n_areas);
  for (std::size_t r = 0; r < regs.size(); ++r) {
    const int ri = regs[r];
    const GradeWork& work = scratch.works[r];
    explain_implications(ev, data.regulations[ri], data.programs[ri], work, ev.outcomes[r]);
    for (std::size_t a = 0; a < n_areas; ++a) {
      AreaResult& res = ev.results.emplace_back();
      res.regulation = data.regulations[ri].id;
      res.area = data.model.areas[a].id;
      res.scale = data.area_scales[a].scale->id;
      explain_area(data, ri, a, insp, ev.outcomes[r], work, res);
    }
  }
}

}  // namespace

Evaluation evaluate(const RuleBook& book, const Inspection& inspection) {
  return evaluate(book, std::make_shared<const Inspection>(inspection));
}

Evaluation evaluate(const RuleBook& book, std::shared_ptr<const Inspection> shared) {
  const Inspection& insp = *shared;
  Evaluation ev{.book = book, .inspection = std::move(shared)};
  detail::Resolved resolved = detail::resolve(book, insp, ev.diagnostics);
  ev.applicability = std::move(resolved.applicability);
  ev.inspection_id = insp.id;
  ev.unit = insp.unit;
  ev.file = insp.file;
  const auto& data = book.data();
  const std::vector<int> regs = in_book_order(data, resolved.regulations);

  thread_local Scratch scratch;
  grade_regulations(ev, insp, regs, resolved.findings, scratch);
  explain_regulations(ev, insp, regs, scratch);
  combine_areas(ev, regs.size());
  scratch.actions.clear();
  detail::choose_actions(data, scratch.graded, scratch.actions);
  list_actions(ev, regs, scratch.actions);
  detail::apply_plan(ev, resolved.plan);
  ev.action_plan_required = action_plan_required(ev.results);
  ev.regulations.reserve(regs.size());
  for (int ri : regs) ev.regulations.push_back(data.regulations[ri].id);
  detail::compare_reported_grades(ev, insp);
  return ev;
}

}  // namespace spur
