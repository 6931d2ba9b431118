// The state behind a KnowledgeBase and its repositories.
#pragma once

#include "connection.hpp"

namespace euiomkb::detail {

struct Impl {
  Connection connection;
};

// The bounds SQL comparisons use for a partial date: every ISO date text the date covers
// sorts within [low, high] (high appends '~', which sorts after digits and '-').
struct DateBounds {
  std::string low;
  std::string high;
};
inline DateBounds bounds(const PartialDate& date) {
  std::string text = date.to_string();
  return {text, text + "~"};
}

}  // namespace euiomkb::detail
