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

// Expected part; dates as "YYYY-MM-DD" or "" when absent, precision, recurrence and undated
// kind as the to_string() names, precision and kind "" when absent.
struct Part {
  std::string text;
  std::string start;
  std::string end;
  std::string precision;
  std::string recurrence = "none";
  std::string label;
  std::string undated;      // to_string(Undated), "" when absent
  bool unreadable = false;  // a date that could not be read
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

// A part that says when in words: "snarast" (as_soon_as_possible), "löpande" (ongoing).
Part in_words(std::string text, std::string kind, std::string label = "") {
  return {std::move(text), "", "", "", "none", std::move(label), std::move(kind)};
}

// A part holding a date that could not be read.
Part unread(std::string text, std::string label = "") {
  return {std::move(text), "", "", "", "none", std::move(label), "", true};
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
      {"15/3", {}, {unread("15/3")}, {"\"15/3\": no year"}},
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
      {"maj", {}, {unread("maj")}, {"\"maj\": no year"}},
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
      {"årsskiftet", {}, {unread("årsskiftet")}, {"\"årsskiftet\": no year"}},

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
       {dated("mars 2025", "2025-03-01", "2025-03-31", "month", "yearly"),
        in_words("löpande", "ongoing"), undated("därefter årligen", "yearly")},
       {}},
      {"september 2025 därefter årligen",
       {},
       {dated("september 2025 därefter årligen", "2025-09-01", "2025-09-30", "month", "yearly")},
       {}},

      // Free text is kept; undated words say when without a date.
      {"övrigt sker kontinuerligt", {}, {in_words("övrigt sker kontinuerligt", "ongoing")}, {}},
      {"löpande", {}, {in_words("löpande", "ongoing")}, {}},
      {"snarast", {}, {in_words("snarast", "as_soon_as_possible")}, {}},
      {"till jul", {}, {undated("till jul")}, {}},
      {"mars 2025; övrigt sker kontinuerligt",
       {},
       {dated("mars 2025", "2025-03-01", "2025-03-31", "month"),
        in_words("övrigt sker kontinuerligt", "ongoing")},
       {}},
      {" Rutin klar: 15/3-27;  Utbildning: okt2026 , övrigt sker kontinuerligt ",
       {},
       {dated("Rutin klar: 15/3-27", "2027-03-15", "2027-03-15", "day", "none", "Rutin klar"),
        dated("Utbildning: okt2026", "2026-10-01", "2026-10-31", "month", "none", "Utbildning"),
        in_words("övrigt sker kontinuerligt", "ongoing")},
       {}},
      {"mars 2025 och maj 2025",
       {},
       {dated("mars 2025 och maj 2025", "2025-03-01", "2025-03-31", "month")},
       {"\"mars 2025 och maj 2025\": more than one date, using the first (mars 2025)"}},

      // Impossible dates are kept as text, with a warning.
      {"31/2-25", {}, {unread("31/2-25")}, {"\"31/2-25\": no such date (31 February 2025)"}},
      {"2025-13-01", {}, {unread("2025-13-01")}, {"\"2025-13-01\": no such date (month 13)"}},
      {"32/1-25", {}, {unread("32/1-25")}, {"\"32/1-25\": no such date (32 January 2025)"}},
      {"29/2-25", {}, {unread("29/2-25")}, {"\"29/2-25\": no such date (29 February 2025)"}},
      {"15/13-25", {}, {unread("15/13-25")}, {"\"15/13-25\": no such date (month 13)"}},
      {"Klart: 2025-02-30",
       {},
       {unread("Klart: 2025-02-30", "Klart")},
       {"\"2025-02-30\": no such date (30 February 2025)"}},
      {"senast 31/2-25, därefter årligen",
       {},
       {unread("senast 31/2-25"), undated("därefter årligen", "yearly")},
       {"\"31/2-25\": no such date (31 February 2025)"}},

