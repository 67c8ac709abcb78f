#include "report_command.hpp"

#include <unistd.h>

#include <iostream>
#include <memory>

#include "spur/inspection.hpp"
#include "spur/report.hpp"

namespace spur::cli {

CLI::App* add_report_command(CLI::App& app, ReportOptions& o) {
  auto* cmd = app.add_subcommand(
      "report", "a report people read: HTML, PDF or Markdown in the layout of a SPUR report");
  cmd->add_option("files", o.files, "inspection files (YAML); several give a summary report")
      ->required();
  cmd->add_option("--format", o.format, "html (default), pdf or md")
      ->check(CLI::IsMember({"html", "pdf", "md"}));
  cmd->add_option("--out", o.out, "the file to write (default: standard output)");
  cmd->add_option("--as-of", o.as_of,
                  "the day the action plans are followed up on (YYYY-MM-DD; default today)");
  cmd->add_option("--lang", o.lang, "sv (default) or en, for the report's own words")
      ->check(CLI::IsMember({"sv", "en"}));
  cmd->add_flag("--force", o.force, "replace --out if it exists");
  return cmd;
}

void add_workbook_options(CLI::App& evaluate, ReportOptions& o) {
  evaluate.add_option("--out", o.out, "with --format xlsx: the workbook to write");
  evaluate.add_option("--as-of", o.as_of,
                      "with --format xlsx: the day the plans are followed up on (default today)");
  evaluate.add_option("--lang", o.lang, "with --format xlsx: sv (default) or en")
      ->check(CLI::IsMember({"sv", "en"}));
  evaluate.add_flag("--force", o.force, "with --format xlsx: replace --out if it exists");
}

namespace {

std::optional<spur::ReportOptions> report_options(const ReportOptions& o, const char* command) {
  spur::ReportOptions out;
  if (o.as_of.empty()) {
    out.as_of = today();
  } else if (auto d = parse_iso_date(o.as_of)) {
    out.as_of = *d;
  } else {
    std::cerr << "spur " << command << ": --as-of " << o.as_of
              << " is not a date; write it as YYYY-MM-DD\n";
    return std::nullopt;
  }
  out.language = parse_language(o.lang).value_or(Language::sv);
  return out;
}

// Writes the report to --out (atomically) or to standard output.
int emit(const ReportOptions& o, const Report& report, ReportFormat format, const char* command) {
  if (!o.out.empty()) {
    write_report(report, format, o.out, o.force ? Overwrite::replace : Overwrite::refuse);
    return 0;
  }
  if ((format == ReportFormat::pdf || format == ReportFormat::xlsx) && isatty(STDOUT_FILENO)) {
    std::cerr << "spur " << command << ": "
              << (format == ReportFormat::pdf ? "a PDF" : "a workbook")
              << " is not for a terminal; give --out FILE\n";
    return 2;
  }
  const std::string bytes = render_report(report, format);
  std::cout.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  std::cout.flush();
  if (!std::cout) {
    std::cerr << "spur " << command << ": could not write to standard output\n";
    return 1;
  }
  return 0;
}

}  // namespace

int run_report(const ReportOptions& o, const RuleBook& book) {
  const auto options = report_options(o, "report");
  if (!options) return 2;
  const ReportFormat format = parse_report_format(o.format).value_or(ReportFormat::html);
  std::vector<Evaluation> evaluations;
  evaluations.reserve(o.files.size());
  int status = 0;
  for (const auto& file : o.files) {
    try {
      evaluations.push_back(
          evaluate(book, std::make_shared<const Inspection>(Inspection::load(file))));
      for (const auto& d : evaluations.back().diagnostics) std::cerr << d.format() << "\n";
    } catch (const Error& e) {
      for (const auto& d : e.diagnostics()) std::cerr << d.format() << "\n";
      status = 1;
    }
  }
  if (status) {
    std::cerr << "spur report: no report written; fix the inspection files above\n";
    return status;
  }
  std::vector<const Evaluation*> pointers;
  for (const auto& ev : evaluations) pointers.push_back(&ev);
  return emit(o, build_report(pointers, *options), format, "report");
}

int write_workbook(const ReportOptions& o, const std::vector<const Evaluation*>& evaluations) {
  const auto options = report_options(o, "evaluate");
  if (!options) return 2;
  return emit(o, build_report(evaluations, *options), ReportFormat::xlsx, "evaluate");
}

}  // namespace spur::cli
