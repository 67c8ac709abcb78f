#include "text_output.hpp"

#include <sstream>

namespace spur::cli {

namespace {

std::string grade_cell(GradeSet possible, std::optional<Grade> grade) {
  if (grade) return std::string(to_string(*grade));
  std::string out;
  for (Grade g : possible.grades()) {
    if (!out.empty()) out += '/';
    out += to_string(g);
  }
  return out + "?";
}

std::string join(const std::vector<std::string>& items, std::string_view sep = ", ") {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : std::string(sep)) + i;
  return out;
}

// "(härlett ur D6 / implied by D6) " for an implied action, else nothing.
std::string implied_note(const Evaluation& ev, const Action& a) {
  if (!a.implied) return {};
  const auto because = ev.implied_by(a.requirement);
  return "(härlett ur " + join(because, " och ") + " / implied by " + join(because, " and ") + ") ";
}

void actions(std::ostringstream& s, const Evaluation& ev, const char* title,
             const std::vector<Action>& list, std::optional<std::size_t> width) {
  if (list.empty()) return;
  const std::size_t regulation_count = ev.regulations.size();
  s << "\n" << title << " (" << list.size() << "):\n";
  for (const auto& a : list) {
    std::string text;
    if (regulation_count > 1) text += "[" + join(a.regulations) + "] ";
    if (a.status == Status::partially_met) text += "(delvis uppfyllt) ";
    text += implied_note(ev, a);
    text += a.definition ? a.definition->text : "";
    const std::string lead = "  " + pad(a.requirement, 4);
    const std::size_t indent = display_width(lead);
    if (!width || display_width(lead + text) <= *width) {
      s << lead << text << "\n";
      continue;
    }
    auto lines = wrap(text, *width > indent + 20 ? *width - indent : 20);
    for (std::size_t i = 0; i < lines.size(); ++i)
      s << (i ? std::string(indent, ' ') : lead) << lines[i] << "\n";
  }
}

// The grade of a (regulation, area) as the tables show it: "D", "A/B?", "D->C", "D->C?" (the
// adjustment provisional), "B*" (overridden).
std::string result_cell(const AreaResult& res) {
  std::string cell = grade_cell(res.effective(), res.grade());
  if (res.adjusted)
    cell += "->" + std::string(to_string(*res.adjusted)) + (res.adjustment_provisional ? "?" : "");
  if (res.override) cell += "*";
  return cell;
}

std::string combined_cell(const CombinedArea& a) {
  std::string cell = grade_cell(a.possible, a.grade);
  if (a.adjusted)
    cell += "->" + std::string(to_string(*a.adjusted)) + (a.adjustment_provisional ? "?" : "");
  return cell;
}

// For each certain D: what the received plan covers, what it leaves, and what could still undo
// an adjustment. Empty when nothing was graded D.
std::string plan_lines(const Evaluation& ev) {
  std::ostringstream s;
  const bool several = ev.regulations.size() > 1;
  for (const auto& r : ev.results) {
    if (r.effective() != GradeSet::of(Grade::D)) continue;
    s << "  " << (several ? "[" + r.regulation + "] " : std::string()) << r.area << "  "
      << result_cell(r) << "  ";
    std::vector<std::string> parts;
    if (!r.covered.empty()) parts.push_back("planen täcker / the plan covers " + join(r.covered));
    if (!r.uncovered.empty())
      parts.push_back("utan åtgärd i planen / not covered by the plan: " + join(r.uncovered));
    if (r.adjustment_provisional)
      parts.push_back("preliminär tills " + join(r.could_undo, " och ") +
                      (r.could_undo.size() > 1 ? " är bedömda" : " är bedömt") +
                      " / provisional until " + join(r.could_undo, " and ") +
                      (r.could_undo.size() > 1 ? " are" : " is") + " assessed");
    s << join(parts, "; ") << "\n";
  }
  return s.str();
}

}  // namespace