      // Quarters.
      {"Q3 2025", {}, {dated("Q3 2025", "2025-07-01", "2025-09-30", "quarter")}, {}},
      {"q1 2026", {}, {dated("q1 2026", "2026-01-01", "2026-03-31", "quarter")}, {}},
      {"Q4-25", {}, {dated("Q4-25", "2025-10-01", "2025-12-31", "quarter")}, {}},
      {"Q2/2025", {}, {dated("Q2/2025", "2025-04-01", "2025-06-30", "quarter")}, {}},
      {"Q1 2024", {}, {dated("Q1 2024", "2024-01-01", "2024-03-31", "quarter")}, {}},
      {"kvartal 2 2025", {}, {dated("kvartal 2 2025", "2025-04-01", "2025-06-30", "quarter")}, {}},
      {"3:e kvartalet 2025",
       {},
       {dated("3:e kvartalet 2025", "2025-07-01", "2025-09-30", "quarter")},
       {}},
      {"1:a kvartalet 2026",
       {},
       {dated("1:a kvartalet 2026", "2026-01-01", "2026-03-31", "quarter")},
       {}},
      {"3e kvartalet 2025",
       {},
       {dated("3e kvartalet 2025", "2025-07-01", "2025-09-30", "quarter")},
       {}},
      {"tredje kvartalet 2025",
       {},
       {dated("tredje kvartalet 2025", "2025-07-01", "2025-09-30", "quarter")},
       {}},
      {"Fjärde kvartalet 2025",
       {},
       {dated("Fjärde kvartalet 2025", "2025-10-01", "2025-12-31", "quarter")},
       {}},
      {"under andra kvartalet 2026",
       {},
       {dated("under andra kvartalet 2026", "2026-04-01", "2026-06-30", "quarter")},
       {}},
      {"kv3 2025", {}, {dated("kv3 2025", "2025-07-01", "2025-09-30", "quarter")}, {}},
      {"kv. 4 2025", {}, {dated("kv. 4 2025", "2025-10-01", "2025-12-31", "quarter")}, {}},
      {"2025-Q3", {}, {dated("2025-Q3", "2025-07-01", "2025-09-30", "quarter")}, {}},
      {"2025 Q4", {}, {dated("2025 Q4", "2025-10-01", "2025-12-31", "quarter")}, {}},
      {"senast Q3 2025", {}, {dated("senast Q3 2025", "2025-07-01", "2025-09-30", "quarter")}, {}},
      {"Q1-Q2 2026", {}, {dated("Q1-Q2 2026", "2026-01-01", "2026-06-30", "quarter")}, {}},
      {"Q4 2025 - Q1 2026",
       {},
       {dated("Q4 2025 - Q1 2026", "2025-10-01", "2026-03-31", "quarter")},
       {}},
      {"Q3", Date{2025, 8, 15}, {dated("Q3", "2025-07-01", "2025-09-30", "quarter")}, {}},
      {"Q3", Date{2025, 10, 1}, {dated("Q3", "2026-07-01", "2026-09-30", "quarter")}, {}},
      {"Q3", {}, {unread("Q3")}, {"\"Q3\": no year"}},
      {"Q5 2025", {}, {unread("Q5 2025")}, {"\"Q5 2025\": no quarter 5 (a year has four)"}},
      {"kvartal 0 2025",
       {},
       {unread("kvartal 0 2025")},
       {"\"kvartal 0 2025\": no quarter 0 (a year has four)"}},
      {"maj 2025, Q3",
       {},
       {dated("maj 2025", "2025-05-01", "2025-05-31", "month"),
        dated("Q3", "2025-07-01", "2025-09-30", "quarter")},
       {}},

