#pragma once
// Reading YAML with a diagnostic for every problem: each accessor checks the type, and a
// missing or wrongly typed field becomes `file:line:column: error: ...`, never an exception.

#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

#include "spur/error.hpp"
#include "spur/model.hpp"

namespace spur::detail {

class YamlReader {
 public:
  YamlReader(std::string file, std::vector<Diagnostic>& diagnostics)
      : file_(std::move(file)), diagnostics_(diagnostics) {}

  /// Parse a file; reports a missing, unreadable, empty or malformed file and returns nothing.
  std::optional<YAML::Node> load_file(const std::filesystem::path& path);
  /// Parse text; reports an empty or malformed document.
  std::optional<YAML::Node> load_string(std::string_view text);

  SourceLocation location(const YAML::Node& node) const;
  void error(const YAML::Node& node, std::string message, std::string requirement = {});
  void warning(const YAML::Node& node, std::string message, std::string requirement = {});
  void error_at(const SourceLocation& at, std::string message, std::string requirement = {});

  /// True when `node` is a mapping; otherwise reports "`what` must be a mapping".
  bool expect_map(const YAML::Node& node, std::string_view what);
  bool expect_sequence(const YAML::Node& node, std::string_view what);
  /// Reports each key given twice in a mapping (yaml-cpp keeps only the first silently).
  void check_unique_keys(const YAML::Node& node, std::string_view what,
                         const std::string& requirement = {});
  /// Reports each key of `node` that is not in `known`, listing the known ones, and each key
  /// given twice.
  void check_keys(const YAML::Node& node, std::initializer_list<std::string_view> known,
                  std::string_view what, std::string requirement = {});

  /// A scalar field as text; reports when required and missing, or not a scalar.
  std::optional<std::string> text(const YAML::Node& map, std::string_view key, bool required,
                                  std::string_view what, std::string requirement = {});
  /// A scalar node as text; reports when it is not a scalar.
  std::optional<std::string> scalar(const YAML::Node& node, std::string_view what,
                                    std::string requirement = {});
  std::optional<int> integer(const YAML::Node& node, std::string_view what);
  std::optional<bool> boolean(const YAML::Node& node, std::string_view what);
  /// A list of scalars; also accepts a single scalar when `allow_scalar`.
  std::optional<std::vector<std::string>> strings(const YAML::Node& node, std::string_view what,
                                                  std::string requirement = {});

  /// Runs `read`, turning a yaml-cpp exception (a shape no check foresaw) into an error at its
  /// mark instead of a crash.
  template <class F>
  void guarded(F&& read) {
    try {
      read();
    } catch (const YAML::Exception& e) {
      report(
          Severity::error,
          {file_, e.mark.is_null() ? 0 : e.mark.line + 1, e.mark.is_null() ? 0 : e.mark.column + 1},
          "unexpected YAML structure: " + e.msg, {});
    }
  }

  const std::string& file() const { return file_; }
  std::vector<Diagnostic>& diagnostics() { return diagnostics_; }

 private:
  /// False, with an error, when `text` holds more than one YAML document or text after its
  /// document that is no document at all.
  bool single_document(std::string_view text);
  void report(Severity severity, const SourceLocation& at, std::string message,
              std::string requirement);
  std::string file_;
  std::vector<Diagnostic>& diagnostics_;
};

/// At most `max_bytes` of `text`, cut at a character boundary (UTF-8), with "..." when cut.
std::string shorten(std::string_view text, std::size_t max_bytes);
/// The byte offset of the first invalid UTF-8 sequence, or npos when the text is valid.
std::size_t invalid_utf8(std::string_view text);

/// "the file is 50 MB (...); spur reads files up to 16 MB".
std::string too_big(std::size_t bytes);
/// A yaml-cpp syntax error at 0-based `line` in words that say what to change: a tab in the
/// indentation, an overlong plain key.
std::string syntax_error(std::string_view text, int line, const std::string& message);

/// "a, b, c" from a list of names.
std::string join(const std::vector<std::string>& items, std::string_view separator = ", ");
/// The YAML type of a node in words: "a list", "a mapping", "text", "nothing".
std::string_view describe(const YAML::Node& node);

}  // namespace spur::detail
