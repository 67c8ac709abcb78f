// The action plan against an evaluation: entries matched to requirements (by id or by the text
// a report prints), coverage of required actions, and the D->C adjustment.

#include "plan/plan_coverage.hpp"

#include <algorithm>

#include "rules/yaml_reader.hpp"
#include "spur/action_plan.hpp"
#include "spur/follow_up.hpp"

namespace spur::detail {

int find_plan_requirement(const RuleBookData& data, const std::string& written) {
  if (int g = data.find_global(written); g >= 0) return g;
  auto it = data.text_index.find(normalise_text(written));
  return it == data.text_index.end() ? -1 : it->second;
}

namespace {

// The catalogue text sharing the longest beginning with `written`, to suggest a fix.
std::string closest_text(const RuleBookData& data, const std::string& written) {
  const std::string wanted = normalise_text(written);
  std::size_t best = 0;
  const Requirement* found = nullptr;
  for (const auto& reg : data.regulations)
    for (const auto& q : reg.requirements) {
      const std::string t = normalise_text(q.text);
      std::size_t n = 0;
      while (n < t.size() && n < wanted.size() && t[n] == wanted[n]) ++n;
      if (n > best) best = n, found = &q;
    }
  return found && best >= 12 ? found->id + ": \"" + found->text + "\"" : std::string();
}

// Whether a received entry for that regulation (or for every one) names the requirement.
bool covered_by_plan(const Evaluation& ev, const std::string& id, const std::string& regulation) {
  for (const auto& link : ev.plan)
    if (link.entry->received && link.requirement == id &&
        (!link.entry->regulation || *link.entry->regulation == regulation))
      return true;
  return false;
}

// The positions of the regulation whose status could still become not met: those not assessed,
// and those a not-assessed prerequisite would take with it (unless a finding states them).
void could_turn_unmet(const CompiledRegulation& c, const std::vector<RequirementOutcome>& out,
                      std::vector<std::uint8_t>& open, std::vector<int>& todo) {
  open.assign(out.size(), 0);
  todo.clear();
  for (std::size_t k = 0; k < out.size(); ++k)
    if (out[k].status == Status::not_assessed) {
      open[k] = 1;
      todo.push_back(static_cast<int>(k));
    }
  while (!todo.empty()) {
    const int p = todo.back();
    todo.pop_back();
    for (int d : c.dependents[p]) {
      const auto& o = out[d];
      const bool stated = o.origin == StatusOrigin::finding && o.status != Status::not_assessed;
      if (open[d] || stated || o.status == Status::not_met) continue;
      open[d] = 1;
      todo.push_back(d);
    }
  }
}

// For a certain D: the required actions of the pair that received entries cover and those they
// do not. None uncovered adjusts the grade to C, provisionally while provisions that could
// still turn out unmet (`open_positions`, asked for only then) have no entry.
template <class OpenPositions>
void cover(const Evaluation& ev, AreaResult& res, const RegulationOutcome& outcome,
           const GradingProgram& program, const std::vector<int>& members,
           OpenPositions open_positions) {
  auto provision = [&](int k) {
    return program.kind[k] == static_cast<std::uint8_t>(Kind::provision);
  };
  auto in_plan = [&](int k) {
    return covered_by_plan(ev, outcome.requirements[k].requirement->id, res.regulation);
  };
  auto unmet = [&](int k) { return counts_as_unmet(outcome.requirements[k].status); };
  // Two passes, so each list is allocated once at its final size.
  int n_covered = 0, n_uncovered = 0;
  for (int k : members)
    if (provision(k) && unmet(k)) ++(in_plan(k) ? n_covered : n_uncovered);
  res.covered.reserve(n_covered);
  res.uncovered.reserve(n_uncovered);
  for (int k : members)
    if (provision(k) && unmet(k))
      (in_plan(k) ? res.covered : res.uncovered).push_back(outcome.requirements[k].requirement->id);
  if (n_uncovered > 0 || n_covered == 0) return;
  res.adjusted = Grade::C;
  const std::vector<std::uint8_t>& could_turn = open_positions();
  auto could_undo = [&](int k) {
    return provision(k) && !unmet(k) && could_turn[k] && !in_plan(k);
  };
  res.could_undo.reserve(std::count_if(members.begin(), members.end(), could_undo));
  for (int k : members)
    if (could_undo(k)) res.could_undo.push_back(outcome.requirements[k].requirement->id);
  res.adjustment_provisional = !res.could_undo.empty();
}

// Links each plan entry to its requirement (Evaluation::plan), with a warning for an entry
// that is no required action and for dates that cannot be read.
void link_entries(Evaluation& ev, const std::vector<int>& plan) {
  const Inspection& insp = *ev.inspection;
  const auto& data = ev.book.data();
  ev.plan.reserve(insp.action_plan.size());
  for (std::size_t i = 0; i < insp.action_plan.size(); ++i) {
    const PlanEntry& p = insp.action_plan[i];
    const std::string& id = data.requirement_ids[plan[i]];
    const Requirement* q = ev.book.find_requirement(id);
    const bool required = std::any_of(ev.required_actions.begin(), ev.required_actions.end(),
                                      [&](const Action& a) { return a.requirement == id; });
    ev.plan.push_back({&p, id, q->area, required});
    if (!required)
      ev.diagnostics.push_back({Severity::warning, p.location.file, p.location.line,
                                p.location.column,
                                "the action plan has an entry for " + id +
                                    ", which is not a required action of this inspection",
                                id});
    check_plan_dates(p, id, plan_reference(insp, p), ev.diagnostics);
  }
}

// What received entries cover of every certain D (results are by regulation, then area).
void cover_certain_ds(Evaluation& ev) {
  const auto& data = ev.book.data();
  const std::size_t n_areas = ev.areas.size();
  thread_local std::vector<std::uint8_t> open;
  thread_local std::vector<int> todo;
  for (std::size_t r = 0; r < ev.outcomes.size(); ++r) {
    const RegulationOutcome& outcome = ev.outcomes[r];
    const int ri = data.regulation_index(outcome.regulation);
    const auto& c = data.compiled[ri];
    bool walked = false;
    auto could_turn_unmet_here = [&]() -> const std::vector<std::uint8_t>& {
      if (!walked) could_turn_unmet(c, outcome.requirements, open, todo);
      walked = true;
      return open;
    };
    for (std::size_t a = 0; a < n_areas; ++a) {
      AreaResult& res = ev.results[r * n_areas + a];
      if (res.effective() == GradeSet::of(Grade::D))
        cover(ev, res, outcome, data.programs[ri], c.area_members[a], could_turn_unmet_here);
    }
  }
}

// Each area after the plan: the worst over the regulations, each adjusted where it is.
void combine_after_plan(Evaluation& ev) {
  const std::size_t n_areas = ev.areas.size();
  for (std::size_t a = 0; a < n_areas; ++a) {
    CombinedArea& area = ev.areas[a];
    bool adjusted = false, known = true;
    std::optional<Grade> worst;
    for (std::size_t r = 0; r < ev.outcomes.size(); ++r) {
      const AreaResult& res = ev.results[r * n_areas + a];
      const GradeSet after = res.after_plan();
      area.after_plan = r == 0 ? after : area.after_plan.worse_of(after);
      adjusted = adjusted || res.adjusted;
      area.adjustment_provisional = area.adjustment_provisional || res.adjustment_provisional;
      std::optional<Grade> g = res.adjusted ? res.adjusted : res.grade();
      if (!g)
        known = false;
      else if (!worst || *g > *worst)
        worst = g;
    }
    if (adjusted && known) area.adjusted = worst;
    // A provisional adjustment elsewhere does not matter when another regulation keeps a D.
    if (area.adjusted && *area.adjusted == Grade::D) area.adjustment_provisional = false;
  }
}

}  // namespace

std::vector<int> resolve_plan(const RuleBookData& data, const Inspection& insp,
                              const std::function<bool(std::string_view)>& inspected,
                              std::vector<Diagnostic>& diags) {
  std::vector<int> plan;
  plan.reserve(insp.action_plan.size());
  auto report = [&](const SourceLocation& at, std::string message) {
    diags.push_back({Severity::error,
                     at.file.empty() ? insp.file : at.file,
                     at.line,
                     at.column,
                     std::move(message),
                     {}});
  };
  for (const auto& p : insp.action_plan) {
    const int g = find_plan_requirement(data, p.requirement);
    plan.push_back(g);
    if (g < 0) {
      std::string hint = closest_text(data, p.requirement);
      report(p.location,
             "the action plan names '" + p.requirement +
                 "', which is no requirement id and no requirement text" +
                 (hint.empty() ? std::string(" (write an id such as D1, or the text exactly)")
                               : " (closest: " + hint + ")"));
    }
    if (p.regulation && !inspected(*p.regulation))
      report(p.location, "the action plan entry names " + *p.regulation +
                             ", which this inspection does not inspect");
  }
  return plan;
}

void apply_plan(Evaluation& ev, const std::vector<int>& plan) {
  link_entries(ev, plan);
  cover_certain_ds(ev);
  combine_after_plan(ev);
}

}  // namespace spur::detail
