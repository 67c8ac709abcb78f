// Reads inspection files. Only the form is checked here (types, statuses, duplicates);
// what the rule book knows is checked by check() before evaluation.

#include <map>
#include <set>

#include "findings/inspection_reader.hpp"
#include "findings/json_to_yaml.hpp"
#include "rules/yaml_reader.hpp"
#include "spur/follow_up.hpp"
#include "spur/inspection.hpp"
#include "spur/limits.hpp"

namespace spur {
namespace {

using detail::YamlReader;

const std::string& allowed_statuses() {
  static const std::string text = [] {
    std::string out;
    for (Status s : all_statuses) out += (out.empty() ? "" : ", ") + std::string(to_string(s));
    return out;
  }();
  return text;
}

// The status of `what` ("D1", "E7 under sosfs-2015-8", "default_status"); diagnostics name
// `requirement`, the requirement id it belongs to (none for default_status).
std::optional<Status> read_status(YamlReader& r, const YAML::Node& node, const std::string& what,
                                  const std::string& requirement) {
  auto text = r.scalar(node, "the status of " + what, requirement);
  if (!text) return std::nullopt;
  auto status = parse_status(*text);
  if (!status)
    r.error(node,
            "unknown status '" + *text + "' for " + what + " (allowed: " + allowed_statuses() + ")",
            requirement);
  return status;
}

// yaml-cpp keeps every duplicate key of a mapping but `node[key]` sees only the first, so a
// repeated key would silently lose what the user wrote there: report each repeat.
void read_header(YamlReader& r, const YAML::Node& n, Inspection& insp) {
  if (!r.expect_map(n, "'inspection'")) return;
  r.check_keys(
      n, {"id", "unit", "specialty", "date", "regulations", "trainees", "default_status", "notes"},
      "'inspection'");
  insp.id = r.text(n, "id", false, "'inspection'").value_or("");
  insp.unit = r.text(n, "unit", false, "'inspection'").value_or("");
  insp.specialty = r.text(n, "specialty", false, "'inspection'").value_or("");
  insp.notes = r.text(n, "notes", false, "'inspection'").value_or("");
  if (auto date = r.text(n, "date", false, "'inspection'")) {
    if (parse_iso_date(*date))
      insp.date = *date;
    else
      r.error(n["date"], "date '" + *date + "' is not a calendar date; write it as YYYY-MM-DD");
  }
  if (n["regulations"].IsDefined()) {
    insp.regulations_location = r.location(n["regulations"]);
    if (!n["regulations"].IsSequence())
      r.error(n["regulations"], "'regulations' must be a list such as [sosfs-2015-8], not " +
                                    std::string(detail::describe(n["regulations"])));
    else if (auto list = r.strings(n["regulations"], "'regulations'")) {
      std::set<std::string> seen;
      for (const auto& reg : *list)
        if (!seen.insert(reg).second)
          r.error(n["regulations"], "regulation '" + reg + "' is listed twice");
      insp.regulations = *list;
      if (list->empty()) r.error(n["regulations"], "'regulations' is empty: name at least one");
    }
  }
  if (n["trainees"].IsDefined() && r.expect_sequence(n["trainees"], "'trainees'")) {
    for (const auto& t : n["trainees"]) {
      if (!r.expect_map(t, "a trainee")) continue;
      r.check_keys(t, {"id", "st_start", "swedish_at", "licensed"}, "a trainee");
      Trainee trainee;
      trainee.location = r.location(t);
      trainee.id = r.text(t, "id", true, "a trainee").value_or("");
      const std::string what = "trainee " + trainee.id;
      if (auto start = r.text(t, "st_start", true, what)) {
        trainee.st_start = parse_iso_date(*start);
        if (!trainee.st_start)
          r.error(t["st_start"],
                  what + ": st_start must be a date (YYYY-MM-DD), not '" + *start + "'");
      }
      if (t["swedish_at"].IsDefined())
        trainee.swedish_at = r.boolean(t["swedish_at"], what + ": swedish_at");
      else
        r.error(t, what + " lacks 'swedish_at' (true if they did Swedish AT)");
      if (auto licensed = r.text(t, "licensed", false, what)) {
        trainee.licensed = parse_iso_date(*licensed);
        if (!trainee.licensed)
          r.error(t["licensed"],
                  what + ": licensed must be a date (YYYY-MM-DD), not '" + *licensed + "'");
      }
      insp.trainees.push_back(std::move(trainee));
    }
  }
  if (!n["regulations"].IsDefined() && !n["trainees"].IsDefined())
    r.error(n,
            "'inspection' needs 'regulations' (e.g. regulations: [sosfs-2015-8]) or 'trainees' to "
            "derive them from");
  if (n["default_status"].IsDefined())
    if (auto s = read_status(r, n["default_status"], "default_status", {}))
      insp.default_status = *s;
}

void read_findings(YamlReader& r, const YAML::Node& n, Inspection& insp) {
  if (n.IsNull()) return;
  if (!r.expect_map(n, "'findings'")) return;
  if (n.size() > limits::max_findings) {
    r.error(n, "'findings' holds " + std::to_string(n.size()) + " findings; spur reads at most " +
                   std::to_string(limits::max_findings) + " in one inspection");
    return;
  }
  std::map<std::string, int> seen;
  for (auto it = n.begin(); it != n.end(); ++it) {
    Finding f;
    auto id = r.scalar(it->first, "a requirement id in 'findings'");
    if (!id) continue;
    if (*id == "<<") {
      r.error(it->first,
              "'<<' (a YAML merge key) is not supported in 'findings'; write each finding out");
      continue;
    }
    f.requirement = *id;
    f.location = r.location(it->first);
    if (auto prev = seen.find(f.requirement); prev != seen.end()) {
      // Data built in memory (JSON) has no lines to point to.
      const std::string first =
          prev->second > 0 ? " (first at line " + std::to_string(prev->second) + ")" : "";
      r.error(it->first, "finding for " + f.requirement + " is given twice" + first + "; keep one",
              f.requirement);
      continue;
    }
    seen.emplace(f.requirement, f.location.line);
    const YAML::Node value = it->second;
    if (value.IsScalar()) {
      f.status = read_status(r, value, f.requirement, f.requirement);
      if (!f.status) continue;
    } else if (value.IsMap()) {
      r.check_keys(value, {"status", "note", "by_regulation"}, "the finding for " + f.requirement,
                   f.requirement);
      if (value["status"].IsDefined())
        f.status = read_status(r, value["status"], f.requirement, f.requirement);
      f.note = r.text(value, "note", false, "the finding for " + f.requirement, f.requirement)
                   .value_or("");
      if (const YAML::Node by = value["by_regulation"]; by.IsDefined()) {
        r.check_unique_keys(by, "'by_regulation' of " + f.requirement, f.requirement);
        if (r.expect_map(by, "'by_regulation' of " + f.requirement))
          for (auto b = by.begin(); b != by.end(); ++b)
            if (auto reg = r.scalar(b->first, "a regulation in 'by_regulation'"))
              if (auto s =
                      read_status(r, b->second, f.requirement + " under " + *reg, f.requirement))
                f.by_regulation.push_back({*reg, *s});
      } else if (!value["status"].IsDefined()) {
        r.error(
            value,
            "the finding for " + f.requirement +
                " needs a 'status' (or 'by_regulation'); allowed statuses: " + allowed_statuses(),
            f.requirement);
        continue;
      }
    } else {
      r.error(value,
              "the finding for " + f.requirement + " must be a status such as not_met, or " +
                  "{status: ..., note: ...}, not " + std::string(detail::describe(value)),
              f.requirement);
      continue;
    }
    insp.findings.push_back(std::move(f));
  }
}

void read_overrides(YamlReader& r, const YAML::Node& n, Inspection& insp) {
  if (!r.expect_sequence(n, "'overrides'")) return;
  for (const auto& o : n) {
    if (!r.expect_map(o, "an override")) continue;
    r.check_keys(o, {"area", "regulation", "grade", "reason"}, "an override");
    Override ov;
    ov.location = r.location(o);
    auto area = r.text(o, "area", true, "an override");
    auto grade = r.text(o, "grade", true, "an override");
    auto reason = r.text(o, "reason", true, "an override (inspectors write down why)");
    ov.regulation = r.text(o, "regulation", false, "an override");
    if (grade && !parse_grade(*grade))
      r.error(o["grade"], "unknown grade '" + *grade + "' in override (grades: A, B, C, D)");
    if (!area || !grade || !reason || !parse_grade(*grade)) continue;
    if (reason->empty()) r.error(o["reason"], "the reason of an override must not be empty");
    ov.area = *area;
    ov.grade = *parse_grade(*grade);
    ov.reason = *reason;
    insp.overrides.push_back(std::move(ov));
  }
}

void read_plan(YamlReader& r, const YAML::Node& n, Inspection& insp) {
  if (n.IsNull()) return;
  if (!r.expect_sequence(n, "'action_plan'")) return;
  if (n.size() > limits::max_plan_entries) {
    r.error(n, "'action_plan' holds " + std::to_string(n.size()) + " entries; spur reads at most " +
                   std::to_string(limits::max_plan_entries));
    return;
  }
  for (const auto& e : n) {
    if (!r.expect_map(e, "an action plan entry")) continue;
    r.check_keys(e,
                 {"requirement", "regulation", "action", "due", "responsible", "follow_up",
                  "follow_up_responsible", "received", "done"},
                 "an action plan entry");
    PlanEntry p;
    p.location = r.location(e);
    auto requirement = r.text(e, "requirement", true, "an action plan entry");
    if (!requirement) continue;
    p.requirement = *requirement;
    const std::string what = "the plan entry for " + detail::shorten(p.requirement, 40);
    p.regulation = r.text(e, "regulation", false, what);
    static constexpr std::pair<const char*, std::string PlanEntry::*> fields[] = {
        {"action", &PlanEntry::action},
        {"due", &PlanEntry::due},
        {"responsible", &PlanEntry::responsible},
        {"follow_up", &PlanEntry::follow_up},
        {"follow_up_responsible", &PlanEntry::follow_up_responsible}};
    for (const auto& [key, member] : fields) {
      if (!e[key].IsDefined() || e[key].IsNull()) {
        r.warning(e, what + " lacks '" + key + "'");
        continue;
      }
      if (auto v = r.scalar(e[key], what + ": '" + key + "'")) p.*member = *v;
    }
    if (e["due"].IsDefined()) p.due_location = r.location(e["due"]);
    if (e["follow_up"].IsDefined()) p.follow_up_location = r.location(e["follow_up"]);
    if (const YAML::Node received = e["received"]; received.IsDefined() && !received.IsNull()) {
      const std::string text = received.IsScalar() ? received.Scalar() : std::string();
      if (auto d = parse_iso_date(text)) {
        p.received = true;
        p.received_on = d;
      } else if (text == "true" || text == "false") {
        p.received = text == "true";
      } else {
        r.error(received, what + ": 'received' must be a date (YYYY-MM-DD) or true/false, not '" +
                              text + "'");
      }
    } else {
      r.warning(e, what + " lacks 'received' (the date the plan came in)");
    }
    if (const YAML::Node done = e["done"]; done.IsDefined() && !done.IsNull()) {
      const std::string text = done.IsScalar() ? done.Scalar() : std::string();
      if (auto d = parse_iso_date(text))
        p.done = d;
      else
        r.error(done, what + ": 'done' must be a date (YYYY-MM-DD), not '" + text + "'");
    }
    insp.action_plan.push_back(std::move(p));
  }
}

// `reported_grades: {D: C}` or `{D: {grade: C, text: "...", marked: D}}`: what a published
// report says, and what its grading table marks (`marked: C`, or per regulation
// `marked: {sosfs-2015-8: D, hslf-fs-2021-8: C}`).
void read_reported_grades(YamlReader& r, const YAML::Node& n, Inspection& insp) {
  if (n.IsNull()) return;
  if (!r.expect_map(n, "'reported_grades'")) return;
  r.check_unique_keys(n, "'reported_grades'");
  for (auto it = n.begin(); it != n.end(); ++it) {
    auto area = r.scalar(it->first, "an area in 'reported_grades'");
    if (!area) continue;
    ReportedGrade g;
    g.area = *area;
    g.location = r.location(it->first);
    const YAML::Node value = it->second;
    const std::string what = "the reported grade of area " + *area;
    auto grade_of = [&](const YAML::Node& node, const std::string& of) -> std::optional<Grade> {
      auto text = r.scalar(node, of);
      if (!text) return std::nullopt;
      if (auto parsed = parse_grade(*text)) return parsed;
      r.error(node, "unknown grade '" + *text + "' for " + of + " (grades: A, B, C, D)");
      return std::nullopt;
    };
    bool ok = true;
    if (value.IsMap()) {
      r.check_keys(value, {"grade", "text", "marked"}, what);
      if (value["grade"].IsDefined()) {
        g.grade = grade_of(value["grade"], what);
        ok = ok && g.grade;
      }
      g.text = r.text(value, "text", false, what).value_or("");
      if (const YAML::Node marked = value["marked"]; marked.IsDefined()) {
        const std::string of = "'marked' of area " + *area;
        if (marked.IsMap()) {
          r.check_unique_keys(marked, "'marked' of area " + *area);
          for (auto m = marked.begin(); m != marked.end(); ++m) {
            auto regulation = r.scalar(m->first, "a regulation in 'marked' of area " + *area);
            auto grade = grade_of(m->second, of);
            if (regulation && grade) g.marked.push_back({*regulation, *grade});
            ok = ok && regulation && grade;
          }
        } else if (auto grade = grade_of(marked, of)) {
          g.marked.push_back({std::nullopt, *grade});
        } else {
          ok = false;
        }
      }
      if (ok && !g.grade && g.marked.empty()) {
        r.error(value, what +
                           " needs 'grade' (what the report says) or 'marked' (what its "
                           "grading table marks)");
        ok = false;
      }
    } else if (value.IsScalar()) {
      g.grade = grade_of(value, what);
      ok = g.grade.has_value();
    } else {
      r.error(value, what + " must be a grade such as C, or {grade: C, text: \"...\"}");
      continue;
    }
    if (ok) insp.reported_grades.push_back(std::move(g));
  }
}

Inspection read(YamlReader& r, std::optional<YAML::Node> root) {
  Inspection insp;
  insp.file = r.file();
  if (root) r.guarded([&] { detail::read_inspection(r, *root, insp, true); });
  if (has_errors(r.diagnostics())) throw InspectionError(r.diagnostics());
  insp.warnings = r.diagnostics();
  read_plan_phrases(insp);  // once, so that evaluations read no date phrase
  return insp;
}

}  // namespace

void detail::read_inspection(YamlReader& r, const YAML::Node& n, Inspection& insp,
                             bool header_required) {
  if (!r.expect_map(n, "an inspection")) return;
  r.check_keys(n,
               {"inspection", "findings", "overrides", "action_plan", "reported_grades", "notes"},
               "an inspection file");
  if (n["inspection"].IsDefined())
    read_header(r, n["inspection"], insp);
  else if (header_required)
    r.error(n, "the file lacks the 'inspection' section (unit, regulations, ...)");
  if (n["findings"].IsDefined()) read_findings(r, n["findings"], insp);
  if (n["overrides"].IsDefined()) read_overrides(r, n["overrides"], insp);
  if (n["action_plan"].IsDefined()) read_plan(r, n["action_plan"], insp);
  if (n["reported_grades"].IsDefined()) read_reported_grades(r, n["reported_grades"], insp);
  if (n["notes"].IsDefined()) insp.notes = r.scalar(n["notes"], "'notes'").value_or(insp.notes);
}

void detail::read_findings_into(YamlReader& r, const YAML::Node& n, Inspection& insp) {
  read_findings(r, n, insp);
}

std::optional<Status> Finding::status_in(std::string_view regulation) const {
  for (const auto& b : by_regulation)
    if (b.regulation == regulation) return b.status;
  return status;
}

const Finding* Inspection::find(std::string_view requirement) const {
  for (const auto& f : findings)
    if (f.requirement == requirement) return &f;
  return nullptr;
}

Inspection Inspection::load(const std::filesystem::path& path) {
  std::vector<Diagnostic> diags;
  YamlReader r(path.string(), diags);
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (ec && ec != std::errc::no_such_file_or_directory)  // a symbolic link loop, ...
    throw FileError("cannot be read: " + ec.message(), path.string());
  if (!std::filesystem::is_regular_file(status)) {
    throw FileError(std::filesystem::exists(status) ? "is not a file" : "no such file",
                    path.string());
  }
  auto root = r.load_file(path);
  return read(r, root);
}

Inspection Inspection::parse_json(std::string_view json, const std::string& file) {
  std::vector<Diagnostic> diags;
  YamlReader r(file, diags);
  std::string error;
  std::optional<YAML::Node> root;
  if (json.size() > limits::max_file_bytes)
    r.error_at({file, 0, 0}, detail::too_big(json.size()));
  else if (json.find_first_not_of(" \t\r\n") == std::string_view::npos)
    r.error_at({file, 1, 1}, "the inspection is empty; expected a JSON object");
  else if (std::size_t bad = detail::invalid_utf8(json); bad != std::string_view::npos)
    r.error_at({file, 0, 0}, "the text is not valid UTF-8");
  else if (!(root = detail::json_to_yaml(json, error)))
    r.error_at({file, 0, 0}, "not valid JSON: " + error);
  return read(r, root);
}

Inspection Inspection::parse(std::string_view yaml, const std::string& file) {
  std::vector<Diagnostic> diags;
  YamlReader r(file, diags);
  return read(r, r.load_string(yaml));
}

}  // namespace spur
