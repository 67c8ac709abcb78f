#pragma once
// `spur import REPORT... [--out FILE|DIR] [--format yaml|json] [--keep-names] [--force]`:
// draft inspection files from published SPUR reports, text or PDF (docs/import.md).

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "spur/rule_book.hpp"

namespace spur::cli {

struct ImportCommandOptions {
  std::vector<std::string> reports;  // files, or "-" for standard input
  std::string out;                   // a file (one report) or a folder; empty: standard output
  std::string format = "yaml";
  bool keep_names = false;
  bool force = false;
  bool text = false;  // print the text the import reads instead of drafting
};

/// Adds the `import` subcommand to `app`, filling `options`; returns it.
CLI::App* add_import_command(CLI::App& app, ImportCommandOptions& options);

/// Runs `spur import`: 0 when every report was drafted (warnings go to standard error), 1 when
/// some file is no SPUR report or could not be read or written (the others are still drafted).
int run_import(const ImportCommandOptions& options, const RuleBook& book);

}  // namespace spur::cli
