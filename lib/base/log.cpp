#include "base/log.hpp"

#include <spdlog/sinks/base_sink.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cstddef>
#include <memory>
#include <mutex>
#include <utility>

#include "euiomkb/log.hpp"

namespace euiomkb::detail {
namespace {

spdlog::level::level_enum to_spdlog(LogLevel level) {
  switch (level) {
    case LogLevel::trace:
      return spdlog::level::trace;
    case LogLevel::debug:
      return spdlog::level::debug;
    case LogLevel::info:
      return spdlog::level::info;
    case LogLevel::warn:
      return spdlog::level::warn;
    case LogLevel::error:
      return spdlog::level::err;
    case LogLevel::off:
      break;
  }
  return spdlog::level::off;
}

// The names LogLevel uses (spdlog says "warning" and "critical").
std::string_view level_name(spdlog::level::level_enum level) {
  switch (level) {
    case spdlog::level::trace:
      return "trace";
    case spdlog::level::debug:
      return "debug";
    case spdlog::level::info:
      return "info";
    case spdlog::level::warn:
      return "warn";
    default:
      return "error";
  }
}

// Forwards formatted messages to the application's handler, one at a time (base_sink holds
// its mutex around sink_it_).
class HandlerSink final : public spdlog::sinks::base_sink<std::mutex> {
 public:
  void set(LogHandler handler) {
    std::lock_guard lock(mutex_);
    handler_ = std::move(handler);
  }

 protected:
  void sink_it_(const spdlog::details::log_msg& message) override {
    if (!handler_) return;
    handler_(level_name(message.level),
             std::string_view(message.payload.data(), message.payload.size()));
  }
  void flush_() override {}

 private:
  LogHandler handler_;
};

// The logger is the library's own, never registered with spdlog (so never the default logger
// nor one an application's spdlog::drop_all() removes). Its level is `level` while a handler is
// set and off otherwise, so that nothing is even formatted for a handler that is not there.
struct LoggerState {
  std::shared_ptr<HandlerSink> sink = std::make_shared<HandlerSink>();
  std::shared_ptr<spdlog::logger> logger = std::make_shared<spdlog::logger>("euiomkb", sink);
  std::atomic<LogLevel> level{LogLevel::info};
  std::atomic<bool> handled{false};
  std::mutex apply_mutex;  // applies level and handled together
  LoggerState() { logger->set_level(spdlog::level::off); }
  void apply() {
    std::lock_guard lock(apply_mutex);
    logger->set_level(handled ? to_spdlog(level) : spdlog::level::off);
  }
};

LoggerState& state() {
  static LoggerState instance;
  return instance;
}

}  // namespace

spdlog::logger& log() { return *state().logger; }

}  // namespace euiomkb::detail

namespace euiomkb {

void set_log_handler(LogHandler handler) {
  auto& s = detail::state();
  s.handled = static_cast<bool>(handler);
  s.sink->set(std::move(handler));
  s.apply();
}

void set_log_level(LogLevel level) {
  auto& s = detail::state();
  s.level = level;
  s.apply();
}

LogLevel log_level() noexcept { return detail::state().level; }

std::optional<LogLevel> parse_log_level(std::string_view name) noexcept {
  auto is = [&](std::string_view word) {
    return std::equal(name.begin(), name.end(), word.begin(), word.end(), [](char a, char b) {
      return std::tolower(static_cast<unsigned char>(a)) == static_cast<unsigned char>(b);
    });
  };
  if (is("trace")) return LogLevel::trace;
  if (is("debug")) return LogLevel::debug;
  if (is("info")) return LogLevel::info;
  if (is("warn") || is("warning")) return LogLevel::warn;
  if (is("error")) return LogLevel::error;
  if (is("off")) return LogLevel::off;
  return std::nullopt;
}

}  // namespace euiomkb
