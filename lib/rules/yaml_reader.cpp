#include "rules/yaml_reader.hpp"

#include <fstream>
#include <map>
#include <sstream>

namespace spur::detail {

std::string join(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += separator;
    out += item;
  }
  return out;
}

std::string shorten(std::string_view text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return std::string(text);
  std::size_t cut = max_bytes > 3 ? max_bytes - 3 : 0;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return std::string(text.substr(0, cut)) + "...";
}

std::size_t invalid_utf8(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    int n = c < 0x80 ? 0 : (c >> 5) == 0x6 ? 1 : (c >> 4) == 0xE ? 2 : (c >> 3) == 0x1E ? 3 : -1;
    if (n < 0 || (n == 1 && c < 0xC2) || i + n >= text.size() + (n == 0 ? 1 : 0)) return i;
    for (int k = 1; k <= n; ++k)
      if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return i;
    i += n + 1;
  }
  return std::string_view::npos;
}

std::string_view describe(const YAML::Node& node) {
  if (!node.IsDefined()) return "missing";
  switch (node.Type()) {
    case YAML::NodeType::Sequence:
      return "a list";
    case YAML::NodeType::Map:
      return "a mapping";
    case YAML::NodeType::Scalar:
      return "text";
    default:
      return "nothing";
  }
}

std::optional<YAML::Node> YamlReader::load_file(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    report(Severity::error, {file_, 0, 0}, "no such file", {});
    return std::nullopt;
  }
  if (std::filesystem::is_directory(path, ec)) {
    report(Severity::error, {file_, 0, 0}, "is a directory, not a YAML file", {});
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    report(Severity::error, {file_, 0, 0}, "cannot be read (check its permissions)", {});
    return std::nullopt;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return load_string(buffer.str());
}

std::optional<YAML::Node> YamlReader::load_string(std::string_view text) {
  if (std::size_t bad = invalid_utf8(text); bad != std::string_view::npos) {
    int line = 1, column = 1;
    for (std::size_t i = 0; i < bad; ++i) {
      if (text[i] == '\n') {
        ++line;
        column = 1;
      } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
        ++column;
      }
    }
    report(Severity::error, {file_, line, column},
           "the file is not valid UTF-8 here; save it as UTF-8 (Swedish letters å, ä, ö included)",
           {});
    return std::nullopt;
  }
  try {
    YAML::Node root = YAML::Load(std::string(text));
    if (!root.IsDefined() || root.IsNull()) {
      report(Severity::error, {file_, 1, 1}, "the file is empty; expected a YAML mapping", {});
      return std::nullopt;
    }
    return root;
  } catch (const YAML::Exception& e) {
    report(Severity::error, {file_, e.mark.line + 1, e.mark.column + 1},
           "YAML syntax error: " + e.msg, {});
    return std::nullopt;
  }
}

SourceLocation YamlReader::location(const YAML::Node& node) const {
  if (!node.IsDefined()) return {file_, 0, 0};
  const YAML::Mark mark = node.Mark();
  if (mark.is_null()) return {file_, 0, 0};
  return {file_, mark.line + 1, mark.column + 1};
}

void YamlReader::report(Severity severity, const SourceLocation& at, std::string message,
                        std::string requirement) {
  diagnostics_.push_back(
      {severity, at.file, at.line, at.column, std::move(message), std::move(requirement)});
}

void YamlReader::error(const YAML::Node& node, std::string message, std::string requirement) {
  report(Severity::error, location(node), std::move(message), std::move(requirement));
}
void YamlReader::warning(const YAML::Node& node, std::string message, std::string requirement) {
  report(Severity::warning, location(node), std::move(message), std::move(requirement));
}
void YamlReader::error_at(const SourceLocation& at, std::string message, std::string requirement) {
  report(Severity::error, at, std::move(message), std::move(requirement));
}

bool YamlReader::expect_map(const YAML::Node& node, std::string_view what) {
  if (node.IsDefined() && node.IsMap()) return true;
  error(node,
        std::string(what) + " must be a mapping (key: value), not " + std::string(describe(node)));
  return false;
}

