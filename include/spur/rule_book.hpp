#pragma once
/// \file
/// The rule book: the model and every regulation, loaded, validated and immutable.

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "spur/error.hpp"
#include "spur/model.hpp"

namespace spur {

namespace detail {
struct RuleBookData;
}

/// What loading a rules directory found: the diagnostics, and the book when there were no
/// errors.
struct LoadResult;

/// The model and its regulations as one immutable whole, with the requirement graph.
///
/// Copies are cheap and share the same data; a RuleBook may be used from many threads.
class RuleBook {
 public:
  /// Load a rules directory (one folder per model or regulation); throws RuleError listing
  /// every problem found, or FileError when the directory cannot be read.
  static RuleBook load(const std::filesystem::path& directory);
  /// Load several rules directories as one book; the model may be in any of them.
  static RuleBook load(const std::vector<std::filesystem::path>& directories);
  /// Load the bundled rules (see `bundled_rules_directory`).
  static RuleBook bundled();

  const Model& model() const;
  const std::vector<Regulation>& regulations() const;
  /// The regulation with this id; throws LookupError naming the known ones.
  const Regulation& regulation(std::string_view id) const;
  const Regulation* find_regulation(std::string_view id) const;
  /// The requirement in any regulation (the first that has it), or null.
  const Requirement* find_requirement(std::string_view id) const;
  /// Every requirement id of every regulation, each once, in catalogue order.
  const std::vector<std::string>& requirement_ids() const;
  /// Warnings found while loading.
  const std::vector<Diagnostic>& warnings() const;
  /// The directory it was loaded from.
  const std::filesystem::path& directory() const;

  /// Requirements of `regulation` in an order where prerequisites come first.
  std::vector<std::string> evaluation_order(std::string_view regulation) const;
  /// Every requirement that `id` depends on, directly or not, in evaluation order.
  std::vector<std::string> prerequisites(std::string_view regulation, std::string_view id) const;
  /// Every requirement that depends on `id`, directly or not, in evaluation order.
  std::vector<std::string> dependents(std::string_view regulation, std::string_view id) const;
  /// The areas whose grade `id` can affect: its own and those of its dependents.
  std::vector<std::string> affected_areas(std::string_view regulation, std::string_view id) const;

  /// The rule graph in Graphviz dot.
  std::string to_dot() const;

  const detail::RuleBookData& data() const { return *data_; }

 private:
  friend struct LoadResult;
  friend LoadResult load_rules(const std::vector<std::filesystem::path>&);
  explicit RuleBook(std::shared_ptr<const detail::RuleBookData> data);
  std::shared_ptr<const detail::RuleBookData> data_;
};

struct LoadResult {
  std::vector<Diagnostic> diagnostics;  ///< errors and warnings, in file order
  std::optional<RuleBook> book;         ///< set when there were no errors
};

/// Load and validate a rules directory without throwing for bad rules.
LoadResult load_rules(const std::filesystem::path& directory);
/// Load several rules directories as one book (e.g. the bundled rules and a draft regulation
/// kept in its own folder).
LoadResult load_rules(const std::vector<std::filesystem::path>& directories);

/// Where the bundled rules are, the first of these that holds them:
/// 1. `$SPUR_RULES` (an error when it is set and holds no rules);
/// 2. the installed spur package a program was built against: `find_package(spur)` gives every
///    target linking `spur::spur` the package's `share/spur/rules`, found from where the package
///    is now, whatever prefix it was installed to or moved to;
/// 3. beside the running program or the shared library holding spur (`../share/spur/rules`,
///    `rules`, `../rules` from its directory): an installed `spur` command, the Python package;
/// 4. the prefix spur was configured to install to, then the source tree it was built from.
/// Throws FileError listing the places looked in when none holds them.
std::filesystem::path bundled_rules_directory();

/// Like bundled_rules_directory, but looking beside `program_directory` too (after 2).
std::filesystem::path find_rules_directory(const std::filesystem::path& program_directory);

namespace detail {
/// Records the rules directory of the installed spur package a program was built against
/// (step 2 of bundled_rules_directory). Called through SPUR_INSTALLED_RULES_DIR below.
bool use_installed_rules_directory(const char* directory);
}  // namespace detail

// find_package(spur) defines SPUR_INSTALLED_RULES_DIR for the targets linking spur::spur (see
// spurConfig.cmake): the program records where the installed package keeps its rules when it
// starts, before main. The library itself is built without it.
#ifdef SPUR_INSTALLED_RULES_DIR
namespace detail {
inline const bool installed_rules_directory_recorded =
    use_installed_rules_directory(SPUR_INSTALLED_RULES_DIR);
}  // namespace detail
#endif

}  // namespace spur
