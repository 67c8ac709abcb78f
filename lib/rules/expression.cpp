#include "rules/expression.hpp"

#include <cctype>
#include <charconv>

namespace spur::detail {

std::string_view to_string(Metric m) {
  static constexpr std::array<std::string_view, metric_count> names{
      "met", "unmet", "partial", "unknown", "not_applicable", "total"};
  return names[static_cast<int>(m)];
}

CountTable interval_counts(const std::array<KindCounts, 3>& counts) {
  CountTable table{};
  KindCounts any;
  auto fill = [](std::array<Interval, metric_count>& row, const KindCounts& c) {
    row[static_cast<int>(Metric::met)] = {c.met, c.met + c.unknown};
    row[static_cast<int>(Metric::unmet)] = {c.unmet, c.unmet + c.unknown};
    row[static_cast<int>(Metric::partial)] = {c.partial, c.partial + c.unknown};
    row[static_cast<int>(Metric::unknown)] = {c.unknown, c.unknown};
    row[static_cast<int>(Metric::not_applicable)] = {c.not_applicable, c.not_applicable};
    row[static_cast<int>(Metric::total)] = {c.total(), c.total()};
  };
  for (int k = 0; k < 3; ++k) {
    fill(table[k], counts[k]);
    any.met += counts[k].met;
    any.unmet += counts[k].unmet;
    any.partial += counts[k].partial;
    any.unknown += counts[k].unknown;
    any.not_applicable += counts[k].not_applicable;
  }
  fill(table[3], any);
  return table;
}

namespace {

struct Token {
  enum Type { end, number, word, op, lparen, rparen } type = end;
  std::string_view text;
  int column = 0;  // 1-based
};

struct ParseFailure {
  std::string message;
  int column;
};

// Whether a requirement with status `s` is in a count of `metric`.
bool in_count(Metric metric, Status s) {
  switch (metric) {
    case Metric::met:
      return s == Status::met;
    case Metric::unmet:
      return counts_as_unmet(s);
    case Metric::partial:
      return s == Status::partially_met;
    case Metric::unknown:
      return s == Status::not_assessed;
    case Metric::not_applicable:
      return s == Status::not_applicable;
    default:
      return s != Status::not_applicable;
  }
}

}  // namespace

// Recursive descent over: or_expr := and_expr ("or" and_expr)*;
// and_expr := not_expr ("and" not_expr)*; not_expr := "not" not_expr | comparison;
// comparison := operand (op operand)?; operand := number | count | policy | bool | "(" or ")".
class ExpressionParser {
 public:
  ExpressionParser(std::string_view text, const std::map<std::string, int>& policy)
      : text_(text), policy_(policy) {
    advance();
  }

  Expression run() {
    int root = parse_or();
    if (current_.type != Token::end) fail("unexpected '" + std::string(current_.text) + "'");
    if (!is_bool(root)) fail_at(1, "the condition must be true or false, not a number");
    expr_.root_ = root;
    return std::move(expr_);
  }

 private:
  using Op = Expression::Op;

  [[noreturn]] void fail(const std::string& message) { fail_at(current_.column, message); }
  [[noreturn]] void fail_at(int column, const std::string& message) {
    throw ParseFailure{message, column};
  }

