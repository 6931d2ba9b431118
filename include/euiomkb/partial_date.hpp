// A calendar date known to the precision a source gives: a year, a month or a day. A value
// type: copies are independent and const members may be called from any thread.
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

#include "euiomkb/api.hpp"

namespace euiomkb {

class EUIOMKB_API PartialDate {
 public:
  // Throws euiomkb::Error unless 1 <= year <= 9999, 1 <= month <= 12 and day is valid for that
  // month (a day requires a month).
  explicit PartialDate(int year, std::optional<int> month = std::nullopt,
                       std::optional<int> day = std::nullopt);

  // Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD" (a real calendar date); std::nullopt for anything
  // else. Never throws.
  static std::optional<PartialDate> parse(std::string_view text);

  int year() const noexcept { return year_; }
  std::optional<int> month() const noexcept { return month_; }
  std::optional<int> day() const noexcept { return day_; }

  // ISO-8601 text of the same precision: "2011-11", "2024", "2013-05-03".
  std::string to_string() const;

  // True when the day, month or year this date denotes could include `other`'s:
  // PartialDate(2013).covers(PartialDate(2013, 5, 3)) is true.
  bool covers(const PartialDate& other) const noexcept;

  // Orders by year, then month, then day; a coarser date sorts before finer ones it covers.
  friend EUIOMKB_API std::strong_ordering operator<=>(const PartialDate&,
                                                      const PartialDate&) noexcept;
  friend bool operator==(const PartialDate&, const PartialDate&) noexcept = default;

 private:
  int year_;
  std::optional<int> month_;
  std::optional<int> day_;
};

}  // namespace euiomkb
