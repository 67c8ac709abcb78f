// The rule graph: evaluation order, prerequisites and dependents, affected areas, and the
// Graphviz drawing, on the bundled rule book and on small scratch books.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <set>
#include <string>
#include <vector>

#include "spur/rule_book.hpp"
#include "support.hpp"

namespace spur {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::StartsWith;
using ::testing::UnorderedElementsAre;
using ::testing::UnorderedElementsAreArray;

constexpr const char* sosfs = "sosfs-2015-8";
constexpr const char* hslf = "hslf-fs-2021-8";

std::size_t index_of(const std::vector<std::string>& order, const std::string& id) {
  auto it = std::find(order.begin(), order.end(), id);
  EXPECT_NE(it, order.end()) << id << " is missing from the evaluation order";
  return static_cast<std::size_t>(it - order.begin());
}

// The ids of `ids` in the order they take in `order`.
std::vector<std::string> ordered_like(const std::vector<std::string>& order,
                                      const std::set<std::string>& ids) {
  std::vector<std::string> out;
  for (const auto& id : order)
    if (ids.count(id)) out.push_back(id);
  return out;
}

// A scratch book whose one regulation has a chain A1 requires A2 requires A3, and A4 alone.
std::string chain_regulation() {
  return R"(regulation: chain
title: Chain
model: spur-st
requirements:
  - {id: A1, area: A, kind: provision, text: a1, requires: [A2], confidence: high, source: {document: D}}
  - {id: A2, area: A, kind: provision, text: a2, requires: [A3], confidence: high, source: {document: D}}
  - {id: A3, area: A, kind: provision, text: a3, confidence: high, source: {document: D}}
  - {id: A4, area: A, kind: indicator, text: a4, confidence: high, source: {document: D}}
  - {id: D1, area: D, kind: provision, text: d1, requires: [A3], confidence: high, source: {document: D}}
)";
}

TEST(Graph, EvaluationOrderHoldsEveryRequirementOnce) {
  const RuleBook& book = test::bundled();
  for (const auto& reg : book.regulations()) {
    const auto order = book.evaluation_order(reg.id);
    std::vector<std::string> ids;
    for (const auto& q : reg.requirements) ids.push_back(q.id);
    EXPECT_THAT(order, UnorderedElementsAreArray(ids)) << reg.id;
  }
  EXPECT_EQ(book.evaluation_order(sosfs).size(), 74u);
  EXPECT_EQ(book.evaluation_order(hslf).size(), 73u);
}

TEST(Graph, EvaluationOrderPutsPrerequisitesFirst) {
  const RuleBook& book = test::bundled();
  for (const auto& reg : book.regulations()) {
    const auto order = book.evaluation_order(reg.id);
    for (const auto& q : reg.requirements)
      for (const auto& p : q.prerequisites)
        EXPECT_LT(index_of(order, p), index_of(order, q.id))
            << reg.id << ": " << p << " must come before " << q.id;
  }
  const auto order = book.evaluation_order(sosfs);
  const std::vector<std::pair<std::string, std::string>> before{
      {"E2", "E4"}, {"D6", "E4"}, {"D6", "F1"}, {"B4", "D8"},  {"H6", "H7"},
      {"E2", "B1"}, {"D6", "D7"}, {"H8", "H9"}, {"B4", "B10"}, {"H6", "H10"}};
  for (const auto& [first, then] : before)
    EXPECT_LT(index_of(order, first), index_of(order, then)) << first << " before " << then;
}

TEST(Graph, DirectPrerequisites) {
  const RuleBook& book = test::bundled();
  for (const char* reg : {sosfs, hslf}) {
    const auto order = book.evaluation_order(reg);
    EXPECT_EQ(book.prerequisites(reg, "E4"), ordered_like(order, {"E2", "D6"})) << reg;
    EXPECT_THAT(book.prerequisites(reg, "E4"), UnorderedElementsAre("E2", "D6")) << reg;
    EXPECT_THAT(book.prerequisites(reg, "D8"), ElementsAre("B4")) << reg;
    EXPECT_TRUE(book.prerequisites(reg, "E2").empty()) << reg;
    EXPECT_TRUE(book.prerequisites(reg, "A1").empty()) << reg;
  }
}

