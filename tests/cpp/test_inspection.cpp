// Reading inspection files: what is accepted, and every error with its message and place.
// Form errors come from Inspection::parse/load; what the rule book lacks from check/evaluate.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "spur/evaluation.hpp"
#include "spur/inspection.hpp"
#include "spur/json.hpp"
#include "support.hpp"

namespace {

using spur::Diagnostic;
using spur::Inspection;
using spur::InspectionError;
using spur::Severity;
using spur::Status;

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// The error Inspection::parse throws for `yaml`.
InspectionError parse_error(const std::string& yaml) {
  try {
    Inspection::parse(yaml, "test.yaml");
  } catch (const InspectionError& e) {
    return e;
  }
  ADD_FAILURE() << "parse did not throw for:\n" << yaml;
  return InspectionError("no error");
}

// The error evaluate throws for `yaml`, which parses.
InspectionError evaluate_error(const std::string& yaml) {
  const Inspection insp = Inspection::parse(yaml, "test.yaml");
  try {
    spur::evaluate(spur::test::bundled(), insp);
  } catch (const InspectionError& e) {
    // check() finds the same.
    EXPECT_THROW(spur::check(spur::test::bundled(), insp), InspectionError);
    return e;
  }
  ADD_FAILURE() << "evaluate did not throw for:\n" << yaml;
  return InspectionError("no error");
}

std::vector<Diagnostic> errors(const spur::Error& e) {
  std::vector<Diagnostic> out;
  for (const auto& d : e.diagnostics())
    if (d.severity == Severity::error) out.push_back(d);
  return out;
}

// ---------------------------------------------------------------------------------------
// What is accepted

TEST(Inspection, ParsesEveryField) {
  const auto insp = Inspection::parse(R"(inspection:
  id: test-2024
  unit: Testenheten
  specialty: palliativ medicin
  date: 2024-02-29
  regulations: [sosfs-2015-8, hslf-fs-2021-8]
  default_status: met
  notes: Anteckning.
findings:
  D1: {status: not_met, note: "Riktlinjerna är okända."}
  D7: partially_met
  E7: {by_regulation: {sosfs-2015-8: met, hslf-fs-2021-8: not_met}}
  D12: {status: met, by_regulation: {hslf-fs-2021-8: not_met}}
overrides:
  - {area: G, regulation: sosfs-2015-8, grade: B, reason: "Skäl."}
  - {area: E, grade: A, reason: "Annat skäl."}
)",
                                      "test.yaml");
  EXPECT_EQ(insp.id, "test-2024");
  EXPECT_EQ(insp.unit, "Testenheten");
  EXPECT_EQ(insp.specialty, "palliativ medicin");
  EXPECT_EQ(insp.date, std::optional<std::string>("2024-02-29"));
  EXPECT_EQ(insp.regulations, (std::vector<std::string>{"sosfs-2015-8", "hslf-fs-2021-8"}));
  EXPECT_EQ(insp.default_status, Status::met);
  EXPECT_EQ(insp.notes, "Anteckning.");
  EXPECT_EQ(insp.file, "test.yaml");
  EXPECT_EQ(insp.regulations_location.line, 6);
  ASSERT_EQ(insp.findings.size(), 4u);

  const auto* d1 = insp.find("D1");
  ASSERT_NE(d1, nullptr);
  EXPECT_EQ(d1->status, Status::not_met);
  EXPECT_EQ(d1->note, "Riktlinjerna är okända.");
  EXPECT_EQ(d1->location.line, 10);
  EXPECT_EQ(d1->location.column, 3);
  EXPECT_EQ(d1->location.file, "test.yaml");
  EXPECT_EQ(insp.find("D7")->status, Status::partially_met);
  EXPECT_EQ(insp.find("D7")->location.line, 11);

  const auto* e7 = insp.find("E7");
  EXPECT_FALSE(e7->status.has_value());
  EXPECT_EQ(e7->status_in("sosfs-2015-8"), Status::met);
  EXPECT_EQ(e7->status_in("hslf-fs-2021-8"), Status::not_met);
  const auto* d12 = insp.find("D12");
  EXPECT_EQ(d12->status_in("sosfs-2015-8"), Status::met);  // falls back on `status`
  EXPECT_EQ(d12->status_in("hslf-fs-2021-8"), Status::not_met);
  EXPECT_EQ(insp.find("D2"), nullptr);

