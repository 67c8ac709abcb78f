#pragma once
/// \file
/// The largest input spur reads. Beyond these, spur stops with a one-line error naming the
/// limit instead of using time and memory without bound. docs/reliability.md lists them.

#include <cstddef>

namespace spur::limits {

/// Bytes in one file (an inspection, a rule file, JSON text): 2 MiB. A real inspection is a
/// few tens of KB; the bundled regulations together about 100 KB.
inline constexpr std::size_t max_file_bytes = std::size_t{2} << 20;
/// Findings in one inspection (the regulations hold under 200 requirements).
inline constexpr std::size_t max_findings = 10'000;
/// Entries in one action plan.
inline constexpr std::size_t max_plan_entries = 10'000;
/// Bytes in one value (a note, an action, an id): 64 KiB.
inline constexpr std::size_t max_text_bytes = std::size_t{64} << 10;
/// Levels of lists and mappings inside one another (the formats need 5).
inline constexpr int max_nesting_depth = 64;
/// Problems reported for one input; the rest are counted in a last "... and N more".
inline constexpr std::size_t max_reported = 100;
/// Bytes of one word (an id, a path) shown in a message before it is shortened with "…".
inline constexpr std::size_t max_shown_word = 200;
/// Bytes of one message; a longer one keeps its start and end around "…".
inline constexpr std::size_t max_message_bytes = 2000;

}  // namespace spur::limits
