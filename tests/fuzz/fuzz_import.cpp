// Fuzzes the report importer: arbitrary bytes as a report's text or PDF (poppler), then the
// draft read back and graded, as `spur import R | spur evaluate -` does. Bad input must give
// spur::Error; anything else (a crash, a sanitizer report, another exception) is a finding.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "spur/evaluation.hpp"
#include "spur/import.hpp"
#include "spur/inspection.hpp"
#include "spur/rule_book.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const spur::RuleBook book = spur::RuleBook::load(SPUR_SOURCE_DIR "/rules");
  if (size > 256 * 1024) return 0;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  try {
    const spur::ImportResult draft = spur::import_report_data(book, bytes, "fuzz.txt");
    // The draft is an inspection file spur reads and grades like any other.
    const auto insp = std::make_shared<const spur::Inspection>(
        spur::Inspection::parse(draft.yaml, "fuzz-draft.yaml"));
    (void)spur::evaluate(book, insp);
  } catch (const spur::Error&) {
  }
  return 0;
}
