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
  }
  return "day";
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

std::string quoted(std::string_view text) {
  return "\"" + std::string(text) + "\"";
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

bool is_season_word(std::string_view word) {
  return is_one_of(word, {"våren", "hösten", "sommaren", "vintern", "vår", "höst", "sommar",
                          "vinter", "vt", "ht", "vårterminen", "höstterminen"});
}

bool is_week_word(std::string_view word) {
  return is_one_of(word, {"v", "vecka", "veckan"});
}

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
Recurrence detect_recurrence(const std::vector<Token>& tokens) {
  std::string words = " ";
  for (const Token& token : tokens) {
    if (token.kind == TokenKind::punct) continue;
    words += token.text;
    words += ' ';
  }
  auto contains = [&words](std::string_view sequence) {
    return words.find(" " + std::string(sequence) + " ") != std::string::npos;
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
};

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
    if (auto c = match_four_digit_year(i)) return c;
    if (auto c = match_day_slash_month(i)) return c;
    if (auto c = match_day_month_name(i)) return c;
    if (auto c = match_month_name(i)) return c;
    if (auto c = match_season_or_week(i)) return c;
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

  // "hösten 2025", "HT25", "vt-26", "v. 12", "vecka 12 2025": kept as free text, with a warning.
  std::optional<Candidate> match_season_or_week(size_t i) const {
    if (!is_word(i)) return std::nullopt;
    size_t j = i + 1;
    if (is_season_word(tokens_[i].text)) {
      if (is_punct(j, '-') && adjacent(j + 1) && year_at(j + 1)) ++j;
      if (!year_at(j)) return std::nullopt;
      Candidate c;
      c.is_date = false;
      c.warning = "a season or term, not read as a date";
      c.last = j + 1;
      return c;
    }
    if (is_week_word(tokens_[i].text)) {
      if (is_punct(j, '.') && adjacent(j)) ++j;
      if (!is_number(j, 1, 2)) return std::nullopt;
      const int week = number_value(tokens_[j]);
      if (week < 1 || week > 53) return std::nullopt;
      Candidate c;
      c.is_date = false;
      c.warning = "a week number, not read as a date";
      c.last = j + 1;
      if (year_at(j + 1, false)) ++c.last;
      return c;
    }
    return std::nullopt;
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
      if (k + 1 < found.size() && joinable(c, found[k + 1])) {
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
        right.end_month != 0) {
      return false;
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

Interval interval_of(const Candidate& c) {
  const int year = c.year.value_or(0);
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
  }
  return {};
}

// Gives a year-less candidate the first year at or after the anchor's year in which it does not
// fall before the anchor. False if there is no such year (29 February far from a leap year).
bool infer_year(Candidate& c, const Date& anchor) {
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
  std::vector<Candidate> dates;
  bool turn_of_unnamed_year = false;
  for (Candidate& c : scanner.scan()) {
    if (!c.warning.empty()) warnings.push_back(quoted(c.text) + ": " + c.warning);
    if (!c.is_date) continue;
    if (c.precision == DatePrecision::year_turn && !c.year && part.recurrence != Recurrence::none) {
      turn_of_unnamed_year = true;  // "samt årligen vid årsskifte": when it recurs, not a date
      continue;
    }
    dates.push_back(std::move(c));
  }

  if (dates.empty()) {
    if (turn_of_unnamed_year) part.precision = DatePrecision::year_turn;
    parsed.recurrence_only = part.recurrence != Recurrence::none;
    return parsed;
  }
  if (dates.size() > 1) {
    warnings.push_back(quoted(rest) + ": more than one date, using the first (" +
                       std::string(dates.front().text) + ")");
  }
  Candidate& c = dates.front();
  if (!c.year) {
    if (!anchor) {
      warnings.push_back(quoted(c.text) + ": no year");
      return parsed;
    }
    if (!infer_year(c, *anchor)) {
      warnings.push_back(quoted(c.text) + ": no such date (" + describe(0, c.month, c.day) +
                         " in the years after " + std::to_string(anchor->year) + ")");
      return parsed;
    }
  }
  const Interval interval = interval_of(c);
  if (!is_valid(interval.start) || !is_valid(interval.end)) {
    const Date& bad = is_valid(interval.start) ? interval.end : interval.start;
    warnings.push_back(quoted(c.text) + ": no such date (" +
                       describe(bad.year, bad.month, bad.day) + ")");
    return parsed;
  }
  if (c.precision != DatePrecision::year_turn && interval.end < interval.start) {
    warnings.push_back(quoted(c.text) + ": ends before it starts");
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
  for (std::string_view piece : split_parts(text)) {
    std::optional<Date> anchor = reference;
    for (auto it = phrase.parts.rbegin(); it != phrase.parts.rend(); ++it) {
      if (it->start) {
        anchor = it->start;
        break;
      }
    }
    ParsedPart parsed = parse_part(piece, anchor, phrase.warnings);
    if (parsed.recurrence_only) {  // "därefter årligen": applies to the dated part before it
      for (auto it = phrase.parts.rbegin(); it != phrase.parts.rend(); ++it) {
        if (!it->start) continue;
        if (it->recurrence == Recurrence::none) {
          it->recurrence = parsed.part.recurrence;
        } else if (it->recurrence != parsed.part.recurrence) {
          phrase.warnings.push_back(quoted(parsed.part.text) + ": recurrence conflicts with " +
                                    quoted(it->text));
        }
        break;
      }
    }
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
