#pragma once
// The library's logger: the one handed to set_logger, else a logger with no sinks.

#include <spdlog/spdlog.h>

namespace spur::detail {
std::shared_ptr<spdlog::logger> logger();
/// Whether the logger would write debug messages: a cheap check for hot paths.
bool debug_logging();
}  // namespace spur::detail
