// Plan-entry helpers: dates as the files write them, and report text made comparable.

#include "spur/action_plan.hpp"

#include <chrono>
#include <ctime>

namespace spur {

std::optional<Date> parse_iso_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  for (int i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
  auto num = [&](int at, int n) {
    int v = 0;
    for (int i = 0; i < n; ++i) v = v * 10 + (s[at + i] - '0');
    return v;
  };
  Date d{num(0, 4), num(5, 2), num(8, 2)};
  if (!is_valid(d)) return std::nullopt;
  return d;
}

Date add_months(Date d, int months) {
  int total = d.year * 12 + (d.month - 1) + months;
  Date out{total / 12, total % 12 + 1, d.day};
  out.day = std::min(out.day, days_in_month(out.year, out.month));
  return out;
}

Date today() {
  std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return {local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
}

std::string normalise_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = !out.empty();
      continue;
    }
    // A hyphen at a line end ("ST-\nutbildningen", or "ST- läkaren" as PDFs extract it) joins
    // the word; the same rule applied to the catalogue keeps "hälso- och" comparable.
    if (space && out.back() != '-') out += ' ';
    space = false;
    out += c;
  }
  return out;
}

}  // namespace spur
