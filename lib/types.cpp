#include "spur/types.hpp"

#include <algorithm>

#include "spur/model.hpp"

namespace spur {

namespace {
template <class E, std::size_t N>
std::optional<E> parse(std::string_view text, const std::array<std::string_view, N>& names) {
  for (std::size_t i = 0; i < N; ++i)
    if (names[i] == text) return static_cast<E>(i);
  return std::nullopt;
}
constexpr std::array<std::string_view, 3> kind_names{"provision", "advice", "indicator"};
constexpr std::array<std::string_view, 5> status_names{"met", "partially_met", "not_met",
                                                       "not_applicable", "not_assessed"};
constexpr std::array<std::string_view, 5> status_swedish{
    "uppfyllt", "delvis uppfyllt", "ej uppfyllt", "ej tillämpligt", "ej bedömt"};
constexpr std::array<std::string_view, 4> grade_names{"A", "B", "C", "D"};
constexpr std::array<std::string_view, 3> confidence_names{"high", "medium", "low"};
constexpr std::array<std::string_view, 3> consequence_names{"none", "action-recommended",
                                                            "action-required"};
}  // namespace

std::string_view to_string(Kind k) {
  return kind_names[static_cast<int>(k)];
}
std::string_view to_string(Status s) {
  return status_names[static_cast<int>(s)];
}
std::string_view to_string(Grade g) {
  return grade_names[static_cast<int>(g)];
}
std::string_view to_string(Confidence c) {
  return confidence_names[static_cast<int>(c)];
}
std::string_view to_string(Consequence c) {
  return consequence_names[static_cast<int>(c)];
}
std::string_view swedish(Status s) {
  return status_swedish[static_cast<int>(s)];
}

std::optional<Kind> parse_kind(std::string_view t) {
  return parse<Kind>(t, kind_names);
}
std::optional<Status> parse_status(std::string_view t) {
  return parse<Status>(t, status_names);
}
std::optional<Grade> parse_grade(std::string_view t) {
  return parse<Grade>(t, grade_names);
}
std::optional<Confidence> parse_confidence(std::string_view t) {
  return parse<Confidence>(t, confidence_names);
}
std::optional<Consequence> parse_consequence(std::string_view t) {
  return parse<Consequence>(t, consequence_names);
}

std::vector<Grade> GradeSet::grades() const {
  std::vector<Grade> out;
  for (Grade g : all_grades)
    if (contains(g)) out.push_back(g);
  return out;
}

bool Scale::has_grade(Grade grade) const {
  return std::any_of(rows.begin(), rows.end(), [&](const ScaleRow& r) { return r.grade == grade; });
}

const Area* Model::find_area(std::string_view id) const {
  for (const auto& a : areas)
    if (a.id == id) return &a;
  return nullptr;
}

const Scale* Model::find_scale(std::string_view id) const {
  auto it = scales.find(std::string(id));
  return it == scales.end() ? nullptr : &it->second;
}

const Requirement* Regulation::find(std::string_view id) const {
  for (const auto& q : requirements)
    if (q.id == id) return &q;
  return nullptr;
}

}  // namespace spur
