#pragma once
// What the import reads out of a report's text before drafting: the report's parts, each with
// the line it came from.

#include <string>
#include <vector>

#include "spur/error.hpp"
#include "spur/import.hpp"
#include "spur/rule_book.hpp"
#include "spur/types.hpp"

namespace spur::detail {

struct Sentence {
  std::string text;
  int line = 0;
};

enum class BulletKind { strength, weakness, improvement };

/// One bullet of the summary table (Styrkor / Svagheter / Förbättringspotential).
struct Bullet {
  std::string text;
  int line = 0;
  BulletKind kind = BulletKind::strength;
};

/// One handlingsplan entry as printed.
struct PrintedPlanEntry {
  std::string area;         ///< from its heading ("D. Tjänstgöringens upplägg")
  int line = 0;             ///< of the heading
  std::string requirement;  ///< the requirement text as printed, lines joined by '\n'
  int requirement_line = 0;
  std::string action, due, responsible, follow_up, follow_up_responsible;
  int responsible_line = 0, follow_up_responsible_line = 0;
};

/// "Graderingen är ändrad till C." in an area's text.
struct GradeStatement {
  std::string area;
  Grade grade = Grade::C;
  std::string text;
  int line = 0;
};

/// A grading table as the text prints it: its scale rows, and the area it grades.
struct PrintedGradeTable {
  std::string area;                         ///< "" when the text does not tell
  std::vector<std::pair<Grade, int>> rows;  ///< each row's grade and line
};

struct FoundField {
  std::string value;
  int line = 0;
};

/// A line of the report's text (1-based number) as the parser keeps it.
struct ReportLine {
  int number = 0;
  std::string text;
};

/// What the parser passed on its way through the areas' part of the report, in text order:
/// the places a page break can move narrative away from, and what tells where it belongs.
struct LayoutMark {
  enum Kind { heading, rule_text, area_letter, other };
  Kind kind = other;
  std::string area;  ///< the area of a heading, rule text or area letter
  int line = 0;
};

/// A run of narrative lines between two marks, and the area whose heading precedes it.
struct NarrativeBlock {
  std::vector<ReportLine> lines;
  std::string heading_area;
  std::size_t marks_before = 0;  ///< how many marks precede it
};

/// The narrative of one area: its sentences in report order.
struct AreaNarrative {
  std::string area;
  std::vector<Sentence> sentences;
};

struct ParsedReport {
  FoundField unit, specialty, date;
  std::vector<std::pair<std::string, int>> regulation_mentions;  ///< regulation id, line
  int parallel_line = 0;               ///< "Vid två parallella utbildningar ..."
  int two_regulation_marker_line = 0;  ///< "(endast 2021)", "2015 2021"
  std::vector<std::string> listed;     ///< ids of the requirement texts the report prints
  std::vector<Bullet> bullets;
  bool bullets_guessed = false;          ///< where one list ends was guessed from the wording
  std::vector<AreaNarrative> narrative;  ///< A..H, only areas with text
  std::vector<Sentence> plan_intro;
  std::vector<PrintedPlanEntry> plan;
  int received_line = 0;      ///< where the report says the plan has come in
  std::string received_on;    ///< when, if it says (YYYY-MM-DD)
  int not_received_line = 0;  ///< where it says the plan has not come in ("ännu inte inkommit")
  std::vector<GradeStatement> grades;
  std::vector<PrintedGradeTable> grade_tables;
  std::vector<std::pair<std::string, Sentence>> actions_required;  ///< area, sentence
  std::vector<UnplacedLine> unplaced;
  std::vector<Diagnostic> diagnostics;
  int evidence = 0;  ///< headings, labels and rule texts of a SPUR report found

  std::vector<Sentence>& area_text(const std::string& area);
};

/// Reads the report's lines (1-based numbers are their indices plus one).
ParsedReport parse_report(const RuleBook& book, const std::vector<std::string>& lines,
                          const std::string& source);

}  // namespace spur::detail