  ASSERT_EQ(insp.overrides.size(), 2u);
  EXPECT_EQ(insp.overrides[0].area, "G");
  EXPECT_EQ(insp.overrides[0].regulation, std::optional<std::string>("sosfs-2015-8"));
  EXPECT_EQ(insp.overrides[0].grade, spur::Grade::B);
  EXPECT_EQ(insp.overrides[0].reason, "Skäl.");
  EXPECT_EQ(insp.overrides[0].location.line, 15);
  EXPECT_FALSE(insp.overrides[1].regulation.has_value());
}

TEST(Inspection, MinimalFileDefaultsToNotAssessed) {
  const auto insp = Inspection::parse("inspection:\n  regulations: [hslf-fs-2021-8]\n");
  EXPECT_EQ(insp.default_status, Status::not_assessed);
  EXPECT_TRUE(insp.findings.empty());
  EXPECT_TRUE(insp.overrides.empty());
  EXPECT_FALSE(insp.date.has_value());
  EXPECT_EQ(insp.file, "<string>");
  // An empty findings section is no finding at all.
  EXPECT_TRUE(Inspection::parse("inspection:\n  regulations: [sosfs-2015-8]\nfindings:\n")
                  .findings.empty());
}

TEST(Inspection, LoadsAFile) {
  spur::test::ScratchDir dir;
  const auto path = dir.write("x.yaml", R"(inspection:
  regulations: [sosfs-2015-8]
findings:
  D1: not_met
)");
  const auto insp = Inspection::load(path);
  EXPECT_EQ(insp.file, path.string());
  EXPECT_EQ(insp.find("D1")->location.file, path.string());
  EXPECT_EQ(insp.find("D1")->location.line, 4);
}

// ---------------------------------------------------------------------------------------
// Form errors: Inspection::parse and load

TEST(Inspection, UnknownStatusListsTheValidOnes) {
  const auto e = parse_error(R"(inspection:
  unit: X
  regulations: [sosfs-2015-8]
findings:
  D1: done
  D2: {status: maybe}
)");
  const auto errs = errors(e);
  ASSERT_EQ(errs.size(), 2u);  // every problem, not only the first
  EXPECT_EQ(errs[0].file, "test.yaml");
  EXPECT_EQ(errs[0].line, 5);
  EXPECT_EQ(errs[0].column, 7);
  EXPECT_EQ(errs[0].requirement, "D1");
  EXPECT_TRUE(contains(errs[0].message, "unknown status 'done'")) << errs[0].message;
  for (const char* s : {"met", "partially_met", "not_met", "not_applicable", "not_assessed"})
    EXPECT_TRUE(contains(errs[0].message, s)) << s;
  EXPECT_TRUE(
      contains(errs[0].message, "met, partially_met, not_met, not_applicable, not_assessed"));
  EXPECT_EQ(errs[1].line, 6);
  EXPECT_EQ(errs[1].requirement, "D2");
  EXPECT_TRUE(contains(errs[1].message, "unknown status 'maybe'"));
  // The exception's own accessors point at the first error.
  EXPECT_EQ(e.line(), 5);
  EXPECT_EQ(e.column(), 7);
  EXPECT_EQ(e.requirement(), "D1");
  EXPECT_EQ(e.file(), "test.yaml");
  EXPECT_TRUE(contains(e.what(), "test.yaml:5:7: error: unknown status 'done'")) << e.what();
  EXPECT_TRUE(contains(e.what(), "test.yaml:6:16: error:")) << e.what();
}

TEST(Inspection, UnknownDefaultStatus) {
  const auto e = parse_error("inspection:\n  regulations: [sosfs-2015-8]\n  default_status: ok\n");
  EXPECT_EQ(e.line(), 3);
  EXPECT_TRUE(contains(e.what(), "unknown status 'ok'"));
  EXPECT_TRUE(contains(e.what(), "not_assessed"));
}

