#include "euiomkb/version.hpp"

namespace euiomkb {

// EUIOMKB_VERSION comes from the CMake project version (CMakeLists.txt).
std::string_view version() noexcept { return EUIOMKB_VERSION; }

}  // namespace euiomkb
