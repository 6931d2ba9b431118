#include "import/fact_file.hpp"

#include <gtest/gtest.h>

#include "euiomkb/error.hpp"

namespace euiomkb::detail {
namespace {

TEST(ParseFacts, ReadsRecordsFieldsContinuationsAndCitations) {
  auto records = parse_facts("f.facts",
                             "# comment\n"
                             "meeting som-1\n"
                             "  title: First meeting\n"
                             "  cite: doc | the first\n"
                             "    SOM takes place\n"
                             "\n"
                             "topic\n"
                             "  meeting: som-1\n");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].kind, "meeting");
  EXPECT_EQ(records[0].key, "som-1");
  EXPECT_EQ(records[0].line, 2);
  ASSERT_NE(records[0].field("title"), nullptr);
  EXPECT_EQ(records[0].field("title")->value, "First meeting");
  ASSERT_EQ(records[0].cites.size(), 1u);
  EXPECT_EQ(records[0].cites[0].source_key, "doc");
  EXPECT_EQ(records[0].cites[0].quote, "the first SOM takes place");
  EXPECT_EQ(records[0].cites[0].line, 4);
  EXPECT_FALSE(records[1].key.has_value());
  EXPECT_EQ(records[1].field("meeting")->line, 8);
}

TEST(ParseFacts, AcceptsWindowsLineEndingsAndAByteOrderMark) {
  auto records = parse_facts("f.facts", "\xEF\xBB\xBFperson p\r\n  name: Amy Pope\r\n");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].kind, "person");
  EXPECT_EQ(records[0].field("name")->value, "Amy Pope");
}

void expect_error(const std::string& text, int line, const std::string& field) {
  try {
    parse_facts("bad.facts", text);
    FAIL() << "no error for:\n" << text;
  } catch (const ImportError& e) {
    EXPECT_EQ(e.file(), "bad.facts");
    EXPECT_EQ(e.line(), line) << e.what();
    EXPECT_EQ(e.field(), field) << e.what();
    EXPECT_NE(std::string(e.what()).find("bad.facts:" + std::to_string(line)), std::string::npos);
  }
}

TEST(ParseFacts, ReportsFileLineAndFieldOfSyntaxErrors) {
  expect_error("  title: orphan\n", 1, "");
  expect_error("meeting som-1\n  title:\n", 2, "title");
  expect_error("meeting som-1\n  title: a\n  title: b\n", 3, "title");
  expect_error("meeting Som_1\n", 1, "");
  expect_error("meeting som-1\n   title: three spaces\n", 2, "");
  expect_error("meeting som-1\n  cite: doc without bar\n", 2, "cite");
  expect_error("meeting som-1\n\n    continued after a blank line\n", 3, "");
}

TEST(ParseFacts, NamesTheFieldOfABadCharacterOrAnOverlongLine) {
  expect_error(
      "meeting m\n  title: a\x01"
      "b\n",
      2, "title");
  expect_error(std::string("meeting m\n  title: a") + '\0' + "b\n", 2, "title");
  expect_error("meeting m\n  title: a\n    b\xC3(\n", 3, "title");  // in its continuation
  expect_error("meeting m\n  cite: doc | a\n    b\x7F\n", 3, "cite");
  expect_error("meeting m\n  cite: doc | a\n  cite_note: b\x1B[0m\n", 3, "cite_note");
  expect_error("meeting m\n  note: " + std::string(FactReader::kMaxLineBytes, 'x') + "\n", 2,
               "note");
  expect_error("meeting m\n  note: a\n    " + std::string(FactReader::kMaxLineBytes, 'x') + "\n", 3,
               "note");
  std::string long_value = "meeting m\n  note: a\n";  // grows by 1001 bytes a line
  for (int i = 0; i < 70; ++i) long_value += "    " + std::string(1000, 'x') + "\n";
  expect_error(long_value, 2 + 66, "note");  // 1 + 66 * 1001 > 65536
}

TEST(ParseFacts, NamesAFieldNameThatIsNotOne) {
  try {
    parse_facts("bad.facts", "meeting m\n  title2: x\n");
    FAIL() << "no error";
  } catch (const ImportError& e) {
    EXPECT_EQ(e.line(), 2);
    EXPECT_EQ(e.field(), "title2");
    EXPECT_NE(std::string(e.what()).find("lower-case letters and '_'"), std::string::npos)
        << e.what();
  }
}

TEST(ParseFacts, AFieldLineDamagedAtItsStartBelongsToTheRecordAbove) {
  // A no-break space, a tab or a bad byte before the indent: the line is the record's, not a
  // record header, so the record is damaged (not complete without its name) and the problem
  // names the field.
  for (std::string start : {"\xC2\xA0\xC2\xA0", "\t", "\x80  ", "\xEF\xBB\xBF  "}) {
    SCOPED_TRACE(start);
    std::vector<ImportError> problems;
    std::string text = "person p\n" + start + "name: Jane\n  honorific: Dr\n";
    FactReader reader("f.facts", text);  // reads `text` in place
    reader.collect_errors([&](const ImportError& e) { problems.push_back(e); });
    std::vector<FactRecord> records;
    while (auto record = reader.next()) records.push_back(std::move(*record));
    std::string all;
    for (const ImportError& e : problems) all += std::string(e.what()) + "\n";
    ASSERT_EQ(problems.size(), 1u) << all;
    EXPECT_EQ(problems[0].line(), 2);
    EXPECT_EQ(problems[0].field(), "name");
    ASSERT_EQ(records.size(), 1u);
    EXPECT_TRUE(records[0].damaged);
    EXPECT_NE(records[0].field("honorific"), nullptr);
  }
}

}  // namespace
}  // namespace euiomkb::detail

#include <regex>

#include "kinds/record_kinds.hpp"
#include "test_support.hpp"

namespace euiomkb::detail {
namespace {

TEST(FactFormat, DocumentedRecordKindsAreExactlyTheLoadersKinds) {
  std::string format = test::seed_file("seed/FORMAT.md");
  std::vector<std::string> documented;
  std::regex row(R"(\n\| ([a-z_]+)(?: \(key\*\))? \|)");
  for (std::sregex_iterator it(format.begin(), format.end(), row), end; it != end; ++it)
    if ((*it)[1] != "kind") documented.push_back((*it)[1]);  // skip the header row
  std::vector<std::string> loaded;
  for (const auto& kind : record_kinds()) loaded.emplace_back(kind.kind);
  EXPECT_EQ(documented, loaded) << "seed/FORMAT.md and lib/import/fact_loader.cpp disagree";
}

}  // namespace
}  // namespace euiomkb::detail
