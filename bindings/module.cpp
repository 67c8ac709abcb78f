// spur._core: the native boundary of the Python package. Conversions only; the Pythonic API
// (frames, reprs, conveniences) is plain Python in python/spur.

#include "bindings.hpp"
#include "spur/json.hpp"

PYBIND11_MODULE(_core, m) {
  namespace sp = spur::python;
  m.doc() = "spur's C++ library: rule books, inspections and evaluations (private; use spur)";
  // Exceptions first: everything bound after may raise them.
  sp::bind_errors(m);
  sp::bind_types(m);
  sp::bind_rules(m);
  sp::bind_inspection(m);
  sp::bind_evaluation(m);
  sp::bind_import(m);
  sp::bind_report(m);
  sp::bind_batch(m);
  m.attr("__version__") = std::string(spur::version());
}
