#pragma once
// JSON text read straight into yaml-cpp nodes, for inspections built in memory (Python dicts,
// pandas frames): the same reader then checks them, without yaml-cpp's slower text scanner.

#include <yaml-cpp/yaml.h>

#include <optional>
#include <string>
#include <string_view>

namespace spur::detail {

/// The JSON document as a YAML node. Keys given twice are kept (so the reader reports them),
/// numbers and booleans become plain scalars. On malformed JSON: nothing, and `error` says why.
std::optional<YAML::Node> json_to_yaml(std::string_view json, std::string& error);

}  // namespace spur::detail
