// Reads a rules directory into a RuleBook: the model, every regulation, their deltas resolved,
// everything checked, every problem reported at once.

#include <algorithm>
#include <map>
#include <set>

#include "logging.hpp"
#include "rules/rule_book_data.hpp"
#include "rules/yaml_reader.hpp"
#include "spur/action_plan.hpp"
#include "spur/rule_book.hpp"

namespace spur {
namespace {

using detail::join;
using detail::YamlReader;

// A requirement as a file writes it; in `amend`, only some fields are present.
struct RequirementEntry {
  std::string id;
  SourceLocation location;
  std::optional<std::string> area;
  std::optional<Kind> kind;
  std::optional<std::string> text;
  std::optional<std::vector<std::string>> prerequisites;
  std::optional<Confidence> confidence;
  std::optional<Source> source;
  std::optional<std::string> note;
  SourceLocation requires_location;
};

struct RegulationFile {
  InForce in_force;
  Applicability applies_to;
  std::string id;
  std::string title;
  std::string model;
  std::optional<std::string> based_on;
  SourceLocation location, model_location, based_on_location;
  std::vector<RequirementEntry> requirements;  // complete form
  std::vector<RequirementEntry> amend;
  std::vector<std::pair<std::string, SourceLocation>> remove;
  std::vector<RequirementEntry> add;
  std::string file;
  bool readable = false;
};

std::optional<RequirementEntry> read_requirement(YamlReader& r, const YAML::Node& node,
                                                 bool complete, const Model& model) {
  if (!r.expect_map(node, "a requirement")) return std::nullopt;
  RequirementEntry e;
  e.location = r.location(node);
  auto id = r.text(node, "id", true, "a requirement");
  if (!id) return std::nullopt;
  e.id = *id;
  const std::string what = "requirement " + e.id;
  r.check_keys(node, {"id", "area", "kind", "text", "requires", "confidence", "source", "note"},
               what, e.id);
  if (auto area = r.text(node, "area", complete, what, e.id)) {
    if (!model.find_area(*area)) {
      std::vector<std::string> known;
      for (const auto& a : model.areas) known.push_back(a.id);
      r.error(node["area"],
              "unknown area '" + *area + "' for " + e.id + " (areas: " + join(known) + ")", e.id);
    } else {
      e.area = area;
    }
  }
  if (auto kind = r.text(node, "kind", complete, what, e.id)) {
    e.kind = parse_kind(*kind);
    if (!e.kind)
      r.error(
          node["kind"],
          "unknown kind '" + *kind + "' for " + e.id + " (allowed: provision, advice, indicator)",
          e.id);
  }
  e.text = r.text(node, "text", complete, what, e.id);
  if (node["requires"].IsDefined()) {
    e.requires_location = r.location(node["requires"]);
    e.prerequisites = r.strings(node["requires"], "'requires' of " + e.id, e.id);
  }
  if (auto confidence = r.text(node, "confidence", complete, what, e.id)) {
    e.confidence = parse_confidence(*confidence);
    if (!e.confidence)
      r.error(
          node["confidence"],
          "unknown confidence '" + *confidence + "' for " + e.id + " (allowed: high, medium, low)",
          e.id);
  }
  if (const YAML::Node source = node["source"]; source.IsDefined()) {
    if (r.expect_map(source, "'source' of " + e.id)) {
      r.check_keys(source, {"document", "paragraph"}, "'source' of " + e.id, e.id);
      Source s;
      if (auto doc = r.text(source, "document", true, "'source' of " + e.id, e.id))
        s.document = *doc;
      s.paragraph = r.text(source, "paragraph", false, "'source' of " + e.id, e.id);
      e.source = s;
    }
  } else if (complete) {
    r.error(node,
            what + " lacks the field 'source' (write source: {document: ..., paragraph: null})",
            e.id);
  }
  e.note = r.text(node, "note", false, what, e.id);
  return e;
}

std::vector<RequirementEntry> read_requirements(YamlReader& r, const YAML::Node& list,
                                                std::string_view what, bool complete,
                                                const Model& model) {
  std::vector<RequirementEntry> out;
  if (!r.expect_sequence(list, what)) return out;
  for (const auto& node : list)
    if (auto e = read_requirement(r, node, complete, model)) out.push_back(std::move(*e));
  return out;
}

std::optional<Date> read_date(YamlReader& r, const YAML::Node& node, std::string_view what) {
  auto text = r.scalar(node, what);
  if (!text) return std::nullopt;
  auto d = parse_iso_date(*text);
  if (!d) r.error(node, std::string(what) + " must be a date (YYYY-MM-DD), not '" + *text + "'");
  return d;
}

void read_in_force(YamlReader& r, const YAML::Node& n, InForce& out) {
  if (!n.IsDefined() || n.IsNull() || !r.expect_map(n, "'in_force'")) return;
  r.check_keys(n, {"from", "until"}, "'in_force'");
  if (n["from"].IsDefined() && !n["from"].IsNull())
    out.from = read_date(r, n["from"], "in_force.from");
  if (n["until"].IsDefined() && !n["until"].IsNull())
    out.until = read_date(r, n["until"], "in_force.until");
  if (out.from && out.until && *out.until < *out.from) r.error(n, "in_force ends before it begins");
}

// applies_to: {any: [cond, ...]} or {all: [cond, ...]}; each cond one of swedish_at: bool,
// st_start_before/st_start_from/licensed_before/licensed_from: date.
void read_applies_to(YamlReader& r, const YAML::Node& n, Applicability& out) {
  if (!n.IsDefined() || n.IsNull() || !r.expect_map(n, "'applies_to'")) return;
  r.check_keys(n, {"any", "all"}, "'applies_to'");
  if (n.size() != 1) {
    r.error(n, "'applies_to' takes exactly one of any: [...] or all: [...]");
    return;
  }
  out.any = n["any"].IsDefined();
  const YAML::Node list = out.any ? n["any"] : n["all"];
  if (!r.expect_sequence(list, "the conditions of 'applies_to'")) return;
  if (list.size() == 0)
    r.error(list, "'applies_to' lists no condition, so it would apply to nobody");
  using Field = TraineeCondition::Field;
  static const std::map<std::string, Field> fields{{"swedish_at", Field::swedish_at},
                                                   {"st_start_before", Field::st_start_before},
                                                   {"st_start_from", Field::st_start_from},
                                                   {"licensed_before", Field::licensed_before},
                                                   {"licensed_from", Field::licensed_from}};
  for (const auto& c : list) {
    if (!r.expect_map(c, "a condition of 'applies_to'")) continue;
    if (c.size() != 1) {
      r.error(c, "a condition of 'applies_to' has one key, such as st_start_before: 2021-07-01");
      continue;
    }
    const std::string key = c.begin()->first.as<std::string>("");
    auto it = fields.find(key);
    if (it == fields.end()) {
      r.error(c.begin()->first,
              "unknown condition '" + key +
                  "' (allowed: swedish_at, st_start_before, st_start_from, licensed_before, "
                  "licensed_from)");
      continue;
    }
    TraineeCondition cond;
    cond.field = it->second;
    if (cond.field == Field::swedish_at) {
      auto flag = r.boolean(c.begin()->second, "swedish_at");
      if (!flag) continue;
      cond.flag = *flag;
    } else {
      auto d = read_date(r, c.begin()->second, key);
      if (!d) continue;
      cond.date = *d;
    }
    out.conditions.push_back(cond);
  }
}

RegulationFile read_regulation(YamlReader& r, const std::filesystem::path& path,
                               const Model& model) {
  RegulationFile f;
  f.file = r.file();
  auto root = r.load_file(path);
  if (!root || !r.expect_map(*root, "a regulation file")) return f;
  const YAML::Node& n = *root;
  r.check_keys(n,
               {"regulation", "title", "model", "based_on", "requirements", "amend", "remove",
                "add", "in_force", "applies_to"},
               "a regulation file");
  f.location = r.location(n);
  if (auto id = r.text(n, "regulation", true, "the regulation file")) f.id = *id;
  if (auto title = r.text(n, "title", true, "the regulation file")) f.title = *title;
  if (auto m = r.text(n, "model", true, "the regulation file")) {
    f.model = *m;
    f.model_location = r.location(n["model"]);
  }
  f.based_on = r.text(n, "based_on", false, "the regulation file");
  read_in_force(r, n["in_force"], f.in_force);
  read_applies_to(r, n["applies_to"], f.applies_to);
  if (f.based_on) f.based_on_location = r.location(n["based_on"]);
  if (f.based_on) {
    if (n["requirements"].IsDefined())
      r.error(n["requirements"],
              "a regulation based_on another lists only its changes: use amend, remove and add "
              "instead of requirements");
    if (n["amend"].IsDefined()) f.amend = read_requirements(r, n["amend"], "'amend'", false, model);
    if (n["add"].IsDefined()) f.add = read_requirements(r, n["add"], "'add'", true, model);
    if (n["remove"].IsDefined() && r.expect_sequence(n["remove"], "'remove'"))
      for (const auto& item : n["remove"])
        if (auto id = r.scalar(item, "each item of 'remove'"))
          f.remove.emplace_back(*id, r.location(item));
  } else {
    for (const char* key : {"amend", "remove", "add"})
      if (n[key].IsDefined())
        r.error(n[key],
                std::string("'") + key + "' needs based_on: name the regulation this one changes");
    if (n["requirements"].IsDefined())
      f.requirements = read_requirements(r, n["requirements"], "'requirements'", true, model);
    else
      r.error(n, "the regulation file lacks 'requirements' (or 'based_on' with its changes)");
  }
  f.readable = !f.id.empty();
  return f;
}

std::optional<Model> read_model(YamlReader& r, const std::filesystem::path& path) {
  auto root = r.load_file(path);
  if (!root || !r.expect_map(*root, "a model file")) return std::nullopt;
  const YAML::Node& n = *root;
  r.check_keys(n, {"model", "title", "policy", "sections", "areas", "scales"}, "a model file");
  Model m;
  m.file = r.file();
  if (auto id = r.text(n, "model", true, "the model file")) m.id = *id;
  if (auto title = r.text(n, "title", false, "the model file")) m.title = *title;
  if (const YAML::Node policy = n["policy"];
      policy.IsDefined() && r.expect_map(policy, "'policy'")) {
    for (auto it = policy.begin(); it != policy.end(); ++it) {
      const std::string key = it->first.as<std::string>("");
      if (key != "isolated_exceptions")
        r.error(it->first, "unknown policy '" + key + "' (known: isolated_exceptions)");
      else if (auto v = r.integer(it->second, "policy " + key)) {
        if (*v < 0)
          r.error(it->second, "policy " + key + " must not be negative");
        else
          m.policy[key] = *v;
      }
    }
  }
  for (const char* key : {"scales", "areas", "sections"})
    if (!n[key].IsDefined()) r.error(n, std::string("the model file lacks '") + key + "'");
  if (const YAML::Node scales = n["scales"];
      scales.IsDefined() && r.expect_map(scales, "'scales'")) {
    for (auto it = scales.begin(); it != scales.end(); ++it) {
      Scale s;
      s.id = it->first.as<std::string>("");
      // A named copy: `it->second` lives in a proxy that dies before a range-for over it runs.
      const YAML::Node rows = it->second;
      if (!r.expect_sequence(rows, "scale " + s.id)) continue;
      for (const auto& row_node : rows) {
        if (!r.expect_map(row_node, "a row of scale " + s.id)) continue;
        r.check_keys(row_node, {"grade", "when", "consequence", "text"}, "a row of scale " + s.id);
        ScaleRow row;
        row.location = r.location(row_node);
        if (auto g = r.text(row_node, "grade", true, "a row of scale " + s.id)) {
          if (auto grade = parse_grade(*g))
            row.grade = *grade;
          else
            r.error(row_node["grade"], "unknown grade '" + *g + "' (grades: A, B, C, D)");
        }
        if (auto w = r.text(row_node, "when", true, "a row of scale " + s.id)) {
          row.when = *w;
          // Compile now, while the node is at hand: the error points at the `when` line.
          std::string error;
          int column = 0;
          if (!detail::Expression::parse(row.when, m.policy, error, column))
            r.error(row_node["when"], "in scale " + s.id + ", grade " +
                                          std::string(to_string(row.grade)) +
                                          ": cannot read when \"" + row.when + "\" at column " +
                                          std::to_string(column) + ": " + error);
        }
        if (auto t = r.text(row_node, "text", true, "a row of scale " + s.id)) row.text = *t;
        if (auto c = r.text(row_node, "consequence", false, "a row of scale " + s.id)) {
          if (auto consequence = parse_consequence(*c))
            row.consequence = *consequence;
          else
            r.error(row_node["consequence"],
                    "unknown consequence '" + *c +
                        "' (allowed: action-required, action-recommended, none)");
        }
        s.rows.push_back(std::move(row));
      }
      if (s.rows.empty()) r.error(it->second, "scale " + s.id + " has no rows");
      m.scales.emplace(s.id, std::move(s));
    }
  }
  if (const YAML::Node areas = n["areas"];
      areas.IsDefined() && r.expect_sequence(areas, "'areas'")) {
    for (const auto& a : areas) {
      if (!r.expect_map(a, "an area")) continue;
      r.check_keys(a, {"id", "name", "scale", "preamble"}, "an area");
      Area area;
      if (auto id = r.text(a, "id", true, "an area")) area.id = *id;
      if (auto name = r.text(a, "name", true, "area " + area.id)) area.name = *name;
      if (auto scale = r.text(a, "scale", true, "area " + area.id)) {
        area.scale = *scale;
        if (!m.scales.count(*scale)) {
          std::vector<std::string> known;
          for (const auto& [k, v] : m.scales) known.push_back(k);
          r.error(a["scale"], "unknown scale '" + *scale + "' for area " + area.id +
                                  " (scales: " + join(known) + ")");
        }
      }
      if (auto preamble = r.text(a, "preamble", false, "area " + area.id))
        area.preamble = *preamble;
      if (m.find_area(area.id)) r.error(a, "area " + area.id + " is defined twice");
      m.areas.push_back(std::move(area));
    }
  }
  if (const YAML::Node sections = n["sections"];
      sections.IsDefined() && r.expect_sequence(sections, "'sections'")) {
    for (const auto& sn : sections) {
      if (!r.expect_map(sn, "a section")) continue;
      r.check_keys(sn, {"id", "name", "areas"}, "a section");
      Section s;
      if (auto id = r.text(sn, "id", true, "a section")) s.id = *id;
      if (auto name = r.text(sn, "name", true, "section " + s.id)) s.name = *name;
      if (sn["areas"].IsDefined()) {
        if (auto list = r.strings(sn["areas"], "'areas' of section " + s.id)) s.areas = *list;
      } else {
        r.error(sn, "section " + s.id + " lacks the field 'areas'");
      }
      for (const auto& a : s.areas) {
        auto it = std::find_if(m.areas.begin(), m.areas.end(), [&](auto& x) { return x.id == a; });
        if (it == m.areas.end())
          r.error(sn["areas"], "unknown area '" + a + "' in section " + s.id);
        else
          it->section = s.id;
      }
      m.sections.push_back(std::move(s));
    }
  }
  if (m.areas.empty()) r.error(n, "the model defines no areas");
  for (const auto& a : m.areas)
    if (a.section.empty()) r.error(n["areas"], "area " + a.id + " belongs to no section");
  return m;
}

// Orders regulations so every base comes before the regulations based on it.
struct Resolver {
  std::vector<Diagnostic>& diagnostics;
  const Model& model;
  std::map<std::string, std::map<std::string, std::string>> removed_ids{};  // by regulation

