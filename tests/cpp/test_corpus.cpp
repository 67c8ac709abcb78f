// The bundled rules against the domain catalogue (tests/data/catalogue.tsv) and the
// preconditions of spur-model.md section 4: what the rule files say is what the domain says.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "spur/rule_book.hpp"
#include "support.hpp"

namespace spur {
namespace {

using ::testing::HasSubstr;
using ::testing::IsEmpty;

constexpr const char* sosfs = "sosfs-2015-8";
constexpr const char* hslf = "hslf-fs-2021-8";

struct CatalogueRow {
  std::string id;
  std::string area;
  std::map<std::string, std::string> kind;  // regulation -> kind, or "-" when not part of it
  std::string confidence;
  std::string text;
};

std::vector<std::string> split(const std::string& line, char separator) {
  std::vector<std::string> out;
  std::string field;
  std::istringstream in(line);
  while (std::getline(in, field, separator)) out.push_back(field);
  if (!line.empty() && line.back() == separator) out.emplace_back();
  return out;
}

const std::vector<CatalogueRow>& catalogue() {
  static const std::vector<CatalogueRow> rows = [] {
    std::vector<CatalogueRow> out;
    std::istringstream in(test::read_file(test::data_dir() / "catalogue.tsv"));
    std::string line;
    std::getline(in, line);
    const auto header = split(line, '\t');
    EXPECT_EQ(header, (std::vector<std::string>{"id", "area", sosfs, hslf, "confidence", "text"}));
    while (std::getline(in, line)) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line.empty()) continue;
      const auto f = split(line, '\t');
      EXPECT_EQ(f.size(), 6u) << line;
      if (f.size() != 6) continue;
      out.push_back({f[0], f[1], {{sosfs, f[2]}, {hslf, f[3]}}, f[4], f[5]});
    }
    return out;
  }();
  return rows;
}

// The catalogue's ids of one regulation, in catalogue order.
std::vector<std::string> catalogue_ids(const std::string& regulation) {
  std::vector<std::string> out;
  for (const auto& row : catalogue())
    if (row.kind.at(regulation) != "-") out.push_back(row.id);
  return out;
}

std::vector<std::string> book_ids(const Regulation& reg) {
  std::vector<std::string> out;
  for (const auto& q : reg.requirements) out.push_back(q.id);
  return out;
}

// Section 4 of spur-model.md: prerequisite -> dependents, the same in both regulations.
const std::map<std::string, std::set<std::string>>& preconditions() {
  static const std::map<std::string, std::set<std::string>> edges{
      {"E2", {"B1", "B2", "E4", "E10"}},
      {"D6", {"D7", "E1", "E4", "F1", "F3", "F4", "F5"}},
      {"B4", {"B7", "B10", "D8", "D9", "D10", "D11"}},
      {"H6", {"H7", "H10"}},
      {"H8", {"H9", "H11"}},
  };
  return edges;
}

TEST(Corpus, CatalogueHas75Requirements) {
  EXPECT_EQ(catalogue().size(), 75u);
  EXPECT_EQ(catalogue_ids(sosfs).size(), 74u);
  EXPECT_EQ(catalogue_ids(hslf).size(), 73u);
}

TEST(Corpus, WholeRulesDirectoryLoadsWithoutDiagnostics) {
  const LoadResult result = load_rules(test::rules_dir());
  for (const auto& d : result.diagnostics) ADD_FAILURE() << d.format();
  ASSERT_TRUE(result.book.has_value());
  EXPECT_THAT(result.book->warnings(), IsEmpty());
  EXPECT_EQ(result.book->model().id, "spur-st");
}

TEST(Corpus, EveryFolderUnderRulesIsLoaded) {
  const RuleBook& book = test::bundled();
  std::set<std::string> folders;
  for (const auto& entry : std::filesystem::directory_iterator(test::rules_dir())) {
    if (!entry.is_directory()) continue;
    const std::string name = entry.path().filename().string();
    folders.insert(name);
    const bool is_model = std::filesystem::exists(entry.path() / "model.yaml");
    const bool is_regulation = std::filesystem::exists(entry.path() / "regulation.yaml");
    EXPECT_TRUE(is_model != is_regulation)
        << "rules/" << name << " must hold either model.yaml or regulation.yaml";
    if (is_model) {
      EXPECT_EQ(book.model().id, name) << "the model's folder is named after it";
    } else if (is_regulation) {
      const Regulation* reg = book.find_regulation(name);
      ASSERT_NE(reg, nullptr) << "rules/" << name << " did not load as regulation " << name;
      EXPECT_THAT(reg->file, HasSubstr(name));
    }
  }
  std::set<std::string> expected{book.model().id};
  for (const auto& reg : book.regulations()) expected.insert(reg.id);
  EXPECT_EQ(folders, expected);
}

