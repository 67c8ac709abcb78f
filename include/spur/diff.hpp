#pragma once
/// \file
/// Comparing two regulations of one rule book, and replaying inspections under both.
///
/// `diff` lists the requirements a newer regulation adds, removes and changes; `replay` grades
/// one inspection under each of the two and reports the grades and actions that would change,
/// with the requirements that cause each change. `spur diff OLD NEW [--replay FILE...]` prints
/// both (docs/diff.md).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "spur/evaluation.hpp"
#include "spur/inspection.hpp"
#include "spur/model.hpp"
#include "spur/rule_book.hpp"
#include "spur/types.hpp"

namespace spur {

/// A field of a requirement whose change `diff` reports.
///
/// `source` and `note` are provenance and commentary, not meaning: a requirement whose only
/// change is where it is printed (E7's source document in HSLF-FS 2021:8) is not reported.
enum class RequirementField : std::uint8_t { kind, area, text, prerequisites, confidence };

/// The field's name as the rule files and the JSON output write it (`prerequisites` is
/// "requires").
std::string_view to_string(RequirementField field);

/// A requirement present in both regulations with a different definition.
struct RequirementChange {
  std::string id;
  const Requirement* before = nullptr;   ///< in the old regulation
  const Requirement* after = nullptr;    ///< in the new regulation
  std::vector<RequirementField> fields;  ///< what changed, in RequirementField order

  bool changes(RequirementField field) const;
  /// True when the change can change a grade or an action (kind, area or requires); text and
  /// confidence cannot.
  bool affects_grading() const;
};

/// What a newer regulation changes against an older one, by requirement id.
///
/// The requirement pointers point into `book`, which the diff keeps alive.
struct RegulationDiff {
  RuleBook book;
  std::string old_regulation;
  std::string new_regulation;
  std::vector<const Requirement*> added;    ///< only in the new regulation, catalogue order
  std::vector<const Requirement*> removed;  ///< only in the old regulation, catalogue order
  std::vector<RequirementChange> changed;   ///< in both, defined differently, catalogue order

  /// True when the two regulations define the same requirements the same way.
  bool empty() const { return added.empty() && removed.empty() && changed.empty(); }
  /// The change of `id`, or null when it is unchanged, added or removed.
  const RequirementChange* find_change(std::string_view id) const;
  /// True when `id` is added, removed, or changed in kind, area or requires: a difference that
  /// can change a grade or an action.
  bool affects_grading(std::string_view id) const;
};

/// Compare two regulations of `book` requirement by requirement. `requires` lists compare as
/// sets (their order carries no meaning). Throws LookupError, naming the known regulations,
/// when either id is unknown.
RegulationDiff diff(const RuleBook& book, std::string_view old_id, std::string_view new_id);

/// Which list of an evaluation a requirement lands on (design.md, "required_actions").
enum class ActionClass : std::uint8_t { none, required, recommended, improvement };

/// "required", "recommended", "improvement", or "none".
std::string_view to_string(ActionClass action);

/// An area whose computed grade differs between the two regulations.
struct GradeChange {
  std::string area;
  GradeSet old_possible;           ///< grades possible under the old regulation
  GradeSet new_possible;           ///< grades possible under the new regulation
  std::optional<Grade> old_grade;  ///< set when exactly one grade is possible
  std::optional<Grade> new_grade;
  /// The requirements that cause the change, in catalogue order: the requirements of the area
  /// that decide its grade, or keep it provisional, under either regulation and that differ
  /// between the two (added, removed, or changed in kind, area or requires), or whose status in
  /// the inspection differs (a `by_regulation` finding, an implication). A status that differs
  /// only by implication is traced to the changed prerequisite that causes it.
  std::vector<std::string> causes;
};

/// A requirement that moves between the action lists (or on or off them).
struct ActionChange {
  std::string requirement;
  std::string area;  ///< under the new regulation, or the old one when removed
  ActionClass old_class = ActionClass::none;
  ActionClass new_class = ActionClass::none;
  /// The requirement itself when it differs between the regulations or has another status
  /// under each; else the changed prerequisites through which it is implied not met.
  std::vector<std::string> causes;
};

/// One inspection graded under the old and under the new regulation of a diff.
///
/// Each side evaluates a copy of the inspection with `regulations` set to that regulation
/// alone. A finding written `by_regulation` gives a regulation's status only under that
/// regulation, exactly as in an inspection of both (without an entry for it, the finding's
/// plain `status` or the inspection's `default_status` applies): replaying an inspection of
/// both regulations reproduces its two gradings. A requirement only one side has counts there
/// by its finding when the inspection has one (G11 in an inspection of SOSFS 2015:8 alone),
/// else by the inspection's `default_status`. Overrides and the action plan are left out: a
/// replay compares computed grades, which only the rules and the findings decide. The trainees
/// are left out too: the regulation is given, whichever applies to them.
struct Replay {
  std::string inspection;  ///< the inspection's id, or its file when it has none
  std::string file;
  std::string old_regulation;
  std::string new_regulation;
  std::vector<GradeChange> grades;    ///< areas whose grade differs, A..H; others omitted
  std::vector<ActionChange> actions;  ///< catalogue order; unchanged ones omitted

  /// True when no grade and no action changes.
  bool empty() const { return grades.empty() && actions.empty(); }
};

/// Grade `inspection` under the two regulations of `diff` (made from `book`) and compare.
/// Throws InspectionError when the inspection names what the book lacks.
Replay replay(const RuleBook& book, const RegulationDiff& diff, const Inspection& inspection);

/// The diff as `spur diff --format json` prints it, without "replay":
/// `{"old", "new", "added": [{id, area, kind, text}], "removed": [...],
/// "changed": [{"id", "changes": {"kind": [old, new], ...}}]}`.
nlohmann::json to_json(const RegulationDiff& diff);
/// One replayed inspection: `{"inspection", "file", "grades": [{"area", "old", "new",
/// "old_possible", "new_possible", "causes"}], "actions": [{"requirement", "area", "old", "new",
/// "causes"}]}`; a grade is null while provisional, an action class null when on no list.
nlohmann::json to_json(const Replay& replay);

}  // namespace spur
