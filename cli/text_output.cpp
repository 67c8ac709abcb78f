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
  s << (title.empty() ? ev.file : title) << "\n\n";
  const std::size_t name_width = 58;
  s << pad("Område / area", name_width);
  for (const auto& r : ev.regulations) s << pad(r, 16);
  if (ev.regulations.size() > 1) s << "samlad / combined";
  s << "\n";
  bool any_override = false, any_provisional = false;
  for (std::size_t a = 0; a < model.areas.size(); ++a) {
    const Area& area = model.areas[a];
    std::string name = area.id + "  " + area.name;
    if (width(name) > name_width - 2) name = name.substr(0, name_width - 5) + "...";
    s << pad(name, name_width);
    for (std::size_t r = 0; r < ev.regulations.size(); ++r) {
      const AreaResult& res = ev.results[r * model.areas.size() + a];
      std::string cell = grade_cell(res.effective(), res.grade());
      if (res.override) {
        cell += "*";
        any_override = true;
      }
      any_provisional = any_provisional || !res.grade();
      s << pad(cell, 16);
    }
    if (ev.regulations.size() > 1) s << grade_cell(ev.areas[a].possible, ev.areas[a].grade);
    s << "\n";
  }
  if (any_override) s << "  * ändrad av granskarna / overridden by the inspectors\n";
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
