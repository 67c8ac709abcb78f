// Loading rule files: every problem a rule author can make is reported with the file, the line
// and a message that says what to change; a sound delta resolves into a complete regulation.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "spur/error.hpp"
#include "spur/rule_book.hpp"
#include "support.hpp"

namespace spur {
namespace {

using ::testing::ElementsAre;
using ::testing::EndsWith;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;

constexpr const char* regulation_yaml = "regulation.yaml";
constexpr const char* model_yaml = "model.yaml";

// Every diagnostic, one a line, for failure messages.
std::string dump(const std::vector<Diagnostic>& diagnostics) {
  std::string out;
  for (const auto& d : diagnostics) out += "\n  " + d.format();
  return out.empty() ? "\n  (no diagnostics)" : out;
}

const Diagnostic* find(const LoadResult& result, const std::string& text) {
  for (const auto& d : result.diagnostics)
    if (d.message.find(text) != std::string::npos) return &d;
  return nullptr;
}

// True when some error's message holds `text`, in a file ending with `file`, at `line` (and
// `column`, when given).
::testing::AssertionResult HasError(const LoadResult& result, const std::string& file, int line,
                                    const std::string& text, int column = 0) {
  const Diagnostic* d = find(result, text);
  if (!d)
    return ::testing::AssertionFailure()
           << "no diagnostic says \"" << text << "\"; got:" << dump(result.diagnostics);
  if (d->severity != Severity::error)
    return ::testing::AssertionFailure() << "not an error: " << d->format();
  if (d->file.size() < file.size() ||
      d->file.compare(d->file.size() - file.size(), file.size(), file) != 0)
    return ::testing::AssertionFailure()
           << "expected a diagnostic in " << file << ", got " << d->format();
  if (d->line != line)
    return ::testing::AssertionFailure()
           << "expected line " << line << ", got " << d->format() << dump(result.diagnostics);
  if (column && d->column != column)
    return ::testing::AssertionFailure() << "expected column " << column << ", got " << d->format();
  return ::testing::AssertionSuccess();
}

int error_count(const LoadResult& result) {
  return static_cast<int>(
      std::count_if(result.diagnostics.begin(), result.diagnostics.end(),
                    [](const Diagnostic& d) { return d.severity == Severity::error; }));
}

// The 1-based line of the first occurrence of `needle` in `text`.
int line_of(const std::string& text, const std::string& needle) {
  const auto at = text.find(needle);
  EXPECT_NE(at, std::string::npos) << "'" << needle << "' is not in the text";
  if (at == std::string::npos) return 0;
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + at, '\n'));
}

// A sound one-requirement regulation, for tests that break the model.
const char* const small_regulation = R"(regulation: r
title: T
model: spur-st
requirements:
  - {id: A1, area: A, kind: provision, text: x, confidence: high, source: {document: D}}
)";

// Replace `from` by `to` in the scratch model; returns the line where `to` now stands.
int edit_model(const test::ScratchRules& rules, const std::string& from, const std::string& to) {
  const auto path = rules.path() / "spur-st" / "model.yaml";
  std::string text = test::read_file(path);
  const auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << "'" << from << "' is not in model.yaml";
  if (at == std::string::npos) return 0;
  text.replace(at, from.size(), to);
  test::write_file(path, text);
  return line_of(text, to);
}

LoadResult load_with_model_edit(const std::string& from, const std::string& to, int& line) {
  test::ScratchRules rules;
  rules.regulation("r", small_regulation);
  line = edit_model(rules, from, to);
  return load_rules(rules.path());
}

LoadResult load_regulation(const std::string& yaml) {
  test::ScratchRules rules;
  rules.regulation("r", yaml);
  return load_rules(rules.path());
}

// --- sound input -------------------------------------------------------------------------

TEST(Loader, SmallRegulationLoads) {
  const LoadResult result = load_regulation(small_regulation);
  EXPECT_THAT(result.diagnostics, IsEmpty()) << dump(result.diagnostics);
  ASSERT_TRUE(result.book);
  const Regulation& reg = result.book->regulation("r");
  ASSERT_EQ(reg.requirements.size(), 1u);
  EXPECT_EQ(reg.requirements[0].id, "A1");
  EXPECT_EQ(reg.requirements[0].text, "x");
  EXPECT_EQ(reg.requirements[0].source.document, "D");
  EXPECT_FALSE(reg.requirements[0].source.paragraph);
  EXPECT_THAT(reg.requirements[0].location.file, EndsWith(regulation_yaml));
  EXPECT_EQ(reg.requirements[0].location.line, 5);
}

// --- YAML itself ---------------------------------------------------------------------------

TEST(Loader, YamlSyntaxError) {
  const LoadResult result = load_regulation(R"(regulation: r
title: T
model: spur-st
requirements:
  - id: A1
    area: A: B
    kind: provision
)");
  EXPECT_FALSE(result.book);
  EXPECT_TRUE(HasError(result, regulation_yaml, 6, "YAML syntax error", 12));
  EXPECT_EQ(error_count(result), 1) << dump(result.diagnostics);
}

TEST(Loader, YamlBadIndentation) {
  const LoadResult result = load_regulation(R"(regulation: r
title: T
model: spur-st
requirements:
  - id: A1
    area: A
   kind: provision
    text: x
)");
  EXPECT_FALSE(result.book);
  EXPECT_TRUE(HasError(result, regulation_yaml, 7, "YAML syntax error"));
}

