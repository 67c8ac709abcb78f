#include "text_output.hpp"

#include <sstream>

namespace spur::cli {

namespace {

// Width in characters, counting each UTF-8 sequence once.
std::size_t width(const std::string& s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

std::string pad(const std::string& s, std::size_t w) {
  std::size_t n = width(s);
  return n >= w ? s + " " : s + std::string(w - n, ' ');
}

std::string grade_cell(GradeSet possible, std::optional<Grade> grade) {
  if (grade) return std::string(to_string(*grade));
  std::string out;
  for (Grade g : possible.grades()) {
    if (!out.empty()) out += '/';
    out += to_string(g);
  }
  return out + "?";
}

void actions(std::ostringstream& s, const char* title, const std::vector<Action>& list,
             std::size_t regulation_count) {
  if (list.empty()) return;
  s << "\n" << title << " (" << list.size() << "):\n";
  for (const auto& a : list) {
    s << "  " << pad(a.requirement, 4);
    if (regulation_count > 1) {
      std::string regs;
      for (const auto& r : a.regulations) regs += (regs.empty() ? "" : ", ") + r;
      s << "[" << regs << "] ";
    }
    if (a.status == Status::partially_met) s << "(delvis uppfyllt) ";
    if (a.implied) s << "(härlett / implied) ";
    s << (a.definition ? a.definition->text : "") << "\n";
  }
}

}  // namespace

std::string evaluation_table(const Evaluation& ev) {
  std::ostringstream s;
  const auto& model = ev.book.model();
  std::string title = ev.unit.empty() ? ev.inspection_id : ev.unit;
  if (!ev.inspection_id.empty() && !ev.unit.empty()) title += "  (" + ev.inspection_id + ")";
  s << (title.empty() ? ev.file : title) << "\n";
  if (!ev.applicability.empty()) {
    s << "Regelverk ur ST-läkarna / regulations from the trainees:\n";
    for (const auto& a : ev.applicability)
      for (const auto& reason : a.reasons) s << "  " << reason << "\n";
  }
  s << "\n";
  const std::size_t name_width = 58;
  s << pad("Område / area", name_width);
  for (const auto& r : ev.regulations) s << pad(r, 16);
  if (ev.regulations.size() > 1) s << "samlad / combined";
  s << "\n";
  bool any_override = false, any_provisional = false, any_adjusted = false;
  for (std::size_t a = 0; a < model.areas.size(); ++a) {
    const Area& area = model.areas[a];
    std::string name = area.id + "  " + area.name;
    if (width(name) > name_width - 2) {
      // Cut at a character boundary: names are Swedish.
      std::size_t cut = 0;
      for (std::size_t chars = 0; cut < name.size() && chars < name_width - 5; ++chars) do
          ++cut;
        while (cut < name.size() && (static_cast<unsigned char>(name[cut]) & 0xC0) == 0x80);
      name = name.substr(0, cut) + "...";
    }
    s << pad(name, name_width);
    for (std::size_t r = 0; r < ev.regulations.size(); ++r) {
      const AreaResult& res = ev.results[r * model.areas.size() + a];
      std::string cell = grade_cell(res.effective(), res.grade());
      if (res.adjusted) {
        cell += "->" + std::string(to_string(*res.adjusted));
        any_adjusted = true;
      }
      if (res.override) {
        cell += "*";
        any_override = true;
      }
      any_provisional = any_provisional || !res.grade();
      s << pad(cell, 16);
    }
    if (ev.regulations.size() > 1) {
      s << grade_cell(ev.areas[a].possible, ev.areas[a].grade);
      if (ev.areas[a].adjusted) s << "->" << to_string(*ev.areas[a].adjusted);
    }
    s << "\n";
  }
  if (any_override) s << "  * ändrad av granskarna / overridden by the inspectors\n";
  if (any_adjusted)
    s << "  D->C handlingsplan inkommen, gradering justerad till C / action plan received, "
         "grade adjusted to C\n";
  if (any_provisional)
    s << "  ? preliminär: möjliga graderingar medan krav är ej bedömda / provisional: grades "
         "still possible while findings are not assessed\n";
  const std::size_t n = ev.regulations.size();
  actions(s, "Åtgärder krävs / required actions", ev.required_actions, n);
  actions(s, "Åtgärder rekommenderas / recommended actions", ev.recommended_actions, n);
  actions(s, "Förbättringspotential / improvements", ev.improvements, n);
  if (!ev.conflicts.empty()) {
    s << "\nMotsägelser / conflicts (" << ev.conflicts.size() << "):\n";
    for (const auto& c : ev.conflicts) s << "  " << c.regulation << ": " << c.message << "\n";
  }
  s << "\nHandlingsplan krävs / action plan required: "
    << (!ev.action_plan_required   ? "kanske / possibly (a D is still possible)"
        : *ev.action_plan_required ? "ja / yes"
                                   : "nej / no")
    << "\n";
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

std::string plan_table(const Evaluation& ev, const PlanStatus& st) {
  std::ostringstream s;
  s << "Handlingsplan / action plan: " << (ev.unit.empty() ? ev.inspection_id : ev.unit)
    << "\nPer / as of " << st.as_of.iso() << "\n";
  if (ev.plan.empty()) {
    s << "\nIngen handlingsplan / no action plan in the inspection file.\n";
    if (ev.action_plan_required.value_or(false))
      s << "En handlingsplan krävs / an action plan is required (" << ev.required_actions.size()
        << " required actions).\n";
    return s.str();
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
  s << "\n\n";
  s << pad("Krav", 6) << pad("Omr.", 5) << pad("Genomförd senast / due", 42) << pad("Status", 20)
    << pad("Nästa uppföljning / next follow-up", 37) << "Ansvarig / responsible\n";
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
    s << pad(item.requirement, 6) << pad(item.area, 5) << pad(due, 42) << pad(state, 20)
      << pad(next, 37) << (p.responsible.empty() ? "-" : p.responsible);
    if (!p.follow_up_responsible.empty() && p.follow_up_responsible != p.responsible)
      s << " (uppföljning / follow-up: " << p.follow_up_responsible << ")";
    s << "\n";
  }
  std::vector<std::string> uncovered;
  for (const auto& r : ev.results)
    for (const auto& id : r.uncovered) uncovered.push_back(r.regulation + " " + id);
  if (!uncovered.empty()) {
    s << "\nUtan åtgärd i planen / required actions the plan does not cover:\n";
    for (const auto& u : uncovered) s << "  " << u << "\n";
  }
  if (!st.warnings.empty()) {
    s << "\nAnmärkningar / notes on the dates:\n";
    for (const auto& w : st.warnings) s << "  " << w << "\n";
  }
  return s.str();
}

std::string actions_csv_header() {
  return "inspection,unit,action,requirement,area,kind,regulations,status,implied,text\n";
}

std::string actions_csv(const Evaluation& ev, bool header) {
  std::ostringstream s;
  if (header) s << actions_csv_header();
  auto rows = [&](const char* type, const std::vector<Action>& list) {
    for (const auto& a : list) {
      std::string regs;
      for (const auto& r : a.regulations) regs += (regs.empty() ? "" : ";") + r;
      s << csv_field(ev.inspection_id) << "," << csv_field(ev.unit) << "," << type << ","
        << a.requirement << "," << a.area << "," << to_string(a.kind) << "," << regs << ","
        << to_string(a.status) << "," << (a.implied ? "true" : "false") << ","
        << csv_field(a.definition ? a.definition->text : "") << "\n";
    }
  };
  rows("required", ev.required_actions);
  rows("recommended", ev.recommended_actions);
  rows("improvement", ev.improvements);
  return s.str();
}

std::string requirements_table(const Regulation& reg) {
  std::ostringstream s;
  s << reg.id << ": " << reg.title << "\n";
  if (reg.based_on) s << "based on " << *reg.based_on << "\n";
  s << reg.requirements.size() << " requirements\n\n";
  for (const auto& q : reg.requirements) {
    s << pad(q.id, 5) << pad(std::string(to_string(q.kind)), 10)
      << pad(std::string(to_string(q.confidence)), 7) << q.text;
    if (!q.prerequisites.empty()) {
      std::string req;
      for (const auto& p : q.prerequisites) req += (req.empty() ? "" : ", ") + p;
      s << "  [requires " << req << "]";
    }
    s << "\n";
  }
  return s.str();
}

}  // namespace spur::cli
