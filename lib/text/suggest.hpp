// Suggestions for misspelt names: the known names closest to what was written.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace euiomkb::detail {

// Edit distance (insertions, deletions, substitutions; ASCII case ignored) between a and b.
std::size_t edit_distance(std::string_view a, std::string_view b);

// Up to three of `known` closest to `word` (within about a third of its length, at least 2
// edits), best first: " (did you mean 'a' or 'b'?)", or "" when none is close.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& known);

// "a, b, c": the known values, for "expected one of ..." messages.
std::string one_of(const std::vector<std::string>& known);

}  // namespace euiomkb::detail