TEST(Loader, YamlSyntaxErrorInModel) {
  int line = 0;
  const LoadResult result =
      load_with_model_edit("  - {id: B, name:", "  - {id: B, name: [unclosed,", line);
  EXPECT_FALSE(result.book);
  EXPECT_TRUE(HasError(result, model_yaml, line, "YAML syntax error"));
  // The broken model says what is wrong with it, not that there is no model.
  EXPECT_EQ(find(result, "no model.yaml"), nullptr) << dump(result.diagnostics);
  EXPECT_EQ(error_count(result), 1) << dump(result.diagnostics);
}

TEST(Loader, EmptyModel) {
  test::ScratchRules rules;
  rules.regulation("r", small_regulation);
  rules.write("spur-st/model.yaml", "");
  const LoadResult result = load_rules(rules.path());
  EXPECT_FALSE(result.book);
  EXPECT_TRUE(HasError(result, model_yaml, 1, "the file is empty"));
  EXPECT_EQ(error_count(result), 1) << dump(result.diagnostics);
}

TEST(Loader, EmptyFile) {
  const LoadResult result = load_regulation("");
  EXPECT_FALSE(result.book);
  EXPECT_TRUE(HasError(result, regulation_yaml, 1, "the file is empty; expected a YAML mapping"));
}

TEST(Loader, FileWithOnlyCommentsIsEmpty) {
  const LoadResult result = load_regulation("# nothing here yet\n");
  EXPECT_FALSE(result.book);
  EXPECT_TRUE(HasError(result, regulation_yaml, 1, "the file is empty"));
}

TEST(Loader, FileThatIsNotAMapping) {
  const LoadResult result = load_regulation("- just\n- a list\n");
  EXPECT_FALSE(result.book);
  EXPECT_TRUE(HasError(result, regulation_yaml, 1, "a regulation file must be a mapping"));
}

// --- fields ----------------------------------------------------------------------------------

TEST(Loader, MissingField) {
  const LoadResult result = load_regulation(R"(regulation: r
title: T
model: spur-st
requirements:
  - id: A1
    area: A
    kind: provision
    confidence: high
    source: {document: D}
)");
  EXPECT_FALSE(result.book);
  EXPECT_TRUE(HasError(result, regulation_yaml, 5, "requirement A1 lacks the field 'text'"));
  EXPECT_EQ(find(result, "lacks the field 'text'")->requirement, "A1");
}

TEST(Loader, MissingSourceSaysHowToWriteIt) {
  const LoadResult result = load_regulation(R"(regulation: r
title: T
model: spur-st
requirements:
  - {id: A1, area: A, kind: provision, text: x, confidence: high}
)");
  EXPECT_FALSE(result.book);
  EXPECT_TRUE(
      HasError(result, regulation_yaml, 5,
               "lacks the field 'source' (write source: {document: ..., paragraph: null})"));
}

TEST(Loader, MissingId) {
  const LoadResult result = load_regulation(R"(regulation: r
title: T
model: spur-st
requirements:
  - {id: A1, area: A, kind: provision, text: x, confidence: high, source: {document: D}}
  - {area: A, kind: provision, text: y, confidence: high, source: {document: D}}
)");
  EXPECT_FALSE(result.book);
  EXPECT_TRUE(HasError(result, regulation_yaml, 6, "a requirement lacks the field 'id'"));
}

TEST(Loader, MissingRegulationHeader) {
  const LoadResult result = load_regulation(R"(title: T
model: spur-st
requirements:
  - {id: A1, area: A, kind: provision, text: x, confidence: high, source: {document: D}}
)");
  EXPECT_FALSE(result.book);
  EXPECT_TRUE(HasError(result, regulation_yaml, 1, "lacks the field 'regulation'"));
}

TEST(Loader, RequiresAsScalar) {
  const LoadResult result = load_regulation(R"(regulation: r
title: T
model: spur-st
requirements:
  - id: E2
    area: E
    kind: provision
    text: x
    confidence: high
    source: {document: D}
  - id: E4
    area: E
    kind: provision
    text: y
    requires: E2
    confidence: high
    source: {document: D}
)");
  EXPECT_FALSE(result.book);
  EXPECT_TRUE(HasError(result, regulation_yaml, 15,
                       "'requires' of E4 must be a list such as [A1, A2], not text", 15));
}

TEST(Loader, TextAsList) {
  const LoadResult result = load_regulation(R"(regulation: r
title: T
model: spur-st
requirements:
  - id: A1
    area: A
    kind: provision
    text: [first, second]
    confidence: high
    source: {document: D}
)");
  EXPECT_FALSE(result.book);
  EXPECT_TRUE(
      HasError(result, regulation_yaml, 8, "requirement A1: 'text' must be text, not a list"));
}

TEST(Loader, UnknownKindListsTheAllowedOnes) {
  const LoadResult result = load_regulation(R"(regulation: r
title: T
model: spur-st
requirements:
  - id: A1
    area: A
    kind: provison
    text: x
    confidence: high
    source: {document: D}
)");
  EXPECT_FALSE(result.book);
  EXPECT_TRUE(HasError(result, regulation_yaml, 7,
                       "unknown kind 'provison' for A1 (allowed: provision, advice, indicator)",
                       11));
}

