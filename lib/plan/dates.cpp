#include "spur/dates.hpp"

#include <array>
#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace spur {

std::string Date::iso() const {
  // Zero-padded "YYYY-MM-DD" without <format>/<cstdio>; negative parts are clamped to 0.
  auto digits = [](int value, int width) {
    std::string out(static_cast<std::size_t>(width), '0');
    unsigned v = value < 0 ? 0U : static_cast<unsigned>(value);
    for (int i = width - 1; i >= 0 && v > 0; --i, v /= 10) out[i] = static_cast<char>('0' + v % 10);
    if (v > 0) out = std::to_string(value);  // wider than `width`: print it whole
    return out;
  };
  return digits(year, 4) + "-" + digits(month, 2) + "-" + digits(day, 2);
}

std::string_view to_string(DatePrecision precision) {
  switch (precision) {
    case DatePrecision::day:
      return "day";
    case DatePrecision::month:
      return "month";
    case DatePrecision::year:
      return "year";
    case DatePrecision::year_turn:
      return "year-turn";
    case DatePrecision::week:
      return "week";
    case DatePrecision::quarter:
      return "quarter";
    case DatePrecision::term:
      return "term";
    case DatePrecision::season:
      return "season";
  }
  return "day";
}

std::string_view to_string(Undated undated) {
  switch (undated) {
    case Undated::as_soon_as_possible:
      return "as_soon_as_possible";
    case Undated::ongoing:
      return "ongoing";
  }
  return "ongoing";
}

std::string_view to_string(Recurrence recurrence) {
  switch (recurrence) {
    case Recurrence::none:
      return "none";
    case Recurrence::yearly:
      return "yearly";
    case Recurrence::semiannual:
      return "semiannual";
  }
  return "none";
}

namespace {

using std::size_t;

// Four-digit numbers in this range are years; others are just numbers.
constexpr int kMinYear = 1900;
constexpr int kMaxYear = 2199;

constexpr std::array<std::string_view, 12> kEnglishMonths = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

// ---------------------------------------------------------------------------------------------
// Calendar

// "31 February 2025", "month 13"; `year` 0 leaves the year out.
std::string describe(int year, int month, int day) {
  if (month < 1 || month > 12) return "month " + std::to_string(month);
  std::string out = std::to_string(day) + " " + std::string(kEnglishMonths[size_t(month - 1)]);
  if (year != 0) out += " " + std::to_string(year);
  return out;
}

// A text in double quotes for a warning; past 60 bytes cut at a character boundary, with "…".
std::string quoted(std::string_view text) {
  constexpr size_t kLongest = 60;
  if (text.size() <= kLongest) return "\"" + std::string(text) + "\"";
  size_t cut = kLongest;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return "\"" + std::string(text.substr(0, cut)) + "…\"";
}

// Days since 1970-01-01 of a proleptic Gregorian date, and back (H. Hinnant's algorithms).
long days_from_civil(Date date) {
  const long y = static_cast<long>(date.year) - (date.month <= 2 ? 1 : 0);
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long mp = (date.month + 9) % 12;
  const long doy = (153 * mp + 2) / 5 + date.day - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Date civil_from_days(long z) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const long doe = z - era * 146097;
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long mp = (5 * doy + 2) / 153;
  const int day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return {static_cast<int>(yoe + era * 400 + (month <= 2 ? 1 : 0)), month, day};
}

// Monday of ISO week 1: the week holding 4 January.
long iso_week_one_monday(int year) {
  const long jan4 = days_from_civil({year, 1, 4});
  const long weekday = ((jan4 % 7) + 7 + 3) % 7;  // 0 = Monday (1970-01-01 was a Thursday)
  return jan4 - weekday;
}

int iso_weeks_in(int year) {
  return static_cast<int>((iso_week_one_monday(year + 1) - iso_week_one_monday(year)) / 7);
}

// ---------------------------------------------------------------------------------------------
// Characters (UTF-8)

enum class CharKind { space, digit, letter, punct };

struct CharInfo {
  CharKind kind;
  size_t length;   // bytes
  char punct = 0;  // normalised punctuation: en/em dash and minus sign become '-'
};

CharInfo classify(std::string_view s, size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) {
    if (c == ' ' || (c >= '\t' && c <= '\r')) return {CharKind::space, 1};
    if (c >= '0' && c <= '9') return {CharKind::digit, 1};
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return {CharKind::letter, 1};
    return {CharKind::punct, 1, static_cast<char>(c)};
  }
  size_t length = 1;
  if ((c & 0xE0) == 0xC0) length = 2;
  if ((c & 0xF0) == 0xE0) length = 3;
  if ((c & 0xF8) == 0xF0) length = 4;
  if (i + length > s.size()) return {CharKind::letter, s.size() - i};      // truncated sequence
  const auto b1 = length >= 2 ? static_cast<unsigned char>(s[i + 1]) : 0;  // in range: see above
  const auto b2 = length >= 3 ? static_cast<unsigned char>(s[i + 2]) : 0;
  if (length == 2 && c == 0xC2) {  // U+0080..U+00BF: no-break space and Latin-1 symbols
    return b1 == 0xA0 ? CharInfo{CharKind::space, 2} : CharInfo{CharKind::punct, 2, '~'};
  }
  if (length == 3 && c == 0xE2 && b1 == 0x80) {  // U+2000..U+203F: spaces, dashes, quotes
    if (b2 <= 0x8A || b2 == 0xAF) return {CharKind::space, 3};
    if (b2 == 0x93 || b2 == 0x94) return {CharKind::punct, 3, '-'};
    if (b2 == 0x98 || b2 == 0x99) return {CharKind::punct, 3, '\''};
    return {CharKind::punct, 3, '~'};
  }
  if (length == 3 && c == 0xE2 && b1 == 0x88 && b2 == 0x92) return {CharKind::punct, 3, '-'};
  return {CharKind::letter, length};  // å, ä, ö, é, ü, ...
}

