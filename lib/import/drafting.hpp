#pragma once
// Drafting findings from what a report criticises: its plan entries and its "Åtgärd krävs".

#include <string>
#include <vector>

#include "import/parsed_report.hpp"
#include "spur/rule_book.hpp"

namespace spur::detail {

/// A plan entry with the requirement it names.
struct PlacedPlanEntry {
  const PrintedPlanEntry* printed = nullptr;
  const Requirement* requirement = nullptr;  ///< null when no text is close enough
  double similarity = 0;
};

/// A finding drafted from the report, to be confirmed by a person.
struct DraftFinding {
  std::string requirement;
  std::string area;
  Status status = Status::partially_met;
  std::string note;      ///< the report's sentences, with the draft marker
  std::string decided;   ///< which words decided the status, for the file's comment
  int line = 0;          ///< the report line that made it a finding
  bool in_plan = false;  ///< a plan entry names it
};

/// Drafts one finding per requirement named by a plan entry or an "Åtgärd krävs" sentence,
/// adding warnings (ambiguities, prerequisites, undecided wording) to `diagnostics`.
std::vector<DraftFinding> draft_findings(const RuleBook& book, const ParsedReport& report,
                                         const std::vector<PlacedPlanEntry>& plan,
                                         const std::vector<std::string>& regulations,
                                         const std::string& source,
                                         std::vector<Diagnostic>& diagnostics);

}  // namespace spur::detail
