// The text writer's tables: aligned to their widest cell while they fit the window of
// kAlignedRows rows; longer sections print the window aligned, then stream the rest, complete
// and in order, with the window's widths. The machine format rule: one document per format,
// one table for CSV and TSV, --part for one part.
#include "output.hpp"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

namespace euiomkb::cli {
namespace {

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

TEST(AmountText, KeepsTheStoredNumberAndSaysItsBound) {
  EXPECT_EQ(amount_text(590000000, std::string("EUR"), std::string("more_than")),
            "more than EUR 590,000,000");
  EXPECT_EQ(amount_text(1000, std::string("USD"), std::string("at_least")), "at least USD 1,000");
  EXPECT_EQ(amount_text(12, std::nullopt, std::string("about")), "about 12");
  EXPECT_EQ(amount_text(999, std::string("EUR"), std::string("exact")), "EUR 999");
  EXPECT_EQ(amount_text(1234567, std::string("EUR"), std::nullopt), "EUR 1,234,567");
  EXPECT_EQ(amount_text(-9223372036854775807 - 1, std::nullopt, std::nullopt),
            "-9,223,372,036,854,775,808");
}

TEST(TableWriter, AlignsASectionThatFitsTheWindowToItsWidestCell) {
  std::ostringstream out;
  auto writer = make_writer(Format::table, out, false);
  writer->section("rows", {{"n"}, {"name"}});
  writer->row({integer(1), text(std::string("a"))});
  writer->row({integer(100), Value()});
  writer->row({integer(12), text(std::string("ccc"))});
  writer->finish();
  EXPECT_EQ(out.str(),
            "n    name\n"
            "---  ----\n"
            "1    a\n"
            "100  -\n"
            "12   ccc\n");
}

TEST(TableWriter, StreamsTheRowsAfterTheWindowWithTheWindowsWidths) {
  std::ostringstream out;
  auto writer = make_writer(Format::table, out, true);
  writer->section("numbers", {{"n"}, {"label"}, {"last"}});
  const std::size_t total = kAlignedRows + 5;
  for (std::size_t i = 0; i < total; ++i) {
    // Inside the window every n has at most 3 digits; after it, wider values arrive.
    std::int64_t n = i < kAlignedRows ? static_cast<std::int64_t>(i) : 123456789;
    writer->row({integer(n), text(std::string(i + 2 == total ? "a much longer label" : "l")),
                 text(std::string("z"))});
  }
  writer->section("empty", {{"x"}});
  writer->finish();

  std::vector<std::string> got = lines(out.str());
  ASSERT_EQ(got.size(), 1 + 2 + total + 1 + 1 + 1);
  EXPECT_EQ(got[0], "numbers");
  EXPECT_EQ(got[1], "  n    label  last");
  EXPECT_EQ(got[2], "  ---  -----  ----");
  for (std::size_t i = 0; i < kAlignedRows; ++i) {
    std::string n = std::to_string(i);
    ASSERT_EQ(got[3 + i], "  " + n + std::string(5 - n.size(), ' ') + "l      z") << i;
  }
  // Past the window: the same widths, a longer cell pushing the rest of its line.
  EXPECT_EQ(got[3 + kAlignedRows], "  123456789  l      z");
  EXPECT_EQ(got[3 + total - 2], "  123456789  a much longer label  z");
  EXPECT_EQ(got[3 + total - 1], "  123456789  l      z");
  EXPECT_EQ(got[3 + total], "");
  EXPECT_EQ(got[4 + total], "empty");
  EXPECT_EQ(got[5 + total], "  (none)");
}

TEST(TableWriter, RecordSectionsAlignTheirFieldNames) {
  std::ostringstream out;
  auto writer = make_writer(Format::table, out, false);
  writer->section("meeting", {{"title"}, {"held_on"}}, Shape::record);
  writer->row({text(std::string("SOM 11")), Value()});
  writer->finish();
  EXPECT_EQ(out.str(), "title    SOM 11\nheld_on  -\n");
}

// A table of a name, a source id, a secondary note, a long quotation and the citations, as a
// report writes one.
std::string fitted_quotations(std::size_t width) {
  std::ostringstream out;
  auto writer = make_writer(Format::table, out, false, width);
  writer->section("quotes", {{"who"},
                             {"source_id", ColumnType::integer},
                             secondary_column("note"),
                             {"quote"},
                             {"cited", ColumnType::id_list}});
  writer->row({text(std::string("Ann")), integer(7), text(std::string("checked twice")),
               text(std::string("Migration will for the foreseeable future remain a dominant "
                                "issue of our time")),
               text(std::string("12 13"))});
  writer->row({text(std::string("Bo")), integer(8), Value(), text(std::string("Short.")),
               text(std::string("14"))});
  writer->finish();
  return out.str();
}

TEST(TableWriter, WithinAWidthHidesIdThenSecondaryColumnsAndSaysWhich) {
  std::vector<std::string> got = lines(fitted_quotations(40));
  ASSERT_FALSE(got.empty());
  EXPECT_EQ(got[0], "who  quote" + std::string(25, ' ') + "cited");
  ASSERT_GE(got.size(), 2u);
  // The line naming them wraps to the width too.
  EXPECT_EQ(got[got.size() - 2], "(2 columns hidden: source_id, note;");
  EXPECT_EQ(got.back(), "--wide shows all)");
  // Wide enough for every cell: nothing hidden, no note.
  std::string wide = fitted_quotations(200);
  EXPECT_EQ(lines(wide)[0].rfind("who  source_id  note", 0), 0u) << wide;
  EXPECT_EQ(wide.find("hidden"), std::string::npos);
  // Without a width (--wide, a pipe) nothing is fitted either.
  EXPECT_EQ(fitted_quotations(0), wide);
}

TEST(TableWriter, WithinAWidthWrapsLongCellsAtSpacesBeforeCuttingAnything) {
  std::string text = fitted_quotations(40);
  EXPECT_EQ(text.find("…"), std::string::npos) << text;
  std::vector<std::string> got = lines(text);
  EXPECT_EQ(got[2], "Ann  Migration will for the" + std::string(8, ' ') + "12 13");
  EXPECT_EQ(got[3], "     foreseeable future remain a");
  EXPECT_EQ(got[4], "     dominant issue of our time");
  EXPECT_EQ(got[5], "Bo   Short." + std::string(24, ' ') + "14");
  for (const std::string& line : got) {
    EXPECT_LE(display_width(line), 40u) << line;
    EXPECT_FALSE(!line.empty() && line.back() == ' ') << "'" << line << "'";
  }
}

TEST(TableWriter, CutsOnlyWhenAWordCannotFitAndNeverAWholeColumn) {
  std::ostringstream out;
  auto writer = make_writer(Format::table, out, false, 29);
  writer->section("keys", {whole_column("key"), {"label"}});
  writer->row({text(std::string("home-affairs-conference")), text(std::string("Conference"))});
  writer->finish();
  std::vector<std::string> got = lines(out.str());
  ASSERT_EQ(got.size(), 4u);
  // The name of a column narrower than it is broken, never cut short.
  EXPECT_EQ(got[0], "key" + std::string(22, ' ') + "labe");
  EXPECT_EQ(got[1], std::string(25, ' ') + "l");
  EXPECT_EQ(got[3], "home-affairs-conference  Con…");
}

// The names of a crowded table (funding at 80 columns) wrap after their "_" before any cell
// is cut, and are never cut short.
TEST(TableWriter, WithinAWidthWrapsColumnNamesAfterTheirUnderscores) {
  std::ostringstream out;
  auto writer = make_writer(Format::table, out, false, 30);
  writer->section("funding", {{"period_start"}, {"period_end"}, {"measure"}});
  writer->row({text(std::string("2024-01")), text(std::string("2024-12")),
               text(std::string("a measure of funding as stated"))});
  writer->finish();
  std::string text = out.str();
  EXPECT_EQ(text.find("…"), std::string::npos) << text;
  std::vector<std::string> got = lines(text);
  ASSERT_GE(got.size(), 4u) << text;
  EXPECT_EQ(got[0], "period_     period_    measure") << text;
  EXPECT_EQ(got[1], "start       end") << text;
  EXPECT_EQ(got[2], "----------  ---------  -------") << text;
  for (const std::string& line : got) EXPECT_LE(display_width(line), 30u) << line;
}

// A record with two parts, as `meeting` writes one.
void write_two_parts(Writer& writer) {
  writer.section("meeting", {{"key"}, {"title"}}, Shape::record);
  writer.row({text(std::string("som-1")), text(std::string("First, \"SOM\""))});
  writer.section("attendees", {{"person"}, key_column("person_key")});
  writer.row({text(std::string("Ann")), text(std::string("ann"))});
  writer.finish();
}

TEST(MachineFormats, CsvOfSeveralPartsWritesNothingAndNamesTheParts) {
  for (Format format : {Format::csv, Format::tsv}) {
    std::ostringstream out;
    auto writer = make_writer(format, out, true);
    try {
      write_two_parts(*writer);
      ADD_FAILURE() << "no usage error";
    } catch (const UsageError& e) {
      EXPECT_NE(std::string(e.what()).find("several parts: meeting, attendees; choose one with "
                                           "--part NAME"),
                std::string::npos)
          << e.what();
    }
    EXPECT_EQ(out.str(), "");
  }
}

TEST(MachineFormats, PartKeepsOneSectionAsTheWholeDocument) {
  std::ostringstream csv;
  write_two_parts(*make_writer(Format::csv, csv, true, 0, "meeting"));
  EXPECT_EQ(csv.str(), "key,title\nsom-1,\"First, \"\"SOM\"\"\"\n");
  std::ostringstream json;
  write_two_parts(*make_writer(Format::json, json, true, 0, "attendees"));
  EXPECT_EQ(json.str(), "[\n  {\"person\":\"Ann\",\"person_key\":\"ann\"}\n]\n");
  std::ostringstream table;
  write_two_parts(*make_writer(Format::table, table, true, 0, "attendees"));
  EXPECT_EQ(table.str(), "person\n------\nAnn\n");  // the key is for programs only
}

TEST(MachineFormats, APartTheAnswerDoesNotHaveIsAUsageErrorListingThem) {
  std::ostringstream out;
  auto writer = make_writer(Format::json, out, true, 0, "topics");
  EXPECT_THROW(write_two_parts(*writer), UsageError);
  EXPECT_EQ(out.str(), "");
  EXPECT_THROW(check_part(Format::json, "topics", {"meeting", "attendees"}), UsageError);
  EXPECT_THROW(check_part(Format::csv, "", {"meeting", "attendees"}), UsageError);
  EXPECT_NO_THROW(check_part(Format::csv, "", {"keys"}));
  EXPECT_NO_THROW(check_part(Format::json, "", {"meeting", "attendees"}));
}

TEST(MachineFormats, JsonOfSeveralPartsIsOneObjectAndASummaryItsOwnMembers) {
  std::ostringstream out;
  auto writer = make_writer(Format::json, out, true);
  writer->section("verify", {{"ok", ColumnType::boolean}, {"n", ColumnType::integer}},
                  Shape::summary);
  writer->row({boolean(true), integer(3)});
  writer->section("failures", {{"rule"}, {"row_key"}});
  writer->finish();
  EXPECT_EQ(out.str(), "{\n  \"ok\": true,\n  \"n\": 3,\n  \"failures\": []\n}\n");
}

TEST(MachineFormats, AnUnsectionedDocumentCannotTakeASecondSection) {
  for (Format format : {Format::json, Format::csv}) {
    std::ostringstream out;
    auto writer = make_writer(format, out, false);
    writer->section("1", {{"a"}});
    EXPECT_THROW(writer->section("2", {{"b"}}), std::logic_error);
  }
}

}  // namespace
}  // namespace euiomkb::cli
