#include "rules/yaml_reader.hpp"

#include "spur/limits.hpp"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <unordered_map>

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
  // RFC 3629: no overlong forms (C0, C1, E0 80-9F, F0 80-8F), no surrogates (ED A0-BF), nothing
  // above U+10FFFF (F4 90-BF, F5-FF).
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  for (std::size_t i = 0; i < text.size();) {
    const unsigned c = byte(i);
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t length = 0;
    unsigned low = 0x80, high = 0xBF;  // the range of the second byte
    if (c >= 0xC2 && c <= 0xDF) {
      length = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      length = 3;
      if (c == 0xE0) low = 0xA0;
      if (c == 0xED) high = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      length = 4;
      if (c == 0xF0) low = 0x90;
      if (c == 0xF4) high = 0x8F;
    } else {
      return i;
    }
    if (i + length > text.size() || byte(i + 1) < low || byte(i + 1) > high) return i;
    for (std::size_t k = 2; k < length; ++k)
      if ((byte(i + k) & 0xC0) != 0x80) return i;
    i += length;
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
  const auto status = std::filesystem::status(path, ec);
  if (ec && ec != std::errc::no_such_file_or_directory) {
    // A symbolic link loop, a folder without permission on the way, ...
    report(Severity::error, {file_, 0, 0}, "cannot be read: " + ec.message(), {});
    return std::nullopt;
  }
  if (!std::filesystem::exists(status)) {
    report(Severity::error, {file_, 0, 0}, "no such file", {});
    return std::nullopt;
  }
  if (std::filesystem::is_directory(status)) {
    report(Severity::error, {file_, 0, 0}, "is a directory, not a YAML file", {});
    return std::nullopt;
  }
  if (!std::filesystem::is_regular_file(status)) {
    report(Severity::error, {file_, 0, 0}, "is not a regular file", {});
    return std::nullopt;
  }
  const auto size = std::filesystem::file_size(path, ec);
  if (!ec && size > limits::max_file_bytes) {
    report(Severity::error, {file_, 0, 0}, too_big(size), {});
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  std::string content;
  if (in) {
    content.resize(static_cast<std::size_t>(ec ? 0 : size));
    in.read(content.data(), static_cast<std::streamsize>(content.size()));
    content.resize(static_cast<std::size_t>(in.gcount()));
  }
  if (!in && !in.eof()) {
    report(Severity::error, {file_, 0, 0},
           std::string("cannot be read: ") + std::strerror(errno) + " (check its permissions)", {});
    return std::nullopt;
  }
  return load_string(content);
}

namespace {

// Line and column (1-based, in characters) of a byte offset.
std::pair<int, int> position(std::string_view text, std::size_t offset) {
  int line = 1, column = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++column;
    }
  }
  return {line, column};
}

// The text of line `line` (0-based), without its end.
std::string_view line_text(std::string_view text, int line) {
  std::size_t start = 0;
  for (int i = 0; i < line; ++i) {
    start = text.find('\n', start);
    if (start == std::string_view::npos) return {};
    ++start;
  }
  const std::size_t end = text.find('\n', start);
  return text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
}

// Deepest nesting of lists and mappings in `root`, counted without recursion; stops counting
// past `limit`. Aliases (*name) can make a small file a huge tree ("billion laughs"): past
// `max_values` values visited, returns -1.
int nesting_depth(const YAML::Node& root, int limit, std::size_t max_values) {
  int deepest = 0;
  std::size_t visited = 0;
  std::vector<std::pair<YAML::Node, int>> stack{{root, 1}};
  while (!stack.empty()) {
    if (++visited > max_values) return -1;
    auto [node, depth] = stack.back();
    stack.pop_back();
    if (!node.IsMap() && !node.IsSequence()) continue;
    deepest = std::max(deepest, depth);
    if (deepest > limit) return deepest;
    for (auto it = node.begin(); it != node.end(); ++it) {
      if (node.IsMap()) {
        stack.emplace_back(it->first, depth + 1);
        stack.emplace_back(it->second, depth + 1);
      } else {
        stack.emplace_back(*it, depth + 1);
      }
    }
  }
  return deepest;
}

}  // namespace

