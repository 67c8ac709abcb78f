// The `spur` command: a thin layer over the library. Exit codes: 0 done, 1 bad input or
// failed validation, 2 wrong usage, 3 a grade at least as bad as --fail-on is certain.

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <iostream>
#include <iterator>
#include <map>

#include "diff_command.hpp"
#include "import_command.hpp"
#include "report_command.hpp"
#include "serve_command.hpp"
#include "spur/evaluation.hpp"
#include "spur/explain.hpp"
#include "spur/follow_up.hpp"
#include "spur/json.hpp"
#include "spur/logging.hpp"
#include "spur/regulation_tests.hpp"
#include "spur/rule_book.hpp"
#include "spur/text.hpp"
#include "standard_output.hpp"
#include "terminal.hpp"
#include "text_output.hpp"

namespace fs = std::filesystem;

namespace {

// Wrong use of an option: `spur COMMAND: error: OPTION VALUE: message`, exit 2.
struct UsageError {
  std::string option;
  std::string message;
};

// The command the user most likely meant, or nothing when none is close.
std::string closest_command(const CLI::App& app, const std::string& word) {
  std::string best;
  std::size_t best_distance = std::max<std::size_t>(2, word.size() / 3) + 1;
  for (const auto* sub : app.get_subcommands({})) {
    const std::string& name = sub->get_name();
    std::size_t d = spur::edit_distance(word, name);
    if (name.rfind(word, 0) == 0 && word.size() >= 3) d = std::min<std::size_t>(d, 1);
    if (d < best_distance) best = name, best_distance = d;
  }
  return best;
}

std::string command_list(const CLI::App& app) {
  std::string out;
  for (const auto* sub : app.get_subcommands({}))
    out += (out.empty() ? "" : ", ") + sub->get_name();
  return out;
}

// Checks that the first word that is no option of spur itself names a command, so that a
// misspelt one is named with the closest command. Returns the exit code, or -1 to go on.
int check_command(const CLI::App& app, int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--rules") {
      ++i;
      continue;
    }
    if (!arg.empty() && arg[0] == '-') continue;
    for (const auto* sub : app.get_subcommands({}))
      if (sub->get_name() == arg) return -1;
    const std::string word(arg), guess = closest_command(app, word);
    std::cerr << "spur: error: unknown command '" << word << "'";
    if (!guess.empty())
      std::cerr << "; did you mean '" << guess << "'?\n";
    else
      std::cerr << " (commands: " << command_list(app) << ")\n";
    return 2;
  }
  return -1;
}

// The command being run, for messages: "spur evaluate", or "spur".
std::string command_name(const CLI::App& app) {
  const auto parsed = app.get_subcommands();
  return parsed.empty() ? "spur" : "spur " + parsed.front()->get_name();
}

struct Options {
  std::vector<std::string> rules;
  bool verbose = false;
  std::string format;
  std::string regulation;
  std::string area;
  std::string fail_on;
  std::string fail_on_after_plan;
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

// Reads an inspection file, or standard input for "-" (YAML, or JSON when it starts with '{').
spur::Inspection read_inspection(const std::string& file) {
  if (file != "-") return spur::Inspection::load(file);
  std::string text(std::istreambuf_iterator<char>(std::cin), {});
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first != std::string::npos && text[first] == '{')
    return spur::Inspection::parse_json(text, "<stdin>");
  return spur::Inspection::parse(text, "<stdin>");
}