std::string evaluation_table(const Evaluation& ev, std::optional<std::size_t> width) {
  std::ostringstream s;
  const auto& model = ev.book.model();
  std::string title = ev.unit.empty() ? ev.inspection_id : ev.unit;
  if (!ev.inspection_id.empty() && !ev.unit.empty()) title += "  (" + ev.inspection_id + ")";
  std::ostringstream head;
  head << (title.empty() ? ev.file : title) << "\n";
  if (!ev.applicability.empty()) {
    head << "Regelverk ur ST-läkarna / regulations from the trainees:\n";
    for (const auto& a : ev.applicability)
      for (const auto& reason : a.reasons) head << "  " << reason << "\n";
  }
  s << wrap_lines(head.str(), width) << "\n";
  std::vector<Table::Column> columns{{"Område / area", true, 3}};
  for (const auto& r : ev.regulations) columns.push_back({r});
  if (ev.regulations.size() > 1) columns.push_back({"samlad / combined"});
  Table table(columns);
  bool any_override = false, any_provisional = false, any_adjusted = false,
       any_adjustment_provisional = false;
  for (std::size_t a = 0; a < model.areas.size(); ++a) {
    const Area& area = model.areas[a];
    std::vector<std::string> row{area.id + "  " + area.name};
    for (std::size_t r = 0; r < ev.regulations.size(); ++r) {
      const AreaResult& res = ev.results[r * model.areas.size() + a];
      any_adjusted = any_adjusted || (res.adjusted && !res.adjustment_provisional);
      any_adjustment_provisional = any_adjustment_provisional || res.adjustment_provisional;
      any_override = any_override || res.override;
      any_provisional = any_provisional || !res.grade();
      row.push_back(result_cell(res));
    }
    if (ev.regulations.size() > 1) row.push_back(combined_cell(ev.areas[a]));
    table.add_row(std::move(row));
  }
  s << table.render(width);
  std::ostringstream notes;
  if (any_override) notes << "  * ändrad av granskarna / overridden by the inspectors\n";
  if (any_adjusted)
    notes << "  D->C handlingsplan inkommen, gradering justerad till C / action plan received, "
             "grade adjusted to C\n";
  if (any_adjustment_provisional)
    notes << "  D->C? handlingsplan inkommen, justering preliminär: ej bedömda föreskrifter "
             "utan åtgärd i planen kan göra det till D igen / action plan received, adjustment "
             "provisional: provisions not assessed and not in the plan could make it D again\n";
  if (any_provisional)
    notes << "  ? preliminär: möjliga graderingar medan krav är ej bedömda / provisional: grades "
             "still possible while findings are not assessed\n";
  s << wrap_lines(notes.str(), width);
  actions(s, ev, "Åtgärder krävs / required actions", ev.required_actions, width);
  actions(s, ev, "Åtgärder rekommenderas / recommended actions", ev.recommended_actions, width);
  actions(s, ev, "Förbättringspotential / improvements", ev.improvements, width);
  std::ostringstream tail;
  if (!ev.conflicts.empty()) {
    tail << "\nMotsägelser / conflicts (" << ev.conflicts.size() << "):\n";
    for (const auto& c : ev.conflicts) tail << "  " << c.regulation << ": " << c.message << "\n";
  }
  tail << "\nHandlingsplan krävs / action plan required: "
       << (!ev.action_plan_required   ? "kanske / possibly (a D is still possible)"
           : *ev.action_plan_required ? "ja / yes"
                                      : "nej / no")
       << "\n";
  if (!ev.plan.empty()) {
    const std::string lines = plan_lines(ev);
    if (!lines.empty()) tail << "Handlingsplanen / the action plan:\n" << lines;
  }
  s << wrap_lines(tail.str(), width);
  return s.str();
}

