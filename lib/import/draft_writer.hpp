#pragma once
// Writing a draft inspection: YAML with comments for the reviewer, or JSON.

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "import/drafting.hpp"
#include "import/parsed_report.hpp"
#include "import/table_grades.hpp"

namespace spur::detail {

/// A plan entry as the draft writes it.
struct DraftPlanEntry {
  std::string requirement;  ///< an id, or the printed text when none matched
  std::string printed;      ///< the requirement text as printed
  int line = 0;
  std::string comment;  ///< for the reviewer (how the text matched)
  std::string action, due, responsible, follow_up, follow_up_responsible;
  bool received = false;
  std::string received_on;  ///< YYYY-MM-DD when the report says
};

/// Everything the draft file holds.
struct Draft {
  std::string source;
  std::string id;
  FoundField unit, specialty, date;
  std::vector<std::string> regulations;
  std::string regulations_comment;
  bool regulations_todo = false;
  std::vector<DraftFinding> findings;
  std::vector<GradeStatement> grades;  ///< what the text says, one per area
  std::vector<AreaMark> marks;         ///< what the PDF's grading tables mark, by area
  std::vector<DraftPlanEntry> plan;
  std::string received_comment;  ///< when the plan has not come in, or it is unknown
  std::string notes;
  std::vector<UnplacedLine> unplaced;
  std::vector<std::string> header_comments;
};

std::string draft_yaml(const Draft& draft);
nlohmann::json draft_json(const Draft& draft);

}  // namespace spur::detail
