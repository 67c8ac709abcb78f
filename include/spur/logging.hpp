#pragma once
/// \file
/// spur logs through a logger you hand it; without one it is silent.

#include <memory>

namespace spdlog {
class logger;
}

namespace spur {

/// Log what the loader and evaluator decide through `logger` (null: silent again).
void set_logger(std::shared_ptr<spdlog::logger> logger);

}  // namespace spur