namespace {

// Counts the values of each document as yaml-cpp's parser reads it, without building nodes.
class DocumentCounter : public YAML::EventHandler {
 public:
  YAML::Mark start;
  int values = 0;  // not counting nulls
  void OnDocumentStart(const YAML::Mark& mark) override {
    start = mark;
    values = 0;
  }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override { ++values; }
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t,
                const std::string&) override {
    ++values;
  }
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {
    ++values;
  }
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {
    ++values;
  }
  void OnMapEnd() override {}
};

}  // namespace

namespace {

// Whether yaml-cpp could have read a second document after `root`, the first document of
// `text`, without anyone noticing. A block mapping whose keys start at column 0 ends only at a
// line that starts a document ("---"), ends one ("...") or holds a directive ("%"), or at the
// end of the text: any other line at column 0 continues it (or is a syntax error). So such a
// root in a text without those lines is the only document, and the text need not be walked
// again. Anything else (a flow mapping, an indented or tagged root, a sequence, whose block
// ends at a line that is no entry) is walked.
bool may_hold_another_document(std::string_view text, const YAML::Node& root) {
  const YAML::Mark mark = root.Mark();
  if (!root.IsMap() || root.Style() != YAML::EmitterStyle::Block || mark.column != 0 ||
      mark.pos < 0 || static_cast<std::size_t>(mark.pos) >= text.size())
    return true;
  const char first = text[static_cast<std::size_t>(mark.pos)];
  if (first == '&' || first == '!' || text.substr(0, 3) == "\xEF\xBB\xBF") return true;
  for (std::size_t line = 0; line < text.size();) {
    const std::string_view start = text.substr(line, 3);
    if (start == "---" || start == "..." || start[0] == '%') return true;
    const std::size_t end = text.find('\n', line);
    if (end == std::string_view::npos) break;
    line = end + 1;
  }
  return false;
}

}  // namespace

bool YamlReader::single_document(std::string_view text) {
  // yaml-cpp's Load reads the first document and ignores the rest; its LoadAll never ends when
  // text after a document cannot start another (`"a",` then more). So walk the documents here.
  std::istringstream in{std::string(text)};
  YAML::Parser parser(in);
  DocumentCounter counter;
  std::size_t previous = std::string_view::npos;
  for (int k = 0; parser.HandleNextDocument(counter); ++k) {
    if (static_cast<std::size_t>(counter.start.pos) == previous) {
      report(Severity::error, {file_, counter.start.line + 1, counter.start.column + 1},
             "YAML syntax error: text after the end of the document that YAML cannot read (a "
             "stray ',' or ']', or a value where a key was expected?)",
             {});
      return false;
    }
    previous = static_cast<std::size_t>(counter.start.pos);
    if (k > 0 && counter.values > 0) {
      // Point at the '---' or '...' line that ends the first document, if there is one.
      int line = counter.start.line;
      for (int l = line; l >= 0; --l) {
        const std::string_view t = line_text(text, l);
        if (t.substr(0, 3) == "---" || t.substr(0, 3) == "...") {
          line = l;
          break;
        }
      }
      report(Severity::error, {file_, line + 1, 1},
             "a second YAML document starts here (after '---' or '...'); spur reads one "
             "document per file: remove the separator line so nothing after it is lost",
             {});
      return false;
    }
  }
  return true;
}

std::string too_big(std::size_t bytes) {
  return "the file is " + std::to_string(bytes) + " bytes; spur reads files up to " +
         std::to_string(limits::max_file_bytes >> 20) + " MB (" +
         std::to_string(limits::max_file_bytes) + " bytes)";
}

