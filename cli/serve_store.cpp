#include "serve_store.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <memory>
#include <sstream>
#include <tuple>

#include "spur/dates.hpp"
#include "spur/diff.hpp"
#include "spur/evaluation.hpp"
#include "spur/explain.hpp"
#include "spur/follow_up.hpp"
#include "spur/import.hpp"
#include "spur/inspection.hpp"
#include "spur/json.hpp"
#include "spur/output_file.hpp"

namespace fs = std::filesystem;
using nlohmann::json;

namespace spur::cli {

namespace {

bool is_inspection_name(const fs::path& p) {
  const auto ext = p.extension().string();
  return ext == ".yaml" || ext == ".yml";
}

// True when `p` is `root` or lies below it (both canonical).
bool inside(const fs::path& root, const fs::path& p) {
  auto r = root.begin();
  auto q = p.begin();
  for (; r != root.end(); ++r, ++q)
    if (q == p.end() || *r != *q) return false;
  return true;
}

std::string messages(const Error& e) {
  std::string out;
  for (const auto& d : e.diagnostics()) out += (out.empty() ? "" : "\n") + d.format();
  return out.empty() ? std::string(e.what()) : out;
}

const json& field(const json& request, const char* key) {
  static const json none;
  return request.is_object() && request.contains(key) ? request[key] : none;
}

std::string text_field(const json& object, const char* key, const std::string& what) {
  const json& v = field(object, key);
  if (v.is_null()) return {};
  if (!v.is_string()) throw Refusal(400, what + ": '" + key + "' must be text");
  return v.get<std::string>();
}

// One edit of a finding, checked.
struct FindingEdit {
  std::string requirement;
  Status status;
  std::string note;
};

// One edit of a plan entry: its index and the text fields given.
struct PlanEdit {
  std::size_t index;
  std::vector<std::pair<std::string, std::string>> fields;
};

const std::vector<std::string>& plan_text_fields() {
  static const std::vector<std::string> names{"action", "due", "responsible", "follow_up",
                                              "follow_up_responsible"};
  return names;
}

struct Edits {
  std::vector<FindingEdit> findings;
  std::vector<PlanEdit> plan;
};

Edits read_edits(const RuleBook& book, const json& request) {
  Edits out;
  const json& findings = field(request, "findings");
  if (!findings.is_null() && !findings.is_object())
    throw Refusal(400, "'findings' must be an object {requirement: {status, note}}");
  if (findings.is_object())
    for (const auto& [id, value] : findings.items()) {
      if (!book.find_requirement(id))
        throw Refusal(400, "unknown requirement '" + id + "' (the rule book has no such id)");
      if (!value.is_object()) throw Refusal(400, "the finding for " + id + " must be an object");
      const std::string status_text = text_field(value, "status", "the finding for " + id);
      auto status = parse_status(status_text);
      if (!status)
        throw Refusal(400, "invalid status '" + status_text + "' for " + id +
                               " (allowed: met, partially_met, not_met, not_applicable, "
                               "not_assessed)");
      std::string note = text_field(value, "note", "the finding for " + id);
      if (note.size() > 20000) throw Refusal(400, "the note for " + id + " is too long");
      out.findings.push_back({id, *status, std::move(note)});
    }
  const json& plan = field(request, "action_plan");
  if (!plan.is_null() && !plan.is_array())
    throw Refusal(400, "'action_plan' must be a list of {index, field: text}");
  if (plan.is_array())
    for (const auto& e : plan) {
      const json& index = field(e, "index");
      if (!index.is_number_unsigned())
        throw Refusal(400, "each action_plan edit needs an 'index' (0, 1, ...)");
      PlanEdit edit{index.get<std::size_t>(), {}};
      for (const auto& name : plan_text_fields())
        if (e.contains(name))
          edit.fields.emplace_back(name, text_field(e, name.c_str(), "action_plan entry"));
      out.plan.push_back(std::move(edit));
    }
  return out;
}

void apply(Inspection& insp, const Edits& edits) {
  for (const auto& e : edits.findings) {
    auto f = std::find_if(insp.findings.begin(), insp.findings.end(),
                          [&](const Finding& x) { return x.requirement == e.requirement; });
    if (f == insp.findings.end()) {
      insp.findings.push_back(Finding{});
      f = std::prev(insp.findings.end());
      f->requirement = e.requirement;
    }
    f->status = e.status;
    f->by_regulation.clear();
    f->note = e.note;
  }
  for (const auto& e : edits.plan) {
    if (e.index >= insp.action_plan.size())
      throw Refusal(400, "action_plan has no entry " + std::to_string(e.index + 1));
    PlanEntry& p = insp.action_plan[e.index];
    for (const auto& [name, value] : e.fields) {
      if (name == "action") p.action = value;
      if (name == "due") p.due = value;
      if (name == "responsible") p.responsible = value;
      if (name == "follow_up") p.follow_up = value;
      if (name == "follow_up_responsible") p.follow_up_responsible = value;
    }
  }
  if (!edits.plan.empty()) read_plan_phrases(insp);  // read the edited dates once, here
}

// Applies the edits to the file's YAML, keeping every other key as it was.
void apply(YAML::Node& root, const Edits& edits) {
  if (!edits.findings.empty() && !root["findings"].IsMap()) root["findings"] = YAML::Node();
  YAML::Node findings = root["findings"];
  for (const auto& e : edits.findings) {
    const std::string status(to_string(e.status));
    YAML::Node f = findings[e.requirement];
    if (f.IsMap()) {
      f.remove("by_regulation");
      f["status"] = status;
      if (!e.note.empty() || f["note"].IsDefined()) f["note"] = e.note;
    } else if (e.note.empty()) {
      findings[e.requirement] = status;
    } else {
      YAML::Node m(YAML::NodeType::Map);
      m["status"] = status;
      m["note"] = e.note;
      m.SetStyle(YAML::EmitterStyle::Flow);
      findings[e.requirement] = m;
    }
  }
  for (const auto& e : edits.plan) {
    YAML::Node plan = root["action_plan"];
    if (!plan.IsSequence() || e.index >= plan.size())
      throw Refusal(400, "action_plan has no entry " + std::to_string(e.index + 1));
    YAML::Node entry = plan[e.index];
    for (const auto& [name, value] : e.fields)
      if (!value.empty() || entry[name].IsDefined()) entry[name] = value;
  }
}

// A YAML double-quoted scalar: JSON's string form is one.
std::string quoted(const std::string& text) {
  return json(text).dump(-1, ' ', false, json::error_handler_t::replace);
}

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    auto end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

std::size_t indentation(const std::string& line) {
  return line.find_first_not_of(' ') == std::string::npos ? line.size()
                                                          : line.find_first_not_of(' ');
}

bool blank_or_comment(const std::string& line) {
  const auto at = line.find_first_not_of(" \t");
  return at == std::string::npos || line[at] == '#';
}

// The findings edited line by line, so that comments, quoting and order stay as they were:
// each edited finding written on one line (`  D1: {status: not_met, note: "..."}`), new ones
// after the last finding. Nothing when the file is not laid out one finding per line (then
// the caller rewrites the whole file).
std::optional<std::string> patch_findings(const std::string& text, const Edits& edits) {
  std::vector<std::string> lines = split_lines(text);
  std::size_t begin = 0;
  while (begin < lines.size() && lines[begin].rfind("findings:", 0) != 0) ++begin;
  if (begin == lines.size()) return std::nullopt;
  {
    std::string rest = lines[begin].substr(9);
    if (!blank_or_comment(rest)) return std::nullopt;  // findings: {} and the like
  }
  std::size_t end = begin + 1;
  while (end < lines.size() && (blank_or_comment(lines[end]) || indentation(lines[end]) > 0)) ++end;
  std::size_t indent = 0, last = begin;
  for (std::size_t i = begin + 1; i < end; ++i)
    if (!blank_or_comment(lines[i])) {
      if (!indent) indent = indentation(lines[i]);
      if (indentation(lines[i]) == indent) last = i;
    }
  if (!indent) indent = 2;
  const std::string pad(indent, ' ');
  std::vector<std::string> added;
  for (const auto& e : edits.findings) {
    std::string line = pad + e.requirement + ": ";
    line += e.note.empty() ? std::string(to_string(e.status))
                           : "{status: " + std::string(to_string(e.status)) +
                                 ", note: " + quoted(e.note) + "}";
    bool found = false;
    for (std::size_t i = begin + 1; i < end && !found; ++i) {
      const std::string& l = lines[i];
      if (indentation(l) != indent || l.compare(indent, e.requirement.size(), e.requirement) != 0)
        continue;
      const std::size_t colon = indent + e.requirement.size();
      if (colon >= l.size() || l[colon] != ':') continue;
      if (blank_or_comment(l.substr(colon + 1))) return std::nullopt;  // a nested mapping
      std::size_t next = i + 1;
      while (next < end && blank_or_comment(lines[next])) ++next;
      if (next < end && indentation(lines[next]) > indent) return std::nullopt;  // continues
      lines[i] = line;
      found = true;
    }
    if (!found) added.push_back(line);
  }
  lines.insert(lines.begin() + static_cast<std::ptrdiff_t>(last + 1), added.begin(), added.end());
  std::string out;
  for (const auto& l : lines) out += l + "\n";
  if (!text.empty() && text.back() != '\n') out.pop_back();
  return out;
}

// The handlingsplan's edited fields rewritten line by line: a field's value (one line, or a
// block scalar over several) becomes one quoted line; a missing field is added at the end of
// its entry. Nothing when the plan is not a block list of mappings.
std::optional<std::string> patch_plan(const std::string& text, const Edits& edits) {
  if (edits.plan.empty()) return text;
  std::vector<std::string> lines = split_lines(text);
  std::size_t begin = 0;
  while (begin < lines.size() && lines[begin].rfind("action_plan:", 0) != 0) ++begin;
  if (begin == lines.size() || !blank_or_comment(lines[begin].substr(12))) return std::nullopt;
  std::size_t end = begin + 1;
  while (end < lines.size() && (blank_or_comment(lines[end]) || indentation(lines[end]) > 0)) ++end;
  // Where each entry starts: a "- " at the indentation of the first one.
  std::vector<std::size_t> starts;
  std::size_t dash = std::string::npos;
  for (std::size_t i = begin + 1; i < end; ++i) {
    if (blank_or_comment(lines[i])) continue;
    const std::size_t in = indentation(lines[i]);
    if (dash == std::string::npos) {
      if (lines[i].compare(in, 2, "- ") != 0) return std::nullopt;
      dash = in;
    }
    if (in == dash) {
      if (lines[i].compare(in, 2, "- ") != 0) return std::nullopt;
      starts.push_back(i);
    }
  }
  // Edits in reverse line order, so that earlier positions stay valid.
  std::vector<std::tuple<std::size_t, std::string, std::string>> todo;
  for (const auto& e : edits.plan)
    for (const auto& [key, value] : e.fields) todo.emplace_back(e.index, key, value);
  std::sort(todo.begin(), todo.end(),
            [](const auto& a, const auto& b) { return std::get<0>(a) > std::get<0>(b); });
  const std::size_t key_indent = dash + 2;
  for (const auto& [index, key, value] : todo) {
    if (index >= starts.size()) return std::nullopt;
    const std::size_t first = starts[index];
    const std::size_t last = index + 1 < starts.size() ? starts[index + 1] : end;  // exclusive
    const std::string line = std::string(key_indent, ' ') + key + ": " + quoted(value);
    bool found = false;
    for (std::size_t i = first; i < last && !found; ++i) {
      const std::string& l = lines[i];
      if (l.size() <= key_indent + key.size() ||
          l.compare(key_indent, key.size() + 1, key + ":") != 0)
        continue;
      if (i == first) return std::nullopt;  // the key on the "- " line: rare, rewrite instead
      std::size_t stop = i + 1;
      while (stop < last && (lines[stop].empty() || indentation(lines[stop]) > key_indent)) ++stop;
      while (stop > i + 1 && blank_or_comment(lines[stop - 1])) --stop;
      lines.erase(lines.begin() + static_cast<std::ptrdiff_t>(i),
                  lines.begin() + static_cast<std::ptrdiff_t>(stop));
      lines.insert(lines.begin() + static_cast<std::ptrdiff_t>(i), line);
      found = true;
    }
    if (!found && !value.empty()) {
      std::size_t at = last;
      while (at > first + 1 && blank_or_comment(lines[at - 1])) --at;
      lines.insert(lines.begin() + static_cast<std::ptrdiff_t>(at), line);
    }
  }
  std::string out;
  for (const auto& l : lines) out += l + "\n";
  if (!text.empty() && text.back() != '\n') out.pop_back();
  return out;
}

bool same_plan(const Inspection& a, const Inspection& b) {
  if (a.action_plan.size() != b.action_plan.size()) return false;
  for (std::size_t i = 0; i < a.action_plan.size(); ++i) {
    const PlanEntry& p = a.action_plan[i];
    const PlanEntry& q = b.action_plan[i];
    if (p.requirement != q.requirement || p.action != q.action || p.due != q.due ||
        p.responsible != q.responsible || p.follow_up != q.follow_up ||
        p.follow_up_responsible != q.follow_up_responsible || p.received != q.received ||
        p.regulation != q.regulation)
      return false;
  }
  return true;
}

bool same_findings(const Inspection& a, const Inspection& b) {
  if (a.findings.size() != b.findings.size()) return false;
  for (const auto& f : a.findings) {
    const Finding* g = b.find(f.requirement);
    if (!g || g->status != f.status || g->note != f.note ||
        g->by_regulation.size() != f.by_regulation.size())
      return false;
  }
  return true;
}

// The comment lines that open the file, kept above the rewritten YAML.
std::string leading_comments(const std::string& text) {
  std::istringstream in(text);
  std::string line, out;
  while (std::getline(in, line)) {
    if (line.rfind("#", 0) != 0) break;
    out += line + "\n";
  }
  return out;
}

std::string grades_text(const json& grades) {
  std::string out;
  for (const auto& g : grades) out += (out.empty() ? "" : "/") + g.get<std::string>();
  return out;
}

json evaluation_json(const RuleBook& book, const Evaluation& ev) {
  json full = to_json(ev);
  json out;
  json areas = json::array();
  for (const auto& a : book.model().areas) {
    json row{{"area", a.id}, {"name", a.name}};
    for (const auto& c : full["areas"])
      if (c["area"] == a.id) {
        row["grade"] = c["grade"];
        row["possible"] = grades_text(c["possible_grades"]);
      }
    json by = json::array();
    for (const auto& r : full["results"])
      if (r["area"] == a.id)
        by.push_back({{"regulation", r["regulation"]},
                      {"grade", r["grade"]},
                      {"possible", grades_text(r["possible_grades"])},
                      {"adjusted", r["adjusted_grade"]},
                      {"adjustment_provisional", r.value("adjustment_provisional", false)}});
    row["by_regulation"] = by;
    std::string explanation;
    for (const auto& x : explain(ev, a.id))
      explanation += (explanation.empty() ? "" : "\n") + render(x);
    row["explanation"] = explanation;
    areas.push_back(row);
  }
  out["areas"] = areas;
  json statuses = json::object();
  for (const auto& o : ev.outcomes) {
    json reg = json::object();
    for (const auto& r : o.requirements) {
      json s{{"status", to_string(r.status)},
             {"origin", r.origin == StatusOrigin::finding   ? "finding"
                        : r.origin == StatusOrigin::implied ? "implied"
                                                            : "default"}};
      if (r.implication >= 0) s["because"] = ev.implied[r.implication].because;
      reg[r.requirement->id] = s;
    }
    statuses[o.regulation] = reg;
  }
  out["statuses"] = statuses;
  out["conflicts"] = full["conflicts"];
  out["diagnostics"] = full["diagnostics"];
  out["required_actions"] = full["required_actions"];
  out["action_plan_required"] = full["action_plan_required"];
  out["action_plan"] = full["action_plan"];
  return out;
}

Evaluation evaluated(const RuleBook& book, std::shared_ptr<const Inspection> insp) {
  try {
    return evaluate(book, std::move(insp));
  } catch (const Error& e) {
    throw Refusal(400, messages(e));
  }
}

Inspection parsed(const std::string& text, const std::string& file) {
  try {
    return Inspection::parse(text, file);
  } catch (const Error& e) {
    throw Refusal(400, messages(e));
  }
}

std::string file_name(const json& request) {
  const std::string name = text_field(request, "file", "the request");
  if (name.empty()) throw Refusal(400, "the request names no 'file'");
  return name;
}

}  // namespace

InspectionFolder::InspectionFolder(const fs::path& folder) {
  std::error_code ec;
  root_ = fs::canonical(folder, ec);
  if (ec || !fs::is_directory(root_))
    throw Refusal(500,
                  folder.string() + ": no such folder; give an existing folder of inspections");
}

fs::path InspectionFolder::existing(const std::string& name) const {
  const fs::path rel(name);
  if (name.empty() || rel.is_absolute() || name.find('\0') != std::string::npos)
    throw Refusal(400, "'" + name + "' is not a file name inside the folder");
  for (const auto& part : rel)
    if (part == "..") throw Refusal(400, "'" + name + "' leaves the folder; give a name inside it");
  if (!is_inspection_name(rel))
    throw Refusal(400, "'" + name + "' is not an inspection file (.yaml or .yml)");
  std::error_code ec;
  const fs::path path = fs::canonical(root_ / rel, ec);
  if (ec) throw Refusal(404, "no inspection file '" + name + "' in the folder");
  if (!inside(root_, path))
    throw Refusal(400, "'" + name + "' points outside the folder; spur serve reads only inside it");
  if (!fs::is_regular_file(path)) throw Refusal(404, "'" + name + "' is not a file");
  return path;
}

fs::path InspectionFolder::fresh(const std::string& name) const {
  const bool plain =
      !name.empty() && name.size() <= 120 && name.front() != '.' &&
      std::all_of(name.begin(), name.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.';
      });
  if (!plain || !is_inspection_name(name))
    throw Refusal(400, "file name '" + name +
                           "': use letters, digits, '-', '_' and end in .yaml, e.g. "
                           "kirurgi-lund-2025.yaml");
  return root_ / name;
}

