#include "text/suggest.hpp"

#include <algorithm>
#include <utility>

namespace euiomkb::detail {
namespace {

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

}  // namespace

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t above = row[j];
      std::size_t cost = lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1;
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + cost});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::string did_you_mean(std::string_view word, const std::vector<std::string>& known) {
  std::size_t limit = std::max<std::size_t>(2, word.size() / 3);
  std::vector<std::pair<std::size_t, const std::string*>> close;
  for (const std::string& candidate : known) {
    // Cheap bound first: the distance is at least the difference in length.
    std::size_t gap = candidate.size() > word.size() ? candidate.size() - word.size()
                                                     : word.size() - candidate.size();
    if (gap > limit) continue;
    std::size_t distance = edit_distance(word, candidate);
    if (distance <= limit) close.emplace_back(distance, &candidate);
  }
  if (close.empty()) return "";
  std::stable_sort(close.begin(), close.end(),
                   [](const auto& x, const auto& y) { return x.first < y.first; });
  if (close.size() > 3) close.resize(3);
  std::string out = " (did you mean ";
  for (std::size_t k = 0; k < close.size(); ++k) {
    if (k > 0) out += k + 1 == close.size() ? " or " : ", ";
    out += "'" + *close[k].second + "'";
  }
  return out + "?)";
}

std::string one_of(const std::vector<std::string>& known) {
  std::string out;
  for (const std::string& value : known) out += (out.empty() ? "" : ", ") + value;
  return out;
}

}  // namespace euiomkb::detail