TEST(Inspection, UnknownStatusByRegulation) {
  const auto e = parse_error(R"(inspection:
  regulations: [sosfs-2015-8]
findings:
  E7: {by_regulation: {sosfs-2015-8: yes}}
)");
  EXPECT_EQ(e.line(), 4);
  EXPECT_TRUE(contains(e.what(), "unknown status 'yes'")) << e.what();
  EXPECT_TRUE(contains(e.what(), "E7 under sosfs-2015-8")) << e.what();
}

TEST(Inspection, FindingGivenTwice) {
  const auto e = parse_error(R"(inspection:
  regulations: [sosfs-2015-8]
findings:
  D1: met
  D2: met
  D1: not_met
)");
  const auto errs = errors(e);
  ASSERT_EQ(errs.size(), 1u);
  EXPECT_EQ(errs[0].line, 6);  // the second one
  EXPECT_EQ(errs[0].column, 3);
  EXPECT_EQ(errs[0].requirement, "D1");
  EXPECT_TRUE(contains(errs[0].message, "given twice")) << errs[0].message;
  EXPECT_TRUE(contains(errs[0].message, "line 4")) << errs[0].message;
}

TEST(Inspection, RepeatedKeysAreNotSilentlyDropped) {
  // yaml-cpp accepts a repeated key and reads only the first: the loader must say so.
  struct Case {
    std::string yaml;
    int line;
    std::string requirement;
  };
  const std::vector<Case> cases{
      {"inspection:\n  regulations: [sosfs-2015-8]\nfindings:\n  D1: met\nfindings:\n"
       "  D2: not_met\n",
       5, ""},
      {"inspection:\n  regulations: [sosfs-2015-8]\n  regulations: [hslf-fs-2021-8]\n", 3, ""},
      {"inspection:\n  regulations: [sosfs-2015-8]\nfindings:\n"
       "  D1: {status: met, status: not_met}\n",
       4, "D1"},
      {"inspection:\n  regulations: [sosfs-2015-8]\nfindings:\n"
       "  E7:\n    by_regulation:\n      sosfs-2015-8: met\n      sosfs-2015-8: not_met\n",
       7, "E7"},
      {"inspection:\n  regulations: [sosfs-2015-8]\noverrides:\n"
       "  - {area: A, grade: B, reason: x, grade: D}\n",
       4, ""},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.yaml);
    const auto e = parse_error(c.yaml);
    EXPECT_EQ(e.line(), c.line);
    EXPECT_EQ(e.requirement(), c.requirement);
    EXPECT_TRUE(contains(e.what(), "given twice")) << e.what();
  }
}

TEST(Inspection, AKeyRepeatedInALongMappingIsFoundToo) {
  // 40 keys, the first repeated last: past 32 keys the reader looks keys up in a hash table.
  std::string yaml = "inspection:\n  regulations: [sosfs-2015-8]\nreported_grades:\n";
  for (int i = 0; i < 40; ++i) yaml += "  X" + std::to_string(i) + ": C\n";
  yaml += "  X0: D\n";
  const auto e = parse_error(yaml);
  EXPECT_EQ(e.line(), 44);
  EXPECT_TRUE(contains(e.what(), "'X0' is given twice in 'reported_grades' (first at line 4)"))
      << e.what();
}

TEST(Inspection, OverrideWithoutReason) {
  const auto e = parse_error(R"(inspection:
  regulations: [sosfs-2015-8]
overrides:
  - {area: A, grade: B}
  - {area: B, grade: B, reason: ""}
  - area: C
    grade: B
    reason:
)");
  const auto errs = errors(e);
  ASSERT_EQ(errs.size(), 3u);
  EXPECT_EQ(errs[0].line, 4);
  EXPECT_TRUE(contains(errs[0].message, "lacks the field 'reason'")) << errs[0].message;
  EXPECT_EQ(errs[1].line, 5);
  EXPECT_TRUE(contains(errs[1].message, "reason")) << errs[1].message;
  EXPECT_TRUE(contains(errs[1].message, "empty")) << errs[1].message;
  EXPECT_EQ(errs[2].line, 6);
  EXPECT_TRUE(contains(errs[2].message, "lacks the field 'reason'")) << errs[2].message;
}

