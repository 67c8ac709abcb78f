#include "findings/json_to_yaml.hpp"

#include <nlohmann/json.hpp>
#include <vector>

#include "spur/limits.hpp"

namespace spur::detail {

namespace {

// Builds nodes from nlohmann's SAX events, so keys given twice are seen (a DOM keeps one).
class Builder : public nlohmann::json_sax<nlohmann::json> {
 public:
  YAML::Node root;
  std::string error;

  bool null() override { return add(YAML::Node(YAML::NodeType::Null)); }
  bool boolean(bool v) override { return add(YAML::Node(v ? "true" : "false")); }
  bool number_integer(number_integer_t v) override { return add(YAML::Node(std::to_string(v))); }
  bool number_unsigned(number_unsigned_t v) override { return add(YAML::Node(std::to_string(v))); }
  bool number_float(number_float_t, const string_t& text) override { return add(YAML::Node(text)); }
  bool string(string_t& v) override { return add(YAML::Node(v)); }
  bool binary(binary_t&) override { return false; }
  bool start_object(std::size_t) override { return open(YAML::NodeType::Map); }
  bool end_object() override { return close(); }
  bool start_array(std::size_t) override { return open(YAML::NodeType::Sequence); }
  bool end_array() override { return close(); }
  bool key(string_t& k) override {
    keys_.back() = k;
    return true;
  }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& e) override {
    error = e.what();
    return false;
  }

 private:
  bool open(YAML::NodeType::value type) {
    if (stack_.size() >= static_cast<std::size_t>(limits::max_nesting_depth)) {
      error = "arrays and objects are nested more than " +
              std::to_string(limits::max_nesting_depth) + " levels deep; spur reads at most " +
              std::to_string(limits::max_nesting_depth);
      return false;
    }
    YAML::Node node(type);
    add(node);
    stack_.push_back(node);
    keys_.emplace_back();
    return true;
  }
  bool close() {
    stack_.pop_back();
    keys_.pop_back();
    return true;
  }
  bool add(const YAML::Node& node) {
    if (stack_.empty()) {
      root = node;
    } else if (stack_.back().IsMap()) {
      stack_.back().force_insert(keys_.back(), node);
    } else {
      stack_.back().push_back(node);
    }
    return true;
  }
  std::vector<YAML::Node> stack_;
  std::vector<std::string> keys_;
};

}  // namespace

std::optional<YAML::Node> json_to_yaml(std::string_view json, std::string& error) {
  Builder builder;
  const bool ok = nlohmann::json::sax_parse(json.begin(), json.end(), &builder);
  if (!ok) {
    error = builder.error.empty() ? "not valid JSON" : builder.error;
    return std::nullopt;
  }
  return builder.root;
}

}  // namespace spur::detail
