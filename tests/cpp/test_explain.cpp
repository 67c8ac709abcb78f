// Explanations: the deciding row, the decisive requirements, implied chains, settlements of
// provisional grades and overrides, as structures, as text and as JSON.

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "spur/evaluation.hpp"
#include "spur/explain.hpp"
#include "spur/inspection.hpp"
#include "spur/json.hpp"
#include "support.hpp"

namespace {

using spur::Evaluation;
using spur::Explanation;
using spur::Grade;
using spur::GradeSet;
using spur::Inspection;
using spur::RowOutcome;
using spur::StatusOrigin;
using Ids = std::vector<std::string>;

constexpr const char* k2015 = "sosfs-2015-8";
constexpr const char* k2021 = "hslf-fs-2021-8";

Evaluation eval_file(const std::string& name) {
  return spur::evaluate(spur::test::bundled(),
                        Inspection::load(spur::test::data_dir() / "inspections" / name));
}

// The single explanation of `area` (the inspection has one regulation or one is named).
Explanation explain_one(const Evaluation& ev, std::string_view area,
                        std::string_view regulation = {}) {
  auto list = spur::explain(ev, area, regulation);
  EXPECT_EQ(list.size(), 1u);
  return list.at(0);
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

GradeSet grades(std::initializer_list<Grade> list) {
  GradeSet g;
  for (Grade x : list) g.insert(x);
  return g;
}

Ids decisive_ids(const Explanation& x) {
  Ids out;
  for (const auto& d : x.decisive) out.push_back(d.id);
  return out;
}

std::vector<RowOutcome> outcomes(const Explanation& x) {
  std::vector<RowOutcome> out;
  for (const auto& r : x.rows) out.push_back(r.outcome);
  return out;
}

TEST(Explain, ImpliedRequirementAndDecidingRow) {
  const auto ev = eval_file("implied-e2.yaml");
  const auto x = explain_one(ev, "E");
  EXPECT_EQ(x.regulation, k2015);
  EXPECT_EQ(x.area, "E");
  EXPECT_EQ(x.area_name, "Handledning och kompetensbedömning");
  EXPECT_EQ(x.scale, "four-step");
  EXPECT_EQ(x.computed, Grade::D);
  EXPECT_EQ(x.possible, GradeSet::of(Grade::D));
  EXPECT_FALSE(x.override.has_value());

  // The D row holds and decides; the rows after it are never reached.
  ASSERT_EQ(x.rows.size(), 4u);
  EXPECT_EQ(x.deciding_row, 0);
  EXPECT_EQ(x.rows[0].grade, Grade::D);
  EXPECT_EQ(x.rows[0].when, "provision.unmet > 0");
  EXPECT_EQ(x.rows[0].values, "provision.unmet = 2");
  EXPECT_EQ(outcomes(x),
            (std::vector<RowOutcome>{RowOutcome::holds, RowOutcome::not_reached,
                                     RowOutcome::not_reached, RowOutcome::not_reached}));
  EXPECT_EQ(x.scale_text,
            "Brister har påvisats vad gäller följsamheten till Socialstyrelsens föreskrifter. "
            "Åtgärder krävs.");

  // Decisive: E2 as found (with the inspectors' note) and E4 as implied.
  EXPECT_EQ(decisive_ids(x), (Ids{"E2", "E4"}));
  EXPECT_EQ(x.decisive[0].origin, StatusOrigin::finding);
  EXPECT_EQ(x.decisive[0].note, "Ingen huvudansvarig handledare är utsedd.");
  EXPECT_EQ(x.decisive[0].text,
            "Det finns en utsedd huvudansvarig handledare för varje ST-läkare.");
  EXPECT_EQ(x.decisive[1].origin, StatusOrigin::implied);
  EXPECT_EQ(x.decisive[1].because, Ids{"E2"});
  EXPECT_EQ(x.decisive[1].status, spur::Status::not_met);

  // Implied in this area: E4 and E10 (not B1, B2, which are in area B).
  ASSERT_EQ(x.implied.size(), 2u);
  EXPECT_EQ(x.implied[0].id, "E4");
  EXPECT_EQ(x.implied[1].id, "E10");
  EXPECT_EQ(x.chains, (Ids{"E4 räknas som ej uppfyllt eftersom E2 inte är uppfyllt",
                           "E10 räknas som ej uppfyllt eftersom E2 inte är uppfyllt"}));
  EXPECT_TRUE(x.settle.empty());
  EXPECT_TRUE(x.conflicts.empty());

  const std::string text = spur::render(x);
  EXPECT_TRUE(contains(text, "E4 räknas som ej uppfyllt eftersom E2 inte är uppfyllt")) << text;
  EXPECT_TRUE(contains(text, "Gradering / grade: D")) << text;
  EXPECT_TRUE(contains(text, "  > D  provision.unmet > 0")) << text;
  EXPECT_TRUE(contains(text, "Ingen huvudansvarig handledare är utsedd.")) << text;
  EXPECT_TRUE(contains(text, "Åtgärder krävs.")) << text;

  // The other area touched by E2.
  const auto b = explain_one(ev, "B");
  EXPECT_EQ(decisive_ids(b), (Ids{"B1", "B2"}));
  EXPECT_EQ(b.chains, (Ids{"B1 räknas som ej uppfyllt eftersom E2 inte är uppfyllt",
                           "B2 räknas som ej uppfyllt eftersom E2 inte är uppfyllt"}));
}

TEST(Explain, ImpliedAcrossAreasAndByTwoPrerequisites) {
  const auto d6 = eval_file("implied-d6.yaml");
  const auto f = explain_one(d6, "F");
  EXPECT_EQ(decisive_ids(f), Ids{"F1"});
  EXPECT_EQ(f.chains.front(), "F1 räknas som ej uppfyllt eftersom D6 inte är uppfyllt");
  EXPECT_EQ(f.chains.size(), 4u);  // F1, F3, F4, F5

  const auto two = eval_file("implied-two-causes.yaml");
  const auto e = explain_one(two, "E");
  EXPECT_EQ(decisive_ids(e), (Ids{"E1", "E2", "E4"}));
  EXPECT_TRUE(
      contains(spur::render(e), "E4 räknas som ej uppfyllt eftersom D6 och E2 inte är uppfyllda"))
      << spur::render(e);
  // H8 partially met decides H itself, and implies nothing.
  const auto h = explain_one(two, "H");
  EXPECT_EQ(decisive_ids(h), Ids{"H8"});
  EXPECT_EQ(h.decisive[0].status, spur::Status::partially_met);
  EXPECT_TRUE(h.chains.empty());
}

TEST(Explain, ChainFollowsImpliedPrerequisites) {
  // The bundled rules have no chains; F7 requires E4, which requires E2.
  const auto ev = spur::evaluate(spur::test::chain_book(), Inspection::parse(R"(inspection:
  regulations: [chain-test]
  default_status: met
findings:
  E2: not_met
)"));
  const auto f = explain_one(ev, "F");
  EXPECT_EQ(f.computed, Grade::C);
  EXPECT_EQ(f.deciding_row, 1);
  EXPECT_EQ(decisive_ids(f), Ids{"F7"});
  EXPECT_EQ(f.chains, Ids{"F7 räknas som ej uppfyllt eftersom E4 inte är uppfyllt; "
                          "E4 räknas som ej uppfyllt eftersom E2 inte är uppfyllt"});
}

TEST(Explain, ProvisionalGradeListsSettlements) {
  const auto ev = eval_file("provisional-a-c.yaml");
  const auto x = explain_one(ev, "F");
  EXPECT_EQ(x.possible, grades({Grade::A, Grade::C}));
  EXPECT_FALSE(x.computed.has_value());
  EXPECT_EQ(x.deciding_row, -1);
  EXPECT_TRUE(x.decisive.empty());
  EXPECT_TRUE(x.scale_text.empty());
  EXPECT_EQ(outcomes(x), (std::vector<RowOutcome>{RowOutcome::fails, RowOutcome::unknown,
                                                  RowOutcome::fails, RowOutcome::holds}));
  EXPECT_EQ(x.rows[1].values, "advice.unmet = 0..1");
  ASSERT_EQ(x.settle.size(), 2u);
  EXPECT_EQ(x.settle[0].requirement, "F3");
  EXPECT_EQ(x.settle[0].if_met, GradeSet::of(Grade::A));
  EXPECT_EQ(x.settle[0].if_not_met, GradeSet::of(Grade::C));
  // F6 alone settles nothing: one unmet indicator is an isolated exception.
  EXPECT_EQ(x.settle[1].requirement, "F6");
  EXPECT_EQ(x.settle[1].if_met, grades({Grade::A, Grade::C}));
  EXPECT_EQ(x.settle[1].if_not_met, grades({Grade::A, Grade::C}));

  const std::string text = spur::render(x);
  EXPECT_TRUE(contains(text, "preliminär / provisional, möjliga / possible {A, C}")) << text;
  EXPECT_TRUE(contains(text, "F3: uppfyllt / met -> {A}, ej uppfyllt / not met -> {C}")) << text;

  // A certain grade has nothing to settle, even with unknown findings.
  const auto g = explain_one(eval_file("statuses-all-five.yaml"), "G");
  EXPECT_EQ(g.computed, Grade::A);
  EXPECT_TRUE(g.settle.empty());
}

TEST(Explain, ProvisionalAOrD) {
  const auto x = explain_one(eval_file("provisional-a-d.yaml"), "E");
  EXPECT_EQ(x.possible, grades({Grade::A, Grade::D}));
  ASSERT_EQ(x.settle.size(), 1u);
  EXPECT_EQ(x.settle[0].requirement, "E5");
  EXPECT_EQ(x.settle[0].if_met, GradeSet::of(Grade::A));
  EXPECT_EQ(x.settle[0].if_not_met, GradeSet::of(Grade::D));
  EXPECT_EQ(x.rows[0].outcome, RowOutcome::unknown);
}

TEST(Explain, OverrideShownWithItsReason) {
  const auto ev = eval_file("override-with-reason.yaml");
  const auto x = explain_one(ev, "E");
  ASSERT_TRUE(x.override.has_value());
  EXPECT_EQ(x.override->grade, Grade::A);
  EXPECT_EQ(x.computed, Grade::B);
  EXPECT_EQ(x.deciding_row, 2);  // the computed grade's row
  EXPECT_EQ(decisive_ids(x), (Ids{"E13", "E14"}));
  // The scale text is the wording of the grade that stands.
  EXPECT_EQ(x.scale_text,
            "Socialstyrelsens föreskrifter och allmänna råd följs. Övriga kvalitetsindikatorer är "
            "uppfyllda, men enstaka undantag kan förekomma.");
  const std::string text = spur::render(x);
  EXPECT_TRUE(contains(text, "Gradering / grade: A")) << text;
  EXPECT_TRUE(contains(text, "beräknad / computed B")) << text;
  EXPECT_TRUE(contains(text,
                       "Utvecklingssamtal och uppföljning sker, men dokumentationen "
                       "saknades vid besöket."))
      << text;

  const auto j = spur::to_json(x);
  EXPECT_EQ(j["grade"], "A");
  EXPECT_EQ(j["computed_grade"], "B");
  EXPECT_EQ(j["override"]["grade"], "A");
  EXPECT_EQ(j["override"]["reason"],
            "Utvecklingssamtal och uppföljning sker, men dokumentationen saknades vid besöket.");
}

TEST(Explain, ConflictIsShown) {
  const auto x = explain_one(eval_file("conflict-met-dependent.yaml"), "B");
  ASSERT_EQ(x.conflicts.size(), 1u);
  EXPECT_EQ(x.conflicts[0].requirement, "B1");
  EXPECT_EQ(decisive_ids(x), Ids{"B2"});
  const std::string text = spur::render(x);
  EXPECT_TRUE(contains(text, x.conflicts[0].message)) << text;
  EXPECT_TRUE(contains(text, "B1")) << text;
  // The conflict belongs to area B only.
  EXPECT_TRUE(explain_one(eval_file("conflict-met-dependent.yaml"), "E").conflicts.empty());
}

TEST(Explain, EachRegulationOrOne) {
  const auto ev = eval_file("e7-both-regulations.yaml");
  const auto both = spur::explain(ev, "E");
  ASSERT_EQ(both.size(), 2u);
  EXPECT_EQ(both[0].regulation, k2015);
  EXPECT_EQ(both[0].computed, Grade::C);
  EXPECT_EQ(both[0].deciding_row, 1);
  EXPECT_EQ(both[0].rows[0].outcome, RowOutcome::fails);
  EXPECT_EQ(decisive_ids(both[0]), Ids{"E7"});
  EXPECT_EQ(both[0].decisive[0].kind, spur::Kind::advice);
  EXPECT_EQ(both[1].regulation, k2021);
  EXPECT_EQ(both[1].computed, Grade::D);
  EXPECT_EQ(both[1].deciding_row, 0);
  EXPECT_EQ(decisive_ids(both[1]), Ids{"E7"});
  EXPECT_EQ(both[1].decisive[0].kind, spur::Kind::provision);
  EXPECT_TRUE(contains(spur::render(both[0]), "allmänt råd")) << spur::render(both[0]);
  EXPECT_TRUE(contains(spur::render(both[1]), "föreskrift")) << spur::render(both[1]);

  const auto one = explain_one(ev, "E", k2021);
  EXPECT_EQ(one.regulation, k2021);
  EXPECT_EQ(one.computed, Grade::D);
}

TEST(Explain, LookupErrors) {
  const auto ev = eval_file("implied-e2.yaml");
  EXPECT_THROW(spur::explain(ev, "Z"), spur::LookupError);
  EXPECT_THROW(spur::explain(ev, ""), spur::LookupError);
  EXPECT_THROW(spur::explain(ev, "E", k2021), spur::LookupError);  // not inspected
  EXPECT_THROW(spur::explain(ev, "E", "no-such"), spur::LookupError);
  try {
    spur::explain(ev, "Z");
  } catch (const spur::LookupError& e) {
    EXPECT_TRUE(contains(e.what(), "unknown area 'Z'")) << e.what();
  }
}

TEST(Explain, JsonHasTheSameFields) {
  for (const auto& [file, area] :
       std::vector<std::pair<std::string, std::string>>{{"implied-e2.yaml", "E"},
                                                        {"provisional-a-c.yaml", "F"},
                                                        {"override-with-reason.yaml", "G"},
                                                        {"conflict-met-dependent.yaml", "B"}}) {
    SCOPED_TRACE(file + " " + area);
    const auto x = explain_one(eval_file(file), area);
    const auto j = spur::to_json(x);
    EXPECT_EQ(j["regulation"], x.regulation);
    EXPECT_EQ(j["area"], x.area);
    EXPECT_EQ(j["area_name"], x.area_name);
    EXPECT_EQ(j["scale"], x.scale);
    ASSERT_EQ(j["possible_grades"].size(), static_cast<std::size_t>(x.possible.size()));
    for (Grade g : x.possible.grades())
      EXPECT_NE(std::find(j["possible_grades"].begin(), j["possible_grades"].end(),
                          std::string(to_string(g))),
                j["possible_grades"].end());
    if (x.computed)
      EXPECT_EQ(j["computed_grade"], std::string(to_string(*x.computed)));
    else
      EXPECT_TRUE(j["computed_grade"].is_null());
    EXPECT_EQ(j["override"].is_null(), !x.override.has_value());
    ASSERT_EQ(j["rows"].size(), x.rows.size());
    for (std::size_t i = 0; i < x.rows.size(); ++i) {
      EXPECT_EQ(j["rows"][i]["grade"], std::string(to_string(x.rows[i].grade)));
      EXPECT_EQ(j["rows"][i]["when"], x.rows[i].when);
      EXPECT_EQ(j["rows"][i]["outcome"], std::string(to_string(x.rows[i].outcome)));
      EXPECT_EQ(j["rows"][i]["values"], x.rows[i].values);
      EXPECT_EQ(j["rows"][i]["decided"], static_cast<int>(i) == x.deciding_row);
      EXPECT_EQ(j["rows"][i]["text"], x.rows[i].text);
    }
    ASSERT_EQ(j["decisive"].size(), x.decisive.size());
    for (std::size_t i = 0; i < x.decisive.size(); ++i) {
      EXPECT_EQ(j["decisive"][i]["id"], x.decisive[i].id);
      EXPECT_EQ(j["decisive"][i]["status"], std::string(to_string(x.decisive[i].status)));
      EXPECT_EQ(j["decisive"][i]["because"], x.decisive[i].because);
      EXPECT_EQ(j["decisive"][i]["origin"],
                x.decisive[i].origin == StatusOrigin::implied ? "implied" : "finding");
    }
    ASSERT_EQ(j["implied"].size(), x.implied.size());
    for (std::size_t i = 0; i < x.implied.size(); ++i)
      EXPECT_EQ(j["implied"][i]["id"], x.implied[i].id);
    EXPECT_EQ(j["chains"], x.chains);
    ASSERT_EQ(j["conflicts"].size(), x.conflicts.size());
    for (std::size_t i = 0; i < x.conflicts.size(); ++i) {
      EXPECT_EQ(j["conflicts"][i]["requirement"], x.conflicts[i].requirement);
      EXPECT_EQ(j["conflicts"][i]["message"], x.conflicts[i].message);
    }
    ASSERT_EQ(j["settle"].size(), x.settle.size());
    for (std::size_t i = 0; i < x.settle.size(); ++i)
      EXPECT_EQ(j["settle"][i]["requirement"], x.settle[i].requirement);
    if (x.scale_text.empty())
      EXPECT_TRUE(j["scale_text"].is_null());
    else
      EXPECT_EQ(j["scale_text"], x.scale_text);
  }
  // Spot checks against hand-worked values.
  const auto f = spur::to_json(explain_one(eval_file("provisional-a-c.yaml"), "F"));
  EXPECT_TRUE(f["grade"].is_null());
  EXPECT_EQ(f["possible_grades"], (nlohmann::json{"A", "C"}));
  EXPECT_EQ(f["settle"][0], (nlohmann::json{{"requirement", "F3"},
                                            {"if_met", nlohmann::json{"A"}},
                                            {"if_not_met", nlohmann::json{"C"}}}));
  const auto e = spur::to_json(explain_one(eval_file("implied-e2.yaml"), "E"));
  EXPECT_EQ(e["grade"], "D");
  EXPECT_EQ(e["rows"][0]["decided"], true);
  EXPECT_EQ(e["decisive"][1]["id"], "E4");
  EXPECT_EQ(e["decisive"][1]["origin"], "implied");
  EXPECT_EQ(e["decisive"][1]["because"], (nlohmann::json{"E2"}));
  EXPECT_EQ(e["decisive"][0]["note"], "Ingen huvudansvarig handledare är utsedd.");
  EXPECT_EQ(e["chains"][0], "E4 räknas som ej uppfyllt eftersom E2 inte är uppfyllt");
}

}  // namespace

namespace spur::test {
namespace {

TEST(ExplainSettle, AnUnknownPrerequisiteInAnotherAreaIsNamedAndSettled) {
  auto ev = evaluate(bundled(), Inspection::parse(R"(inspection:
  regulations: [sosfs-2015-8]
  default_status: met
findings:
  D6: not_assessed
)"));
  auto x = explain(ev, "F").front();
  EXPECT_EQ(x.computed, std::nullopt);
  ASSERT_EQ(x.settle.size(), 1u);
  EXPECT_EQ(x.settle[0].requirement, "D6");
  EXPECT_EQ(x.settle[0].if_met, GradeSet::of(Grade::A));
  EXPECT_EQ(x.settle[0].if_not_met, GradeSet::of(Grade::D));
  EXPECT_NE(render(x).find("D6: uppfyllt / met -> {A}, ej uppfyllt / not met -> {D}"),
            std::string::npos)
      << render(x);
}

}  // namespace
}  // namespace spur::test

namespace spur::test {
namespace {

TEST(ExplainOtherUnmet, AnIsolatedUnmetIndicatorIsShownBesideGradeA) {
  auto ev = evaluate(bundled(), Inspection::parse(R"(inspection:
  regulations: [sosfs-2015-8]
  default_status: met
findings:
  G9: not_met
)"));
  auto x = explain(ev, "G").front();
  EXPECT_EQ(x.computed, Grade::A);
  EXPECT_TRUE(x.decisive.empty());
  ASSERT_EQ(x.other_unmet.size(), 1u);
  EXPECT_EQ(x.other_unmet[0].id, "G9");
  EXPECT_NE(
      render(x).find("Övriga ej uppfyllda / other unmet:\n  G9 (kvalitetsindikator, ej uppfyllt)"),
      std::string::npos)
      << render(x);
}

}  // namespace
}  // namespace spur::test