TEST(Inspection, OverrideWithUnknownGradeOrMissingArea) {
  const auto e = parse_error(R"(inspection:
  regulations: [sosfs-2015-8]
overrides:
  - {area: B, grade: E, reason: x}
  - {grade: B, reason: y}
)");
  const auto errs = errors(e);
  ASSERT_EQ(errs.size(), 2u);
  EXPECT_EQ(errs[0].line, 4);
  EXPECT_TRUE(contains(errs[0].message, "unknown grade 'E'")) << errs[0].message;
  EXPECT_TRUE(contains(errs[0].message, "A, B, C, D")) << errs[0].message;
  EXPECT_EQ(errs[1].line, 5);
  EXPECT_TRUE(contains(errs[1].message, "lacks the field 'area'")) << errs[1].message;
}

TEST(Inspection, EmptyFile) {
  for (const std::string text : {"", "# only a comment\n", "\n\n"}) {
    const auto e = parse_error(text);
    EXPECT_EQ(e.line(), 1);
    EXPECT_TRUE(contains(e.what(), "empty")) << e.what();
  }
  spur::test::ScratchDir dir;
  const auto path = dir.write("empty.yaml", "");
  try {
    Inspection::load(path);
    ADD_FAILURE() << "no error";
  } catch (const InspectionError& e) {
    EXPECT_EQ(e.file(), path.string());
    EXPECT_TRUE(contains(e.what(), "empty")) << e.what();
  }
}

TEST(Inspection, MissingFile) {
  spur::test::ScratchDir dir;
  const auto path = dir.path() / "no-such.yaml";
  try {
    Inspection::load(path);
    ADD_FAILURE() << "no error";
  } catch (const spur::FileError& e) {
    EXPECT_EQ(e.file(), path.string());
    EXPECT_TRUE(contains(e.what(), "no such file")) << e.what();
    EXPECT_TRUE(contains(e.what(), "no-such.yaml")) << e.what();
  }
  // A directory is not a file either; FileError is no InspectionError.
  EXPECT_THROW(Inspection::load(dir.path()), spur::FileError);
  try {
    Inspection::load(path);
  } catch (const InspectionError&) {
    ADD_FAILURE() << "a missing file is a FileError";
  } catch (const spur::Error&) {
  }
}

