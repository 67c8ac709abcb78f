// Fuzzes the Swedish date-phrase reader with inputs up to 64 KB, so that super-linear time
// shows as a libFuzzer timeout.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "spur/dates.hpp"
#include "spur/json.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > 64 * 1024) return 0;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const spur::DatePhrase phrase = spur::parse_date_phrase(text, spur::parse_iso_date("2025-01-15"));
  (void)spur::to_json(phrase).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return 0;
}
