#pragma once
// The data side of `spur serve`: the folder of inspection files (paths kept inside it), the
// JSON the pages read, and applying a page's edits to an inspection and to its YAML file.
// No HTTP here: serve_command.cpp maps requests onto these functions.

#include <deque>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>

#include "spur/inspection.hpp"
#include "spur/rule_book.hpp"

namespace spur::cli {

/// A request the server refuses, with the HTTP status and a message for the user.
struct Refusal : std::runtime_error {
  int status;
  Refusal(int status, const std::string& message) : std::runtime_error(message), status(status) {}
};

/// A folder of inspection files; every path it hands out lies inside it.
class InspectionFolder {
 public:
  /// Throws Refusal(500) when the folder does not exist.
  explicit InspectionFolder(const std::filesystem::path& folder);
  const std::filesystem::path& root() const { return root_; }

  /// The existing inspection file `name` (relative to the folder). Refusal(400) for a name
  /// leaving the folder (.., absolute, a symbolic link pointing out) or not ending in .yaml/.yml,
  /// 404 when there is no such file.
  std::filesystem::path existing(const std::string& name) const;
  /// A new file `name` directly in the folder: letters, digits, '-', '_', '.', ending .yaml.
  std::filesystem::path fresh(const std::string& name) const;
  /// The inspection files directly in the folder, sorted by name.
  std::vector<std::string> names() const;

  /// Keeps the inspection a page was given under its version, so that the page's edits are
  /// graded against what it shows even when the file changes on disk meanwhile (the last 64).
  void remember(const std::string& version, std::shared_ptr<const Inspection> inspection) const;
  std::shared_ptr<const Inspection> remembered(const std::string& version) const;

 private:
  std::filesystem::path root_;
  mutable std::mutex mutex_;
  mutable std::map<std::string, std::shared_ptr<const Inspection>> opened_;
  mutable std::deque<std::string> order_;
};

/// A version of a file's content (a hash), sent with the page and checked on save.
std::string content_version(std::string_view content);
std::string read_text(const std::filesystem::path& path);

/// The list page: one row per inspection file, with its grades or its error.
nlohmann::json inspections_json(const RuleBook& book, const InspectionFolder& folder);
/// One inspection for its page: metadata, requirements with texts, findings, plan, version,
/// and its evaluation (as evaluation_json).
nlohmann::json inspection_json(const RuleBook& book, const InspectionFolder& folder,
                               const std::string& name);
/// The grades after the page's edits ({"findings": {id: {status, note}}, "action_plan": [...]}),
/// nothing written. Refusal(400) for an unknown requirement, an invalid status or an
/// inspection the engine refuses.
nlohmann::json evaluate_edits(const RuleBook& book, const InspectionFolder& folder,
                              const nlohmann::json& request);
/// Applies the edits to the file and writes it atomically. Refusal(409) when the file changed
/// since `request["version"]`; 400 as for evaluate_edits. Returns the new version.
nlohmann::json save_edits(const RuleBook& book, const InspectionFolder& folder,
                          const nlohmann::json& request);
/// Creates a new inspection file from the form's fields; Refusal(409) when it exists.
nlohmann::json create_inspection(const RuleBook& book, const InspectionFolder& folder,
                                 const nlohmann::json& request);
/// The rule book page: areas, regulations with their requirements, and their differences.
/// Drafts an inspection file from a report's text (`spur import`) as a new file of the folder;
/// answers its name, version and the import's warnings.
nlohmann::json import_report_text(const RuleBook& book, const InspectionFolder& folder,
                                  const nlohmann::json& request);
nlohmann::json rules_json(const RuleBook& book);
/// A date phrase as the plan editor shows it while typing.
nlohmann::json date_phrase_json(const std::string& text);

}  // namespace spur::cli
