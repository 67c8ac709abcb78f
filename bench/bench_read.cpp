// Reading inspections: a file's YAML, and the JSON that Python builds from dicts and frames.

#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>

#include "spur/inspection.hpp"

namespace {

// 74 findings in the short form, as inspections_from_frame writes them.
std::string findings_json() {
  std::string text =
      R"({"inspection": {"id": "u1", "regulations": ["sosfs-2015-8"]}, "findings": {)";
  const char* areas = "ABCDEFGH";
  const int sizes[] = {4, 10, 4, 13, 14, 6, 10, 13};
  bool first = true;
  for (int a = 0; a < 8; ++a)
    for (int n = 1; n <= sizes[a]; ++n) {
      text += first ? "" : ", ";
      first = false;
      text += "\"" + std::string(1, areas[a]) + std::to_string(n) + "\": \"met\"";
    }
  return text + "}}";
}

}  // namespace

static void BM_ParseJsonInspection74(benchmark::State& state) {
  const std::string text = findings_json();
  for (auto _ : state) benchmark::DoNotOptimize(spur::Inspection::parse_json(text, "<bench>"));
}
BENCHMARK(BM_ParseJsonInspection74)->Unit(benchmark::kMicrosecond);

static void BM_ParseYamlExample(benchmark::State& state) {
  std::ifstream in(std::filesystem::path(SPUR_SOURCE_DIR) / "examples" /
                   "palliativ-sydostra-skane.yaml");
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string text = buffer.str();
  for (auto _ : state) benchmark::DoNotOptimize(spur::Inspection::parse(text, "<bench>"));
}
BENCHMARK(BM_ParseYamlExample)->Unit(benchmark::kMicrosecond);
