#pragma once
// `spur diff OLD NEW [--replay FILE...] [--format text|json]`: what a newer regulation changes,
// and how the grades of given inspections would change with it (docs/diff.md).

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "spur/diff.hpp"
#include "spur/rule_book.hpp"

namespace spur::cli {

struct DiffOptions {
  std::string old_regulation;
  std::string new_regulation;
  std::vector<std::string> replay;  // inspection files
  std::string format = "text";
};

/// Adds the `diff` subcommand to `app`, filling `options`; returns it.
CLI::App* add_diff_command(CLI::App& app, DiffOptions& options);

/// Runs `spur diff` against `book`: 0 done (also when there are differences), 1 when an
/// inspection file is bad (the others are still replayed). An unknown regulation throws
/// LookupError, naming the known ones.
int run_diff(const DiffOptions& options, const RuleBook& book);

/// The diff as readable text, one line per requirement (more for several changed fields).
std::string diff_text(const RegulationDiff& diff);
/// One replayed inspection as readable text.
std::string replay_text(const Replay& replay);

}  // namespace spur::cli
