#include "diff_command.hpp"

#include <algorithm>
#include <iostream>
#include <sstream>

namespace spur::cli {

CLI::App* add_diff_command(CLI::App& app, DiffOptions& o) {
  auto* diff = app.add_subcommand(
      "diff", "what a newer regulation adds, removes and changes; --replay: whose grades change");
  diff->add_option("old", o.old_regulation, "the older regulation, e.g. sosfs-2015-8")->required();
  diff->add_option("new", o.new_regulation, "the newer regulation, e.g. hslf-fs-2021-8")
      ->required();
  diff->add_option("--replay", o.replay, "inspection files (YAML) to grade under both and compare");
  diff->add_option("--format", o.format, "text or json")->check(CLI::IsMember({"text", "json"}));
  return diff;
}

namespace {

std::string join_ids(const std::vector<std::string>& ids) {
  std::string out;
  for (std::size_t i = 0; i < ids.size(); ++i) out += (i ? ", " : "") + ids[i];
  return out;
}

std::string list(const std::vector<std::string>& ids) {
  return "[" + join_ids(ids) + "]";
}

std::string quote(const std::string& text) {
  return "\"" + text + "\"";
}

// One grade, or the grades still possible ("A/C") while provisional.
std::string grades(GradeSet possible) {
  if (auto g = possible.single()) return std::string(to_string(*g));
  std::string out;
  for (Grade g : possible.grades()) out += (out.empty() ? "" : "/") + std::string(to_string(g));
  return out.empty() ? "-" : out;
}

std::string field_change(const RequirementChange& c, RequirementField f) {
  const Requirement& a = *c.before;
  const Requirement& b = *c.after;
  std::string out = std::string(to_string(f)) + ": ";
  switch (f) {
    case RequirementField::kind:
      return out + std::string(to_string(a.kind)) + " -> " + std::string(to_string(b.kind));
    case RequirementField::area:
      return out + a.area + " -> " + b.area;
    case RequirementField::text:
      return out + quote(a.text) + " -> " + quote(b.text);
    case RequirementField::prerequisites:
      return out + list(a.prerequisites) + " -> " + list(b.prerequisites);
    case RequirementField::confidence:
      return out + std::string(to_string(a.confidence)) + " -> " +
             std::string(to_string(b.confidence));
  }
  return out;
}

std::string describe(const Requirement& q) {
  return std::string(to_string(q.kind)) + " in " + q.area + ": " + quote(q.text);
}

}  // namespace

std::string diff_text(const RegulationDiff& d) {
  std::ostringstream out;
  out << d.old_regulation << " -> " << d.new_regulation << ": " << d.changed.size() << " changed, "
      << d.removed.size() << " removed, " << d.added.size() << " added\n";
  std::size_t width = 0;
  for (const auto& id : d.book.requirement_ids()) width = std::max(width, id.size());
  width += 2;
  const std::string indent(width + 9, ' ');
  auto pad = [&](const std::string& id) { return id + std::string(width - id.size(), ' '); };
  // In catalogue order, so that the changes of one area stand together.
  for (const auto& id : d.book.requirement_ids()) {
    auto named = [&](const Requirement* q) { return q->id == id; };
    if (const RequirementChange* c = d.find_change(id)) {
      for (std::size_t i = 0; i < c->fields.size(); ++i)
        out << (i ? indent : pad(id) + "changed  ") << field_change(*c, c->fields[i]) << "\n";
    } else if (auto r = std::find_if(d.removed.begin(), d.removed.end(), named);
               r != d.removed.end()) {
      out << pad(id) << "removed  " << describe(**r) << "\n";
    } else if (auto a = std::find_if(d.added.begin(), d.added.end(), named); a != d.added.end()) {
      out << pad(id) << "added    " << describe(**a) << "\n";
    }
  }
  if (d.empty()) out << "no differences\n";
  return out.str();
}

std::string replay_text(const Replay& r) {
  std::ostringstream out;
  out << "replay " << r.inspection;
  if (!r.file.empty() && r.file != r.inspection) out << " (" << r.file << ")";
  out << ": " << r.old_regulation << " -> " << r.new_regulation << "\n";
  for (const auto& g : r.grades)
    out << "  area " << g.area << ": " << grades(g.old_possible) << " -> " << grades(g.new_possible)
        << " (" << join_ids(g.causes) << ")\n";
  for (const auto& a : r.actions) {
    out << "  " << a.requirement << ": " << to_string(a.old_class) << " -> "
        << to_string(a.new_class);
    if (a.causes != std::vector<std::string>{a.requirement})
      out << " (" << join_ids(a.causes) << ")";
    out << "\n";
  }
  if (r.empty()) out << "  no grade or action changes\n";
  return out.str();
}

int run_diff(const DiffOptions& o, const RuleBook& book) {
  const RegulationDiff d = diff(book, o.old_regulation, o.new_regulation);
  int status = 0;
  std::vector<Replay> replays;
  for (const auto& file : o.replay) {
    try {
      replays.push_back(replay(book, d, Inspection::load(file)));
    } catch (const Error& e) {
      for (const auto& diag : e.diagnostics()) std::cerr << diag.format() << "\n";
      status = 1;
    }
  }
  if (o.format == "json") {
    nlohmann::json out = to_json(d);
    out["replay"] = nlohmann::json::array();
    for (const auto& r : replays) out["replay"].push_back(to_json(r));
    std::cout << out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    return status;
  }
  std::cout << diff_text(d);
  for (const auto& r : replays) std::cout << "\n" << replay_text(r);
  return status;
}

}  // namespace spur::cli
