// Golden tests: every tests/data/inspections/*.yaml evaluated with the bundled rules must give
// exactly the JSON beside it. SPUR_UPDATE_GOLDEN=1 rewrites the JSON files (then review the diff).

#include <gtest/gtest.h>

#include <cstdlib>

#include "spur/json.hpp"
#include "support.hpp"

namespace spur::test {
namespace {

// Paths inside the source tree are written relative to it, so golden files do not depend on
// where the tree is checked out.
void relativise(nlohmann::json& j, const std::string& prefix) {
  if (j.is_string()) {
    auto s = j.get<std::string>();
    if (s.rfind(prefix, 0) == 0) j = s.substr(prefix.size());
  } else if (j.is_structured()) {
    for (auto& item : j) relativise(item, prefix);
  }
}

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
  nlohmann::json actual = to_json(evaluate(bundled(), Inspection::load(input)));
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