TEST(Loader, UnknownAreaListsTheModelsAreas) {
  const LoadResult result = load_regulation(R"(regulation: r
title: T
model: spur-st
requirements:
  - id: Q1
    area: Q
    kind: provision
    text: x
    confidence: high
    source: {document: D}
)");
  EXPECT_FALSE(result.book);
  EXPECT_TRUE(HasError(result, regulation_yaml, 6,
                       "unknown area 'Q' for Q1 (areas: A, B, C, D, E, F, G, H)", 11));
}

TEST(Loader, UnknownConfidence) {
  const LoadResult result = load_regulation(R"(regulation: r
title: T
model: spur-st
requirements:
  - {id: A1, area: A, kind: provision, text: x, confidence: sure, source: {document: D}}
)");
  EXPECT_FALSE(result.book);
  EXPECT_TRUE(HasError(result, regulation_yaml, 5,
                       "unknown confidence 'sure' for A1 (allowed: high, medium, low)"));
}

TEST(Loader, UnknownKeyInARequirement) {
  const LoadResult result = load_regulation(R"(regulation: r
title: T
model: spur-st
requirements:
  - id: E2
    area: E
    kind: provision
    text: x
    confidence: high
    source: {document: D}
  - id: E4
    area: E
    kind: provision
    text: y
    requries: [E2]
    confidence: high
    source: {document: D}
)");
  EXPECT_FALSE(result.book);
  EXPECT_TRUE(HasError(result, regulation_yaml, 15, "unknown key 'requries' in requirement E4", 5));
  EXPECT_THAT(find(result, "requries")->message, HasSubstr("requires"));  // lists the allowed keys
}

TEST(Loader, UnknownKeyInARegulationFile) {
  const LoadResult result = load_regulation(R"(regulation: r
title: T
model: spur-st
basedon: sosfs-2015-8
requirements:
  - {id: A1, area: A, kind: provision, text: x, confidence: high, source: {document: D}}
)");
  EXPECT_FALSE(result.book);
  EXPECT_TRUE(HasError(result, regulation_yaml, 4, "unknown key 'basedon' in a regulation file"));
  EXPECT_THAT(find(result, "basedon")->message, HasSubstr("based_on"));
}

// --- the model -----------------------------------------------------------------------------

TEST(Loader, UnknownScale) {
  int line = 0;
  const LoadResult result = load_with_model_edit("scale: three-step-a", "scale: five-step", line);
  EXPECT_FALSE(result.book);
  EXPECT_TRUE(HasError(result, model_yaml, line,
                       "unknown scale 'five-step' for area A (scales: four-step, three-step-a, "
                       "three-step-c)"));
}

TEST(Loader, UnknownPolicyInAWhen) {
  int line = 0;
  const LoadResult result = load_with_model_edit(
      "when: \"indicator.unmet > policy.isolated_exceptions\"", "when: \"policy.foo > 0\"", line);
  EXPECT_FALSE(result.book);
  EXPECT_TRUE(HasError(result, model_yaml, line,
                       "cannot read when \"policy.foo > 0\" at column 1: unknown policy 'foo' "
                       "(known: isolated_exceptions)"));
}

TEST(Loader, UnknownPolicyKey) {
  int line = 0;
  const LoadResult result =
      load_with_model_edit("policy:\n", "policy:\n  isolated_exeptions: 2\n", line);
  EXPECT_FALSE(result.book);
  EXPECT_TRUE(HasError(result, model_yaml, line + 1,
                       "unknown policy 'isolated_exeptions' (known: isolated_exceptions)"));
}

TEST(Loader, NegativePolicy) {
  int line = 0;
  const LoadResult result =
      load_with_model_edit("isolated_exceptions: 1", "isolated_exceptions: -1", line);
  EXPECT_FALSE(result.book);
  EXPECT_TRUE(
      HasError(result, model_yaml, line, "policy isolated_exceptions must not be negative"));
}

TEST(Loader, WhenThatEndsTooEarly) {
  int line = 0;
  const LoadResult result =
      load_with_model_edit("when: \"advice.unmet > 0\"", "when: \"provision.unmet >\"", line);
  EXPECT_FALSE(result.book);
  EXPECT_TRUE(HasError(result, model_yaml, line,
                       "in scale four-step, grade C: cannot read when \"provision.unmet >\" at "
                       "column 18: the condition ends too early"));
}

TEST(Loader, WhenWithADoubledOperator) {
  int line = 0;
  const LoadResult result =
      load_with_model_edit("when: \"advice.unmet > 0\"", "when: \"provision.unmet > > 0\"", line);
  EXPECT_FALSE(result.book);
  EXPECT_TRUE(HasError(result, model_yaml, line, "at column 19: unexpected '>'"));
}

TEST(Loader, WhenNamingAnUnknownMetric) {
  int line = 0;
  const LoadResult result =
      load_with_model_edit("when: \"advice.unmet > 0\"", "when: \"provision.foo > 0\"", line);
  EXPECT_FALSE(result.book);
  EXPECT_TRUE(HasError(result, model_yaml, line, "unknown count 'provision.foo'"));
  EXPECT_THAT(find(result, "provision.foo")->message, HasSubstr("metrics: met, unmet"));
}

