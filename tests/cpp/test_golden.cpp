// Golden tests: every tests/data/inspections/*.yaml evaluated with the bundled rules must give
// exactly the JSON beside it. SPUR_UPDATE_GOLDEN=1 rewrites the JSON files (then review the diff).

#include <gtest/gtest.h>

#include <cstdlib>

#include "spur/json.hpp"
#include "support.hpp"

namespace spur::test {
namespace {

std::vector<std::filesystem::path> golden_inputs() {
  std::vector<std::filesystem::path> out;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(data_dir() / "inspections", ec))
    if (e.path().extension() == ".yaml") out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

class Golden : public ::testing::TestWithParam<std::filesystem::path> {};

TEST_P(Golden, EvaluationMatchesJson) {
  const auto input = GetParam();
  auto golden = input;
  golden.replace_extension(".json");
  expect_golden(to_json(evaluate(bundled(), Inspection::load(input))), golden);
}

INSTANTIATE_TEST_SUITE_P(Inspections, Golden, ::testing::ValuesIn(golden_inputs()),
                         [](const auto& info) {
                           std::string name = info.param.stem().string();
                           for (char& c : name)
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           return name;
                         });

TEST(GoldenSet, CoversAtLeastTwelveInspections) {
  EXPECT_GE(golden_inputs().size(), 12u);
}

}  // namespace
}  // namespace spur::test