TEST(Corpus, RegulationsAndTheirSizes) {
  const RuleBook& book = test::bundled();
  ASSERT_EQ(book.regulations().size(), 2u);
  EXPECT_EQ(book.regulation(sosfs).requirements.size(), 74u);
  EXPECT_EQ(book.regulation(hslf).requirements.size(), 73u);
  EXPECT_FALSE(book.regulation(sosfs).based_on.has_value());
  EXPECT_EQ(book.regulation(hslf).based_on, std::optional<std::string>(sosfs));
  for (const auto& reg : book.regulations()) EXPECT_EQ(reg.model, "spur-st") << reg.id;
  // Every id of either regulation, once, in catalogue order.
  std::vector<std::string> all;
  for (const auto& row : catalogue()) all.push_back(row.id);
  EXPECT_EQ(book.requirement_ids(), all);
}

class CorpusRegulation : public ::testing::TestWithParam<std::string> {};

TEST_P(CorpusRegulation, IdsMatchTheCatalogueInOrder) {
  const Regulation& reg = test::bundled().regulation(GetParam());
  const auto expected = catalogue_ids(GetParam());
  const auto actual = book_ids(reg);
  EXPECT_EQ(std::set<std::string>(actual.begin(), actual.end()),
            std::set<std::string>(expected.begin(), expected.end()));
  EXPECT_EQ(actual, expected);
}

TEST_P(CorpusRegulation, KindAreaTextAndConfidenceMatchTheCatalogue) {
  const Regulation& reg = test::bundled().regulation(GetParam());
  for (const auto& row : catalogue()) {
    const std::string& kind = row.kind.at(GetParam());
    const Requirement* q = reg.find(row.id);
    if (kind == "-") {
      EXPECT_EQ(q, nullptr) << row.id << " is not part of " << GetParam();
      continue;
    }
    ASSERT_NE(q, nullptr) << row.id << " is missing from " << GetParam();
    EXPECT_EQ(to_string(q->kind), kind) << row.id;
    EXPECT_EQ(q->area, row.area) << row.id;
    EXPECT_EQ(q->text, row.text) << row.id;
    EXPECT_EQ(to_string(q->confidence), row.confidence) << row.id;
  }
}

TEST_P(CorpusRegulation, PreconditionsAreExactlyThoseOfTheDomain) {
  const Regulation& reg = test::bundled().regulation(GetParam());
  std::map<std::string, std::set<std::string>> actual;  // prerequisite -> dependents
  for (const auto& q : reg.requirements)
    for (const auto& p : q.prerequisites) actual[p].insert(q.id);
  EXPECT_EQ(actual, preconditions());
  for (const auto& [prerequisite, dependents] : preconditions())
    for (const auto& d : dependents) {
      const Requirement* q = reg.find(d);
      ASSERT_NE(q, nullptr) << d;
      EXPECT_EQ(std::count(q->prerequisites.begin(), q->prerequisites.end(), prerequisite), 1)
          << d << " lists " << prerequisite << " once";
    }
}

TEST_P(CorpusRegulation, GraphHasTheSameEdges) {
  const RuleBook& book = test::bundled();
  for (const auto& [prerequisite, dependents] : preconditions()) {
    const auto found = book.dependents(GetParam(), prerequisite);
    EXPECT_EQ(std::set<std::string>(found.begin(), found.end()), dependents) << prerequisite;
  }
}

TEST_P(CorpusRegulation, EveryRequirementCitesADocumentWithoutAParagraph) {
  const Regulation& reg = test::bundled().regulation(GetParam());
  for (const auto& q : reg.requirements) {
    EXPECT_FALSE(q.source.document.empty()) << q.id << " has no source document";
    EXPECT_FALSE(q.source.paragraph.has_value())
        << q.id << " cites paragraph '" << q.source.paragraph.value_or("")
        << "', but paragraphs stay empty until verified";
    EXPECT_THAT(q.location.file, HasSubstr("regulation.yaml")) << q.id;
    EXPECT_GT(q.location.line, 0) << q.id;
  }
}

