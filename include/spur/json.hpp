#pragma once
/// \file
/// JSON forms of spur's results, as `spur ... --format json` prints them.

#include <nlohmann/json.hpp>

#include "spur/evaluation.hpp"
#include "spur/explain.hpp"
#include "spur/follow_up.hpp"
#include "spur/rule_book.hpp"

namespace spur {

/// The version of spur, as printed by `spur --version` and in JSON output.
std::string_view version();

/// Grades as JSON: a list of letters, best first; one letter, or null.
nlohmann::json grades_json(GradeSet grades);
nlohmann::json grade_json(std::optional<Grade> grade);

/// The evaluation, exactly as `spur evaluate --format json` prints one inspection.
nlohmann::json to_json(const Evaluation& evaluation);
/// An explanation, as `spur explain --format json` prints it.
nlohmann::json to_json(const Explanation& explanation);
/// A regulation's requirements: {"regulation": id, "requirements": [...]}.
nlohmann::json to_json(const Regulation& regulation);
/// The rule graph: {"nodes": [...], "edges": [...]}.
nlohmann::json graph_json(const RuleBook& book);
nlohmann::json to_json(const Diagnostic& diagnostic);
/// The follow-up of an evaluation's action plan, as `spur plan --format json` prints it.
nlohmann::json to_json(const PlanStatus& status, const Evaluation& evaluation);
/// A date phrase read into parts, as `spur dates --format json` prints each phrase.
nlohmann::json to_json(const DatePhrase& phrase);

}  // namespace spur
