// Finding the bundled rules without being told where they are.

#include <dlfcn.h>

#include <algorithm>
#include <cstdlib>
#include <mutex>

#include "spur/rule_book.hpp"

namespace spur {

namespace fs = std::filesystem;

namespace {

bool holds_rules(const fs::path& dir) {
  std::error_code ec;
  return fs::exists(dir / "spur-st" / "model.yaml", ec);
}

struct InstalledRules {
  std::mutex mutex;
  fs::path directory;
};

InstalledRules& installed_rules() {
  static InstalledRules rules;  // constructed on first use: safe from other static initialisers
  return rules;
}

fs::path installed_rules_directory() {
  InstalledRules& r = installed_rules();
  std::lock_guard lock(r.mutex);
  return r.directory;
}

// The running program, as the kernel knows it (argv[0] may be relative or a bare name).
fs::path program_file() {
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  return ec ? fs::path() : exe;
}

// The file holding this code: the program, or the shared library (the Python module) spur is
// linked into.
fs::path module_file() {
  Dl_info info{};
  if (dladdr(reinterpret_cast<void*>(&module_file), &info) == 0 || info.dli_fname == nullptr)
    return {};
  fs::path file = info.dli_fname;
  return file.is_absolute() ? file : fs::path();
}

}  // namespace

namespace detail {
bool use_installed_rules_directory(const char* directory) {
  InstalledRules& r = installed_rules();
  std::lock_guard lock(r.mutex);
  r.directory = directory ? fs::path(directory) : fs::path();
  return true;
}
}  // namespace detail

fs::path find_rules_directory(const fs::path& program_directory) {
  std::vector<fs::path> tried;
  auto consider = [&](const fs::path& dir) {
    if (dir.empty()) return false;
    tried.push_back(dir);
    return holds_rules(dir);
  };
  if (const char* env = std::getenv("SPUR_RULES"); env && *env) {
    if (consider(env)) return env;
    throw FileError("SPUR_RULES names " + std::string(env) +
                    ", which holds no rules (expected spur-st/model.yaml in it)");
  }
  if (auto d = installed_rules_directory(); consider(d)) return d;
  // Beside a program or library: an install prefix (bin/ and share/), a folder with the rules
  // in it, or the Python package (spur/bin/spur and spur/rules).
  std::vector<fs::path> beside;
  for (const fs::path& dir :
       {program_directory, module_file().parent_path(), program_file().parent_path()}) {
    if (dir.empty()) continue;
    for (fs::path d :
         {dir / ".." / "share" / "spur" / "rules", dir / "rules", dir / ".." / "rules"}) {
      d = d.lexically_normal();
      if (std::find(beside.begin(), beside.end(), d) == beside.end()) beside.push_back(d);
    }
  }
  for (const auto& d : beside)
    if (consider(d)) return d;
  if (consider(SPUR_INSTALL_RULES_DIR)) return SPUR_INSTALL_RULES_DIR;
  if (consider(SPUR_SOURCE_RULES_DIR)) return SPUR_SOURCE_RULES_DIR;
  std::string where;
  for (const auto& t : tried) where += "\n  " + t.string();
  throw FileError("cannot find the bundled rules; give --rules DIR or set SPUR_RULES. Looked in:" +
                  where);
}

fs::path bundled_rules_directory() {
  return find_rules_directory({});
}

}  // namespace spur
