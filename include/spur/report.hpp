#pragma once
/// \file
/// Reports people read: a model of the report built once from evaluations (grades, adjusted
/// and provisional grades, actions, the action plan followed up on a day), then written by one
/// writer per format (HTML, Markdown, PDF, Excel). Nothing is graded here: every grade is the
/// one the Evaluation holds.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "spur/dates.hpp"
#include "spur/evaluation.hpp"
#include "spur/follow_up.hpp"
#include "spur/output_file.hpp"
#include "spur/types.hpp"

namespace spur {

/// The language of the words a report adds (headings, labels); the rule texts stay Swedish.
enum class Language : std::uint8_t { sv, en };
/// "sv" or "en"; nothing for anything else.
std::optional<Language> parse_language(std::string_view text);

/// What a report is built for.
struct ReportOptions {
  Date as_of;  ///< the day the action plans are followed up on
  Language language = Language::sv;
};

/// A grade as a report shows it: the grade that stands, or the grades still possible.
struct GradeCell {
  std::optional<Grade> grade;  ///< the grade that stands (an override wins); none while provisional
  GradeSet possible;           ///< the grades still possible (one when certain)
  std::optional<Grade> adjusted;        ///< after a received action plan (D→C)
  bool adjustment_provisional = false;  ///< D→C? : not assessed provisions could undo it
  bool overridden = false;
  std::string override_reason;

  bool provisional() const { return !grade; }
  /// "D→C", "D→C?", "A/B?", "B*" ("?" provisional, "*" set by the inspectors).
  std::string text() const;
  /// The grade that decides the colour: the adjusted one, else the grade, else the worst
  /// still possible.
  Grade shade() const;
};

/// One requirement of an area as the report lists it, with its status per regulation.
struct ReportRequirement {
  std::string id;
  Kind kind = Kind::provision;  ///< its strictest kind among the inspected regulations
  std::string text;
  std::string note;  ///< the inspectors' note
  struct Cell {
    bool present = false;  ///< the requirement exists in this regulation
    Kind kind = Kind::provision;
    Status status = Status::not_assessed;
    StatusOrigin origin = StatusOrigin::default_status;
    std::vector<std::string> because;  ///< implied: the prerequisites that are not met
  };
  std::vector<Cell> cells;  ///< one per inspected regulation
};

/// A requirement that needs acting on, as the area lists it.
struct ReportAction {
  std::string requirement;
  Kind kind = Kind::provision;
  std::string text;
  Status status = Status::not_met;
  bool implied = false;
  std::vector<std::string> regulations;
};

/// One row of the area's scale, marked for the regulations whose grade it is.
struct ReportScaleRow {
  Grade grade = Grade::A;
  std::string text;
  /// Per inspected regulation: "X" the grade, "?" still possible, "→" adjusted to, "" not.
  std::vector<std::string> marks;
};

/// One area of one inspection.
struct ReportArea {
  std::string id;
  std::string name;
  std::string section;  ///< the section's name ("STRUKTUR")
  std::string preamble;
  std::vector<GradeCell> grades;  ///< per inspected regulation
  GradeCell combined;
  std::vector<ReportScaleRow> scale;
  std::vector<ReportRequirement> requirements;  ///< in catalogue order
  std::vector<ReportAction> required;           ///< Åtgärd krävs
  std::vector<ReportAction> recommended;        ///< Åtgärd rekommenderas
  std::vector<ReportAction> improvements;       ///< unmet indicators: room for improvement
  std::vector<std::string> explanations;        ///< one text per inspected regulation
};

/// One entry of the action plan, followed up on the report's day.
struct ReportPlanItem {
  std::string requirement;  ///< resolved id, or as written when it names none
  std::string area;
  std::string requirement_text;
  std::string action;
  std::string responsible;
  std::string due;  ///< as written
  std::optional<Date> due_start;
  std::optional<Date> due_end;
  std::string follow_up;  ///< as written
  std::optional<Date> next_follow_up;
  std::string follow_up_responsible;
  bool received = false;
  std::optional<Date> received_on;
  std::optional<Date> done;
  PlanState state = PlanState::planned;
};

/// The action plan of one inspection followed up on the report's day.
struct ReportPlan {
  std::optional<Date> plan_due;     ///< three months after the inspection
  std::optional<Date> received_on;  ///< the latest receipt
  std::optional<bool> in_time;
  bool received = false;
  std::vector<ReportPlanItem> items;
  int overdue = 0;
  std::vector<std::string> warnings;
};

/// Everything one inspection's report shows.
struct InspectionReport {
  std::string id;
  std::string unit;
  std::string specialty;
  std::string date;  ///< ISO, or empty when the inspection gives none
  std::string file;
  std::vector<std::string> regulations;        ///< ids
  std::vector<std::string> regulation_titles;  ///< in the same order
  std::vector<ReportArea> areas;
  std::optional<bool> action_plan_required;
  int required_count = 0;
  int recommended_count = 0;
  ReportPlan plan;
  std::vector<std::string> warnings;  ///< about the inspection, as one-line messages
};

/// The rule book a report was graded with.
struct RuleBookStamp {
  std::string model;                     ///< e.g. "spur-st"
  std::vector<std::string> regulations;  ///< every regulation of the book
  std::string spur_version;
  std::string digest;  ///< SHA-256 over the model and regulation files, hex
};

/// A report of one or more inspections.
struct Report {
  ReportOptions options;
  RuleBookStamp rule_book;
  std::vector<std::string> area_ids;    ///< A..H
  std::vector<std::string> area_names;  ///< in the same order
  std::vector<InspectionReport> inspections;
  bool summary() const { return inspections.size() > 1; }
};

/// Builds the report of the evaluations (at least one), all graded with the same rule book.
/// Throws LookupError when there are none.
Report build_report(const std::vector<const Evaluation*>& evaluations,
                    const ReportOptions& options);

/// The report as one self-contained HTML file (inline CSS, no scripts, no network).
std::string to_html(const Report& report);
/// The summary of the first inspection (areas × regulations, legend, counts) as an HTML
/// fragment with its own scoped style: what a notebook shows for an Evaluation.
std::string to_html_summary(const Report& report);
/// The report as Markdown, readable on GitHub and GitLab.
std::string to_markdown(const Report& report);
/// The report as a paginated PDF (A4, page numbers, running header), drawn with cairo and pango.
std::string to_pdf(const Report& report);
/// The grades, actions and action plans as an Excel workbook (sheets: grades, actions, plan).
std::string to_xlsx(const Report& report);

/// The formats a report is written in.
enum class ReportFormat : std::uint8_t { html, markdown, pdf, xlsx };
/// "html", "md" (or "markdown"), "pdf", "xlsx"; nothing for anything else.
std::optional<ReportFormat> parse_report_format(std::string_view text);
/// The report in `format`.
std::string render_report(const Report& report, ReportFormat format);

/// Writes the report to `path` atomically (see write_file_atomically): an existing file is
/// replaced only with Overwrite::replace.
void write_report(const Report& report, ReportFormat format, const std::filesystem::path& path,
                  Overwrite overwrite = Overwrite::refuse);

}  // namespace spur
