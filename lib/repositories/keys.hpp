// Keys: the stable names records carry (record_key), the one place the repositories turn a key
// into a row.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "sqlite/impl.hpp"

namespace euiomkb::detail {

// The row of `kind` that carries `key`, or nullopt when none does.
std::optional<std::int64_t> row_of_key(Impl* impl, const char* kind, std::string_view key);

}  // namespace euiomkb::detail
