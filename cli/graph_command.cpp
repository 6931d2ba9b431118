#include "tool.hpp"
namespace euiomkb::cli {
void add_graph_command(CLI::App&, Tool&) {}
}  // namespace euiomkb::cli