TEST(Graph, Dependents) {
  const RuleBook& book = test::bundled();
  for (const char* reg : {sosfs, hslf}) {
    const auto order = book.evaluation_order(reg);
    const auto d6 = book.dependents(reg, "D6");
    EXPECT_THAT(d6, UnorderedElementsAre("D7", "E1", "E4", "F1", "F3", "F4", "F5")) << reg;
    EXPECT_EQ(d6, ordered_like(order, {d6.begin(), d6.end()})) << "in evaluation order";
    EXPECT_THAT(book.dependents(reg, "E2"), UnorderedElementsAre("B1", "B2", "E4", "E10")) << reg;
    EXPECT_THAT(book.dependents(reg, "B4"),
                UnorderedElementsAre("B7", "B10", "D8", "D9", "D10", "D11"))
        << reg;
    EXPECT_THAT(book.dependents(reg, "H6"), UnorderedElementsAre("H7", "H10")) << reg;
    EXPECT_THAT(book.dependents(reg, "H8"), UnorderedElementsAre("H9", "H11")) << reg;
    EXPECT_TRUE(book.dependents(reg, "E4").empty()) << reg;
  }
}

TEST(Graph, TransitivePrerequisitesComeFirst) {
  test::ScratchRules rules;
  rules.regulation("chain", chain_regulation());
  const RuleBook book = RuleBook::load(rules.path());
  EXPECT_THAT(book.prerequisites("chain", "A1"), ElementsAre("A3", "A2"));
  EXPECT_THAT(book.prerequisites("chain", "A2"), ElementsAre("A3"));
  EXPECT_TRUE(book.prerequisites("chain", "A3").empty());
  EXPECT_THAT(book.prerequisites("chain", "D1"), ElementsAre("A3"));
}

TEST(Graph, TransitiveDependents) {
  test::ScratchRules rules;
  rules.regulation("chain", chain_regulation());
  const RuleBook book = RuleBook::load(rules.path());
  const auto dependents = book.dependents("chain", "A3");
  EXPECT_THAT(dependents, UnorderedElementsAre("A2", "A1", "D1"));
  // Order follows evaluation: A2 before A1, since A1 requires A2.
  EXPECT_LT(index_of(dependents, "A2"), index_of(dependents, "A1"));
  EXPECT_THAT(book.dependents("chain", "A2"), ElementsAre("A1"));
  EXPECT_TRUE(book.dependents("chain", "A4").empty());

  const auto order = book.evaluation_order("chain");
  EXPECT_LT(index_of(order, "A3"), index_of(order, "A2"));
  EXPECT_LT(index_of(order, "A2"), index_of(order, "A1"));
  EXPECT_LT(index_of(order, "A3"), index_of(order, "D1"));
}

TEST(Graph, TransitiveDependentsAcrossAChainOfThree) {
  test::ScratchRules rules;
  rules.regulation("chain", R"(regulation: chain
title: Chain
model: spur-st
requirements:
  - {id: A1, area: A, kind: provision, text: a1, requires: [A2], confidence: high, source: {document: D}}
  - {id: A2, area: A, kind: provision, text: a2, requires: [A3], confidence: high, source: {document: D}}
  - {id: A3, area: A, kind: provision, text: a3, confidence: high, source: {document: D}}
)");
  const RuleBook book = RuleBook::load(rules.path());
  EXPECT_THAT(book.prerequisites("chain", "A1"), ElementsAre("A3", "A2"));
  EXPECT_THAT(book.dependents("chain", "A3"), ElementsAre("A2", "A1"));
  EXPECT_THAT(book.evaluation_order("chain"), ElementsAre("A3", "A2", "A1"));
}

TEST(Graph, AffectedAreas) {
  const RuleBook& book = test::bundled();
  for (const char* reg : {sosfs, hslf}) {
    EXPECT_THAT(book.affected_areas(reg, "D6"), ElementsAre("D", "E", "F")) << reg;
    EXPECT_THAT(book.affected_areas(reg, "B4"), ElementsAre("B", "D")) << reg;
    EXPECT_THAT(book.affected_areas(reg, "E2"), ElementsAre("B", "E")) << reg;
    EXPECT_THAT(book.affected_areas(reg, "H6"), ElementsAre("H")) << reg;
    EXPECT_THAT(book.affected_areas(reg, "A1"), ElementsAre("A")) << reg;
  }
}

