// Table test of parse_date_phrase: free-text Swedish dates from action plans.

#include <gtest/gtest.h>

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "spur/dates.hpp"

namespace {

using spur::Date;
using spur::DatePhrase;

// Expected part; dates as "YYYY-MM-DD" or "" when absent, precision and recurrence as the
// to_string() names, precision "" when absent.
struct Part {
  std::string text;
  std::string start;
  std::string end;
  std::string precision;
  std::string recurrence = "none";
  std::string label;
};

// A dated part.
Part dated(std::string text, std::string start, std::string end, std::string precision,
           std::string recurrence = "none", std::string label = "") {
  return {std::move(text),      std::move(start),      std::move(end),
          std::move(precision), std::move(recurrence), std::move(label)};
}

// A part with no date: free text, or only a recurrence.
Part undated(std::string text, std::string recurrence = "none", std::string precision = "") {
  return {std::move(text), "", "", std::move(precision), std::move(recurrence), ""};
}

struct Case {
  std::string phrase;
  std::optional<Date> reference;
  std::vector<Part> parts;
  std::vector<std::string> warnings;
};

void PrintTo(const Case& c, std::ostream* os) {
  *os << '"' << c.phrase << '"';
}

const std::vector<Case>& cases() {
  static const std::vector<Case> kCases = {
      // The handlingsplan of the Sydöstra Skåne sample report.
      {"maj2025", {}, {dated("maj2025", "2025-05-01", "2025-05-31", "month")}, {}},
      {"uppföljning varje år med start maj 2026",
       {},
       {dated("uppföljning varje år med start maj 2026", "2026-05-01", "2026-05-31", "month",
              "yearly")},
       {}},
      {"februari 2025", {}, {dated("februari 2025", "2025-02-01", "2025-02-28", "month")}, {}},
      {"september 2025, därefter årligen",
       {},
       {dated("september 2025", "2025-09-01", "2025-09-30", "month", "yearly"),
        undated("därefter årligen", "yearly")},
       {}},
      {"mars 2025", {}, {dated("mars 2025", "2025-03-01", "2025-03-31", "month")}, {}},

      // Days.
      {"2027-03-15", {}, {dated("2027-03-15", "2027-03-15", "2027-03-15", "day")}, {}},
      {"Rutin klar: 15/3-27",
       {},
       {dated("Rutin klar: 15/3-27", "2027-03-15", "2027-03-15", "day", "none", "Rutin klar")},
       {}},
      {"15/3-2027", {}, {dated("15/3-2027", "2027-03-15", "2027-03-15", "day")}, {}},
      {"15/3 2027", {}, {dated("15/3 2027", "2027-03-15", "2027-03-15", "day")}, {}},
      {"15/3/27", {}, {dated("15/3/27", "2027-03-15", "2027-03-15", "day")}, {}},
      {"senast 15/3-27", {}, {dated("senast 15/3-27", "2027-03-15", "2027-03-15", "day")}, {}},
      {"15 mars 2027", {}, {dated("15 mars 2027", "2027-03-15", "2027-03-15", "day")}, {}},
      {"29/2-24", {}, {dated("29/2-24", "2024-02-29", "2024-02-29", "day")}, {}},
      {"kl 10:00 den 15/3-27",
       {},
       {dated("kl 10:00 den 15/3-27", "2027-03-15", "2027-03-15", "day")},
       {}},
      {"2025-03-01 – 2025-03-31",
       {},
       {dated("2025-03-01 – 2025-03-31", "2025-03-01", "2025-03-31", "day")},
       {}},
      {"1:a april 2025", {}, {dated("1:a april 2025", "2025-04-01", "2025-04-01", "day")}, {}},
      {"fr.o.m. 1/9-25 t.o.m. 15/9-25",
       {},
       {dated("fr.o.m. 1/9-25 t.o.m. 15/9-25", "2025-09-01", "2025-09-15", "day")},
       {}},
      {"1/3-15/3 2025", {}, {dated("1/3-15/3 2025", "2025-03-01", "2025-03-15", "day")}, {}},

      // Day and month without a year: anchored on the reference or the previous part.
      {"15/3", {}, {undated("15/3")}, {"\"15/3\": no year"}},
      {"15/3", Date{2025, 6, 1}, {dated("15/3", "2026-03-15", "2026-03-15", "day")}, {}},
      {"15/3", Date{2025, 3, 15}, {dated("15/3", "2025-03-15", "2025-03-15", "day")}, {}},
      {"29/2", Date{2025, 1, 1}, {dated("29/2", "2028-02-29", "2028-02-29", "day")}, {}},

      // Months.
      {"oktober 2026", {}, {dated("oktober 2026", "2026-10-01", "2026-10-31", "month")}, {}},
      {"okt2026", {}, {dated("okt2026", "2026-10-01", "2026-10-31", "month")}, {}},
      {"okt. 2026", {}, {dated("okt. 2026", "2026-10-01", "2026-10-31", "month")}, {}},
      {"maj 25", {}, {dated("maj 25", "2025-05-01", "2025-05-31", "month")}, {}},
      {"mars -25", {}, {dated("mars -25", "2025-03-01", "2025-03-31", "month")}, {}},
      {"MAJ 2025", {}, {dated("MAJ 2025", "2025-05-01", "2025-05-31", "month")}, {}},
      {"i maj 2025", {}, {dated("i maj 2025", "2025-05-01", "2025-05-31", "month")}, {}},
      {"2027-03", {}, {dated("2027-03", "2027-03-01", "2027-03-31", "month")}, {}},
      {"februari 2024", {}, {dated("februari 2024", "2024-02-01", "2024-02-29", "month")}, {}},
      {"februari 2100", {}, {dated("februari 2100", "2100-02-01", "2100-02-28", "month")}, {}},
      {"sept 2025", {}, {dated("sept 2025", "2025-09-01", "2025-09-30", "month")}, {}},
      {"jul 2025", {}, {dated("jul 2025", "2025-07-01", "2025-07-31", "month")}, {}},
      {"mars-maj 2025", {}, {dated("mars-maj 2025", "2025-03-01", "2025-05-31", "month")}, {}},
      {"nov-feb 2026", {}, {dated("nov-feb 2026", "2025-11-01", "2026-02-28", "month")}, {}},
      {"maj", {}, {undated("maj")}, {"\"maj\": no year"}},
      {"maj", Date{2025, 5, 20}, {dated("maj", "2025-05-01", "2025-05-31", "month")}, {}},
      {"maj", Date{2025, 6, 1}, {dated("maj", "2026-05-01", "2026-05-31", "month")}, {}},
      {"september 2025, maj",
       {},
       {dated("september 2025", "2025-09-01", "2025-09-30", "month"),
        dated("maj", "2026-05-01", "2026-05-31", "month")},
       {}},

      // Years.
      {"2026", {}, {dated("2026", "2026-01-01", "2026-12-31", "year")}, {}},
      {"under 2024-2025", {}, {dated("under 2024-2025", "2024-01-01", "2025-12-31", "year")}, {}},
      {"2027/28", {}, {dated("2027/28", "2027-01-01", "2028-12-31", "year")}, {}},
      {"enligt SOSFS 2015:8", {}, {undated("enligt SOSFS 2015:8")}, {}},
      {"2025-2024",
       {},
       {dated("2025-2024", "2025-01-01", "2024-12-31", "year")},
       {"\"2025-2024\": ends before it starts"}},

      // Turns of the year.
      {"Årsskiftet 27-28",
       {},
       {dated("Årsskiftet 27-28", "2027-12-31", "2028-01-01", "year-turn")},
       {}},
      {"årsskifte 27/28",
       {},
       {dated("årsskifte 27/28", "2027-12-31", "2028-01-01", "year-turn")},
       {}},
      {"årsskiftet 2027/2028",
       {},
       {dated("årsskiftet 2027/2028", "2027-12-31", "2028-01-01", "year-turn")},
       {}},
      {"vid årsskiftet 26-27",
       {},
       {dated("vid årsskiftet 26-27", "2026-12-31", "2027-01-01", "year-turn")},
       {}},
      {"ÅRSSKIFTET 27-29",
       {},
       {dated("ÅRSSKIFTET 27-29", "2027-12-31", "2029-01-01", "year-turn")},
       {"\"ÅRSSKIFTET 27-29\": the years 2027 and 2029 do not follow each other"}},
      {"årsskiftet 2027",
       {},
       {dated("årsskiftet 2027", "2027-12-31", "2028-01-01", "year-turn")},
       {"\"årsskiftet 2027\": one year only, read as the turn 2027/2028"}},
      {"årsskiftet",
       Date{2025, 3, 1},
       {dated("årsskiftet", "2025-12-31", "2026-01-01", "year-turn")},
       {}},
      {"årsskiftet", {}, {undated("årsskiftet")}, {"\"årsskiftet\": no year"}},

      // Recurrences.
      {"årligen", {}, {undated("årligen", "yearly")}, {}},
      {"årsvis", {}, {undated("årsvis", "yearly")}, {}},
      {"varje år", {}, {undated("varje år", "yearly")}, {}},
      {"en gång per år", {}, {undated("en gång per år", "yearly")}, {}},
      {"därefter årligen", {}, {undated("därefter årligen", "yearly")}, {}},
      {"varje termin", {}, {undated("varje termin", "semiannual")}, {}},
      {"varje halvår", {}, {undated("varje halvår", "semiannual")}, {}},
      {"halvårsvis", {}, {undated("halvårsvis", "semiannual")}, {}},
      {"två gånger per år", {}, {undated("två gånger per år", "semiannual")}, {}},
      {"varje år med start april 2027",
       {},
       {dated("varje år med start april 2027", "2027-04-01", "2027-04-30", "month", "yearly")},
       {}},
      {"Rutin klar: 15/3-27, samt årligen vid årsskifte",
       {},
       {dated("Rutin klar: 15/3-27", "2027-03-15", "2027-03-15", "day", "yearly", "Rutin klar"),
        undated("samt årligen vid årsskifte", "yearly", "year-turn")},
       {}},
      {"årligen vid årsskiftet",
       Date{2025, 1, 1},
       {undated("årligen vid årsskiftet", "yearly", "year-turn")},
       {}},
      {"mars 2025, löpande, därefter årligen",
       {},
       {dated("mars 2025", "2025-03-01", "2025-03-31", "month", "yearly"), undated("löpande"),
        undated("därefter årligen", "yearly")},
       {}},
      {"september 2025 därefter årligen",
       {},
       {dated("september 2025 därefter årligen", "2025-09-01", "2025-09-30", "month", "yearly")},
       {}},

      // Free text is kept.
      {"övrigt sker kontinuerligt", {}, {undated("övrigt sker kontinuerligt")}, {}},
      {"löpande", {}, {undated("löpande")}, {}},
      {"snarast", {}, {undated("snarast")}, {}},
      {"till jul", {}, {undated("till jul")}, {}},
      {"under hösten 2025",
       {},
       {undated("under hösten 2025")},
       {"\"hösten 2025\": a season or term, not read as a date"}},
      {"HT25", {}, {undated("HT25")}, {"\"HT25\": a season or term, not read as a date"}},
      {"vecka 12 2025",
       {},
       {undated("vecka 12 2025")},
       {"\"vecka 12 2025\": a week number, not read as a date"}},
      {"mars 2025; övrigt sker kontinuerligt",
       {},
       {dated("mars 2025", "2025-03-01", "2025-03-31", "month"),
        undated("övrigt sker kontinuerligt")},
       {}},
      {" Rutin klar: 15/3-27;  Utbildning: okt2026 , övrigt sker kontinuerligt ",
       {},
       {dated("Rutin klar: 15/3-27", "2027-03-15", "2027-03-15", "day", "none", "Rutin klar"),
        dated("Utbildning: okt2026", "2026-10-01", "2026-10-31", "month", "none", "Utbildning"),
        undated("övrigt sker kontinuerligt")},
       {}},
      {"mars 2025 och maj 2025",
       {},
       {dated("mars 2025 och maj 2025", "2025-03-01", "2025-03-31", "month")},
       {"\"mars 2025 och maj 2025\": more than one date, using the first (mars 2025)"}},

      // Impossible dates are kept as text, with a warning.
      {"31/2-25", {}, {undated("31/2-25")}, {"\"31/2-25\": no such date (31 February 2025)"}},
      {"2025-13-01", {}, {undated("2025-13-01")}, {"\"2025-13-01\": no such date (month 13)"}},
      {"32/1-25", {}, {undated("32/1-25")}, {"\"32/1-25\": no such date (32 January 2025)"}},
      {"29/2-25", {}, {undated("29/2-25")}, {"\"29/2-25\": no such date (29 February 2025)"}},
      {"15/13-25", {}, {undated("15/13-25")}, {"\"15/13-25\": no such date (month 13)"}},
      {"Klart: 2025-02-30",
       {},
       {Part{"Klart: 2025-02-30", "", "", "", "none", "Klart"}},
       {"\"2025-02-30\": no such date (30 February 2025)"}},

      // Nothing at all.
      {"", {}, {}, {}},
      {"  \t ", {}, {}, {}},
      {" , ; ", {}, {}, {}},
  };
  return kCases;
}

class ParseDatePhrase : public testing::TestWithParam<Case> {};

TEST_P(ParseDatePhrase, Table) {
  const Case& c = GetParam();
  const DatePhrase phrase = spur::parse_date_phrase(c.phrase, c.reference);
  EXPECT_EQ(phrase.text, c.phrase);
  ASSERT_EQ(phrase.parts.size(), c.parts.size());
  for (std::size_t i = 0; i < c.parts.size(); ++i) {
    SCOPED_TRACE("part " + std::to_string(i));
    const spur::DatePart& got = phrase.parts[i];
    const Part& want = c.parts[i];
    EXPECT_EQ(got.text, want.text);
    EXPECT_EQ(got.start ? got.start->iso() : "", want.start);
    EXPECT_EQ(got.end ? got.end->iso() : "", want.end);
    EXPECT_EQ(got.precision ? std::string(spur::to_string(*got.precision)) : "", want.precision);
    EXPECT_EQ(spur::to_string(got.recurrence), want.recurrence);
    EXPECT_EQ(got.label, want.label);
  }
  EXPECT_EQ(phrase.warnings, c.warnings);
}

INSTANTIATE_TEST_SUITE_P(Phrases, ParseDatePhrase, testing::ValuesIn(cases()));

TEST(DateTest, IsoAndOrder) {
  EXPECT_EQ((Date{2027, 3, 15}.iso()), "2027-03-15");
  EXPECT_EQ((Date{987, 1, 2}.iso()), "0987-01-02");
  EXPECT_LT((Date{2027, 3, 15}), (Date{2027, 3, 16}));
  EXPECT_LT((Date{2026, 12, 31}), (Date{2027, 1, 1}));
  EXPECT_EQ((Date{2027, 3, 15}), (Date{2027, 3, 15}));
}

TEST(DateTest, Names) {
  EXPECT_EQ(spur::to_string(spur::DatePrecision::day), "day");
  EXPECT_EQ(spur::to_string(spur::DatePrecision::month), "month");
  EXPECT_EQ(spur::to_string(spur::DatePrecision::year), "year");
  EXPECT_EQ(spur::to_string(spur::DatePrecision::year_turn), "year-turn");
  EXPECT_EQ(spur::to_string(spur::Recurrence::none), "none");
  EXPECT_EQ(spur::to_string(spur::Recurrence::yearly), "yearly");
  EXPECT_EQ(spur::to_string(spur::Recurrence::semiannual), "semiannual");
}

// Odd bytes, lone punctuation and huge numbers never throw and never lose text.
TEST(DateTest, NeverThrows) {
  const std::vector<std::string> inputs = {
      "\xC3",
      "\xE2\x80",
      "99999999999999/3-27",
      "2025-",
      "-",
      "/",
      ":",
      "a:",
      "15/",
      "årsskiftet 27-",
      "\xFF\xFE maj",
      "2025--03",
      "0000-00-00",
      "9999",
      "1/1-1",
      ";;;,,,",
      "Å",
      "å:å",
  };
  for (const std::string& input : inputs) {
    SCOPED_TRACE(input);
    DatePhrase phrase;
    EXPECT_NO_THROW(phrase = spur::parse_date_phrase(input, Date{2025, 1, 1}));
    EXPECT_EQ(phrase.text, input);
  }
}

}  // namespace
