#include "spur/rule_book.hpp"
#include <algorithm>

#include "rules/rule_book_data.hpp"
#include "rules/yaml_reader.hpp"

namespace spur {

RuleBook::RuleBook(std::shared_ptr<const detail::RuleBookData> data) : data_(std::move(data)) {}

RuleBook RuleBook::load(const std::filesystem::path& directory) {
  return load(std::vector<std::filesystem::path>{directory});
}

RuleBook RuleBook::load(const std::vector<std::filesystem::path>& directories) {
  LoadResult result = load_rules(directories);
  if (result.book) return std::move(*result.book);
  const auto& d = result.diagnostics;
  // Files that could not be read at all (a missing directory, a symbolic link loop, no
  // permission) are file problems, not rule problems: no error has a line to point at.
  const bool unreadable = std::none_of(d.begin(), d.end(), [](const Diagnostic& x) {
    return x.severity == Severity::error && x.line > 0;
  });
  if (unreadable) throw FileError(d);
  throw RuleError(d);
}

RuleBook RuleBook::bundled() {
  return load(bundled_rules_directory());
}

const Model& RuleBook::model() const {
  return data_->model;
}
const std::vector<Regulation>& RuleBook::regulations() const {
  return data_->regulations;
}
const std::vector<std::string>& RuleBook::requirement_ids() const {
  return data_->requirement_ids;
}
const std::vector<Diagnostic>& RuleBook::warnings() const {
  return data_->warnings;
}
const std::filesystem::path& RuleBook::directory() const {
  return data_->directory;
}

const Regulation* RuleBook::find_regulation(std::string_view id) const {
  int i = data_->regulation_index(id);
  return i < 0 ? nullptr : &data_->regulations[i];
}

const Regulation& RuleBook::regulation(std::string_view id) const {
  if (const Regulation* r = find_regulation(id)) return *r;
  std::vector<std::string> known;
  for (const auto& r : data_->regulations) known.push_back(r.id);
  throw LookupError("unknown regulation '" + std::string(id) + "' (known: " + detail::join(known) +
                    ")");
}

const Requirement* RuleBook::find_requirement(std::string_view id) const {
  const int g = data_->find_global(id);
  if (g < 0) return nullptr;
  for (const auto& c : data_->compiled)
    if (c.position_of[g] >= 0) return &c.regulation->requirements[c.position_of[g]];
  return nullptr;
}

namespace {
const detail::CompiledRegulation& compiled(const detail::RuleBookData& data, const RuleBook& book,
                                           std::string_view regulation) {
  const Regulation& reg = book.regulation(regulation);
  return data.compiled[&reg - data.regulations.data()];
}
int position(const detail::CompiledRegulation& c, std::string_view regulation,
             std::string_view id) {
  auto it = c.index.find(std::string(id));
  if (it == c.index.end())
    throw LookupError("unknown requirement '" + std::string(id) + "' in " + std::string(regulation),
                      {}, 0, 0, std::string(id));
  return it->second;
}
// Names of requirement vertices, in the regulation's evaluation order.
std::vector<std::string> in_order(const detail::CompiledRegulation& c,
                                  const std::vector<int>& vertices) {
  std::vector<std::string> out;
  for (int k : c.order)
    if (std::find(vertices.begin(), vertices.end(), c.vertex_of[k]) != vertices.end())
      out.push_back(c.regulation->requirements[k].id);
  return out;
}
}  // namespace

std::vector<std::string> RuleBook::evaluation_order(std::string_view regulation) const {
  const auto& c = compiled(*data_, *this, regulation);
  std::vector<std::string> out;
  for (int k : c.order) out.push_back(c.regulation->requirements[k].id);
  return out;
}

std::vector<std::string> RuleBook::prerequisites(std::string_view regulation,
                                                 std::string_view id) const {
  const auto& c = compiled(*data_, *this, regulation);
  return in_order(c, data_->graph.prerequisites(c.vertex_of[position(c, regulation, id)]));
}

std::vector<std::string> RuleBook::dependents(std::string_view regulation,
                                              std::string_view id) const {
  const auto& c = compiled(*data_, *this, regulation);
  return in_order(c, data_->graph.dependents(c.vertex_of[position(c, regulation, id)]));
}

std::vector<std::string> RuleBook::affected_areas(std::string_view regulation,
                                                  std::string_view id) const {
  const auto& c = compiled(*data_, *this, regulation);
  int k = position(c, regulation, id);
  std::vector<bool> hit(data_->model.areas.size());
  hit[c.area[k]] = true;
  for (int v : data_->graph.dependents(c.vertex_of[k]))
    for (std::size_t j = 0; j < c.vertex_of.size(); ++j)
      if (c.vertex_of[j] == v) hit[c.area[j]] = true;
  std::vector<std::string> out;
  for (std::size_t a = 0; a < hit.size(); ++a)
    if (hit[a]) out.push_back(data_->model.areas[a].id);
  return out;
}

std::string RuleBook::to_dot() const {
  return data_->graph.to_dot();
}

}  // namespace spur
