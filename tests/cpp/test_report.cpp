// Reports: the model built from evaluations, its HTML and Markdown structure, the PDF and Excel
// bytes, safe writing, and `spur report` / `spur evaluate --format xlsx` on the command line.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <regex>

#include "spur/inspection.hpp"
#include "spur/report.hpp"
#include "support.hpp"

namespace spur::test {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

const std::filesystem::path example = source_dir() / "examples" / "palliativ-sydostra-skane.yaml";
const std::filesystem::path two = data_dir() / "reports" / "two-regulations.yaml";

Evaluation evaluated(const std::filesystem::path& file) {
  return evaluate(bundled(), std::make_shared<const Inspection>(Inspection::load(file)));
}

Report report_of(const std::vector<const Evaluation*>& evs, const char* as_of,
                 Language language = Language::sv) {
  return build_report(evs, ReportOptions{*parse_iso_date(as_of), language});
}

// The text of the first element matching `pattern` (a regex with one group).
std::string first(const std::string& text, const std::string& pattern) {
  std::smatch m;
  return std::regex_search(text, m, std::regex(pattern)) ? m[1].str() : std::string("(none)");
}

std::vector<std::string> all(const std::string& text, const std::string& pattern) {
  std::vector<std::string> out;
  const std::regex re(pattern);
  for (auto it = std::sregex_iterator(text.begin(), text.end(), re); it != std::sregex_iterator();
       ++it)
    out.push_back((*it)[1].str());
  return out;
}

TEST(Report, ModelTakesTheGradesTheEvaluationGives) {
  const Evaluation ev = evaluated(two);
  const Report r = report_of({&ev}, "2025-05-15");
  ASSERT_EQ(r.inspections.size(), 1u);
  const InspectionReport& i = r.inspections.front();
  ASSERT_EQ(i.areas.size(), 8u);
  // B: D in both regulations, adjusted to C after the received plan.
  EXPECT_EQ(i.areas[1].grades[0].text(), "D→C");
  EXPECT_EQ(i.areas[1].combined.text(), "D→C");
  // E: E7 is advice in 2015:8 (C) and a provision in 2021:8 (D).
  EXPECT_EQ(i.areas[4].grades[0].text(), "C");
  EXPECT_EQ(i.areas[4].grades[1].text(), "D");
  EXPECT_EQ(i.areas[4].combined.text(), "D");
  // F: provisional, A or C.
  EXPECT_TRUE(i.areas[5].grades[0].provisional());
  EXPECT_EQ(i.areas[5].grades[0].text(), "A/C?");
  for (std::size_t a = 0; a < i.areas.size(); ++a)
    for (std::size_t k = 0; k < ev.regulations.size(); ++k) {
      const AreaResult& res = ev.result(i.areas[a].id, ev.regulations[k]);
      EXPECT_EQ(i.areas[a].grades[k].grade, res.grade()) << i.areas[a].id;
      EXPECT_EQ(i.areas[a].grades[k].adjusted, res.adjusted) << i.areas[a].id;
    }
  EXPECT_EQ(r.rule_book.digest.size(), 64u);
}

TEST(Report, ExampleHtmlHasTheSummaryActionsAndPlan) {
  const Evaluation ev = evaluated(example);
  const std::string html = to_html(report_of({&ev}, "2025-03-15"));
  EXPECT_THAT(html, HasSubstr("<html lang=\"sv\">"));
  EXPECT_THAT(html, HasSubstr("<th scope=\"col\">Område</th>"));
  EXPECT_THAT(html, HasSubstr("@media print"));
  // No network: nothing loaded from elsewhere, no scripts.
  EXPECT_THAT(html, Not(HasSubstr("<script")));
  EXPECT_THAT(html, Not(HasSubstr("src=")));
  EXPECT_THAT(html, Not(HasSubstr("http")));
  // The summary row of each area: its grade.
  const std::string summary = first(html, "<table class=\"summary\">([\\s\\S]*?)</table>");
  EXPECT_EQ(all(summary, "data-grade=\"([^\"]+)\""),
            (std::vector<std::string>{"A", "A/B?", "A", "D→C?", "C", "A", "A/B/C?", "D→C?"}));
  EXPECT_THAT(summary, HasSubstr("grade-B provisional"));
  EXPECT_THAT(html, HasSubstr("D→C: handlingsplan inkommen"));
  // Åtgärd krävs: the five required actions, in areas D and H.
  EXPECT_EQ(all(html, "<div class=\"actions required\">[\\s\\S]*?<li data-requirement=\"(\\w+)\""),
            (std::vector<std::string>{"D1", "H2"}));
  EXPECT_EQ(all(html, "<li data-requirement=\"(\\w+)\"><strong>\\w+</strong>").size(), 5u + 1u);
  // The scale of D: D is the grade, C what it was adjusted to.
  const std::string area_d =
      first(html, "(<section class=\"area\"[^>]*data-area=\"D\">[\\s\\S]*?</section>)");
  EXPECT_THAT(
      area_d,
      HasSubstr("<th scope=\"row\" class=\"grade grade-D\">D</th><td class=\"mark X\">X</td>"));
  EXPECT_THAT(
      area_d,
      HasSubstr("<th scope=\"row\" class=\"grade grade-C\">C</th><td class=\"mark\">→</td>"));
  EXPECT_THAT(area_d,
              HasSubstr("<details class=\"explanation\"><summary>Förklaring av graderingen"));
  EXPECT_THAT(area_d, HasSubstr("<h3>Föreskrifter</h3>"));
  // The plan followed up on 2025-03-15.
  EXPECT_EQ(all(html, "data-state=\"(\\w+)\""),
            (std::vector<std::string>{"planned", "overdue", "due", "due", "due"}));
  EXPECT_THAT(html, HasSubstr("<td class=\"state state-overdue\">försenad</td>"));
}

TEST(Report, TwoRegulationHtmlShowsBothColumnsImpliedAndEscapedNotes) {
  const Evaluation ev = evaluated(two);
  const std::string html = to_html(report_of({&ev}, "2025-05-15"));
  const std::string summary = first(html, "<table class=\"summary\">([\\s\\S]*?)</table>");
  EXPECT_THAT(summary,
              HasSubstr("<th scope=\"col\" class=\"grade\">SOSFS 2015:8</th><th scope=\"col\" "
                        "class=\"grade\">HSLF-FS 2021:8</th><th scope=\"col\" "
                        "class=\"grade\">Samlad</th>"));
  const std::string row_e = first(summary, "(<tr data-area=\"E\">.*</tr>)");
  EXPECT_EQ(all(row_e, "data-grade=\"([^\"]+)\""), (std::vector<std::string>{"C", "D", "D"}));
  const std::string row_f = first(summary, "(<tr data-area=\"F\">.*</tr>)");
  EXPECT_EQ(all(row_f, "data-grade=\"([^\"]+)\""),
            (std::vector<std::string>{"A/C?", "A/C?", "A/C?"}));
  EXPECT_THAT(row_f, HasSubstr("preliminär"));
  // The scale marks one column per regulation.
  EXPECT_THAT(html, HasSubstr("<th scope=\"col\" class=\"grade\">2015</th><th scope=\"col\" "
                              "class=\"grade\">2021</th>"));
  // Implied requirements say what implied them.
  EXPECT_THAT(html, HasSubstr("räknas som ej uppfyllt eftersom B4 inte är uppfyllt"));
  // The note with markup is shown, never run.
  EXPECT_THAT(html, Not(HasSubstr("<script>")));
  EXPECT_THAT(html, HasSubstr("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; används"));
  EXPECT_EQ(all(html, "data-state=\"(\\w+)\""),
            (std::vector<std::string>{"due", "overdue", "planned"}));
}

TEST(Report, EnglishLabelsLeaveTheRuleTextsSwedish) {
  const Evaluation ev = evaluated(example);
  const std::string html = to_html(report_of({&ev}, "2025-03-15", Language::en));
  EXPECT_THAT(html, HasSubstr("<html lang=\"en\">"));
  EXPECT_THAT(html, HasSubstr("Action required"));
  EXPECT_THAT(html, HasSubstr("Tjänstgöringens upplägg"));
  EXPECT_THAT(html, HasSubstr(">overdue</td>"));
}

TEST(Report, ExampleMarkdownHasTablesActionsAndPlan) {
  const Evaluation ev = evaluated(example);
  const std::string md = to_markdown(report_of({&ev}, "2025-03-15"));
  EXPECT_THAT(md, HasSubstr("# SPUR-rapport – Specialiserad palliativ vård, Sydöstra Skåne\n"));
  EXPECT_THAT(md, HasSubstr("| Område | SOSFS 2015:8 |\n|---|:-:|\n"));
  EXPECT_THAT(md, HasSubstr("| D Tjänstgöringens upplägg | **D→C?** |\n"));
  EXPECT_THAT(md, HasSubstr("| B Medarbetarstab och interna kompetenser | **A/B?** |\n"));
  EXPECT_THAT(md, HasSubstr("| D | **X** | Brister har påvisats"));
  EXPECT_THAT(md, HasSubstr("**Åtgärd krävs**\n\n- **D1** Verksamheten tillhandahåller"));
  EXPECT_THAT(md, HasSubstr("- **H2** ST-läkaren bedöms kontinuerligt i medicinskt ledarskap"));
  EXPECT_THAT(md, HasSubstr("<details><summary>Förklaring av graderingen</summary>"));
  EXPECT_EQ(all(md, "\\| \\*\\*(planerad|försenad|pågår|klar)\\*\\*"),
            (std::vector<std::string>{"planerad", "försenad", "pågår", "pågår", "pågår"}));
}

TEST(Report, TwoRegulationMarkdownEscapesWhatItQuotes) {
  const Evaluation ev = evaluated(two);
  const std::string md = to_markdown(report_of({&ev}, "2025-05-15"));
  EXPECT_THAT(md, HasSubstr("| Område | SOSFS 2015:8 | HSLF-FS 2021:8 | Samlad |\n"));
  EXPECT_THAT(md, HasSubstr("| E Handledning och kompetensbedömning | **C** | **D** | **D** |\n"));
  EXPECT_THAT(md, HasSubstr("| F Teoretisk utbildning | **A/C?** | **A/C?** | **A/C?** |\n"));
  EXPECT_THAT(
      md,
      HasSubstr("| B Medarbetarstab och interna kompetenser | **D→C** | **D→C** | **D→C** |\n"));
  EXPECT_THAT(md, HasSubstr("&lt;script&gt;alert('x')&lt;/script&gt; &amp; används \\| ofta."));
  EXPECT_THAT(md,
              HasSubstr("**ej uppfyllt** (räknas som ej uppfyllt eftersom B4 inte är uppfyllt)"));
  EXPECT_EQ(all(md, "\\| \\*\\*(planerad|försenad|pågår|klar)\\*\\*"),
            (std::vector<std::string>{"pågår", "försenad", "planerad"}));
}

TEST(Report, SeveralInspectionsGiveAHeatMapAndAPagePerInspection) {
  const Evaluation a = evaluated(example), b = evaluated(two);
  const Report r = report_of({&a, &b}, "2025-05-15");
  const std::string html = to_html(r);
  const std::string heat = first(html, "<table class=\"heat-map\">([\\s\\S]*?)</table>");
  EXPECT_EQ(all(heat, "data-grade=\"([^\"]+)\"").size(), 16u);
  EXPECT_THAT(heat, HasSubstr("Specialiserad palliativ vård, Sydöstra Skåne"));
  EXPECT_EQ(all(html, "<article class=\"inspection\" id=\"([^\"]+)\"").size(), 2u);
  const std::string md = to_markdown(r);
  EXPECT_THAT(md, HasSubstr("| Specialiserad palliativ vård, Sydöstra Skåne | **A** | **A/B?** | "
                            "**A** | **D→C?** | **C** | **A** | **A/B/C?** | **D→C?** | 5 |"));
  EXPECT_THAT(md, HasSubstr("| D Tjänstgöringens upplägg | "));
}

TEST(Report, PdfAndWorkbookAreWhatTheyClaim) {
  const Evaluation ev = evaluated(two);
  const Report r = report_of({&ev}, "2025-05-15");
  const std::string pdf = to_pdf(r);
  EXPECT_EQ(pdf.substr(0, 5), "%PDF-");
  EXPECT_GT(pdf.size(), 10000u);
  const std::string xlsx = to_xlsx(r);
  EXPECT_EQ(xlsx.substr(0, 2), "PK");
}

TEST(Report, WritingRefusesToReplaceWithoutForceAndLeavesTheOldFile) {
  ScratchDir dir;
  const Evaluation ev = evaluated(example);
  const Report r = report_of({&ev}, "2025-03-15");
  const auto path = dir.write("report.html", "old");
  EXPECT_THROW(write_report(r, ReportFormat::html, path), FileError);
  EXPECT_EQ(read_file(path), "old");
  write_report(r, ReportFormat::html, path, Overwrite::replace);
  EXPECT_THAT(read_file(path), HasSubstr("<!DOCTYPE html>"));
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir.path()),
                          std::filesystem::directory_iterator()),
            1);
}