bool YamlReader::expect_sequence(const YAML::Node& node, std::string_view what) {
  if (node.IsDefined() && node.IsSequence()) return true;
  error(node, std::string(what) + " must be a list, not " + std::string(describe(node)));
  return false;
}

void YamlReader::check_unique_keys(const YAML::Node& node, std::string_view what,
                                   const std::string& requirement) {
  if (!node.IsDefined() || !node.IsMap()) return;
  std::map<std::string, int> seen;
  for (auto it = node.begin(); it != node.end(); ++it) {
    if (!it->first.IsScalar()) continue;
    const int line = location(it->first).line;
    auto [prev, inserted] = seen.emplace(it->first.Scalar(), line);
    if (!inserted)
      error(it->first,
            "'" + it->first.Scalar() + "' is given twice in " + std::string(what) +
                " (first at line " + std::to_string(prev->second) + "); keep one",
            requirement);
  }
}

void YamlReader::check_keys(const YAML::Node& node, std::initializer_list<std::string_view> known,
                            std::string_view what, std::string requirement) {
  if (!node.IsDefined() || !node.IsMap()) return;
  check_unique_keys(node, what, requirement);
  for (auto it = node.begin(); it != node.end(); ++it) {
    if (!it->first.IsScalar()) {
      error(it->first, "keys of " + std::string(what) + " must be plain words", requirement);
      continue;
    }
    const std::string key = it->first.Scalar();
    bool found = false;
    for (auto k : known) found = found || k == key;
    if (!found) {
      std::vector<std::string> names(known.begin(), known.end());
      error(it->first,
            "unknown key '" + key + "' in " + std::string(what) + " (allowed: " + join(names) + ")",
            requirement);
    }
  }
}

std::optional<std::string> YamlReader::scalar(const YAML::Node& node, std::string_view what,
                                              std::string requirement) {
  if (node.IsDefined() && node.IsScalar()) return node.Scalar();
  error(node, std::string(what) + " must be text, not " + std::string(describe(node)),
        std::move(requirement));
  return std::nullopt;
}

std::optional<std::string> YamlReader::text(const YAML::Node& map, std::string_view key,
                                            bool required, std::string_view what,
                                            std::string requirement) {
  const YAML::Node node = map[std::string(key)];
  if (!node.IsDefined() || node.IsNull()) {
    if (required)
      error(map, std::string(what) + " lacks the field '" + std::string(key) + "'",
            std::move(requirement));
    return std::nullopt;
  }
  return scalar(node, std::string(what) + ": '" + std::string(key) + "'", std::move(requirement));
}

std::optional<int> YamlReader::integer(const YAML::Node& node, std::string_view what) {
  if (node.IsDefined() && node.IsScalar()) {
    try {
      return node.as<int>();
    } catch (const YAML::Exception&) {
    }
  }
  error(node,
        std::string(what) + " must be a whole number, not '" +
            (node.IsDefined() && node.IsScalar() ? node.Scalar() : std::string(describe(node))) +
            "'");
  return std::nullopt;
}

std::optional<bool> YamlReader::boolean(const YAML::Node& node, std::string_view what) {
  if (node.IsDefined() && node.IsScalar()) {
    try {
      return node.as<bool>();
    } catch (const YAML::Exception&) {
    }
  }
  error(node, std::string(what) + " must be true or false");
  return std::nullopt;
}

std::optional<std::vector<std::string>> YamlReader::strings(const YAML::Node& node,
                                                            std::string_view what,
                                                            std::string requirement) {
  if (!node.IsDefined() || !node.IsSequence()) {
    error(
        node,
        std::string(what) + " must be a list such as [A1, A2], not " + std::string(describe(node)),
        std::move(requirement));
    return std::nullopt;
  }
  std::vector<std::string> out;
  bool ok = true;
  for (const auto& item : node) {
    auto value = scalar(item, std::string("each item of ") + std::string(what), requirement);
    if (value)
      out.push_back(*value);
    else
      ok = false;
  }
  if (!ok) return std::nullopt;
  return out;
}

}  // namespace spur::detail
