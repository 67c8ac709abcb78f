// Fuzzes reading an inspection (YAML, or JSON when it starts with '{') and everything done
// with it: evaluation, explanation of every area, plan follow-up, JSON output.
// Bad input must give spur::Error; anything else (a crash, a sanitizer report, another
// exception) is a finding.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "spur/evaluation.hpp"
#include "spur/explain.hpp"
#include "spur/follow_up.hpp"
#include "spur/inspection.hpp"
#include "spur/json.hpp"
#include "spur/rule_book.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const spur::RuleBook book = spur::RuleBook::load(SPUR_SOURCE_DIR "/rules");
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    auto insp = std::make_shared<const spur::Inspection>(
        !text.empty() && text.front() == '{' ? spur::Inspection::parse_json(text, "fuzz.json")
                                             : spur::Inspection::parse(text, "fuzz.yaml"));
    const spur::Evaluation ev = spur::evaluate(book, insp);
    (void)spur::to_json(ev).dump();
    for (const char* area : {"A", "B", "C", "D", "E", "F", "G", "H"})
      for (const auto& x : spur::explain(ev, area)) (void)spur::render(x);
    const auto status = spur::plan_status(ev, *spur::parse_iso_date("2025-06-01"));
    (void)spur::to_json(status, ev).dump();
  } catch (const spur::Error&) {
  }
  return 0;
}
