// Finding the bundled rules without being told where they are.

#include <cstdlib>

#include "spur/rule_book.hpp"

namespace spur {

namespace {
bool holds_rules(const std::filesystem::path& dir) {
  std::error_code ec;
  return std::filesystem::exists(dir / "spur-st" / "model.yaml", ec);
}
}  // namespace

std::filesystem::path find_rules_directory(const std::filesystem::path& program_directory) {
  std::vector<std::filesystem::path> tried;
  auto consider = [&](const std::filesystem::path& dir) {
    tried.push_back(dir);
    return holds_rules(dir);
  };
  if (const char* env = std::getenv("SPUR_RULES"); env && *env) {
    if (consider(env)) return env;
    throw FileError("SPUR_RULES names " + std::string(env) +
                    ", which holds no rules (expected spur-st/model.yaml in it)");
  }
  if (!program_directory.empty()) {
    if (auto d = program_directory / ".." / "share" / "spur" / "rules"; consider(d))
      return d.lexically_normal();
    if (auto d = program_directory / "rules"; consider(d)) return d;
  }
  if (consider(SPUR_INSTALL_RULES_DIR)) return SPUR_INSTALL_RULES_DIR;
  if (consider(SPUR_SOURCE_RULES_DIR)) return SPUR_SOURCE_RULES_DIR;
  std::string where;
  for (const auto& t : tried) where += "\n  " + t.string();
  throw FileError("cannot find the bundled rules; give --rules DIR or set SPUR_RULES. Looked in:" +
                  where);
}

std::filesystem::path bundled_rules_directory() {
  return find_rules_directory({});
}

}  // namespace spur
