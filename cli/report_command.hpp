#pragma once
// `spur report FILE... [--format html|pdf|md] [--out FILE] [--as-of DATE] [--lang sv|en]
// [--force]`: a report people read (docs/reports.md); and the Excel workbook of
// `spur evaluate --format xlsx --out FILE`.

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "spur/evaluation.hpp"
#include "spur/rule_book.hpp"

namespace spur::cli {

struct ReportOptions {
  std::vector<std::string> files;  // inspection files
  std::string format = "html";
  std::string out;    // empty: standard output
  std::string as_of;  // YYYY-MM-DD; empty: today
  std::string lang = "sv";
  bool force = false;
};

/// Adds the `report` subcommand to `app`, filling `options`; returns it.
CLI::App* add_report_command(CLI::App& app, ReportOptions& options);

/// Adds --out, --force, --as-of and --lang to `evaluate` for `--format xlsx`.
void add_workbook_options(CLI::App& evaluate, ReportOptions& options);

/// Runs `spur report`: 0 written, 1 a bad inspection file or a file that cannot be written
/// (nothing is written then), 2 wrong usage (a bad --as-of, binary output to a terminal).
int run_report(const ReportOptions& options, const RuleBook& book);

/// Writes the workbook of already evaluated inspections (`spur evaluate --format xlsx`):
/// 0 written, 1 not written, 2 wrong usage.
int write_workbook(const ReportOptions& options, const std::vector<const Evaluation*>& evaluations);

}  // namespace spur::cli
