// Drafting a finding's status from a report's wording: not_met for something absent,
// partially_met for something there that falls short, and the words that decided named. A table
// of sentences as SPUR reports write them; then, through whole imports, the rule that a not_met
// prerequisite would imply its dependents, so the draft prefers partially_met and warns.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <optional>

#include "import/status_words.hpp"
#include "spur/evaluation.hpp"
#include "spur/import.hpp"
#include "support.hpp"

namespace spur::test {
namespace {

using ::testing::ElementsAreArray;
using ::testing::HasSubstr;

struct WordingCase {
  const char* sentence;
  std::optional<Status> status;
  std::vector<std::string> partial, absent;
};

void PrintTo(const WordingCase& c, std::ostream* os) {
  *os << '"' << c.sentence << '"';
}

class ReadWording : public ::testing::TestWithParam<WordingCase> {};

TEST_P(ReadWording, ChoosesTheStatusAndNamesTheWords) {
  const detail::Wording w = detail::read_wording({GetParam().sentence});
  EXPECT_EQ(w.status, GetParam().status);
  EXPECT_THAT(w.partial_words, ElementsAreArray(GetParam().partial));
  EXPECT_THAT(w.absent_words, ElementsAreArray(GetParam().absent));
}

constexpr auto absent = Status::not_met;
constexpr auto short_of = Status::partially_met;

INSTANTIATE_TEST_SUITE_P(
    Absent, ReadWording,
    ::testing::Values(
        WordingCase{
            "Det saknas skriftlig uppdragsbeskrivning för studierektorn.", absent, {}, {"saknas"}},
        WordingCase{"Studierektor saknas sedan hösten 2024.", absent, {}, {"saknas"}},
        WordingCase{"Verksamheten har ingen utsedd studierektor.", absent, {}, {"ingen"}},
        WordingCase{"Kompetensbedömningar har inte genomförts.", absent, {}, {"inte"}},
        WordingCase{
            "Det individuella utbildningsprogrammet revideras aldrig.", absent, {}, {"aldrig"}},
        WordingCase{
            "Det finns inte någon plan för sidotjänstgöringen.", absent, {}, {"finns inte"}},
        WordingCase{
            "Inga bedömningar av ST-läkarens kompetens dokumenteras.", absent, {}, {"inga"}},
        WordingCase{"Utvecklingssamtal har ännu ej genomförts.", absent, {}, {"ej"}},
        WordingCase{"ST-läkaren har inget individuellt utbildningsprogram.", absent, {}, {"inget"}},
        WordingCase{"Det råder avsaknad av rutiner för bedömning.", absent, {}, {"avsaknad"}},
        WordingCase{"Verksamheten tillhandahåller riktlinjer, vilka dock inte är kända.",
                    absent,
                    {},
                    {"inte"}},
        WordingCase{
            "Namngiven schemalagd bakjour till ST-läkaren saknas.", absent, {}, {"saknas"}}));

INSTANTIATE_TEST_SUITE_P(
    FallingShort, ReadWording,
    ::testing::Values(
        WordingCase{"Vissa ST-läkare har inget individuellt utbildningsprogram.",
                    short_of,
                    {"vissa"},
                    {"inget"}},
        WordingCase{
            "Handledarutbildning saknas hos vissa handledare.", short_of, {"saknas … vissa"}, {}},
        WordingCase{
            "Det finns en variation i hur handledningen genomförs.", short_of, {"variation"}, {}},
        WordingCase{"Handledning ges i viss utsträckning.", short_of, {"i viss utsträckning"}, {}},
        WordingCase{"Bedömningarna görs i begränsad utsträckning.",
                    short_of,
                    {"i begränsad utsträckning"},
                    {}},
        WordingCase{
            "Det finns brister i dokumentationen av bedömningarna.", short_of, {"brister i"}, {}},
        WordingCase{
            "Återkoppling ges inte alltid efter bedömningarna.", short_of, {"inte alltid"}, {}},
        WordingCase{"Utbildningsprogrammet följs delvis upp.", short_of, {"delvis"}, {}},
        WordingCase{
            "Dokumentationen av bedömningarna är ofullständig.", short_of, {"ofullständig"}, {}},
        WordingCase{"Handledningen sker inte regelbundet.", short_of, {"inte regelbundet"}, {}},
        WordingCase{"Bedömning och återkoppling av ledarskapskompetens sker sporadiskt och utan "
                    "övergripande struktur.",
                    short_of,
                    {"sporadiskt", "utan … struktur"},
                    {}},
        WordingCase{"Det saknas strukturerad bedömning av ledarskapskompetens.",
                    short_of,
                    {"saknas strukturerad"},
                    {}},
        WordingCase{
            "Rutinerna är inte kända av samtliga handledare.", short_of, {"inte … samtliga"}, {}},
        WordingCase{"Få bedömningar har utförts.", short_of, {"få"}, {}},
        WordingCase{"Det finns en ansats till koppling mellan delmål och aktiviteter.",
                    short_of,
                    {"ansats"},
                    {}},
        WordingCase{"Sidotjänstgöringen följs sällan upp.", short_of, {"sällan"}, {}},
        WordingCase{
            "Studierektor deltar i bedömningarna i varierande grad.", short_of, {"varierande"}, {}},
        WordingCase{"Handledning förekommer, men sker oregelbundet.",
                    short_of,
                    {"förekommer, men", "oregelbundet"},
                    {}},
        WordingCase{"Den teoretiska utbildningen är bristfälligt strukturerad.",
                    short_of,
                    {"bristfälligt"},
                    {}},
        WordingCase{
            "Handledningen är inte tillräckligt schemalagd.", short_of, {"inte tillräckligt"}, {}},
        WordingCase{"Bedömningar görs, men inte på ett systematiskt sätt.",
                    short_of,
                    {"inte … systematiskt"},
                    {}},
        WordingCase{"Introduktionen är otydlig och ges inte till alla nya ST-läkare.",
                    short_of,
                    {"otydlig", "inte … alla"},
                    {}}));

INSTANTIATE_TEST_SUITE_P(
    Undecided, ReadWording,
    ::testing::Values(
        WordingCase{"Handledningen bör struktureras.", std::nullopt, {}, {}},
        WordingCase{"Verksamheten ska ta fram rutiner för bedömning.", std::nullopt, {}, {}},
        WordingCase{"ST-läkaren leder teamronder i slutenvården.", std::nullopt, {}, {}}));

// --- through an import: the words in the draft, and prerequisites ------------------------------

std::string sample_with_area_e_sentence(const std::string& sentence) {
  std::string text = read_file(data_dir() / "reports" / "spur-report-palliativ-sydostra-skane.txt");
  const std::string after = "Verksamhetschefen håller årligt utvecklingssamtal med ST-läkarna.\n";
  text.insert(text.find(after) + after.size(), "\n" + sentence + "\n");
  return text;
}

bool has_warning(const ImportResult& r, int line, const std::string& part) {
  for (const auto& d : r.diagnostics)
    if (d.line == line && d.message.find(part) != std::string::npos) return true;
  return false;
}

TEST(ImportWording, TheDraftNamesTheWordsThatDecided) {
  const ImportResult r = import_report_data(
      bundled(),
      sample_with_area_e_sentence(
          "Det finns inga rutiner för hur den kontinuerliga bedömningen dokumenteras. Åtgärd "
          "krävs."),
      "report.txt");
  const Finding* e6 = r.inspection.find("E6");
  ASSERT_NE(e6, nullptr) << r.yaml;
  EXPECT_EQ(e6->status, Status::not_met);  // E6 is no prerequisite: absent means not_met
  EXPECT_THAT(r.yaml, HasSubstr("# UTKAST E6 (rad 412): ej uppfyllt efter \"inga\""));
}

TEST(ImportWording, ANotMetPrerequisiteIsDraftedPartiallyMetWithAWarning) {
  // E2 is a prerequisite of B1, B2, E4, E10: "saknas" alone would make them all unmet.
  const ImportResult r = import_report_data(
      bundled(),
      sample_with_area_e_sentence(
          "Det saknas en utsedd huvudansvarig handledare för ST-läkaren. Åtgärd krävs."),
      "report.txt");
  const Finding* e2 = r.inspection.find("E2");
  ASSERT_NE(e2, nullptr) << r.yaml;
  EXPECT_EQ(e2->status, Status::partially_met);
  EXPECT_TRUE(has_warning(r, 412,
                          "E2 reads as not_met (\"saknas\") but is a prerequisite of "
                          "B1, B2, E4, E10"));
  const Evaluation ev = evaluate(bundled(), r.inspection);
  for (const char* dependent : {"B1", "B2", "E4", "E10"})
    EXPECT_EQ(r.inspection.find(dependent), nullptr) << dependent;
  EXPECT_EQ(ev.grade("B"), Grade::A);  // nothing implied
  EXPECT_EQ(ev.grade("E"), Grade::D);
}

TEST(ImportWording, APrerequisiteThatFallsShortNeedsNoWarning) {
  const ImportResult r = import_report_data(
      bundled(),
      sample_with_area_e_sentence("Huvudansvarig handledare har ännu inte utsetts för vissa "
                                  "ST-läkare. Åtgärd krävs."),
      "report.txt");
  const Finding* e2 = r.inspection.find("E2");
  ASSERT_NE(e2, nullptr) << r.yaml;
  EXPECT_EQ(e2->status, Status::partially_met);
  EXPECT_FALSE(has_warning(r, 412, "prerequisite"));
  EXPECT_NE(r.yaml.find("delvis uppfyllt efter \"inte … vissa\""), std::string::npos);
}

TEST(ImportWording, WordsBothWaysAreDraftedPartiallyMetWithAWarning) {
  const ImportResult r = import_report_data(
      bundled(),
      sample_with_area_e_sentence("Rutiner för dokumentation av bedömningarna saknas, och de "
                                  "bedömningar som görs dokumenteras i viss utsträckning. "
                                  "Åtgärd krävs."),
      "report.txt");
  const Finding* e6 = r.inspection.find("E6");
  ASSERT_NE(e6, nullptr) << r.yaml;
  EXPECT_EQ(e6->status, Status::partially_met);
  EXPECT_TRUE(has_warning(r, 412,
                          "E6: the wording points both ways (\"i viss utsträckning\" "
                          "against \"saknas\")"));
}

}  // namespace
}  // namespace spur::test