      // ISO weeks, Monday to Sunday.
      {"vecka 12 2025", {}, {dated("vecka 12 2025", "2025-03-17", "2025-03-23", "week")}, {}},
      {"v. 12 2025", {}, {dated("v. 12 2025", "2025-03-17", "2025-03-23", "week")}, {}},
      {"v 12 2025", {}, {dated("v 12 2025", "2025-03-17", "2025-03-23", "week")}, {}},
      {"V12 2025", {}, {dated("V12 2025", "2025-03-17", "2025-03-23", "week")}, {}},
      {"v.12-2025", {}, {dated("v.12-2025", "2025-03-17", "2025-03-23", "week")}, {}},
      {"2025-W12", {}, {dated("2025-W12", "2025-03-17", "2025-03-23", "week")}, {}},
      {"vecka 1 2025", {}, {dated("vecka 1 2025", "2024-12-30", "2025-01-05", "week")}, {}},
      {"vecka 53 2026", {}, {dated("vecka 53 2026", "2026-12-28", "2027-01-03", "week")}, {}},
      {"vecka 52 2025", {}, {dated("vecka 52 2025", "2025-12-22", "2025-12-28", "week")}, {}},
      {"v. 12-14 2025", {}, {dated("v. 12-14 2025", "2025-03-17", "2025-04-06", "week")}, {}},
      {"v. 12", Date{2025, 1, 15}, {dated("v. 12", "2025-03-17", "2025-03-23", "week")}, {}},
      {"v. 12", Date{2025, 6, 1}, {dated("v. 12", "2026-03-16", "2026-03-22", "week")}, {}},
      {"vecka 1", Date{2025, 12, 30}, {dated("vecka 1", "2025-12-29", "2026-01-04", "week")}, {}},
      {"vecka 53 2025",
       {},
       {unread("vecka 53 2025")},
       {"\"vecka 53 2025\": no week 53 in 2025 (it has 52 weeks)"}},
      {"vecka 60 2025",
       {},
       {unread("vecka 60 2025")},
       {"\"vecka 60 2025\": no week 60 in 2025 (it has 52 weeks)"}},
      {"vecka 0",
       Date{2025, 1, 1},
       {unread("vecka 0")},
       {"\"vecka 0\": no week 0 (a year has at most 53)"}},

      // Terms: vt 1 January to 30 June, ht 1 August to 31 December.
      {"vt 2025", {}, {dated("vt 2025", "2025-01-01", "2025-06-30", "term")}, {}},
      {"VT25", {}, {dated("VT25", "2025-01-01", "2025-06-30", "term")}, {}},
      {"ht 2025", {}, {dated("ht 2025", "2025-08-01", "2025-12-31", "term")}, {}},
      {"HT25", {}, {dated("HT25", "2025-08-01", "2025-12-31", "term")}, {}},
      {"HT-25", {}, {dated("HT-25", "2025-08-01", "2025-12-31", "term")}, {}},
      {"höstterminen 2025",
       {},
       {dated("höstterminen 2025", "2025-08-01", "2025-12-31", "term")},
       {}},
      {"under vårterminen 2026",
       {},
       {dated("under vårterminen 2026", "2026-01-01", "2026-06-30", "term")},
       {}},
      {"vt-ht 2025", {}, {dated("vt-ht 2025", "2025-01-01", "2025-12-31", "term")}, {}},
      {"ht", Date{2025, 9, 10}, {dated("ht", "2025-08-01", "2025-12-31", "term")}, {}},
      {"ht", Date{2026, 1, 10}, {dated("ht", "2026-08-01", "2026-12-31", "term")}, {}},
      {"vt", {}, {unread("vt")}, {"\"vt\": no year"}},

