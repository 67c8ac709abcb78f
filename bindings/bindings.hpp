#pragma once
// What module.cpp calls: one bind_* per library area, and the conversions they share.

#include <pybind11/pybind11.h>

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "spur/types.hpp"

namespace spur::python {

namespace py = pybind11;

void bind_errors(py::module_& m);
void bind_types(py::module_& m);
void bind_rules(py::module_& m);
void bind_inspection(py::module_& m);
void bind_evaluation(py::module_& m);

/// nlohmann::json as plain Python objects: dict, list, str, int, float, bool, None.
py::object to_python(const nlohmann::json& value);

/// "" and 0 mean "unknown" in C++; Python says None.
inline std::optional<std::string> known(const std::string& s) {
  return s.empty() ? std::nullopt : std::optional<std::string>(s);
}
inline std::optional<int> known(int n) {
  return n == 0 ? std::nullopt : std::optional<int>(n);
}

}  // namespace spur::python
