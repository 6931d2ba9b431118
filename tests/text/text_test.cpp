#include "text/text.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

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

// The search as it was first written (each start of the first part tried afresh, each later
// part looked for in all the rest of the text): the results locate_quote must keep.
std::optional<std::pair<std::size_t, std::size_t>> reference_search(
    const std::string& folded, const std::vector<std::string>& parts, std::size_t begin) {
  constexpr std::size_t kGap = 600;
  for (std::size_t found = folded.find(parts[0], begin); found != std::string::npos;
       found = folded.find(parts[0], found + 1)) {
    std::size_t at = found + parts[0].size();
    bool all = true;
    for (std::size_t k = 1; k < parts.size() && all; ++k) {
      std::size_t next = folded.find(parts[k], at);
      all = next != std::string::npos && next - at <= kGap;
      if (all) at = next + parts[k].size();
    }
    if (all) return std::pair{found, at};
  }
  return std::nullopt;
}

TEST(LocateQuote, FindsWhatTheFirstSearchFoundWhateverTheEllipses) {
  // Texts of a few short words with runs of filler longer than an ellipsis may skip, and
  // quotations of one to four parts from the same words: many near-matches, starts that fail
  // and starts that share the rest of their chain.
  const std::vector<std::string> words = {"ab", "ba", "a", "b", "abb"};
  const std::string filler(700, 'x');
  std::uint32_t seed = 12345;
  auto random = [&](std::uint32_t n) {
    seed = seed * 1103515245u + 12345u;
    return (seed >> 8) % n;
  };
  int found = 0;
  for (int trial = 0; trial < 3000; ++trial) {
    std::string text;
    for (std::uint32_t w = 0, n = 5 + random(40); w < n; ++w)
      text += random(8) == 0 ? filler : words[random(static_cast<std::uint32_t>(words.size()))];
    FoldedText folded = fold_whitespace(text);
    std::vector<std::string> parts;
    std::string quote;
    for (std::uint32_t k = 0, n = 1 + random(4); k < n; ++k) {
      parts.push_back(words[random(static_cast<std::uint32_t>(words.size()))]);
      quote += (k ? " \xE2\x80\xA6 " : "") + parts.back();
    }
    std::size_t from = random(2) ? 0 : random(static_cast<std::uint32_t>(text.size()));
    SCOPED_TRACE(quote + " from " + std::to_string(from) + " in " + text);
    auto expected = reference_search(folded.text, parts, from);
    if (!expected && from != 0) expected = reference_search(folded.text, parts, 0);
    auto span = locate_quote(folded, quote, from);
    ASSERT_EQ(span.has_value(), expected.has_value());
    if (!span) continue;
    ++found;
    EXPECT_EQ(span->folded_start, expected->first);
    EXPECT_EQ(span->start, folded.code_point[expected->first]);
    EXPECT_EQ(span->end, folded.code_point[expected->second - 1] + 1);
  }
  EXPECT_GT(found, 1000);
}

TEST(LocateQuote, NearMatchesThroughAFiveMegabyteDocumentAreSearchedOnce) {
  // Every "alpha beta" starts a near-match of the quotation and its last part appears only at
  // the end of the text: a search that looked for it through the rest of the text from each
  // start read the text half a million times (minutes); this one reads it a few times.
  std::string text;
  while (text.size() < (std::size_t{5} << 20)) text += "alpha beta gamma. ";
  text += "alpha beta omega.";
  FoldedText folded = fold_whitespace(text);
  auto span = locate_quote(folded, "alpha \xE2\x80\xA6 beta \xE2\x80\xA6 omega");
  ASSERT_TRUE(span.has_value());
  EXPECT_EQ(static_cast<std::size_t>(span->end), text.size() - 1);
  EXPECT_FALSE(locate_quote(folded, "gamma \xE2\x80\xA6 delta").has_value());
  EXPECT_FALSE(locate_quote(folded, "alpha \xE2\x80\xA6 beta \xE2\x80\xA6 delta").has_value());
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

// The index finds every code point where walking the text from its start finds it, across its
// checkpoints and in text of one- to four-byte characters (and a stray invalid byte).
TEST(CodePointIndex, FindsEachCodePointWhereAWalkFromTheStartDoes) {
  std::string text;
  for (int k = 0; k < 50; ++k) text += "a\xC3\xA9\xE2\x80\x99\xF0\x9F\x98\x80 \xFFz";
  CodePointIndex index(text);
  std::vector<std::size_t> starts;
  for (std::size_t i = 0; i < text.size();) {
    starts.push_back(i);
    std::size_t length = static_cast<unsigned char>(text[i]) < 0x80         ? 1
                         : (static_cast<unsigned char>(text[i]) >> 5) == 6  ? 2
                         : (static_cast<unsigned char>(text[i]) >> 4) == 14 ? 3
                         : (static_cast<unsigned char>(text[i]) >> 3) == 30 ? 4
                                                                            : 1;
    i += length;
  }
  ASSERT_EQ(starts.size(), 350u);
  for (std::size_t k = 0; k < starts.size(); ++k)
    ASSERT_EQ(index.byte_offset(static_cast<std::int64_t>(k)), starts[k]) << "code point " << k;
  EXPECT_EQ(index.byte_offset(350), text.size());
  EXPECT_EQ(index.byte_offset(351), std::string_view::npos);
  EXPECT_EQ(index.byte_offset(-1), std::string_view::npos);
  EXPECT_EQ(CodePointIndex("").byte_offset(0), 0u);
}

// Both forms of span_matches_quote agree, the index built once for many spans.
TEST(SpanMatchesQuote, TheIndexFormAgreesWithTheTextForm) {
  std::string source;
  for (int k = 0; k < 40; ++k)
    source += "The " + std::to_string(k) + "th meeting, in Br\xC3\xBCssel \xE2\x80\x94 on 3 May. ";
  CodePointIndex index(source);
  int matched = 0;
  for (std::int64_t start = 0; start < 1500; start += 37)
    for (std::int64_t length : {1, 5, 19, 60}) {
      std::size_t from = index.byte_offset(start), to = index.byte_offset(start + length);
      ASSERT_NE(to, std::string_view::npos);
      std::string quote = source.substr(from, to - from);
      bool matches = span_matches_quote(source, start, start + length, quote);
      EXPECT_EQ(span_matches_quote(index, start, start + length, quote), matches) << start;
      EXPECT_EQ(span_matches_quote(index, start + 1, start + length + 1, quote),
                span_matches_quote(source, start + 1, start + length + 1, quote))
          << start;
      matched += matches;
    }
  EXPECT_GT(matched, 100);
  EXPECT_TRUE(span_matches_quote(index, 0, 3, "The"));
  EXPECT_FALSE(span_matches_quote(index, 1, 4, "The"));
  EXPECT_FALSE(span_matches_quote(index, 1500, 99999, "May"));
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