TEST(Inspection, MalformedYaml) {
  {
    const auto e = parse_error(R"(inspection:
  regulations: [sosfs-2015-8]
findings:
  D1: met
 D2: met
)");
    EXPECT_EQ(e.line(), 5);
    EXPECT_TRUE(contains(e.what(), "YAML syntax error")) << e.what();
  }
  {
    const auto e = parse_error(R"(inspection:
  regulations: [sosfs-2015-8]
findings:
  D1: {status: met
  D2: met
)");
    EXPECT_GE(e.line(), 4);
    EXPECT_LE(e.line(), 5);
    EXPECT_GT(e.column(), 0);
    EXPECT_TRUE(contains(e.what(), "YAML syntax error")) << e.what();
  }
  {
    spur::test::ScratchDir dir;
    const auto path = dir.write("bad.yaml", "# comment\ninspection: {unit: x\n");
    try {
      Inspection::load(path);
      ADD_FAILURE() << "no error";
    } catch (const InspectionError& e) {
      EXPECT_EQ(e.file(), path.string());
      EXPECT_GE(e.line(), 2);
      EXPECT_TRUE(contains(e.what(), "YAML syntax error")) << e.what();
    }
  }
}

TEST(Inspection, WrongTypes) {
  {
    const auto e = parse_error(R"(inspection:
  regulations: [sosfs-2015-8]
findings:
  - D1: met
)");
    EXPECT_EQ(e.line(), 4);
    EXPECT_TRUE(contains(e.what(), "'findings' must be a mapping")) << e.what();
    EXPECT_TRUE(contains(e.what(), "not a list")) << e.what();
  }
  {
    const auto e = parse_error("inspection:\n  regulations: sosfs-2015-8\n");
    EXPECT_EQ(e.line(), 2);
    EXPECT_EQ(e.column(), 16);
    EXPECT_TRUE(contains(e.what(), "'regulations' must be a list")) << e.what();
    EXPECT_TRUE(contains(e.what(), "[sosfs-2015-8]")) << e.what();
  }
  {
    const auto e = parse_error(R"(inspection:
  regulations: [sosfs-2015-8]
findings:
  D1: {status: met, note: {a: b}}
)");
    EXPECT_EQ(e.line(), 4);
    EXPECT_EQ(e.requirement(), "D1");
    EXPECT_TRUE(contains(e.what(), "'note' must be text, not a mapping")) << e.what();
  }
  {
    const auto e = parse_error(R"(inspection:
  regulations: [sosfs-2015-8]
findings:
  D1: [met]
  D2: ~
  D3: {note: "no status"}
)");
    const auto errs = errors(e);
    ASSERT_EQ(errs.size(), 3u);
    EXPECT_EQ(errs[0].requirement, "D1");
    EXPECT_TRUE(contains(errs[0].message, "not a list")) << errs[0].message;
    EXPECT_EQ(errs[1].line, 5);
    EXPECT_EQ(errs[1].requirement, "D2");
    EXPECT_EQ(errs[2].line, 6);
    EXPECT_TRUE(contains(errs[2].message, "needs a 'status'")) << errs[2].message;
  }
  {
    const auto e = parse_error("inspection: [a]\n");
    EXPECT_TRUE(contains(e.what(), "'inspection' must be a mapping")) << e.what();
  }
  {
    const auto e = parse_error("just text\n");
    EXPECT_TRUE(contains(e.what(), "must be a mapping")) << e.what();
  }
  {
    const auto e =
        parse_error("inspection:\n  regulations: [sosfs-2015-8]\noverrides: {area: A}\n");
    EXPECT_EQ(e.line(), 3);
    EXPECT_TRUE(contains(e.what(), "'overrides' must be a list")) << e.what();
  }
}

TEST(Inspection, MissingOrEmptyRegulations) {
  {
    const auto e = parse_error("inspection:\n  unit: X\n");
    EXPECT_EQ(e.line(), 2);
    EXPECT_TRUE(contains(e.what(), "'regulations'")) << e.what();
    EXPECT_TRUE(contains(e.what(), "[sosfs-2015-8]")) << e.what();
  }
  {
    const auto e = parse_error("inspection:\n  regulations: []\n");
    EXPECT_EQ(e.line(), 2);
    EXPECT_TRUE(contains(e.what(), "empty")) << e.what();
  }
  {
    const auto e = parse_error("inspection:\n  regulations: [sosfs-2015-8, sosfs-2015-8]\n");
    EXPECT_TRUE(contains(e.what(), "listed twice")) << e.what();
  }
  {
    const auto e = parse_error("findings:\n  D1: met\n");
    EXPECT_TRUE(contains(e.what(), "lacks the 'inspection' section")) << e.what();
  }
}

TEST(Inspection, UnknownKeys) {
  const auto e = parse_error(R"(inspection:
  regulations: [sosfs-2015-8]
  unti: X
finding:
  D1: met
)");
  const auto errs = errors(e);
  ASSERT_EQ(errs.size(), 2u);
  bool top = false, header = false;
  for (const auto& d : errs) {
    if (contains(d.message, "unknown key 'finding'")) {
      top = true;
      EXPECT_EQ(d.line, 4);
      EXPECT_TRUE(contains(d.message, "findings")) << "lists the allowed keys: " << d.message;
    }
    if (contains(d.message, "unknown key 'unti'")) {
      header = true;
      EXPECT_EQ(d.line, 3);
      EXPECT_TRUE(contains(d.message, "unit")) << d.message;
    }
  }
  EXPECT_TRUE(top);
  EXPECT_TRUE(header);

  const auto f = parse_error(R"(inspection:
  regulations: [sosfs-2015-8]
findings:
  D1: {status: met, comment: x}
)");
  EXPECT_EQ(f.line(), 4);
  EXPECT_EQ(f.requirement(), "D1");
  EXPECT_TRUE(contains(f.what(), "unknown key 'comment'")) << f.what();
}

TEST(Inspection, BadDate) {
  for (const std::string date :
       {"2024-13-01", "2023-02-29", "2024-04-31", "20241001", "1 okt 2024", "2024-1-05"}) {
    SCOPED_TRACE(date);
    const auto e =
        parse_error("inspection:\n  regulations: [sosfs-2015-8]\n  date: " + date + "\n");
    EXPECT_EQ(e.line(), 3);
    EXPECT_EQ(e.column(), 9);
    EXPECT_TRUE(contains(e.what(), "is not a calendar date")) << e.what();
    EXPECT_TRUE(contains(e.what(), "YYYY-MM-DD")) << e.what();
  }
  for (const std::string date : {"2024-02-29", "2000-02-29", "2024-12-31"})
    EXPECT_EQ(
        Inspection::parse("inspection:\n  regulations: [sosfs-2015-8]\n  date: " + date + "\n")
            .date,
        std::optional<std::string>(date));
}

// ---------------------------------------------------------------------------------------
// What the rule book lacks: check() and evaluate()

TEST(Inspection, UnknownRequirement) {
  const auto e = evaluate_error(R"(inspection:
  regulations: [sosfs-2015-8]
findings:
  D1: met
  Z9: not_met
  D99: met
)");
  const auto errs = errors(e);
  ASSERT_EQ(errs.size(), 2u);
  EXPECT_EQ(errs[0].line, 5);
  EXPECT_EQ(errs[0].column, 3);
  EXPECT_EQ(errs[0].file, "test.yaml");
  EXPECT_EQ(errs[0].requirement, "Z9");
  EXPECT_TRUE(contains(errs[0].message, "unknown requirement 'Z9'")) << errs[0].message;
  EXPECT_EQ(errs[1].line, 6);
  EXPECT_EQ(errs[1].requirement, "D99");
}

TEST(Inspection, UnknownRegulation) {
  const auto e = evaluate_error("inspection:\n  regulations: [sosfs-2015-8, hslf-fs-2099-1]\n");
  EXPECT_EQ(e.line(), 2);
  EXPECT_EQ(e.file(), "test.yaml");
  EXPECT_TRUE(contains(e.what(), "unknown regulation 'hslf-fs-2099-1'")) << e.what();
  EXPECT_TRUE(contains(e.what(), "sosfs-2015-8")) << "names the known ones: " << e.what();
  EXPECT_TRUE(contains(e.what(), "hslf-fs-2021-8")) << e.what();
}

TEST(Inspection, UnknownRegulationInByRegulation) {
  const auto e = evaluate_error(R"(inspection:
  regulations: [sosfs-2015-8]
findings:
  E7: {by_regulation: {sosfs-2016-1: met}}
)");
  EXPECT_EQ(e.line(), 4);
  EXPECT_EQ(e.requirement(), "E7");
  EXPECT_TRUE(contains(e.what(), "unknown regulation 'sosfs-2016-1'")) << e.what();
}

TEST(Inspection, OverrideGradeNotOnTheAreasScale) {
  const auto e = evaluate_error(R"(inspection:
  regulations: [sosfs-2015-8]
  default_status: met
overrides:
  - {area: B, grade: C, reason: "B has four steps"}
  - {area: A, grade: C, reason: "A has no C"}
  - area: C
    grade: C
    reason: "C has no C either"
)");
  const auto errs = errors(e);
  ASSERT_EQ(errs.size(), 2u);
  EXPECT_EQ(errs[0].line, 6);
  EXPECT_TRUE(contains(errs[0].message, "grade C is not on the scale of area A"))
      << errs[0].message;
  EXPECT_TRUE(contains(errs[0].message, "three-step-a")) << errs[0].message;
  EXPECT_EQ(errs[1].line, 7);
  EXPECT_TRUE(contains(errs[1].message, "area C")) << errs[1].message;
}

TEST(Inspection, OverrideForUnknownAreaOrRegulation) {
  const auto e = evaluate_error(R"(inspection:
  regulations: [sosfs-2015-8]
overrides:
  - {area: K, grade: B, reason: x}
  - {area: A, regulation: hslf-fs-2021-8, grade: B, reason: "not inspected"}
  - {area: A, regulation: foo, grade: B, reason: "unknown"}
)");
  const auto errs = errors(e);
  ASSERT_EQ(errs.size(), 3u);
  EXPECT_EQ(errs[0].line, 4);
  EXPECT_TRUE(contains(errs[0].message, "unknown area 'K'")) << errs[0].message;
  EXPECT_EQ(errs[1].line, 5);
  EXPECT_TRUE(contains(errs[1].message, "does not inspect")) << errs[1].message;
  EXPECT_EQ(errs[2].line, 6);
  EXPECT_TRUE(contains(errs[2].message, "unknown regulation 'foo'")) << errs[2].message;
}

TEST(Inspection, RequirementOutsideTheInspectedRegulationsIsAWarning) {
  const auto insp = Inspection::parse(R"(inspection:
  regulations: [sosfs-2015-8]
  default_status: met
findings:
  D1: met
  G11: not_met
)",
                                      "test.yaml");
  const auto warnings = spur::check(spur::test::bundled(), insp);
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0].severity, Severity::warning);
  EXPECT_EQ(warnings[0].line, 6);
  EXPECT_EQ(warnings[0].requirement, "G11");
  EXPECT_TRUE(contains(warnings[0].message, "G11")) << warnings[0].message;
  EXPECT_TRUE(contains(warnings[0].format(), "test.yaml:6:3: warning:")) << warnings[0].format();

  const auto ev = spur::evaluate(spur::test::bundled(), insp);
  ASSERT_EQ(ev.diagnostics.size(), 1u);
  EXPECT_EQ(ev.diagnostics[0].severity, Severity::warning);
  EXPECT_EQ(ev.diagnostics[0].requirement, "G11");
  EXPECT_EQ(ev.diagnostics[0].line, 6);
  EXPECT_EQ(ev.grade("G"), spur::Grade::A);  // the finding is not used

  // G5 in a 2021-only inspection likewise.
  const auto g5 = spur::check(spur::test::bundled(), Inspection::parse(R"(inspection:
  regulations: [hslf-fs-2021-8]
findings:
  G5: met
)"));
  ASSERT_EQ(g5.size(), 1u);
  EXPECT_EQ(g5[0].requirement, "G5");
  EXPECT_EQ(g5[0].line, 4);
  // In a two-regulation inspection G5 and G11 each belong to one: no warning.
  EXPECT_TRUE(spur::check(spur::test::bundled(), Inspection::parse(R"(inspection:
  regulations: [sosfs-2015-8, hslf-fs-2021-8]
findings:
  G5: met
  G11: met
)"))
                  .empty());
}

TEST(Inspection, ByRegulationForAnUninspectedRegulationIsAWarning) {
  const auto warnings = spur::check(spur::test::bundled(), Inspection::parse(R"(inspection:
  regulations: [sosfs-2015-8]
findings:
  E7: {by_regulation: {sosfs-2015-8: met, hslf-fs-2021-8: not_met}}
)"));
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0].line, 4);
  EXPECT_EQ(warnings[0].requirement, "E7");
  EXPECT_TRUE(contains(warnings[0].message, "hslf-fs-2021-8 is not inspected"))
      << warnings[0].message;
}

}  // namespace