  void error(const SourceLocation& at, std::string message, std::string requirement = {}) {
    diagnostics.push_back(
        {Severity::error, at.file, at.line, at.column, std::move(message), std::move(requirement)});
  }

  Requirement make(const RequirementEntry& e) {
    Requirement q;
    q.id = e.id;
    q.area = e.area.value_or("");
    q.kind = e.kind.value_or(Kind::provision);
    q.text = e.text.value_or("");
    q.prerequisites = e.prerequisites.value_or(std::vector<std::string>{});
    q.confidence = e.confidence.value_or(Confidence::medium);
    q.source = e.source.value_or(Source{});
    q.note = e.note.value_or("");
    q.location = e.location;
    q.requires_location = e.requires_location;
    return q;
  }

  void add_all(Regulation& reg, const std::vector<RequirementEntry>& entries,
               std::map<std::string, SourceLocation>& defined) {
    for (const auto& e : entries) {
      if (auto it = defined.find(e.id); it != defined.end()) {
        error(e.location,
              "duplicate requirement id '" + e.id + "' in " + reg.id + " (first defined at line " +
                  std::to_string(it->second.line) +
                  (it->second.file != e.location.file ? " of " + it->second.file : std::string()) +
                  ")",
              e.id);
        continue;
      }
      defined.emplace(e.id, e.location);
      reg.requirements.push_back(make(e));
    }
  }

