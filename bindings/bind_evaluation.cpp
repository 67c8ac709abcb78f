// Evaluation: one inspection (the GIL released while it runs), many at once into columns that
// pandas turns into a frame, explanations, and the JSON form as Python objects.

#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <algorithm>
#include <atomic>
#include <thread>

#include "bindings.hpp"
#include "spur/evaluation.hpp"
#include "spur/explain.hpp"
#include "spur/follow_up.hpp"
#include "spur/json.hpp"

namespace spur::python {
namespace {

std::vector<std::string> grade_names(GradeSet set) {
  std::vector<std::string> out;
  for (Grade g : set.grades()) out.emplace_back(to_string(g));
  return out;
}
std::optional<std::string> grade_name(std::optional<Grade> g) {
  return g ? std::optional<std::string>(to_string(*g)) : std::nullopt;
}

// The columns of a results frame: one row per inspection, regulation and area. Strings are
// codes into the book's regulations and areas; grades are 0-3 for A-D and -1 for none;
// possible grades are bit sets (bit 0 = A).
struct ResultColumns {
  static constexpr std::array<const char*, 5> metrics{"met", "unmet", "partial", "unknown",
                                                      "not_applicable"};
  static constexpr int count_columns = 3 * metrics.size();

  explicit ResultColumns(const RuleBook& book) : book_(book) {}

  void add(const Evaluation& ev, int index) {
    labels.push_back(ev.inspection_id.empty() ? ev.file : ev.inspection_id);
    for (const AreaResult& r : ev.results) {
      inspection.push_back(index);
      regulation.push_back(code(book_.regulations(), r.regulation));
      area.push_back(code(book_.model().areas, r.area));
      grade.push_back(code(r.grade()));
      possible.push_back(r.effective().bits());
      computed.push_back(code(r.computed));
      adjusted.push_back(code(r.adjusted));
      overridden.push_back(r.override.has_value());
      auto column = counts.begin();
      for (const KindCounts& c : r.counts)
        for (int n : {c.met, c.unmet, c.partial, c.unknown, c.not_applicable})
          (column++)->push_back(n);
    }
  }

  /// Append the rows of `other`, which holds the inspections that follow these.
  void append(const ResultColumns& other) {
    const auto offset = static_cast<std::int32_t>(labels.size());
    labels.insert(labels.end(), other.labels.begin(), other.labels.end());
    for (std::int32_t i : other.inspection) inspection.push_back(i + offset);
    auto extend = [](auto& to, const auto& from) { to.insert(to.end(), from.begin(), from.end()); };
    extend(regulation, other.regulation);
    extend(area, other.area);
    extend(grade, other.grade);
    extend(computed, other.computed);
    extend(adjusted, other.adjusted);
    extend(possible, other.possible);
    extend(overridden, other.overridden);
    for (int k = 0; k < count_columns; ++k) extend(counts[k], other.counts[k]);
  }

  Dict to_python() const {
    py::list count_names;
    for (Kind k : all_kinds)
      for (const char* metric : metrics)
        count_names.append(std::string(to_string(k)) + "_" + metric);
    std::vector<std::string> regulations, areas;
    for (const auto& r : book_.regulations()) regulations.push_back(r.id);
    for (const auto& a : book_.model().areas) areas.push_back(a.id);
    const auto rows = static_cast<py::ssize_t>(inspection.size());
    py::dict out;
    out["labels"] = labels;
    out["regulations"] = regulations;
    out["areas"] = areas;
    out["inspection"] = array(inspection);
    out["regulation"] = array(regulation);
    out["area"] = array(area);
    out["grade"] = array(grade);
    out["possible"] = array(possible);
    out["computed"] = array(computed);
    out["adjusted"] = array(adjusted);
    out["overridden"] = array(overridden);
    py::array_t<std::int32_t> count_array({py::ssize_t{count_columns}, rows});
    for (int k = 0; k < count_columns; ++k)
      std::copy(counts[k].begin(), counts[k].end(), count_array.mutable_data(k));
    out["counts"] = count_array;
    out["count_names"] = count_names;
    return out;
  }

  std::vector<std::string> labels;
  std::vector<std::int32_t> inspection;
  std::vector<std::int8_t> regulation, area, grade, computed, adjusted;
  std::vector<std::uint8_t> possible;
  std::vector<bool> overridden;
  std::array<std::vector<std::int32_t>, count_columns> counts;  // by column

 private:
  static std::int8_t code(std::optional<Grade> g) {
    return g ? static_cast<std::int8_t>(*g) : std::int8_t{-1};
  }
  template <class List>
  static std::int8_t code(const List& list, const std::string& id) {
    for (std::size_t i = 0; i < list.size(); ++i)
      if (list[i].id == id) return static_cast<std::int8_t>(i);
    return -1;
  }
  template <class T>
  static py::array array(const std::vector<T>& v) {
    return py::array_t<T>(static_cast<py::ssize_t>(v.size()), v.data());
  }
  static py::array array(const std::vector<bool>& v) {
    py::array_t<bool> out(static_cast<py::ssize_t>(v.size()));
    auto w = out.mutable_unchecked<1>();
    for (std::size_t i = 0; i < v.size(); ++i) w(static_cast<py::ssize_t>(i)) = v[i];
    return std::move(out);
  }