TEST(Report, CommandWritesRefusesAndExplains) {
  ScratchDir dir;
  const auto out = dir.path() / "r.html";
  auto r = run_spur("report " + quoted(example) + " --as-of 2025-03-15 --out " + quoted(out));
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_THAT(read_file(out), HasSubstr("data-grade=\"D→C?\""));
  r = run_spur("report " + quoted(example) + " --out " + quoted(out));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.out, HasSubstr("already exists; use --force"));
  r = run_spur("report " + quoted(example) + " --out " + quoted(out) + " --force --format md");
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_THAT(read_file(out), HasSubstr("| D Tjänstgöringens upplägg | **D→C?** |"));
  r = run_spur("report " + quoted(example) + " --as-of 2025-13-01");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.out, HasSubstr("--as-of 2025-13-01 is not a date; write it as YYYY-MM-DD"));
  const auto bad =
      dir.write("bad.yaml", "inspection: {regulations: [sosfs-2015-8]}\nfindings:\n  Q9: met\n");
  r = run_spur("report " + quoted(example) + " " + quoted(bad) + " --out " +
               quoted(dir.path() / "none.html"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.out, HasSubstr("bad.yaml:3"));
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "none.html"));
  r = run_spur("report " + quoted(example) + " --format md --lang en --as-of 2025-03-15");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_THAT(r.out, HasSubstr("| Area | SOSFS 2015:8 |"));
}

TEST(Report, EvaluateWritesAWorkbookOnlyWithForceOverAnOldOne) {
  ScratchDir dir;
  const auto out = dir.write("grades.xlsx", "old");
  auto r = run_spur("evaluate " + quoted(example) + " --format xlsx --out " + quoted(out));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(read_file(out), "old");
  r = run_spur("evaluate " + quoted(example) + " --format xlsx --force --as-of 2025-03-15 --out " +
               quoted(out));
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(read_file(out).substr(0, 2), "PK");
  r = run_spur("evaluate " + quoted(example) + " --format xlsx --force --as-of 9999-99-99 --out " +
               quoted(out));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(read_file(out).substr(0, 2), "PK");
  r = run_spur("evaluate " + quoted(example) + " --format json --out " + quoted(out));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.out, HasSubstr("--out and --as-of go with --format xlsx"));
}

}  // namespace
}  // namespace spur::test
