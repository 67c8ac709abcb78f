#pragma once
// Small helpers shared by the test suites: paths, scratch rule directories, running the command.

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "spur/rule_book.hpp"

namespace spur::test {

inline std::filesystem::path source_dir() {
  return SPUR_SOURCE_DIR;
}
inline std::filesystem::path rules_dir() {
  return source_dir() / "rules";
}
inline std::filesystem::path data_dir() {
  return source_dir() / "tests" / "data";
}

/// The bundled rule book, loaded once for the whole test run.
inline const RuleBook& bundled() {
  static const RuleBook book = RuleBook::load(rules_dir());
  return book;
}

inline std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline void write_file(const std::filesystem::path& p, const std::string& text) {
  std::filesystem::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << text;
}

/// A fresh directory under the system temp dir, removed when the object goes.
class ScratchDir {
 public:
  ScratchDir() {
    std::random_device rd;
    path_ = std::filesystem::temp_directory_path() / ("spur-test-" + std::to_string(rd()));
    std::filesystem::create_directories(path_);
  }
  ~ScratchDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  /// Write `text` to `relative` inside the directory; returns the full path.
  std::filesystem::path write(const std::string& relative, const std::string& text) const {
    write_file(path_ / relative, text);
    return path_ / relative;
  }

 private:
  std::filesystem::path path_;
};

/// A scratch rules directory holding the bundled model, ready for test regulations.
class ScratchRules : public ScratchDir {
 public:
  ScratchRules() {
    std::filesystem::create_directories(path() / "spur-st");
    std::filesystem::copy_file(rules_dir() / "spur-st" / "model.yaml",
                               path() / "spur-st" / "model.yaml");
  }
  /// Write `rules/<folder>/regulation.yaml`; returns its path.
  std::filesystem::path regulation(const std::string& folder, const std::string& yaml) const {
    return write(folder + "/regulation.yaml", yaml);
  }
};

/// The bundled rules plus "chain-test", a delta of SOSFS 2015:8 whose F7 requires E4 (which
/// requires E2): the bundled rules have no chains of preconditions, tests need one.
inline const RuleBook& chain_book() {
  static const RuleBook book = [] {
    ScratchRules rules;
    rules.regulation("sosfs-2015-8", read_file(rules_dir() / "sosfs-2015-8" / "regulation.yaml"));
    rules.regulation("chain-test", R"(regulation: chain-test
title: Test
model: spur-st
based_on: sosfs-2015-8
add:
  - {id: F7, area: F, kind: advice, text: "Test.", requires: [E4], confidence: low,
     source: {document: test, paragraph: null}}
)");
    return RuleBook::load(rules.path());
  }();
  return book;
}

/// A path in double quotes, for a command line. (Built up step by step: GCC 12 warns falsely
/// on `"..." + std::string`.)
inline std::string quoted(const std::filesystem::path& p) {
  std::string out = "\"";
  out += p.string();
  out += '"';
  return out;
}

// Paths inside the source tree are written relative to it, so golden files do not depend on
// where the tree is checked out.
inline void relativise(nlohmann::json& j, const std::string& prefix) {
  if (j.is_string()) {
    auto s = j.get<std::string>();
    if (s.rfind(prefix, 0) == 0) j = s.substr(prefix.size());
  } else if (j.is_structured()) {
    for (auto& item : j) relativise(item, prefix);
  }
}

// Compares `actual` with the golden file, or rewrites it when SPUR_UPDATE_GOLDEN is set.
inline void expect_golden(nlohmann::json actual, const std::filesystem::path& golden) {
  relativise(actual, source_dir().string() + "/");
  if (std::getenv("SPUR_UPDATE_GOLDEN")) {
    write_file(golden, actual.dump(2) + "\n");
    GTEST_SKIP() << "rewrote " << golden;
  }
  ASSERT_TRUE(std::filesystem::exists(golden))
      << golden << " is missing; run the tests with SPUR_UPDATE_GOLDEN=1 to create it";
  const nlohmann::json expected = nlohmann::json::parse(read_file(golden));
  EXPECT_EQ(actual, expected) << "differences (JSON patch from expected to actual):\n"
                              << nlohmann::json::diff(expected, actual).dump(2);
}

struct RunResult {
  int exit_code = -1;
  std::string out;  // stdout and stderr together
};

/// Run the spur command with `args` (shell syntax), capturing its output.
inline RunResult run_spur(const std::string& args) {
  RunResult r;
  const std::string command = std::string("\"") + SPUR_EXE + "\" " + args + " 2>&1";
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return r;
  std::array<char, 4096> buffer;
  std::size_t n;
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) r.out.append(buffer.data(), n);
  int status = pclose(pipe);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

}  // namespace spur::test
