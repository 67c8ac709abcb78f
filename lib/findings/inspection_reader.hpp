#pragma once
// Reading inspections from YAML nodes that are already parsed, for files that embed
// inspections (regulation tests). Problems go to the reader's diagnostics; nothing throws.

#include <yaml-cpp/yaml.h>

#include "rules/yaml_reader.hpp"
#include "spur/inspection.hpp"

namespace spur::detail {

/// Reads an inspection from a mapping in the inspection-file format into `inspection`.
/// Without `header_required` the `inspection:` section may be left out.
void read_inspection(YamlReader& reader, const YAML::Node& node, Inspection& inspection,
                     bool header_required);

/// Reads a `findings:` mapping, appending to `inspection.findings`.
void read_findings_into(YamlReader& reader, const YAML::Node& node, Inspection& inspection);

}  // namespace spur::detail
