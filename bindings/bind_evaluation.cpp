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

// The date an argument names, as YYYY-MM-DD; a ValueError naming the argument otherwise.
Date iso_date(const char* argument, const std::string& text) {
  if (auto day = parse_iso_date(text)) return *day;
  throw py::value_error(std::string(argument) + "='" + text +
                        "' is not a date: write it as YYYY-MM-DD (e.g. 2025-03-15), or pass a "
                        "datetime.date");
}

// The columns of a results frame: one row per inspection, regulation and area. Strings are
// codes into the book's regulations and areas; grades are 0-3 for A-D and -1 for none;
// possible grades are bit sets (bit 0 = A).
struct ResultColumns {
  static constexpr std::array<const char*, 5> metrics{"met", "unmet", "partial", "unknown",
                                                      "not_applicable"};
  static constexpr int count_columns = 3 * metrics.size();

  explicit ResultColumns(const RuleBook& book) : book_(book) {}

  void add(const Evaluation& ev) {
    const auto index = static_cast<std::int32_t>(labels.size());
    labels.push_back(ev.inspection_id.empty() ? ev.file : ev.inspection_id);
    for (const AreaResult& r : ev.results) {
      inspection.push_back(index);
      regulation.push_back(code(book_.regulations(), r.regulation));
      area.push_back(code(book_.model().areas, r.area));
      grade.push_back(code(r.grade()));
      possible.push_back(r.effective().bits());
      computed.push_back(code(r.computed));
      adjusted.push_back(code(r.adjusted));
      after_plan.push_back(code(r.grade_after_plan()));
      adjustment_provisional.push_back(r.adjustment_provisional);
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
    extend(after_plan, other.after_plan);
    extend(adjustment_provisional, other.adjustment_provisional);
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
    out["after_plan"] = array(after_plan);
    out["adjustment_provisional"] = array(adjustment_provisional);
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
  std::vector<std::int8_t> regulation, area, grade, computed, adjusted, after_plan;
  std::vector<std::uint8_t> possible;
  std::vector<bool> overridden, adjustment_provisional;
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
      .def_readonly("regulation", &Explanation::regulation, "The regulation explained.")
      .def_readonly("area", &Explanation::area, "The area explained.")
      .def("render", &render, "Readable text, Swedish with English alongside.")
      .def(
          "to_dict", [](const Explanation& x) { return Dict(to_python(to_json(x))); },
          "As `spur explain --format json` prints it.");

  py::class_<Evaluation>(m, "Evaluation", "Everything spur concludes from one inspection.")
      .def_readonly("inspection_id", &Evaluation::inspection_id,
                    "The inspection's id ('' when it has none).")
      .def_readonly("unit", &Evaluation::unit, "The unit inspected.")
      .def_readonly("file", &Evaluation::file, "The inspection's file.")
      .def_readonly("regulations", &Evaluation::regulations, "The inspected regulations.")
      .def_readonly("action_plan_required", &Evaluation::action_plan_required,
                    "True if some area is certainly D, None if D is only possible, else False.")
      .def_readonly("diagnostics", &Evaluation::diagnostics,
                    "Warnings about the inspection (Diagnostic objects).")
      .def_property_readonly(
          "inspection",
          [](const Evaluation& ev) { return std::const_pointer_cast<Inspection>(ev.inspection); },
          "The inspection graded.")
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
      .def(
          "grade_after_plan",
          [](const Evaluation& ev, std::string_view area, std::string_view regulation) {
            return grade_name(ev.grade_after_plan(area, regulation));
          },
          py::arg("area"), py::arg("regulation") = "",
          "The grade that stands after the action plan ('C' for a D whose required actions "
          "received entries all cover); None while provisional, also while requirements not "
          "assessed could still undo the adjustment. Raises LookupError.")
      .def(
          "possible_grades_after_plan",
          [](const Evaluation& ev, std::string_view area, std::string_view regulation) {
            return grade_names(ev.possible_grades_after_plan(area, regulation));
          },
          py::arg("area"), py::arg("regulation") = "",
          "The grades still possible after the action plan, best first. Raises LookupError.")
      .def("explain", &explain, py::arg("area"), py::arg("regulation") = "",
           "One explanation per inspected regulation, or only `regulation`.")
      .def(
          "to_dict", [](const Evaluation& ev) { return Dict(to_python(to_json(ev))); },
          "Exactly the JSON of `spur evaluate --format json`, as Python objects.")
      .def(
          "plan_status",
          [](const Evaluation& ev, const std::string& as_of) {
            const Date day = as_of.empty() ? today() : iso_date("as_of", as_of);
            return Dict(to_python(to_json(plan_status(ev, day), ev)));
          },
          py::arg("as_of") = "",
          "The action plan followed up on `as_of` (YYYY-MM-DD; empty: today), as "
          "`spur plan --format json` prints it.");

  m.def(
      "read_dates",
      [](const std::string& text, const std::string& reference) {
        std::optional<Date> ref;
        if (!reference.empty()) ref = iso_date("reference", reference);
        return Dict(to_python(to_json(parse_date_phrase(text, ref))));
      },
      py::arg("text"), py::arg("reference") = "",
      "A Swedish date phrase read into parts, as `spur dates --format json` prints one.");

  m.def("check", &check, py::arg("book"), py::arg("inspection"),
        py::call_guard<py::gil_scoped_release>(),
        "Check an inspection against the book: raises InspectionError listing every error, "
        "returns the warnings.");

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
        for (const Evaluation* ev : evaluations) columns.add(*ev);
        return columns.to_python();
      },
      py::arg("book"), py::arg("evaluations"),
      "The results of evaluations as columns (codes and arrays) for a frame.");