  Regulation resolve(const RegulationFile& f, const Regulation* base) {
    Regulation reg;
    reg.id = f.id;
    reg.title = f.title;
    reg.model = f.model;
    reg.based_on = f.based_on;
    reg.file = f.file;
    reg.in_force = f.in_force;
    reg.applies_to = f.applies_to;
    std::map<std::string, SourceLocation> defined;
    if (!base) {
      add_all(reg, f.requirements, defined);
      return reg;
    }
    reg.requirements = base->requirements;
    for (const auto& q : reg.requirements) defined.emplace(q.id, q.location);
    for (const auto& removed : f.remove) {
      // Named members, not a structured binding: clang before 16 cannot capture one.
      const std::string& id = removed.first;
      const SourceLocation& at = removed.second;
      auto it = std::find_if(reg.requirements.begin(), reg.requirements.end(),
                             [&](const Requirement& q) { return q.id == id; });
      if (it == reg.requirements.end()) {
        error(at, "cannot remove '" + id + "': " + base->id + " has no such requirement", id);
        continue;
      }
      reg.requirements.erase(it);
      defined.erase(id);
    }
    for (const auto& e : f.amend) {
      auto it = std::find_if(reg.requirements.begin(), reg.requirements.end(),
                             [&](const Requirement& q) { return q.id == e.id; });
      if (it == reg.requirements.end()) {
        error(e.location, "cannot amend '" + e.id + "': " + base->id + " has no such requirement",
              e.id);
        continue;
      }
      if (!e.area && !e.kind && !e.text && !e.prerequisites && !e.confidence && !e.source &&
          !e.note)
        error(e.location,
              "the amendment of " + e.id + " changes nothing; name the fields it changes", e.id);
      if (e.area) it->area = *e.area;
      if (e.kind) it->kind = *e.kind;
      if (e.text) it->text = *e.text;
      if (e.prerequisites) {
        it->prerequisites = *e.prerequisites;
        it->requires_location = e.requires_location;
      }
      if (e.confidence) it->confidence = *e.confidence;
      if (e.source) it->source = *e.source;
      if (e.note) it->note = *e.note;
      it->location = e.location;
    }
    // Ids removed anywhere along the chain are never reused (spur-model.md section 3).
    auto& removed = removed_ids[reg.id];
    removed = removed_ids[base->id];
    for (const auto& [id, at] : f.remove) removed.emplace(id, base->id);
    for (const auto& e : f.add)
      if (auto it = removed.find(e.id); it != removed.end())
        error(e.location,
              "'" + e.id + "' was removed from " + it->second +
                  " and removed ids are never reused; give the new requirement the next free "
                  "number in area " +
                  e.area.value_or("?"),
              e.id);
    add_all(reg, f.add, defined);
    // Keep catalogue order: areas in model order, each area's requirements as they came.
    std::stable_sort(reg.requirements.begin(), reg.requirements.end(),
                     [&](const Requirement& a, const Requirement& b) { return a.area < b.area; });
    return reg;
  }