  void advance() {
    while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_]))) ++pos_;
    Token t;
    t.column = static_cast<int>(pos_) + 1;
    if (pos_ >= text_.size()) {
      current_ = t;
      return;
    }
    const char c = text_[pos_];
    std::size_t start = pos_;
    if (std::isdigit(static_cast<unsigned char>(c))) {
      while (pos_ < text_.size() && std::isdigit(static_cast<unsigned char>(text_[pos_]))) ++pos_;
      t.type = Token::number;
    } else if (std::isalpha(static_cast<unsigned char>(c)) || c == '_') {
      while (pos_ < text_.size() && (std::isalnum(static_cast<unsigned char>(text_[pos_])) ||
                                     text_[pos_] == '_' || text_[pos_] == '.'))
        ++pos_;
      t.type = Token::word;
    } else if (c == '(' || c == ')') {
      ++pos_;
      t.type = c == '(' ? Token::lparen : Token::rparen;
    } else if (c == '<' || c == '>' || c == '=' || c == '!') {
      ++pos_;
      if (pos_ < text_.size() && text_[pos_] == '=') ++pos_;
      t.type = Token::op;
    } else {
      t.text = text_.substr(start, 1);
      current_ = t;
      fail("unexpected character '" + std::string(t.text) + "'");
    }
    t.text = text_.substr(start, pos_ - start);
    current_ = t;
  }

  int add(Expression::Node node) {
    expr_.nodes_.push_back(node);
    return static_cast<int>(expr_.nodes_.size()) - 1;
  }
  bool is_bool(int n) const {
    Op op = expr_.nodes_[n].op;
    return op != Op::integer && op != Op::count;
  }

  int parse_or() {
    int left = parse_and();
    while (current_.type == Token::word && current_.text == "or") {
      int column = current_.column;
      advance();
      int right = parse_and();
      left = logical(Op::or_, left, right, column);
    }
    return left;
  }
  int parse_and() {
    int left = parse_not();
    while (current_.type == Token::word && current_.text == "and") {
      int column = current_.column;
      advance();
      int right = parse_not();
      left = logical(Op::and_, left, right, column);
    }
    return left;
  }
  int logical(Op op, int left, int right, int column) {
    if (!is_bool(left) || !is_bool(right))
      fail_at(column, "'and' and 'or' join conditions, not numbers");
    return add({op, left, right, 0, {}});
  }
  int parse_not() {
    if (current_.type == Token::word && current_.text == "not") {
      int column = current_.column;
      advance();
      int operand = parse_not();
      if (!is_bool(operand)) fail_at(column, "'not' applies to a condition, not a number");
      return add({Op::not_, operand, -1, 0, {}});
    }
    return parse_comparison();
  }
  int parse_comparison() {
    int left = parse_operand();
    if (current_.type != Token::op) return left;
    static const std::map<std::string_view, Op> ops{{"<", Op::lt},  {"<=", Op::le}, {">", Op::gt},
                                                    {">=", Op::ge}, {"==", Op::eq}, {"!=", Op::ne}};
    auto it = ops.find(current_.text);
    if (it == ops.end())
      fail("unknown operator '" + std::string(current_.text) + "' (use < <= > >= == !=)");
    int column = current_.column;
    advance();
    int right = parse_operand();
    if (is_bool(left) || is_bool(right)) fail_at(column, "comparisons take numbers on both sides");
    return add({it->second, left, right, 0, {}});
  }
  int parse_operand() {
    Token t = current_;
    switch (t.type) {
      case Token::number: {
        int value = 0;
        auto [ptr, ec] = std::from_chars(t.text.data(), t.text.data() + t.text.size(), value);
        if (ec != std::errc()) fail("number too large");
        advance();
        return add({Op::integer, -1, -1, value, {}});
      }
      case Token::lparen: {
        advance();
        int inner = parse_or();
        if (current_.type != Token::rparen) fail("expected ')'");
        advance();
        return inner;
      }
      case Token::word:
        advance();
        return word(t);
      case Token::end:
        fail("the condition ends too early");
      default:
        fail("unexpected '" + std::string(t.text) + "'");
    }
  }
  int word(const Token& t) {
    if (t.text == "true" || t.text == "false")
      return add({Op::boolean, -1, -1, t.text == "true" ? 1 : 0, {}});
    auto dot = t.text.find('.');
    if (dot == std::string_view::npos)
      fail_at(t.column, "unknown name '" + std::string(t.text) +
                            "' (use kind.metric, policy.NAME, true or false)");
    std::string_view head = t.text.substr(0, dot), tail = t.text.substr(dot + 1);
    if (head == "policy") {
      auto it = policy_.find(std::string(tail));
      if (it == policy_.end()) {
        std::string known;
        for (const auto& [name, value] : policy_) known += (known.empty() ? "" : ", ") + name;
        fail_at(t.column, "unknown policy '" + std::string(tail) +
                              "' (known: " + (known.empty() ? "none" : known) + ")");
      }
      return add({Op::integer, -1, -1, it->second, {}});
    }
    CountRef ref;
    if (head != "any") {
      auto kind = parse_kind(head);
      if (!kind)
        fail_at(t.column, "unknown count '" + std::string(t.text) +
                              "' (kinds: provision, advice, indicator, any)");
      ref.kind = kind;
    }
    static const std::map<std::string_view, Metric> metrics{
        {"met", Metric::met},
        {"unmet", Metric::unmet},
        {"partial", Metric::partial},
        {"unknown", Metric::unknown},
        {"not_applicable", Metric::not_applicable},
        {"total", Metric::total}};
    auto m = metrics.find(tail);
    if (m == metrics.end())
      fail_at(t.column, "unknown count '" + std::string(t.text) +
                            "' (metrics: met, unmet, partial, unknown, not_applicable, total)");
    ref.metric = m->second;
    expr_.references_.push_back(ref);
    for (int kind = 0; kind < 3; ++kind)
      if (!ref.kind || static_cast<int>(*ref.kind) == kind)
        for (Status s : all_statuses)
          expr_.counted_[kind][static_cast<int>(s)] |= in_count(ref.metric, s);
    return add({Op::count, -1, -1, 0, ref});
  }

  std::string_view text_;
  const std::map<std::string, int>& policy_;
  std::size_t pos_ = 0;
  Token current_;
  Expression expr_;
};

