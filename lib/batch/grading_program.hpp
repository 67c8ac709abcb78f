#pragma once
// The one place grades are computed. A rule book compiles, per regulation, a grading program:
// the requirements in order with their kind and area, the implication edges in topological
// order, and each area's scale as a table over the counts its conditions read, filled by
// evaluating the scale in three-valued logic once at load. `evaluate` (the explainable result)
// and the batch grader (grades of many inspections) both run statuses through `grade`, so
// the two cannot disagree.

#include <array>
#include <cstdint>
#include <vector>

#include "spur/types.hpp"

namespace spur::detail {

struct RuleBookData;
struct CompiledScale;

/// Statuses as bytes: the values of spur::Status, with `finding_bit` set when a finding fixed
/// the status (implications cannot change it unless it is not_assessed).
inline constexpr std::uint8_t status_count = 5;
inline constexpr std::uint8_t finding_bit = 0x08;
inline constexpr std::uint8_t cell_count = 16;
constexpr std::uint8_t status_of(std::uint8_t cell) {
  return cell & 0x07;
}
/// Whether implications may change the status: no finding fixed it, or it is not assessed.
constexpr bool is_free(std::uint8_t cell) {
  return !(cell & finding_bit) || (cell & 0x07) == static_cast<std::uint8_t>(Status::not_assessed);
}
inline constexpr std::uint8_t not_met_code = static_cast<std::uint8_t>(Status::not_met);
inline constexpr std::uint8_t not_assessed_code = static_cast<std::uint8_t>(Status::not_assessed);

/// At most this many not assessed prerequisites are tried both ways (2^12 combinations).
inline constexpr int max_pivots = 12;

using Word = std::uint64_t;

/// One area's scale compiled for one regulation: the counts its conditions read ("variables",
/// each a count of one kind or of any kind, capped where the conditions no longer tell
/// larger values apart), packed one byte each into a 64-bit word, and the grade for every
/// combination of their values.
struct AreaProgram {
  int scale = -1;  // index into RuleBookData::area_scales (the area's index)
  struct Variable {
    std::uint8_t cap = 0;      // values above are graded as the cap
    std::uint32_t stride = 0;  // in the table key
  };
  std::vector<Variable> variables;
  // The same as 8 bytes of caps and 8 strides, to compute the key in a few SIMD steps.
  std::uint64_t caps = 0;
  std::array<std::int16_t, 8> strides{};
  struct Verdict {
    std::uint8_t possible = 0;  // GradeSet bits
    std::int8_t deciding_row = -1;
  };
  std::vector<Verdict> table;  // by key; empty when the conditions are graded one by one
  std::array<bool, 3> has_kind{};
};

/// The grading program of one regulation. Statuses are graded as bit sets over positions
/// (`words` 64-bit words each): one set per status, implications as set operations; an
/// area's variables are tallied from the positions whose status some variable counts.
struct GradingProgram {
  int regulation = -1;
  int requirements = 0;
  int areas = 0;
  int words = 0;                        // 64-bit words in one set of positions
  std::vector<std::int32_t> global_of;  // by position: index into RuleBookData::requirement_ids
  std::vector<std::uint8_t> area;       // by position
  std::vector<std::uint8_t> kind;       // by position
  /// Implication edges: positions with prerequisites in topological order, each with the
  /// range of its direct prerequisites in `prerequisite_list`.
  struct Implied {
    std::int32_t position;
    std::int32_t begin;
    std::int32_t end;
  };
  std::vector<Implied> implied;
  std::vector<std::int32_t> prerequisite_list;
  /// Positions that are some requirement's prerequisite, each with its direct dependents.
  std::vector<Implied> pivots;  // .position = the prerequisite; range into dependent_list
  std::vector<std::int32_t> dependent_list;
  /// Consecutive positions whose requirements are consecutive in the book's catalogue, so
  /// a row of a status matrix is copied in a few pieces.
  struct Columns {
    std::int32_t begin;
    std::int32_t end;
    std::int32_t global;  // of `begin`
  };
  std::vector<Columns> columns;
  std::vector<AreaProgram> area_programs;
  bool interpreted = false;  // some area grades its conditions one by one (huge tables)
  // Sets of positions, `words` words each:
  std::vector<Word> valid;               // every position
  std::vector<Word> with_prerequisites;  // the positions of `implied`
  std::vector<Word> prerequisite_sets;   // by `implied` edge: its direct prerequisites
  std::vector<Word> pivot_set;           // the positions of `pivots`
  std::vector<Word> dependent_sets;      // by pivot: its direct dependents
  std::vector<Word> group_sets;          // by [area][kind]
  /// What a requirement with each status adds to its area's packed variables, and by
  /// status whether it adds anything (all bits set) or not (none).
  std::vector<std::uint64_t> delta;  // [position * 8 + status]
  std::array<Word, status_count> counted_sets{};
};

/// The grades of one inspection under one regulation, per area.
struct AreaVerdict {
  GradeSet possible;
  int deciding_row = -1;
};

/// Scratch space and, optionally, what the explanation needs. Reused across calls: nothing
/// is allocated once it has grown to the program's size.
struct GradeWork {
  // In: status and finding_bit by position; out: after implications (implied: not_met
  // without the bit). Padded to whole 16-byte blocks.
  std::vector<std::uint8_t> cell;
  std::vector<std::uint8_t> implied;  // out (with details): 1 where implied not_met
  std::vector<Word> sets;             // the status sets of the statuses and of one trial
  std::vector<std::uint64_t> packed;  // by area
  std::vector<std::int32_t> open;     // not assessed prerequisites (indexes into pivots)
  std::vector<AreaVerdict> verdicts;  // out, by area
  // With details: counts by area, [kind][status], and the not assessed prerequisites that
  // can change each area (positions, in the order found).
  bool details = false;
  std::vector<std::array<std::array<int, status_count>, 3>> counts;
  std::vector<std::vector<std::int32_t>> pivots_of;
};

/// Compile the grading programs of every regulation of a sound book.
std::vector<GradingProgram> compile_programs(const RuleBookData& data);

/// Grade one inspection under one regulation: `work.cell` holds its statuses (findings and
/// defaults, by position); on return it holds them after implications and `work.verdicts`
/// the possible grades of every area.
void grade(const RuleBookData& data, const GradingProgram& program, GradeWork& work);

/// Size the scratch space for a program (a no-op once it is large enough).
void prepare(const GradingProgram& program, GradeWork& work);

}  // namespace spur::detail