  // A delta inherits its base's requirements; a problem of one it left unchanged was already
  // reported for the base, so only what the delta itself broke is reported again.
  void check(const Regulation& reg, const Regulation* base) {
    for (const auto& q : reg.requirements) {
      const Requirement* old = base ? base->find(q.id) : nullptr;
      const bool inherited = old && old->location.file == q.location.file &&
                             old->location.line == q.location.line &&
                             old->location.column == q.location.column;
      for (const auto& p : q.prerequisites) {
        if (inherited && (p == q.id || !base->find(p))) continue;  // reported for the base
        if (p == q.id)
          error(q.requires_location.line ? q.requires_location : q.location,
                q.id + " requires itself", q.id);
        else if (!reg.find(p))
          error(q.requires_location.line ? q.requires_location : q.location,
                q.id + " requires '" + p + "', which " + reg.id + " does not define", q.id);
      }
      const Area* area = model.find_area(q.area);
      if (!area || inherited) continue;
      const Scale* scale = model.find_scale(area->scale);
      if (q.kind == Kind::advice && scale && !scale->has_grade(Grade::C))
        error(q.location,
              "advice " + q.id + " in area " + area->id + ", whose scale " + scale->id +
                  " has no C step (make it a provision or an indicator, or give the area a "
                  "four-step scale)",
              q.id);
      if (!q.id.empty() && q.id.substr(0, q.area.size()) != q.area)
        diagnostics.push_back(
            {Severity::warning, q.location.file, q.location.line, q.location.column,
             "id " + q.id + " does not start with its area letter " + q.area, q.id});
    }
  }
};

// True when `file` exists; a name that cannot be looked at (a symbolic link loop, a folder
// without permission) is reported and counts as present, so it is not taken for missing.
bool present(const std::filesystem::path& file, std::vector<Diagnostic>& diags) {
  std::error_code ec;
  const auto status = std::filesystem::symlink_status(file, ec);
  if (ec && ec != std::errc::no_such_file_or_directory) {
    diags.push_back({Severity::error, file.string(), 0, 0, "cannot read: " + ec.message(), {}});
    return false;
  }
  return std::filesystem::exists(status);
}

}  // namespace

LoadResult load_rules(const std::filesystem::path& directory) {
  return load_rules(std::vector<std::filesystem::path>{directory});
}

LoadResult load_rules(const std::vector<std::filesystem::path>& directories) {
  LoadResult result;
  auto& diags = result.diagnostics;
  auto log = detail::logger();
  std::error_code ec;
  // The folders of every directory, in order: a draft regulation can live beside the bundled
  // ones without copying them.
  std::vector<std::filesystem::path> folders;
  for (const auto& directory : directories) {
    const auto status = std::filesystem::status(directory, ec);
    if (ec && ec != std::errc::no_such_file_or_directory) {
      diags.push_back({Severity::error,
                       directory.string(),
                       0,
                       0,
                       "cannot read the rules directory: " + ec.message(),
                       {}});
      continue;
    }
    if (!std::filesystem::is_directory(status)) {
      diags.push_back({Severity::error,
                       directory.string(),
                       0,
                       0,
                       std::filesystem::exists(status)
                           ? "is not a directory: give the folder holding the rule folders"
                           : "no such rules directory",
                       {}});
      continue;
    }
    std::vector<std::filesystem::path> own;
    std::filesystem::directory_iterator it(directory, ec), end;
    for (; !ec && it != end; it.increment(ec)) {
      if (it->path().filename().string().front() == '.') continue;
      std::error_code entry_ec;
      const bool is_folder = it->is_directory(entry_ec);
      if (entry_ec)  // a symbolic link loop, a dangling link, ...
        diags.push_back(
            {Severity::error, it->path().string(), 0, 0, "cannot read: " + entry_ec.message(), {}});
      else if (is_folder)
        own.push_back(it->path());
    }
    if (ec)
      diags.push_back({Severity::error,
                       directory.string(),
                       0,
                       0,
                       "cannot list the rules directory: " + ec.message(),
                       {}});
    std::sort(own.begin(), own.end());
    folders.insert(folders.end(), own.begin(), own.end());
  }
  if (has_errors(diags)) return result;
  const std::filesystem::path directory =
      directories.empty() ? std::filesystem::path() : directories.front();

  auto data = std::make_shared<detail::RuleBookData>();
  data->directory = directory;
  std::optional<Model> model;
  bool model_file_found = false;
  for (const auto& folder : folders) {
    if (!present(folder / "model.yaml", diags)) continue;
    model_file_found = true;
    YamlReader r((folder / "model.yaml").string(), diags);
    if (model) {
      diags.push_back(
          {Severity::error,
           r.file(),
           1,
           1,
           "a second model (" + model->id + " is already loaded from " + model->file +
               "); a rule book holds one model, so a folder of draft regulations needs none",
           {}});
      continue;
    }
    r.guarded([&] { model = read_model(r, folder / "model.yaml"); });
  }
  if (!model) {
    // A model.yaml that could not be read has said why already.
    if (!model_file_found)
      diags.push_back({Severity::error,
                       directory.string(),
                       0,
                       0,
                       "no model.yaml in any folder of the rules directory",
                       {}});
    return result;
  }
  // Everything else is read against the model's areas: without any, stop at the model's errors.
  if (model->areas.empty()) return result;
  log->debug("loaded model {} with {} areas and {} scales", model->id, model->areas.size(),
             model->scales.size());

  std::vector<RegulationFile> files;
  for (const auto& folder : folders) {
    if (!present(folder / "regulation.yaml", diags)) continue;
    YamlReader r((folder / "regulation.yaml").string(), diags);
    RegulationFile f;
    r.guarded([&] { f = read_regulation(r, folder / "regulation.yaml", *model); });
    if (!f.readable) continue;
    for (const auto& other : files)
      if (other.id == f.id)
        diags.push_back({Severity::error,
                         f.location.file,
                         f.location.line,
                         f.location.column,
                         "regulation '" + f.id + "' is defined twice (also in " + other.file + ")",
                         {}});
    if (!f.model.empty() && f.model != model->id)
      diags.push_back({Severity::error,
                       f.model_location.file,
                       f.model_location.line,
                       f.model_location.column,
                       "unknown model '" + f.model + "' (known: " + model->id + ")",
                       {}});
    files.push_back(std::move(f));
  }

  // Resolve based_on chains: bases first; report unknown bases and loops.
  detail::RuleGraph& graph = data->graph;
  std::map<std::string, int> file_index;
  for (std::size_t i = 0; i < files.size(); ++i)
    file_index.emplace(files[i].id, static_cast<int>(i));
  std::vector<int> reg_vertex;
  for (const auto& f : files) reg_vertex.push_back(graph.add_regulation(f.id));
  std::vector<std::string> known_ids;
  for (const auto& f : files) known_ids.push_back(f.id);
  std::vector<bool> broken(files.size());
  for (std::size_t i = 0; i < files.size(); ++i) {
    const auto& f = files[i];
    if (!f.based_on) continue;
    auto it = file_index.find(*f.based_on);
    if (it == file_index.end()) {
      std::vector<std::string> others;  // a regulation cannot be based on itself
      for (const auto& id : known_ids)
        if (id != f.id) others.push_back(id);
      diags.push_back({Severity::error,
                       f.based_on_location.file,
                       f.based_on_location.line,
                       f.based_on_location.column,
                       "unknown regulation '" + *f.based_on + "' in based_on of " + f.id +
                           " (known: " + (others.empty() ? "none" : join(others)) + ")",
                       {}});
      broken[i] = true;
    } else {
      graph.add_based_on(reg_vertex[i], reg_vertex[it->second]);
    }
  }
  for (const auto& cycle : graph.regulation_cycles()) {
    std::vector<std::string> names;
    for (int v : cycle) names.push_back(graph.name(v));
    names.push_back(names.front());
    const auto& f = files[file_index[names.front()]];
    diags.push_back({Severity::error,
                     f.based_on_location.file,
                     f.based_on_location.line,
                     f.based_on_location.column,
                     "based_on chain loops: " + join(names, " -> "),
                     {}});
    for (int v : cycle) broken[file_index[graph.name(v)]] = true;
  }

  Resolver resolver{diags, *model};
  std::vector<std::optional<Regulation>> resolved(files.size());
  std::vector<std::size_t> resolution_order;  // bases before the regulations built on them
  // Repeatedly resolve whatever has its base resolved; loops and unknown bases stay broken.
  for (bool progress = true; progress;) {
    progress = false;
    for (std::size_t i = 0; i < files.size(); ++i) {
      if (resolved[i] || broken[i]) continue;
      const Regulation* base = nullptr;
      if (files[i].based_on) {
        int b = file_index[*files[i].based_on];
        if (broken[b]) {
          broken[i] = true;
          progress = true;
          continue;
        }
        if (!resolved[b]) continue;
        base = &*resolved[b];
      }
      resolved[i] = resolver.resolve(files[i], base);
      resolver.check(*resolved[i], base);
      resolution_order.push_back(i);
      progress = true;
    }
  }

  // Requirements and their requires edges, one vertex per requirement of each regulation.
  data->model = std::move(*model);
  for (const auto& area : data->model.areas) {
    data->area_index.emplace(area.id, static_cast<int>(data->area_vertex.size()));
    data->area_vertex.push_back(graph.add_area(area.id, area.name));
  }
  for (std::size_t i : resolution_order) data->regulations.push_back(std::move(*resolved[i]));
  std::set<std::string> seen_cycles;
  for (const auto& reg : data->regulations) {
    int rv = reg_vertex[file_index[reg.id]];
    detail::CompiledRegulation c;
    c.vertex = rv;
    for (const auto& q : reg.requirements) {
      auto area = data->area_index.find(q.area);
      int av = area == data->area_index.end() ? data->area_vertex.front()
                                              : data->area_vertex[area->second];
      c.index.emplace(q.id, static_cast<int>(c.vertex_of.size()));
      c.vertex_of.push_back(graph.add_requirement(rv, av, q.id, std::string(to_string(q.kind))));
      c.area.push_back(area == data->area_index.end() ? 0 : area->second);
    }
    for (std::size_t k = 0; k < reg.requirements.size(); ++k)
      for (const auto& p : reg.requirements[k].prerequisites)
        if (auto it = c.index.find(p); it != c.index.end() && p != reg.requirements[k].id)
          graph.add_requires(c.vertex_of[k], c.vertex_of[it->second]);
    data->compiled.push_back(std::move(c));
  }
  for (const auto& cycle : graph.requirement_cycles()) {
    std::vector<std::string> names;
    for (int v : cycle) names.push_back(graph.name(v));
    // Rotate so the cycle starts at its smallest id: the same cycle inherited by a delta is
    // then reported once.
    auto smallest = std::min_element(names.begin(), names.end());
    std::rotate(names.begin(), smallest, names.end());
    names.push_back(names.front());
    const std::string message = "requires forms a cycle: " + join(names, " -> ");
    if (!seen_cycles.insert(message).second) continue;
    // Report it where the first requirement of the cycle is defined, in its own regulation.
    SourceLocation at;
    for (int v : cycle)
      if (graph.name(v) == names.front())
        for (std::size_t i = 0; i < data->compiled.size(); ++i) {
          const auto& vs = data->compiled[i].vertex_of;
          if (auto it = std::find(vs.begin(), vs.end(), v); it != vs.end()) {
            const Requirement& q = data->regulations[i].requirements[it - vs.begin()];
            at = q.requires_location.line ? q.requires_location : q.location;
          }
        }
    diags.push_back({Severity::error, at.file, at.line, at.column, message, names.front()});
  }

  std::stable_sort(diags.begin(), diags.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.file, a.line) < std::tie(b.file, b.line);
  });
  if (has_errors(diags)) return result;

  // The book is sound: compile what evaluation needs.
  for (std::size_t i = 0; i < data->regulations.size(); ++i) {
    auto& c = data->compiled[i];
    const auto& reg = data->regulations[i];
    c.regulation = &reg;
    std::map<int, int> position;
    for (std::size_t k = 0; k < c.vertex_of.size(); ++k)
      position[c.vertex_of[k]] = static_cast<int>(k);
    for (int v : graph.evaluation_order(c.vertex)) c.order.push_back(position.at(v));
    c.prerequisites.resize(reg.requirements.size());
    for (std::size_t k = 0; k < reg.requirements.size(); ++k)
      for (int v : graph.direct_prerequisites(c.vertex_of[k]))
        c.prerequisites[k].push_back(position.at(v));
    for (int k : c.order)
      if (!c.prerequisites[k].empty()) c.order_with_prerequisites.push_back(k);
    c.dependents.resize(reg.requirements.size());
    for (std::size_t k = 0; k < reg.requirements.size(); ++k)
      for (int p : c.prerequisites[k]) c.dependents[p].push_back(static_cast<int>(k));
    for (std::size_t k = 0; k < reg.requirements.size(); ++k)
      if (!c.dependents[k].empty()) c.with_dependents.push_back(static_cast<int>(k));
    for (const auto& q : reg.requirements)
      if (std::find(data->requirement_ids.begin(), data->requirement_ids.end(), q.id) ==
          data->requirement_ids.end())
        data->requirement_ids.push_back(q.id);
    log->debug("regulation {}: {} requirements{}", reg.id, reg.requirements.size(),
               reg.based_on ? " (based on " + *reg.based_on + ")" : "");
  }
  std::stable_sort(data->requirement_ids.begin(), data->requirement_ids.end(),
                   [](const std::string& a, const std::string& b) {
                     return a.front() != b.front()
                                ? a.front() < b.front()
                                : std::atoi(a.c_str() + 1) < std::atoi(b.c_str() + 1);
                   });
  for (std::size_t g = 0; g < data->requirement_ids.size(); ++g) {
    data->global_index.emplace(data->requirement_ids[g], static_cast<int>(g));
    if (int code = detail::RuleBookData::short_code(data->requirement_ids[g]); code >= 0)
      data->short_id_index[code] = static_cast<int>(g);
  }
  for (const auto& reg : data->regulations)
    for (const auto& q : reg.requirements)
      data->text_index.emplace(normalise_text(q.text), data->global_index.at(q.id));
  for (auto& c : data->compiled) {
    c.position_of.assign(data->requirement_ids.size(), -1);
    c.area_members.resize(data->model.areas.size());
    for (std::size_t k = 0; k < c.regulation->requirements.size(); ++k) {
      c.position_of[data->global_index.at(c.regulation->requirements[k].id)] = static_cast<int>(k);
      c.area_members[c.area[k]].push_back(static_cast<int>(k));
    }
  }
  for (const auto& area : data->model.areas) {
    detail::CompiledScale cs;
    cs.scale = data->model.find_scale(area.scale);
    for (const auto& row : cs.scale->rows) {
      std::string error;
      int column = 0;
      cs.when.push_back(*detail::Expression::parse(row.when, data->model.policy, error, column));
    }
    data->area_scales.push_back(std::move(cs));
  }
  data->programs = detail::compile_programs(*data);
  for (const auto& reg : data->regulations) {
    auto& outcomes = data->outcomes.emplace_back();
    for (Status s : all_statuses)
      for (const auto& q : reg.requirements) outcomes[static_cast<int>(s)].push_back({&q, s});
  }
  data->warnings = diags;
  result.book = RuleBook(std::move(data));
  return result;
}

}  // namespace spur
