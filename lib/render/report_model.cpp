// The model of a report, built once from evaluations: every grade as the Evaluation states it
// (computed, overridden, adjusted after a plan, or provisional), nothing graded again.

#include <algorithm>
#include <fstream>
#include <iterator>
#include <map>
#include <sstream>

#include "render/sha256.hpp"
#include "spur/explain.hpp"
#include "spur/json.hpp"
#include "spur/report.hpp"

namespace spur {

std::optional<Language> parse_language(std::string_view text) {
  if (text == "sv") return Language::sv;
  if (text == "en") return Language::en;
  return std::nullopt;
}

std::optional<ReportFormat> parse_report_format(std::string_view text) {
  if (text == "html") return ReportFormat::html;
  if (text == "md" || text == "markdown") return ReportFormat::markdown;
  if (text == "pdf") return ReportFormat::pdf;
  if (text == "xlsx") return ReportFormat::xlsx;
  return std::nullopt;
}

std::string GradeCell::text() const {
  std::string out;
  if (grade) {
    out = to_string(*grade);
  } else {
    for (Grade g : possible.grades()) out += (out.empty() ? "" : "/") + std::string(to_string(g));
    out += "?";
  }
  if (adjusted && adjusted != grade) {
    out += "→" + std::string(to_string(*adjusted));
    if (adjustment_provisional) out += "?";
  }
  if (overridden) out += "*";
  return out;
}

Grade GradeCell::shade() const {
  if (adjusted && !adjustment_provisional) return *adjusted;
  if (grade) return *grade;
  return possible.empty() ? Grade::A : possible.worst();
}

namespace {

GradeCell cell_of(const AreaResult& r) {
  GradeCell c;
  c.grade = r.grade();
  c.possible = r.effective();
  c.adjusted = r.adjusted;
  c.adjustment_provisional = r.adjustment_provisional;
  c.overridden = r.override.has_value();
  if (r.override) c.override_reason = r.override->reason;
  return c;
}

GradeCell cell_of(const CombinedArea& a, bool overridden) {
  GradeCell c;
  c.grade = a.grade;
  c.possible = a.possible;
  c.adjusted = a.adjusted;
  c.adjustment_provisional = a.adjustment_provisional;
  c.overridden = overridden;
  return c;
}

std::string file_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return path;
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

RuleBookStamp stamp(const RuleBook& book) {
  RuleBookStamp s;
  s.model = book.model().id;
  s.spur_version = std::string(version());
  wording::Sha256 hash;
  hash.update(file_text(book.model().file));
  for (const auto& r : book.regulations()) {
    s.regulations.push_back(r.id);
    hash.update(file_text(r.file));
  }
  s.digest = hash.hex();
  return s;
}

std::vector<ReportScaleRow> scale_rows(const Scale* scale,
                                       const std::vector<const AreaResult*>& results) {
  std::vector<ReportScaleRow> rows;
  if (!scale) return rows;
  std::vector<std::size_t> order(scale->rows.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return scale->rows[a].grade < scale->rows[b].grade;
  });
  for (std::size_t i : order) {
    const ScaleRow& row = scale->rows[i];
    ReportScaleRow out{row.grade, row.text, {}};
    for (const AreaResult* r : results) {
      std::string mark;
      const std::optional<Grade> g = r->grade();
      if (r->override ? g == row.grade : r->deciding_row == static_cast<int>(i))
        mark = "X";
      else if (!g && r->effective().contains(row.grade))
        mark = "?";
      if (r->adjusted && *r->adjusted == row.grade && g != row.grade) mark = "→";
      out.marks.push_back(mark);
    }
    rows.push_back(std::move(out));
  }
  return rows;
}

ReportAction report_action(const Action& a) {
  return {a.requirement, a.kind,    a.definition ? a.definition->text : std::string(),
          a.status,      a.implied, a.regulations};
}

ReportPlan report_plan(const Evaluation& ev, Date as_of) {
  const PlanStatus st = plan_status(ev, as_of);
  ReportPlan plan;
  plan.plan_due = st.plan_due;
  plan.received_on = st.received_on;
  plan.in_time = st.in_time;
  plan.received = st.received;
  plan.warnings = st.warnings;
  for (const PlanItem& item : st.items) {
    const PlanEntry& e = *item.entry;
    ReportPlanItem out;
    out.requirement = item.requirement.empty() ? e.requirement : item.requirement;
    out.area = item.area;
    const Requirement* req =
        item.requirement.empty() ? nullptr : ev.book.find_requirement(item.requirement);
    out.requirement_text = req ? req->text : normalise_text(e.requirement);
    out.action = e.action;
    out.responsible = e.responsible;
    out.due = e.due;
    out.due_start = item.due_start;
    out.due_end = item.due_end;
    out.follow_up = e.follow_up;
    out.next_follow_up = item.next_follow_up;
    out.follow_up_responsible = e.follow_up_responsible;
    out.received = e.received;
    out.received_on = e.received_on;
    out.done = e.done;
    out.state = item.state;
    plan.overdue += item.state == PlanState::overdue;
    plan.items.push_back(std::move(out));
  }
  return plan;
}

InspectionReport inspection_report(const Evaluation& ev, const ReportOptions& options) {
  const Model& model = ev.book.model();
  InspectionReport out;
  out.id = ev.inspection_id;
  out.unit = ev.unit;
  out.file = ev.file;
  if (ev.inspection) {
    out.specialty = ev.inspection->specialty;
    out.date = ev.inspection->date.value_or("");
  }
  out.regulations = ev.regulations;
  for (const auto& r : ev.regulations) {
    const Regulation* reg = ev.book.find_regulation(r);
    out.regulation_titles.push_back(reg ? reg->title : r);
  }
  out.action_plan_required = ev.action_plan_required;
  out.required_count = static_cast<int>(ev.required_actions.size());
  out.recommended_count = static_cast<int>(ev.recommended_actions.size());
  for (const auto& d : ev.diagnostics) out.warnings.push_back(d.format());

  // Requirements by area, in catalogue order, with one cell per inspected regulation.
  std::map<std::string, std::vector<ReportRequirement>> by_area;
  for (const std::string& id : ev.book.requirement_ids()) {
    ReportRequirement req;
    std::string area;
    bool any = false;
    for (const RegulationOutcome& outcome : ev.outcomes) {
      ReportRequirement::Cell cell;
      if (const RequirementOutcome* o = outcome.find(id)) {
        cell.present = true;
        cell.kind = o->requirement->kind;
        cell.status = o->status;
        cell.origin = o->origin;
        if (o->origin == StatusOrigin::implied && o->implication >= 0 &&
            o->implication < static_cast<int>(ev.implied.size()))
          cell.because = ev.implied[o->implication].because;
        if (!any) {
          req.id = id;
          req.kind = cell.kind;
          req.text = o->requirement->text;
          area = o->requirement->area;
        }
        req.kind = std::min(req.kind, cell.kind);
        any = true;
      }
      req.cells.push_back(std::move(cell));
    }
    if (!any) continue;
    if (ev.inspection)
      if (const Finding* f = ev.inspection->find(id)) req.note = f->note;
    by_area[area].push_back(std::move(req));
  }

  for (const Area& area : model.areas) {
    ReportArea a;
    a.id = area.id;
    a.name = area.name;
    a.preamble = area.preamble;
    for (const Section& s : model.sections)
      if (std::find(s.areas.begin(), s.areas.end(), area.id) != s.areas.end()) a.section = s.name;
    std::vector<const AreaResult*> results;
    bool overridden = false;
    for (const auto& r : ev.regulations) {
      const AreaResult& res = ev.result(area.id, r);
      results.push_back(&res);
      a.grades.push_back(cell_of(res));
      overridden = overridden || res.override;
    }
    a.combined = cell_of(ev.combined(area.id), overridden);
    a.scale = scale_rows(model.find_scale(area.scale), results);
    a.requirements = std::move(by_area[area.id]);
    for (const Action& x : ev.required_actions)
      if (x.area == area.id) a.required.push_back(report_action(x));
    for (const Action& x : ev.recommended_actions)
      if (x.area == area.id) a.recommended.push_back(report_action(x));
    for (const Action& x : ev.improvements)
      if (x.area == area.id) a.improvements.push_back(report_action(x));
    for (const Explanation& x : explain(ev, area.id)) a.explanations.push_back(render(x));
    out.areas.push_back(std::move(a));
  }
  out.plan = report_plan(ev, options.as_of);
  return out;
}

}  // namespace

Report build_report(const std::vector<const Evaluation*>& evaluations,
                    const ReportOptions& options) {
  if (evaluations.empty()) throw LookupError("a report needs at least one evaluated inspection");
  Report report;
  report.options = options;
  const RuleBook& book = evaluations.front()->book;
  report.rule_book = stamp(book);
  for (const Area& a : book.model().areas) {
    report.area_ids.push_back(a.id);
    report.area_names.push_back(a.name);
  }
  for (const Evaluation* ev : evaluations)
    report.inspections.push_back(inspection_report(*ev, options));
  return report;
}

std::string render_report(const Report& report, ReportFormat format) {
  switch (format) {
    case ReportFormat::html:
      return to_html(report);
    case ReportFormat::markdown:
      return to_markdown(report);
    case ReportFormat::pdf:
      return to_pdf(report);
    default:
      return to_xlsx(report);
  }
}

void write_report(const Report& report, ReportFormat format, const std::filesystem::path& path,
                  Overwrite overwrite) {
  write_file_atomically(path, render_report(report, format), overwrite);
}

}  // namespace spur
