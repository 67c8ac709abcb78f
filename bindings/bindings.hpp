#pragma once
// What module.cpp calls: one bind_* per library area, and the conversions they share.

#include <pybind11/pybind11.h>
#include <pybind11/typing.h>

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "spur/dates.hpp"
#include "spur/types.hpp"

namespace spur::python {

namespace py = pybind11;

/// What the JSON forms become in Python (the stubs say dict[str, typing.Any]).
using Dict = py::typing::Dict<py::str, py::object>;

/// A datetime.date (named so in the stubs).
class PyDate : public py::object {
  PYBIND11_OBJECT_DEFAULT(PyDate, object, PyObject_Type)
};

/// A pointer into `parent` as a view that keeps it alive, or None.
template <class T>
py::typing::Optional<T> view_or_none(const T* p, py::handle parent) {
  if (!p) return py::none();
  return py::cast(p, py::return_value_policy::reference_internal, parent);
}

void bind_errors(py::module_& m);
void bind_types(py::module_& m);
void bind_rules(py::module_& m);
void bind_inspection(py::module_& m);
void bind_evaluation(py::module_& m);
void bind_import(py::module_& m);
void bind_report(py::module_& m);
void bind_batch(py::module_& m);

/// nlohmann::json as plain Python objects: dict, list, str, int, float, bool, None.
py::object to_python(const nlohmann::json& value);

/// A date as datetime.date, or None.
py::typing::Optional<PyDate> to_python(const std::optional<Date>& date);

/// "" and 0 mean "unknown" in C++; Python says None.
inline std::optional<std::string> known(const std::string& s) {
  return s.empty() ? std::nullopt : std::optional<std::string>(s);
}
inline std::optional<int> known(int n) {
  return n == 0 ? std::nullopt : std::optional<int>(n);
}

}  // namespace spur::python

template <>
struct pybind11::detail::handle_type_name<spur::python::PyDate> {
  static constexpr auto name = const_name("datetime.date");
};
