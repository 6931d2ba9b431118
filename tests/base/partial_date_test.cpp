#include "euiomkb/partial_date.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

#include "euiomkb/error.hpp"

namespace euiomkb {
namespace {

TEST(PartialDate, ParsesEachPrecisionAndPrintsItBack) {
  for (const char* text : {"2024", "2011-11", "2013-05-03", "2016-02-29"}) {
    auto date = PartialDate::parse(text);
    ASSERT_TRUE(date.has_value()) << text;
    EXPECT_EQ(date->to_string(), text);
  }
  auto month = PartialDate::parse("2011-11");
  EXPECT_EQ(month->year(), 2011);
  EXPECT_EQ(month->month(), 11);
  EXPECT_FALSE(month->day().has_value());
}

TEST(PartialDate, RejectsMalformedAndImpossibleDates) {
  for (const char* text : {"", "11", "2011-1", "2011-13", "2011-11-31", "2015-02-29", "2011/11",
                           "2011-11-0", "20111-01", "2011-11-01T00", "abcd"}) {
    EXPECT_FALSE(PartialDate::parse(text).has_value()) << text;
  }
  EXPECT_THROW(PartialDate(2011, std::nullopt, 3), Error);
  EXPECT_THROW(PartialDate(2011, 2, 30), Error);
}

TEST(PartialDate, CoversFinerDatesWithinItsPrecision) {
  PartialDate year(2013), month(2013, 5), day(2013, 5, 3);
  EXPECT_TRUE(year.covers(day));
  EXPECT_TRUE(month.covers(day));
  EXPECT_TRUE(day.covers(day));
  EXPECT_FALSE(day.covers(month));
  EXPECT_FALSE(PartialDate(2013, 6).covers(day));
  EXPECT_FALSE(PartialDate(2014).covers(day));
}

TEST(PartialDate, OrdersCoarserBeforeFiner) {
  EXPECT_LT(PartialDate(2013), PartialDate(2013, 1));
  EXPECT_LT(PartialDate(2013, 5), PartialDate(2013, 5, 3));
  EXPECT_LT(PartialDate(2013, 5, 3), PartialDate(2014));
  EXPECT_EQ(PartialDate(2012, 7), *PartialDate::parse("2012-07"));
}

}  // namespace
}  // namespace euiomkb
