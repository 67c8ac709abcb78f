#include <algorithm>
#include <cstdio>

#include "spur/error.hpp"
#include "spur/limits.hpp"

namespace spur {

namespace {

// The byte where a cut at `at` may fall without splitting a UTF-8 character.
std::size_t boundary(std::string_view text, std::size_t at) {
  while (at > 0 && at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) --at;
  return at;
}

// Control characters as escapes, so that input text cannot break a message into lines.
std::string escaped(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (c >= 0x20 && c != 0x7F) {
      out += ch;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02X", c);
      out += buf;
    }
  }
  return out;
}

// Each word (a run without spaces) longer than max_shown_word keeps its start and a closing
// quote or bracket, if it has one.
std::string short_words(std::string_view text) {
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t end = text.find(' ', i);
    if (end == std::string_view::npos) end = text.size();
    std::string_view word = text.substr(i, end - i);
    if (word.size() > limits::max_shown_word) {
      const std::size_t keep = boundary(word, limits::max_shown_word * 3 / 5);
      out += word.substr(0, keep);
      out += "…";
      const char last = word.back();
      if (last == '\'' || last == '"' || last == ')' || last == ']' || last == ',' || last == ':')
        out += last;
    } else {
      out += word;
    }
    if (end < text.size()) out += ' ';
    i = end + 1;
  }
  return out;
}

}  // namespace

std::string one_line(std::string_view text) {
  std::string out = short_words(escaped(text));
  if (out.size() > limits::max_message_bytes) {
    const std::size_t head = boundary(out, limits::max_message_bytes * 3 / 5);
    const std::size_t tail = boundary(out, out.size() - limits::max_message_bytes / 4);
    out = out.substr(0, head) + " … " + out.substr(tail);
  }
  return out;
}

std::string Diagnostic::format() const {
  std::string out = file.empty() ? std::string("<input>") : one_line(file);
  if (line > 0) {
    out += ":" + std::to_string(line);
    if (column > 0) out += ":" + std::to_string(column);
  }
  out += severity == Severity::error ? ": error: " : ": warning: ";
  return out + one_line(message);
}

bool has_errors(const std::vector<Diagnostic>& diagnostics) {
  return std::any_of(diagnostics.begin(), diagnostics.end(),
                     [](const Diagnostic& d) { return d.severity == Severity::error; });
}

namespace {
std::string more_message(std::size_t omitted) {
  return "… and " + std::to_string(omitted) + " more problem" + (omitted == 1 ? "" : "s") +
         " (spur reports the first " + std::to_string(limits::max_reported) + ")";
}
}  // namespace

void add_diagnostic(std::vector<Diagnostic>& diagnostics, Diagnostic diagnostic) {
  if (diagnostics.size() < limits::max_reported) {
    diagnostics.push_back(std::move(diagnostic));
    return;
  }
  if (diagnostics.size() == limits::max_reported) {
    Diagnostic more;
    more.severity = diagnostic.severity;
    more.file = std::move(diagnostic.file);
    diagnostics.push_back(std::move(more));
  }
  Diagnostic& more = diagnostics.back();
  if (diagnostic.severity == Severity::error) more.severity = Severity::error;
  more.omitted += 1;
  more.message = more_message(more.omitted);
}

void cap_diagnostics(std::vector<Diagnostic>& diagnostics) {
  if (diagnostics.size() <= limits::max_reported + 1 &&
      (diagnostics.size() <= limits::max_reported || diagnostics.back().omitted > 0))
    return;
  // Keep the errors first: they are what must change.
  std::stable_partition(diagnostics.begin(), diagnostics.end(),
                        [](const Diagnostic& d) { return d.severity == Severity::error; });
  std::vector<Diagnostic> rest(diagnostics.begin() + limits::max_reported, diagnostics.end());
  diagnostics.resize(limits::max_reported);
  for (auto& d : rest) {
    const std::size_t n = d.omitted > 0 ? d.omitted : 1;
    add_diagnostic(diagnostics, std::move(d));
    diagnostics.back().omitted += n - 1;
    diagnostics.back().message = more_message(diagnostics.back().omitted);
  }
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

std::vector<Diagnostic> capped(std::vector<Diagnostic> diagnostics) {
  cap_diagnostics(diagnostics);
  return diagnostics;
}
}  // namespace

Error::Error(std::vector<Diagnostic> diagnostics) : Error(capped(std::move(diagnostics)), 0) {}

Error::Error(std::vector<Diagnostic> diagnostics, int)
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