      // Seasons: spring March-May, summer June-August, autumn September-November, winter
      // December-February.
      {"våren 2025", {}, {dated("våren 2025", "2025-03-01", "2025-05-31", "season")}, {}},
      {"sommaren 2025", {}, {dated("sommaren 2025", "2025-06-01", "2025-08-31", "season")}, {}},
      {"hösten 2025", {}, {dated("hösten 2025", "2025-09-01", "2025-11-30", "season")}, {}},
      {"under hösten 2025",
       {},
       {dated("under hösten 2025", "2025-09-01", "2025-11-30", "season")},
       {}},
      {"Hösten -25", {}, {dated("Hösten -25", "2025-09-01", "2025-11-30", "season")}, {}},
      {"höst 2025", {}, {dated("höst 2025", "2025-09-01", "2025-11-30", "season")}, {}},
      {"vintern 2025/2026",
       {},
       {dated("vintern 2025/2026", "2025-12-01", "2026-02-28", "season")},
       {}},
      {"vintern 27-28", {}, {dated("vintern 27-28", "2027-12-01", "2028-02-29", "season")}, {}},
      {"vintern 2025",
       {},
       {dated("vintern 2025", "2025-12-01", "2026-02-28", "season")},
       {"\"vintern 2025\": one year only, read as the winter 2025/2026 (December to February)"}},
      {"vintern 2025/2027",
       {},
       {unread("vintern 2025/2027")},
       {"\"vintern 2025/2027\": the years 2025 and 2027 do not follow each other"}},
      {"våren-hösten 2025",
       {},
       {dated("våren-hösten 2025", "2025-03-01", "2025-11-30", "season")},
       {}},
      {"hösten", Date{2025, 10, 15}, {dated("hösten", "2025-09-01", "2025-11-30", "season")}, {}},
      {"hösten", Date{2025, 12, 1}, {dated("hösten", "2026-09-01", "2026-11-30", "season")}, {}},
      {"vintern", Date{2026, 1, 15}, {dated("vintern", "2025-12-01", "2026-02-28", "season")}, {}},
      {"vår rutin klar 2025",
       {},
       {dated("vår rutin klar 2025", "2025-01-01", "2025-12-31", "year")},
       {}},

      // Undated words.
      {"Snarast möjligt", {}, {in_words("Snarast möjligt", "as_soon_as_possible")}, {}},
      {"omgående", {}, {in_words("omgående", "as_soon_as_possible")}, {}},
      {"så snart som möjligt", {}, {in_words("så snart som möjligt", "as_soon_as_possible")}, {}},
      {"Åtgärd: omgående", {}, {in_words("Åtgärd: omgående", "as_soon_as_possible", "Åtgärd")}, {}},
      {"kontinuerligt", {}, {in_words("kontinuerligt", "ongoing")}, {}},
      {"pågår löpande", {}, {in_words("pågår löpande", "ongoing")}, {}},
      {"snarast, senast 2025-06-30",
       {},
       {in_words("snarast", "as_soon_as_possible"),
        dated("senast 2025-06-30", "2025-06-30", "2025-06-30", "day")},
       {}},
      {"löpande från maj 2025",
       {},
       {dated("löpande från maj 2025", "2025-05-01", "2025-05-31", "month")},
       {}},

