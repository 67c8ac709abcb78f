// Regulation tests: read the YAML cases, evaluate each inspection, compare with what the
// author expects, and say exactly what differs.

#include "spur/regulation_tests.hpp"

#include <algorithm>

#include "authoring/coverage.hpp"
#include "findings/inspection_reader.hpp"
#include "rules/rule_book_data.hpp"
#include "rules/yaml_reader.hpp"
#include "spur/evaluation.hpp"

namespace spur {

using detail::join;
using detail::YamlReader;

int TestReport::passed() const {
  return static_cast<int>(
      std::count_if(cases.begin(), cases.end(), [](auto& c) { return c.passed(); }));
}
int TestReport::failed() const {
  return static_cast<int>(cases.size()) - passed();
}

std::vector<std::filesystem::path> find_test_files(const std::filesystem::path& rules_directory) {
  std::vector<std::filesystem::path> out;
  std::error_code ec;
  for (const auto& folder : std::filesystem::directory_iterator(rules_directory, ec)) {
    const auto tests = folder.path() / "tests";
    if (!std::filesystem::is_directory(tests, ec)) continue;
    for (const auto& f : std::filesystem::directory_iterator(tests, ec))
      if (f.path().extension() == ".yaml") out.push_back(f.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

namespace {

// What a case expects; a field left out is not checked.
struct Expectation {
  std::vector<std::pair<std::string, std::optional<Grade>>> grades;
  std::vector<std::pair<std::string, GradeSet>> possible_grades;
  std::vector<std::pair<std::string, std::optional<Grade>>> adjusted_grades;
  std::optional<std::vector<std::string>> required, recommended, improvements, implied;
  bool check_plan = false;
  std::optional<bool> action_plan_required;
};

std::optional<Grade> read_grade(YamlReader& r, const YAML::Node& n, bool& ok) {
  if (n.IsNull()) return std::nullopt;  // null: provisional, no single grade
  auto text = r.scalar(n, "a grade");
  auto g = text ? parse_grade(*text) : std::nullopt;
  if (!g) {
    if (text) r.error(n, "'" + *text + "' is no grade (A, B, C, D, or null for provisional)");
    ok = false;
  }
  return g;
}

std::optional<Expectation> read_expectation(YamlReader& r, const YAML::Node& n) {
  if (!r.expect_map(n, "'expect'")) return std::nullopt;
  r.check_keys(n,
               {"grades", "possible_grades", "adjusted_grades", "required", "recommended",
                "improvements", "implied", "action_plan_required"},
               "'expect'");
  Expectation e;
  bool ok = true;
  auto grade_map = [&](const char* key, auto& out) {
    if (!n[key].IsDefined()) return;
    if (!r.expect_map(n[key], std::string("'") + key + "'")) {
      ok = false;
      return;
    }
    for (auto it = n[key].begin(); it != n[key].end(); ++it)
      out.emplace_back(it->first.as<std::string>(""), read_grade(r, it->second, ok));
  };
  grade_map("grades", e.grades);
  grade_map("adjusted_grades", e.adjusted_grades);
  if (n["possible_grades"].IsDefined() && r.expect_map(n["possible_grades"], "'possible_grades'"))
    for (auto it = n["possible_grades"].begin(); it != n["possible_grades"].end(); ++it) {
      GradeSet set;
      if (auto list = r.strings(it->second, "possible grades"))
        for (const auto& g : *list) {
          if (auto grade = parse_grade(g))
            set.insert(*grade);
          else
            r.error(it->second, "'" + g + "' is no grade (A, B, C, D)"), ok = false;
        }
      e.possible_grades.emplace_back(it->first.as<std::string>(""), set);
    }
  for (auto [key, member] : {std::pair{"required", &Expectation::required},
                             std::pair{"recommended", &Expectation::recommended},
                             std::pair{"improvements", &Expectation::improvements},
                             std::pair{"implied", &Expectation::implied}})
    if (n[key].IsDefined()) {
      e.*member = r.strings(n[key], std::string("'") + key + "'");
      ok = ok && (e.*member).has_value();
    }
  if (n["action_plan_required"].IsDefined()) {
    e.check_plan = true;
    if (!n["action_plan_required"].IsNull()) {
      e.action_plan_required = r.boolean(n["action_plan_required"], "'action_plan_required'");
      ok = ok && e.action_plan_required.has_value();
    }
  }
  if (!ok) return std::nullopt;
  return e;
}

std::string show(std::optional<Grade> g) {
  return g ? std::string(to_string(*g)) : std::string("null (provisional)");
}
std::string show(GradeSet s) {
  std::vector<std::string> names;
  for (Grade g : s.grades()) names.emplace_back(to_string(g));
  return "[" + join(names) + "]";
}
std::string show(std::vector<std::string> v) {
  return "[" + join(v) + "]";
}

// The result a key names: "E" (the one regulation, or combined across two), or "REG/E".
struct Target {
  const AreaResult* result = nullptr;
  const CombinedArea* combined = nullptr;
};
std::optional<Target> target(const Evaluation& ev, const std::string& key, std::string& error) {
  try {
    auto slash = key.find('/');
    if (slash != std::string::npos)
      return Target{&ev.result(key.substr(slash + 1), key.substr(0, slash)), nullptr};
    if (ev.regulations.size() == 1) return Target{&ev.result(key), nullptr};
    return Target{nullptr, &ev.combined(key)};
  } catch (const LookupError& e) {
    error = e.what();
    return std::nullopt;
  }
}

void compare_list(std::vector<std::string>& failures, const char* what,
                  std::vector<std::string> expected, std::vector<std::string> actual) {
  std::sort(expected.begin(), expected.end());
  std::sort(actual.begin(), actual.end());
  actual.erase(std::unique(actual.begin(), actual.end()), actual.end());
  if (expected == actual) return;
  std::vector<std::string> missing, unexpected;
  std::set_difference(expected.begin(), expected.end(), actual.begin(), actual.end(),
                      std::back_inserter(missing));
  std::set_difference(actual.begin(), actual.end(), expected.begin(), expected.end(),
                      std::back_inserter(unexpected));
  std::string detail;
  if (!missing.empty()) detail += "missing " + join(missing);
  if (!unexpected.empty())
    detail += (detail.empty() ? "" : "; ") + ("unexpected " + join(unexpected));
  failures.push_back(std::string(what) + ": expected " + show(expected) + ", got " + show(actual) +
                     " (" + detail + ")");
}

std::vector<std::string> ids(const std::vector<Action>& actions) {
  std::vector<std::string> out;
  for (const auto& a : actions) out.push_back(a.requirement);
  return out;
}

std::vector<std::string> compare(const Evaluation& ev, const Expectation& e) {
  std::vector<std::string> failures;
  for (const auto& [key, grade] : e.grades) {
    std::string error;
    auto t = target(ev, key, error);
    if (!t) {
      failures.push_back("grades " + key + ": " + error);
      continue;
    }
    auto actual = t->result ? t->result->grade() : t->combined->grade;
    if (actual != grade)
      failures.push_back(
          "grades " + key + ": expected " + show(grade) + ", got " + show(actual) +
          (actual ? "" : " " + show(t->result ? t->result->effective() : t->combined->possible)));
  }
  for (const auto& [key, set] : e.possible_grades) {
    std::string error;
    auto t = target(ev, key, error);
    if (!t) {
      failures.push_back("possible_grades " + key + ": " + error);
      continue;
    }
    GradeSet actual = t->result ? t->result->effective() : t->combined->possible;
    if (actual != set)
      failures.push_back("possible_grades " + key + ": expected " + show(set) + ", got " +
                         show(actual));
  }
  for (const auto& [key, grade] : e.adjusted_grades) {
    std::string error;
    auto t = target(ev, key, error);
    if (!t) {
      failures.push_back("adjusted_grades " + key + ": " + error);
      continue;
    }
    auto actual = t->result ? t->result->adjusted : t->combined->adjusted;
    if (actual != grade)
      failures.push_back("adjusted_grades " + key + ": expected " +
                         (grade ? std::string(to_string(*grade)) : "null") + ", got " +
                         (actual ? std::string(to_string(*actual)) : "null"));
  }
  if (e.required) compare_list(failures, "required", *e.required, ids(ev.required_actions));
  if (e.recommended)
    compare_list(failures, "recommended", *e.recommended, ids(ev.recommended_actions));
  if (e.improvements) compare_list(failures, "improvements", *e.improvements, ids(ev.improvements));
  if (e.implied) {
    const bool qualified = std::any_of(e.implied->begin(), e.implied->end(),
                                       [](auto& s) { return s.find('/') != std::string::npos; });
    std::vector<std::string> actual;
    for (const auto& i : ev.implied)
      actual.push_back(qualified ? i.regulation + "/" + i.requirement : i.requirement);
    compare_list(failures, "implied", *e.implied, actual);
  }
  if (e.check_plan && ev.action_plan_required != e.action_plan_required) {
    auto show_plan = [](std::optional<bool> b) {
      return b ? std::string(*b ? "true" : "false") : std::string("null");
    };
    failures.push_back("action_plan_required: expected " + show_plan(e.action_plan_required) +
                       ", got " + show_plan(ev.action_plan_required));
  }
  return failures;
}

class Runner {
 public:
  Runner(const RuleBook& book, TestReport& report) : book_(book), report_(report) {}

  void run_file(const std::filesystem::path& path) {
    std::vector<Diagnostic> diags;
    YamlReader r(path.string(), diags);
    auto root = r.load_file(path);
    if (root && r.expect_map(*root, "a test file")) {
      r.check_keys(*root, {"regulation", "cases"}, "a test file");
      std::string regulation = r.text(*root, "regulation", false, "the test file").value_or("");
      if (!regulation.empty() && !book_.find_regulation(regulation))
        r.error((*root)["regulation"], "unknown regulation '" + regulation + "'");
      const YAML::Node cases = (*root)["cases"];
      if (!cases.IsDefined())
        r.error(*root, "the test file lacks 'cases'");
      else if (r.expect_sequence(cases, "'cases'"))
        for (const auto& c : cases) r.guarded([&] { run_case(r, path, regulation, c); });
    }
    for (auto& d : diags)
      if (d.severity == Severity::error) report_.errors.push_back(std::move(d));
  }

 private:
  void run_case(YamlReader& r, const std::filesystem::path& path, const std::string& regulation,
                const YAML::Node& c) {
    if (!r.expect_map(c, "a case")) return;
    r.check_keys(c, {"name", "inspection", "expect", "variants"}, "a case");
    const std::size_t errors_before = count_errors(r);
    const std::string name = r.text(c, "name", true, "a case").value_or("(unnamed)");
    Inspection base;
    base.file = path.string();
    const YAML::Node in = c["inspection"];
    if (!in.IsDefined()) {
      r.error(c, "case '" + name + "' lacks 'inspection'");
      return;
    }
    if (in.IsMap() && in["file"].IsDefined() && in.size() == 1) {
      auto file = r.scalar(in["file"], "'file'");
      if (!file) return;
      try {
        base = Inspection::load(path.parent_path() / *file);
      } catch (const Error& e) {
        for (const auto& d : e.diagnostics()) r.diagnostics().push_back(d);
        return;
      }
    } else {
      if (!in.IsMap() || !in["inspection"].IsDefined()) base.default_status = Status::met;
      detail::read_inspection(r, in, base, false);
    }
    if (base.regulations.empty() && base.trainees.empty()) {
      if (regulation.empty()) {
        r.error(in, "case '" + name +
                        "' names no regulation: give one in the inspection or at "
                        "the top of the file");
        return;
      }
      base.regulations = {regulation};
    }
    if (count_errors(r) > errors_before) return;
    const int line = r.location(c).line;
    if (!c["expect"].IsDefined() && !c["variants"].IsDefined())
      r.error(c, "case '" + name + "' checks nothing: give it 'expect' or 'variants'");
    if (c["expect"].IsDefined())
      if (auto e = read_expectation(r, c["expect"])) run(path, line, name, base, *e);
    if (c["variants"].IsDefined() && r.expect_sequence(c["variants"], "'variants'")) {
      for (const auto& v : c["variants"]) {
        if (!r.expect_map(v, "a variant")) continue;
        r.check_keys(v, {"name", "findings", "expect"}, "a variant");
        const std::string vname = name + " / " + r.text(v, "name", true, "a variant").value_or("?");
        Inspection variant = base;
        if (v["findings"].IsDefined()) {
          Inspection changes;
          detail::read_findings_into(r, v["findings"], changes);
          for (auto& f : changes.findings) {
            auto it = std::find_if(variant.findings.begin(), variant.findings.end(),
                                   [&](auto& x) { return x.requirement == f.requirement; });
            if (it != variant.findings.end())
              *it = f;
            else
              variant.findings.push_back(f);
          }
        }
        if (!v["expect"].IsDefined()) {
          r.error(v, "variant '" + vname + "' lacks 'expect'");
          continue;
        }
        if (auto e = read_expectation(r, v["expect"]))
          run(path, r.location(v).line, vname, variant, *e);
      }
    }
  }

  static std::size_t count_errors(YamlReader& r) {
    return std::count_if(r.diagnostics().begin(), r.diagnostics().end(),
                         [](auto& d) { return d.severity == Severity::error; });
  }

  void run(const std::filesystem::path& path, int line, const std::string& name,
           const Inspection& inspection, const Expectation& e) {
    CaseResult result{path.string(), line, name, {}};
    try {
      Evaluation ev = evaluate(book_, inspection);
      result.failures = compare(ev, e);
      detail::record_coverage(report_, ev);
    } catch (const Error& err) {
      for (const auto& d : err.diagnostics())
        if (d.severity == Severity::error)
          result.failures.push_back("the inspection is invalid: " + d.format());
    }
    report_.cases.push_back(std::move(result));
  }

  const RuleBook& book_;
  TestReport& report_;
};

}  // namespace

TestReport run_regulation_tests(const RuleBook& book,
                                const std::vector<std::filesystem::path>& paths) {
  TestReport report;
  detail::init_coverage(report, book);
  Runner runner(book, report);
  for (const auto& p : paths) {
    std::error_code ec;
    if (std::filesystem::is_directory(p, ec)) {
      std::vector<std::filesystem::path> files;
      for (const auto& f : std::filesystem::recursive_directory_iterator(p, ec))
        if (f.path().extension() == ".yaml") files.push_back(f.path());
      std::sort(files.begin(), files.end());
      for (const auto& f : files) runner.run_file(f);
    } else {
      runner.run_file(p);
    }
  }
  return report;
}

}  // namespace spur
