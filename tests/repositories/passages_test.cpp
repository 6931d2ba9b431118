// A citation as a reader needs it (KnowledgeBase::passage, passages): the quotation in the
// sentences around it, the source by title and date, a stable anchor, a reference and a URL
// text fragment encoded as the specification requires.
#include <gtest/gtest.h>

#include <string>

#include "euiomkb/euiomkb.hpp"
#include "seeded_suite.hpp"
#include "text/text.hpp"

namespace euiomkb {
namespace {

class Passages : public test::SeededSuite {
 protected:
};

std::size_t code_points(const std::string& s) {
  std::size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// Every citation of the seed: the context and the passage read, in order, as one stretch of the
// source with its white space folded; the passage is the cited span; the context stops at 400
// code points a side; the source is described by title, never by file name alone.
TEST_F(Passages, EveryPassageIsItsSourceAroundTheQuotation) {
  int checked = 0;
  kb().each_citation([&](const Citation& c) {
    auto p = kb().passage(c.id);
    ASSERT_TRUE(p.has_value());
    EXPECT_EQ(p->citation.quote, c.quote);
    auto text = kb().sources().text(c.source_id);
    ASSERT_TRUE(text.has_value());
    std::string folded_source = detail::fold_whitespace(*text).text;
    std::string whole = detail::fold_whitespace(p->before + p->passage + p->after).text;
    EXPECT_NE(folded_source.find(whole), std::string::npos) << "citation " << c.id.value();
    EXPECT_LE(code_points(p->before), 400U);
    EXPECT_LE(code_points(p->after), 400U);
    EXPECT_FALSE(p->source.title.empty());
    EXPECT_NE(p->reference.find(p->source.title), std::string::npos);
    EXPECT_EQ(p->reference.find(p->source.file_name), std::string::npos) << p->reference;
    EXPECT_EQ(p->anchor, passage_anchor(p->source.sha256, c.start_offset, c.end_offset));
    ++checked;
  });
  EXPECT_GT(checked, 500);
}

TEST_F(Passages, ContextIsTheSentenceBeforeAndTheSentenceAfter) {
  // "The first EU-IOM Senior Officials Meeting ... was held in Brussels on 3 May 2013." is a whole
  // sentence of the IOM news release of 2025; what surrounds it is one sentence a side.
  auto som1 = kb().meetings().by_key("som-1");
  ASSERT_TRUE(som1.has_value());
  bool found = false;
  for (const Passage& p : kb().passages_for(*som1)) {
    if (p.citation.quote.rfind("The first EU-IOM Senior Officials Meeting", 0) != 0) continue;
    found = true;
    EXPECT_EQ(p.subject_type, "meeting");
    EXPECT_EQ(p.subject_key, "som-1");
    EXPECT_EQ(p.source.published->to_string(), "2025-04-04");
    // One sentence before: it ends with a full stop and holds no other sentence end.
    std::string before = detail::fold_whitespace(p.before).text;
    ASSERT_FALSE(before.empty());
    EXPECT_EQ(before.back(), '.');
    EXPECT_EQ(before.substr(0, before.size() - 1).find(". "), std::string::npos) << before;
    std::string after = detail::fold_whitespace(p.after).text;
    ASSERT_FALSE(after.empty());
    EXPECT_EQ(after.substr(0, after.size() - 1).find(". "), std::string::npos) << after;
    EXPECT_NE(p.reference.find("2025-04-04"), std::string::npos) << p.reference;
  }
  EXPECT_TRUE(found);
}

TEST_F(Passages, UnknownCitationIsNoPassage) {
  EXPECT_FALSE(kb().passage(CitationId(999999)).has_value());
  EXPECT_TRUE(kb().passages("meeting", 999999).empty());
}

TEST(TextDirective, EncodesWhatTheGrammarReserves) {
  EXPECT_EQ(text_directive("EU-IOM  meeting,\n held & done"),
            "EU%2DIOM%20meeting%2C%20held%20%26%20done");
  EXPECT_EQ(text_directive("Sørensen"), "S%C3%B8rensen");
  // Parts an ellipsis joins: the start,end form.
  EXPECT_EQ(text_directive("Senior officials \u2026 met in Brussels"),
            "Senior%20officials,met%20in%20Brussels");
}

TEST(TextDirective, LongQuotationsUseTheFirstAndLastWords) {
  std::string quote = "one two three four five";
  for (int i = 0; i < 80; ++i) quote += " filler";
  quote += " six seven eight nine ten";
  EXPECT_EQ(text_directive(quote),
            "one%20two%20three%20four%20five,six%20seven%20eight%20nine%20ten");
}

TEST(PassageAnchor, IsTheSourceHashPrefixAndTheOffsets) {
  EXPECT_EQ(passage_anchor("c62c9d0eb1eff114aaaaaaaaaaaa", 242, 287), "p-c62c9d0eb1ef-242-287");
}

}  // namespace
}  // namespace euiomkb
