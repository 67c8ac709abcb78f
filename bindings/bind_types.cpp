// The vocabulary of the model as Python enums (enum.Enum subclasses): Kind, Status, Grade,
// Confidence, Consequence. Member names are the words the files use.

#include <pybind11/native_enum.h>

#include "bindings.hpp"

namespace spur::python {

void bind_types(py::module_& m) {
  py::native_enum<Kind>(m, "Kind", "enum.Enum",
                        "What a requirement is: a provision (föreskrift), advice (allmänt råd) "
                        "or a quality indicator.")
      .value("provision", Kind::provision)
      .value("advice", Kind::advice)
      .value("indicator", Kind::indicator)
      .finalize();
  py::native_enum<Status>(m, "Status", "enum.Enum", "What inspectors found for a requirement.")
      .value("met", Status::met)
      .value("partially_met", Status::partially_met)
      .value("not_met", Status::not_met)
      .value("not_applicable", Status::not_applicable)
      .value("not_assessed", Status::not_assessed)
      .finalize();
  py::native_enum<Grade>(m, "Grade", "enum.Enum", "A grade A-D; A is best.")
      .value("A", Grade::A)
      .value("B", Grade::B)
      .value("C", Grade::C)
      .value("D", Grade::D)
      .finalize();
  py::native_enum<Confidence>(m, "Confidence", "enum.Enum",
                              "How sure the project is of a requirement's classification.")
      .value("high", Confidence::high)
      .value("medium", Confidence::medium)
      .value("low", Confidence::low)
      .finalize();
  py::native_enum<Consequence>(m, "Consequence", "enum.Enum",
                               "What a scale row obliges the unit to do.")
      .value("none", Consequence::none)
      .value("action_recommended", Consequence::action_recommended)
      .value("action_required", Consequence::action_required)
      .finalize();
}

}  // namespace spur::python
