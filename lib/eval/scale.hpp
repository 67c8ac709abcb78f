#pragma once
// Grading with a scale: the first-hit table in three-valued logic.

#include <vector>

#include "rules/rule_book_data.hpp"

namespace spur::detail {

struct ScaleVerdict {
  GradeSet possible;
  int deciding_row = -1;  // the row that held, when no earlier row was unknown
};

/// Go down the rows: a row that surely holds ends the table; a row that may hold adds its
/// grade and goes on; the grades collected are those still possible.
inline ScaleVerdict grade_with(const CompiledScale& scale, const CountTable& table,
                               std::vector<Tri>* outcomes = nullptr) {
  ScaleVerdict v;
  bool uncertain = false;
  for (std::size_t i = 0; i < scale.when.size(); ++i) {
    Tri t = scale.when[i].evaluate(table);
    if (outcomes) outcomes->push_back(t);
    if (t == Tri::no) continue;
    v.possible.insert(scale.scale->rows[i].grade);
    if (t == Tri::yes) {
      if (!uncertain) v.deciding_row = static_cast<int>(i);
      break;
    }
    uncertain = true;
  }
  if (v.deciding_row < 0 && v.possible.size() == 1) {
    // Several rows may be unknown yet give one grade; the first of them decided.
    for (std::size_t i = 0; i < scale.when.size(); ++i)
      if (v.possible.contains(scale.scale->rows[i].grade) &&
          scale.when[i].evaluate(table) != Tri::no) {
        v.deciding_row = static_cast<int>(i);
        break;
      }
  }
  return v;
}

}  // namespace spur::detail