TEST(Graph, AffectedAreasFollowTransitiveDependents) {
  test::ScratchRules rules;
  rules.regulation("chain", chain_regulation());
  const RuleBook book = RuleBook::load(rules.path());
  EXPECT_THAT(book.affected_areas("chain", "A3"), ElementsAre("A", "D"));
  EXPECT_THAT(book.affected_areas("chain", "A2"), ElementsAre("A"));
}

TEST(Graph, UnknownRequirementThrowsLookupError) {
  const RuleBook& book = test::bundled();
  try {
    book.prerequisites(sosfs, "Z99");
    FAIL() << "expected LookupError";
  } catch (const LookupError& e) {
    EXPECT_THAT(e.what(), HasSubstr("Z99"));
    EXPECT_THAT(e.what(), HasSubstr(sosfs));
    EXPECT_EQ(e.requirement(), "Z99");
  }
  EXPECT_THROW(book.dependents(sosfs, "Z99"), LookupError);
  EXPECT_THROW(book.affected_areas(sosfs, "Z99"), LookupError);
  // G11 exists, but only in 2021:8.
  EXPECT_THROW(book.dependents(sosfs, "G11"), LookupError);
  EXPECT_NO_THROW(book.dependents(hslf, "G11"));
  // G5 was removed from 2021:8.
  EXPECT_THROW(book.prerequisites(hslf, "G5"), LookupError);
}

TEST(Graph, UnknownRegulationThrowsLookupError) {
  const RuleBook& book = test::bundled();
  try {
    book.evaluation_order("sosfs-1999-1");
    FAIL() << "expected LookupError";
  } catch (const LookupError& e) {
    EXPECT_THAT(e.what(), HasSubstr("sosfs-1999-1"));
    EXPECT_THAT(e.what(), HasSubstr(sosfs));  // lists the known ones
    EXPECT_THAT(e.what(), HasSubstr(hslf));
  }
  EXPECT_THROW(book.prerequisites("nope", "E4"), LookupError);
  EXPECT_THROW(book.dependents("nope", "E4"), LookupError);
  EXPECT_THROW(book.affected_areas("nope", "E4"), LookupError);
}

TEST(Graph, DotHasRequiresEdgesAndOneClusterPerRegulation) {
  const std::string dot = test::bundled().to_dot();
  EXPECT_THAT(dot, StartsWith("digraph"));
  EXPECT_THAT(dot, HasSubstr("\"sosfs-2015-8/E4\" -> \"sosfs-2015-8/E2\" [label=\"requires\"]"));
  EXPECT_THAT(dot, HasSubstr("\"sosfs-2015-8/E4\" -> \"sosfs-2015-8/D6\" [label=\"requires\"]"));
  EXPECT_THAT(dot,
              HasSubstr("\"hslf-fs-2021-8/E4\" -> \"hslf-fs-2021-8/E2\" [label=\"requires\"]"));
  EXPECT_THAT(dot, HasSubstr("subgraph \"cluster_sosfs-2015-8\""));
  EXPECT_THAT(dot, HasSubstr("subgraph \"cluster_hslf-fs-2021-8\""));
  EXPECT_THAT(dot, HasSubstr("\"reg:hslf-fs-2021-8\" -> \"reg:sosfs-2015-8\""));
  // Exactly as many requires edges as the rule files write: 4 + 7 + 6 + 2 + 2 per regulation.
  std::size_t edges = 0;
  for (std::size_t at = dot.find("[label=\"requires\"]"); at != std::string::npos;
       at = dot.find("[label=\"requires\"]", at + 1))
    ++edges;
  EXPECT_EQ(edges, 2u * 21u);
  // Nothing after the closing brace.
  EXPECT_EQ(dot.substr(dot.size() - 2), "}\n");
}

TEST(Graph, DotIsValidGraphviz) {
  if (std::system("command -v dot > /dev/null 2>&1") != 0)
    GTEST_SKIP() << "graphviz 'dot' is not installed";
  test::ScratchDir dir;
  const auto input = dir.write("rules.dot", test::bundled().to_dot());
  const auto output = dir.path() / "rules.svg";
  const std::string command = "dot -Tsvg \"" + input.string() + "\" -o \"" + output.string() +
                              "\" 2> \"" + (dir.path() / "errors.txt").string() + "\"";
  EXPECT_EQ(std::system(command.c_str()), 0) << test::read_file(dir.path() / "errors.txt");
  EXPECT_THAT(test::read_file(output), HasSubstr("<svg"));
}

}  // namespace
}  // namespace spur
