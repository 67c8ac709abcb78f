#pragma once
/// \file
/// Importing published SPUR reports: a draft inspection from a report's text or PDF.

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "spur/error.hpp"
#include "spur/inspection.hpp"
#include "spur/rule_book.hpp"

namespace spur {

/// How to import.
struct ImportOptions {
  bool keep_names = false;  ///< keep personal names after roles in the responsible fields
};

/// A line of the report that the import could not place anywhere in the draft.
struct UnplacedLine {
  int line = 0;  ///< 1-based line of the report's text (of the extracted text for a PDF)
  std::string text;
};

/// The draft inspection drafted from one report, and what the import has to say about it.
struct ImportResult {
  Inspection inspection;                ///< the draft, read back from `yaml` as a file would be
  std::string yaml;                     ///< the draft inspection file, with its comments
  std::string json;                     ///< the same draft as JSON (no comments)
  std::vector<Diagnostic> diagnostics;  ///< warnings, located at the report's lines
  std::vector<UnplacedLine> unplaced;   ///< lines placed nowhere (also in the diagnostics)
  std::vector<std::string> missing;     ///< header fields the report does not give (unit, ...)
  std::string source;                   ///< the report's name in messages
  bool from_pdf = false;
};

/// The largest report the import reads; larger input is refused as no report.
inline constexpr std::size_t max_report_bytes = 32u << 20;

/// Imports a report file: a PDF (read with poppler: its text, and the grade each grading table
/// marks, from the pages' layout) or its text as PDF extraction gives it.
/// Throws FileError when it cannot be read or is no SPUR report (empty, binary, too large,
/// none of a report's headings); the message says which.
ImportResult import_report(const RuleBook& book, const std::filesystem::path& path,
                           const ImportOptions& options = {});

/// Imports a report held in memory (PDF bytes or text, e.g. standard input); `name` names it
/// in messages and becomes the draft's id.
ImportResult import_report_data(const RuleBook& book, std::string_view data,
                                const std::string& name, const ImportOptions& options = {});

/// The text of a PDF, page after page, as poppler extracts it; throws FileError when `data`
/// is no readable PDF.
std::string pdf_text(std::string_view data, const std::string& name);

/// The text the import reads from a report file or data: a PDF's extracted text, or the text
/// itself (checked: not empty, not binary, not too large). Throws FileError like import_report.
std::string report_text(std::string_view data, const std::string& name);
/// report_text of a file.
std::string report_file_text(const std::filesystem::path& path);

}  // namespace spur
