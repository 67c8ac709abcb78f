// The `when` language of scales: parsing, three-valued evaluation over interval counts, and
// the errors (with their column) a rule author sees.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <array>
#include <map>
#include <optional>
#include <string>

#include "rules/expression.hpp"

namespace spur::detail {
namespace {

using ::testing::HasSubstr;

const std::map<std::string, int>& default_policy() {
  static const std::map<std::string, int> policy{{"isolated_exceptions", 1}};
  return policy;
}

Expression parse_ok(std::string_view text,
                    const std::map<std::string, int>& policy = default_policy()) {
  std::string error;
  int column = 0;
  auto e = Expression::parse(text, policy, error, column);
  EXPECT_TRUE(e.has_value()) << "\"" << text << "\" failed at column " << column << ": " << error;
  return e ? *e : Expression{};
}

struct Failure {
  std::string message;
  int column = 0;
};

Failure parse_fail(std::string_view text,
                   const std::map<std::string, int>& policy = default_policy()) {
  Failure f;
  auto e = Expression::parse(text, policy, f.message, f.column);
  EXPECT_FALSE(e.has_value()) << "\"" << text << "\" parsed, but should not";
  return f;
}

// Counts by kind: provision, advice, indicator.
struct Counts {
  std::array<KindCounts, 3> by_kind{};
  Counts& provision(KindCounts c) {
    by_kind[0] = c;
    return *this;
  }
  Counts& advice(KindCounts c) {
    by_kind[1] = c;
    return *this;
  }
  Counts& indicator(KindCounts c) {
    by_kind[2] = c;
    return *this;
  }
  CountTable table() const { return interval_counts(by_kind); }
};

KindCounts counts(int met, int unmet, int unknown = 0, int partial = 0, int na = 0) {
  KindCounts c;
  c.met = met;
  c.unmet = unmet;
  c.unknown = unknown;
  c.partial = partial;
  c.not_applicable = na;
  return c;
}

Tri eval(std::string_view text, const Counts& c,
         const std::map<std::string, int>& policy = default_policy()) {
  return parse_ok(text, policy).evaluate(c.table());
}

std::string name(Tri t) {
  return t == Tri::yes ? "yes" : t == Tri::no ? "no" : "unknown";
}

#define EXPECT_TRI(actual, expected) EXPECT_EQ(name(actual), name(expected))

// --- interval counts ---------------------------------------------------------------------

TEST(ExpressionCounts, UnknownsWidenMetAndUnmet) {
  const CountTable t = Counts{}.provision(counts(3, 1, 2, 1, 4)).table();
  const auto& p = t[static_cast<int>(Kind::provision)];
  EXPECT_EQ(p[static_cast<int>(Metric::met)], (Interval{3, 5}));
  EXPECT_EQ(p[static_cast<int>(Metric::unmet)], (Interval{1, 3}));
  EXPECT_EQ(p[static_cast<int>(Metric::partial)], (Interval{1, 3}));
  EXPECT_EQ(p[static_cast<int>(Metric::unknown)], (Interval{2, 2}));
  EXPECT_EQ(p[static_cast<int>(Metric::not_applicable)], (Interval{4, 4}));
  EXPECT_EQ(p[static_cast<int>(Metric::total)], (Interval{6, 6}));
}

TEST(ExpressionCounts, AnySumsEveryKind) {
  const CountTable t =
      Counts{}.provision(counts(1, 1)).advice(counts(2, 0, 1)).indicator(counts(0, 3)).table();
  const auto& any = t[3];
  EXPECT_EQ(any[static_cast<int>(Metric::met)], (Interval{3, 4}));
  EXPECT_EQ(any[static_cast<int>(Metric::unmet)], (Interval{4, 5}));
  EXPECT_EQ(any[static_cast<int>(Metric::total)], (Interval{8, 8}));
}

// --- evaluation ----------------------------------------------------------------------------

TEST(ExpressionEval, ProvisionUnmetYesNoUnknown) {
  EXPECT_TRI(eval("provision.unmet > 0", Counts{}.provision(counts(4, 1))), Tri::yes);
  EXPECT_TRI(eval("provision.unmet > 0", Counts{}.provision(counts(5, 0))), Tri::no);
  EXPECT_TRI(eval("provision.unmet > 0", Counts{}.provision(counts(4, 0, 1))), Tri::unknown);
  // One certain breach decides, whatever the unknowns.
  EXPECT_TRI(eval("provision.unmet > 0", Counts{}.provision(counts(2, 1, 3))), Tri::yes);
  // Nothing at all: no breach.
  EXPECT_TRI(eval("provision.unmet > 0", Counts{}), Tri::no);
}

TEST(ExpressionEval, CountsReadTheRightKind) {
  const Counts c = Counts{}.provision(counts(5, 0)).advice(counts(1, 2)).indicator(counts(0, 0));
  EXPECT_TRI(eval("provision.unmet > 0", c), Tri::no);
  EXPECT_TRI(eval("advice.unmet > 0", c), Tri::yes);
  EXPECT_TRI(eval("advice.unmet == 2", c), Tri::yes);
  EXPECT_TRI(eval("indicator.total == 0", c), Tri::yes);
}

TEST(ExpressionEval, AnyCountsEveryKind) {
  EXPECT_TRI(eval("any.unmet > 0", Counts{}.indicator(counts(0, 1))), Tri::yes);
  EXPECT_TRI(eval("any.unmet > 0", Counts{}.advice(counts(1, 0, 1))), Tri::unknown);
  EXPECT_TRI(eval("any.unmet > 0", Counts{}.provision(counts(3, 0)).advice(counts(2, 0))), Tri::no);
  EXPECT_TRI(eval("any.total == 5", Counts{}.provision(counts(3, 0)).advice(counts(1, 0, 1))),
             Tri::yes);
}

TEST(ExpressionEval, PolicyResolvesToItsValue) {
  const std::string when = "indicator.unmet > policy.isolated_exceptions";
  EXPECT_TRI(eval(when, Counts{}.indicator(counts(3, 1))), Tri::no);  // 1 > 1
  EXPECT_TRI(eval(when, Counts{}.indicator(counts(2, 2))), Tri::yes);
  EXPECT_TRI(eval(when, Counts{}.indicator(counts(2, 1, 1))), Tri::unknown);  // [1,2] > 1
  EXPECT_TRI(eval(when, Counts{}.indicator(counts(2, 1)), {{"isolated_exceptions", 0}}), Tri::yes);
  EXPECT_TRI(eval("policy.isolated_exceptions == 1", Counts{}), Tri::yes);
}

TEST(ExpressionEval, ComparisonsOfIntervals) {
  // unmet is [1, 3]: one not met, two unknown.
  const Counts c = Counts{}.provision(counts(0, 1, 2));
  EXPECT_TRI(eval("provision.unmet < 1", c), Tri::no);
  EXPECT_TRI(eval("provision.unmet < 4", c), Tri::yes);
  EXPECT_TRI(eval("provision.unmet < 2", c), Tri::unknown);
  EXPECT_TRI(eval("provision.unmet <= 0", c), Tri::no);
  EXPECT_TRI(eval("provision.unmet <= 3", c), Tri::yes);
  EXPECT_TRI(eval("provision.unmet <= 2", c), Tri::unknown);
  EXPECT_TRI(eval("provision.unmet >= 1", c), Tri::yes);
  EXPECT_TRI(eval("provision.unmet >= 4", c), Tri::no);
  EXPECT_TRI(eval("provision.unmet >= 2", c), Tri::unknown);
  EXPECT_TRI(eval("provision.unmet == 0", c), Tri::no);
  EXPECT_TRI(eval("provision.unmet == 2", c), Tri::unknown);
  EXPECT_TRI(eval("provision.unmet != 0", c), Tri::yes);
  EXPECT_TRI(eval("provision.unmet != 2", c), Tri::unknown);
  // Known counts compare exactly.
  const Counts known = Counts{}.provision(counts(2, 2));
  EXPECT_TRI(eval("provision.unmet == 2", known), Tri::yes);
  EXPECT_TRI(eval("provision.unmet != 2", known), Tri::no);
  EXPECT_TRI(eval("provision.unmet == provision.met", known), Tri::yes);
  // Two uncertain intervals that overlap: unknown; that do not overlap: decided.
  const Counts two = Counts{}.provision(counts(0, 1, 1)).advice(counts(0, 5, 1));
  EXPECT_TRI(eval("provision.unmet < advice.unmet", two), Tri::yes);
  EXPECT_TRI(eval("provision.unmet == advice.unmet", two), Tri::no);
  const Counts overlap = Counts{}.provision(counts(0, 1, 2)).advice(counts(0, 2, 1));
  EXPECT_TRI(eval("provision.unmet < advice.unmet", overlap), Tri::unknown);
}

TEST(ExpressionEval, KleeneAnd) {
  const Counts c = Counts{}.provision(counts(0, 1)).advice(counts(0, 0, 1));
  // provision.unmet > 0 is yes; advice.unmet > 0 is unknown; 1 > 2 is no.
  EXPECT_TRI(eval("provision.unmet > 0 and true", c), Tri::yes);
  EXPECT_TRI(eval("provision.unmet > 0 and advice.unmet > 0", c), Tri::unknown);
  EXPECT_TRI(eval("advice.unmet > 0 and false", c), Tri::no);
  EXPECT_TRI(eval("false and advice.unmet > 0", c), Tri::no);
  EXPECT_TRI(eval("advice.unmet > 0 and advice.unmet > 0", c), Tri::unknown);
}

TEST(ExpressionEval, KleeneOr) {
  const Counts c = Counts{}.provision(counts(0, 1)).advice(counts(0, 0, 1));
  EXPECT_TRI(eval("advice.unmet > 0 or provision.unmet > 0", c), Tri::yes);
  EXPECT_TRI(eval("advice.unmet > 0 or true", c), Tri::yes);
  EXPECT_TRI(eval("advice.unmet > 0 or false", c), Tri::unknown);
  EXPECT_TRI(eval("false or false", c), Tri::no);
  EXPECT_TRI(eval("false or provision.unmet == 0", c), Tri::no);
}

TEST(ExpressionEval, KleeneNot) {
  const Counts c = Counts{}.advice(counts(0, 0, 1));
  EXPECT_TRI(eval("not true", c), Tri::no);
  EXPECT_TRI(eval("not false", c), Tri::yes);
  EXPECT_TRI(eval("not advice.unmet > 0", c), Tri::unknown);
  EXPECT_TRI(eval("not not true", c), Tri::yes);
  EXPECT_TRI(eval("not provision.unmet > 0", c), Tri::yes);
}

TEST(ExpressionEval, PrecedenceAndParentheses) {
  const Counts none;
  // `and` binds tighter than `or`.
  EXPECT_TRI(eval("true or false and false", none), Tri::yes);
  EXPECT_TRI(eval("(true or false) and false", none), Tri::no);
  // `not` binds tighter than `and`.
  EXPECT_TRI(eval("not false and false", none), Tri::no);
  EXPECT_TRI(eval("not (false and false)", none), Tri::yes);
  EXPECT_TRI(eval("((provision.unmet == 0))", none), Tri::yes);
  // A parenthesised number is still a number.
  EXPECT_TRI(eval("(2) > (1)", none), Tri::yes);
}

TEST(ExpressionEval, LiteralsAndWhitespace) {
  EXPECT_TRI(eval("true", Counts{}), Tri::yes);
  EXPECT_TRI(eval("false", Counts{}), Tri::no);
  EXPECT_TRI(eval("  provision.unmet>0  ", Counts{}.provision(counts(0, 1))), Tri::yes);
  EXPECT_TRI(eval("10 > 9", Counts{}), Tri::yes);
}

TEST(ExpressionParse, ReferencesListEveryCount) {
  Expression e = parse_ok("provision.unmet > 0 or any.unknown >= indicator.total");
  ASSERT_EQ(e.references().size(), 3u);
  EXPECT_EQ(e.references()[0].kind, Kind::provision);
  EXPECT_EQ(e.references()[0].metric, Metric::unmet);
  EXPECT_FALSE(e.references()[1].kind.has_value());  // any
  EXPECT_EQ(e.references()[1].metric, Metric::unknown);
  EXPECT_EQ(e.references()[2].kind, Kind::indicator);
  EXPECT_EQ(e.references()[2].metric, Metric::total);
  // A policy is a constant, not a count.
  EXPECT_TRUE(parse_ok("policy.isolated_exceptions > 0").references().empty());
}

TEST(ExpressionParse, EveryMetricIsKnown) {
  for (const char* metric : {"met", "unmet", "partial", "unknown", "not_applicable", "total"})
    parse_ok(std::string("advice.") + metric + " >= 0");
}

// --- errors, with the column a rule author needs ----------------------------------------

TEST(ExpressionErrors, EndsTooEarly) {
  Failure f = parse_fail("provision.unmet >");
  EXPECT_THAT(f.message, HasSubstr("ends too early"));
  EXPECT_EQ(f.column, 18);  // just past the end
}

TEST(ExpressionErrors, MissingOperator) {
  Failure f = parse_fail("provision.unmet 0");
  EXPECT_THAT(f.message, HasSubstr("unexpected '0'"));
  EXPECT_EQ(f.column, 17);
}

TEST(ExpressionErrors, DoubledOperator) {
  Failure f = parse_fail("provision.unmet > > 0");
  EXPECT_THAT(f.message, HasSubstr("unexpected '>'"));
  EXPECT_EQ(f.column, 19);
}

TEST(ExpressionErrors, AndJoinsConditionsNotNumbers) {
  Failure f = parse_fail("1 and true");
  EXPECT_THAT(f.message, HasSubstr("'and' and 'or' join conditions, not numbers"));
  EXPECT_EQ(f.column, 3);
}

TEST(ExpressionErrors, TypeErrors) {
  Failure number = parse_fail("provision.unmet");
  EXPECT_THAT(number.message, HasSubstr("must be true or false, not a number"));
  EXPECT_EQ(number.column, 1);

  Failure compare = parse_fail("true > 0");
  EXPECT_THAT(compare.message, HasSubstr("comparisons take numbers on both sides"));
  EXPECT_EQ(compare.column, 6);

  Failure negate = parse_fail("not 3");
  EXPECT_THAT(negate.message, HasSubstr("'not' applies to a condition"));
  EXPECT_EQ(negate.column, 1);
}

TEST(ExpressionErrors, UnknownName) {
  Failure f = parse_fail("foo");
  EXPECT_THAT(f.message, HasSubstr("unknown name 'foo'"));
  EXPECT_THAT(f.message, HasSubstr("kind.metric, policy.NAME, true or false"));
  EXPECT_EQ(f.column, 1);

  Failure later = parse_fail("provision.unmet > 0 and foo");
  EXPECT_THAT(later.message, HasSubstr("unknown name 'foo'"));
  EXPECT_EQ(later.column, 25);
}

TEST(ExpressionErrors, UnknownMetric) {
  Failure f = parse_fail("provision.bogus > 0");
  EXPECT_THAT(f.message, HasSubstr("unknown count 'provision.bogus'"));
  EXPECT_THAT(f.message, HasSubstr("met, unmet, partial, unknown, not_applicable, total"));
  EXPECT_EQ(f.column, 1);
}

TEST(ExpressionErrors, UnknownKind) {
  Failure f = parse_fail("0 < widget.unmet");
  EXPECT_THAT(f.message, HasSubstr("unknown count 'widget.unmet'"));
  EXPECT_THAT(f.message, HasSubstr("provision, advice, indicator, any"));
  EXPECT_EQ(f.column, 5);
}

TEST(ExpressionErrors, UnknownPolicyListsTheKnownOnes) {
  Failure f = parse_fail("indicator.unmet > policy.nope");
  EXPECT_THAT(f.message, HasSubstr("unknown policy 'nope'"));
  EXPECT_THAT(f.message, HasSubstr("known: isolated_exceptions"));
  EXPECT_EQ(f.column, 19);

  Failure none = parse_fail("policy.nope > 0", {});
  EXPECT_THAT(none.message, HasSubstr("known: none"));
}

TEST(ExpressionErrors, MissingClosingParenthesis) {
  Failure f = parse_fail("(true");
  EXPECT_THAT(f.message, HasSubstr("expected ')'"));
  EXPECT_EQ(f.column, 6);
}

TEST(ExpressionErrors, UnexpectedClosingParenthesis) {
  Failure f = parse_fail("true)");
  EXPECT_THAT(f.message, HasSubstr("unexpected ')'"));
  EXPECT_EQ(f.column, 5);
}

TEST(ExpressionErrors, UnexpectedCharacter) {
  Failure f = parse_fail("provision.unmet > 0 $");
  EXPECT_THAT(f.message, HasSubstr("unexpected character '$'"));
  EXPECT_EQ(f.column, 21);
}

TEST(ExpressionErrors, UnknownOperator) {
  Failure f = parse_fail("provision.unmet = 0");
  EXPECT_THAT(f.message, HasSubstr("unknown operator '='"));
  EXPECT_THAT(f.message, HasSubstr("< <= > >= == !="));
  EXPECT_EQ(f.column, 17);
}

TEST(ExpressionErrors, EmptyCondition) {
  Failure f = parse_fail("");
  EXPECT_THAT(f.message, HasSubstr("ends too early"));
  EXPECT_EQ(f.column, 1);
  Failure blank = parse_fail("   ");
  EXPECT_THAT(blank.message, HasSubstr("ends too early"));
}

TEST(ExpressionErrors, NumberTooLarge) {
  Failure f = parse_fail("provision.unmet > 99999999999999999999");
  EXPECT_THAT(f.message, HasSubstr("number too large"));
  EXPECT_EQ(f.column, 19);
}

}  // namespace
}  // namespace spur::detail