std::vector<std::string> InspectionFolder::names() const {
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(root_, ec)) {
    const std::string name = e.path().filename().string();
    if (!is_inspection_name(e.path()) || name.front() == '.') continue;
    try {
      existing(name);
      out.push_back(name);
    } catch (const Refusal&) {
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

void InspectionFolder::remember(const std::string& version,
                                std::shared_ptr<const Inspection> inspection) const {
  std::lock_guard lock(mutex_);
  if (opened_.emplace(version, std::move(inspection)).second) order_.push_back(version);
  if (order_.size() > 64) {
    opened_.erase(order_.front());
    order_.pop_front();
  }
}

std::shared_ptr<const Inspection> InspectionFolder::remembered(const std::string& version) const {
  std::lock_guard lock(mutex_);
  auto found = opened_.find(version);
  return found == opened_.end() ? nullptr : found->second;
}

std::string content_version(std::string_view content) {
  std::uint64_t h = 1469598103934665603ull;  // FNV-1a
  for (unsigned char c : content) h = (h ^ c) * 1099511628211ull;
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Refusal(404, path.filename().string() + ": cannot be read");
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

json inspections_json(const RuleBook& book, const InspectionFolder& folder) {
  json rows = json::array();
  for (const auto& name : folder.names()) {
    json row{{"file", name}};
    try {
      auto insp = std::make_shared<const Inspection>(Inspection::load(folder.existing(name)));
      Evaluation ev = evaluate(book, insp);
      row["unit"] = insp->unit;
      row["date"] = insp->date ? json(*insp->date) : json(nullptr);
      row["regulations"] = ev.regulations;
      json grades = json::object();
      for (const auto& a : ev.areas) {
        std::string g =
            a.grade ? std::string(to_string(*a.grade)) : grades_text(grades_json(a.possible));
        if (a.adjusted) {
          g += std::string("→") + std::string(to_string(*a.adjusted));
          if (a.adjustment_provisional) g += "?";
        }
        grades[a.area] = g;
      }
      row["grades"] = grades;
      int received = 0;
      for (const auto& p : insp->action_plan) received += p.received;
      row["plan"] = {
          {"required", ev.action_plan_required ? json(*ev.action_plan_required) : json(nullptr)},
          {"entries", insp->action_plan.size()},
          {"received", received}};
    } catch (const Error& e) {
      row["error"] = messages(e);
    } catch (const Refusal& e) {
      row["error"] = e.what();
    }
    rows.push_back(row);
  }
  json areas = json::array();
  for (const auto& a : book.model().areas) areas.push_back({{"area", a.id}, {"name", a.name}});
  return {{"folder", folder.root().string()}, {"inspections", rows}, {"areas", areas}};
}

json inspection_json(const RuleBook& book, const InspectionFolder& folder,
                     const std::string& name) {
  const fs::path path = folder.existing(name);
  const std::string text = read_text(path);
  auto insp = std::make_shared<const Inspection>(parsed(text, name));
  Evaluation ev = evaluated(book, insp);
  json out{{"file", name}, {"version", content_version(text)}};
  folder.remember(content_version(text), insp);
  out["inspection"] = {{"id", insp->id},
                       {"unit", insp->unit},
                       {"specialty", insp->specialty},
                       {"date", insp->date ? json(*insp->date) : json(nullptr)},
                       {"regulations", ev.regulations},
                       {"default_status", to_string(insp->default_status)}};
  json reqs = json::array();
  for (const auto& id : book.requirement_ids()) {
    const Requirement* q = nullptr;
    for (const auto& reg : ev.regulations)
      if ((q = book.regulation(reg).find(id))) break;
    if (!q) continue;
    json r{{"id", id},
           {"area", q->area},
           {"kind", to_string(q->kind)},
           {"text", q->text},
           {"prerequisites", q->prerequisites}};
    if (const Finding* f = insp->find(id)) {
      std::optional<Status> s = f->status;
      if (!f->by_regulation.empty()) s = f->by_regulation.front().status;
      if (s) r["status"] = to_string(*s);
      r["note"] = f->note;
    }
    reqs.push_back(r);
  }
  out["requirements"] = reqs;
  json plan = json::array();
  for (const auto& p : insp->action_plan)
    plan.push_back({{"requirement", p.requirement},
                    {"action", p.action},
                    {"due", p.due},
                    {"responsible", p.responsible},
                    {"follow_up", p.follow_up},
                    {"follow_up_responsible", p.follow_up_responsible},
                    {"received", p.received}});
  out["action_plan"] = plan;
  out["evaluation"] = evaluation_json(book, ev);
  return out;
}

json evaluate_edits(const RuleBook& book, const InspectionFolder& folder, const json& request) {
  const std::string name = file_name(request);
  const Edits edits = read_edits(book, request);
  const fs::path path = folder.existing(name);
  const std::string text = read_text(path);
  const std::string version = text_field(request, "version", "the request");
  // The inspection as the page opened it; else the file as it is now.
  std::shared_ptr<const Inspection> opened = folder.remembered(version);
  if (!opened || opened->file != name)
    opened = std::make_shared<const Inspection>(parsed(text, name));
  Inspection insp = *opened;
  apply(insp, edits);
  json out =
      evaluation_json(book, evaluated(book, std::make_shared<const Inspection>(std::move(insp))));
  out["changed_on_disk"] = !version.empty() && version != content_version(text);
  return out;
}

json save_edits(const RuleBook& book, const InspectionFolder& folder, const json& request) {
  const std::string name = file_name(request);
  const Edits edits = read_edits(book, request);
  // One save at a time, so that checking the version and writing cannot interleave.
  static std::mutex saving;
  std::lock_guard lock(saving);
  const fs::path path = folder.existing(name);
  const std::string text = read_text(path);
  if (text_field(request, "version", "the request") != content_version(text))
    throw Refusal(409, name +
                           " has changed on disk since you opened it (someone else saved it, or "
                           "it was edited in another program). Your changes are not saved: "
                           "reload the page to see the file as it is now, then make them again.");
  Inspection expected = parsed(text, name);
  apply(expected, edits);
  // Edited line by line when the file is laid out as usual (one finding per line, the plan a
  // list of mappings): comments and everything else kept. Otherwise the YAML is rewritten
  // (keys kept, comments but the opening ones lost). Either way the new text must read back
  // as the edited inspection.
  std::optional<std::string> updated;
  if (auto planned = patch_plan(text, edits))
    if ((updated = patch_findings(*planned, edits))) {
      try {
        const Inspection back = parsed(*updated, name);
        if (!same_findings(back, expected) || !same_plan(back, expected)) updated.reset();
      } catch (const Refusal&) {
        updated.reset();  // e.g. the id written in quotes, so the line was added twice
      }
    }
  if (!updated) {
    YAML::Node root;
    try {
      root = YAML::Load(text);
    } catch (const YAML::Exception& e) {
      throw Refusal(400, name + ": " + e.what());
    }
    apply(root, edits);
    YAML::Emitter emitter;
    emitter.SetIndent(2);
    emitter << root;
    updated = leading_comments(text) + emitter.c_str() + "\n";
    const Inspection back = parsed(*updated, name);
    if (!same_findings(back, expected) || !same_plan(back, expected))
      throw Refusal(500, name + ": the edited file would not read back as edited; nothing saved");
  }
  evaluated(book, std::make_shared<const Inspection>(parsed(*updated, name)));
  try {
    write_file_atomically(path, *updated, Overwrite::replace);
  } catch (const Error& e) {
    throw Refusal(500, messages(e));
  }
  folder.remember(content_version(*updated),
                  std::make_shared<const Inspection>(parsed(*updated, name)));
  return {{"file", name}, {"version", content_version(*updated)}};
}

json create_inspection(const RuleBook& book, const InspectionFolder& folder, const json& request) {
  const std::string name = file_name(request);
  const fs::path path = folder.fresh(name);
  const std::string unit = text_field(request, "unit", "the new inspection");
  if (unit.empty()) throw Refusal(400, "give the unit (enhet) of the new inspection");
  const std::string date = text_field(request, "date", "the new inspection");
  if (!date.empty() && !parse_iso_date(date))
    throw Refusal(400,
                  "date '" + date + "' is not a date; write it as YYYY-MM-DD, e.g. 2025-03-14");
  const json& regs = field(request, "regulations");
  if (!regs.is_array() || regs.empty())
    throw Refusal(400, "choose at least one regulation for the new inspection");
  YAML::Node root;
  YAML::Node head = root["inspection"];
  std::string id = name.substr(0, name.rfind('.'));
  head["id"] = id;
  head["unit"] = unit;
  if (auto s = text_field(request, "specialty", "the new inspection"); !s.empty())
    head["specialty"] = s;
  if (!date.empty()) head["date"] = date;
  YAML::Node list(YAML::NodeType::Sequence);
  for (const auto& r : regs) {
    if (!r.is_string() || !book.find_regulation(r.get<std::string>()))
      throw Refusal(400, "unknown regulation " + r.dump());
    list.push_back(r.get<std::string>());
  }
  list.SetStyle(YAML::EmitterStyle::Flow);
  head["regulations"] = list;
  head["default_status"] = "not_assessed";
  root["findings"] = YAML::Node(YAML::NodeType::Map);
  YAML::Emitter emitter;
  emitter << root;
  const std::string text = std::string("# Skapad med spur serve.\n") + emitter.c_str() + "\n";
  evaluated(book, std::make_shared<const Inspection>(parsed(text, name)));
  if (fs::exists(fs::symlink_status(path)))
    throw Refusal(409, name + " already exists; choose another file name");
  try {
    write_file_atomically(path, text, Overwrite::refuse);
  } catch (const Error& e) {
    throw Refusal(409, messages(e));
  }
  return {{"file", name}, {"version", content_version(text)}};
}

json import_report_text(const RuleBook& book, const InspectionFolder& folder, const json& request) {
  const std::string name = file_name(request);
  const fs::path path = folder.fresh(name);
  const std::string report = text_field(request, "text", "the report");
  if (report.empty()) throw Refusal(400, "paste the report's text (as copied from its PDF)");
  ImportResult draft;
  try {
    draft = import_report_data(book, report, name.substr(0, name.rfind('.')));
  } catch (const Error& e) {
    throw Refusal(400, messages(e));
  }
  evaluated(book, std::make_shared<const Inspection>(parsed(draft.yaml, name)));
  if (fs::exists(fs::symlink_status(path)))
    throw Refusal(409, name + " already exists; choose another file name");
  try {
    write_file_atomically(path, draft.yaml, Overwrite::refuse);
  } catch (const Error& e) {
    throw Refusal(409, messages(e));
  }
  json warnings = json::array();
  for (const auto& d : draft.diagnostics) warnings.push_back(d.format());
  return {{"file", name},
          {"version", content_version(draft.yaml)},
          {"findings", draft.inspection.findings.size()},
          {"warnings", warnings}};
}

json rules_json(const RuleBook& book) {
  json areas = json::array();
  for (const auto& a : book.model().areas)
    areas.push_back({{"area", a.id}, {"name", a.name}, {"preamble", a.preamble}});
  json regs = json::array();
  for (const auto& r : book.regulations()) {
    json j = to_json(r);
    j["title"] = r.title;
    regs.push_back(j);
  }
  json diffs = json::array();
  const auto& all = book.regulations();
  for (std::size_t i = 0; i + 1 < all.size(); ++i) {
    try {
      diffs.push_back(to_json(diff(book, all[i].id, all[i + 1].id)));
    } catch (const Error&) {
    }
  }
  return {{"model", book.model().title}, {"areas", areas}, {"regulations", regs}, {"diffs", diffs}};
}

json date_phrase_json(const std::string& text) {
  return to_json(parse_date_phrase(text));
}

}  // namespace spur::cli