  const RuleBook& book_;
};

}  // namespace

void bind_evaluation(py::module_& m) {
  py::class_<Explanation>(m, "Explanation", "Why one area got its grade under one regulation.")
      .def_readonly("regulation", &Explanation::regulation)
      .def_readonly("area", &Explanation::area)
      .def("render", &render, "Readable text, Swedish with English alongside.")
      .def(
          "to_dict", [](const Explanation& x) { return Dict(to_python(to_json(x))); },
          "As `spur explain --format json` prints it.");

  py::class_<Evaluation>(m, "Evaluation", "Everything spur concludes from one inspection.")
      .def_readonly("inspection_id", &Evaluation::inspection_id)
      .def_readonly("unit", &Evaluation::unit)
      .def_readonly("file", &Evaluation::file)
      .def_readonly("regulations", &Evaluation::regulations)
      .def_readonly("action_plan_required", &Evaluation::action_plan_required)
      .def_readonly("diagnostics", &Evaluation::diagnostics)
      .def_property_readonly(
          "inspection",
          [](const Evaluation& ev) { return std::const_pointer_cast<Inspection>(ev.inspection); })
      .def(
          "grade",
          [](const Evaluation& ev, std::string_view area, std::string_view regulation) {
            return grade_name(ev.grade(area, regulation));
          },
          py::arg("area"), py::arg("regulation") = "",
          "The grade ('A'-'D') of the area, combined across regulations when none is named; "
          "None while provisional. Raises LookupError.")
      .def(
          "possible_grades",
          [](const Evaluation& ev, std::string_view area, std::string_view regulation) {
            return grade_names(ev.possible_grades(area, regulation));
          },
          py::arg("area"), py::arg("regulation") = "",
          "The grades still possible, best first. Raises LookupError.")
      .def("explain", &explain, py::arg("area"), py::arg("regulation") = "",
           "One explanation per inspected regulation, or only `regulation`.")
      .def(
          "to_dict", [](const Evaluation& ev) { return Dict(to_python(to_json(ev))); },
          "Exactly the JSON of `spur evaluate --format json`, as Python objects.")
      .def(
          "plan_status",
          [](const Evaluation& ev, const std::string& as_of) {
            auto day = as_of.empty() ? std::optional<Date>(today()) : parse_iso_date(as_of);
            if (!day)
              throw LookupError("as_of '" + as_of + "' is not a date; write it as YYYY-MM-DD");
            return Dict(to_python(to_json(plan_status(ev, *day), ev)));
          },
          py::arg("as_of") = "",
          "The action plan followed up on `as_of` (YYYY-MM-DD; empty: today), as "
          "`spur plan --format json` prints it.");

  m.def(
      "read_dates",
      [](const std::string& text, const std::string& reference) {
        std::optional<Date> ref;
        if (!reference.empty()) {
          ref = parse_iso_date(reference);
          if (!ref)
            throw LookupError("reference '" + reference +
                              "' is not a date; write it as YYYY-MM-DD");
        }
        return Dict(to_python(to_json(parse_date_phrase(text, ref))));
      },
      py::arg("text"), py::arg("reference") = "",
      "A Swedish date phrase read into parts, as `spur dates --format json` prints one.");

  m.def(
      "evaluate",
      [](const RuleBook& book, std::shared_ptr<Inspection> inspection) {
        return evaluate(book, std::shared_ptr<const Inspection>(std::move(inspection)));
      },
      py::arg("book"), py::arg("inspection"), py::call_guard<py::gil_scoped_release>(),
      "Evaluate an inspection. Raises InspectionError when it names what the book lacks.");

  m.def(
      "result_columns",
      [](const RuleBook& book, const std::vector<const Evaluation*>& evaluations) {
        ResultColumns columns(book);
        for (std::size_t i = 0; i < evaluations.size(); ++i)
          columns.add(*evaluations[i], static_cast<int>(i));
        return columns.to_python();
      },
      py::arg("book"), py::arg("evaluations"),
      "The results of evaluations as columns (codes and arrays) for a frame.");

  m.def(
      "evaluate_columns",
      [](const RuleBook& book, const std::vector<std::shared_ptr<Inspection>>& inspections,
         int threads) {
        // Chunks of consecutive inspections, taken in turn by a thread per core (so that a
        // busy core takes fewer), then joined in order. A chunk stops at its first bad
        // inspection, so the first error in chunk order is the first bad inspection.
        constexpr std::size_t chunk = 256;
        const std::size_t n = inspections.size(),
                          chunks = std::max<std::size_t>(1, (n + chunk - 1) / chunk);
        const std::size_t workers = std::min<std::size_t>(
            chunks, threads > 0 ? static_cast<unsigned>(threads)
                                : std::max(1u, std::thread::hardware_concurrency()));
        std::vector<ResultColumns> parts(chunks, ResultColumns(book));
        std::vector<std::exception_ptr> errors(chunks);
        std::atomic<std::size_t> next{0};
        auto work = [&] {
          for (std::size_t c; (c = next++) < chunks;) {
            try {
              for (std::size_t i = c * chunk; i < std::min(n, (c + 1) * chunk); ++i)
                parts[c].add(evaluate(book, inspections[i]), static_cast<int>(i - c * chunk));
            } catch (...) {
              errors[c] = std::current_exception();
            }
          }
        };
        {
          py::gil_scoped_release release;
          std::vector<std::jthread> threads;
          for (std::size_t w = 1; w < workers; ++w) threads.emplace_back(work);
          work();
        }
        for (const auto& e : errors)
          if (e) std::rethrow_exception(e);
        for (std::size_t c = 1; c < chunks; ++c) parts[0].append(parts[c]);
        return parts[0].to_python();
      },
      py::arg("book"), py::arg("inspections"), py::arg("threads") = 0,
      "Evaluate many inspections into columns for a frame, as result_columns gives them, on "
      "`threads` threads (0: every core) with the GIL released. Raises InspectionError for the first bad one.");
}

}  // namespace spur::python
