// Logging: the library logs through its own named spdlog logger ("euiomkb"), which is silent
// until an application hands it a handler (and, for more or less than info, a level). Public
// headers cannot expose spdlog, so the handler receives plain text. The library logs opening a
// database (debug), and each migration, import and seeded database created (info).
//
// Thread safety: every function here may be called from any thread. The handler is called on
// the thread that logs, one call at a time (calls never overlap), so it needs no locking of its
// own; it must not call set_log_handler.
#pragma once

#include <functional>
#include <optional>
#include <string_view>

#include "euiomkb/api.hpp"

namespace euiomkb {

// How much the library says, from everything to nothing. A level passes messages of that
// level and above: warn passes warn and error.
enum class LogLevel { trace, debug, info, warn, error, off };

// Receives each message the level lets through: the level's name as LogLevel spells it
// ("trace", "debug", "info", "warn", "error") and the message, without a trailing newline.
using LogHandler = std::function<void(std::string_view level, std::string_view message)>;

// Sends the library's messages at log_level() and above to `handler`; nullptr (the default)
// silences the library, whatever the level. Throws nothing of its own.
EUIOMKB_API void set_log_handler(LogHandler handler);

// Lets messages of `level` and above reach the handler (none when `off`). The level stays when
// the handler changes. Throws nothing the library raises (std::system_error only if a mutex
// cannot be locked).
EUIOMKB_API void set_log_level(LogLevel level);

// The level set with set_log_level, info until then. Never throws.
EUIOMKB_API LogLevel log_level() noexcept;

// The level named `name` as LogLevel spells it ("trace", "debug", "info", "warn", "error",
// "off"; "warning" too), ignoring case; std::nullopt for any other text. Never throws.
EUIOMKB_API std::optional<LogLevel> parse_log_level(std::string_view name) noexcept;

}  // namespace euiomkb