std::string_view trim(std::string_view s) {
  size_t begin = 0;
  while (begin < s.size()) {
    const CharInfo info = classify(s, begin);
    if (info.kind != CharKind::space) break;
    begin += info.length;
  }
  size_t end = begin;  // one past the last non-space character
  for (size_t i = begin; i < s.size();) {
    const CharInfo info = classify(s, i);
    i += info.length;
    if (info.kind != CharKind::space) end = i;
  }
  return s.substr(begin, end - begin);
}

// Lower-cases ASCII and the Latin-1 capitals (Å Ä Ö É Ü ... are C3 80..C3 9E, their small
// letters 0x20 higher), keeping every byte offset, so positions map back to the original.
std::string to_lower(std::string_view s) {
  std::string out(s);
  for (size_t i = 0; i < out.size(); ++i) {
    const auto c = static_cast<unsigned char>(out[i]);
    if (c >= 'A' && c <= 'Z') {
      out[i] = static_cast<char>(c - 'A' + 'a');
    } else if (c == 0xC3 && i + 1 < out.size()) {
      const auto next = static_cast<unsigned char>(out[i + 1]);
      if (next >= 0x80 && next <= 0x9E && next != 0x97) out[i + 1] = static_cast<char>(next + 0x20);
      ++i;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Tokens

enum class TokenKind { number, word, punct };

struct Token {
  TokenKind kind = TokenKind::punct;
  std::string_view text;  // lower-cased
  size_t begin = 0;       // byte offsets in the scanned text
  size_t end = 0;
  bool space_before = false;
  char punct = 0;
};

std::vector<Token> tokenize(std::string_view lower) {
  std::vector<Token> tokens;
  bool space = false;
  for (size_t i = 0; i < lower.size();) {
    const CharInfo info = classify(lower, i);
    if (info.kind == CharKind::space) {
      space = true;
      i += info.length;
      continue;
    }
    Token token;
    token.begin = i;
    token.space_before = space;
    space = false;
    if (info.kind == CharKind::punct) {
      token.kind = TokenKind::punct;
      token.punct = info.punct;
      i += info.length;
    } else {
      token.kind = info.kind == CharKind::digit ? TokenKind::number : TokenKind::word;
      i += info.length;
      while (i < lower.size()) {
        const CharInfo more = classify(lower, i);
        if (more.kind != info.kind) break;
        i += more.length;
      }
    }
    token.end = i;
    token.text = lower.substr(token.begin, token.end - token.begin);
    tokens.push_back(token);
  }
  return tokens;
}

int number_value(const Token& token) {
  if (token.kind != TokenKind::number || token.text.size() > 6) return -1;
  int value = 0;
  for (char c : token.text) value = value * 10 + (c - '0');
  return value;
}

// ---------------------------------------------------------------------------------------------
// Vocabulary

struct MonthName {
  std::string_view word;
  int month;
};

constexpr std::array<MonthName, 25> kMonthNames = {{
    {"januari", 1}, {"jan", 1},       {"februari", 2}, {"febr", 2},      {"feb", 2},
    {"mars", 3},    {"mar", 3},       {"april", 4},    {"apr", 4},       {"maj", 5},
    {"juni", 6},    {"jun", 6},       {"juli", 7},     {"jul", 7},       {"augusti", 8},
    {"aug", 8},     {"september", 9}, {"sept", 9},     {"sep", 9},       {"oktober", 10},
    {"okt", 10},    {"november", 11}, {"nov", 11},     {"december", 12}, {"dec", 12},
}};

// Words that are also something else ("Jan", "jul" = Christmas): months only with ".", a year
// or as the start of a range ("jan-mars 2025").
bool is_ambiguous_month_word(std::string_view word) {
  return word == "jan" || word == "jul";
}

int month_of(std::string_view word) {
  for (const MonthName& name : kMonthNames) {
    if (name.word == word) return name.month;
  }
  return 0;
}

bool is_one_of(std::string_view word, std::initializer_list<std::string_view> words) {
  for (std::string_view w : words) {
    if (w == word) return true;
  }
  return false;
}

bool is_year_turn_word(std::string_view word) {
  return is_one_of(word, {"årsskifte", "årsskiftet", "årsskiftena", "årsskiftes"});
}

struct IndexedWord {
  std::string_view word;
  int index;
  bool alone = true;  // read without a year (the year then comes from the anchor)
};

// Terms: 1 vårtermin, 2 hösttermin. Seasons: 1 spring, 2 summer, 3 autumn, 4 winter; the bare
// forms ("vår" is also "our") only with a year.
constexpr std::array<IndexedWord, 6> kTerms = {{{"vt", 1},
                                                {"vårtermin", 1},
                                                {"vårterminen", 1},
                                                {"ht", 2},
                                                {"hösttermin", 2},
                                                {"höstterminen", 2}}};
constexpr std::array<IndexedWord, 8> kSeasons = {{{"våren", 1},
                                                  {"vår", 1, false},
                                                  {"sommaren", 2},
                                                  {"sommar", 2, false},
                                                  {"hösten", 3},
                                                  {"höst", 3, false},
                                                  {"vintern", 4},
                                                  {"vinter", 4, false}}};
constexpr std::array<IndexedWord, 4> kOrdinals = {
    {{"första", 1}, {"andra", 2}, {"tredje", 3}, {"fjärde", 4}}};

template <std::size_t N>
const IndexedWord* find_word(const std::array<IndexedWord, N>& words, std::string_view word) {
  for (const IndexedWord& w : words) {
    if (w.word == word) return &w;
  }
  return nullptr;
}

bool is_week_word(std::string_view word) {
  return is_one_of(word, {"v", "vecka", "veckan", "vecko"});
}

bool is_quarter_word(std::string_view word) {
  return is_one_of(word, {"kvartal", "kvartalet"});
}

// Words that narrow a date or move it ("före sommaren" ends before the summer); left unread
// beside a coarser date they would widen it silently.
bool is_narrowing_word(std::string_view word) {
  return is_one_of(word, {"kvartal", "kvartalet", "kv",       "q",       "vecka",   "veckan",
                          "v",       "halvår",    "halvåret", "halvårs", "tertial", "tertialet",
                          "början",  "slutet",    "mitten",   "halva",   "termin",  "terminen",
                          "före",    "innan",     "inför",    "efter"});
}

// Word sequences saying when without a date.
constexpr std::array<std::string_view, 9> kAsSoonAsPossible = {
    "snarast",
    "omgående",
    "omgaende",
    "omedelbart",
    "genast",
    "så snart som möjligt",
    "så snart möjligt",
    "så fort som möjligt",
    "asap",
};
constexpr std::array<std::string_view, 10> kOngoing = {
    "löpande",  "kontinuerligt", "kontinuerlig", "fortlöpande",  "tillsvidare",
    "pågående", "pågår",         "fortgående",   "tills vidare", "ständigt",
};

// Word sequences (lower case, single spaces) naming a recurrence; semiannual ones are tried
// first, so that "två gånger årligen" is not read as yearly.
constexpr std::array<std::string_view, 13> kSemiannual = {
    "varje termin",       "varje halvår",     "halvårsvis",         "halvårligen",
    "terminsvis",         "per termin",       "två gånger per år",  "2 gånger per år",
    "två gånger om året", "2 gånger om året", "två gånger årligen", "2 gånger årligen",
    "var sjätte månad",
};
constexpr std::array<std::string_view, 11> kYearly = {
    "årligen",        "årsvis",           "årlig",          "årliga",        "årligt",
    "varje år",       "varje kalenderår", "en gång per år", "1 gång per år", "en gång om året",
    "1 gång om året",
};

// The words and numbers of a part, punctuation left out: " en gång per år ".
std::string word_string(const std::vector<Token>& tokens) {
  std::string words = " ";
  for (const Token& token : tokens) {
    if (token.kind == TokenKind::punct) continue;
    words += token.text;
    words += ' ';
  }
  return words;
}

// Whether `words` (" a b c ") holds `sequence` as whole words; no allocation.
bool contains_sequence(std::string_view words, std::string_view sequence) {
  for (size_t at = words.find(sequence); at != std::string_view::npos;
       at = words.find(sequence, at + 1)) {
    const size_t end = at + sequence.size();
    if (at > 0 && words[at - 1] == ' ' && end < words.size() && words[end] == ' ') return true;
  }
  return false;
}

std::optional<Undated> detect_undated(const std::vector<Token>& tokens) {
  const std::string words = word_string(tokens);
  for (std::string_view sequence : kAsSoonAsPossible) {
    if (contains_sequence(words, sequence)) return Undated::as_soon_as_possible;
  }
  for (std::string_view sequence : kOngoing) {
    if (contains_sequence(words, sequence)) return Undated::ongoing;
  }
  return std::nullopt;
}

Recurrence detect_recurrence(const std::vector<Token>& tokens) {
  const std::string words = word_string(tokens);
  auto contains = [&words](std::string_view sequence) {
    return contains_sequence(words, sequence);
  };
  for (std::string_view sequence : kSemiannual) {
    if (contains(sequence)) return Recurrence::semiannual;
  }
  for (std::string_view sequence : kYearly) {
    if (contains(sequence)) return Recurrence::yearly;
  }
  return Recurrence::none;
}

// ---------------------------------------------------------------------------------------------
// Date expressions within one part

// A date expression found in a part, possibly without a year yet.
struct Candidate {
  size_t first = 0;  // token range [first, last)
  size_t last = 0;
  std::string_view text;  // original text of the expression
  bool is_date = true;    // false: not read as a date; `warning` says why
  std::string warning;    // without the quoted text
  DatePrecision precision = DatePrecision::day;
  std::optional<int> year;  // empty: to be inferred
  int month = 1;
  int day = 1;
  std::optional<int> end_year;  // year ranges, year turns, ranges with a year on the right
  int end_month = 0;            // ranges of days or months; 0: same as the start
  int end_day = 0;
  int index = 0;      // week, quarter, term or season number (see kTerms, kSeasons)
  int end_index = 0;  // ranges of those; 0: same as the start
};

bool is_period(DatePrecision precision) {
  return precision == DatePrecision::week || precision == DatePrecision::quarter ||
         precision == DatePrecision::term || precision == DatePrecision::season;
}

class PartScanner {
 public:
  explicit PartScanner(std::string_view original)
      : original_(original), lower_(to_lower(original)), tokens_(tokenize(lower_)) {}

  const std::vector<Token>& tokens() const { return tokens_; }

  // Every date expression, left to right, with ranges ("mars-maj 2025") joined.
  std::vector<Candidate> scan() const {
    std::vector<Candidate> found;
    for (size_t i = 0; i < tokens_.size();) {
      std::optional<Candidate> candidate = match_at(i);
      if (!candidate) {
        ++i;
        continue;
      }
      candidate->first = i;
      candidate->text = span(i, candidate->last);
      i = candidate->last;
      found.push_back(std::move(*candidate));
    }
    return join_ranges(std::move(found));
  }

 private:
  std::string_view span(size_t first, size_t last) const {
    return original_.substr(tokens_[first].begin, tokens_[last - 1].end - tokens_[first].begin);
  }

  bool is_punct(size_t i, char c) const {
    return i < tokens_.size() && tokens_[i].kind == TokenKind::punct && tokens_[i].punct == c;
  }
  bool is_number(size_t i, size_t min_digits, size_t max_digits) const {
    return i < tokens_.size() && tokens_[i].kind == TokenKind::number &&
           tokens_[i].text.size() >= min_digits && tokens_[i].text.size() <= max_digits;
  }
  bool is_word(size_t i) const { return i < tokens_.size() && tokens_[i].kind == TokenKind::word; }
  // Token i follows the previous one without white space.
  bool adjacent(size_t i) const { return i < tokens_.size() && !tokens_[i].space_before; }

  // A year written with four digits (1900..2199) or two (20xx).
  std::optional<int> year_at(size_t i, bool allow_two_digits = true) const {
    if (is_number(i, 4, 4)) {
      const int value = number_value(tokens_[i]);
      if (value >= kMinYear && value <= kMaxYear) return value;
    } else if (allow_two_digits && is_number(i, 2, 2)) {
      return 2000 + number_value(tokens_[i]);
    }
    return std::nullopt;
  }

  std::optional<Candidate> match_at(size_t i) const {
    if (auto c = match_year_turn(i)) return c;
    if (auto c = match_year_then_period(i)) return c;
    if (auto c = match_four_digit_year(i)) return c;
    if (auto c = match_day_slash_month(i)) return c;
    if (auto c = match_quarter(i)) return c;
    if (auto c = match_day_month_name(i)) return c;
    if (auto c = match_month_name(i)) return c;
    if (auto c = match_week(i)) return c;
    if (auto c = match_term_or_season(i)) return c;
    return std::nullopt;
  }

  // "årsskiftet 27-28", "årsskifte 2027/2028", "vid årsskiftet", "årsskiftet 2027".
  std::optional<Candidate> match_year_turn(size_t i) const {
    if (!is_word(i) || !is_year_turn_word(tokens_[i].text)) return std::nullopt;
    Candidate c;
    c.precision = DatePrecision::year_turn;
    c.last = i + 1;
    const std::optional<int> first = year_at(i + 1);
    if (!first) return c;  // year to be inferred
    c.year = first;
    c.last = i + 2;
    std::optional<int> second;
    if ((is_punct(i + 2, '-') || is_punct(i + 2, '/')) && (second = year_at(i + 3))) {
      c.last = i + 4;
      c.end_year = second;
      if (*second != *first + 1) {
        c.warning = "the years " + std::to_string(*first) + " and " + std::to_string(*second) +
                    " do not follow each other";
      }
    } else {
      c.end_year = *first + 1;
      c.warning = "one year only, read as the turn " + std::to_string(*first) + "/" +
                  std::to_string(*first + 1);
    }
    return c;
  }

  // "2027-03-15", "2027-03", "2024-2025", "2027/28", "2026"; not "SOSFS 2015:8".
  std::optional<Candidate> match_four_digit_year(size_t i) const {
    const std::optional<int> year = year_at(i, false);
    if (!year) return std::nullopt;
    if (is_punct(i + 1, ':') && adjacent(i + 1) && is_number(i + 2, 1, 3) && adjacent(i + 2)) {
      return std::nullopt;  // a regulation number: "SOSFS 2015:8"
    }
    Candidate c;
    c.year = year;
    const bool dash = is_punct(i + 1, '-');
    const bool slash = is_punct(i + 1, '/');
    const bool tight = adjacent(i + 1) && adjacent(i + 2);
    if (dash && tight && is_number(i + 2, 1, 2) && is_punct(i + 3, '-') && adjacent(i + 3) &&
        is_number(i + 4, 1, 2) && adjacent(i + 4)) {
      c.last = i + 5;
      c.precision = DatePrecision::day;
      c.month = number_value(tokens_[i + 2]);
      c.day = number_value(tokens_[i + 4]);
      if (!is_valid(Date{*year, c.month, c.day})) {
        c.is_date = false;
        c.warning = "no such date (" + describe(*year, c.month, c.day) + ")";
      }
      return c;
    }
    if ((dash || slash) && year_at(i + 2, false)) {  // "2024-2025", "2024 / 2025"
      c.last = i + 3;
      c.precision = DatePrecision::year;
      c.end_year = year_at(i + 2, false);
      return c;
    }
    if ((dash || slash) && tight && is_number(i + 2, 1, 2)) {
      const int value = number_value(tokens_[i + 2]);
      if (tokens_[i + 2].text.size() == 2 && value == (*year + 1) % 100) {  // "2027/28"
        c.last = i + 3;
        c.precision = DatePrecision::year;
        c.end_year = *year + 1;
        return c;
      }
      if (dash) {  // "2027-03"
        c.last = i + 3;
        c.precision = DatePrecision::month;
        c.month = value;
        if (value < 1 || value > 12) {
          c.is_date = false;
          c.warning = "no such date (" + describe(*year, value, 1) + ")";
        }
        return c;
      }
    }
    c.last = i + 1;
    c.precision = DatePrecision::year;
    return c;
  }

  // An optional year after a day/month: "-27", "-2027", " -27", "/27", " 2027".
  // Returns the year and moves `j` past it.
  std::optional<int> year_after_day_month(size_t& j) const {
    if (is_punct(j, '-') && !is_punct(j + 2, '/')) {  // not the start of "1/3-15/3"
      if (auto year = year_at(j + 1)) {
        j += 2;
        return year;
      }
    }
    if (is_punct(j, '/') && adjacent(j) && adjacent(j + 1)) {
      if (auto year = year_at(j + 1)) {
        j += 2;
        return year;
      }
    }
    if (auto year = year_at(j, false)) {
      ++j;
      return year;
    }
    return std::nullopt;
  }

  // "15/3-27", "15/3-2027", "15/3 2027", "15/3/2027", "15/3".
  std::optional<Candidate> match_day_slash_month(size_t i) const {
    if (!is_number(i, 1, 2) || !is_punct(i + 1, '/') || !adjacent(i + 1) ||
        !is_number(i + 2, 1, 2) || !adjacent(i + 2)) {
      return std::nullopt;
    }
    Candidate c;
    c.precision = DatePrecision::day;
    c.day = number_value(tokens_[i]);
    c.month = number_value(tokens_[i + 2]);
    size_t j = i + 3;
    c.year = year_after_day_month(j);
    c.last = j;
    check_day(c);
    return c;
  }

  // "15 mars 2027", "1 april", "1:a april".
  std::optional<Candidate> match_day_month_name(size_t i) const {
    if (!is_number(i, 1, 2)) return std::nullopt;
    size_t j = i + 1;
    if (is_punct(j, ':') && adjacent(j) && adjacent(j + 1) && is_word(j + 1) &&
        is_one_of(tokens_[j + 1].text, {"a", "e"})) {
      j += 2;  // an ordinal: "1:a", "2:a", "5:e"
    }
    if (!is_word(j)) return std::nullopt;
    const int month = month_of(tokens_[j].text);
    if (month == 0) return std::nullopt;
    Candidate c;
    c.precision = DatePrecision::day;
    c.day = number_value(tokens_[i]);
    c.month = month;
    ++j;
    if (is_punct(j, '.') && adjacent(j)) ++j;
    c.year = year_after_month_name(j);
    c.last = j;
    check_day(c);
    return c;
  }

  // A year after a month name: "2026", "26", "-25", "'25"; moves `j` past it.
  std::optional<int> year_after_month_name(size_t& j) const {
    if (auto year = year_at(j)) {
      ++j;
      return year;
    }
    if ((is_punct(j, '-') || is_punct(j, '\'')) && adjacent(j + 1)) {
      if (auto year = year_at(j + 1)) {
        j += 2;
        return year;
      }
    }
    return std::nullopt;
  }

  // "oktober 2026", "okt2026", "okt. 26", "maj 25", "mars-25", "maj".
  std::optional<Candidate> match_month_name(size_t i) const {
    if (!is_word(i)) return std::nullopt;
    const int month = month_of(tokens_[i].text);
    if (month == 0) return std::nullopt;
    Candidate c;
    c.precision = DatePrecision::month;
    c.month = month;
    size_t j = i + 1;
    const bool dot = is_punct(j, '.') && adjacent(j);
    if (dot) ++j;
    c.year = year_after_month_name(j);
    const bool range_follows =
        is_punct(j, '-') && is_word(j + 1) && month_of(tokens_[j + 1].text) != 0;
    if (!dot && !c.year && !range_follows && is_ambiguous_month_word(tokens_[i].text)) {
      return std::nullopt;
    }
    c.last = j;
    return c;
  }

  // A year after a week, quarter, term or season: "2025", "25", "-25", "/2025", "'25".
  std::optional<int> year_after_period(size_t& j) const {
    if (auto year = year_at(j)) {
      ++j;
      return year;
    }
    if ((is_punct(j, '-') || is_punct(j, '/') || is_punct(j, '\'')) && adjacent(j + 1)) {
      if (auto year = year_at(j + 1)) {
        j += 2;
        return year;
      }
    }
    return std::nullopt;
  }

  // "2025-Q3", "2025 Q3", "2025Q3", "2025-W12", "2025 v. 12", "2025 vecka 12".
  std::optional<Candidate> match_year_then_period(size_t i) const {
    const std::optional<int> year = year_at(i, false);
    if (!year) return std::nullopt;
    size_t j = i + 1;
    if (is_punct(j, '-') && adjacent(j) && adjacent(j + 1)) ++j;
    if (!is_word(j)) return std::nullopt;
    std::optional<Candidate> c;
    if (tokens_[j].text == "w" && adjacent(j + 1) && is_number(j + 1, 1, 2)) {
      c = week_from(j + 1, false);
    } else if (tokens_[j].text == "q" || tokens_[j].text == "kv" || is_week_word(tokens_[j].text)) {
      c = tokens_[j].text == "q" || tokens_[j].text == "kv" ? match_quarter(j)
                                                            : match_week(j, false);
    }
    if (!c || c->year) return std::nullopt;
    c->year = year;
    if (c->is_date) check_period(*c);
    return c;
  }

  // "Q3", "kv3", "kv. 3", "kvartal 2", "3:e kvartalet", "3e kvartalet", "tredje kvartalet",
  // each with an optional year: "Q3 2025", "Q3-25", "kvartal 2 2025".
  std::optional<Candidate> match_quarter(size_t i) const {
    size_t j = 0;
    int quarter = 0;
    if (is_word(i) && tokens_[i].text == "q" && adjacent(i + 1) && is_number(i + 1, 1, 1)) {
      quarter = number_value(tokens_[i + 1]);
      j = i + 2;
    } else if (is_word(i) && tokens_[i].text == "kv") {
      j = i + 1;
      if (is_punct(j, '.') && adjacent(j)) ++j;
      if (!is_number(j, 1, 1)) return std::nullopt;
      quarter = number_value(tokens_[j]);
      ++j;
    } else if (is_word(i) && is_quarter_word(tokens_[i].text) && is_number(i + 1, 1, 1)) {
      quarter = number_value(tokens_[i + 1]);
      j = i + 2;
    } else if (is_number(i, 1, 1)) {  // "3:e kvartalet", "3e kvartalet", "1:a kvartalet"
      j = i + 1;
      if (is_punct(j, ':') && adjacent(j)) ++j;
      if (!is_word(j) || !adjacent(j) || !is_one_of(tokens_[j].text, {"a", "e"})) {
        return std::nullopt;
      }
      if (!is_word(j + 1) || !is_quarter_word(tokens_[j + 1].text)) return std::nullopt;
      quarter = number_value(tokens_[i]);
      j += 2;
    } else if (is_word(i) && find_word(kOrdinals, tokens_[i].text) && is_word(i + 1) &&
               is_quarter_word(tokens_[i + 1].text)) {
      quarter = find_word(kOrdinals, tokens_[i].text)->index;
      j = i + 2;
    } else {
      return std::nullopt;
    }
    Candidate c;
    c.precision = DatePrecision::quarter;
    c.index = quarter;
    c.year = year_after_period(j);
    c.last = j;
    check_period(c);
    return c;
  }

  // "vecka 12 2025", "v. 12 2025", "v12", "v 12-14 2025", "v. 12-2025".
  std::optional<Candidate> match_week(size_t i, bool with_year = true) const {
    if (!is_word(i) || !is_week_word(tokens_[i].text)) return std::nullopt;
    size_t j = i + 1;
    if (is_punct(j, '.') && adjacent(j)) ++j;
    if (!is_number(j, 1, 2)) return std::nullopt;
    return week_from(j, with_year);
  }

  // The week number at `j`, an optional end week ("12-14") and year.
  std::optional<Candidate> week_from(size_t j, bool with_year) const {
    Candidate c;
    c.precision = DatePrecision::week;
    c.index = number_value(tokens_[j]);
    ++j;
    if (is_punct(j, '-') && is_number(j + 1, 1, 2)) {
      c.end_index = number_value(tokens_[j + 1]);
      j += 2;
    }
    if (with_year) {
      if (auto year = year_at(j, false)) {
        c.year = year;
        ++j;
      } else if ((is_punct(j, '-') || is_punct(j, '/')) && year_at(j + 1, false)) {
        c.year = year_at(j + 1, false);
        j += 2;
      }
    }
    c.last = j;
    check_period(c);
    return c;
  }

  // "vt 2025", "HT25", "ht-25", "höstterminen 2025", "våren 2025", "hösten -25", "vintern
  // 2025/2026"; "hösten" and "vt" alone take their year from the anchor.
  std::optional<Candidate> match_term_or_season(size_t i) const {
    if (!is_word(i)) return std::nullopt;
    Candidate c;
    const IndexedWord* word = find_word(kTerms, tokens_[i].text);
    c.precision = DatePrecision::term;
    if (!word) {
      word = find_word(kSeasons, tokens_[i].text);
      c.precision = DatePrecision::season;
    }
    if (!word) return std::nullopt;
    c.index = word->index;
    size_t j = i + 1;
    c.year = year_after_period(j);
    if (!c.year && !word->alone) return std::nullopt;
    c.last = j;
    if (c.precision == DatePrecision::season && c.index == 4 && c.year) {
      std::optional<int> second;
      if ((is_punct(j, '/') || is_punct(j, '-')) && (second = year_at(j + 1))) {
        c.last = j + 2;
        if (*second != *c.year + 1) {
          c.is_date = false;
          c.warning = "the years " + std::to_string(*c.year) + " and " + std::to_string(*second) +
                      " do not follow each other";
        }
      } else {
        c.warning = "one year only, read as the winter " + std::to_string(*c.year) + "/" +
                    std::to_string(*c.year + 1) + " (December to February)";
      }
    }
    return c;
  }

  // Rejects weeks and quarters that do not exist; a week 53 only in years that have one.
  static void check_period(Candidate& c) {
    auto bad = [&c](std::string why) {
      c.is_date = false;
      c.warning = std::move(why);
    };
    if (c.precision == DatePrecision::quarter && (c.index < 1 || c.index > 4)) {
      bad("no quarter " + std::to_string(c.index) + " (a year has four)");
    } else if (c.precision == DatePrecision::week) {
      const int most = c.year ? iso_weeks_in(*c.year) : 53;
      for (int week : {c.index, c.end_index == 0 ? c.index : c.end_index}) {
        if (week < 1 || week > most) {
          bad("no week " + std::to_string(week) +
              (c.year ? " in " + std::to_string(*c.year) + " (it has " + std::to_string(most) +
                            " weeks)"
                      : std::string(" (a year has at most 53)")));
          return;
        }
      }
    }
  }

  // Rejects impossible days; without a year, 29 February is allowed.
  static void check_day(Candidate& c) {
    const int max_day =
        c.month >= 1 && c.month <= 12 ? days_in_month(c.year.value_or(2000), c.month) : 0;
    if (c.day < 1 || c.day > max_day) {
      c.is_date = false;
      c.warning = "no such date (" + describe(c.year.value_or(0), c.month, c.day) + ")";
    }
  }

  // Joins "A - B", "A till B", "A t.o.m. B" where A and B have the same precision (day, month,
  // year).
  std::vector<Candidate> join_ranges(std::vector<Candidate> found) const {
    std::vector<Candidate> joined;
    for (size_t k = 0; k < found.size(); ++k) {
      Candidate c = std::move(found[k]);
      if (k + 1 < found.size() && joinable(c, found[k + 1]) && is_period(c.precision)) {
        const Candidate& right = found[k + 1];  // "Q1-Q2 2026", "v. 12 till v. 14"
        if (!c.year && right.year) c.year = *right.year - (c.index > right.index ? 1 : 0);
        c.end_year = right.year;
        if (c.year && !right.year) c.end_year = *c.year + (right.index < c.index ? 1 : 0);
        c.end_index = right.index;
        c.last = right.last;
        c.text = span(c.first, c.last);
        if (!right.warning.empty()) c.warning += (c.warning.empty() ? "" : "; ") + right.warning;
        ++k;
      } else if (k + 1 < found.size() && joinable(c, found[k + 1])) {
        const Candidate& right = found[k + 1];
        if (!c.year && right.year) {
          const bool after = std::pair(c.month, c.day) > std::pair(right.month, right.day);
          c.year = *right.year - (after ? 1 : 0);
        }
        if (c.precision == DatePrecision::year) {
          c.end_year = right.end_year ? right.end_year : right.year;
        } else {
          c.end_year = right.year;
          c.end_month = right.month;
          c.end_day = right.day;
          if (c.year && !right.year) {
            const bool before = std::pair(right.month, right.day) < std::pair(c.month, c.day);
            c.end_year = *c.year + (before ? 1 : 0);
          }
        }
        c.last = right.last;
        c.text = span(c.first, c.last);
        if (!right.warning.empty()) c.warning += (c.warning.empty() ? "" : "; ") + right.warning;
        ++k;
      }
      joined.push_back(std::move(c));
    }
    return joined;
  }

  bool joinable(const Candidate& left, const Candidate& right) const {
    if (!left.is_date || !right.is_date || left.precision != right.precision) return false;
    if (left.precision == DatePrecision::year_turn || left.end_year || left.end_month != 0 ||
        right.end_month != 0 || left.end_index != 0 || right.end_index != 0) {
      return false;
    }
    if (left.precision == DatePrecision::season && (left.index == 4 || right.index == 4)) {
      return false;  // winters span two years already
    }
    if (left.precision == DatePrecision::year && right.end_year) return false;
    // The connector, without white space: "-", "till", "t.o.m.", "till och med".
    std::string between;
    for (size_t k = left.last; k < right.first; ++k) {
      if (tokens_[k].kind == TokenKind::punct) {
        between += tokens_[k].punct;
      } else {
        between += tokens_[k].text;
      }
    }
    return is_one_of(between, {"-", "till", "t.o.m.", "t.o.m", "tom", "tillochmed"});
  }

  std::string_view original_;
  std::string lower_;
  std::vector<Token> tokens_;
};

// ---------------------------------------------------------------------------------------------
// Resolving a candidate to an interval

struct Interval {
  Date start;
  Date end;
};

// One week, quarter, term or season of a year; an invalid interval for a week the year lacks.
Interval period(DatePrecision precision, int year, int index) {
  switch (precision) {
    case DatePrecision::week: {
      if (index < 1 || index > iso_weeks_in(year)) return {{year, 1, 0}, {year, 1, 0}};
      const long monday = iso_week_one_monday(year) + 7L * (index - 1);
      return {civil_from_days(monday), civil_from_days(monday + 6)};
    }
    case DatePrecision::quarter:
      return {{year, 3 * index - 2, 1}, {year, 3 * index, days_in_month(year, 3 * index)}};
    case DatePrecision::term:
      return index == 1 ? Interval{{year, 1, 1}, {year, 6, 30}}
                        : Interval{{year, 8, 1}, {year, 12, 31}};
    case DatePrecision::season:
      switch (index) {
        case 1:
          return {{year, 3, 1}, {year, 5, 31}};
        case 2:
          return {{year, 6, 1}, {year, 8, 31}};
        case 3:
          return {{year, 9, 1}, {year, 11, 30}};
        default:
          return {{year, 12, 1}, {year + 1, 2, days_in_month(year + 1, 2)}};
      }
    default:
      return {};
  }
}

Interval interval_of(const Candidate& c) {
  const int year = c.year.value_or(0);
  if (is_period(c.precision)) {
    const Interval first = period(c.precision, year, c.index);
    const Interval last =
        period(c.precision, c.end_year.value_or(year), c.end_index != 0 ? c.end_index : c.index);
    return {first.start, last.end};
  }
  const int end_year = c.end_year.value_or(year);
  const int end_month = c.end_month != 0 ? c.end_month : c.month;
  const int end_day = c.end_day != 0 ? c.end_day : c.day;
  switch (c.precision) {
    case DatePrecision::day:
      return {{year, c.month, c.day}, {end_year, end_month, end_day}};
    case DatePrecision::month:
      return {{year, c.month, 1}, {end_year, end_month, days_in_month(end_year, end_month)}};
    case DatePrecision::year:
      return {{year, 1, 1}, {end_year, 12, 31}};
    case DatePrecision::year_turn:
      return {{year, 12, 31}, {c.end_year.value_or(year + 1), 1, 1}};
    default:  // the periods, above
      return {};
  }
}

// Gives a year-less candidate the first year at or after the anchor's year in which it does not
// fall before the anchor. False if there is no such year (29 February far from a leap year).
bool infer_year(Candidate& c, const Date& anchor) {
  if (is_period(c.precision)) {  // the first one that has not ended: this autumn, this winter
    for (int year = anchor.year - 1; year <= anchor.year + 8; ++year) {
      c.year = year;
      if (c.end_index != 0) c.end_year = year + (c.end_index < c.index ? 1 : 0);
      const Interval interval = interval_of(c);
      if (is_valid(interval.start) && is_valid(interval.end) && interval.end >= anchor) return true;
      c.end_year.reset();
    }
    c.year.reset();
    return false;
  }
  for (int year = anchor.year; year <= anchor.year + 8; ++year) {
    c.year = year;
    if (c.end_month != 0 && !c.end_year) {  // a year-less range: "mars-maj", "nov-feb"
      const bool wraps = std::pair(c.end_month, c.end_day) < std::pair(c.month, c.day);
      c.end_year = year + (wraps ? 1 : 0);
    }
    const Interval interval = interval_of(c);
    Date start = interval.start;
    if (c.precision == DatePrecision::month) start.day = anchor.day;  // same month is fine
    if (c.precision == DatePrecision::year_turn) start = anchor;
    if (is_valid(interval.start) && is_valid(interval.end) && start >= anchor) return true;
    if (c.end_month != 0) c.end_year.reset();
  }
  c.year.reset();
  return false;
}

// ---------------------------------------------------------------------------------------------
// Parts

// "Rutin klar: 15/3-27" -> {"Rutin klar", "15/3-27"}. The text before the colon must hold a
// letter and not end in a digit, so "kl 10:00" and "1:a april" have no label.
std::pair<std::string_view, std::string_view> split_label(std::string_view part) {
  const size_t colon = part.find(':');
  if (colon == std::string_view::npos || colon == 0) return {{}, part};
  const std::string_view label = trim(part.substr(0, colon));
  const char before = part[colon - 1];
  if (label.empty() || (before >= '0' && before <= '9')) return {{}, part};
  bool has_letter = false;
  for (size_t i = 0; i < label.size();) {
    const CharInfo info = classify(label, i);
    has_letter = has_letter || info.kind == CharKind::letter;
    i += info.length;
  }
  if (!has_letter) return {{}, part};
  return {label, trim(part.substr(colon + 1))};
}

struct ParsedPart {
  DatePart part;
  bool recurrence_only = false;  // states a recurrence and no date at all
};

// What a year-less date is, for the warning when no year fits: "29 February", "week 53".
std::string describe_yearless(const Candidate& c) {
  switch (c.precision) {
    case DatePrecision::week:
      return "week " + std::to_string(c.index);
    case DatePrecision::quarter:
      return "quarter " + std::to_string(c.index);
    case DatePrecision::term:
    case DatePrecision::season:
      return std::string(c.text);
    default:
      return describe(0, c.month, c.day);
  }
}

// Tokens beside a date coarser than a day that would narrow it but were not read: numbers
// ("Q3" in "Q3 2025" when quarters were not read, "H1 2026") and words such as "mitten",
// "början", "halvåret". Regulation numbers ("2015:8") and counts ("2 gånger per år") are not.
std::vector<std::string_view> unread_narrowing(const PartScanner& scanner,
                                               const std::vector<Candidate>& found,
                                               std::string_view rest, bool recurs) {
  const std::vector<Token>& tokens = scanner.tokens();
  std::vector<bool> read(tokens.size(), false);
  for (const Candidate& c : found) {
    for (size_t k = c.first; k < c.last && k < tokens.size(); ++k) read[k] = true;
  }
  std::vector<std::string_view> unread;
  for (size_t k = 0; k < tokens.size(); ++k) {
    const Token& t = tokens[k];
    if (read[k] || t.kind == TokenKind::punct) continue;
    bool narrowing = false;
    if (t.kind == TokenKind::number) {
      const bool regulation =
          (k + 2 < tokens.size() && tokens[k + 1].punct == ':' &&
           tokens[k + 1].kind == TokenKind::punct && tokens[k + 2].kind == TokenKind::number) ||
          (k >= 2 && tokens[k - 1].kind == TokenKind::punct && tokens[k - 1].punct == ':' &&
           tokens[k - 2].kind == TokenKind::number);
      const bool count = k + 1 < tokens.size() && tokens[k + 1].kind == TokenKind::word &&
                         is_one_of(tokens[k + 1].text, {"gång", "gånger", "ggr"});
      narrowing = !regulation && !count;
    } else {
      narrowing =
          is_narrowing_word(t.text) &&
          !(recurs && is_one_of(t.text, {"halvår", "halvåret", "halvårs", "termin", "terminen"}));
    }
    if (!narrowing) continue;
    // With the unread letters and digits written together with it: "H1", "v12".
    size_t first = k, last = k + 1;
    while (first > 0 && !read[first - 1] && !tokens[first].space_before &&
           tokens[first - 1].kind != TokenKind::punct) {
      --first;
    }
    while (last < tokens.size() && !read[last] && !tokens[last].space_before &&
           tokens[last].kind != TokenKind::punct) {
      ++last;
    }
    for (size_t m = first; m < last; ++m) read[m] = true;
    unread.push_back(rest.substr(tokens[first].begin, tokens[last - 1].end - tokens[first].begin));
  }
  return unread;
}

ParsedPart parse_part(std::string_view text, std::optional<Date> anchor,
                      std::vector<std::string>& warnings) {
  ParsedPart parsed;
  DatePart& part = parsed.part;
  part.text = std::string(text);
  const auto [label, rest] = split_label(text);
  part.label = std::string(label);

  const PartScanner whole(text);
  part.recurrence = detect_recurrence(whole.tokens());

  const PartScanner scanner(rest);
  const std::vector<Candidate> found = scanner.scan();
  std::vector<const Candidate*> dates;
  bool turn_of_unnamed_year = false;
  bool unreadable = false;
  for (const Candidate& c : found) {
    if (!c.warning.empty()) warnings.push_back(quoted(c.text) + ": " + c.warning);
    if (!c.is_date) {
      unreadable = true;
      continue;
    }
    if (c.precision == DatePrecision::year_turn && !c.year && part.recurrence != Recurrence::none) {
      turn_of_unnamed_year = true;  // "samt årligen vid årsskifte": when it recurs, not a date
      continue;
    }
    dates.push_back(&c);
  }

  if (dates.empty()) {
    if (turn_of_unnamed_year) part.precision = DatePrecision::year_turn;
    part.unreadable = unreadable;
    if (!unreadable) part.undated = detect_undated(scanner.tokens());
    parsed.recurrence_only = part.recurrence != Recurrence::none;
    return parsed;
  }
  if (dates.size() > 1) {
    warnings.push_back(quoted(rest) + ": more than one date, using the first (" +
                       std::string(dates.front()->text) + ")");
  }
  Candidate c = *dates.front();
  if (!c.year) {
    if (!anchor) {
      warnings.push_back(quoted(c.text) + ": no year");
      part.unreadable = true;
      return parsed;
    }
    if (!infer_year(c, *anchor)) {
      warnings.push_back(quoted(c.text) + ": no such date (" + describe_yearless(c) +
                         " in the years after " + std::to_string(anchor->year) + ")");
      part.unreadable = true;
      return parsed;
    }
  }
  const Interval interval = interval_of(c);
  if (!is_valid(interval.start) || !is_valid(interval.end)) {
    const Date& bad = is_valid(interval.start) ? interval.end : interval.start;
    warnings.push_back(quoted(c.text) + ": no such date (" +
                       describe(bad.year, bad.month, bad.day) + ")");
    part.unreadable = true;
    return parsed;
  }
  if (c.precision != DatePrecision::year_turn && interval.end < interval.start) {
    warnings.push_back(quoted(c.text) + ": ends before it starts");
  }
  if (c.precision != DatePrecision::day) {
    const std::vector<std::string_view> unread =
        unread_narrowing(scanner, found, rest, part.recurrence != Recurrence::none);
    if (!unread.empty()) {
      std::string words;
      for (std::string_view word : unread) words += (words.empty() ? "" : ", ") + quoted(word);
      warnings.push_back(quoted(rest) + ": " + words + " not read, so the date is the whole " +
                         std::string(to_string(c.precision)) + " " + interval.start.iso() + ".." +
                         interval.end.iso());
    }
  }
  part.start = interval.start;
  part.end = interval.end;
  part.precision = c.precision;
  return parsed;
}

// Splits at ';' and ','; drops pieces that are blank.
std::vector<std::string_view> split_parts(std::string_view text) {
  std::vector<std::string_view> pieces;
  size_t begin = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == ';' || text[i] == ',') {
      const std::string_view piece = trim(text.substr(begin, i - begin));
      if (!piece.empty()) pieces.push_back(piece);
      begin = i + 1;
    }
  }
  return pieces;
}

}  // namespace

