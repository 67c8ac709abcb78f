// Fuzzes the batch grader: the bytes are finding rows in the long form (inspection,
// requirement, status, regulation codes, four bytes a row), bad codes included, as
// grade_frame hands them over. Bad rows must be reported, never graded or crashed on; every
// (inspection, regulation, area) gets at least one possible grade.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <vector>

#include "spur/batch.hpp"
#include "spur/rule_book.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const spur::RuleBook book = spur::RuleBook::load(SPUR_SOURCE_DIR "/rules");
  static const spur::BatchGrader both(book, {"sosfs-2015-8", "hslf-fs-2021-8"});
  static const spur::BatchGrader one(book, {"hslf-fs-2021-8"});
  if (size < 1 || size > 64 * 1024) return 0;
  const auto& grader = data[0] & 1 ? one : both;
  const auto default_status = static_cast<spur::Status>(data[0] >> 1 & 1 ? 4 : 0);
  const std::size_t rows = (size - 1) / 4, inspections = 16;
  std::vector<std::int64_t> inspection(rows);
  std::vector<std::int32_t> requirement(rows);
  std::vector<std::int8_t> status(rows), regulation(rows);
  for (std::size_t r = 0; r < rows; ++r) {
    const std::uint8_t* row = data + 1 + 4 * r;
    inspection[r] = row[0] % inspections;
    requirement[r] = static_cast<std::int8_t>(row[1]);         // -128..127: unknown ones included
    status[r] = static_cast<std::int8_t>(row[2] % 7) - 1;      // -1..5: 5 is no status
    regulation[r] = static_cast<std::int8_t>(row[3] % 5) - 2;  // -2..2
  }
  std::vector<spur::RowError> errors;
  const spur::StatusMatrix matrix = grader.matrix(
      inspections, {inspection, requirement, status, regulation}, default_status, errors);
  const spur::BatchGrades grades = grader.grade(matrix, 1 + (data[0] >> 2 & 1));
  for (const auto& possible : grades.possible)
    if (possible.empty()) std::abort();  // every pair keeps at least one grade
  (void)grader.actions(matrix);
  return 0;
}