TEST(Loader, WhenNamingAnUnknownKind) {
  int line = 0;
  const LoadResult result =
      load_with_model_edit("when: \"advice.unmet > 0\"", "when: \"widget.unmet > 0\"", line);
  EXPECT_FALSE(result.book);
  EXPECT_TRUE(HasError(result, model_yaml, line, "unknown count 'widget.unmet'"));
  EXPECT_THAT(find(result, "widget.unmet")->message,
              HasSubstr("kinds: provision, advice, indicator, any"));
}

TEST(Loader, UnknownGrade) {
  int line = 0;
  const LoadResult result = load_with_model_edit("- grade: C", "- grade: E", line);
  EXPECT_FALSE(result.book);
  EXPECT_TRUE(HasError(result, model_yaml, line, "unknown grade 'E' (grades: A, B, C, D)"));
}

// --- references between files --------------------------------------------------------------

TEST(Loader, UnknownModel) {
  const LoadResult result = load_regulation(R"(regulation: r
title: T
model: spur-xx
requirements:
  - {id: A1, area: A, kind: provision, text: x, confidence: high, source: {document: D}}
)");
  EXPECT_FALSE(result.book);
  EXPECT_TRUE(HasError(result, regulation_yaml, 3, "unknown model 'spur-xx' (known: spur-st)", 8));
}

TEST(Loader, UnknownBaseRegulation) {
  test::ScratchRules rules;
  rules.regulation("base", R"(regulation: base
title: T
model: spur-st
requirements:
  - {id: A1, area: A, kind: provision, text: x, confidence: high, source: {document: D}}
)");
  rules.regulation("delta", R"(regulation: delta
title: T
model: spur-st
based_on: sosfs-1999-1
remove: [A1]
)");
  const LoadResult result = load_rules(rules.path());
  EXPECT_FALSE(result.book);
  EXPECT_TRUE(HasError(result, "delta/regulation.yaml", 4,
                       "unknown regulation 'sosfs-1999-1' in based_on of delta (known: base)", 11));
  EXPECT_EQ(error_count(result), 1) << dump(result.diagnostics);
}

TEST(Loader, BasedOnLoop) {
  test::ScratchRules rules;
  rules.regulation("a", R"(regulation: a
title: T
model: spur-st
based_on: b
remove: [A1]
)");
  rules.regulation("b", R"(regulation: b
title: T
model: spur-st
based_on: a
remove: [A1]
)");
  const LoadResult result = load_rules(rules.path());
  EXPECT_FALSE(result.book);
  EXPECT_TRUE(HasError(result, "a/regulation.yaml", 4, "based_on chain loops: a -> b -> a"));
  // Reported once, not once per regulation in the loop, and not also as missing bases.
  EXPECT_EQ(error_count(result), 1) << dump(result.diagnostics);
}

TEST(Loader, RegulationBasedOnItself) {
  test::ScratchRules rules;
  rules.regulation("a", R"(regulation: a
title: T
model: spur-st
based_on: a
remove: [A1]
)");
  const LoadResult result = load_rules(rules.path());
  EXPECT_FALSE(result.book);
  EXPECT_TRUE(HasError(result, "a/regulation.yaml", 4, "based_on chain loops: a -> a"));
}

TEST(Loader, RegulationDefinedTwice) {
  test::ScratchRules rules;
  rules.regulation("one", small_regulation);
  rules.regulation("two", small_regulation);
  const LoadResult result = load_rules(rules.path());
  EXPECT_FALSE(result.book);
  EXPECT_TRUE(HasError(result, "two/regulation.yaml", 1, "regulation 'r' is defined twice"));
}

// --- requirements within a regulation ---------------------------------------------------------

TEST(Loader, DuplicateIdNamesTheFirstLine) {
  const LoadResult result = load_regulation(R"(regulation: r
title: T
model: spur-st
requirements:
  - {id: A1, area: A, kind: provision, text: x, confidence: high, source: {document: D}}
  - {id: A2, area: A, kind: provision, text: y, confidence: high, source: {document: D}}
  - {id: A1, area: A, kind: indicator, text: z, confidence: high, source: {document: D}}
)");
  EXPECT_FALSE(result.book);
  EXPECT_TRUE(HasError(result, regulation_yaml, 7,
                       "duplicate requirement id 'A1' in r (first defined at line 5)"));
  EXPECT_EQ(find(result, "duplicate")->requirement, "A1");
}

TEST(Loader, RequiresAnUnknownId) {
  const LoadResult result = load_regulation(R"(regulation: r
title: T
model: spur-st
requirements:
  - {id: A1, area: A, kind: provision, text: x, confidence: high, source: {document: D}}
  - {id: A2, area: A, kind: provision, text: y, requires: [A1, A9], confidence: high, source: {document: D}}
)");
  EXPECT_FALSE(result.book);
  EXPECT_TRUE(HasError(result, regulation_yaml, 6, "A2 requires 'A9', which r does not define"));
  EXPECT_EQ(error_count(result), 1) << dump(result.diagnostics);
}

TEST(Loader, RequiresItself) {
  const LoadResult result = load_regulation(R"(regulation: r
title: T
model: spur-st
requirements:
  - {id: A1, area: A, kind: provision, text: x, requires: [A1], confidence: high, source: {document: D}}
)");
  EXPECT_FALSE(result.book);
  EXPECT_TRUE(HasError(result, regulation_yaml, 5, "A1 requires itself"));
}

