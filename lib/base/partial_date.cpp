#include "euiomkb/partial_date.hpp"

#include <charconv>

#include "euiomkb/error.hpp"

namespace euiomkb {
namespace {

bool is_leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap(year) ? 29 : kDays[month - 1];
}

std::optional<int> parse_digits(std::string_view text, std::size_t width) {
  if (text.size() != width) return std::nullopt;
  int value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

}  // namespace

PartialDate::PartialDate(int year, std::optional<int> month, std::optional<int> day)
    : year_(year), month_(month), day_(day) {
  if (year < 1 || year > 9999) throw Error("year out of range");
  if (month && (*month < 1 || *month > 12)) throw Error("month out of range");
  if (day && !month) throw Error("a day needs a month");
  if (day && (*day < 1 || *day > days_in_month(year, *month))) throw Error("day out of range");
}

std::optional<PartialDate> PartialDate::parse(std::string_view text) {
  auto year = parse_digits(text.substr(0, 4), 4);
  if (!year || *year < 1) return std::nullopt;
  std::optional<int> month, day;
  if (text.size() > 4) {
    if (text.size() < 7 || text[4] != '-') return std::nullopt;
    month = parse_digits(text.substr(5, 2), 2);
    if (!month || *month < 1 || *month > 12) return std::nullopt;
  }
  if (text.size() > 7) {
    if (text.size() != 10 || text[7] != '-') return std::nullopt;
    day = parse_digits(text.substr(8, 2), 2);
    if (!day || *day < 1 || *day > days_in_month(*year, *month)) return std::nullopt;
  }
  return PartialDate(*year, month, day);
}

std::string PartialDate::to_string() const {
  char buffer[11];
  std::string out;
  auto two = [&](int v) {
    buffer[0] = static_cast<char>('0' + v / 10);
    buffer[1] = static_cast<char>('0' + v % 10);
    out.append("-").append(buffer, 2);
  };
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, year_);
  out.assign(4 - static_cast<std::size_t>(end - buffer), '0');
  out.append(buffer, end);
  if (month_) two(*month_);
  if (day_) two(*day_);
  return out;
}

bool PartialDate::covers(const PartialDate& other) const noexcept {
  if (year_ != other.year_) return false;
  if (!month_) return true;
  if (month_ != other.month_) return false;
  return !day_ || day_ == other.day_;
}

std::strong_ordering operator<=>(const PartialDate& a, const PartialDate& b) noexcept {
  if (auto c = a.year_ <=> b.year_; std::is_neq(c)) return c;
  if (auto c = a.month_.value_or(0) <=> b.month_.value_or(0); std::is_neq(c)) return c;
  return a.day_.value_or(0) <=> b.day_.value_or(0);
}

}  // namespace euiomkb