namespace {

std::string_view swedish(PlanState s) {
  switch (s) {
    case PlanState::planned:
      return "planerad";
    case PlanState::due:
      return "pågår";
    case PlanState::overdue:
      return "försenad";
    case PlanState::unreadable:
      return "oläsligt";
    default:
      return "klar";
  }
}

std::string interval(const std::optional<Date>& start, const std::optional<Date>& end) {
  if (!start) return "-";
  if (!end || *start == *end) return start->iso();
  return start->iso() + ".." + end->iso();
}

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace

std::string plan_table(const Evaluation& ev, const PlanStatus& st,
                       std::optional<std::size_t> width) {
  std::ostringstream s;
  s << "Handlingsplan / action plan: " << (ev.unit.empty() ? ev.inspection_id : ev.unit)
    << "\nPer / as of " << st.as_of.iso() << "\n";
  if (ev.plan.empty()) {
    s << "\nIngen handlingsplan / no action plan in the inspection file.\n";
    if (ev.action_plan_required.value_or(false))
      s << "En handlingsplan krävs / an action plan is required (" << ev.required_actions.size()
        << " required actions).\n";
    return wrap_lines(s.str(), width);
  }
  s << "Planen / the plan: "
    << (st.received ? "inkommen / received" : "ej inkommen / not received");
  if (st.received_on) s << " " << st.received_on->iso();
  if (st.plan_due) {
    s << "; skulle in senast / due " << st.plan_due->iso();
    if (st.in_time) s << (*st.in_time ? " (i tid / in time)" : " (sent / late)");
  } else {
    s << "; inspektionsdatum saknas / no inspection date, so no plan deadline";
  }
  s << "\n";
  const std::string grades = plan_lines(ev);
  if (!grades.empty()) s << "Gradering efter planen / grade after the plan:\n" << grades;
  std::string out = wrap_lines(s.str(), width) + "\n";
  Table table({{"Krav"},
               {"Omr."},
               {"Genomförd senast / due", true, 2},
               {"Status"},
               {"Nästa uppföljning / next follow-up", true, 2},
               {"Ansvarig / responsible", true, 2}});
  for (const auto& item : st.items) {
    const PlanEntry& p = *item.entry;
    std::string due = p.due.empty() ? "-" : p.due;
    if (item.due_start) due += " (" + interval(item.due_start, item.due_end) + ")";
    std::string next = item.next_follow_up         ? item.next_follow_up->iso()
                       : item.follow_up_unreadable ? "oläsligt / unreadable"
                                                   : "-";
    for (const auto& part : item.follow_up.parts)
      if (part.recurrence != Recurrence::none) {
        next += part.recurrence == Recurrence::yearly ? " (årligen)" : " (varje termin)";
        break;
      }
    std::string state =
        std::string(swedish(item.state)) + " / " + std::string(to_string(item.state));
    if (item.state == PlanState::done && p.done) state += " " + p.done->iso();
    std::string responsible = p.responsible.empty() ? "-" : p.responsible;
    if (!p.follow_up_responsible.empty() && p.follow_up_responsible != p.responsible)
      responsible += " (uppföljning / follow-up: " + p.follow_up_responsible + ")";
    std::string requirement = item.requirement;
    if (const auto because = ev.implied_by(item.requirement); !because.empty())
      requirement += " (härlett ur " + join(because, " och ") + ")";
    table.add_row({requirement, item.area, due, state, next, responsible});
  }
  out += table.render(width);
  std::ostringstream tail;
  if (!st.warnings.empty()) {
    tail << "\nAnmärkningar / notes on the dates:\n";
    for (const auto& w : st.warnings) tail << "  " << w << "\n";
  }
  return out + wrap_lines(tail.str(), width);
}

std::string actions_csv_header() {
  return "inspection,unit,action,requirement,area,kind,regulations,status,implied,text,"
         "implied_by,area_grade,area_grade_after_plan,in_plan\n";
}

std::string actions_csv(const Evaluation& ev, bool header) {
  std::ostringstream s;
  if (header) s << actions_csv_header();
  auto rows = [&](const char* type, const std::vector<Action>& list) {
    for (const auto& a : list) {
      std::string regs;
      for (const auto& r : a.regulations) regs += (regs.empty() ? "" : ";") + r;
      const CombinedArea& area = ev.combined(a.area);
      bool in_plan = false;
      for (const auto& link : ev.plan)
        in_plan = in_plan || (link.entry->received && link.requirement == a.requirement);
      s << csv_field(ev.inspection_id) << "," << csv_field(ev.unit) << "," << type << ","
        << a.requirement << "," << a.area << "," << to_string(a.kind) << "," << regs << ","
        << to_string(a.status) << "," << (a.implied ? "true" : "false") << ","
        << csv_field(a.definition ? a.definition->text : "") << ","
        << join(ev.implied_by(a.requirement), ";") << "," << grade_cell(area.possible, area.grade)
        << "," << grade_cell(area.after_plan, area.grade_after_plan()) << ","
        << (in_plan ? "true" : "false") << "\n";
    }
  };
  rows("required", ev.required_actions);
  rows("recommended", ev.recommended_actions);
  rows("improvement", ev.improvements);
  return s.str();
}

std::string requirements_table(const Regulation& reg, std::optional<std::size_t> width) {
  std::ostringstream s;
  std::ostringstream head;
  head << reg.id << ": " << reg.title << "\n";
  if (reg.based_on) head << "based on " << *reg.based_on << "\n";
  head << reg.requirements.size() << " requirements\n\n";
  s << wrap_lines(head.str(), width);
  for (const auto& q : reg.requirements) {
    const std::string lead = pad(q.id, 5) + pad(std::string(to_string(q.kind)), 10) +
                             pad(std::string(to_string(q.confidence)), 7);
    std::string text = q.text;
    if (!q.prerequisites.empty()) text += "  [requires " + join(q.prerequisites) + "]";
    const std::size_t indent = display_width(lead);
    if (!width || indent + display_width(text) <= *width) {
      s << lead << text << "\n";
      continue;
    }
    auto lines = wrap(text, *width > indent + 20 ? *width - indent : 20);
    for (std::size_t i = 0; i < lines.size(); ++i)
      s << (i ? std::string(indent, ' ') : lead) << lines[i] << "\n";
  }
  return s.str();
}

}  // namespace spur::cli
