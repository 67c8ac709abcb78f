#pragma once
// The `when` language of scales: parsed once at load, evaluated in three-valued logic over
// counts that are intervals while findings are unknown.

#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "spur/evaluation.hpp"
#include "spur/types.hpp"

namespace spur::detail {

enum class Tri : std::uint8_t { no, yes, unknown };

enum class Metric : std::uint8_t { met, unmet, partial, unknown, not_applicable, total };
inline constexpr int metric_count = 6;
std::string_view to_string(Metric);

/// A count a `when` expression refers to: `kind.metric`; kind empty for `any`.
struct CountRef {
  std::optional<Kind> kind;
  Metric metric = Metric::unmet;
};

/// Counts of one area as intervals, indexed [kind or 3 for any][metric].
using CountTable = std::array<std::array<Interval, metric_count>, 4>;
CountTable interval_counts(const std::array<KindCounts, 3>& counts);

class Expression {
 public:
  enum class Op : std::uint8_t { boolean, integer, count, lt, le, gt, ge, eq, ne, and_, or_, not_ };
  struct Node {
    Op op = Op::boolean;
    int left = -1;
    int right = -1;
    int value = 0;  // literal value or policy value
    CountRef ref;
  };

  /// Parse `text`; `policy` resolves `policy.NAME`. On failure returns nothing and fills
  /// `error` and `column` (1-based within text).
  static std::optional<Expression> parse(std::string_view text,
                                         const std::map<std::string, int>& policy,
                                         std::string& error, int& column);

  Tri evaluate(const CountTable& counts) const;
  /// Every count the expression reads.
  const std::vector<CountRef>& references() const { return references_; }
  /// Whether a requirement of this kind and status is in some count the expression reads
  /// (when the expression decides a grade, such requirements are the decisive ones).
  bool counts(Kind kind, Status status) const {
    return counted_[static_cast<int>(kind)][static_cast<int>(status)];
  }
  /// The parsed tree (the root is `root()`), for compiling the expression further.
  const std::vector<Node>& nodes() const { return nodes_; }
  int root() const { return root_; }

 private:
  Tri eval_bool(int node, const CountTable& counts) const;
  Interval eval_int(int node, const CountTable& counts) const;
  friend class ExpressionParser;
  std::vector<Node> nodes_;
  int root_ = -1;
  std::vector<CountRef> references_;
  std::array<std::array<bool, all_statuses.size()>, 3> counted_{};  // [kind][status]
};

}  // namespace spur::detail