namespace spur::test {
namespace {

TEST(InspectionEncoding, ALatin1FileIsAnErrorAtTheBadByte) {
  // "Lokalerna är bra" saved as Latin-1: ä is the lone byte 0xE4.
  try {
    Inspection::parse(
        "inspection: {unit: X, regulations: [sosfs-2015-8]}\nfindings:\n"
        "  C1: {status: met, note: \"Lokalerna \xE4r bra\"}\n",
        "latin1.yaml");
    FAIL() << "expected an InspectionError";
  } catch (const InspectionError& e) {
    EXPECT_EQ(e.line(), 3);
    EXPECT_EQ(e.column(), 38);
    EXPECT_NE(std::string(e.what()).find("not valid UTF-8"), std::string::npos) << e.what();
  }
}

TEST(InspectionEncoding, LongPlanTextsAreShortenedAtACharacterBoundary) {
  auto insp = Inspection::parse(
      "inspection: {unit: X, regulations: [sosfs-2015-8]}\n"
      "action_plan:\n"
      "  - requirement: \"ST-läkarens kompetens i undervisning bedöms fortlöpande och "
      "återkoppling\"\n"
      "    received: true\n");
  ASSERT_FALSE(insp.warnings.empty());
  for (const auto& w : insp.warnings)
    EXPECT_EQ(w.message.find("\xC3."), std::string::npos)
        << "cut inside a character: " << w.message;
}

}  // namespace
}  // namespace spur::test

