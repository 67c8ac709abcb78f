// Inspections as read from YAML (or from a dict, as JSON text, which is YAML), read-only.

#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include "bindings.hpp"
#include "spur/inspection.hpp"

namespace spur::python {

void bind_inspection(py::module_& m) {
  py::class_<RegulationStatus>(m, "RegulationStatus",
                               "The status of a requirement in one regulation.")
      .def_readonly("regulation", &RegulationStatus::regulation, "The regulation's id.")
      .def_readonly("status", &RegulationStatus::status,
                    "The status in that regulation (a Status).");
  py::class_<Finding>(m, "Finding", "What inspectors found for one requirement.")
      .def_readonly("requirement", &Finding::requirement, "The requirement's id.")
      .def_readonly("status", &Finding::status,
                    "The status in every inspected regulation, or None when given per regulation.")
      .def_readonly("by_regulation", &Finding::by_regulation,
                    "Statuses per regulation; they win over `status`.")
      .def_readonly("note", &Finding::note, "The inspectors' note ('' when none).")
      .def("status_in", &Finding::status_in, py::arg("regulation"),
           "The status this finding gives in the regulation, if any.");
  py::class_<Override>(m, "Override", "An inspector's grade replacing the computed one.")
      .def_readonly("area", &Override::area, "The area, 'A' to 'H'.")
      .def_readonly("regulation", &Override::regulation,
                    "The regulation, or None for every inspected one.")
      .def_readonly("grade", &Override::grade,
                    "The grade that replaces the computed one (a Grade).")
      .def_readonly("reason", &Override::reason, "Why, as the inspectors wrote it.");
  py::class_<PlanEntry>(m, "PlanEntry", "One entry of an action plan (handlingsplan).")
      .def_readonly("requirement", &PlanEntry::requirement,
                    "As written: a requirement id, or its text as a report prints it.")
      .def_readonly("regulation", &PlanEntry::regulation,
                    "The regulation, or None for every inspected one.")
      .def_readonly("action", &PlanEntry::action, "The planned action (Planerad åtgärd).")
      .def_readonly("due", &PlanEntry::due, "When it is to be done, as written (free text).")
      .def_readonly("responsible", &PlanEntry::responsible,
                    "Who carries it out (Ansvarig för genomförandet).")
      .def_readonly("follow_up", &PlanEntry::follow_up,
                    "When it is followed up, as written (free text).")
      .def_readonly("follow_up_responsible", &PlanEntry::follow_up_responsible,
                    "Who follows it up (Ansvarig för uppföljningen).")
      .def_readonly("received", &PlanEntry::received, "True when the entry has come in.")
      .def_property_readonly(
          "received_on", [](const PlanEntry& p) { return to_python(p.received_on); },
          "When the entry came in (a datetime.date), or None when not known.")
      .def_property_readonly(
          "done", [](const PlanEntry& p) { return to_python(p.done); },
          "When the action was completed (a datetime.date), or None.");
  py::class_<MarkedGrade>(m, "MarkedGrade",
                          "A grade a report's grading table marks, read from the PDF's layout.")
      .def_readonly("regulation", &MarkedGrade::regulation,
                    "The regulation of the grade column it is in ('sosfs-2015-8' for the column "
                    "headed 2015), or None for the table's only column.")
      .def_readonly("grade", &MarkedGrade::grade, "The grade marked (a Grade).");
  py::class_<ReportedGrade>(m, "ReportedGrade",
                            "What a published report says an area's grade is, and what its "
                            "grading table marks.")
      .def_readonly("area", &ReportedGrade::area, "The area, 'A' to 'H'.")
      .def_readonly("grade", &ReportedGrade::grade,
                    "The grade the report's text gives (a Grade), or None when it says none.")
      .def_readonly("text", &ReportedGrade::text, "The report's sentence, as written.")
      .def_readonly("marked", &ReportedGrade::marked,
                    "What the report's grading table marks (MarkedGrade objects; empty when not "
                    "read).");
  py::class_<Trainee>(m, "Trainee",
                      "An ST doctor at the unit, as far as deciding the regulations goes.")
      .def_readonly("id", &Trainee::id, "The trainee's id (free text, no names needed).")
      .def_property_readonly(
          "st_start", [](const Trainee& t) { return to_python(t.st_start); },
          "When ST began (a datetime.date), or None.")
      .def_readonly("swedish_at", &Trainee::swedish_at,
                    "True if they did Swedish AT, None when not given.")
      .def_property_readonly(
          "licensed", [](const Trainee& t) { return to_python(t.licensed); },
          "When licensed (legitimation; a datetime.date), or None.");
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
      .def_readonly("id", &Inspection::id, "The inspection's id ('' when none was given).")
      .def_readonly("unit", &Inspection::unit, "The unit inspected ('' when not given).")
      .def_readonly("specialty", &Inspection::specialty,
                    "The specialty trained in ('' when not given).")
      .def_readonly("date", &Inspection::date, "The inspection date as YYYY-MM-DD, or None.")
      .def_readonly("regulations", &Inspection::regulations,
                    "The regulations inspected against (empty: derived from the trainees).")
      .def_readonly("trainees", &Inspection::trainees,
                    "The ST doctors, when listed to derive the regulations from.")
      .def_readonly("default_status", &Inspection::default_status,
                    "The status of requirements without a finding (a Status).")
      .def_readonly("findings", &Inspection::findings, "The findings in the order written.")
      .def_readonly("overrides", &Inspection::overrides,
                    "The inspectors' grades that replace computed ones.")
      .def_readonly("action_plan", &Inspection::action_plan,
                    "The action plan (handlingsplan), once it is written.")
      .def_readonly("reported_grades", &Inspection::reported_grades,
                    "What a published report says about area grades (from spur import).")
      .def_readonly("notes", &Inspection::notes, "Free-text notes ('' when none).")
      .def_readonly("file", &Inspection::file,
                    "Where it was read from ('<dict>' and the like when not from a file).")
      .def_readonly("warnings", &Inspection::warnings,
                    "Warnings found while reading it (Diagnostic objects).")
      .def(
          "find",
          [](py::handle self, std::string_view requirement) {
            return view_or_none(self.cast<const Inspection&>().find(requirement), self);
          },
          py::arg("requirement"), "The finding for a requirement, or None.");
}

}  // namespace spur::python