      // Nothing widens silently: what narrows a date but is not read is named.
      {"mitten av 2025",
       {},
       {dated("mitten av 2025", "2025-01-01", "2025-12-31", "year")},
       {"\"mitten av 2025\": \"mitten\" not read, so the date is the whole year "
        "2025-01-01..2025-12-31"}},
      {"H1 2026",
       {},
       {dated("H1 2026", "2026-01-01", "2026-12-31", "year")},
       {"\"H1 2026\": \"H1\" not read, so the date is the whole year 2026-01-01..2026-12-31"}},
      {"första halvåret 2026",
       {},
       {dated("första halvåret 2026", "2026-01-01", "2026-12-31", "year")},
       {"\"första halvåret 2026\": \"halvåret\" not read, so the date is the whole year "
        "2026-01-01..2026-12-31"}},
      {"i slutet av maj 2025",
       {},
       {dated("i slutet av maj 2025", "2025-05-01", "2025-05-31", "month")},
       {"\"i slutet av maj 2025\": \"slutet\" not read, so the date is the whole month "
        "2025-05-01..2025-05-31"}},
      {"före sommaren 2025",
       {},
       {dated("före sommaren 2025", "2025-06-01", "2025-08-31", "season")},
       {"\"före sommaren 2025\": \"före\" not read, so the date is the whole season "
        "2025-06-01..2025-08-31"}},
      {"T2 2025",
       {},
       {dated("T2 2025", "2025-01-01", "2025-12-31", "year")},
       {"\"T2 2025\": \"T2\" not read, so the date is the whole year 2025-01-01..2025-12-31"}},
      {"enligt SOSFS 2015:8 senast 2026",
       {},
       {dated("enligt SOSFS 2015:8 senast 2026", "2026-01-01", "2026-12-31", "year")},
       {}},
      {"2 gånger per år från 2026",
       {},
       {dated("2 gånger per år från 2026", "2026-01-01", "2026-12-31", "year", "semiannual")},
       {}},
      {"varje halvår från 2026",
       {},
       {dated("varje halvår från 2026", "2026-01-01", "2026-12-31", "year", "semiannual")},
       {}},

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
    EXPECT_EQ(got.undated ? std::string(spur::to_string(*got.undated)) : "", want.undated);
    EXPECT_EQ(got.unreadable, want.unreadable);
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
  EXPECT_EQ(spur::to_string(spur::DatePrecision::week), "week");
  EXPECT_EQ(spur::to_string(spur::DatePrecision::quarter), "quarter");
  EXPECT_EQ(spur::to_string(spur::DatePrecision::term), "term");
  EXPECT_EQ(spur::to_string(spur::DatePrecision::season), "season");
  EXPECT_EQ(spur::to_string(spur::Undated::as_soon_as_possible), "as_soon_as_possible");
  EXPECT_EQ(spur::to_string(spur::Undated::ongoing), "ongoing");
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
      "Q",
      "Q9999999",
      "v.",
      "vecka 99999999 2025",
      "3:e kvartalet",
      "vintern 2199/2200",
      "2199-W53",
      "v. 53-1",
      "hösten 1900-",
  };
  for (const std::string& input : inputs) {
    SCOPED_TRACE(input);
    DatePhrase phrase;
    EXPECT_NO_THROW(phrase = spur::parse_date_phrase(input, Date{2025, 1, 1}));
    EXPECT_EQ(phrase.text, input);
  }
}

// Warnings quote what they are about, but a long text only in part.
TEST(DateTest, WarningsQuoteLongTextsShortened) {
  const std::string text = "2025 " + std::string(1000, 'x') + " 2026";
  const DatePhrase phrase = spur::parse_date_phrase(text);
  ASSERT_EQ(phrase.warnings.size(), 1u);
  EXPECT_EQ(phrase.warnings[0],
            "\"2025 " + std::string(55, 'x') + "…\": more than one date, using the first (2025)");
  ASSERT_EQ(phrase.parts.size(), 1u);
  EXPECT_EQ(phrase.parts[0].text, text);  // the part itself keeps it all
}

// A phrase of 400 KB read in linear time: with a quadratic search for the anchor (as before)
// this took over a minute; ctest gives the DatePhraseScale tests 10 seconds.
TEST(DatePhraseScale, ManyUndatedPartsAfterADate) {
  std::string text = "maj 2025";
  for (int i = 0; i < 200000; ++i) text += ",a";
  text += ",därefter årligen,juni";
  const DatePhrase phrase = spur::parse_date_phrase(text);
  ASSERT_EQ(phrase.parts.size(), 200003u);
  EXPECT_EQ(phrase.parts.front().recurrence, spur::Recurrence::yearly);
  EXPECT_EQ(phrase.parts.back().start, (Date{2025, 6, 1}));  // anchored on "maj 2025"
  EXPECT_TRUE(phrase.warnings.empty());
}

TEST(DatePhraseScale, ManyUndatedPartsWithNothingToAnchorOn) {
  std::string text;
  for (int i = 0; i < 200000; ++i) text += ",a";
  text += ",därefter årligen";
  const DatePhrase phrase = spur::parse_date_phrase(text);
  ASSERT_EQ(phrase.parts.size(), 200001u);
  EXPECT_FALSE(phrase.parts.front().start);
  EXPECT_TRUE(phrase.warnings.empty());
}

}  // namespace
