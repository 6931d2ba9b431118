// Output on a terminal: when the pager runs (as git decides it), how many screen lines an output
// takes, and help text wrapped to a width.
#include "terminal.hpp"

#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "citations.hpp"
#include "output.hpp"

namespace euiomkb::cli {
namespace {

PagerSituation long_output_on_a_terminal() {
  PagerSituation s;
  s.terminal = true;
  s.lines = 100;
  s.rows = 40;
  return s;
}

TEST(Styles, OnlyOnATerminalAndNeverWithNoColor) {
  EXPECT_TRUE(styles_wanted(true, nullptr));
  EXPECT_TRUE(styles_wanted(true, ""));  // set but empty: as if unset (no-color.org)
  EXPECT_FALSE(styles_wanted(true, "1"));
  EXPECT_FALSE(styles_wanted(false, nullptr));
}

TEST(Styles, CiteShowsTheQuotationBoldOnlyWhenStyled) {
  std::string plain = quotation_in_context("It met. ", "The EU is a donor.", " It grew.");
  EXPECT_EQ(plain, "It met. »The EU is a donor.« It grew.");
  std::string bold = quotation_in_context("It met. ", "The EU is a donor.", " It grew.", true);
  EXPECT_EQ(bold, "It met. »\x1b[1mThe EU is a donor.\x1b[22m« It grew.");
  // A style takes no room: a record's value wraps as the plain text would.
  EXPECT_EQ(display_width(bold), display_width(plain));
}

// A styled value wraps onto the same lines as the plain one: the escape sequences take no
// column and are never split, whatever the width.
TEST(Styles, ABoldQuotationWrapsAsThePlainOneDoes) {
  const std::string before = "The Senior Officials met in Brussels. ";
  const std::string quote = "Migration will for the foreseeable future remain a dominant issue";
  const std::string after = " It was the eleventh meeting.";
  std::string bold = quotation_in_context(before, quote, after, true);
  std::string plain = quotation_in_context(before, quote, after, false);
  auto strip = [](std::string text) {
    for (std::size_t at = text.find('\x1b'); at != std::string::npos; at = text.find('\x1b')) {
      std::size_t end = at + 2;
      while (end < text.size() && !(text[end] >= 0x40 && text[end] <= 0x7E)) ++end;
      text.erase(at, end + 1 - at);
    }
    return text;
  };
  for (std::size_t width : {40U, 47U, 52U, 61U, 80U}) {
    std::ostringstream styled, unstyled;
    for (auto [out, value] : {std::pair{&styled, bold}, std::pair{&unstyled, plain}}) {
      auto writer = make_writer(Format::table, *out, false, width);
      writer->section("citation", {{"quote"}}, Shape::record);
      writer->row({text(value)});
      writer->finish();
    }
    EXPECT_EQ(strip(styled.str()), unstyled.str()) << "width " << width;
    EXPECT_NE(unstyled.str().find('\n'), unstyled.str().size() - 1) << "no wrap at " << width;
  }
}

TEST(Pager, PagesOutputLongerThanTheScreenWithLessByDefault) {
  EXPECT_EQ(pager_for(long_output_on_a_terminal()), std::optional<std::string>("less -FRX"));
}

TEST(Pager, UsesThePagerEnvironmentVariable) {
  PagerSituation s = long_output_on_a_terminal();
  s.pager = "more";
  EXPECT_EQ(pager_for(s), std::optional<std::string>("more"));
}

TEST(Pager, NeverPagesWithoutATerminal) {
  PagerSituation s = long_output_on_a_terminal();
  s.terminal = false;
  EXPECT_EQ(pager_for(s), std::nullopt);
}

TEST(Pager, NoPagerFlagAndPagerCatOrEmptyTurnItOff) {
  PagerSituation s = long_output_on_a_terminal();
  s.no_pager = true;
  EXPECT_EQ(pager_for(s), std::nullopt);
  s.no_pager = false;
  s.pager = "cat";
  EXPECT_EQ(pager_for(s), std::nullopt);
  s.pager = "";
  EXPECT_EQ(pager_for(s), std::nullopt);
}

TEST(Pager, OutputThatFitsTheScreenIsWrittenDirectly) {
  PagerSituation s = long_output_on_a_terminal();
  s.lines = 39;  // one row stays for the prompt
  EXPECT_EQ(pager_for(s), std::nullopt);
  s.lines = 40;
  EXPECT_EQ(pager_for(s), std::optional<std::string>("less -FRX"));
  s.rows = 0;  // the size is unknown
  EXPECT_EQ(pager_for(s), std::nullopt);
}

TEST(ScreenLines, CountsLongLinesAsTheRowsTheyWrapOnto) {
  EXPECT_EQ(screen_lines("", 80), 0u);
  EXPECT_EQ(screen_lines("a\nb\n", 80), 2u);
  EXPECT_EQ(screen_lines("a\n\nb", 80), 3u);
  EXPECT_EQ(screen_lines(std::string(81, 'x') + "\n", 80), 2u);
  EXPECT_EQ(screen_lines(std::string(81, 'x') + "\n", 0), 1u);
  EXPECT_EQ(screen_lines("ø€»«\n", 4), 1u);  // code points, not bytes
}

TEST(Wrap, BreaksLongLinesAtSpacesWithinTheWidth) {
  EXPECT_EQ(wrap("one two three four", 9), "one two\nthree\nfour");
  EXPECT_EQ(wrap("short\nlines stay", 20), "short\nlines stay");
  EXPECT_EQ(wrap("a verylongwordthatdoesnotfit b", 8), "a\nverylongwordthatdoesnotfit\nb");
}

// Every line of the help of the tool and of a command fits 80 columns.
TEST(WrappingFormatter, HelpFitsItsWidth) {
  CLI::App app{"tool", "tool"};
  app.formatter(std::make_shared<WrappingFormatter>(80));
  app.add_option("--long",
                 "a description that goes on and on well past the eighty columns of a terminal, "
                 "as several of ours did");
  app.add_subcommand("sub",
                     "a command whose description is also longer than the room that is "
                     "left of eighty columns once the names' column is taken");
  app.footer(
      "A footer of more than eighty columns: it wraps at spaces as the descriptions do, "
      "keeping its own line breaks.");
  std::istringstream help(app.help());
  std::size_t lines = 0;
  for (std::string line; std::getline(help, line); ++lines) EXPECT_LE(line.size(), 80u) << line;
  EXPECT_GT(lines, 8u);
}

}  // namespace
}  // namespace euiomkb::cli