INSTANTIATE_TEST_SUITE_P(Corpus, CorpusRegulation, ::testing::Values(sosfs, hslf),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           std::string name = info.param;
                           for (char& c : name)
                             if (c == '-') c = '_';
                           return name;
                         });

TEST(Corpus, SourcesNameTheirRegulation) {
  const RuleBook& book = test::bundled();
  for (const auto& q : book.regulation(sosfs).requirements)
    EXPECT_EQ(q.source.document, "SOSFS 2015:8") << q.id;
  // What 2021:8 adds or amends cites 2021:8.
  EXPECT_EQ(book.regulation(hslf).find("G11")->source.document, "HSLF-FS 2021:8");
  EXPECT_EQ(book.regulation(hslf).find("E7")->source.document, "HSLF-FS 2021:8");
}

TEST(Corpus, HeadOfDepartmentNotesOnE4ToE6) {
  const Regulation& reg = test::bundled().regulation(sosfs);
  for (const char* id : {"E4", "E5", "E6"}) {
    const Requirement* q = reg.find(id);
    ASSERT_NE(q, nullptr) << id;
    EXPECT_THAT(q->note, HasSubstr("verksamhetschef")) << id;
  }
}

TEST(Corpus, DifferencesBetweenTheRegulations) {
  const RuleBook& book = test::bundled();
  const Regulation& old_reg = book.regulation(sosfs);
  const Regulation& new_reg = book.regulation(hslf);
  EXPECT_EQ(old_reg.find("E7")->kind, Kind::advice);
  EXPECT_EQ(new_reg.find("E7")->kind, Kind::provision);
  EXPECT_EQ(new_reg.find("E7")->text, old_reg.find("E7")->text);
  EXPECT_EQ(old_reg.find("G5")->confidence, Confidence::low);
  EXPECT_EQ(old_reg.find("G6")->confidence, Confidence::low);
  EXPECT_EQ(new_reg.find("G5"), nullptr);
  EXPECT_EQ(new_reg.find("G6"), nullptr);
  EXPECT_EQ(old_reg.find("G11"), nullptr);
  ASSERT_NE(new_reg.find("G11"), nullptr);
  EXPECT_EQ(new_reg.find("G11")->kind, Kind::indicator);
  // Everything else is the same requirement.
  for (const auto& q : new_reg.requirements) {
    if (q.id == "E7" || q.id == "G11") continue;
    const Requirement* o = old_reg.find(q.id);
    ASSERT_NE(o, nullptr) << q.id;
    EXPECT_EQ(q.kind, o->kind) << q.id;
    EXPECT_EQ(q.text, o->text) << q.id;
    EXPECT_EQ(q.prerequisites, o->prerequisites) << q.id;
  }
}

TEST(Corpus, LowConfidenceClassificationsAreTheDomainsJudgementCalls) {
  std::set<std::string> low;
  for (const auto& q : test::bundled().regulation(sosfs).requirements)
    if (q.confidence == Confidence::low) low.insert(q.id);
  EXPECT_EQ(low, (std::set<std::string>{"D12", "E13", "H12", "G5", "G6"}));
}

TEST(Corpus, ModelMatchesTheDomain) {
  const Model& model = test::bundled().model();
  EXPECT_EQ(model.policy.at("isolated_exceptions"), 1);
  const std::map<std::string, std::string> scales{
      {"A", "three-step-a"}, {"B", "four-step"}, {"C", "three-step-c"}, {"D", "four-step"},
      {"E", "four-step"},    {"F", "four-step"}, {"G", "four-step"},    {"H", "four-step"}};
  ASSERT_EQ(model.areas.size(), 8u);
  for (const auto& area : model.areas) {
    EXPECT_EQ(area.scale, scales.at(area.id)) << area.id;
    EXPECT_EQ(area.section, area.id < "D" ? "struktur" : "process") << area.id;
    const bool has_preamble = area.id == "A" || area.id == "C" || area.id == "D" || area.id == "F";
    EXPECT_EQ(!area.preamble.empty(), has_preamble) << area.id;
  }
  // The three-step areas are exactly those without advice.
  std::set<std::string> with_advice, with_c_step;
  for (const auto& reg : test::bundled().regulations())
    for (const auto& q : reg.requirements)
      if (q.kind == Kind::advice) with_advice.insert(q.area);
  for (const auto& area : model.areas)
    if (model.find_scale(area.scale)->has_grade(Grade::C)) with_c_step.insert(area.id);
  EXPECT_EQ(with_advice, with_c_step);
}

}  // namespace
}  // namespace spur
