// spur::Error and its subclasses translated to spur.Error and its subclasses (spur/errors.py)
// with file, line, column, requirement and diagnostics; Diagnostic and Severity, which they
// carry.

#include <pybind11/native_enum.h>
#include <pybind11/stl.h>

#include "bindings.hpp"
#include "spur/error.hpp"
#include "spur/json.hpp"

namespace spur::python {
namespace {

// The exception types, defined in spur/errors.py; kept for the life of the process.
struct ErrorTypes {
  py::handle error, rule, inspection, file, lookup;
};
ErrorTypes& error_types() {
  static ErrorTypes types;
  return types;
}

void raise(py::handle type, const Error& e) {
  using namespace pybind11::literals;
  py::object exc = type(e.what(), "file"_a = known(e.file()), "line"_a = known(e.line()),
                        "column"_a = known(e.column()), "requirement"_a = known(e.requirement()),
                        "diagnostics"_a = e.diagnostics());
  PyErr_SetObject(type.ptr(), exc.ptr());
}

}  // namespace

void bind_errors(py::module_& m) {
  py::native_enum<Severity>(m, "Severity", "enum.Enum",
                            "How serious a diagnostic is: errors stop loading, warnings do not.")
      .value("error", Severity::error)
      .value("warning", Severity::warning)
      .finalize();

  py::class_<Diagnostic>(m, "Diagnostic",
                         "One problem found in a file, located as precisely as "
                         "spur can; unknown parts are None.")
      .def_readonly("severity", &Diagnostic::severity, "Error or warning (a Severity).")
      .def_property_readonly(
          "file", [](const Diagnostic& d) { return known(d.file); },
          "The file (or <dict>, <inspection ID>), or None when the input came from no file.")
      .def_property_readonly(
          "line", [](const Diagnostic& d) { return known(d.line); },
          "The 1-based line, or None when unknown.")
      .def_property_readonly(
          "column", [](const Diagnostic& d) { return known(d.column); },
          "The 1-based column, or None when unknown.")
      .def_readonly("message", &Diagnostic::message, "What is wrong and what to change.")
      .def_property_readonly(
          "requirement", [](const Diagnostic& d) { return known(d.requirement); },
          "The requirement id involved, or None.")
      .def("format", &Diagnostic::format,
           "`file:line:column: error|warning: message`, leaving out what is unknown.")
      .def(
          "to_dict", [](const Diagnostic& d) { return Dict(to_python(to_json(d))); },
          "The diagnostic as the JSON output prints it.")
      .def("__str__", &Diagnostic::format)
      .def(py::pickle(
          [](const Diagnostic& d) {
            return py::make_tuple(d.severity, d.file, d.line, d.column, d.message, d.requirement);
          },
          [](const py::tuple& t) {
            return Diagnostic{t[0].cast<Severity>(),    t[1].cast<std::string>(),
                              t[2].cast<int>(),         t[3].cast<int>(),
                              t[4].cast<std::string>(), t[5].cast<std::string>()};
          }))
      .def("__repr__", [](const Diagnostic& d) { return "<spur.Diagnostic " + d.format() + ">"; });

  // The classes are plain Python (spur/errors.py); the translator fills in their attributes.
  const py::module_ errors = py::module_::import("spur.errors");
  auto& t = error_types();
  t.error = py::object(errors.attr("Error")).release();
  t.rule = py::object(errors.attr("RuleError")).release();
  t.inspection = py::object(errors.attr("InspectionError")).release();
  t.file = py::object(errors.attr("FileError")).release();
  t.lookup = py::object(errors.attr("LookupError")).release();

  py::register_exception_translator([](std::exception_ptr p) {
    const auto& t = error_types();
    try {
      if (p) std::rethrow_exception(p);
    } catch (const RuleError& e) {
      raise(t.rule, e);
    } catch (const InspectionError& e) {
      raise(t.inspection, e);
    } catch (const FileError& e) {
      raise(t.file, e);
    } catch (const LookupError& e) {
      raise(t.lookup, e);
    } catch (const Error& e) {
      raise(t.error, e);
    }
  });
}

}  // namespace spur::python
