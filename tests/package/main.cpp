// Loads the rules an install ships (RuleBook::bundled(), or the directory given), grades an
// inspection, and checks the grade a user expects.

#include <spur/evaluation.hpp>
#include <spur/rule_book.hpp>

#include <iostream>

int main(int argc, char** argv) {
  if (argc > 2) {
    std::cerr << "usage: consumer [RULES_DIR]\n";
    return 2;
  }
  try {
    const spur::RuleBook book =
        argc == 2 ? spur::RuleBook::load(argv[1]) : spur::RuleBook::bundled();
    std::cout << "rules: " << book.directory().string() << "\n";
    const spur::Inspection inspection = spur::Inspection::parse(R"(
inspection: {unit: Konsumentkliniken, regulations: [sosfs-2015-8, hslf-fs-2021-8], default_status: met}
findings:
  E7: not_met
)");
    const spur::Evaluation ev = spur::evaluate(book, inspection);
    const auto old_grade = ev.grade("E", "sosfs-2015-8");
    const auto new_grade = ev.grade("E", "hslf-fs-2021-8");
    std::cout << "E under sosfs-2015-8: " << spur::to_string(*old_grade)
              << ", under hslf-fs-2021-8: " << spur::to_string(*new_grade) << "\n";
    return old_grade == spur::Grade::C && new_grade == spur::Grade::D ? 0 : 1;
  } catch (const spur::Error& e) {
    std::cerr << e.what() << "\n";
    return 1;
  }
}
