// The rule data (model, regulations, requirements) and the RuleBook, read-only.
// Objects returned from a RuleBook are views into it and keep it alive.

#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include "bindings.hpp"
#include "spur/json.hpp"
#include "spur/rule_book.hpp"

namespace spur::python {

void bind_rules(py::module_& m) {
  py::class_<Source>(m, "Source", "The document a requirement comes from.")
      .def_readonly("document", &Source::document)
      .def_readonly("paragraph", &Source::paragraph);
  py::class_<Requirement>(m, "Requirement", "One requirement as it stands in one regulation.")
      .def_readonly("id", &Requirement::id)
      .def_readonly("area", &Requirement::area)
      .def_readonly("kind", &Requirement::kind)
      .def_readonly("text", &Requirement::text)
      .def_readonly("prerequisites", &Requirement::prerequisites)
      .def_readonly("confidence", &Requirement::confidence)
      .def_readonly("source", &Requirement::source)
      .def_readonly("note", &Requirement::note)
      .def("__repr__", [](const Requirement& r) {
        return "<spur.Requirement " + r.id + " (" + std::string(to_string(r.kind)) + ")>";
      });
  py::class_<Regulation>(m, "Regulation",
                         "A regulation with every requirement resolved through `based_on`.")
      .def_readonly("id", &Regulation::id)
      .def_readonly("title", &Regulation::title)
      .def_readonly("model", &Regulation::model)
      .def_readonly("based_on", &Regulation::based_on)
      .def_readonly("requirements", &Regulation::requirements)
      .def_readonly("file", &Regulation::file)
      .def(
          "find",
          [](py::handle self, std::string_view id) {
            return view_or_none(self.cast<const Regulation&>().find(id), self);
          },
          py::arg("requirement"), "The requirement with this id, or None.")
      .def(
          "to_dict", [](const Regulation& r) { return Dict(to_python(to_json(r))); },
          "As `spur rules --format json` prints it.")
      .def("__repr__", [](const Regulation& r) { return "<spur.Regulation " + r.id + ">"; });
  py::class_<Area>(m, "Area", "One of the eight areas A-H.")
      .def_readonly("id", &Area::id)
      .def_readonly("name", &Area::name)
      .def_readonly("section", &Area::section)
      .def_readonly("scale", &Area::scale)
      .def_readonly("preamble", &Area::preamble);
  py::class_<Section>(m, "Section", "A group of areas as reports print them.")
      .def_readonly("id", &Section::id)
      .def_readonly("name", &Section::name)
      .def_readonly("areas", &Section::areas);
  py::class_<ScaleRow>(m, "ScaleRow", "One row of a first-hit grading table.")
      .def_readonly("grade", &ScaleRow::grade)
      .def_readonly("when", &ScaleRow::when)
      .def_readonly("consequence", &ScaleRow::consequence)
      .def_readonly("text", &ScaleRow::text);
  py::class_<Scale>(m, "Scale", "A grading scale: the first row that holds gives the grade.")
      .def_readonly("id", &Scale::id)
      .def_readonly("rows", &Scale::rows);
  py::class_<Model>(m, "Model", "The assessment model: areas, scales and policy.")
      .def_readonly("id", &Model::id)
      .def_readonly("title", &Model::title)
      .def_readonly("policy", &Model::policy)
      .def_readonly("sections", &Model::sections)
      .def_readonly("areas", &Model::areas)
      .def_readonly("scales", &Model::scales)
      .def_readonly("file", &Model::file);

  constexpr auto view = py::return_value_policy::reference_internal;
  py::class_<RuleBook>(m, "RuleBook", "The model and every regulation, loaded and validated.")
      .def_static("load", py::overload_cast<const std::filesystem::path&>(&RuleBook::load),
                  py::arg("directory"), py::call_guard<py::gil_scoped_release>(),
                  "Load a rules directory; raises RuleError listing every problem found.")
      .def_static("load",
                  py::overload_cast<const std::vector<std::filesystem::path>&>(&RuleBook::load),
                  py::arg("directories"), py::call_guard<py::gil_scoped_release>(),
                  "Load several rules directories as one book (the model may be in any).")
      .def_property_readonly("model", &RuleBook::model, view)
      .def_property_readonly("regulations", &RuleBook::regulations, view)
      .def("regulation", &RuleBook::regulation, py::arg("id"), view,
           "The regulation with this id; raises LookupError naming the known ones.")
      .def(
          "find_requirement",
          [](py::handle self, std::string_view id) {
            return view_or_none(self.cast<const RuleBook&>().find_requirement(id), self);
          },
          py::arg("id"), "The requirement in the first regulation that has it, or None.")
      .def_property_readonly("requirement_ids", &RuleBook::requirement_ids)
      .def_property_readonly("warnings", &RuleBook::warnings)
      .def_property_readonly("directory", &RuleBook::directory)
      .def("evaluation_order", &RuleBook::evaluation_order, py::arg("regulation"),
           "Requirements of the regulation, prerequisites first.")
      .def("prerequisites", &RuleBook::prerequisites, py::arg("regulation"), py::arg("id"),
           "Every requirement `id` depends on, directly or not.")
      .def("dependents", &RuleBook::dependents, py::arg("regulation"), py::arg("id"),
           "Every requirement that depends on `id`, directly or not.")
      .def("affected_areas", &RuleBook::affected_areas, py::arg("regulation"), py::arg("id"),
           "The areas whose grade `id` can affect.")
      .def("to_dot", &RuleBook::to_dot, "The rule graph in Graphviz dot.")
      .def(
          "graph", [](const RuleBook& b) { return Dict(to_python(graph_json(b))); },
          "The rule graph as {'nodes': [...], 'edges': [...]}.");
}

}  // namespace spur::python
