// nlohmann::json to Python objects, so that dicts never travel as JSON text.

#include "bindings.hpp"

namespace spur::python {

py::object to_python(const nlohmann::json& value) {
  using nlohmann::json;
  switch (value.type()) {
    case json::value_t::null:
      return py::none();
    case json::value_t::boolean:
      return py::bool_(value.get<bool>());
    case json::value_t::number_integer:
      return py::int_(value.get<std::int64_t>());
    case json::value_t::number_unsigned:
      return py::int_(value.get<std::uint64_t>());
    case json::value_t::number_float:
      return py::float_(value.get<double>());
    case json::value_t::string:
      return py::str(value.get_ref<const std::string&>());
    case json::value_t::array: {
      py::list out(value.size());
      std::size_t i = 0;
      for (const auto& item : value) out[i++] = to_python(item);
      return std::move(out);
    }
    case json::value_t::object: {
      py::dict out;
      for (const auto& [key, item] : value.items()) out[py::str(key)] = to_python(item);
      return std::move(out);
    }
    case json::value_t::binary:
    case json::value_t::discarded:
      break;
  }
  throw std::logic_error("spur: JSON value of unexpected type");
}

py::typing::Optional<PyDate> to_python(const std::optional<Date>& date) {
  if (!date) return py::none();
  return py::module_::import("datetime").attr("date")(date->year, date->month, date->day);
}

}  // namespace spur::python
