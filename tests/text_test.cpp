#include "text.hpp"

#include <gtest/gtest.h>

namespace euiomkb::detail {
namespace {

TEST(FoldWhitespace, FoldsRunsIncludingNoBreakSpacesAndMapsCodePoints) {
  // "a" NBSP NNBSP "\n b é": the runs become single spaces.
  std::string text = "a\xC2\xA0\xE2\x80\xAF\n b \xC3\xA9";
  FoldedText folded = fold_whitespace(text);
  EXPECT_EQ(folded.text, "a b \xC3\xA9");
  // 'b' is the 6th code point (index 5); both bytes of 'é' map to code point 7.
  EXPECT_EQ(folded.code_point[2], 5);
  EXPECT_EQ(folded.code_point[4], 7);
  EXPECT_EQ(folded.code_point[5], 7);
}

TEST(LocateQuote, FindsQuotationAcrossLineBreaksAndReturnsCodePointOffsets) {
  std::string source = "Sørensen said:\nthe first SOM takes place\n  on 3 May.";
  FoldedText folded = fold_whitespace(source);
  auto span = locate_quote(folded, "the first SOM takes place on 3 May");
  ASSERT_TRUE(span.has_value());
  EXPECT_EQ(span->start, 15);  // "Sørensen said:\n" is 15 code points
  EXPECT_EQ(span->end, 15 + 36);
  EXPECT_TRUE(
      span_matches_quote(source, span->start, span->end, "the first SOM takes place on 3 May"));
  EXPECT_FALSE(locate_quote(folded, "the second SOM").has_value());
}

TEST(LocateQuote, EllipsisJoinsPartsInOrder) {
  std::string source =
      "Since the beginning of 2008, the department\n\nhttp://x.example\n\nCivil "
      "Protection (DG ECHO) has worked with IOM";
  FoldedText folded = fold_whitespace(source);
  std::string quote = "Since the beginning of 2008 … Civil Protection (DG ECHO) has worked";
  auto span = locate_quote(folded, quote);
  ASSERT_TRUE(span.has_value());
  EXPECT_TRUE(span_matches_quote(source, span->start, span->end, quote));
  EXPECT_FALSE(locate_quote(folded, "Civil Protection … Since the beginning").has_value());
}

TEST(LocateQuote, OnlyASpacedEllipsisJoinsParts) {
  FoldedText folded = fold_whitespace("Field notes. Meeting in Geneva.");
  EXPECT_TRUE(locate_quote(folded, "Field notes \xE2\x80\xA6 Geneva").has_value());
  EXPECT_FALSE(locate_quote(folded, "Field\xE2\x80\xA6Geneva").has_value());
}

TEST(SpanMatchesQuote, RejectsASpanStretchedPastTheQuotation) {
  std::string source = "alpha beta gamma. alpha delta gamma.";
  std::string quote = "alpha \xE2\x80\xA6 gamma";
  auto span = locate_quote(fold_whitespace(source), quote);
  ASSERT_TRUE(span.has_value());
  EXPECT_EQ(span->end, 16);
  EXPECT_TRUE(span_matches_quote(source, span->start, span->end, quote));
  EXPECT_FALSE(span_matches_quote(source, span->start, 35, quote)) << "end moved to a later gamma";
}

TEST(ValidUtf8, AcceptsWellFormedTextOnly) {
  EXPECT_TRUE(valid_utf8("Sørensen \xE2\x80\x99 \xF0\x9F\x98\x80"));
  EXPECT_FALSE(valid_utf8("caf\xE9"));               // Latin-1
  EXPECT_FALSE(valid_utf8("a\xC3("));                // truncated sequence
  EXPECT_FALSE(valid_utf8("\xC0\xAF"));              // overlong
  EXPECT_FALSE(valid_utf8(std::string("a\0b", 3)));  // NUL
}

TEST(SpanMatchesQuote, RejectsWrongOffsetsOrText) {
  std::string source = "The first SOM takes place on 3 May.";
  EXPECT_TRUE(span_matches_quote(source, 4, 13, "first SOM"));
  EXPECT_FALSE(span_matches_quote(source, 5, 14, "first SOM"));
  EXPECT_FALSE(span_matches_quote(source, 4, 13, "first SUM"));
  EXPECT_FALSE(span_matches_quote(source, 30, 300, "May"));
}

TEST(FoldName, IgnoresCaseAccentsApostrophesDotsAndHyphens) {
  EXPECT_EQ(fold_name("Claus Sørensen"), "claus sorensen");
  EXPECT_EQ(fold_name("David O\xE2\x80\x99Sullivan"), "david osullivan");
  EXPECT_EQ(fold_name("David O'Sullivan"), "david osullivan");
  EXPECT_EQ(fold_name("William  L. Swing"), "william l swing");
  EXPECT_EQ(fold_name("Florika Fink-Hooijer"), "florika fink hooijer");
  EXPECT_EQ(fold_name("Cecilia MALMSTRÖM"), "cecilia malmstrom");
  EXPECT_EQ(fold_name("Cecilia Malmstro\xCC\x88m"), "cecilia malmstrom");  // decomposed ö
  EXPECT_EQ(fold_name("Straße"), "strasse");
  EXPECT_EQ(fold_name("Æsa Øst"), "aesa ost");
}

TEST(Sha256, MatchesKnownVectors) {
  EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

}  // namespace
}  // namespace euiomkb::detail
