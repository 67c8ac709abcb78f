#pragma once
// The library's logger: the one handed to set_logger, else a logger with no sinks.

#include <spdlog/spdlog.h>

namespace spur::detail {
std::shared_ptr<spdlog::logger> logger();
}
