// spur::Error and its subclasses as Python exceptions with file, line, column, requirement
// and diagnostics; Diagnostic and Severity, which they carry.

#include <pybind11/native_enum.h>
#include <pybind11/stl.h>

#include "bindings.hpp"
#include "spur/error.hpp"
#include "spur/json.hpp"

namespace spur::python {
namespace {

// The exception types; created once when the module is imported, owned by the module.
struct ErrorTypes {
  py::handle error, rule, inspection, file, lookup;
};
ErrorTypes& error_types() {
  static ErrorTypes types;
  return types;
}

py::handle new_exception(py::module_& m, const char* name, const char* doc, py::tuple bases) {
  // Class-level defaults, so that one raised from Python code has every attribute too.
  py::dict attrs;
  for (const char* a : {"file", "line", "column", "requirement"}) attrs[a] = py::none();
  attrs["diagnostics"] = py::list();
  const std::string qualified = std::string("spur.") + name;
  PyObject* type = PyErr_NewExceptionWithDoc(qualified.c_str(), doc, bases.ptr(), attrs.ptr());
  if (!type) throw py::error_already_set();
  m.add_object(name, py::handle(type));  // steals nothing; the module keeps a reference
  return type;
}

void raise(py::handle type, const Error& e) {
  py::object exc = type(e.what());
  exc.attr("file") = known(e.file());
  exc.attr("line") = known(e.line());
  exc.attr("column") = known(e.column());
  exc.attr("requirement") = known(e.requirement());
  exc.attr("diagnostics") = py::cast(e.diagnostics());
  if (type.is(error_types().file)) exc.attr("filename") = known(e.file());
  PyErr_SetObject(type.ptr(), exc.ptr());
}

}  // namespace

void bind_errors(py::module_& m) {
  py::native_enum<Severity>(m, "Severity", "enum.Enum",
                            "How serious a diagnostic is: errors stop loading, warnings do not.")
      .value("error", Severity::error)
      .value("warning", Severity::warning)
      .finalize();

  py::class_<Diagnostic>(m, "Diagnostic", "One problem found in a file, located as precisely as "
                                          "spur can; unknown parts are None.")
      .def_readonly("severity", &Diagnostic::severity)
      .def_property_readonly("file", [](const Diagnostic& d) { return known(d.file); })
      .def_property_readonly("line", [](const Diagnostic& d) { return known(d.line); })
      .def_property_readonly("column", [](const Diagnostic& d) { return known(d.column); })
      .def_readonly("message", &Diagnostic::message)
      .def_property_readonly("requirement",
                             [](const Diagnostic& d) { return known(d.requirement); })
      .def("format", &Diagnostic::format,
           "`file:line:column: error|warning: message`, leaving out what is unknown.")
      .def("to_dict", [](const Diagnostic& d) { return to_python(to_json(d)); },
           "The diagnostic as the JSON output prints it.")
      .def("__str__", &Diagnostic::format)
      .def("__repr__",
           [](const Diagnostic& d) { return "<spur.Diagnostic " + d.format() + ">"; });

  auto& t = error_types();
  t.error = new_exception(m, "Error",
                          "Base of every error spur raises for bad input. Carries file, line, "
                          "column and requirement of the first error (None when unknown) and "
                          "every diagnostic found.",
                          py::make_tuple(py::handle(PyExc_Exception)));
  t.rule = new_exception(m, "RuleError", "A rule file (model or regulation) is malformed.",
                         py::make_tuple(t.error));
  t.inspection = new_exception(
      m, "InspectionError",
      "An inspection is malformed or names what the rule book lacks.", py::make_tuple(t.error));
  t.file = new_exception(m, "FileError", "A file or directory could not be read at all.",
                         py::make_tuple(t.error, py::handle(PyExc_OSError)));
  t.lookup = new_exception(m, "LookupError",
                           "A query names an area, regulation or requirement that does not "
                           "exist.",
                           py::make_tuple(t.error, py::handle(PyExc_LookupError)));

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
