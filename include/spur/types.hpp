#pragma once
/// \file
/// The small vocabulary of the SPUR model: kinds, statuses, grades and sets of grades.

#include <array>
#include <bit>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace spur {

/// What a requirement is: a binding föreskrift, an allmänt råd, or a quality indicator.
enum class Kind : std::uint8_t { provision, advice, indicator };
inline constexpr std::array<Kind, 3> all_kinds{Kind::provision, Kind::advice, Kind::indicator};

/// What inspectors found for one requirement.
enum class Status : std::uint8_t { met, partially_met, not_met, not_applicable, not_assessed };
inline constexpr std::array<Status, 5> all_statuses{Status::met, Status::partially_met,
                                                    Status::not_met, Status::not_applicable,
                                                    Status::not_assessed};

/// A grade A–D; A is best. There is no E.
enum class Grade : std::uint8_t { A, B, C, D };
inline constexpr std::array<Grade, 4> all_grades{Grade::A, Grade::B, Grade::C, Grade::D};

/// How sure the project is of a requirement's classification.
enum class Confidence : std::uint8_t { high, medium, low };

/// What a scale row obliges the unit to do.
enum class Consequence : std::uint8_t { none, action_recommended, action_required };

std::string_view to_string(Kind);
std::string_view to_string(Status);
std::string_view to_string(Grade);
std::string_view to_string(Confidence);
std::string_view to_string(Consequence);

std::optional<Kind> parse_kind(std::string_view);
std::optional<Status> parse_status(std::string_view);
std::optional<Grade> parse_grade(std::string_view);
std::optional<Confidence> parse_confidence(std::string_view);
std::optional<Consequence> parse_consequence(std::string_view);

/// Swedish label of a status as reports print it ("uppfyllt", "ej uppfyllt", ...).
std::string_view swedish(Status);

/// True for the statuses that count as "not met" in grading (not_met and partially_met).
constexpr bool counts_as_unmet(Status s) {
  return s == Status::not_met || s == Status::partially_met;
}

/// A set of grades: the grades still possible while some findings are unknown.
class GradeSet {
 public:
  constexpr GradeSet() = default;
  static constexpr GradeSet of(Grade g) { return GradeSet(bit(g)); }

  constexpr void insert(Grade g) { bits_ |= bit(g); }
  constexpr bool contains(Grade g) const { return (bits_ & bit(g)) != 0; }
  constexpr bool empty() const { return bits_ == 0; }
  constexpr int size() const { return std::popcount(bits_); }
  /// The grade when exactly one is possible.
  constexpr std::optional<Grade> single() const {
    if (size() != 1) return std::nullopt;
    return static_cast<Grade>(std::countr_zero(bits_));
  }
  constexpr Grade best() const { return static_cast<Grade>(std::countr_zero(bits_)); }
  constexpr Grade worst() const { return static_cast<Grade>(7 - std::countl_zero(bits_)); }
  /// The grades possible for the worse of two independent grades.
  constexpr GradeSet worse_of(GradeSet other) const {
    GradeSet out;
    for (Grade a : all_grades)
      for (Grade b : all_grades)
        if (contains(a) && other.contains(b)) out.insert(a > b ? a : b);
    return out;
  }
  /// Every grade in either set.
  friend constexpr GradeSet operator|(GradeSet a, GradeSet b) {
    return GradeSet(a.bits_ | b.bits_);
  }
  std::vector<Grade> grades() const;
  constexpr std::uint8_t bits() const { return bits_; }
  friend constexpr bool operator==(GradeSet, GradeSet) = default;

 private:
  constexpr explicit GradeSet(std::uint8_t bits) : bits_(bits) {}
  static constexpr std::uint8_t bit(Grade g) {
    return static_cast<std::uint8_t>(1u << static_cast<unsigned>(g));
  }
  std::uint8_t bits_ = 0;
};

}  // namespace spur
