#include <algorithm>

#include "spur/error.hpp"

namespace spur {

std::string Diagnostic::format() const {
  std::string out = file.empty() ? std::string("<input>") : file;
  if (line > 0) {
    out += ":" + std::to_string(line);
    if (column > 0) out += ":" + std::to_string(column);
  }
  out += severity == Severity::error ? ": error: " : ": warning: ";
  return out + message;
}

bool has_errors(const std::vector<Diagnostic>& diagnostics) {
  return std::any_of(diagnostics.begin(), diagnostics.end(),
                     [](const Diagnostic& d) { return d.severity == Severity::error; });
}

namespace {
std::string summary(const std::vector<Diagnostic>& diagnostics) {
  std::string out;
  for (const auto& d : diagnostics) {
    if (d.severity != Severity::error) continue;
    if (!out.empty()) out += "\n";
    out += d.format();
  }
  return out.empty() && !diagnostics.empty() ? diagnostics.front().format() : out;
}
}  // namespace

Error::Error(std::vector<Diagnostic> diagnostics)
    : std::runtime_error(summary(diagnostics)), diagnostics_(std::move(diagnostics)) {}

Error::Error(std::string message, std::string file, int line, int column, std::string requirement)
    : Error(std::vector<Diagnostic>{{Severity::error, std::move(file), line, column,
                                     std::move(message), std::move(requirement)}}) {}

const Diagnostic& Error::first() const {
  static const Diagnostic none;
  for (const auto& d : diagnostics_)
    if (d.severity == Severity::error) return d;
  return diagnostics_.empty() ? none : diagnostics_.front();
}

}  // namespace spur