std::optional<YAML::Node> YamlReader::load_string(std::string_view text) {
  if (text.size() > limits::max_file_bytes) {
    report(Severity::error, {file_, 0, 0}, too_big(text.size()), {});
    return std::nullopt;
  }
  if (std::size_t bad = invalid_utf8(text); bad != std::string_view::npos) {
    auto [line, column] = position(text, bad);
    report(Severity::error, {file_, line, column},
           "the file is not valid UTF-8 here; save it as UTF-8 (Swedish letters å, ä, ö included)",
           {});
    return std::nullopt;
  }
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '\r' && (i + 1 == text.size() || text[i + 1] != '\n')) {
      auto [line, column] = position(text, i);
      report(Severity::error, {file_, line, column},
             "a line ends with a bare carriage return (CR, old Mac style); save the file with "
             "LF or CRLF line ends",
             {});
      return std::nullopt;
    }
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
      auto [line, column] = position(text, i);
      char code[8];
      std::snprintf(code, sizeof code, "U+%04X", c);
      report(Severity::error, {file_, line, column},
             std::string(c == 0 ? "a NUL byte" : "a control character") + " (" + code +
                 ") is not allowed in a YAML file; is it a text file? Remove the character",
             {});
      return std::nullopt;
    }
  }
  try {
    YAML::Node root = YAML::Load(std::string(text));
    if (may_hold_another_document(text, root) && !single_document(text)) return std::nullopt;
    if (!root.IsDefined() || root.IsNull()) {
      report(Severity::error, {file_, 1, 1}, "the file is empty; expected a YAML mapping", {});
      return std::nullopt;
    }
    // A file of n bytes holds about n values at most ({a,b,c}: 7 values in 7 bytes) unless
    // aliases repeat some.
    const int depth = nesting_depth(root, limits::max_nesting_depth, 2 * text.size() + 16);
    if (depth < 0) {
      report(Severity::error, {file_, 0, 0},
             "aliases (*name) repeat more values than the file holds; write the values out "
             "instead of repeating them through aliases",
             {});
      return std::nullopt;
    }
    if (depth > limits::max_nesting_depth) {
      report(Severity::error, {file_, 0, 0},
             "lists and mappings are nested more than " +
                 std::to_string(limits::max_nesting_depth) + " levels deep; spur reads at most " +
                 std::to_string(limits::max_nesting_depth),
             {});
      return std::nullopt;
    }
    return root;
  } catch (const YAML::DeepRecursion& e) {
    report(Severity::error, {file_, e.mark.line + 1, e.mark.column + 1},
           "lists and mappings are nested too deep here (yaml-cpp stops at 2000 levels); spur "
           "reads at most " +
               std::to_string(limits::max_nesting_depth),
           {});
    return std::nullopt;
  } catch (const YAML::Exception& e) {
    report(Severity::error, {file_, e.mark.line + 1, e.mark.column + 1},
           syntax_error(text, e.mark.line, e.msg), {});
    return std::nullopt;
  }
}

std::string syntax_error(std::string_view text, int line, const std::string& message) {
  // yaml-cpp's words ("illegal map value") do not say what to change; the usual causes do.
  for (int l : {line, line - 1}) {
    if (l < 0) continue;
    const std::string_view t = line_text(text, l);
    const std::size_t indent = t.find_first_not_of(" \t");
    if (t.substr(0, indent == std::string_view::npos ? t.size() : indent).find('\t') !=
        std::string_view::npos)
      return "YAML syntax error: line " + std::to_string(l + 1) +
             " is indented with a tab; YAML indents with spaces only (" + message + ")";
  }
  const std::string_view t = line_text(text, line);
  const std::size_t colon = t.find(": ");
  const std::size_t key_end = colon == std::string_view::npos ? t.size() : colon;
  const std::size_t key_start = t.find_first_not_of(" -");
  if (key_start != std::string_view::npos && key_end > key_start && key_end - key_start > 1024)
    return "YAML syntax error: a key of " + std::to_string(key_end - key_start) +
           " characters; YAML allows at most 1024 for a key followed by ':' (" + message + ")";
  return "YAML syntax error: " + message;
}

