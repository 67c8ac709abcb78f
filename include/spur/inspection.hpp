#pragma once
/// \file
/// An inspection: what inspectors found at one unit, as written in an inspection file.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "spur/action_plan.hpp"
#include "spur/error.hpp"
#include "spur/model.hpp"
#include "spur/types.hpp"

namespace spur {

/// The status of one requirement in one regulation (the `by_regulation` form).
struct RegulationStatus {
  std::string regulation;
  Status status = Status::not_assessed;
};

/// What inspectors found for one requirement.
struct Finding {
  std::string requirement;
  std::optional<Status> status;                 ///< for every inspected regulation
  std::vector<RegulationStatus> by_regulation;  ///< per regulation; wins over `status`
  std::string note;
  SourceLocation location;

  /// The status this finding gives in `regulation`, if it gives one.
  std::optional<Status> status_in(std::string_view regulation) const;
};

/// An inspector's grade, replacing the computed one, with the reason written down.
struct Override {
  std::string area;
  std::optional<std::string> regulation;  ///< empty: every inspected regulation
  Grade grade = Grade::A;
  std::string reason;
  SourceLocation location;
};

/// An ST doctor at the unit, as far as the regulations care: when ST began and whether they
/// did Swedish AT decide which regulation applies.
struct Trainee {
  std::string id;
  std::optional<Date> st_start;
  std::optional<bool> swedish_at;
  std::optional<Date> licensed;
  SourceLocation location;
};

/// A grade a report's grading table marks for an area, as `spur import` read it from the
/// PDF's layout: the table's only grade column, or one column per regulation ("2015", "2021").
struct MarkedGrade {
  std::optional<std::string> regulation;  ///< none: the table's only column
  Grade grade = Grade::A;
};

/// What a published report says an area's grade is ("Handlingsplan inkommen. Gradering
/// justerad till C.") and what its grading table marks, kept so that evaluation can say when
/// its own grade disagrees.
struct ReportedGrade {
  std::string area;
  std::optional<Grade> grade;       ///< what the report's text says, when it says
  std::string text;                 ///< the report's words, when given
  std::vector<MarkedGrade> marked;  ///< what its grading table marks (`marked:`)
  SourceLocation location;
};

/// One inspection of one unit.
struct Inspection {
  std::string id;
  std::string unit;
  std::string specialty;
  std::optional<std::string> date;       ///< ISO date, when known
  std::vector<std::string> regulations;  ///< empty: derived from `trainees`
  std::vector<Trainee> trainees;
  Status default_status = Status::not_assessed;
  std::vector<Finding> findings;
  std::vector<Override> overrides;
  std::vector<PlanEntry> action_plan;          ///< the handlingsplan, once it is written
  std::vector<ReportedGrade> reported_grades;  ///< what a published report says, by area
  std::string notes;
  std::string file;
  SourceLocation regulations_location;
  std::vector<Diagnostic> warnings;  ///< found while reading (e.g. plan entries lacking a field)

  /// Read an inspection file; throws InspectionError listing every problem found in it, or
  /// FileError when it cannot be read.
  static Inspection load(const std::filesystem::path& path);
  /// Parse inspection YAML from a string; `file` names it in messages.
  static Inspection parse(std::string_view yaml, const std::string& file = "<string>");
  /// Parse an inspection given as JSON text (e.g. built from a Python dict), checked exactly
  /// as a file is; faster than `parse` for data made in memory.
  static Inspection parse_json(std::string_view json, const std::string& file = "<json>");

  const Finding* find(std::string_view requirement) const;
};

}  // namespace spur
