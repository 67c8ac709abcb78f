#pragma once
/// \file
/// Free-text Swedish date phrases as written in action plans (handlingsplaner):
/// "maj2025", "Rutin klar: 15/3-27", "september 2025, därefter årligen", "Årsskiftet 27-28",
/// "Q3 2025", "vecka 12 2025", "ht 2025", "hösten 2025", "snarast".

#include <compare>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace spur {

/// How precisely a dated part is known.
enum class DatePrecision {
  day,        ///< one day: "2027-03-15", "15/3-27"
  month,      ///< a whole month: "oktober 2026", "maj2025"
  year,       ///< one or more whole years: "2026", "2024-2025"
  year_turn,  ///< the turn of the year: "årsskiftet 27-28" (31 December to 1 January)
  week,       ///< an ISO week, Monday to Sunday: "vecka 12 2025", "v. 12 2025", "2025-W12"
  quarter,    ///< a quarter of a year: "Q3 2025", "kvartal 2 2025", "3:e kvartalet 2025"
  /// a term: "vt 2025" (vårtermin, 1 January to 30 June), "ht 2025" (hösttermin, 1 August to
  /// 31 December)
  term,
  /// a season: "våren 2025" (March to May), "sommaren 2025" (June to August), "hösten 2025"
  /// (September to November), "vintern 2025/2026" (December 2025 to February 2026)
  season,
};

/// When an undated part says something happens, in words and without a date.
enum class Undated {
  as_soon_as_possible,  ///< "snarast", "omgående", "omedelbart", "så snart som möjligt"
  ongoing,              ///< "löpande", "kontinuerligt", "fortlöpande", "tills vidare"
};

/// How often a dated event repeats.
enum class Recurrence {
  none,        ///< once
  yearly,      ///< "årligen", "årsvis", "varje år", "därefter årligen"
  semiannual,  ///< "varje termin", "varje halvår", "två gånger per år"
};

/// A calendar date (Gregorian). Construction does not validate it.
struct Date {
  int year = 0;   ///< e.g. 2027
  int month = 0;  ///< 1..12
  int day = 0;    ///< 1..31

  friend bool operator==(const Date&, const Date&) = default;
  friend auto operator<=>(const Date&, const Date&) = default;

  /// The date as "YYYY-MM-DD".
  std::string iso() const;
};

/// Days in a month of the Gregorian calendar (0 for a month outside 1..12).
int days_in_month(int year, int month);

/// Whether the date exists ("2025-02-29" does not).
bool is_valid(const Date& date);

/// One part of a phrase: the phrase is split at ';' and ','.
///
/// A dated part has `start`, `end` and `precision`. A part with no date (free text such as
/// "övrigt sker kontinuerligt", or a date that could not be read, see the phrase's warnings)
/// has none of them. The one exception is a recurrence tied to the turn of an unnamed year
/// ("samt årligen vid årsskifte"): it has `precision` year_turn but no `start`/`end`.
struct DatePart {
  std::string text;           ///< the original text of this part, untouched but trimmed
  std::optional<Date> start;  ///< first day of the interval; empty when the part has no date
  std::optional<Date> end;    ///< last day of the interval (inclusive); empty with `start`
  std::optional<DatePrecision> precision;  ///< see DatePart
  /// How often it repeats. A part that only states a recurrence ("därefter årligen") keeps it
  /// and also passes it on to the nearest dated part before it in the same phrase.
  Recurrence recurrence = Recurrence::none;
  std::string label;  ///< text before a colon, e.g. "Rutin klar" for "Rutin klar: 15/3-27"
  /// A part with no date that says when in words: "snarast", "löpande". Empty for dated parts.
  std::optional<Undated> undated;
  /// The part holds a date that could not be read ("31/2-25", "Q5 2025", "maj" with no year to
  /// read it from); the phrase's warnings say why. Such a part has no `start`.
  bool unreadable = false;
};

/// A whole phrase, e.g. the content of a "Datum för uppföljning" field.
struct DatePhrase {
  std::string text;                   ///< the phrase exactly as given
  std::vector<DatePart> parts;        ///< in the order written; nothing is dropped
  std::vector<std::string> warnings;  ///< e.g. `"31/2-25": no such date (31 February 2025)`
};

/// Parses a free-text Swedish date phrase. Never throws on any input (other than
/// std::bad_alloc); an empty or blank phrase gives no parts.
///
/// Understood forms: ISO dates ("2027-03-15"), ISO months ("2027-03"), day/month with an
/// optional year ("15/3-27", "15/3-2027", "15/3 2027", "15/3"), day and month name
/// ("15 mars 2027", "1:a april"), month names, full or abbreviated, with an optional year
/// ("oktober 2026", "okt2026", "okt. 26", "mars-25", "maj"), years and year ranges ("2026",
/// "2024-2025"), turns of the year ("Årsskiftet 27-28", "årsskifte 2027/2028"), ISO weeks
/// ("vecka 12 2025", "v. 12 2025", "v12-14 2025", "2025-W12"), quarters ("Q3 2025", "kv3 2025",
/// "kvartal 2 2025", "3:e kvartalet 2025", "tredje kvartalet 2025", "2025-Q3"), terms ("vt
/// 2025", "HT25", "höstterminen 2025"), seasons ("våren 2025", "hösten -25", "vintern
/// 2025/2026"), ranges joined by "-", "till" or "t.o.m." ("mars-maj 2025", "Q1-Q2 2026"), and
/// recurrences ("årligen", "varje termin", ...). Words around a date are allowed ("senast
/// 15/3-27"). The abbreviations "jan" and "jul" (a name and Christmas) count as months only
/// with a trailing ".", a year or a "-" range. Regulation numbers ("SOSFS 2015:8") are not
/// years. Parts without a date that say "as soon as possible" or "ongoing" get `undated`.
///
/// Nothing is widened silently: a number or a word that narrows a date ("mitten av 2025",
/// "H1 2026", "första halvåret 2026") left unread beside a date coarser than a day gives a
/// warning naming it and the interval read; an impossible date ("31/2-25", "vecka 53 2025",
/// "Q5 2025") gives a warning and an `unreadable` part.
///
/// A date without a year takes the first year, starting from the year of the anchor, in which
/// it does not fall before the anchor (a week, quarter, term or season: does not end before
/// it, so "hösten" on 15 October is this autumn). The anchor is the start of the nearest dated part
/// before it in the same phrase, else `reference`; with neither, the part is kept as free
/// text with the warning `"maj": no year`.
DatePhrase parse_date_phrase(std::string_view text, std::optional<Date> reference = std::nullopt);

/// "day", "month", "year", "year-turn", "week", "quarter", "term" or "season".
std::string_view to_string(DatePrecision precision);

/// "none", "yearly" or "semiannual".
std::string_view to_string(Recurrence recurrence);

/// "as_soon_as_possible" or "ongoing".
std::string_view to_string(Undated undated);

}  // namespace spur
