#include "tool.hpp"
namespace euiomkb::cli {
void add_export_command(CLI::App&, Tool&) {}
}  // namespace euiomkb::cli
