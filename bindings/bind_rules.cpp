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
      .def_readonly("document", &Source::document, "The document, e.g. 'SOSFS 2015:8'.")
      .def_readonly("paragraph", &Source::paragraph,
                    "The paragraph, or None until it is verified.");
  py::class_<Requirement>(m, "Requirement", "One requirement as it stands in one regulation.")
      .def_readonly("id", &Requirement::id, "The stable id: area letter and number, e.g. 'E4'.")
      .def_readonly("area", &Requirement::area, "The area it belongs to, 'A' to 'H'.")
      .def_readonly("kind", &Requirement::kind, "Provision, advice or indicator (a Kind).")
      .def_readonly("text", &Requirement::text, "The exact Swedish text as reports print it.")
      .def_readonly("prerequisites", &Requirement::prerequisites,
                    "Ids it requires (`requires`): if one is not met, neither is this.")
      .def_readonly("confidence", &Requirement::confidence,
                    "How sure the project is of its classification (a Confidence).")
      .def_readonly("source", &Requirement::source, "The document it comes from (a Source).")
      .def_readonly("note", &Requirement::note, "A note on its reading ('' when none).")
      .def("__repr__", [](const Requirement& r) {
        return "<spur.Requirement " + r.id + " (" + std::string(to_string(r.kind)) + ")>";
      });
  py::class_<Regulation>(m, "Regulation",
                         "A regulation with every requirement resolved through `based_on`.")
      .def_readonly("id", &Regulation::id, "The regulation's id, e.g. 'sosfs-2015-8'.")
      .def_readonly("title", &Regulation::title, "Its full title.")
      .def_readonly("model", &Regulation::model,
                    "The id of the assessment model it is graded with.")
      .def_readonly("based_on", &Regulation::based_on,
                    "The regulation it amends, or None for a complete one.")
      .def_readonly("requirements", &Regulation::requirements,
                    "Every requirement, resolved through `based_on`, in catalogue order.")
      .def_readonly("file", &Regulation::file, "The file it was read from.")
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
      .def_readonly("id", &Area::id, "The area's letter, 'A' to 'H'.")
      .def_readonly("name", &Area::name, "Its Swedish name, e.g. 'Verksamheten'.")
      .def_readonly("section", &Area::section,
                    "The id of the section holding it ('struktur' or 'process').")
      .def_readonly("scale", &Area::scale, "The id of the scale it is graded with.")
      .def_readonly("preamble", &Area::preamble, "The text that opens the area in a report.");
  py::class_<Section>(m, "Section", "A group of areas as reports print them.")
      .def_readonly("id", &Section::id, "The section's id ('struktur', 'process').")
      .def_readonly("name", &Section::name, "Its name as reports print it ('STRUKTUR').")
      .def_readonly("areas", &Section::areas, "The letters of its areas.");
  py::class_<ScaleRow>(m, "ScaleRow", "One row of a first-hit grading table.")
      .def_readonly("grade", &ScaleRow::grade, "The grade this row gives (a Grade).")
      .def_readonly("when", &ScaleRow::when, "Its condition, in spur's small expression language.")
      .def_readonly("consequence", &ScaleRow::consequence,
                    "What the grade obliges the unit to do (a Consequence).")
      .def_readonly("text", &ScaleRow::text, "The exact wording of the scale.");
  py::class_<Scale>(m, "Scale", "A grading scale: the first row that holds gives the grade.")
      .def_readonly("id", &Scale::id, "The scale's id, e.g. 'four-step'.")
      .def_readonly("rows", &Scale::rows,
                    "Its rows in order: the first that holds gives the grade.");
  py::class_<Model>(m, "Model", "The assessment model: areas, scales and policy.")
      .def_readonly("id", &Model::id, "The model's id, e.g. 'spur-st'.")
      .def_readonly("title", &Model::title, "Its full title.")
      .def_readonly("policy", &Model::policy,
                    "The policy parameters the scales use, e.g. {'isolated_exceptions': 1}.")
      .def_readonly("sections", &Model::sections,
                    "The sections (STRUKTUR, PROCESS) in report order.")
      .def_readonly("areas", &Model::areas, "The eight areas, A to H.")
      .def_readonly("scales", &Model::scales, "The scales by id.")
      .def_readonly("file", &Model::file, "The file it was read from.");

  constexpr auto view = py::return_value_policy::reference_internal;
  py::class_<RuleBook>(m, "RuleBook", "The model and every regulation, loaded and validated.")
      .def_static("load", py::overload_cast<const std::filesystem::path&>(&RuleBook::load),
                  py::arg("directory"), py::call_guard<py::gil_scoped_release>(),
                  "Load a rules directory; raises RuleError listing every problem found.")
      .def_static("load",
                  py::overload_cast<const std::vector<std::filesystem::path>&>(&RuleBook::load),
                  py::arg("directories"), py::call_guard<py::gil_scoped_release>(),
                  "Load several rules directories as one book (the model may be in any).")
      .def_property_readonly("model", &RuleBook::model, view,
                             "The assessment model: sections, areas, scales and policy.")
      .def_property_readonly("regulations", &RuleBook::regulations, view,
                             "Every regulation, resolved through its based_on chain.")
      .def("regulation", &RuleBook::regulation, py::arg("id"), view,
           "The regulation with this id; raises LookupError naming the known ones.")
      .def(
          "find_requirement",
          [](py::handle self, std::string_view id) {
            return view_or_none(self.cast<const RuleBook&>().find_requirement(id), self);
          },
          py::arg("id"), "The requirement in the first regulation that has it, or None.")
      .def_property_readonly(
          "requirement_ids", &RuleBook::requirement_ids,
          "Every requirement id of every regulation, each once, in catalogue order.")
      .def_property_readonly("warnings", &RuleBook::warnings, "Warnings found while loading.")
      .def_property_readonly("directory", &RuleBook::directory,
                             "The directory the rules were loaded from.")
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