TEST(Loader, RequiresCycleNamesEveryIdInOrder) {
  const LoadResult result = load_regulation(R"(regulation: r
title: T
model: spur-st
requirements:
  - {id: A4, area: A, kind: indicator, text: w, confidence: high, source: {document: D}}
  - {id: A1, area: A, kind: provision, text: x, requires: [A2], confidence: high, source: {document: D}}
  - {id: A2, area: A, kind: provision, text: y, requires: [A3], confidence: high, source: {document: D}}
  - {id: A3, area: A, kind: provision, text: z, requires: [A1, A4], confidence: high, source: {document: D}}
)");
  EXPECT_FALSE(result.book);
  EXPECT_TRUE(HasError(result, regulation_yaml, 6, "requires forms a cycle: A1 -> A2 -> A3 -> A1"));
  EXPECT_EQ(find(result, "cycle")->requirement, "A1");
  EXPECT_EQ(error_count(result), 1) << dump(result.diagnostics);
}

TEST(Loader, AdviceInAreaWithoutCStep) {
  const LoadResult result = load_regulation(R"(regulation: r
title: T
model: spur-st
requirements:
  - {id: A1, area: A, kind: advice, text: x, confidence: high, source: {document: D}}
  - {id: B1, area: B, kind: advice, text: y, confidence: high, source: {document: D}}
  - {id: C1, area: C, kind: advice, text: z, confidence: high, source: {document: D}}
)");
  EXPECT_FALSE(result.book);
  EXPECT_TRUE(HasError(result, regulation_yaml, 5,
                       "advice A1 in area A, whose scale three-step-a has no C step"));
  EXPECT_TRUE(HasError(result, regulation_yaml, 7,
                       "advice C1 in area C, whose scale three-step-c has no C step"));
  EXPECT_THAT(find(result, "advice A1")->message, HasSubstr("make it a provision or an indicator"));
  EXPECT_EQ(error_count(result), 2) << dump(result.diagnostics);  // B is four-step: fine
}

TEST(Loader, IdNotStartingWithItsAreaIsAWarning) {
  const LoadResult result = load_regulation(R"(regulation: r
title: T
model: spur-st
requirements:
  - {id: X1, area: A, kind: provision, text: x, confidence: high, source: {document: D}}
)");
  ASSERT_TRUE(result.book) << dump(result.diagnostics);
  ASSERT_EQ(result.diagnostics.size(), 1u);
  EXPECT_EQ(result.diagnostics[0].severity, Severity::warning);
  EXPECT_THAT(result.diagnostics[0].message,
              HasSubstr("id X1 does not start with its area letter A"));
  EXPECT_EQ(result.diagnostics[0].line, 5);
  EXPECT_EQ(result.book->warnings().size(), 1u);
}

TEST(Loader, SeveralProblemsAreAllReported) {
  const LoadResult result = load_regulation(R"(regulation: r
title: T
model: spur-st
requirements:
  - {id: A1, area: A, kind: provison, text: x, confidence: high, source: {document: D}}
  - {id: A2, area: A, kind: provision, text: y, confidence: high, source: {document: D}}
  - {id: A3, area: Q, kind: provision, text: z, confidence: high, source: {document: D}}
)");
  EXPECT_FALSE(result.book);
  EXPECT_EQ(error_count(result), 2) << dump(result.diagnostics);
  EXPECT_TRUE(HasError(result, regulation_yaml, 5, "unknown kind 'provison'"));
  EXPECT_TRUE(HasError(result, regulation_yaml, 7, "unknown area 'Q'"));
  // In file order.
  ASSERT_EQ(result.diagnostics.size(), 2u);
  EXPECT_LT(result.diagnostics[0].line, result.diagnostics[1].line);
}

TEST(Loader, ProblemsInSeveralFilesAreAllReported) {
  test::ScratchRules rules;
  rules.regulation("r", R"(regulation: r
title: T
model: spur-st
requirements:
  - {id: A1, area: A, kind: provision, text: x, confidence: high, source: {document: D}}
  - {id: A1, area: A, kind: provision, text: x, confidence: high, source: {document: D}}
)");
  rules.regulation("s", R"(regulation: s
title: T
model: spur-st
requirements:
  - {id: B1, area: B, kind: provision, text: x, requires: [B9], confidence: high, source: {document: D}}
)");
  edit_model(rules, "scale: three-step-c", "scale: two-step");
  const LoadResult result = load_rules(rules.path());
  EXPECT_FALSE(result.book);
  EXPECT_EQ(error_count(result), 3) << dump(result.diagnostics);
  EXPECT_TRUE(HasError(result, "r/regulation.yaml", 6, "duplicate requirement id 'A1'"));
  EXPECT_TRUE(HasError(result, "s/regulation.yaml", 5, "B1 requires 'B9'"));
  const Diagnostic* d = find(result, "unknown scale 'two-step'");
  ASSERT_NE(d, nullptr) << dump(result.diagnostics);
  EXPECT_THAT(d->file, EndsWith(model_yaml));
}

// --- deltas --------------------------------------------------------------------------------

const char* const delta_base = R"(regulation: base
title: Base
model: spur-st
requirements:
  - {id: E2, area: E, kind: provision, text: e2, confidence: high, source: {document: Base}}
  - {id: E7, area: E, kind: advice, text: e7, confidence: medium, source: {document: Base}}
  - {id: G5, area: G, kind: provision, text: g5, confidence: low, source: {document: Base}}
  - {id: G10, area: G, kind: indicator, text: g10, requires: [G5], confidence: high, source: {document: Base}}
  - {id: H1, area: H, kind: provision, text: h1, confidence: medium, source: {document: Base}}
)";

