// The `spur` command: a thin layer over the library. Exit codes: 0 done, 1 bad input or
// failed validation, 2 wrong usage, 3 a grade at least as bad as --fail-on is certain.

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <filesystem>
#include <iostream>
#include <map>

#include "diff_command.hpp"
#include "serve_command.hpp"
#include "spur/evaluation.hpp"
#include "spur/explain.hpp"
#include "spur/follow_up.hpp"
#include "spur/json.hpp"
#include "spur/logging.hpp"
#include "spur/regulation_tests.hpp"
#include "spur/rule_book.hpp"
#include "text_output.hpp"

namespace fs = std::filesystem;

namespace {

struct Options {
  std::vector<std::string> rules;
  bool verbose = false;
  std::string format;
  std::string regulation;
  std::string area;
  std::string fail_on;
  std::vector<std::string> files;
  std::string as_of;
  std::vector<std::string> texts;
  bool coverage = false;
};

fs::path program_directory() {
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  return ec ? fs::path() : exe.parent_path();
}

// The rules directories: each --rules given, else the bundled rules.
std::vector<fs::path> rules_directories(const Options& o) {
  if (!o.rules.empty()) return {o.rules.begin(), o.rules.end()};
  return {spur::find_rules_directory(program_directory())};
}

std::string shown(const std::vector<fs::path>& dirs) {
  std::string out;
  for (const auto& d : dirs) out += (out.empty() ? "" : " + ") + d.string();
  return out;
}

void print_diagnostics(const std::vector<spur::Diagnostic>& diagnostics) {
  for (const auto& d : diagnostics) std::cerr << d.format() << "\n";
}

spur::RuleBook load_book(const Options& o) {
  spur::RuleBook book = spur::RuleBook::load(rules_directories(o));
  print_diagnostics(book.warnings());
  return book;
}

// Reads and grades one inspection file, printing its warnings.
spur::Evaluation evaluate_file(const spur::RuleBook& book, const std::string& file) {
  spur::Evaluation ev =
      spur::evaluate(book, std::make_shared<const spur::Inspection>(spur::Inspection::load(file)));
  print_diagnostics(ev.diagnostics);
  return ev;
}

int run_validate(const Options& o) {
  const auto dirs = rules_directories(o);
  const std::string dir = shown(dirs);
  spur::LoadResult result = spur::load_rules(dirs);
  print_diagnostics(result.diagnostics);
  if (!result.book) {
    int errors = 0;
    for (const auto& d : result.diagnostics) errors += d.severity == spur::Severity::error;
    std::cerr << dir << ": " << errors << (errors == 1 ? " error" : " errors") << "\n";
    return 1;
  }
  const auto& book = *result.book;
  std::cout << "ok: " << dir << ": model " << book.model().id << ", " << book.regulations().size()
            << " regulations";
  std::string sep = " (";
  for (const auto& r : book.regulations()) {
    std::cout << sep << r.id << ": " << r.requirements.size() << " requirements";
    sep = ", ";
  }
  std::cout << (book.regulations().empty() ? "" : ")") << "\n";
  return 0;
}

int run_rules(const Options& o) {
  spur::RuleBook book = load_book(o);
  std::vector<const spur::Regulation*> regs;
  if (!o.regulation.empty())
    regs.push_back(&book.regulation(o.regulation));
  else
    for (const auto& r : book.regulations()) regs.push_back(&r);
  if (o.format == "json") {
    if (regs.size() == 1) {
      std::cout << spur::to_json(*regs.front())
                       .dump(2, ' ', false, nlohmann::json::error_handler_t::replace)
                << "\n";
    } else {
      nlohmann::json all = nlohmann::json::array();
      for (const auto* r : regs) all.push_back(spur::to_json(*r));
      std::cout << all.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    }
    return 0;
  }
  for (std::size_t i = 0; i < regs.size(); ++i)
    std::cout << (i ? "\n" : "") << spur::cli::requirements_table(*regs[i]);
  return 0;
}

int run_graph(const Options& o) {
  spur::RuleBook book = load_book(o);
  if (o.format == "json")
    std::cout << spur::graph_json(book).dump(2, ' ', false,
                                             nlohmann::json::error_handler_t::replace)
              << "\n";
  else
    std::cout << book.to_dot();
  return 0;
}

// True when some area is certainly at least as bad as `threshold`.
bool fails(const spur::Evaluation& ev, spur::Grade threshold) {
  for (const auto& a : ev.areas)
    if (!a.possible.empty() && a.possible.best() >= threshold) return true;
  return false;
}

int run_evaluate(const Options& o) {
  spur::RuleBook book = load_book(o);
  std::optional<spur::Grade> threshold;
  if (!o.fail_on.empty()) threshold = spur::parse_grade(o.fail_on);
  int status = 0;
  bool failed = false;
  nlohmann::json all = nlohmann::json::array();
  bool first = true;
  if (o.format == "csv") std::cout << spur::cli::actions_csv_header();
  for (const auto& file : o.files) {
    try {
      spur::Evaluation ev = evaluate_file(book, file);
      failed = failed || (threshold && fails(ev, *threshold));
      if (o.format == "json") {
        all.push_back(spur::to_json(ev));
      } else if (o.format == "csv") {
        std::cout << spur::cli::actions_csv(ev, false);
      } else {
        std::cout << (first ? "" : "\n") << spur::cli::evaluation_table(ev);
        first = false;
      }
    } catch (const spur::Error& e) {
      print_diagnostics(e.diagnostics());
      status = 1;
    }
  }
  if (o.format == "json" && !all.empty())
    std::cout << (o.files.size() == 1 ? all.front() : all)
                     .dump(2, ' ', false, nlohmann::json::error_handler_t::replace)
              << "\n";
  if (status) return status;
  return failed ? 3 : 0;
}

std::optional<spur::Date> as_of_date(const Options& o) {
  if (o.as_of.empty()) return spur::today();
  return spur::parse_iso_date(o.as_of);
}

int run_plan(const Options& o) {
  auto as_of = as_of_date(o);
  if (!as_of) {
    std::cerr << "spur plan: --as-of " << o.as_of << " is not a date; write it as YYYY-MM-DD\n";
    return 2;
  }
  spur::RuleBook book = load_book(o);
  spur::Evaluation ev = evaluate_file(book, o.files.front());
  spur::PlanStatus st = spur::plan_status(ev, *as_of);
  if (o.format != "json") {
    std::cout << spur::cli::plan_table(ev, st);
    return 0;
  }
  std::cout << spur::to_json(st, ev).dump(2, ' ', false, nlohmann::json::error_handler_t::replace)
            << "\n";
  return 0;
}

int run_dates(const Options& o) {
  nlohmann::json all = nlohmann::json::array();
  for (const auto& text : o.texts) {
    spur::DatePhrase phrase = spur::parse_date_phrase(text);
    if (o.format == "json") {
      all.push_back(spur::to_json(phrase));
      continue;
    }
    std::cout << text << "\n";
    for (const auto& p : phrase.parts) {
      std::cout << "  " << p.text << "  ->  ";
      if (p.start)
        std::cout << p.start->iso() << (*p.start == *p.end ? "" : ".." + p.end->iso()) << " ("
                  << spur::to_string(*p.precision) << ")";
      else
        std::cout << "(ingen datering / no date)";
      if (p.recurrence != spur::Recurrence::none)
        std::cout << ", " << spur::to_string(p.recurrence);
      std::cout << "\n";
    }
    for (const auto& w : phrase.warnings) std::cout << "  warning: " << w << "\n";
  }
  if (o.format == "json")
    std::cout << all.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  return 0;
}

int run_test(const Options& o) {
  const auto dirs = rules_directories(o);
  spur::RuleBook book = load_book(o);
  std::vector<fs::path> paths(o.files.begin(), o.files.end());
  if (paths.empty())
    for (const auto& dir : dirs)
      for (auto& f : spur::find_test_files(dir)) paths.push_back(std::move(f));
  if (paths.empty()) std::cerr << "spur test: no test files under " << shown(dirs) << "\n";
  spur::TestReport report = spur::run_regulation_tests(book, paths);
  print_diagnostics(report.errors);
  std::string file;
  for (const auto& c : report.cases) {
    if (c.file != file) {
      file = c.file;
      std::error_code ec;
      const std::string shown = fs::proximate(file, ec).string();
      int n = 0, failed = 0;
      for (const auto& d : report.cases)
        if (d.file == file) ++n, failed += !d.passed();
      std::cout << (ec ? file : shown) << ": " << n << (n == 1 ? " case" : " cases")
                << (failed ? ", " + std::to_string(failed) + " failed" : std::string()) << "\n";
    }
    if (c.passed() && !o.verbose) continue;
    std::cout << (c.passed() ? "  ok    " : "  FAIL  ") << c.name << "  (line " << c.line << ")\n";
    for (const auto& f : c.failures) std::cout << "          " << f << "\n";
  }
  if (o.coverage) std::cout << "\ncoverage\n" << spur::coverage_text(report);
  std::cout << report.passed() << " passed, " << report.failed() << " failed\n";
  return report.failed() || !report.errors.empty() ? 1 : 0;
}

int run_explain(const Options& o) {
  spur::RuleBook book = load_book(o);
  spur::Evaluation ev = evaluate_file(book, o.files.front());
  auto explanations = spur::explain(ev, o.area, o.regulation);
  if (o.format == "json") {
    nlohmann::json all = nlohmann::json::array();
    for (const auto& x : explanations) all.push_back(spur::to_json(x));
    std::cout << all.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    return 0;
  }
  for (std::size_t i = 0; i < explanations.size(); ++i)
    std::cout << (i ? "\n" : "") << spur::render(explanations[i]);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"spur: grade SPUR inspections of Swedish specialist training (ST)", "spur"};
  app.set_version_flag("--version", std::string("spur ") + std::string(spur::version()));
  app.require_subcommand(1);
  app.fallthrough();
  Options o;
  app.add_option("--rules", o.rules,
                 "rules directory; give it again to add a folder of draft regulations "
                 "(default: the bundled rules, or $SPUR_RULES)")
      ->allow_extra_args(false);
  app.add_flag("-v,--verbose", o.verbose, "log what the loader and evaluator decide (stderr)");

