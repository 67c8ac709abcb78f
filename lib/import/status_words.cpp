// Reading the wording (see status_words.hpp). Sentences are compared folded, whole words; a
// cue ending in '*' takes any ending ("sporadisk*": sporadisk, sporadiskt, sporadiska). Three
// kinds of cue, in this order, each word used once:
// 1. phrases of falling short ("i viss utsträckning", "förekommer, men", "brister i");
// 2. a negation and a word of quality in one clause ("sker inte strukturerat", "det saknas
//    strukturerad bedömning", "utan övergripande struktur", "inte alla"): the thing is there,
//    its quality is what lacks;
// 3. single words of falling short ("vissa", "sporadiskt", "ofullständig"), then of absence
//    ("saknas", "inte", "ingen").

#include "import/status_words.hpp"

#include <algorithm>
#include <string_view>

#include "import/text_match.hpp"

namespace spur::detail {
namespace {

constexpr std::string_view partial_phrases[] = {"i viss utsträckning",
                                                "i varierande utsträckning",
                                                "i begränsad utsträckning",
                                                "i liten utsträckning",
                                                "i mindre utsträckning",
                                                "i låg grad",
                                                "i viss mån",
                                                "till viss del",
                                                "till en del",
                                                "brister i",
                                                "brist på",
                                                "förekommer, men",
                                                "förekommer men",
                                                "sker, men",
                                                "finns, men"};

constexpr std::string_view negations[] = {"inte",     "ej",       "saknas", "saknar",
                                          "saknades", "avsaknad", "utan"};
constexpr std::string_view qualities[] = {
    "strukturer*",  "struktur",     "systematisk*", "regelbund*", "kontinuerlig*",
    "tillräcklig*", "fullständig*", "fullt",        "alltid",     "konsekvent*",
    "formell*",     "tydlig*",      "enhetlig*",    "likvärdig*", "heltäckande",
    "alla",         "samtliga",     "helt",         "vissa",      "enstaka"};

constexpr std::string_view partial_words[] = {
    "vissa",         "delvis",       "variation*",    "varierar",     "varierande",
    "skiftande",     "sporadisk*",   "sällan",        "enstaka",      "få",
    "fåtal*",        "ansats*",      "bristande",     "bristfällig*", "ofullständig*",
    "otillräcklig*", "ostrukturer*", "osystematisk*", "oregelbund*",  "otydlig*",
    "oklar*",        "ojämn*"};

constexpr std::string_view absent_words[] = {
    "saknas", "saknar", "saknades", "avsaknad", "finns inte", "finns ej", "inte",     "ej",
    "icke",   "inga",   "ingen",    "inget",    "aldrig",     "uteblir",  "uteblivit"};

bool word_char(char c) {
  return c != ' ' && c != ',' && c != '.' && c != ';' && c != ':' && c != '(' && c != ')' &&
         c != '"' && c != '!' && c != '?' && c != '#';
}

// The first whole-word match of `cue` in `f` not yet used: where, and how long.
std::optional<std::pair<std::size_t, std::size_t>> find_cue(const std::string& f,
                                                            std::string_view cue,
                                                            std::size_t from = 0) {
  const bool open = cue.ends_with('*');
  if (open) cue.remove_suffix(1);
  for (std::size_t at = f.find(cue, from); at != std::string::npos; at = f.find(cue, at + 1)) {
    if (at > 0 && word_char(f[at - 1])) continue;
    std::size_t end = at + cue.size();
    if (open)
      while (end < f.size() && word_char(f[end])) ++end;
    else if (end < f.size() && word_char(f[end]))
      continue;
    return std::make_pair(at, end - at);
  }
  return std::nullopt;
}

// Words found, with where: they are listed in the order the report has them.
struct Found {
  std::size_t sentence, at;
  std::string words;
};

void add(std::vector<Found>& found, std::size_t sentence, std::size_t at, std::string words) {
  found.push_back({sentence, at, std::move(words)});
}

// Marks the words at [at, at + n) used, returns them as the report wrote them.
std::string use(std::string& f, const std::string& original, std::size_t at, std::size_t n) {
  std::string word = original.substr(at, n);
  for (std::size_t i = at; i < at + n; ++i) f[i] = '#';
  return word;
}

std::vector<std::string> in_order(std::vector<Found> found) {
  std::stable_sort(found.begin(), found.end(), [](const Found& a, const Found& b) {
    return a.sentence != b.sentence ? a.sentence < b.sentence : a.at < b.at;
  });
  std::vector<std::string> out;
  for (auto& f : found)
    if (std::find(out.begin(), out.end(), f.words) == out.end()) out.push_back(std::move(f.words));
  return out;
}

// Rule 2 in one clause [from, to) of `f`.
void quality_lacking(std::string& f, const std::string& original, std::size_t from, std::size_t to,
                     std::size_t sentence, std::vector<Found>& partial) {
  for (;;) {
    const std::string clause = f.substr(from, to - from);
    std::optional<std::pair<std::size_t, std::size_t>> neg, quality;
    for (auto cue : negations)
      if (auto m = find_cue(clause, cue); m && (!neg || m->first < neg->first)) neg = m;
    if (!neg) return;
    for (auto cue : qualities)
      if (auto m = find_cue(clause, cue); m && (!quality || m->first < quality->first)) quality = m;
    if (!quality) return;
    auto first = neg->first < quality->first ? *neg : *quality;
    auto second = neg->first < quality->first ? *quality : *neg;
    const bool next_to =
        trim(clause.substr(first.first + first.second, second.first - first.first - first.second))
            .empty();
    const std::string a = use(f, original, from + first.first, first.second);
    const std::string b = use(f, original, from + second.first, second.second);
    add(partial, sentence, from + first.first, a + (next_to ? " " : " … ") + b);
  }
}

}  // namespace

Wording read_wording(const std::vector<std::string>& sentences) {
  std::vector<Found> partial, absent;
  for (std::size_t n = 0; n < sentences.size(); ++n) {
    const std::string original = without_hyphens(fold(sentences[n]));
    std::string f = original;
    auto each = [&](std::string_view cue, std::vector<Found>& found) {
      while (auto m = find_cue(f, cue))
        add(found, n, m->first, use(f, original, m->first, m->second));
    };
    for (auto cue : partial_phrases) each(cue, partial);
    for (std::size_t from = 0; from < f.size();) {
      std::size_t to = f.find_first_of(",;:.()", from);
      if (to == std::string::npos) to = f.size();
      quality_lacking(f, original, from, to, n, partial);
      from = to + 1;
    }
    for (auto cue : partial_words) each(cue, partial);
    for (auto cue : absent_words) each(cue, absent);
  }
  Wording w;
  w.partial_words = in_order(std::move(partial));
  w.absent_words = in_order(std::move(absent));
  if (!w.partial_words.empty())
    w.status = Status::partially_met;
  else if (!w.absent_words.empty())
    w.status = Status::not_met;
  return w;
}

}  // namespace spur::detail
