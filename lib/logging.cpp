#include "logging.hpp"

#include <atomic>
#include <mutex>

#include "spur/logging.hpp"

namespace spur {
namespace {
std::shared_ptr<spdlog::logger>& current() {
  static std::shared_ptr<spdlog::logger> logger = [] {
    auto silent = std::make_shared<spdlog::logger>("spur");  // no sinks: nothing is written
    silent->set_level(spdlog::level::off);
    return silent;
  }();
  return logger;
}
std::atomic<bool> debug_enabled{false};
std::mutex& guard() {
  static std::mutex m;
  return m;
}
}  // namespace

void set_logger(std::shared_ptr<spdlog::logger> logger) {
  std::lock_guard lock(guard());
  if (!logger) {
    logger = std::make_shared<spdlog::logger>("spur");
    logger->set_level(spdlog::level::off);
  }
  debug_enabled = logger->should_log(spdlog::level::debug);
  current() = std::move(logger);
}

bool detail::debug_logging() {
  return debug_enabled.load(std::memory_order_relaxed);
}

std::shared_ptr<spdlog::logger> detail::logger() {
  std::lock_guard lock(guard());
  return current();
}

}  // namespace spur
