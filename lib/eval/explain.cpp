// Explanations: the evaluation retraced for one area, in words a study director can read.

#include "spur/explain.hpp"

#include <algorithm>
#include <sstream>

#include "eval/scale.hpp"
#include "rules/yaml_reader.hpp"

namespace spur {

using detail::join;

std::string_view to_string(RowOutcome o) {
  switch (o) {
    case RowOutcome::holds:
      return "holds";
    case RowOutcome::fails:
      return "fails";
    case RowOutcome::unknown:
      return "unknown";
    default:
      return "not_reached";
  }
}

namespace {

std::string_view swedish_kind(Kind k) {
  switch (k) {
    case Kind::provision:
      return "föreskrift";
    case Kind::advice:
      return "allmänt råd";
    default:
      return "kvalitetsindikator";
  }
}

std::string grades_text(GradeSet g) {
  std::vector<std::string> names;
  for (Grade x : g.grades()) names.emplace_back(to_string(x));
  std::string out = "{";
  out += join(names);
  out += "}";
  return out;
}

// ", härlett ur D6 / implied by D6" for an implied requirement, else nothing.
std::string implied_text(const ExplainedRequirement& d) {
  if (d.origin != StatusOrigin::implied) return {};
  return ", härlett ur " + join(d.because, " och ") + " / implied by " + join(d.because, " and ");
}

std::string values_text(const detail::Expression& when, const detail::CountTable& table) {
  std::vector<std::string> parts;
  for (const auto& ref : when.references()) {
    const Interval v =
        table[ref.kind ? static_cast<int>(*ref.kind) : 3][static_cast<int>(ref.metric)];
    std::string name = std::string(ref.kind ? to_string(*ref.kind) : "any") + "." +
                       std::string(detail::to_string(ref.metric));
    std::string text = name + " = " + std::to_string(v.lo) +
                       (v.hi != v.lo ? ".." + std::to_string(v.hi) : std::string());
    if (std::find(parts.begin(), parts.end(), text) == parts.end()) parts.push_back(text);
  }
  return join(parts);
}

const std::vector<std::string>& because(const Evaluation& ev, const RequirementOutcome& o) {
  static const std::vector<std::string> none;
  return o.implication < 0 ? none : ev.implied[o.implication].because;
}

ExplainedRequirement describe(const Evaluation& ev, const RequirementOutcome& o) {
  ExplainedRequirement e{o.requirement->id, o.requirement->kind, o.status, o.origin,
                         because(ev, o),    o.requirement->text, {}};
  if (ev.inspection)
    if (const Finding* f = ev.inspection->find(e.id)) e.note = f->note;
  return e;
}

// "F1 räknas som ej uppfyllt eftersom D6 inte är uppfyllt", following implied prerequisites.
std::string chain(const Evaluation& ev, const RegulationOutcome& outcome,
                  const RequirementOutcome& o, int depth = 0) {
  const auto& why = because(ev, o);
  std::string text = o.requirement->id + " räknas som ej uppfyllt eftersom " + join(why, " och ") +
                     (why.size() > 1 ? " inte är uppfyllda" : " inte är uppfyllt");
  if (depth > 16) return text;
  for (const auto& id : why)
    if (const RequirementOutcome* p = outcome.find(id); p && p->origin == StatusOrigin::implied)
      text += "; " + chain(ev, outcome, *p, depth + 1);
  return text;
}

}  // namespace

std::vector<Explanation> explain(const Evaluation& ev, std::string_view area,
                                 std::string_view regulation) {
  const auto& data = ev.book.data();
  auto ai = data.area_index.find(std::string(area));
  if (ai == data.area_index.end())
    throw LookupError("unknown area '" + std::string(area) + "' (areas: A to H)");
  std::vector<std::string> regs = ev.regulations;
  if (!regulation.empty()) {
    ev.result(area, regulation);  // throws when not inspected
    regs = {std::string(regulation)};
  }
  const auto& cs = data.area_scales[ai->second];
  const Area& area_def = data.model.areas[ai->second];
  std::vector<Explanation> out;
  for (const auto& reg : regs) {
    const AreaResult& res = ev.result(area, reg);
    const RegulationOutcome* outcome = nullptr;
    for (const auto& o : ev.outcomes)
      if (o.regulation == reg) outcome = &o;
    Explanation x;
    x.regulation = reg;
    x.area = res.area;
    x.area_name = area_def.name;
    x.scale = res.scale;
    x.possible = res.possible;
    x.computed = res.computed;
    x.override = res.override;
    x.adjusted = res.adjusted;
    x.adjustment_provisional = res.adjustment_provisional;
    x.after_plan = res.after_plan();
    x.covered = res.covered;
    x.uncovered = res.uncovered;
    x.could_undo = res.could_undo;
    for (const auto& link : ev.plan) x.plan_received = x.plan_received || link.entry->received;
    x.deciding_row = res.deciding_row;
    const auto table = detail::interval_counts(res.counts);
    std::vector<detail::Tri> outcomes;
    detail::grade_with(cs, table, &outcomes);
    for (std::size_t i = 0; i < cs.scale->rows.size(); ++i) {
      const ScaleRow& row = cs.scale->rows[i];
      RowTrace t{row.grade, row.when, row.text, RowOutcome::not_reached,
                 values_text(cs.when[i], table)};
      if (i < outcomes.size())
        t.outcome = outcomes[i] == detail::Tri::yes  ? RowOutcome::holds
                    : outcomes[i] == detail::Tri::no ? RowOutcome::fails
                                                     : RowOutcome::unknown;
      x.rows.push_back(std::move(t));
    }
    for (const auto& id : res.decisive)
      if (const RequirementOutcome* o = outcome->find(id)) x.decisive.push_back(describe(ev, *o));
    for (const auto& o : outcome->requirements)
      if (o.requirement->area == x.area && counts_as_unmet(o.status) &&
          std::find(res.decisive.begin(), res.decisive.end(), o.requirement->id) ==
              res.decisive.end())
        x.other_unmet.push_back(describe(ev, o));
    for (const auto& o : outcome->requirements) {
      if (o.requirement->area != x.area || o.origin != StatusOrigin::implied) continue;
      x.implied.push_back(describe(ev, o));
      x.chains.push_back(chain(ev, *outcome, o));
    }
    for (const auto& c : ev.conflicts)
      if (c.regulation == reg && outcome->find(c.requirement) &&
          outcome->find(c.requirement)->requirement->area == x.area)
        x.conflicts.push_back(c);
    if (!res.computed && ev.inspection) {
      // Settle each unknown finding both ways and grade again: exact, implications included.
      for (const auto& id : res.unknown) {
        auto settled = [&](Status status) {
          auto copy = std::make_shared<Inspection>(*ev.inspection);
          copy->warnings.clear();
          Finding* f = nullptr;
          for (auto& existing : copy->findings)
            if (existing.requirement == id) f = &existing;
          if (!f) f = &copy->findings.emplace_back(Finding{id, {}, {}, {}, {}});
          f->status = status;
          f->by_regulation.clear();
          return evaluate(ev.book, std::shared_ptr<const Inspection>(copy))
              .result(area, reg)
              .possible;
        };
        x.settle.push_back({id, settled(Status::met), settled(Status::not_met)});
      }
    }
    if (auto g = res.grade())
      for (const auto& row : cs.scale->rows)
        if (row.grade == *g) {
          x.scale_text = row.text;
          break;
        }
    out.push_back(std::move(x));
  }
  return out;
}

std::string render(const Explanation& x) {
  std::ostringstream s;
  s << "Område " << x.area << ". " << x.area_name << "  [" << x.regulation << ", scale " << x.scale
    << "]\n";
  if (x.override) {
    s << "Gradering / grade: " << to_string(x.override->grade)
      << " (ändrad av granskarna / overridden by the inspectors; beräknad / computed "
      << (x.computed ? std::string(to_string(*x.computed)) : grades_text(x.possible)) << ")\n"
      << "  Motivering / reason: " << x.override->reason << "\n";
  } else if (x.computed) {
    s << "Gradering / grade: " << to_string(*x.computed) << "\n";
  } else {
    s << "Gradering / grade: preliminär / provisional, möjliga / possible "
      << grades_text(x.possible) << "\n";
  }
  if (x.adjusted) {
    s << "Efter handlingsplanen / after the action plan: " << to_string(*x.adjusted)
      << " (handlingsplan inkommen, justerad från D / plan received, adjusted from D)\n"
      << "  Planen täcker / the plan covers: " << join(x.covered) << "\n";
    if (x.adjustment_provisional)
      s << "  Preliminär / provisional: " << join(x.could_undo, " och ")
        << (x.could_undo.size() > 1 ? " är ej bedömda" : " är ej bedömt")
        << " och saknas i planen; ej uppfyllt blir gradering D igen / not assessed and not in "
           "the plan; found unmet, the grade is D again\n";
  } else if (!x.uncovered.empty()) {
    s << "Efter handlingsplanen / after the action plan: D ("
      << (x.plan_received ? "planen täcker inte / the plan does not cover "
                          : "ingen handlingsplan inkommen / no plan received; krävs för / "
                            "required for ")
      << join(x.uncovered) << ")\n";
    if (!x.covered.empty()) s << "  Planen täcker / the plan covers: " << join(x.covered) << "\n";
  }
  s << "\nSkalan, första raden som gäller avgör / the first row that holds decides:\n";
  for (std::size_t i = 0; i < x.rows.size(); ++i) {
    const auto& r = x.rows[i];
    std::string_view verdict = r.outcome == RowOutcome::holds     ? "gäller / holds"
                               : r.outcome == RowOutcome::fails   ? "gäller inte / fails"
                               : r.outcome == RowOutcome::unknown ? "okänt / unknown"
                                                                  : "prövas inte / not reached";
    s << (static_cast<int>(i) == x.deciding_row ? "  > " : "    ") << to_string(r.grade) << "  "
      << r.when << "  -> " << verdict;
    if (!r.values.empty()) s << "  (" << r.values << ")";
    s << "\n";
  }
  if (!x.decisive.empty()) {
    s << "\nAvgörande krav / decisive requirements:\n";
    for (const auto& d : x.decisive) {
      s << "  " << d.id << " (" << swedish_kind(d.kind) << ", " << swedish(d.status)
        << implied_text(d) << "): " << d.text << "\n";
      if (!d.note.empty()) s << "      Not / note: " << d.note << "\n";
    }
  }
  if (!x.other_unmet.empty()) {
    s << "\n"
      << (x.decisive.empty() && !x.computed ? "Ej uppfyllda krav / unmet requirements"
                                            : "Övriga ej uppfyllda / other unmet")
      << ":\n";
    for (const auto& d : x.other_unmet)
      s << "  " << d.id << " (" << swedish_kind(d.kind) << ", " << swedish(d.status)
        << implied_text(d) << "): " << d.text << "\n";
  }
  if (!x.chains.empty()) {
    s << "\nHärledda / implied:\n";
    for (const auto& c : x.chains) s << "  " << c << ".\n";
  }
  if (!x.conflicts.empty()) {
    s << "\nMotsägelser / conflicts:\n";
    for (const auto& c : x.conflicts) s << "  " << c.message << ".\n";
  }
  if (!x.settle.empty()) {
    s << "\nEj bedömda krav som avgör / findings that would settle it:\n";
    for (const auto& st : x.settle)
      s << "  " << st.requirement << ": uppfyllt / met -> " << grades_text(st.if_met)
        << ", ej uppfyllt / not met -> " << grades_text(st.if_not_met) << "\n";
  }
  if (!x.scale_text.empty()) s << "\nSkaltext / scale text: " << x.scale_text << "\n";
  return s.str();
}

}  // namespace spur
