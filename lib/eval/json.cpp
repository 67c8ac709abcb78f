// JSON forms of results, the contract of `--format json` (design.md).

#include "spur/json.hpp"

#include "rules/rule_book_data.hpp"

namespace spur {

using nlohmann::json;

std::string_view version() {
  return "0.1.0";
}

json grades_json(GradeSet g) {
  json out = json::array();
  for (Grade x : g.grades()) out.push_back(to_string(x));
  return out;
}
json grade_json(std::optional<Grade> g) {
  return g ? json(to_string(*g)) : json(nullptr);
}

namespace {

json optional_text(const std::string& s) {
  return s.empty() ? json(nullptr) : json(s);
}

json counts(const AreaResult& r) {
  json out = json::object();
  for (Kind k : all_kinds) {
    const int i = static_cast<int>(k);
    const KindCounts& c = r.counts[i];
    out[std::string(to_string(k))] = r.has_kind[i] ? json{{"met", c.met},
                                                          {"unmet", c.unmet},
                                                          {"partial", c.partial},
                                                          {"unknown", c.unknown},
                                                          {"not_applicable", c.not_applicable}}
                                                   : json::object();
  }
  return out;
}

json action(const Evaluation& ev, const Action& a) {
  return {{"requirement", a.requirement},
          {"area", a.area},
          {"kind", to_string(a.kind)},
          {"regulations", a.regulations},
          {"status", to_string(a.status)},
          {"implied", a.implied},
          {"because", a.implied ? ev.implied_by(a.requirement) : std::vector<std::string>{}},
          {"text", a.definition ? a.definition->text : std::string()}};
}

}  // namespace

json to_json(const Diagnostic& d) {
  return {{"severity", d.severity == Severity::error ? "error" : "warning"},
          {"file", d.file},
          {"line", d.line},
          {"column", d.column},
          {"message", d.message},
          {"requirement", optional_text(d.requirement)}};
}

json to_json(const Evaluation& ev) {
  const auto& data = ev.book.data();
  json book_regs = json::array();
  for (const auto& r : ev.book.regulations()) book_regs.push_back(r.id);
  json inspection{{"id", optional_text(ev.inspection_id)},
                  {"unit", optional_text(ev.unit)},
                  {"regulations", ev.regulations}};
  if (ev.inspection) {
    inspection["specialty"] = optional_text(ev.inspection->specialty);
    inspection["date"] = ev.inspection->date ? json(*ev.inspection->date) : json(nullptr);
  }
  json results = json::array();
  for (const auto& r : ev.results) {
    json rule = nullptr;
    if (r.deciding_row >= 0) {
      const ScaleRow& row = data.model.find_scale(r.scale)->rows[r.deciding_row];
      rule = {{"grade", to_string(row.grade)}, {"when", row.when}, {"text", row.text}};
    }
    json override = nullptr;
    if (r.override)
      override = {{"grade", to_string(r.override->grade)}, {"reason", r.override->reason}};
    results.push_back({{"regulation", r.regulation},
                       {"area", r.area},
                       {"scale", r.scale},
                       {"grade", grade_json(r.grade())},
                       {"possible_grades", grades_json(r.effective())},
                       {"computed_grade", grade_json(r.computed)},
                       {"computed_possible_grades", grades_json(r.possible)},
                       {"override", override},
                       {"adjusted_grade", grade_json(r.adjusted)},
                       {"adjustment_provisional", r.adjustment_provisional},
                       {"grade_after_plan", grade_json(r.grade_after_plan())},
                       {"possible_grades_after_plan", grades_json(r.after_plan())},
                       {"covered", r.covered},
                       {"uncovered", r.uncovered},
                       {"could_undo", r.could_undo},
                       {"counts", counts(r)},
                       {"rule", rule},
                       {"decisive", r.decisive},
                       {"unknown", r.unknown}});
  }
  json areas = json::array();
  for (const auto& a : ev.areas)
    areas.push_back({{"area", a.area},
                     {"grade", grade_json(a.grade)},
                     {"possible_grades", grades_json(a.possible)},
                     {"adjusted_grade", grade_json(a.adjusted)},
                     {"adjustment_provisional", a.adjustment_provisional},
                     {"grade_after_plan", grade_json(a.grade_after_plan())},
                     {"possible_grades_after_plan", grades_json(a.after_plan)}});
  auto actions = [&ev](const std::vector<Action>& list) {
    json out = json::array();
    for (const auto& a : list) out.push_back(action(ev, a));
    return out;
  };
  json implied = json::array();
  for (const auto& i : ev.implied)
    implied.push_back(
        {{"requirement", i.requirement}, {"regulation", i.regulation}, {"because", i.because}});
  json conflicts = json::array();
  for (const auto& c : ev.conflicts)
    conflicts.push_back({{"requirement", c.requirement},
                         {"regulation", c.regulation},
                         {"because", c.because},
                         {"message", c.message}});
  json diagnostics = json::array();
  for (const auto& d : ev.diagnostics) diagnostics.push_back(to_json(d));
  json applicability = json::array();
  for (const auto& a : ev.applicability)
    applicability.push_back(
        {{"trainee", a.trainee}, {"regulations", a.regulations}, {"reasons", a.reasons}});
  json plan = json::array();
  for (const auto& link : ev.plan) {
    const PlanEntry& p = *link.entry;
    auto date = [](const std::optional<Date>& d) { return d ? json(d->iso()) : json(nullptr); };
    plan.push_back({{"requirement", link.requirement},
                    {"written", p.requirement},
                    {"area", link.area},
                    {"regulation", p.regulation ? json(*p.regulation) : json(nullptr)},
                    {"required", link.required},
                    {"action", p.action},
                    {"due", p.due},
                    {"responsible", p.responsible},
                    {"follow_up", p.follow_up},
                    {"follow_up_responsible", p.follow_up_responsible},
                    {"received", p.received},
                    {"received_on", date(p.received_on)},
                    {"done", date(p.done)}});
  }
  return {{"spur_version", version()},
          {"rulebook", {{"model", data.model.id}, {"regulations", book_regs}}},
          {"inspection", inspection},
          {"results", results},
          {"areas", areas},
          {"required_actions", actions(ev.required_actions)},
          {"recommended_actions", actions(ev.recommended_actions)},
          {"improvements", actions(ev.improvements)},
          {"implied", implied},
          {"conflicts", conflicts},
          {"action_plan_required",
           ev.action_plan_required ? json(*ev.action_plan_required) : json(nullptr)},
          {"action_plan", plan},
          {"applicability", applicability},
          {"diagnostics", diagnostics}};
}

json to_json(const Explanation& x) {
  json rows = json::array();
  for (std::size_t i = 0; i < x.rows.size(); ++i) {
    const auto& r = x.rows[i];
    rows.push_back({{"grade", to_string(r.grade)},
                    {"when", r.when},
                    {"outcome", to_string(r.outcome)},
                    {"values", r.values},
                    {"decided", static_cast<int>(i) == x.deciding_row},
                    {"text", r.text}});
  }
  auto requirement = [](const ExplainedRequirement& e) {
    static constexpr std::string_view origins[] = {"finding", "default_status", "implied"};
    return json{{"id", e.id},
                {"kind", to_string(e.kind)},
                {"status", to_string(e.status)},
                {"origin", origins[static_cast<int>(e.origin)]},
                {"because", e.because},
                {"text", e.text},
                {"note", optional_text(e.note)}};
  };
  json decisive = json::array(), implied = json::array(), settle = json::array(),
       conflicts = json::array();
  for (const auto& d : x.decisive) decisive.push_back(requirement(d));
  json other_unmet = json::array();
  for (const auto& d : x.other_unmet) other_unmet.push_back(requirement(d));
  for (const auto& d : x.implied) implied.push_back(requirement(d));
  for (const auto& s : x.settle)
    settle.push_back({{"requirement", s.requirement},
                      {"if_met", grades_json(s.if_met)},
                      {"if_not_met", grades_json(s.if_not_met)}});
  for (const auto& c : x.conflicts)
    conflicts.push_back({{"requirement", c.requirement}, {"message", c.message}});
  json override = nullptr;
  if (x.override)
    override = {{"grade", to_string(x.override->grade)}, {"reason", x.override->reason}};
  return {{"regulation", x.regulation},
          {"area", x.area},
          {"area_name", x.area_name},
          {"scale", x.scale},
          {"grade", grade_json(x.override ? std::optional<Grade>(x.override->grade) : x.computed)},
          {"possible_grades", grades_json(x.possible)},
          {"computed_grade", grade_json(x.computed)},
          {"override", override},
          {"adjusted_grade", grade_json(x.adjusted)},
          {"adjustment_provisional", x.adjustment_provisional},
          {"grade_after_plan", grade_json(x.after_plan.single())},
          {"possible_grades_after_plan", grades_json(x.after_plan)},
          {"covered", x.covered},
          {"uncovered", x.uncovered},
          {"could_undo", x.could_undo},
          {"rows", rows},
          {"decisive", decisive},
          {"other_unmet", other_unmet},
          {"implied", implied},
          {"chains", x.chains},
          {"conflicts", conflicts},
          {"settle", settle},
          {"scale_text", optional_text(x.scale_text)}};
}

json to_json(const Regulation& reg) {
  json list = json::array();
  for (const auto& q : reg.requirements)
    list.push_back(
        {{"id", q.id},
         {"area", q.area},
         {"kind", to_string(q.kind)},
         {"text", q.text},
         {"confidence", to_string(q.confidence)},
         {"requires", q.prerequisites},
         {"source",
          {{"document", q.source.document},
           {"paragraph", q.source.paragraph ? json(*q.source.paragraph) : json(nullptr)}}},
         {"note", optional_text(q.note)}});
  return {{"regulation", reg.id},
          {"title", reg.title},
          {"based_on", reg.based_on ? json(*reg.based_on) : json(nullptr)},
          {"requirements", list}};
}

namespace {
json date_json(const std::optional<Date>& d) {
  return d ? json(d->iso()) : json(nullptr);
}
}  // namespace

json to_json(const DatePhrase& phrase) {
  json parts = json::array();
  for (const auto& p : phrase.parts)
    parts.push_back(
        {{"text", p.text},
         {"label", p.label.empty() ? json(nullptr) : json(p.label)},
         {"start", date_json(p.start)},
         {"end", date_json(p.end)},
         {"precision", p.precision ? json(to_string(*p.precision)) : json(nullptr)},
         {"recurrence",
          p.recurrence == Recurrence::none ? json(nullptr) : json(to_string(p.recurrence))},
         {"undated", p.undated ? json(to_string(*p.undated)) : json(nullptr)},
         {"unreadable", p.unreadable}});
  return {{"text", phrase.text}, {"parts", parts}, {"warnings", phrase.warnings}};
}

namespace {
// How a phrase says when without a date: the first part's "snarast", "löpande", if any.
json undated_json(const DatePhrase& phrase) {
  for (const auto& p : phrase.parts)
    if (p.undated) return to_string(*p.undated);
  return nullptr;
}
}  // namespace

json to_json(const PlanStatus& st, const Evaluation& ev) {
  json entries = json::array();
  for (const auto& item : st.items) {
    const PlanEntry& p = *item.entry;
    entries.push_back({{"requirement", item.requirement},
                       {"area", item.area},
                       {"regulation", p.regulation ? json(*p.regulation) : json(nullptr)},
                       {"action", p.action},
                       {"responsible", p.responsible},
                       {"due",
                        {{"text", p.due},
                         {"start", date_json(item.due_start)},
                         {"end", date_json(item.due_end)},
                         {"undated", undated_json(item.due)},
                         {"unreadable", item.due_unreadable}}},
                       {"follow_up",
                        {{"text", p.follow_up},
                         {"next", date_json(item.next_follow_up)},
                         {"undated", undated_json(item.follow_up)},
                         {"unreadable", item.follow_up_unreadable}}},
                       {"follow_up_responsible", p.follow_up_responsible},
                       {"received", p.received},
                       {"received_on", date_json(p.received_on)},
                       {"done", date_json(p.done)},
                       {"state", to_string(item.state)}});
  }
  json uncovered = json::array(), adjustments = json::array();
  for (const auto& r : ev.results) {
    for (const auto& id : r.uncovered)
      uncovered.push_back({{"regulation", r.regulation}, {"area", r.area}, {"requirement", id}});
    if (r.effective() == GradeSet::of(Grade::D))
      adjustments.push_back({{"regulation", r.regulation},
                             {"area", r.area},
                             {"grade", grade_json(r.grade())},
                             {"adjusted_grade", grade_json(r.adjusted)},
                             {"adjustment_provisional", r.adjustment_provisional},
                             {"grade_after_plan", grade_json(r.grade_after_plan())},
                             {"possible_grades_after_plan", grades_json(r.after_plan())},
                             {"covered", r.covered},
                             {"uncovered", r.uncovered},
                             {"could_undo", r.could_undo}});
  }
  return {{"inspection", {{"id", ev.inspection_id}, {"unit", ev.unit}}},
          {"as_of", st.as_of.iso()},
          {"inspection_date", date_json(st.inspection_date)},
          {"plan_due", date_json(st.plan_due)},
          {"received", st.received},
          {"received_on", date_json(st.received_on)},
          {"in_time", st.in_time ? json(*st.in_time) : json(nullptr)},
          {"entries", entries},
          {"uncovered", uncovered},
          {"grades", adjustments},
          {"warnings", st.warnings}};
}

json graph_json(const RuleBook& book) {
  return json::parse(book.data().graph.to_json());
}

}  // namespace spur
