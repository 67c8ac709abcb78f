// Inspections as read from YAML (or from a dict, as JSON text, which is YAML), read-only.

#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include "bindings.hpp"
#include "spur/inspection.hpp"

namespace spur::python {

void bind_inspection(py::module_& m) {
  py::class_<RegulationStatus>(m, "RegulationStatus",
                               "The status of a requirement in one regulation.")
      .def_readonly("regulation", &RegulationStatus::regulation)
      .def_readonly("status", &RegulationStatus::status);
  py::class_<Finding>(m, "Finding", "What inspectors found for one requirement.")
      .def_readonly("requirement", &Finding::requirement)
      .def_readonly("status", &Finding::status)
      .def_readonly("by_regulation", &Finding::by_regulation)
      .def_readonly("note", &Finding::note)
      .def("status_in", &Finding::status_in, py::arg("regulation"),
           "The status this finding gives in the regulation, if any.");
  py::class_<Override>(m, "Override", "An inspector's grade replacing the computed one.")
      .def_readonly("area", &Override::area)
      .def_readonly("regulation", &Override::regulation)
      .def_readonly("grade", &Override::grade)
      .def_readonly("reason", &Override::reason);
  py::class_<PlanEntry>(m, "PlanEntry", "One entry of an action plan (handlingsplan).")
      .def_readonly("requirement", &PlanEntry::requirement)
      .def_readonly("regulation", &PlanEntry::regulation)
      .def_readonly("action", &PlanEntry::action)
      .def_readonly("due", &PlanEntry::due)
      .def_readonly("responsible", &PlanEntry::responsible)
      .def_readonly("follow_up", &PlanEntry::follow_up)
      .def_readonly("follow_up_responsible", &PlanEntry::follow_up_responsible)
      .def_readonly("received", &PlanEntry::received)
      .def_property_readonly("received_on",
                             [](const PlanEntry& p) { return to_python(p.received_on); })
      .def_property_readonly("done", [](const PlanEntry& p) { return to_python(p.done); });
  py::class_<ReportedGrade>(m, "ReportedGrade", "What a published report says an area's grade is.")
      .def_readonly("area", &ReportedGrade::area)
      .def_readonly("grade", &ReportedGrade::grade)
      .def_readonly("text", &ReportedGrade::text);
  py::class_<Trainee>(m, "Trainee",
                      "An ST doctor at the unit, as far as deciding the regulations goes.")
      .def_readonly("id", &Trainee::id)
      .def_property_readonly("st_start", [](const Trainee& t) { return to_python(t.st_start); })
      .def_readonly("swedish_at", &Trainee::swedish_at)
      .def_property_readonly("licensed", [](const Trainee& t) { return to_python(t.licensed); });
  py::class_<Inspection, std::shared_ptr<Inspection>>(m, "Inspection",
                                                      "One inspection of one unit.")
      .def_static("load", &Inspection::load, py::arg("path"),
                  py::call_guard<py::gil_scoped_release>(),
                  "Read an inspection file; raises InspectionError listing every problem.")
      .def_static("parse", &Inspection::parse, py::arg("text"), py::arg("file") = "<string>",
                  py::call_guard<py::gil_scoped_release>(),
                  "Parse inspection YAML (or JSON); `file` names it in messages.")
      .def_static("parse_json", &Inspection::parse_json, py::arg("text"),
                  py::arg("file") = "<json>", py::call_guard<py::gil_scoped_release>(),
                  "Parse an inspection given as JSON text, checked as a file is; faster than "
                  "parse for data built in memory.")
      .def_readonly("id", &Inspection::id)
      .def_readonly("unit", &Inspection::unit)
      .def_readonly("specialty", &Inspection::specialty)
      .def_readonly("date", &Inspection::date)
      .def_readonly("regulations", &Inspection::regulations)
      .def_readonly("trainees", &Inspection::trainees)
      .def_readonly("default_status", &Inspection::default_status)
      .def_readonly("findings", &Inspection::findings)
      .def_readonly("overrides", &Inspection::overrides)
      .def_readonly("action_plan", &Inspection::action_plan)
      .def_readonly("reported_grades", &Inspection::reported_grades)
      .def_readonly("notes", &Inspection::notes)
      .def_readonly("file", &Inspection::file)
      .def_readonly("warnings", &Inspection::warnings)
      .def(
          "find",
          [](py::handle self, std::string_view requirement) {
            return view_or_none(self.cast<const Inspection&>().find(requirement), self);
          },
          py::arg("requirement"), "The finding for a requirement, or None.");
}

}  // namespace spur::python
