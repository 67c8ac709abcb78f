// Reports: build one from evaluations and render or write it (the GIL released meanwhile).

#include <pybind11/stl.h>

#include "bindings.hpp"
#include "spur/report.hpp"

namespace spur::python {
namespace {

Report build(const std::vector<const Evaluation*>& evaluations, const std::string& as_of,
             const std::string& lang) {
  ReportOptions options;
  if (as_of.empty()) {
    options.as_of = today();
  } else if (auto day = parse_iso_date(as_of)) {
    options.as_of = *day;
  } else {
    throw LookupError("as_of '" + as_of + "' is not a date; write it as YYYY-MM-DD");
  }
  auto language = parse_language(lang);
  if (!language) throw LookupError("lang '" + lang + "' is not known; use 'sv' or 'en'");
  options.language = *language;
  return build_report(evaluations, options);
}

ReportFormat format_of(const std::string& format) {
  auto f = parse_report_format(format);
  if (!f) throw LookupError("format '" + format + "' is not known; use html, md, pdf or xlsx");
  return *f;
}

}  // namespace

void bind_report(py::module_& m) {
  m.def(
      "render_report",
      [](const std::vector<const Evaluation*>& evaluations, const std::string& format,
         const std::string& as_of, const std::string& lang) {
        const ReportFormat f = format_of(format);
        std::string bytes;
        {
          py::gil_scoped_release release;
          bytes = render_report(build(evaluations, as_of, lang), f);
        }
        return py::bytes(bytes);
      },
      py::arg("evaluations"), py::arg("format"), py::arg("as_of") = "", py::arg("lang") = "sv",
      "The report of the evaluations in `format` (html, md, pdf, xlsx) as bytes.");
  m.def(
      "report_summary_html",
      [](const Evaluation& evaluation, const std::string& as_of, const std::string& lang) {
        py::gil_scoped_release release;
        return to_html_summary(build({&evaluation}, as_of, lang));
      },
      py::arg("evaluation"), py::arg("as_of") = "", py::arg("lang") = "sv",
      "The summary of the report as an HTML fragment (for notebooks).");
  m.def(
      "write_report",
      [](const std::vector<const Evaluation*>& evaluations, const std::string& format,
         const std::string& path, const std::string& as_of, const std::string& lang, bool force) {
        const ReportFormat f = format_of(format);
        py::gil_scoped_release release;
        write_report(build(evaluations, as_of, lang), f, path,
                     force ? Overwrite::replace : Overwrite::refuse);
      },
      py::arg("evaluations"), py::arg("format"), py::arg("path"), py::arg("as_of") = "",
      py::arg("lang") = "sv", py::arg("force") = false,
      "Writes the report to `path` atomically; an existing file is replaced only with force.");
}

}  // namespace spur::python
