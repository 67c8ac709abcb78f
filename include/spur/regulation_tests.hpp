#pragma once
/// \file
/// Regulation tests: small YAML files next to each regulation (rules/<id>/tests/*.yaml) with
/// inspections and the grades and actions they must give, run like unit tests, with coverage.

#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "spur/error.hpp"
#include "spur/rule_book.hpp"

namespace spur {

/// The outcome of one case (or one variant of a table-driven case).
struct CaseResult {
  std::string file;
  int line = 0;
  std::string name;
  std::vector<std::string> failures;  ///< "grades E: expected D, got C", ...; empty: passed
  bool passed() const { return failures.empty(); }
};

/// What the tests of one regulation exercised.
struct RegulationCoverage {
  std::string regulation;
  std::vector<std::string> requirements;  ///< every requirement, catalogue order
  std::set<std::string> seen_unmet;       ///< unmet in some case
  std::set<std::string> seen_met;         ///< met in some case
  /// Scale rows as "scale/grade" (e.g. "four-step/C"): those some area can reach at all, and
  /// those that decided a grade in some case.
  std::set<std::string> reachable_rows, rows_hit;
  std::set<std::string> unreachable_rows;  ///< rows no area's requirements can ever reach
  /// Precondition edges as "E2->E4": all, and those that implied something in some case.
  std::set<std::string> preconditions, preconditions_hit;
};

/// Everything a test run found.
struct TestReport {
  std::vector<CaseResult> cases;
  std::vector<Diagnostic> errors;  ///< test files that could not be read
  std::map<std::string, RegulationCoverage> coverage;
  int passed() const;
  int failed() const;
};

/// The test files under a rules directory: every `<folder>/tests/*.yaml`, sorted.
std::vector<std::filesystem::path> find_test_files(const std::filesystem::path& rules_directory);

/// Runs the cases of `files` (files or directories of them) against `book`.
TestReport run_regulation_tests(const RuleBook& book,
                                const std::vector<std::filesystem::path>& files);

/// The coverage report as text, one block per regulation.
std::string coverage_text(const TestReport& report);

}  // namespace spur
