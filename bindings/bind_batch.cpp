// The batch grader: findings as numpy code arrays in, grades as numpy arrays out, the GIL
// released while C++ works.

#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include "bindings.hpp"
#include "spur/batch.hpp"

namespace spur::python {
namespace {

static_assert(sizeof(GradeSet) == 1 && std::is_standard_layout_v<GradeSet>);

template <class T>
using In = py::array_t<T, py::array::c_style | py::array::forcecast>;

template <class T>
std::span<const T> view(const In<T>& a) {
  return {a.data(), static_cast<std::size_t>(a.size())};
}

template <class T>
py::array to_array(const std::vector<T>& v) {
  return py::array_t<T>(static_cast<py::ssize_t>(v.size()), v.data());
}

}  // namespace

void bind_batch(py::module_& m) {
  py::class_<StatusMatrix>(m, "StatusMatrix",
                           "The findings of many inspections, a byte a requirement.")
      .def_readonly("inspections", &StatusMatrix::inspections, "The number of inspections (rows).")
      .def_readonly("requirements", &StatusMatrix::requirements,
                    "The number of requirements (columns, the rule book's ids).");

  py::class_<BatchGrader>(m, "BatchGrader",
                          "Grades many inspections under fixed regulations, grades only.")
      .def(py::init<RuleBook, const std::vector<std::string>&>(), py::arg("book"),
           py::arg("regulations"))
      .def_property_readonly("regulations", &BatchGrader::regulations,
                             "The regulations graded, in the rule book's order.")
      .def(
          "matrix",
          [](const BatchGrader& g, std::size_t inspections, const In<std::int64_t>& inspection,
             const In<std::int32_t>& requirement, const In<std::int8_t>& status,
             const std::optional<In<std::int8_t>>& regulation, Status default_status) {
            const auto n = static_cast<std::size_t>(inspection.size());
            if (static_cast<std::size_t>(requirement.size()) != n ||
                static_cast<std::size_t>(status.size()) != n ||
                (regulation && static_cast<std::size_t>(regulation->size()) != n))
              throw LookupError("the finding columns differ in length");
            FindingColumns columns{view(inspection), view(requirement), view(status),
                                   regulation ? view(*regulation) : std::span<const std::int8_t>{}};
            std::vector<RowError> errors;
            StatusMatrix matrix;
            {
              py::gil_scoped_release release;
              matrix = g.matrix(inspections, columns, default_status, errors);
            }
            std::vector<std::int64_t> rows;
            std::vector<std::string> messages;
            for (const auto& e : errors) {
              rows.push_back(static_cast<std::int64_t>(e.row));
              messages.push_back(e.message);
            }
            return py::make_tuple(std::move(matrix), to_array(rows), messages);
          },
          py::arg("inspections"), py::arg("inspection"), py::arg("requirement"), py::arg("status"),
          py::arg("regulation"), py::arg("default_status"),
          "A status matrix from finding columns (codes), and the bad rows: (matrix, row "
          "positions, messages).")
      .def(
          "grade_into",
          [](const BatchGrader& g, const StatusMatrix& matrix, std::size_t begin, std::size_t end,
             py::array_t<std::uint8_t, py::array::c_style> possible,
             py::array_t<std::int8_t, py::array::c_style> plan, int threads) {
            BatchGrades out;
            out.regulations = g.regulations();
            out.inspections = matrix.inspections;
            out.areas = g.book().model().areas.size();
            const std::size_t cells = matrix.inspections * out.regulations.size() * out.areas;
            if (static_cast<std::size_t>(possible.size()) != cells ||
                static_cast<std::size_t>(plan.size()) != matrix.inspections)
              throw LookupError("the output arrays do not fit the matrix");
            py::gil_scoped_release release;
            g.grade(
                matrix, begin, end,
                std::span<GradeSet>(reinterpret_cast<GradeSet*>(possible.mutable_data()), cells),
                std::span<std::int8_t>(plan.mutable_data(), matrix.inspections), threads);
          },
          py::arg("matrix"), py::arg("begin"), py::arg("end"), py::arg("possible"), py::arg("plan"),
          py::arg("threads"),
          "Grade inspections [begin, end) into `possible` (grade bit sets, by inspection, "
          "regulation and area) and `plan` (1, 0, -1 unknown).")
      .def(
          "actions",
          [](const BatchGrader& g, const StatusMatrix& matrix, int threads) {
            BatchActions a;
            {
              py::gil_scoped_release release;
              a = g.actions(matrix, threads);
            }
            std::vector<std::int8_t> kind, status;
            for (Kind k : a.kind) kind.push_back(static_cast<std::int8_t>(k));
            for (Status s : a.status) status.push_back(static_cast<std::int8_t>(s));
            py::dict out;
            out["inspection"] = to_array(a.inspection);
            out["requirement"] = to_array(a.requirement);
            out["kind"] = to_array(kind);
            out["status"] = to_array(status);
            out["implied"] = to_array(a.implied);
            out["regulations"] = to_array(a.regulations);
            return Dict(out);
          },
          py::arg("matrix"), py::arg("threads"),
          "The actions of every inspection as columns of codes.");
}

}  // namespace spur::python
