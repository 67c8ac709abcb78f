// Comparing two regulations requirement by requirement, and replaying an inspection under each
// to see which grades and actions the differences change, and why.

#include "spur/diff.hpp"

#include "spur/json.hpp"

#include <algorithm>
#include <memory>
#include <unordered_map>

namespace spur {

using nlohmann::json;

std::string_view to_string(RequirementField field) {
  switch (field) {
    case RequirementField::kind:
      return "kind";
    case RequirementField::area:
      return "area";
    case RequirementField::text:
      return "text";
    case RequirementField::prerequisites:
      return "requires";
    case RequirementField::confidence:
      return "confidence";
  }
  return "?";
}

std::string_view to_string(ActionClass action) {
  switch (action) {
    case ActionClass::none:
      return "none";
    case ActionClass::required:
      return "required";
    case ActionClass::recommended:
      return "recommended";
    case ActionClass::improvement:
      return "improvement";
  }
  return "?";
}

bool RequirementChange::changes(RequirementField field) const {
  return std::find(fields.begin(), fields.end(), field) != fields.end();
}

bool RequirementChange::affects_grading() const {
  return changes(RequirementField::kind) || changes(RequirementField::area) ||
         changes(RequirementField::prerequisites);
}

const RequirementChange* RegulationDiff::find_change(std::string_view id) const {
  for (const auto& c : changed)
    if (c.id == id) return &c;
  return nullptr;
}

bool RegulationDiff::affects_grading(std::string_view id) const {
  auto named = [&](const Requirement* q) { return q->id == id; };
  if (std::any_of(added.begin(), added.end(), named) ||
      std::any_of(removed.begin(), removed.end(), named))
    return true;
  const RequirementChange* c = find_change(id);
  return c && c->affects_grading();
}

namespace {

std::vector<std::string> sorted(std::vector<std::string> ids) {
  std::sort(ids.begin(), ids.end());
  return ids;
}

}  // namespace

RegulationDiff diff(const RuleBook& book, std::string_view old_id, std::string_view new_id) {
  // Both ids are checked before throwing, so one message names every unknown one.
  std::vector<Diagnostic> errors;
  auto lookup = [&](std::string_view id) -> const Regulation* {
    try {
      return &book.regulation(id);
    } catch (const LookupError& e) {
      errors.insert(errors.end(), e.diagnostics().begin(), e.diagnostics().end());
      return nullptr;
    }
  };
  const Regulation* before = lookup(old_id);
  const Regulation* after = lookup(new_id);
  if (!before || !after) throw LookupError(errors);

  RegulationDiff d{book, before->id, after->id, {}, {}, {}};
  for (const auto& id : book.requirement_ids()) {
    const Requirement* a = before->find(id);
    const Requirement* b = after->find(id);
    if (!a && !b) continue;
    if (!a) {
      d.added.push_back(b);
      continue;
    }
    if (!b) {
      d.removed.push_back(a);
      continue;
    }
    RequirementChange change{id, a, b, {}};
    if (a->kind != b->kind) change.fields.push_back(RequirementField::kind);
    if (a->area != b->area) change.fields.push_back(RequirementField::area);
    if (a->text != b->text) change.fields.push_back(RequirementField::text);
    if (sorted(a->prerequisites) != sorted(b->prerequisites))
      change.fields.push_back(RequirementField::prerequisites);
    if (a->confidence != b->confidence) change.fields.push_back(RequirementField::confidence);
    if (!change.fields.empty()) d.changed.push_back(std::move(change));
  }
  return d;
}

namespace {

// The inspection graded under one regulation alone, without overrides, plan and trainees (see
// Replay).
Evaluation grade_under(const RuleBook& book, const Inspection& inspection,
                       const std::string& regulation) {
  auto copy = std::make_shared<Inspection>(inspection);
  copy->regulations = {regulation};
  copy->trainees.clear();  // they only choose regulations, and this one is chosen
  copy->overrides.clear();
  copy->action_plan.clear();
  return evaluate(book, std::shared_ptr<const Inspection>(std::move(copy)));
}

ActionClass action_class(const Evaluation& ev, std::string_view id) {
  auto has = [&](const std::vector<Action>& list) {
    return std::any_of(list.begin(), list.end(),
                       [&](const Action& a) { return a.requirement == id; });
  };
  if (has(ev.required_actions)) return ActionClass::required;
  if (has(ev.recommended_actions)) return ActionClass::recommended;
  if (has(ev.improvements)) return ActionClass::improvement;
  return ActionClass::none;
}

bool contains(const std::vector<std::string>& ids, std::string_view id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

// Works out why requirements differ between the two gradings of one inspection.
class Comparison {
 public:
  Comparison(const RuleBook& book, const RegulationDiff& diff, const Evaluation& before,
             const Evaluation& after)
      : book_(book), diff_(diff), sides_{&before, &after} {
    const auto& ids = book.requirement_ids();
    for (std::size_t i = 0; i < ids.size(); ++i) rank_[ids[i]] = static_cast<int>(i);
  }

  const RequirementOutcome* outcome(int side, std::string_view id) const {
    return sides_[side]->outcomes.front().find(id);
  }

  // The causes of a difference in `id` between the two sides, or none when it does not differ:
  // itself when the rules define it differently; else, when its status differs, the causes of
  // the differing prerequisites through which it is implied, or itself when there are none
  // (a by_regulation finding).
  std::vector<std::string> causes_of(const std::string& id) const {
    if (diff_.affects_grading(id)) return {id};
    const RequirementOutcome* a = outcome(0, id);
    const RequirementOutcome* b = outcome(1, id);
    if (!a || !b || a->status == b->status) return {};
    std::vector<std::string> out;
    for (int side : {0, 1}) {
      const RequirementOutcome* o = side == 0 ? a : b;
      if (o->origin != StatusOrigin::implied) continue;
      for (const auto& p : sides_[side]->implied[o->implication].because) merge(out, causes_of(p));
    }
    if (out.empty()) out.push_back(id);
    return out;
  }

  // The causes of a changed grade of `area`: the causes of the area's requirements that decide
  // its grade, or keep it provisional, under either side. Should none differ (a scale that
  // counts what no requirement decides), the requirements decisive under one side only.
  std::vector<std::string> grade_causes(const std::string& area) const {
    const AreaResult& a = sides_[0]->result(area);
    const AreaResult& b = sides_[1]->result(area);
    // Unknown statuses matter only while they leave the grade open.
    auto relevant = [](const AreaResult& r, const std::string& id) {
      return contains(r.decisive, id) || (r.possible.size() > 1 && contains(r.unknown, id));
    };
    std::vector<std::string> out;
    for (const auto& id : book_.requirement_ids()) {
      const RequirementOutcome* x = outcome(0, id);
      const RequirementOutcome* y = outcome(1, id);
      const bool in_area =
          (x && x->requirement->area == area) || (y && y->requirement->area == area);
      if (in_area && (relevant(a, id) || relevant(b, id))) merge(out, causes_of(id));
    }
    if (out.empty())
      for (const auto& id : book_.requirement_ids())
        if (contains(a.decisive, id) != contains(b.decisive, id)) merge(out, {id});
    return out;
  }

 private:
  // Adds `ids` to `out`, keeping it unique and in catalogue order.
  void merge(std::vector<std::string>& out, const std::vector<std::string>& ids) const {
    for (const auto& id : ids)
      if (!contains(out, id)) out.push_back(id);
    std::sort(out.begin(), out.end(), [&](const std::string& x, const std::string& y) {
      return rank_.at(x) < rank_.at(y);
    });
  }

  const RuleBook& book_;
  const RegulationDiff& diff_;
  const Evaluation* sides_[2];
  std::unordered_map<std::string, int> rank_;
};

json action_json(ActionClass a) {
  return a == ActionClass::none ? json(nullptr) : json(to_string(a));
}

json requirement_json(const Requirement& q) {
  return {{"id", q.id}, {"area", q.area}, {"kind", to_string(q.kind)}, {"text", q.text}};
}

}  // namespace

Replay replay(const RuleBook& book, const RegulationDiff& diff, const Inspection& inspection) {
  const Evaluation before = grade_under(book, inspection, diff.old_regulation);
  const Evaluation after = grade_under(book, inspection, diff.new_regulation);
  const Comparison compare(book, diff, before, after);

  Replay out{inspection.id.empty() ? inspection.file : inspection.id,
             inspection.file,
             diff.old_regulation,
             diff.new_regulation,
             {},
             {}};
  for (const auto& area : book.model().areas) {
    const AreaResult& a = before.result(area.id);
    const AreaResult& b = after.result(area.id);
    if (a.possible == b.possible) continue;
    out.grades.push_back(
        {area.id, a.possible, b.possible, a.computed, b.computed, compare.grade_causes(area.id)});
  }
  for (const auto& id : book.requirement_ids()) {
    const ActionClass a = action_class(before, id);
    const ActionClass b = action_class(after, id);
    if (a == b) continue;
    const RequirementOutcome* o = compare.outcome(1, id);
    if (!o) o = compare.outcome(0, id);
    std::vector<std::string> causes = compare.causes_of(id);
    if (causes.empty()) causes.push_back(id);
    out.actions.push_back({id, o ? o->requirement->area : std::string(), a, b, std::move(causes)});
  }
  return out;
}

json to_json(const RegulationDiff& d) {
  json added = json::array(), removed = json::array(), changed = json::array();
  for (const Requirement* q : d.added) added.push_back(requirement_json(*q));
  for (const Requirement* q : d.removed) removed.push_back(requirement_json(*q));
  for (const auto& c : d.changed) {
    json changes = json::object();
    for (RequirementField f : c.fields) {
      const std::string name(to_string(f));
      switch (f) {
        case RequirementField::kind:
          changes[name] = {to_string(c.before->kind), to_string(c.after->kind)};
          break;
        case RequirementField::area:
          changes[name] = {c.before->area, c.after->area};
          break;
        case RequirementField::text:
          changes[name] = {c.before->text, c.after->text};
          break;
        case RequirementField::prerequisites:
          changes[name] = json::array({c.before->prerequisites, c.after->prerequisites});
          break;
        case RequirementField::confidence:
          changes[name] = {to_string(c.before->confidence), to_string(c.after->confidence)};
          break;
      }
    }
    changed.push_back({{"id", c.id}, {"changes", changes}});
  }
  return {{"old", d.old_regulation},
          {"new", d.new_regulation},
          {"added", added},
          {"removed", removed},
          {"changed", changed}};
}

json to_json(const Replay& r) {
  json grades = json::array(), actions = json::array();
  for (const auto& g : r.grades)
    grades.push_back({{"area", g.area},
                      {"old", grade_json(g.old_grade)},
                      {"new", grade_json(g.new_grade)},
                      {"old_possible", grades_json(g.old_possible)},
                      {"new_possible", grades_json(g.new_possible)},
                      {"causes", g.causes}});
  for (const auto& a : r.actions)
    actions.push_back({{"requirement", a.requirement},
                       {"area", a.area},
                       {"old", action_json(a.old_class)},
                       {"new", action_json(a.new_class)},
                       {"causes", a.causes}});
  return {{"inspection", r.inspection}, {"file", r.file}, {"grades", grades}, {"actions", actions}};
}

}  // namespace spur