namespace spur::test {
namespace {

TEST(InspectionJson, ReadsLikeTheYamlReader) {
  const std::string text = R"({"inspection": {"id": "u1", "unit": "Enhet", "date": "2025-01-15",
    "regulations": ["sosfs-2015-8"], "default_status": "met"},
    "findings": {"D1": "not_met", "E7": {"status": "partially_met", "note": "Få bedömningar."},
                 "G5": {"by_regulation": {"sosfs-2015-8": "not_met"}}},
    "action_plan": [{"requirement": "D1", "received": true, "done": "2025-06-01"}]})";
  const Inspection a = Inspection::parse_json(text, "<json>");
  const Inspection b = Inspection::parse(text, "<json>");
  // The same result; only positions differ (JSON text built in memory has no useful lines).
  auto without_positions = [](nlohmann::json j) {
    for (auto& d : j["diagnostics"]) d["line"] = d["column"] = 0;
    return j;
  };
  EXPECT_EQ(without_positions(to_json(evaluate(bundled(), a))),
            without_positions(to_json(evaluate(bundled(), b))));
  EXPECT_EQ(a.findings.size(), 3u);
  EXPECT_EQ(a.findings[1].note, "Få bedömningar.");
  EXPECT_EQ(a.action_plan.at(0).done, parse_iso_date("2025-06-01"));
}