  m.def(
      "evaluate_columns",
      [](const RuleBook& book, const std::vector<std::shared_ptr<Inspection>>& inspections,
         int threads) {
        // Chunks of consecutive inspections, taken in turn by a thread per core (so that a
        // busy core takes fewer), then joined in order. A bad inspection is left out and its
        // errors kept with its position, so that every bad one is reported.
        constexpr std::size_t chunk = 256;
        const std::size_t n = inspections.size(),
                          chunks = std::max<std::size_t>(1, (n + chunk - 1) / chunk);
        const std::size_t workers = std::min<std::size_t>(
            chunks, threads > 0 ? static_cast<unsigned>(threads)
                                : std::max(1u, std::thread::hardware_concurrency()));
        std::vector<ResultColumns> parts(chunks, ResultColumns(book));
        std::vector<std::vector<std::pair<std::size_t, std::vector<Diagnostic>>>> bad(chunks);
        std::vector<std::exception_ptr> errors(chunks);
        std::atomic<std::size_t> next{0};
        auto work = [&] {
          for (std::size_t c; (c = next++) < chunks;) {
            try {
              for (std::size_t i = c * chunk; i < std::min(n, (c + 1) * chunk); ++i) {
                try {
                  parts[c].add(evaluate(book, inspections[i]));
                } catch (const InspectionError& e) {
                  bad[c].emplace_back(i, e.diagnostics());
                }
              }
            } catch (...) {
              errors[c] = std::current_exception();
            }
          }
        };
        {
          py::gil_scoped_release release;
          std::vector<std::jthread> pool;
          for (std::size_t w = 1; w < workers; ++w) pool.emplace_back(work);
          work();
        }
        for (const auto& e : errors)
          if (e) std::rethrow_exception(e);
        for (std::size_t c = 1; c < chunks; ++c) parts[0].append(parts[c]);
        Dict out = parts[0].to_python();
        py::list failed;
        for (const auto& in_chunk : bad)
          for (const auto& [index, diagnostics] : in_chunk)
            failed.append(py::make_tuple(index, diagnostics));
        out["failed"] = failed;
        return out;
      },
      py::arg("book"), py::arg("inspections"), py::arg("threads") = 0,
      "Evaluate many inspections into columns for a frame, as result_columns gives them, on "
      "`threads` threads (0: every core) with the GIL released. Inspections that raise "
      "InspectionError are left out; 'failed' lists each as (position, diagnostics).");
}

}  // namespace spur::python
