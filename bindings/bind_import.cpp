// spur import from Python: a report (path, text or PDF bytes) -> the draft and its diagnostics.

#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include "bindings.hpp"
#include "spur/import.hpp"

namespace spur::python {

void bind_import(py::module_& m) {
  py::class_<UnplacedLine>(m, "UnplacedLine", "A report line the import could not place.")
      .def_readonly("line", &UnplacedLine::line, "The line of the report (1-based).")
      .def_readonly("text", &UnplacedLine::text, "The line as the report has it.");
  py::class_<ImportResult>(m, "ImportResult", "A draft inspection imported from a report.")
      .def_property_readonly(
          "inspection",
          [](const ImportResult& r) { return std::make_shared<Inspection>(r.inspection); },
          "The draft, read back from its YAML as a file would be.")
      .def_readonly("yaml", &ImportResult::yaml, "The draft file with its review comments.")
      .def_readonly("json", &ImportResult::json, "The draft as JSON, without comments.")
      .def_readonly("diagnostics", &ImportResult::diagnostics, "Warnings with the report's lines.")
      .def_readonly("unplaced", &ImportResult::unplaced, "Lines placed nowhere.")
      .def_readonly("missing", &ImportResult::missing, "Header fields the report lacks.")
      .def_readonly("source", &ImportResult::source, "Where the report was read from.")
      .def_readonly("from_pdf", &ImportResult::from_pdf, "True when read from a PDF.");
  m.def(
      "import_report",
      [](const RuleBook& book, const std::filesystem::path& path, bool keep_names) {
        return import_report(book, path, ImportOptions{keep_names});
      },
      py::arg("book"), py::arg("path"), py::arg("keep_names") = false,
      py::call_guard<py::gil_scoped_release>(),
      "Import a report file (PDF or its text); raises FileError when it is no SPUR report.");
  m.def(
      "import_report_data",
      [](const RuleBook& book, const py::bytes& data, const std::string& name, bool keep_names) {
        std::string bytes = data;
        py::gil_scoped_release release;
        return import_report_data(book, bytes, name, ImportOptions{keep_names});
      },
      py::arg("book"), py::arg("data"), py::arg("name"), py::arg("keep_names") = false,
      "Import a report held in memory (PDF bytes or UTF-8 text); `name` names it in messages.");
}

}  // namespace spur::python
