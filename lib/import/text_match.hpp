#pragma once
// Comparing report text with the rule book's texts: folding case and line breaks, fuzzy
// similarity, and the content words that say what a sentence is about.

#include <string>
#include <string_view>
#include <vector>

namespace spur::detail {

/// normalise_text, then lower case (ASCII and the Swedish letters), typographic quotes and
/// dashes made plain: the form report lines are compared in.
std::string fold(std::string_view text);

/// True when `prefix` is a prefix of `text` ending at a word boundary, or anywhere when
/// `open_word` (the prefix ended at a hyphen, where a word broken across lines continues).
bool starts_with_words(std::string_view text, std::string_view prefix, bool open_word = false);

/// The text without hyphens: "ST-utbildningen", "utbildnings-programmet" (hyphenated at a line
/// end) and "utbildningsprogrammet" compare equal.
std::string without_hyphens(std::string_view text);

/// How alike two texts are, 0..1: one minus their edit distance over the longer length,
/// compared folded, hyphens and punctuation left out.
double similarity(std::string_view a, std::string_view b);

/// The words of `text` that carry meaning (folded, four letters or more, no stop words).
std::vector<std::string> content_words(std::string_view text);

/// Whether a content word belongs to the set phrases every area's text may use ("Under
/// granskningen påvisades brister vad gäller följsamheten till Socialstyrelsens föreskrifter",
/// "inkommit med handlingsplan", "Graderingen är ändrad"): it says nothing of a text's topic.
bool is_set_phrase_word(std::string_view word);

/// Whether two content words are forms of one word ("bedöms", "bedömning").
bool same_word(std::string_view a, std::string_view b);

/// Appends a line of report text to `text`: a word broken at a line end joins its rest
/// ("ST-" + "utbildningen"), except before a conjunction ("hälso-" + "och sjukvård").
void append_line(std::string& text, std::string_view line);

/// Splits text into sentences at ". ", "? " and "! " before a capital letter or digit.
std::vector<std::string> split_sentences(std::string_view text);

/// Trims ASCII white space (and no-break spaces) from both ends.
std::string trim(std::string_view text);

}  // namespace spur::detail
