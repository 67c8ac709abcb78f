#pragma once
// Which requirement a text printed in a report is: the closest rule-book text, and how close.

#include <string_view>
#include <vector>

#include "import/parsed_report.hpp"
#include "spur/rule_book.hpp"

namespace spur::detail {

struct RequirementMatch {
  const Requirement* best = nullptr;
  double similarity = 0;  ///< 1 for the same text (line breaks, case and hyphens aside)
  const Requirement* runner_up = nullptr;
  double runner_up_similarity = 0;
};

/// The requirement whose text is closest to `text`, looked for first in `area`, then in every
/// area when none there is close.
RequirementMatch match_requirement_text(const RuleBook& book, std::string_view area,
                                        std::string_view text);

/// How well sentences speak of requirements: content words weighted by how rare they are
/// among the rule book's texts.
class TopicScorer {
 public:
  explicit TopicScorer(const RuleBook& book);
  struct Score {
    double value = 0;
    std::vector<bool> matched;  ///< per content word of the requirement
    int words = 0;              ///< how many matched
  };
  /// How much of `requirement`'s text `sentence` speaks of.
  Score score(const Requirement& requirement, std::string_view sentence) const;
  /// What `extra` adds to `base` for `requirement`.
  double gain(const Requirement& requirement, const Score& base, std::string_view extra) const;

 private:
  struct Entry {
    std::vector<std::string> words;
    std::vector<double> weights;
  };
  const Entry& entry(const Requirement& requirement) const;
  std::vector<std::pair<const Requirement*, Entry>> entries_;
};

}  // namespace spur::detail