// Reads and grades one inspection file, printing its warnings.
spur::Evaluation evaluate_file(const spur::RuleBook& book, const std::string& file) {
  spur::Evaluation ev =
      spur::evaluate(book, std::make_shared<const spur::Inspection>(read_inspection(file)));
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

void check_regulation(const spur::RuleBook& book, const std::string& regulation) {
  if (book.find_regulation(regulation)) return;
  std::string known;
  for (const auto& r : book.regulations()) known += (known.empty() ? "" : ", ") + r.id;
  throw UsageError{"--regulation " + regulation,
                   "unknown regulation '" + regulation + "' (known: " + known + ")"};
}

int run_rules(const Options& o) {
  spur::RuleBook book = load_book(o);
  std::vector<const spur::Regulation*> regs;
  if (!o.regulation.empty()) check_regulation(book, o.regulation);
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
  const auto width = spur::cli::output_width();
  for (std::size_t i = 0; i < regs.size(); ++i)
    std::cout << (i ? "\n" : "") << spur::cli::requirements_table(*regs[i], width);
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

// True when some area's grade is certainly at least as bad as `threshold`: the grade itself
// (override applied), or with `after_plan` the grade after the action plan (a D that received
// entries cover counts as C once the adjustment is certain).
bool fails(const spur::Evaluation& ev, spur::Grade threshold, bool after_plan) {
  for (const auto& a : ev.areas) {
    const spur::GradeSet g = after_plan ? a.after_plan : a.possible;
    if (!g.empty() && g.best() >= threshold) return true;
  }
  return false;
}

int run_evaluate(const Options& o, const spur::cli::ReportOptions& workbook) {
  if (o.format != "xlsx" && (!workbook.out.empty() || !workbook.as_of.empty())) {
    std::cerr << "spur evaluate: --out and --as-of go with --format xlsx\n";
    return 2;
  }
  spur::RuleBook book = load_book(o);
  std::optional<spur::Grade> threshold, threshold_after_plan;
  if (!o.fail_on.empty()) threshold = spur::parse_grade(o.fail_on);
  if (!o.fail_on_after_plan.empty()) threshold_after_plan = spur::parse_grade(o.fail_on_after_plan);
  const auto width = spur::cli::output_width();
  int status = 0;
  bool failed = false;
  nlohmann::json all = nlohmann::json::array();
  bool first = true;
  if (o.format == "csv") std::cout << spur::cli::actions_csv_header();
  std::vector<spur::Evaluation> kept;  // --format xlsx: every evaluation goes in one workbook
  kept.reserve(o.files.size());
  for (const auto& file : o.files) {
    try {
      spur::Evaluation ev = evaluate_file(book, file);
      failed = failed || (threshold && fails(ev, *threshold, false)) ||
               (threshold_after_plan && fails(ev, *threshold_after_plan, true));
      if (o.format == "xlsx") {
        kept.push_back(std::move(ev));
      } else if (o.format == "json") {
        all.push_back(spur::to_json(ev));
      } else if (o.format == "csv") {
        std::cout << spur::cli::actions_csv(ev, false);
      } else {
        std::cout << (first ? "" : "\n") << spur::cli::evaluation_table(ev, width);
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
  if (o.format == "xlsx") {
    std::vector<const spur::Evaluation*> evaluations;
    for (const auto& ev : kept) evaluations.push_back(&ev);
    if (int written = spur::cli::write_workbook(workbook, evaluations)) return written;
  }
  return failed ? 3 : 0;
}

std::optional<spur::Date> as_of_date(const Options& o) {
  if (o.as_of.empty()) return spur::today();
  return spur::parse_iso_date(o.as_of);
}

int run_plan(const Options& o) {
  auto as_of = as_of_date(o);
  if (!as_of)
    throw UsageError{"--as-of " + o.as_of, "not a date; write it as YYYY-MM-DD, e.g. 2025-03-15"};
  spur::RuleBook book = load_book(o);
  spur::Evaluation ev = evaluate_file(book, o.files.front());
  spur::PlanStatus st = spur::plan_status(ev, *as_of);
  if (o.format != "json") {
    std::cout << spur::cli::plan_table(ev, st, spur::cli::output_width());
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
      else if (p.undated)
        std::cout << (*p.undated == spur::Undated::as_soon_as_possible
                          ? "snarast / as soon as possible"
                          : "löpande / ongoing");
      else if (p.unreadable)
        std::cout << "(oläsligt / unreadable, see the warning)";
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
  // Area letters in either case.
  std::string area = o.area;
  for (char& c : area) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (!book.model().find_area(area)) {
    std::string areas;
    for (const auto& a : book.model().areas) areas += (areas.empty() ? "" : ", ") + a.id;
    throw UsageError{"--area " + o.area, "no such area (areas: " + areas + ")"};
  }
  if (!o.regulation.empty()) check_regulation(book, o.regulation);
  spur::Evaluation ev = evaluate_file(book, o.files.front());
  if (!o.regulation.empty() &&
      std::find(ev.regulations.begin(), ev.regulations.end(), o.regulation) == ev.regulations.end())
    throw UsageError{
        "--regulation " + o.regulation, "the inspection does not inspect it (inspected: " + [&] {
          std::string s;
          for (const auto& r : ev.regulations) s += (s.empty() ? "" : ", ") + r;
          return s;
        }() + ")"};
  auto explanations = spur::explain(ev, area, o.regulation);
  if (o.format == "json") {
    nlohmann::json all = nlohmann::json::array();
    for (const auto& x : explanations) all.push_back(spur::to_json(x));
    std::cout << all.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    return 0;
  }
  const auto width = spur::cli::output_width();
  for (std::size_t i = 0; i < explanations.size(); ++i)
    std::cout << (i ? "\n" : "") << spur::cli::wrap_lines(spur::render(explanations[i]), width);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  spur::cli::guard_standard_output();
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
  rules->add_option("--format", o.format, "text or json")
      ->check(CLI::IsMember({"text", "json"}))
      ->default_str("text");
  rules->add_option("--regulation", o.regulation, "only this regulation (default: every one)");
  auto* evaluate = app.add_subcommand("evaluate", "grade inspections");
  evaluate->add_option("files", o.files, "inspection files (YAML); - reads standard input")
      ->required();
  evaluate->add_option("--format", o.format, "text, json, csv (the actions) or xlsx (with --out)")
      ->check(CLI::IsMember({"text", "json", "csv", "xlsx"}))
      ->default_str("text");
  spur::cli::ReportOptions report_options;
  spur::cli::add_workbook_options(*evaluate, report_options);
  evaluate
      ->add_option("--fail-on", o.fail_on,
                   "exit 3 when some area's grade is certainly this or worse (C or D): the grade "
                   "itself, overrides applied, before the action plan")
      ->transform(CLI::IsMember({"C", "D"}, CLI::ignore_case));
  evaluate
      ->add_option("--fail-on-after-plan", o.fail_on_after_plan,
                   "the same for the grade after the action plan: a D whose required actions a "
                   "received plan covers counts as C once the adjustment is certain")
      ->transform(CLI::IsMember({"C", "D"}, CLI::ignore_case));
  auto* explain = app.add_subcommand("explain", "why an area got its grade, step by step");
  explain->add_option("file", o.files, "inspection file (YAML)")->required()->expected(1);
  explain->add_option("--area", o.area, "area A-H (either case)")->required();
  explain->add_option("--regulation", o.regulation,
                      "only this regulation (default: every inspected one)");
  explain->add_option("--format", o.format, "text or json")
      ->check(CLI::IsMember({"text", "json"}))
      ->default_str("text");
  auto* test = app.add_subcommand("test", "run the regulation tests (rules/*/tests/*.yaml)");
  test->add_option("paths", o.files, "test files or folders (default: every rules/*/tests)");
  test->add_flag("--coverage", o.coverage,
                 "report which requirements, scale rows and preconditions the tests exercise");
  auto* plan = app.add_subcommand("plan", "follow up the action plan: due dates and states");
  plan->add_option("file", o.files, "inspection file (YAML) with an action_plan")
      ->required()
      ->expected(1);
  plan->add_option("--as-of", o.as_of, "the day to follow up on (YYYY-MM-DD)")
      ->default_str("today");
  plan->add_option("--format", o.format, "text or json")
      ->check(CLI::IsMember({"text", "json"}))
      ->default_str("text");
  auto* dates = app.add_subcommand("dates", "read Swedish date phrases as action plans write them");
  dates->add_option("texts", o.texts, "phrases, e.g. \"september 2025, därefter årligen\"")
      ->required();
  dates->add_option("--format", o.format, "text or json")
      ->check(CLI::IsMember({"text", "json"}))
      ->default_str("text");
  spur::cli::DiffOptions diff_options;
  auto* diff = spur::cli::add_diff_command(app, diff_options);
  spur::cli::ImportCommandOptions import_options;
  auto* import = spur::cli::add_import_command(app, import_options);
  auto* report = spur::cli::add_report_command(app, report_options);
  spur::cli::ServeOptions serve_options;
  auto* serve = spur::cli::add_serve_command(app, serve_options);
  auto* graph = app.add_subcommand("graph", "the rule graph (Graphviz dot, or JSON)");
  graph->add_option("--format", o.format, "dot or json")
      ->check(CLI::IsMember({"dot", "json"}))
      ->default_str("dot");

  if (int code = check_command(app, argc, argv); code >= 0) return code;
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e);  // --help, --version
    const std::string command = command_name(app);
    std::string message = e.what();
    if (command == "spur" && dynamic_cast<const CLI::RequiredError*>(&e))
      message = "name a command (" + command_list(app) + ")";
    std::cerr << command << ": error: " << message << "\n"
              << "  (" << command << " --help lists the options)\n";
    return 2;
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
    if (*evaluate) return run_evaluate(o, report_options);
    if (*explain) return run_explain(o);
    if (*graph) return run_graph(o);
    if (*plan) return run_plan(o);
    if (*test) return run_test(o);
    if (*dates) return run_dates(o);
    if (*diff) return spur::cli::run_diff(diff_options, load_book(o));
    if (*report) return spur::cli::run_report(report_options, load_book(o));
    if (*import) return spur::cli::run_import(import_options, load_book(o));
    if (*serve) return spur::cli::run_serve(serve_options, load_book(o));
  } catch (const UsageError& e) {
    std::cerr << command_name(app) << ": error: " << e.option << ": " << e.message << "\n";
    return 2;
  } catch (const spur::Error& e) {
    // A message about no file (an unknown id asked for) names the command instead.
    for (const auto& d : e.diagnostics())
      if (d.file.empty())
        std::cerr << command_name(app) << ": "
                  << (d.severity == spur::Severity::error ? "error: " : "warning: ") << d.message
                  << "\n";
      else
        std::cerr << d.format() << "\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "spur: internal error: " << e.what() << "\n";
    return 1;
  }
  return 2;
}
