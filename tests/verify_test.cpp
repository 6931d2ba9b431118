#include <gtest/gtest.h>

#include "euiomkb/euiomkb.hpp"
#include "test_support.hpp"

namespace euiomkb {
namespace {

using test::TempPath;

class VerifyTest : public ::testing::Test {
 protected:
  void SetUp() override { KnowledgeBase::create_seeded(path_.str()); }
  // Applies `sql` behind the library's back, then returns the problems verify() reports.
  std::vector<std::string> problems_after(const std::string& sql) {
    test::raw_exec(path_.str(), sql);
    return KnowledgeBase::open(path_.str()).verify().problems;
  }
  static bool any_contains(const std::vector<std::string>& problems, const std::string& part) {
    for (const auto& p : problems)
      if (p.find(part) != std::string::npos) return true;
    return false;
  }
  TempPath path_;
};

TEST_F(VerifyTest, SeedPassesEveryCheck) {
  VerificationReport report = KnowledgeBase::open(path_.str()).verify();
  EXPECT_TRUE(report.ok()) << (report.problems.empty() ? "" : report.problems.front());
  EXPECT_GT(report.citations_checked, 100);
  EXPECT_GT(report.rows_checked, 100);
}

TEST_F(VerifyTest, TamperedQuotationFails) {
  auto problems = problems_after(
      "UPDATE citation SET quote = replace(quote, 'IOM', 'UNHCR') "
      "WHERE citation_id = (SELECT min(citation_id) FROM citation WHERE quote LIKE '%IOM%')");
  EXPECT_TRUE(any_contains(problems, "quotation not found")) << problems.size();
}

TEST_F(VerifyTest, ShiftedOffsetsFail) {
  auto problems = problems_after(
      "UPDATE citation SET start_offset = start_offset + 3, end_offset = end_offset + 3 "
      "WHERE citation_id = (SELECT max(citation_id) FROM citation)");
  EXPECT_TRUE(any_contains(problems, "at its offsets"));
}

TEST_F(VerifyTest, CitationOfMissingRecordFails) {
  auto problems = problems_after(
      "INSERT INTO citation (subject_type, subject_id, source_id, quote, start_offset, end_offset) "
      "SELECT 'meeting', 999999, source_id, quote, start_offset, end_offset FROM citation LIMIT 1");
  EXPECT_TRUE(any_contains(problems, "cites a missing meeting 999999"));
}

TEST_F(VerifyTest, DanglingForeignKeyFails) {
  auto problems = problems_after(
      "PRAGMA foreign_keys = OFF; INSERT INTO attendance (meeting_id, person_id, role, "
      "attested_as) SELECT min(meeting_id), 999999, 'participant', 'reported' FROM meeting");
  EXPECT_TRUE(any_contains(problems, "foreign_key_check: attendance"));
}

TEST_F(VerifyTest, CitationOfMissingSourceIsReportedNotThrown) {
  auto problems = problems_after(
      "PRAGMA foreign_keys = OFF; UPDATE citation SET source_id = 999999 "
      "WHERE citation_id = (SELECT min(citation_id) FROM citation)");
  EXPECT_TRUE(any_contains(problems, "foreign_key_check: citation"));
}

TEST_F(VerifyTest, UncitedRowFails) {
  auto problems = problems_after(
      "INSERT INTO topic (meeting_id, label) SELECT min(meeting_id), 'an uncited topic' "
      "FROM meeting");
  EXPECT_TRUE(any_contains(problems, "has no citation"));
}

TEST_F(VerifyTest, TwoPreferredValuesFail) {
  auto problems = problems_after("UPDATE claim SET preferred = 1");
  EXPECT_TRUE(any_contains(problems, "preferred values instead of one"));
}

TEST_F(VerifyTest, EditedSourceTextFails) {
  auto problems = problems_after(
      "UPDATE source SET text = text || ' ' WHERE source_id = (SELECT min(source_id) FROM source)");
  EXPECT_TRUE(any_contains(problems, "SHA-256 mismatch"));
}

}  // namespace
}  // namespace euiomkb
