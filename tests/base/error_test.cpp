// What an ImportError says: the place of the problem as far as it is known, then the problem.
#include "euiomkb/error.hpp"

#include <gtest/gtest.h>

#include <string>

#include "euiomkb/import.hpp"

namespace euiomkb {
namespace {

TEST(ImportErrorText, NamesFileLineColumnAndFieldWhenKnown) {
  EXPECT_STREQ(ImportError("a.facts", 3, "date", "not a date", 0, 9).what(),
               "a.facts:3:9: field 'date': not a date");
  EXPECT_STREQ(ImportError("a.facts", 3, "", "unknown record kind").what(),
               "a.facts:3: unknown record kind");
  EXPECT_STREQ(ImportError("a.facts", 0, "", "cannot be read").what(), "a.facts: cannot be read");
}

// A failure of the import as a whole (verify() of the result, say) has no file: its text is the
// problem alone, never one that starts with ": ".
TEST(ImportErrorText, IsTheProblemAloneWithoutAFile) {
  ImportError whole("", 0, "", "the import was refused");
  EXPECT_STREQ(whole.what(), "the import was refused");
  EXPECT_EQ(whole.problem(), "the import was refused");
  EXPECT_TRUE(whole.file().empty());
  EXPECT_STREQ(ImportError("", 0, "role", "not a role").what(), "field 'role': not a role");
  EXPECT_STREQ(ImportError("", 4, "", "bad line", 0, 2).what(), "line 4:2: bad line");
}

// ImportProblem::to_string and ImportError::what agree on a problem with a file and on one of
// the import as a whole.
TEST(ImportErrorText, AgreesWithImportProblem) {
  ImportProblem located{"b.facts", 7, 0, "cite", "quotation not found"};
  EXPECT_EQ(located.to_string(), "b.facts:7: field 'cite': quotation not found");
  ImportProblem whole{"", 0, 0, "", "the import would leave the database failing verify()"};
  EXPECT_EQ(whole.to_string(),
            ImportError(whole.file, whole.line, whole.field, whole.message).what());
}

}  // namespace
}  // namespace euiomkb
