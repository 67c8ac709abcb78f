// Matching report text against the rule book (see requirement_match.hpp).

#include "import/requirement_match.hpp"

#include <cmath>

#include "import/text_match.hpp"

namespace spur::detail {

namespace {

std::vector<const Requirement*> every_requirement(const RuleBook& book) {
  std::vector<const Requirement*> out;
  for (const auto& reg : book.regulations())
    for (const auto& q : reg.requirements) {
      bool seen = false;
      for (const Requirement* o : out) seen = seen || (o->id == q.id && o->text == q.text);
      if (!seen) out.push_back(&q);
    }
  return out;
}

}  // namespace

RequirementMatch match_requirement_text(const RuleBook& book, std::string_view area,
                                        std::string_view text) {
  const auto all = every_requirement(book);
  auto search = [&](bool in_area) {
    RequirementMatch m;
    for (const Requirement* q : all) {
      if (in_area && q->area != area) continue;
      const double s = similarity(text, q->text);
      if (!m.best || s > m.similarity) {
        if (m.best && m.best->id != q->id)
          m.runner_up = m.best, m.runner_up_similarity = m.similarity;
        m.best = q;
        m.similarity = s;
      } else if (q->id != m.best->id && (!m.runner_up || s > m.runner_up_similarity)) {
        m.runner_up = q;
        m.runner_up_similarity = s;
      }
    }
    return m;
  };
  RequirementMatch m = search(true);
  if (!m.best || m.similarity < 0.75) {
    RequirementMatch everywhere = search(false);
    if (!m.best || everywhere.similarity > m.similarity) m = everywhere;
  }
  return m;
}

TopicScorer::TopicScorer(const RuleBook& book) {
  const auto all = every_requirement(book);
  std::vector<std::vector<std::string>> words;
  for (const Requirement* q : all) words.push_back(content_words(q->text));
  const double n = static_cast<double>(all.size());
  for (std::size_t i = 0; i < all.size(); ++i) {
    Entry e;
    for (const auto& w : words[i]) {
      bool repeated = false;
      for (const auto& o : e.words) repeated = repeated || same_word(o, w);
      if (repeated) continue;
      int df = 0;
      for (const auto& other : words)
        for (const auto& o : other)
          if (same_word(o, w)) {
            ++df;
            break;
          }
      e.words.push_back(w);
      e.weights.push_back(std::log((n + 1.0) / (df + 0.5)));
    }
    entries_.emplace_back(all[i], std::move(e));
  }
}

const TopicScorer::Entry& TopicScorer::entry(const Requirement& requirement) const {
  for (const auto& [q, e] : entries_)
    if (q == &requirement) return e;
  for (const auto& [q, e] : entries_)
    if (q->id == requirement.id) return e;
  static const Entry none;
  return none;
}

TopicScorer::Score TopicScorer::score(const Requirement& requirement,
                                      std::string_view sentence) const {
  const Entry& e = entry(requirement);
  const auto words = content_words(sentence);
  Score s;
  s.matched.assign(e.words.size(), false);
  for (std::size_t i = 0; i < e.words.size(); ++i)
    for (const auto& w : words)
      if (same_word(e.words[i], w)) {
        s.matched[i] = true;
        s.value += e.weights[i];
        ++s.words;
        break;
      }
  return s;
}

double TopicScorer::gain(const Requirement& requirement, const Score& base,
                         std::string_view extra) const {
  const Entry& e = entry(requirement);
  const Score more = score(requirement, extra);
  double g = 0;
  for (std::size_t i = 0; i < e.words.size(); ++i)
    if (more.matched[i] && !base.matched[i]) g += e.weights[i];
  return g;
}

}  // namespace spur::detail
