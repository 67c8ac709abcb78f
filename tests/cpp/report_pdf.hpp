#pragma once
// Making a PDF from a report's text for the import tests: each line printed where it stands,
// as a published report's PDF holds its text (cairo; libcairo2-dev).

#include <filesystem>
#include <string>

namespace spur::test {

/// Writes `text` as a PDF to `path`, one text line per printed line, 64 lines a page.
void write_text_pdf(const std::filesystem::path& path, const std::string& text);

}  // namespace spur::test