std::optional<Expression> Expression::parse(std::string_view text,
                                            const std::map<std::string, int>& policy,
                                            std::string& error, int& column) {
  try {
    ExpressionParser parser(text, policy);
    return parser.run();
  } catch (const ParseFailure& failure) {
    error = failure.message;
    column = failure.column;
    return std::nullopt;
  }
}

Interval Expression::eval_int(int n, const CountTable& counts) const {
  const Node& node = nodes_[n];
  if (node.op == Op::integer) return {node.value, node.value};
  int k = node.ref.kind ? static_cast<int>(*node.ref.kind) : 3;
  return counts[k][static_cast<int>(node.ref.metric)];
}

namespace {
Tri compare(Expression::Op op, Interval a, Interval b) {
  using Op = Expression::Op;
  auto tri = [](bool surely, bool surely_not) {
    return surely ? Tri::yes : surely_not ? Tri::no : Tri::unknown;
  };
  switch (op) {
    case Op::lt:
      return tri(a.hi < b.lo, a.lo >= b.hi);
    case Op::le:
      return tri(a.hi <= b.lo, a.lo > b.hi);
    case Op::gt:
      return tri(a.lo > b.hi, a.hi <= b.lo);
    case Op::ge:
      return tri(a.lo >= b.hi, a.hi < b.lo);
    case Op::eq:
      return tri(a.lo == a.hi && b.lo == b.hi && a.lo == b.lo, a.hi < b.lo || b.hi < a.lo);
    default:
      return tri(a.hi < b.lo || b.hi < a.lo, a.lo == a.hi && b.lo == b.hi && a.lo == b.lo);
  }
}
}  // namespace

Tri Expression::eval_bool(int n, const CountTable& counts) const {
  const Node& node = nodes_[n];
  switch (node.op) {
    case Op::boolean:
      return node.value ? Tri::yes : Tri::no;
    case Op::not_: {
      Tri t = eval_bool(node.left, counts);
      return t == Tri::unknown ? t : t == Tri::yes ? Tri::no : Tri::yes;
    }
    case Op::and_: {
      Tri a = eval_bool(node.left, counts), b = eval_bool(node.right, counts);
      if (a == Tri::no || b == Tri::no) return Tri::no;
      return a == Tri::yes && b == Tri::yes ? Tri::yes : Tri::unknown;
    }
    case Op::or_: {
      Tri a = eval_bool(node.left, counts), b = eval_bool(node.right, counts);
      if (a == Tri::yes || b == Tri::yes) return Tri::yes;
      return a == Tri::no && b == Tri::no ? Tri::no : Tri::unknown;
    }
    default:
      return compare(node.op, eval_int(node.left, counts), eval_int(node.right, counts));
  }
}

Tri Expression::evaluate(const CountTable& counts) const {
  return eval_bool(root_, counts);
}

}  // namespace spur::detail
