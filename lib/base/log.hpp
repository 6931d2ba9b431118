// The library's named spdlog logger ("euiomkb"), silent until set_log_handler() or
// set_log_level() (include/euiomkb/log.hpp) says otherwise.
#pragma once

#include <spdlog/logger.h>

namespace euiomkb::detail {

spdlog::logger& log();

}  // namespace euiomkb::detail
