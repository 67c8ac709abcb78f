#pragma once
/// \file
/// Errors and diagnostics: what spur says about bad input, with file, line and id.

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace spur {

/// How serious a diagnostic is: errors stop loading, warnings are reported and loading goes on.
enum class Severity { error, warning };

/// One problem found in a file, located as precisely as spur can.
struct Diagnostic {
  Severity severity = Severity::error;
  std::string file;         ///< empty when the input did not come from a file
  int line = 0;             ///< 1-based; 0 when unknown
  int column = 0;           ///< 1-based; 0 when unknown
  std::string message;      ///< what is wrong and what to change
  std::string requirement;  ///< the requirement id involved, if any
  /// On the last diagnostic of a capped list: how many more problems were left out.
  std::size_t omitted = 0;

  /// `file:line:column: error|warning: message`, leaving out what is unknown. Always one
  /// line: control characters (a newline from the input) are escaped as `\n`, `\x01`, and
  /// overlong words (a 1 MB id) and messages are shortened with "…".
  std::string format() const;
};

/// True when any diagnostic is an error.
bool has_errors(const std::vector<Diagnostic>& diagnostics);

/// Appends `diagnostic`, keeping at most limits::max_reported; past that, the last entry
/// counts what was left out ("... and N more problems"), an error if any of them is one.
void add_diagnostic(std::vector<Diagnostic>& diagnostics, Diagnostic diagnostic);
/// Caps a list the same way; a list already capped stays as it is.
void cap_diagnostics(std::vector<Diagnostic>& diagnostics);

/// One line of text for a message: control characters escaped, long words and the whole
/// shortened with "…" (see limits.hpp).
std::string one_line(std::string_view text);

/// Base of every exception spur throws for a user's bad input.
class Error : public std::runtime_error {
 public:
  explicit Error(std::vector<Diagnostic> diagnostics);
  Error(std::string message, std::string file = {}, int line = 0, int column = 0,
        std::string requirement = {});

  /// Every problem found, errors and warnings, in the order found.
  const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }
  /// Location and id of the first error.
  const std::string& file() const { return first().file; }
  int line() const { return first().line; }
  int column() const { return first().column; }
  const std::string& requirement() const { return first().requirement; }

 private:
  Error(std::vector<Diagnostic> capped_diagnostics, int);
  const Diagnostic& first() const;
  std::vector<Diagnostic> diagnostics_;
};

/// A rule file (model or regulation) is malformed or inconsistent.
class RuleError : public Error {
  using Error::Error;
};

/// An inspection file or inspection data is malformed or names what the rule book lacks.
class InspectionError : public Error {
  using Error::Error;
};

/// A file could not be read at all (missing, unreadable, a directory).
class FileError : public Error {
  using Error::Error;
};

/// A query names an area, regulation or requirement that does not exist.
class LookupError : public Error {
  using Error::Error;
};

}  // namespace spur
