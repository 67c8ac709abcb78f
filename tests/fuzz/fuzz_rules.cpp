// Fuzzes the rule loader: the input is a regulation.yaml beside the bundled model, loaded and
// validated as `spur validate --rules DIR` does, then listed as JSON.

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "spur/json.hpp"
#include "spur/rule_book.hpp"

namespace fs = std::filesystem;

namespace {
// A rules folder of this process: the bundled model and the regulation under test. Never
// destroyed (removed at exit), so that the exit handler can still name it.
const fs::path& rules_folder() {
  static const fs::path* dir = [] {
    fs::path base = fs::exists("/dev/shm") ? fs::path("/dev/shm") : fs::temp_directory_path();
    auto* d = new fs::path(base / ("spur-fuzz-rules-" + std::to_string(::getpid())));
    fs::create_directories(*d / "spur-st");
    fs::create_directories(*d / "fuzzed");
    fs::copy_file(SPUR_SOURCE_DIR "/rules/spur-st/model.yaml", *d / "spur-st" / "model.yaml",
                  fs::copy_options::overwrite_existing);
    return d;
  }();
  static const bool cleanup = [] {
    std::atexit([] {
      std::error_code ec;
      fs::remove_all(*dir, ec);
    });
    return true;
  }();
  (void)cleanup;
  return *dir;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const fs::path& dir = rules_folder();
  {
    std::ofstream out(dir / "fuzzed" / "regulation.yaml", std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  spur::LoadResult result = spur::load_rules(dir);
  for (const auto& d : result.diagnostics) (void)d.format();
  if (result.book)
    for (const auto& r : result.book->regulations()) (void)spur::to_json(r).dump();
  return 0;
}
