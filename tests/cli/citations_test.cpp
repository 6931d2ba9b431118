// A record's citations section lists each citation once, first use first, whether the ids it
// has seen are held in memory or, past CitationNotes' limit, as bits and a scratch file.
#include "citations.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>

#include "output.hpp"
#include "seeded_suite.hpp"

namespace euiomkb::cli {
namespace {

class CitationNotesTest : public test::SeededSuite {
 protected:
  // The citations section after noting, in order, the citations of every meeting, its
  // attendance and its organisations, twice over (every id is seen again), and the notes'
  // ids of each noted row.
  static std::pair<std::string, std::string> noted(std::size_t in_memory) {
    CitationNotes notes(kb(), in_memory);
    std::string ids;
    for (int pass = 0; pass < 2; ++pass)
      kb().meetings().each([&](const Meeting& m) {
        for (const Value& v : {notes.of(m), notes.of("meeting", m.id.value())})
          if (const auto* s = std::get_if<std::string>(&v)) ids += *s + "\n";
        for (const Attendance& a : kb().meetings().attendance(m.id)) {
          Value v = notes.of(a);
          if (const auto* s = std::get_if<std::string>(&v)) ids += *s + "\n";
        }
      });
    std::ostringstream out;
    auto writer = make_writer(Format::json, out, true, 0, "citations");
    notes.write(*writer);
    writer->finish();
    return {out.str(), ids};
  }
};

TEST_F(CitationNotesTest, TheSectionIsTheSameInMemoryAndSpilled) {
  auto [kept, kept_ids] = noted(CitationNotes::kInMemory);
  auto [spilled, spilled_ids] = noted(8);
  EXPECT_EQ(spilled, kept);
  EXPECT_EQ(spilled_ids, kept_ids);
  // Each listed once.
  std::set<std::int64_t> ids;
  for (const auto& row : nlohmann::json::parse(kept)) {
    EXPECT_TRUE(ids.insert(row.at("citation").get<std::int64_t>()).second) << row;
  }
  EXPECT_GT(ids.size(), 30U);  // so that most were spilled
}

}  // namespace
}  // namespace euiomkb::cli