TEST(InspectionJson, KeysGivenTwiceAndBadStatusesAreReported) {
  try {
    Inspection::parse_json(R"({"inspection": {"regulations": ["sosfs-2015-8"]},
      "findings": {"D1": "not_met", "D1": "met", "D2": "maybe"}})",
                           "<inspection u7>");
    FAIL();
  } catch (const InspectionError& e) {
    ASSERT_EQ(e.diagnostics().size(), 2u);
    EXPECT_EQ(e.diagnostics()[0].file, "<inspection u7>");
    // JSON has no lines: the message does not point to one.
    EXPECT_EQ(e.diagnostics()[0].message, "finding for D1 is given twice; keep one");
    EXPECT_NE(e.diagnostics()[1].message.find("unknown status 'maybe' for D2"), std::string::npos);
    EXPECT_EQ(e.diagnostics()[1].requirement, "D2");
  }
}

TEST(InspectionJson, ABadStatusUnderARegulationNamesItsRequirement) {
  try {
    Inspection::parse_json(R"({"inspection": {"regulations": ["sosfs-2015-8"],
      "default_status": "fine"}, "findings": {"E7": {"by_regulation": {"sosfs-2015-8": "bad"}}}})");
    FAIL();
  } catch (const InspectionError& e) {
    ASSERT_EQ(e.diagnostics().size(), 2u);
    EXPECT_NE(e.diagnostics()[0].message.find("unknown status 'fine' for default_status"),
              std::string::npos);
    EXPECT_EQ(e.diagnostics()[0].requirement, "");
    EXPECT_NE(e.diagnostics()[1].message.find("unknown status 'bad' for E7 under sosfs-2015-8"),
              std::string::npos);
    EXPECT_EQ(e.diagnostics()[1].requirement, "E7");  // the id, so that callers find the finding
  }
}

TEST(InspectionJson, MalformedOrEmptyJsonIsAnError) {
  EXPECT_THROW(Inspection::parse_json(R"({"inspection": )"), InspectionError);
  EXPECT_THROW(Inspection::parse_json("  "), InspectionError);
  EXPECT_THROW(Inspection::parse_json("[1, 2]"), InspectionError);
}

}  // namespace
}  // namespace spur::test
