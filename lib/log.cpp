#include "log.hpp"

#include <spdlog/sinks/base_sink.h>

#include <memory>
#include <mutex>
#include <utility>

#include "euiomkb/knowledge_base.hpp"

namespace euiomkb::detail {
namespace {

// Forwards formatted messages to the application's handler.
class HandlerSink final : public spdlog::sinks::base_sink<std::mutex> {
 public:
  void set(LogHandler handler) {
    std::lock_guard lock(mutex_);
    handler_ = std::move(handler);
  }

 protected:
  void sink_it_(const spdlog::details::log_msg& message) override {
    if (!handler_) return;
    auto level = spdlog::level::to_string_view(message.level);
    handler_(std::string_view(level.data(), level.size()),
             std::string_view(message.payload.data(), message.payload.size()));
  }
  void flush_() override {}

 private:
  LogHandler handler_;
};

struct LoggerState {
  std::shared_ptr<HandlerSink> sink = std::make_shared<HandlerSink>();
  std::shared_ptr<spdlog::logger> logger = std::make_shared<spdlog::logger>("euiomkb", sink);
  LoggerState() { logger->set_level(spdlog::level::off); }
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
  bool on = static_cast<bool>(handler);
  s.sink->set(std::move(handler));
  s.logger->set_level(on ? spdlog::level::debug : spdlog::level::off);
}

}  // namespace euiomkb
