// Placing the narrative (see narrative_placement.hpp). In the report template each area's
// title and text sit above its table, and extraction prints them in that order, except where a
// page break cuts through: then the next area's title can come first (printed at the top of
// the page, and again above its own text), or a block of text can land among another area's
// table. So the heading above a block is trusted when nothing contradicts it, and otherwise the
// candidates (the heading's area, the area of the tables around the block, the area the
// heading interrupted) are compared by what the block says.

#include "import/narrative_placement.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>

#include "import/text_match.hpp"
#include "rules/yaml_reader.hpp"

namespace spur::detail {
namespace {

// How strongly a sentence speaks of each area: the content words of the area's title and its
// requirement texts, each weighted by how few areas use it ("ledarskap" says H, "kompetens"
// says little); a sentence that restates a requirement text says that requirement's area.
class AreaScorer {
 public:
  explicit AreaScorer(const RuleBook& book) {
    for (const auto& area : book.model().areas) {
      Bag bag{area.id, {}, {}};
      auto add = [&](std::string_view text) {
        for (auto& w : content_words(text)) {
          bool seen = false;
          for (const auto& o : bag.words) seen = seen || same_word(o, w);
          if (!seen) bag.words.push_back(std::move(w));
        }
      };
      add(area.name);
      for (const auto& reg : book.regulations())
        for (const auto& q : reg.requirements) {
          if (q.area != area.id) continue;
          bool seen = false;  // the regulations share most texts
          for (const auto& t : texts_) seen = seen || (t.area == q.area && t.text == q.text);
          if (seen) continue;
          add(q.text);
          texts_.push_back({q.area, q.text, content_words(q.text)});
        }
      bags_.push_back(std::move(bag));
    }
    const double n = static_cast<double>(bags_.size());
    for (auto& bag : bags_)
      for (const auto& w : bag.words) {
        int in = 0;
        for (const auto& other : bags_)
          in += std::any_of(other.words.begin(), other.words.end(),
                            [&](const std::string& o) { return same_word(o, w); });
        bag.weights.push_back(std::log((n + 1.0) / (in + 0.5)));
      }
  }

  /// Each area's score for `sentence`.
  std::map<std::string, double> score(const std::string& sentence) const {
    std::map<std::string, double> out;
    auto words = content_words(sentence);
    std::erase_if(words, is_set_phrase_word);
    for (const auto& bag : bags_) {
      double s = 0;
      for (std::size_t i = 0; i < bag.words.size(); ++i)
        if (std::any_of(words.begin(), words.end(),
                        [&](const std::string& w) { return same_word(bag.words[i], w); }))
          s += bag.weights[i];
      out[bag.area] = s;
    }
    // A restated requirement text is the surest sign (compared only when most of its words
    // are in the sentence: the comparison is the costly part).
    const std::size_t length = sentence.size();
    for (const auto& t : texts_) {
      if (length * 10 < t.text.size() * 7 || length * 7 > t.text.size() * 10) continue;
      std::size_t shared = 0;
      for (const auto& w : t.words)
        shared += std::any_of(words.begin(), words.end(),
                              [&](const std::string& o) { return same_word(o, w); });
      if (shared * 10 < t.words.size() * 6) continue;
      if (similarity(sentence, t.text) >= 0.8) out[t.area] += restated;
    }
    return out;
  }

  static constexpr double restated = 10.0;