  auto* validate = app.add_subcommand("validate", "check rule files; exit 1 on errors");
  auto* rules = app.add_subcommand("rules", "list the resolved requirements");
  rules->add_option("--regulation", o.regulation, "only this regulation");
  rules->add_option("--format", o.format, "text or json")
      ->check(CLI::IsMember({"text", "json"}))
      ->default_str("text");
  auto* evaluate = app.add_subcommand("evaluate", "grade inspections");
  evaluate->add_option("files", o.files, "inspection files (YAML)")->required();
  evaluate->add_option("--format", o.format, "text, json, or csv (the actions)")
      ->check(CLI::IsMember({"text", "json", "csv"}));
  evaluate
      ->add_option("--fail-on", o.fail_on,
                   "exit 3 when some area is certainly graded this or worse (C or D)")
      ->check(CLI::IsMember({"C", "D"}));
  auto* explain = app.add_subcommand("explain", "why an area got its grade, step by step");
  explain->add_option("file", o.files, "inspection file (YAML)")->required()->expected(1);
  explain->add_option("--area", o.area, "area A-H")->required();
  explain->add_option("--regulation", o.regulation, "only this regulation");
  explain->add_option("--format", o.format, "text or json")->check(CLI::IsMember({"text", "json"}));
  auto* test = app.add_subcommand("test", "run the regulation tests (rules/*/tests/*.yaml)");
  test->add_option("paths", o.files, "test files or folders (default: every rules/*/tests)");
  test->add_flag("--coverage", o.coverage,
                 "report which requirements, scale rows and preconditions the tests exercise");
  auto* plan = app.add_subcommand("plan", "follow up the action plan: due dates and states");
  plan->add_option("file", o.files, "inspection file (YAML) with an action_plan")
      ->required()
      ->expected(1);
  plan->add_option("--as-of", o.as_of, "the day to follow up on (YYYY-MM-DD; default today)");
  plan->add_option("--format", o.format, "text or json")->check(CLI::IsMember({"text", "json"}));
  auto* dates = app.add_subcommand("dates", "read Swedish date phrases as action plans write them");
  dates->add_option("texts", o.texts, "phrases, e.g. \"september 2025, därefter årligen\"")
      ->required();
  dates->add_option("--format", o.format, "text or json")->check(CLI::IsMember({"text", "json"}));
  spur::cli::DiffOptions diff_options;
  auto* diff = spur::cli::add_diff_command(app, diff_options);
  spur::cli::ServeOptions serve_options;
  auto* serve = spur::cli::add_serve_command(app, serve_options);
  auto* graph = app.add_subcommand("graph", "the rule graph (Graphviz dot, or JSON)");
  graph->add_option("--format", o.format, "dot or json")->check(CLI::IsMember({"dot", "json"}));

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }
  if (o.verbose) {
    auto logger = spdlog::stderr_color_mt("spur");
    logger->set_level(spdlog::level::debug);
    logger->set_pattern("spur: %v");
    spur::set_logger(logger);
  }
  try {
    if (*validate) return run_validate(o);
    if (*rules) return run_rules(o);
    if (*evaluate) return run_evaluate(o);
    if (*explain) return run_explain(o);
    if (*graph) return run_graph(o);
    if (*plan) return run_plan(o);
    if (*test) return run_test(o);
    if (*dates) return run_dates(o);
    if (*diff) return spur::cli::run_diff(diff_options, load_book(o));
    if (*serve) return spur::cli::run_serve(serve_options, load_book(o));
  } catch (const spur::Error& e) {
    print_diagnostics(e.diagnostics());
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "spur: internal error: " << e.what() << "\n";
    return 1;
  }
  return 2;
}
