// Personal names in a handlingsplan's responsible fields: the import drops people's names and
// keeps roles, organisations, units and places. A table of fields as reports write them, both
// ways, and the same through a whole import with and without --keep-names.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "import/names.hpp"
#include "spur/import.hpp"
#include "support.hpp"

namespace spur::test {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

struct NameCase {
  const char* field;
  const char* expected;
};

void PrintTo(const NameCase& c, std::ostream* os) {
  *os << '"' << c.field << '"';
}

class DropNames : public ::testing::TestWithParam<NameCase> {};

TEST_P(DropNames, KeepsWhatIsNoPerson) {
  bool dropped = false;
  const std::string out = detail::drop_names(GetParam().field, dropped);
  EXPECT_EQ(out, GetParam().expected);
  EXPECT_EQ(dropped, out != GetParam().field);
}

// Organisations, units, places and roles: nothing to drop.
INSTANTIATE_TEST_SUITE_P(
    Organisations, DropNames,
    ::testing::Values(
        NameCase{"Region Skåne", "Region Skåne"}, NameCase{"Sydöstra Skåne", "Sydöstra Skåne"},
        NameCase{"Skånes universitetssjukhus", "Skånes universitetssjukhus"},
        NameCase{"Lunds universitet", "Lunds universitet"},
        NameCase{"Lunds Universitet", "Lunds Universitet"},
        NameCase{"Palliativ vård och ASIH", "Palliativ vård och ASIH"},
        NameCase{"Verksamhetschef Palliativ vård och ASIH",
                 "Verksamhetschef Palliativ vård och ASIH"},
        NameCase{"Studierektor Region Skåne", "Studierektor Region Skåne"},
        NameCase{"Verksamhetschef, Region Halland", "Verksamhetschef, Region Halland"},
        NameCase{"Enhetschef ASIH Ystad", "Enhetschef ASIH Ystad"},
        NameCase{"Enhetschef Tomelilla", "Enhetschef Tomelilla"},
        NameCase{"Karolinska Universitetssjukhuset", "Karolinska Universitetssjukhuset"},
        NameCase{"Studierektor vid Sankt Görans sjukhus", "Studierektor vid Sankt Görans sjukhus"},
        NameCase{"Verksamhetschef Sankt Görans sjukhus", "Verksamhetschef Sankt Görans sjukhus"},
        NameCase{"Västra Götalandsregionen", "Västra Götalandsregionen"},
        NameCase{"Primärvården Skåne", "Primärvården Skåne"},
        NameCase{"Danderyds sjukhus", "Danderyds sjukhus"},
        NameCase{"studierektor (Region Skåne)", "studierektor (Region Skåne)"},
        NameCase{"ST-chef", "ST-chef"}, NameCase{"studierektor", "studierektor"},
        NameCase{"Enhetschef", "Enhetschef"},
        NameCase{"verksamhetschef och studierektor", "verksamhetschef och studierektor"},
        NameCase{"Verksamhetschef VO Palliativ medicin SUS",
                 "Verksamhetschef VO Palliativ medicin SUS"},
        NameCase{"Huvudhandledare och ST-läkare", "Huvudhandledare och ST-läkare"},
        NameCase{"Ledningsgruppen", "Ledningsgruppen"}));

// People after a role, a marker or in parentheses: the name goes, the role stays.
INSTANTIATE_TEST_SUITE_P(
    People, DropNames,
    ::testing::Values(
        NameCase{"ST-chef (just nu Anna Andersson)", "ST-chef"},
        NameCase{"ST-chef fn Per Persson", "ST-chef"},
        NameCase{"ST-chef f.n. Per Persson", "ST-chef"},
        NameCase{"verksamhetschef Eva Ek", "verksamhetschef"},
        NameCase{"Studierektor Anna Berg", "Studierektor"},
        NameCase{"studierektor, för närvarande Kjell Nyberg", "studierektor"},
        NameCase{"Verksamhetschef Andersson", "Verksamhetschef"},
        NameCase{"Verksamhetschef Bengt", "Verksamhetschef"},
        NameCase{"Studierektor Anna-Karin Berg-Olsson", "Studierektor"},
        NameCase{"verksamhetschef Maria von Essen", "verksamhetschef"},
        NameCase{"Enhetschef Lars B. Ek", "Enhetschef"},
        NameCase{"studierektor (Lars Nilsson) och verksamhetschef (Eva Ek)",
                 "studierektor och verksamhetschef"},
        NameCase{"Verksamhetschef Eva Ek, Region Skåne", "Verksamhetschef, Region Skåne"},
        NameCase{"Verksamhetschef Eva Lundberg", "Verksamhetschef"},
        NameCase{"Enhetschef Palliativ vård, f.n. Karin Malmström", "Enhetschef Palliativ vård"},
        NameCase{"Chefläkare Dr. Karl Berg", "Chefläkare"},
        NameCase{"Anna Andersson", "(namn utelämnat)"},
        NameCase{"Anna Berg och Per Ek", "(namn utelämnat)"},
        NameCase{"Anna Berg, studierektor", "studierektor"},
        NameCase{"verksamhetschef (tf Zlatko Horvat)", "verksamhetschef"},
        NameCase{"Huvudhandledare Jovana Petrović", "Huvudhandledare"},
        NameCase{"studierektor Anna Berg, Skånes universitetssjukhus",
                 "studierektor, Skånes universitetssjukhus"}));

// --- through a whole import ---------------------------------------------------------------------

std::string sample_with(const std::string& responsible, const std::string& follow_up) {
  std::string text = read_file(data_dir() / "reports" / "spur-report-palliativ-sydostra-skane.txt");
  auto replace = [&](const std::string& from, const std::string& to) {
    const std::size_t at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    if (at != std::string::npos) text.replace(at, from.size(), to);
  };
  replace("Ansvarig för genomförandet\nstudierektor\n",
          "Ansvarig för genomförandet\n" + responsible + "\n");
  replace("Ansvarig för uppföljningen\nstudierektor\n",
          "Ansvarig för uppföljningen\n" + follow_up + "\n");
  return text;
}

TEST(ImportNames, TheDraftKeepsTheUnitAndDropsThePerson) {
  const std::string text = sample_with("ST-chef (just nu Anna Andersson), Region Skåne",
                                       "Verksamhetschef Palliativ vård och ASIH");
  const ImportResult r = import_report_data(bundled(), text, "report.txt");
  EXPECT_EQ(r.inspection.action_plan[0].responsible, "ST-chef, Region Skåne");
  EXPECT_EQ(r.inspection.action_plan[0].follow_up_responsible,
            "Verksamhetschef Palliativ vård och ASIH");
  EXPECT_THAT(r.yaml, Not(HasSubstr("Andersson")));
  int dropped = 0;
  for (const auto& d : r.diagnostics)
    if (d.message.find("dropped a personal name") != std::string::npos) {
      ++dropped;
      EXPECT_EQ(d.line, 799);  // the responsible field's line
      EXPECT_THAT(d.message, Not(HasSubstr("Andersson")));
    }
  EXPECT_EQ(dropped, 1);
}

TEST(ImportNames, KeepNamesKeepsTheFieldsAsWritten) {
  const std::string text =
      sample_with("ST-chef (just nu Anna Andersson), Region Skåne", "ST-chef fn Per Persson");
  const ImportResult r = import_report_data(bundled(), text, "report.txt", {.keep_names = true});
  EXPECT_EQ(r.inspection.action_plan[0].responsible,
            "ST-chef (just nu Anna Andersson), Region Skåne");
  EXPECT_EQ(r.inspection.action_plan[0].follow_up_responsible, "ST-chef fn Per Persson");
}

}  // namespace
}  // namespace spur::test
