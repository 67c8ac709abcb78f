#pragma once
/// \file
/// The rule data: the assessment model (areas, scales, policy) and resolved regulations.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "spur/dates.hpp"
#include "spur/types.hpp"

namespace spur {

/// Where something was written: a file and a 1-based line and column (0 when unknown).
struct SourceLocation {
  std::string file;
  int line = 0;
  int column = 0;
};

/// The document a requirement comes from; `paragraph` stays empty until verified.
struct Source {
  std::string document;
  std::optional<std::string> paragraph;
};

/// One requirement as it stands in one regulation.
struct Requirement {
  std::string id;    ///< stable id: area letter and number, e.g. "E4"
  std::string area;  ///< "A".."H"
  Kind kind = Kind::provision;
  std::string text;  ///< exact Swedish text as reports print it
  /// Prerequisites (`requires` in the files): if one is not met, this cannot be met either.
  std::vector<std::string> prerequisites;
  Confidence confidence = Confidence::medium;
  Source source;
  std::string note;
  SourceLocation location;           ///< where it was defined (or last amended)
  SourceLocation requires_location;  ///< where its `requires` list was written, if it was
};

/// One row of a first-hit grading table.
struct ScaleRow {
  Grade grade = Grade::A;
  std::string when;  ///< the condition, in spur's small expression language
  Consequence consequence = Consequence::none;
  std::string text;  ///< the exact scale wording
  SourceLocation location;
};

/// A grading scale: rows tried in order, the first that holds gives the grade.
struct Scale {
  std::string id;
  std::vector<ScaleRow> rows;
  /// True when some row gives `grade`.
  bool has_grade(Grade grade) const;
};

/// One of the eight areas A–H.
struct Area {
  std::string id;
  std::string name;
  std::string section;  ///< id of the section holding it ("struktur", "process")
  std::string scale;    ///< id of its scale
  std::string preamble;
};

/// A group of areas as reports print them (STRUKTUR, PROCESS).
struct Section {
  std::string id;
  std::string name;
  std::vector<std::string> areas;
};

/// The assessment model: areas, scales and the policy parameters the scales use.
struct Model {
  std::string id;
  std::string title;
  std::map<std::string, int> policy;  ///< e.g. isolated_exceptions = 1
  std::vector<Section> sections;
  std::vector<Area> areas;
  std::map<std::string, Scale> scales;
  std::string file;

  const Area* find_area(std::string_view id) const;
  const Scale* find_scale(std::string_view id) const;
};

/// The period a regulation is in force; open ends are empty.
struct InForce {
  std::optional<Date> from;
  std::optional<Date> until;
};

/// One condition on a trainee in an `applies_to` rule.
struct TraineeCondition {
  enum class Field : std::uint8_t {
    swedish_at,       ///< did Swedish AT (allmäntjänstgöring): `swedish_at: true|false`
    st_start_before,  ///< began ST before a date: `st_start_before: 2021-07-01`
    st_start_from,    ///< began ST on or after a date
    licensed_before,  ///< licensed (legitimation) before a date
    licensed_from,    ///< licensed on or after a date
  };
  Field field = Field::swedish_at;
  bool flag = false;  ///< for swedish_at
  Date date;          ///< for the date conditions
};

/// Which trainees a regulation applies to: `any` (one condition holds) or `all` of them.
struct Applicability {
  bool any = true;
  std::vector<TraineeCondition> conditions;
  bool defined() const { return !conditions.empty(); }
};

/// A regulation with every requirement resolved through its `based_on` chain.
struct Regulation {
  std::string id;
  std::string title;
  std::string model;
  std::optional<std::string> based_on;
  std::vector<Requirement> requirements;  ///< in catalogue order
  std::string file;
  InForce in_force;          ///< not inherited through based_on
  Applicability applies_to;  ///< not inherited through based_on

  const Requirement* find(std::string_view requirement_id) const;
};

}  // namespace spur
