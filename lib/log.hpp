// The library's named spdlog logger ("euiomkb"), silent until set_log_handler() is called.
#pragma once

#include <spdlog/logger.h>

namespace euiomkb::detail {

spdlog::logger& log();

}  // namespace euiomkb::detail
