// A record's citations section lists each citation once, first use first, whether the ids it
// has seen are held in memory or, past CitationNotes' limit, as bits and a scratch file.
#include "citations.hpp"

#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>

#include "output.hpp"
#include "seeded_suite.hpp"
#include "temp_path.hpp"

namespace euiomkb::cli {
namespace {

// The citations section after noting, in order, the citations of every meeting and its
// attendance, twice over (every id is seen again), and the notes' ids of each noted row.
std::pair<std::string, std::string> noted(const KnowledgeBase& kb, std::size_t in_memory) {
  CitationNotes notes(kb, in_memory);
  std::string ids;
  for (int pass = 0; pass < 2; ++pass)
    kb.meetings().each([&](const Meeting& m) {
      for (const Value& v : {notes.of(m), notes.of("meeting", m.id.value())})
        if (const auto* s = std::get_if<std::string>(&v)) ids += *s + "\n";
      for (const Attendance& a : kb.meetings().attendance(m.id)) {
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

class CitationNotesTest : public test::SeededSuite {};

TEST_F(CitationNotesTest, TheSectionIsTheSameInMemoryAndSpilled) {
  auto [kept, kept_ids] = noted(kb(), CitationNotes::kInMemory);
  auto [spilled, spilled_ids] = noted(kb(), 8);
  EXPECT_EQ(spilled, kept);
  EXPECT_EQ(spilled_ids, kept_ids);
  // Each listed once.
  std::set<std::int64_t> ids;
  for (const auto& row : nlohmann::json::parse(kept)) {
    EXPECT_TRUE(ids.insert(row.at("citation").get<std::int64_t>()).second) << row;
  }
  EXPECT_GT(ids.size(), 30U);  // so that most were spilled
}

// A citation id SQLite gives only to a row made by hand (negative, or far above the rows) is
// remembered too, without a bit for every id below it.
TEST(CitationNotesFile, IdsOutsideTheBitsAreRememberedOnce) {
  test::TempPath path("euiomkb-citation-notes");
  KnowledgeBase::create_seeded(path.str());
  {
    SQLite::Database db(path.str(), SQLite::OPEN_READWRITE);
    db.exec(
        "UPDATE citation SET citation_id = -5 WHERE citation_id = (SELECT min(citation_id) "
        "FROM citation WHERE subject_type = 'attendance');"
        "UPDATE citation SET citation_id = 1099511627776 WHERE citation_id = "
        "(SELECT max(citation_id) FROM citation WHERE subject_type = 'attendance')");
  }
  KnowledgeBase kb = KnowledgeBase::open(path.str());
  auto [kept, kept_ids] = noted(kb, CitationNotes::kInMemory);
  auto [spilled, spilled_ids] = noted(kb, 8);
  EXPECT_EQ(spilled, kept);
  EXPECT_EQ(spilled_ids, kept_ids);
  std::map<std::int64_t, int> listed;
  for (const auto& row : nlohmann::json::parse(spilled))
    ++listed[row.at("citation").get<std::int64_t>()];
  EXPECT_EQ(listed[-5], 1);
  EXPECT_EQ(listed[1099511627776], 1);
}

}  // namespace
}  // namespace euiomkb::cli