TEST(Loader, AmendOfAnUnknownId) {
  test::ScratchRules rules;
  rules.regulation("base", delta_base);
  rules.regulation("delta", R"(regulation: delta
title: T
model: spur-st
based_on: base
amend:
  - {id: E7, kind: provision}
  - {id: E99, kind: provision}
)");
  const LoadResult result = load_rules(rules.path());
  EXPECT_FALSE(result.book);
  EXPECT_TRUE(HasError(result, "delta/regulation.yaml", 7,
                       "cannot amend 'E99': base has no such requirement", 5));
  EXPECT_EQ(error_count(result), 1) << dump(result.diagnostics);
}

TEST(Loader, RemoveOfAnUnknownId) {
  test::ScratchRules rules;
  rules.regulation("base", delta_base);
  rules.regulation("delta", R"(regulation: delta
title: T
model: spur-st
based_on: base
remove:
  - H1
  - H99
)");
  const LoadResult result = load_rules(rules.path());
  EXPECT_FALSE(result.book);
  EXPECT_TRUE(HasError(result, "delta/regulation.yaml", 7,
                       "cannot remove 'H99': base has no such requirement", 5));
  EXPECT_EQ(error_count(result), 1) << dump(result.diagnostics);
}

TEST(Loader, RemovingAPrerequisiteIsReported) {
  test::ScratchRules rules;
  rules.regulation("base", delta_base);
  rules.regulation("delta", R"(regulation: delta
title: T
model: spur-st
based_on: base
remove: [G5]
)");
  const LoadResult result = load_rules(rules.path());
  EXPECT_FALSE(result.book);
  // G10 still requires G5; the message names the delta that lost it.
  EXPECT_TRUE(HasError(result, "base/regulation.yaml", 8,
                       "G10 requires 'G5', which delta does not define"));
}

TEST(Loader, InheritedProblemsAreReportedOnce) {
  test::ScratchRules rules;
  rules.regulation("base", R"(regulation: base
title: Base
model: spur-st
requirements:
  - {id: A1, area: A, kind: advice, text: x, confidence: high, source: {document: D}}
  - {id: B1, area: B, kind: provision, text: y, requires: [B9], confidence: high, source: {document: D}}
  - {id: B2, area: B, kind: provision, text: z, confidence: high, source: {document: D}}
)");
  rules.regulation("delta", R"(regulation: delta
title: T
model: spur-st
based_on: base
amend:
  - {id: B2, kind: advice}
)");
  const LoadResult result = load_rules(rules.path());
  EXPECT_FALSE(result.book);
  EXPECT_TRUE(HasError(result, "base/regulation.yaml", 5, "advice A1 in area A"));
  EXPECT_TRUE(HasError(result, "base/regulation.yaml", 6, "B1 requires 'B9', which base"));
  EXPECT_EQ(error_count(result), 2) << dump(result.diagnostics);
}

