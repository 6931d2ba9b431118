// The version of the library, kept in one place: the CMake project version.
#pragma once

#include <string_view>

#include "euiomkb/api.hpp"

namespace euiomkb {

// The version of the euiomkb library linked into the program, "MAJOR.MINOR.PATCH" (what
// `euiomkb --version` prints, and the version of the CMake package and of euiomkb.pc).
// Never throws; safe to call from any thread.
EUIOMKB_API std::string_view version() noexcept;

}  // namespace euiomkb