 private:
  struct Bag {
    std::string area;
    std::vector<std::string> words;
    std::vector<double> weights;
  };
  std::vector<Bag> bags_;
  struct Text {
    std::string area, text;
    std::vector<std::string> words;
  };
  std::vector<Text> texts_;  // the requirement texts
};

std::string block_text(const NarrativeBlock& b) {
  std::string text;
  for (const auto& l : b.lines) append_line(text, l.text);
  return text;
}

bool starts_lower_case(const NarrativeBlock& b) {
  if (b.lines.empty()) return false;
  const std::string& t = b.lines.front().text;
  const unsigned char c = t.empty() ? 0 : t[0];
  if (c >= 'a' && c <= 'z') return true;
  // å ä ö
  return c == 0xC3 && t.size() > 1 && static_cast<unsigned char>(t[1]) >= 0xA0 &&
         static_cast<unsigned char>(t[1]) <= 0xBE;
}

bool ends_unfinished(const NarrativeBlock& b) {
  if (b.lines.empty() || b.lines.back().text.empty()) return false;
  const char last = b.lines.back().text.back();
  return last != '.' && last != '!' && last != '?' && last != ':' && last != ')' && last != '"';
}

std::string quote(const NarrativeBlock& b) {
  return "\"" + shorten(b.lines.front().text, 60) + "\"";
}

bool is_table(const LayoutMark& m) {
  return m.kind == LayoutMark::rule_text || m.kind == LayoutMark::area_letter;
}

// What surrounds a block: the heading above it, the tables before and after it.
struct Surroundings {
  bool adjacent = true;       // nothing but labels between the heading and the block
  bool repeated = false;      // the next heading is the same area's again
  std::string before, after;  // the area of the nearest table before it, and after it
  std::string interrupted;    // the area whose heading came before the block's heading
};

Surroundings surroundings(const std::vector<LayoutMark>& marks, const NarrativeBlock& b) {
  Surroundings s;
  const std::size_t at = b.marks_before;
  std::size_t heading = marks.size();
  for (std::size_t m = at; m-- > 0;)
    if (marks[m].kind == LayoutMark::heading) {
      heading = m;
      break;
    }
  for (std::size_t m = at; m-- > 0;)
    if (is_table(marks[m])) {
      s.before = marks[m].area;
      break;
    }
  if (heading < marks.size()) {
    for (std::size_t m = heading + 1; m < at; ++m) s.adjacent = s.adjacent && !is_table(marks[m]);
    for (std::size_t m = heading; m-- > 0;)
      if (marks[m].kind == LayoutMark::heading && marks[m].area != b.heading_area) {
        s.interrupted = marks[m].area;
        break;
      }
  }
  for (std::size_t m = at; m < marks.size(); ++m) {
    if (marks[m].kind == LayoutMark::heading) {
      s.repeated = marks[m].area == b.heading_area;
      break;
    }
    if (is_table(marks[m]) && s.after.empty()) s.after = marks[m].area;
  }
  return s;
}

// The earlier block whose sentence this one continues: it starts with a small letter, and one
// of the three blocks before it (the table rows of the page or a note beside them may stand
// between) stops mid-sentence.
std::optional<std::size_t> continued(const std::vector<NarrativeBlock>& blocks, std::size_t i) {
  if (!starts_lower_case(blocks[i])) return std::nullopt;
  for (std::size_t j = i; j-- > 0 && i - j <= 3;)
    if (ends_unfinished(blocks[j])) return j;
  return std::nullopt;
}

}  // namespace

std::vector<BlockPlacement> place_narrative(const RuleBook& book,
                                            const std::vector<LayoutMark>& marks,
                                            const std::vector<NarrativeBlock>& blocks,
                                            const std::string& source,
                                            std::vector<Diagnostic>& diagnostics) {
  std::vector<BlockPlacement> out(blocks.size());
  std::optional<AreaScorer> scorer;  // built only when a block needs it
  auto warn = [&](const NarrativeBlock& b, const std::string& message) {
    diagnostics.push_back({Severity::warning, source, b.lines.front().number, 0,
                           message + "; check it: " + quote(b), ""});
  };

  for (std::size_t i = 0; i < blocks.size(); ++i) {
    const NarrativeBlock& b = blocks[i];
    const std::string& x = b.heading_area;
    BlockPlacement& p = out[i];
    p.area = x;
    if (x.empty() || b.lines.empty()) continue;

    // A sentence broken off by a page break goes where its start went.
    if (const auto j = continued(blocks, i); j && !out[*j].area.empty()) {
      p = {out[*j].area, BlockPlacement::continuation, *j};
      if (p.area != x)
        warn(b, "this text continues the sentence broken off at line " +
                    std::to_string(blocks[*j].lines.back().number) +
                    " (a page break?): placed with it in area " + p.area + ", not in area " + x +
                    " whose heading precedes it");
      continue;
    }

    const Surroundings around = surroundings(marks, b);
    // A heading printed after a later area's (C after D) has moved with its page.
    const bool out_of_order = !around.interrupted.empty() && around.interrupted > x;
    std::vector<std::string> candidates{x};
    for (const std::string& c :
         {around.before, around.after, around.repeated || out_of_order ? around.interrupted : ""})
      if (!c.empty() && std::find(candidates.begin(), candidates.end(), c) == candidates.end())
        candidates.push_back(c);
    if (candidates.size() == 1) continue;  // everything agrees

    // The content: each candidate's score over the block's sentences.
    if (!scorer) scorer.emplace(book);
    std::map<std::string, double> score;
    for (const auto& s : split_sentences(block_text(b)))
      for (const auto& [area, v] : scorer->score(s)) score[area] += v;
    std::string best = x;
    for (const auto& c : candidates)
      if (score[c] > score[best]) best = c;
    double second = 0;
    for (const auto& c : candidates)
      if (c != best) second = std::max(second, score[c]);

    if (!around.repeated && around.adjacent && !out_of_order) {
      // The heading right above the block is the template's order; only text that plainly
      // speaks of another area (a page break inside the table) goes elsewhere.
      if (best == x || score[best] < 4.0 || score[best] < 2.0 * score[x] + 1.0) continue;
      p = {best, BlockPlacement::content, 0};
    } else if (score[best] >= 2.5 && score[best] >= 1.5 * second + 0.5) {
      if (best == x) continue;
      p = {best, BlockPlacement::content, 0};
    } else {
      // Nothing decides: the heading's area when its table follows the block, else the area
      // of the table the block interrupts.
      p = {around.after == x || around.before.empty() ? x : around.before,
           BlockPlacement::uncertain, 0};
      std::string others;
      for (const auto& c : candidates)
        if (c != p.area) others += (others.empty() ? "" : " or ") + c;
      warn(b,
           "the heading order is broken here (a page break?) and the text does not say "
           "whether it belongs to area " +
               p.area + " or " + others + ": placed in area " + p.area);
      continue;
    }
    warn(b, "this text follows the heading of area " + x + " but speaks of area " + p.area +
                " (a page break?): placed in area " + p.area);
  }
  return out;
}

}  // namespace spur::detail