DatePhrase parse_date_phrase(std::string_view text, std::optional<Date> reference) {
  DatePhrase phrase;
  phrase.text = std::string(text);
  // The nearest dated part so far: the anchor of the next part, and what a recurrence-only
  // part applies to. Kept as we go, so a phrase of many undated parts stays linear.
  std::optional<size_t> last_dated;
  for (std::string_view piece : split_parts(text)) {
    const std::optional<Date> anchor = last_dated ? phrase.parts[*last_dated].start : reference;
    ParsedPart parsed = parse_part(piece, anchor, phrase.warnings);
    if (parsed.recurrence_only && last_dated) {  // "därefter årligen": the dated part before it
      DatePart& dated = phrase.parts[*last_dated];
      if (dated.recurrence == Recurrence::none) {
        dated.recurrence = parsed.part.recurrence;
      } else if (dated.recurrence != parsed.part.recurrence) {
        phrase.warnings.push_back(quoted(parsed.part.text) + ": recurrence conflicts with " +
                                  quoted(dated.text));
      }
    }
    if (parsed.part.start) last_dated = phrase.parts.size();
    phrase.parts.push_back(std::move(parsed.part));
  }
  return phrase;
}

int days_in_month(int year, int month) {
  constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[static_cast<size_t>(month - 1)];
}

bool is_valid(const Date& date) {
  return date.day >= 1 && date.day <= days_in_month(date.year, date.month);
}

}  // namespace spur