SourceLocation YamlReader::location(const YAML::Node& node) const {
  if (!node.IsDefined()) return {file_, 0, 0};
  const YAML::Mark mark = node.Mark();
  if (mark.is_null()) return {file_, 0, 0};
  return {file_, mark.line + 1, mark.column + 1};
}

void YamlReader::report(Severity severity, const SourceLocation& at, std::string message,
                        std::string requirement) {
  add_diagnostic(diagnostics_, {severity, at.file, at.line, at.column, std::move(message),
                                std::move(requirement)});
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

namespace {

// The keys of a mapping seen so far, to find one given twice. Most mappings are small: a list
// searched in turn, and a hash table once it grows.
class SeenKeys {
 public:
  // The line of the earlier `key`, or nothing when it is new (and is now seen at `line`).
  std::optional<int> seen(std::string_view key, int line) {
    if (!many_.empty()) {
      const auto [it, inserted] = many_.emplace(key, line);
      return inserted ? std::nullopt : std::optional<int>(it->second);
    }
    for (const auto& [k, l] : few_)
      if (k == key) return l;
    few_.emplace_back(key, line);
    if (few_.size() == 32) many_.insert(few_.begin(), few_.end());
    return std::nullopt;
  }

 private:
  std::vector<std::pair<std::string_view, int>> few_;
  std::unordered_map<std::string_view, int> many_;
};

// Reports a key given twice.
void unique_key(YamlReader& r, SeenKeys& keys, const YAML::Node& key, std::string_view what,
                const std::string& requirement) {
  // The key's text lives as long as the document, so the list can point into it.
  const std::string& text = key.Scalar();
  if (const auto first = keys.seen(text, key.Mark().line + 1))
    r.error(key,
            "'" + text + "' is given twice in " + std::string(what) + " (first at line " +
                std::to_string(*first) + "); keep one",
            requirement);
}

}  // namespace

void YamlReader::check_unique_keys(const YAML::Node& node, std::string_view what,
                                   const std::string& requirement) {
  if (!node.IsDefined() || !node.IsMap()) return;
  SeenKeys keys;
  for (auto it = node.begin(); it != node.end(); ++it) {
    const YAML::Node key = it->first;
    if (key.IsScalar()) unique_key(*this, keys, key, what, requirement);
  }
}

void YamlReader::check_keys(const YAML::Node& node, std::initializer_list<std::string_view> known,
                            std::string_view what, std::string requirement) {
  if (!node.IsDefined() || !node.IsMap()) return;
  SeenKeys keys;
  // Duplicates first, then each key's own problem, as two walks would report them.
  std::vector<std::pair<YAML::Node, std::string>> problems;
  for (auto it = node.begin(); it != node.end(); ++it) {
    const YAML::Node key = it->first;
    if (!key.IsScalar()) {
      problems.emplace_back(key, "keys of " + std::string(what) + " must be plain words");
      continue;
    }
    unique_key(*this, keys, key, what, requirement);
    const std::string& text = key.Scalar();
    if (text == "<<") {
      problems.emplace_back(key, "'<<' (a YAML merge key) is not supported in " +
                                     std::string(what) + "; write the keys out");
      continue;
    }
    if (std::find(known.begin(), known.end(), text) == known.end()) {
      std::vector<std::string> names(known.begin(), known.end());
      problems.emplace_back(key, "unknown key '" + text + "' in " + std::string(what) +
                                     " (allowed: " + join(names) + ")");
    }
  }
  for (auto& [key, message] : problems) error(key, std::move(message), requirement);
}

std::optional<std::string> YamlReader::scalar(const YAML::Node& node, std::string_view what,
                                              std::string requirement) {
  if (node.IsDefined() && node.IsScalar()) {
    if (node.Scalar().size() <= limits::max_text_bytes) return node.Scalar();
    error(node,
          std::string(what) + " is " + std::to_string(node.Scalar().size()) +
              " bytes long; spur reads values up to " +
              std::to_string(limits::max_text_bytes / 1024) + " KB",
          std::move(requirement));
    return std::nullopt;
  }
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