TEST(Loader, AmendThatBreaksARuleIsReportedAtTheAmend) {
  test::ScratchRules rules;
  rules.regulation(
      "base",
      delta_base +
          std::string(
              R"(  - {id: A1, area: A, kind: provision, text: a1, confidence: high, source: {document: Base}}
)"));
  rules.regulation("delta", R"(regulation: delta
title: T
model: spur-st
based_on: base
amend:
  - {id: A1, kind: advice}
)");
  const LoadResult result = load_rules(rules.path());
  EXPECT_FALSE(result.book);
  EXPECT_TRUE(HasError(result, "delta/regulation.yaml", 6, "advice A1 in area A"));
  EXPECT_EQ(error_count(result), 1) << dump(result.diagnostics);
}

TEST(Loader, DeltaListsOnlyChanges) {
  test::ScratchRules rules;
  rules.regulation("base", delta_base);
  rules.regulation("delta", R"(regulation: delta
title: T
model: spur-st
based_on: base
requirements:
  - {id: A1, area: A, kind: provision, text: x, confidence: high, source: {document: D}}
)");
  const LoadResult result = load_rules(rules.path());
  EXPECT_FALSE(result.book);
  EXPECT_TRUE(HasError(result, "delta/regulation.yaml", 6, "use amend, remove and add"));
}

TEST(Loader, ChangesNeedABase) {
  const LoadResult result = load_regulation(R"(regulation: r
title: T
model: spur-st
requirements:
  - {id: A1, area: A, kind: provision, text: x, confidence: high, source: {document: D}}
remove: [A1]
)");
  EXPECT_FALSE(result.book);
  EXPECT_TRUE(HasError(result, regulation_yaml, 6, "'remove' needs based_on"));
}

TEST(Loader, GoodDeltaResolves) {
  test::ScratchRules rules;
  rules.regulation("base", delta_base);
  rules.regulation("delta", R"(regulation: delta
title: Delta
model: spur-st
based_on: base
amend:
  - {id: E7, kind: provision, note: "now binding"}
remove: [G5]
add:
  - {id: G11, area: G, kind: indicator, text: g11, confidence: high, source: {document: Delta}}
amend_note_is_not_a_key: false
)");
  // The unknown key above is an error; take it out and load for real.
  LoadResult bad = load_rules(rules.path());
  EXPECT_FALSE(bad.book);
  EXPECT_TRUE(HasError(bad, "delta/regulation.yaml", 10, "unknown key 'amend_note_is_not_a_key'"));

  rules.regulation("delta", R"(regulation: delta
title: Delta
model: spur-st
based_on: base
amend:
  - {id: E7, kind: provision, note: "now binding"}
remove: [G5]
add:
  - {id: G11, area: G, kind: indicator, text: g11, confidence: high, source: {document: Delta}}
)");
  // G10 requires G5, which the delta removes: drop that edge in the base for this test.
  std::string base = delta_base;
  base.replace(base.find(", requires: [G5]"), std::string(", requires: [G5]").size(), "");
  rules.regulation("base", base);

  const LoadResult result = load_rules(rules.path());
  EXPECT_THAT(result.diagnostics, IsEmpty()) << dump(result.diagnostics);
  ASSERT_TRUE(result.book);
  const Regulation& reg = result.book->regulation("delta");
  EXPECT_EQ(reg.based_on, std::optional<std::string>("base"));
  std::vector<std::string> ids;
  for (const auto& q : reg.requirements) ids.push_back(q.id);
  EXPECT_THAT(ids, ElementsAre("E2", "E7", "G10", "G11", "H1"));
  // Amended: the new kind and note, everything else inherited.
  const Requirement* e7 = reg.find("E7");
  ASSERT_NE(e7, nullptr);
  EXPECT_EQ(e7->kind, Kind::provision);
  EXPECT_EQ(e7->note, "now binding");
  EXPECT_EQ(e7->text, "e7");
  EXPECT_EQ(e7->confidence, Confidence::medium);
  EXPECT_EQ(e7->source.document, "Base");
  EXPECT_THAT(e7->location.file, HasSubstr("delta"));
  // Removed and added.
  EXPECT_EQ(reg.find("G5"), nullptr);
  ASSERT_NE(reg.find("G11"), nullptr);
  EXPECT_EQ(reg.find("G11")->source.document, "Delta");
  // The base itself is untouched.
  const Regulation& b = result.book->regulation("base");
  EXPECT_EQ(b.requirements.size(), 5u);
  EXPECT_EQ(b.find("E7")->kind, Kind::advice);
  EXPECT_NE(b.find("G5"), nullptr);
  EXPECT_EQ(b.find("G11"), nullptr);
  // Every id of the book, once, in catalogue order.
  EXPECT_THAT(result.book->requirement_ids(), ElementsAre("E2", "E7", "G5", "G10", "G11", "H1"));
}

TEST(Loader, BundledDeltaKeepsCatalogueOrder) {
  const Regulation& reg = test::bundled().regulation("hslf-fs-2021-8");
  EXPECT_EQ(reg.requirements.size(), 73u);
  std::vector<std::string> ids;
  for (const auto& q : reg.requirements) ids.push_back(q.id);
  auto at = [&](const std::string& id) {
    return std::find(ids.begin(), ids.end(), id) - ids.begin();
  };
  EXPECT_EQ(at("G11"), at("G10") + 1);
  EXPECT_EQ(at("H1"), at("G11") + 1);
  EXPECT_EQ(reg.find("E7")->kind, Kind::provision);
  EXPECT_EQ(reg.find("G5"), nullptr);
  EXPECT_EQ(reg.find("G6"), nullptr);
}

// --- the results the user handles -----------------------------------------------------------

TEST(Loader, DiagnosticFormat) {
  Diagnostic d{Severity::error, "rules/x/regulation.yaml", 12, 5, "unknown area 'Q'", "Q1"};
  EXPECT_EQ(d.format(), "rules/x/regulation.yaml:12:5: error: unknown area 'Q'");
  d.severity = Severity::warning;
  EXPECT_EQ(d.format(), "rules/x/regulation.yaml:12:5: warning: unknown area 'Q'");
  d.column = 0;
  EXPECT_EQ(d.format(), "rules/x/regulation.yaml:12: warning: unknown area 'Q'");
  d.line = 0;
  EXPECT_EQ(d.format(), "rules/x/regulation.yaml: warning: unknown area 'Q'");
}

TEST(Loader, DiagnosticFormatOfALoadedFile) {
  test::ScratchRules rules;
  const auto path = rules.regulation("r", R"(regulation: r
title: T
model: spur-st
requirements:
  - {id: A1, area: Q, kind: provision, text: x, confidence: high, source: {document: D}}
)");
  const LoadResult result = load_rules(rules.path());
  ASSERT_EQ(result.diagnostics.size(), 1u) << dump(result.diagnostics);
  EXPECT_EQ(
      result.diagnostics[0].format(),
      path.string() + ":5:20: error: unknown area 'Q' for A1 (areas: A, B, C, D, E, F, G, H)");
}

TEST(Loader, RuleBookLoadThrowsRuleErrorWithEveryDiagnostic) {
  test::ScratchRules rules;
  rules.regulation("r", R"(regulation: r
title: T
model: spur-st
requirements:
  - {id: A1, area: A, kind: provison, text: x, confidence: high, source: {document: D}}
  - {id: A2, area: Q, kind: provision, text: y, confidence: high, source: {document: D}}
)");
  try {
    RuleBook::load(rules.path());
    FAIL() << "expected RuleError";
  } catch (const RuleError& e) {
    ASSERT_EQ(e.diagnostics().size(), 2u);
    EXPECT_THAT(e.diagnostics()[0].message, HasSubstr("unknown kind 'provison'"));
    EXPECT_THAT(e.diagnostics()[1].message, HasSubstr("unknown area 'Q'"));
    EXPECT_THAT(e.file(), EndsWith(regulation_yaml));
    EXPECT_EQ(e.line(), 5);
    EXPECT_EQ(e.requirement(), "A1");
    // what() lists them all, formatted.
    EXPECT_THAT(e.what(), HasSubstr(e.diagnostics()[0].format()));
    EXPECT_THAT(e.what(), HasSubstr(e.diagnostics()[1].format()));
  }
}

TEST(Loader, MissingDirectoryThrowsFileError) {
  const auto missing = test::source_dir() / "tests" / "data" / "no-such-rules";
  try {
    RuleBook::load(missing);
    FAIL() << "expected FileError";
  } catch (const FileError& e) {
    EXPECT_THAT(e.what(), HasSubstr("no such rules directory"));
    EXPECT_THAT(e.what(), HasSubstr("no-such-rules"));
  }
  const LoadResult result = load_rules(missing);
  EXPECT_FALSE(result.book);
  ASSERT_EQ(result.diagnostics.size(), 1u);
}

TEST(Loader, FileInsteadOfDirectoryThrowsFileError) {
  EXPECT_THROW(RuleBook::load(test::data_dir() / "catalogue.tsv"), FileError);
}

TEST(Loader, DirectoryWithoutModel) {
  test::ScratchDir dir;
  dir.write("r/regulation.yaml", small_regulation);
  const LoadResult result = load_rules(dir.path());
  EXPECT_FALSE(result.book);
  ASSERT_NE(find(result, "no model.yaml"), nullptr) << dump(result.diagnostics);
  EXPECT_THROW(RuleBook::load(dir.path()), Error);
}

// The broken rule sets the command-line tests use: each has exactly the one error it is named
// after, so `spur validate --rules tests/data/rules-broken/X` fails for that reason alone.
TEST(Loader, BrokenFixturesHaveExactlyTheirError) {
  const auto root = test::data_dir() / "rules-broken";
  const std::vector<std::tuple<std::string, std::string, int, std::string>> cases{
      // Requires errors point at the `requires:` line, the one to change.
      {"cycle", "test-cycle/regulation.yaml", 11, "requires forms a cycle: A1 -> A2 -> A3 -> A1"},
      {"dangling", "test-dangling/regulation.yaml", 17,
       "E4 requires 'E2', which test-dangling does not define"},
      {"unknown-base", "test-delta/regulation.yaml", 7,
       "unknown regulation 'test-missing' in based_on of test-delta (known: test-base)"},
  };
  for (const auto& [folder, file, line, message] : cases) {
    SCOPED_TRACE(folder);
    const LoadResult result = load_rules(root / folder);
    EXPECT_FALSE(result.book);
    EXPECT_EQ(result.diagnostics.size(), 1u) << dump(result.diagnostics);
    EXPECT_TRUE(HasError(result, file, line, message));
    EXPECT_THROW(RuleBook::load(root / folder), RuleError);
  }
}

}  // namespace
}  // namespace spur

namespace spur {
namespace {

TEST(LoaderStrictness, RemovedIdsAreNeverReused) {
  test::ScratchRules rules;
  rules.regulation("base", delta_base);
  rules.regulation("next", R"(regulation: next
title: Next
model: spur-st
based_on: base
remove: [G5]
add:
  - {id: G5, area: G, kind: indicator, text: new, confidence: low, source: {document: Next}}
)");
  const LoadResult result = load_rules(rules.path());
  EXPECT_FALSE(result.book);
  EXPECT_TRUE(HasError(result, "next/regulation.yaml", 7,
                       "'G5' was removed from base and removed ids are never reused"));
}

TEST(LoaderStrictness, AnAmendmentThatChangesNothingIsAnError) {
  test::ScratchRules rules;
  rules.regulation("base", delta_base);
  rules.regulation("next",
                   "regulation: next\ntitle: Next\nmodel: spur-st\nbased_on: base\n"
                   "amend:\n  - {id: E7}\n");
  const LoadResult result = load_rules(rules.path());
  EXPECT_TRUE(HasError(result, "next/regulation.yaml", 6, "the amendment of E7 changes nothing"));
}

TEST(LoaderStrictness, AnEmptyAppliesToIsAnError) {
  test::ScratchRules rules;
  rules.regulation("base", std::string(delta_base).replace(0, 0, "applies_to: {all: []}\n"));
  const LoadResult result = load_rules(rules.path());
  EXPECT_TRUE(HasError(result, "base/regulation.yaml", 1, "lists no condition"));
}

TEST(LoaderStrictness, AKeyGivenTwiceIsAnErrorNotSilentlyDropped) {
  test::ScratchRules rules;
  rules.regulation("base", delta_base);
  rules.regulation("next", R"(regulation: next
title: Next
model: spur-st
based_on: base
add:
  - {id: H2, area: H, kind: provision, text: h2, confidence: low, source: {document: Next}}
add:
  - {id: H3, area: H, kind: provision, text: h3, confidence: low, source: {document: Next}}
)");
  const LoadResult result = load_rules(rules.path());
  EXPECT_FALSE(result.book);
  EXPECT_TRUE(HasError(result, "next/regulation.yaml", 7, "'add' is given twice"));
}

}  // namespace
}  // namespace spur
