// The seed: documents travel unchanged, every fact file is embedded, and counts add up.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <variant>

#include "euiomkb/euiomkb.hpp"
#include "kb/embedded.hpp"
#include "test_support.hpp"

namespace euiomkb {
namespace {

namespace fs = std::filesystem;

TEST(Seed, DocumentsInTheDatabaseAreTheFilesUnderSeedSources) {
  KnowledgeBase kb = KnowledgeBase::create_seeded(":memory:");
  auto sources = kb.sources().all();
  ASSERT_EQ(sources.size(), 5u);
  for (const auto& source : sources) {
    std::string file = test::seed_file("seed/sources/" + source.file_name);
    EXPECT_EQ(source.text, file) << source.file_name;
    EXPECT_EQ(source.sha256, detail::sha256_hex(file)) << source.file_name;
  }
}

TEST(Seed, EveryFactFileIsEmbedded) {
  std::size_t on_disk = 0;
  for (const auto& entry : fs::directory_iterator(std::string(EUIOMKB_SOURCE_DIR) + "/seed/facts"))
    if (entry.path().extension() == ".facts") ++on_disk;
  EXPECT_EQ(detail::seed_facts().size(), on_disk);
  for (const auto& file : detail::seed_facts())
    EXPECT_EQ(detail::sha256_hex(file.text),
              detail::sha256_hex(test::seed_file("seed/facts/" + std::string(file.name))))
        << file.name << " changed since the build: rebuild to embed it";
}

TEST(Seed, CountsCoverTheDocuments) {
  Counts c = KnowledgeBase::create_seeded(":memory:").counts();
  EXPECT_EQ(c.sources, 5);
  EXPECT_EQ(c.meetings, 6);  // SOM 1, 2, 3, 11, the HOU meeting of 2015-12-09, the 2014 conference
  EXPECT_GE(c.people, 18);
  EXPECT_GE(c.attendances, 19);
  EXPECT_GE(c.topics, 30);
  EXPECT_GE(c.conflicting_claims, 2);
  EXPECT_GT(c.citations, c.attendances + c.topics + c.people);
}

TEST(Seed, UnstatedValuesStayNull) {
  KnowledgeBase kb = KnowledgeBase::create_seeded(":memory:");
  auto faq = kb.sources().by_file_name("000_a0d3ddcd3abb330b.txt");
  ASSERT_TRUE(faq.has_value());
  EXPECT_FALSE(faq->published.has_value()) << "the FAQ is undated";
  auto pope = kb.people().by_name("Amy Pope");
  ASSERT_TRUE(pope.has_value());
  auto tenures = kb.people().tenures(pope->id);
  ASSERT_EQ(tenures.size(), 1u);
  EXPECT_FALSE(tenures[0].start_date.has_value()) << "no document says when she took office";
  EXPECT_FALSE(tenures[0].end_date.has_value());
  EXPECT_EQ(tenures[0].attested_from, PartialDate(2025, 4, 4));
  // "29-20 Jan 2014" is garbled: only the month is kept, no day is made up.
  bool found = false;
  for (const auto& meeting : kb.meetings().all()) {
    if (meeting.title.find("future of Home Affairs") == std::string::npos) continue;
    found = true;
    EXPECT_EQ(meeting.held_on, PartialDate(2014, 1));
  }
  EXPECT_TRUE(found);
}

// v_agreement: concluded_on and in_force_from come from the agreement, else from
// an agreement_date of that kind; dated_events lists every dated event, marking a basis that is
// not a document's; Agreement reads the same.
TEST(Seed, AgreementViewReadsDatesOfTheStatedKind) {
  KnowledgeBase kb = KnowledgeBase::create_seeded(":memory:");
  SqlOptions write;
  write.allow_writes = true;
  auto rows = [&](const std::string& sql, const SqlOptions& options = {}) {
    std::vector<std::string> out;
    kb.run_sql(
        sql, options, [](const std::vector<std::string>&) {},
        [&](const std::vector<SqlValue>& row) {
          std::string line;
          for (const SqlValue& v : row)
            line += (line.empty() ? "" : "|") +
                    (std::holds_alternative<std::string>(v) ? std::get<std::string>(v) : "-");
          out.push_back(line);
        });
    return out;
  };
  const std::string fa =
      "SELECT concluded_on, in_force_from, first_dated_on, first_dated_event, dated_events "
      "FROM v_agreement WHERE key = 'framework-agreement-2011'";
  EXPECT_EQ(rows(fa), std::vector<std::string>{"-|-|2011|agreed|agreed 2011; signed 2011-11"});
  rows(
      "INSERT INTO agreement_date (agreement_id, event, on_date, basis, note) "
      "SELECT row_id, 'concluded', '2011-12', 'inferred', 'a reading' FROM record_key "
      "WHERE kind = 'agreement' AND key = 'framework-agreement-2011'",
      write);
  EXPECT_EQ(rows(fa), std::vector<std::string>{"2011-12|-|2011|agreed|agreed 2011; signed 2011-11; "
                                               "concluded 2011-12 (inferred)"});
  auto agreement = kb.agreements().by_key("framework-agreement-2011");
  ASSERT_TRUE(agreement.has_value());
  EXPECT_EQ(agreement->concluded_on, PartialDate(2011, 12));
  EXPECT_EQ(agreement->first_dated_on, PartialDate(2011));
}

// Every column of every view the database documents (schema_note) is a promise to users: a
// column the seed never fills is either a bug (data moved elsewhere, as v_agreement's dates
// once did) or legitimately empty, and then it is listed here with the reason. A listed column
// that has a value fails too, so the list stays true.
TEST(Seed, EveryColumnOfEveryDocumentedViewHasAValueOrAReasonToBeEmpty) {
  const std::map<std::string, std::string> legitimately_empty = {
      {"v_agreement.concluded_on",
       "no document says an agreement was concluded (signed, established, agreed, in use only)"},
      {"v_agreement.in_force_from", "no document says when an agreement entered into force"},
      {"v_agreement_relation.note", "the one relation is stated by a document (basis document)"},
      {"v_organisation_name.valid_from",
       "no document says from when a name was valid (attested_on holds when one uses it)"},
      {"v_organisation_name.valid_to", "no document says until when a name was valid"},
      {"v_organisation_parent.valid_from", "no document dates a parent link"},
      {"v_organisation_parent.valid_to", "no document dates a parent link"},
      {"v_post_holder.start_date",
       "no document says when anyone took up a post (attested_from holds when one shows them)"},
      {"v_post_holder.end_date", "no document says when anyone left a post"},
      {"v_source.url", "the documents came as text without their addresses (00_sources.facts)"},
  };
  KnowledgeBase kb = KnowledgeBase::create_seeded(":memory:");
  auto values = [&](const std::string& sql) {
    std::vector<SqlValue> out;
    kb.run_sql(
        sql, {}, [](const std::vector<std::string>&) {},
        [&](const std::vector<SqlValue>& row) { out.push_back(row.at(0)); });
    return out;
  };
  auto quoted = [](const std::string& name) {
    std::string q = "\"";
    for (char c : name) q += c == '"' ? std::string("\"\"") : std::string(1, c);
    return q + "\"";
  };
  std::set<std::string> empty, seen;
  std::size_t views = 0;
  for (const SqlValue& view :
       values("SELECT s.name FROM sqlite_schema s JOIN schema_note n ON n.name = s.name "
              "WHERE s.type = 'view' ORDER BY s.name")) {
    const std::string& name = std::get<std::string>(view);
    ++views;
    for (const SqlValue& column :
         values("SELECT name FROM pragma_table_info('" + name + "') ORDER BY cid")) {
      const std::string& c = std::get<std::string>(column);
      seen.insert(name + "." + c);
      SqlValue filled = values("SELECT EXISTS (SELECT 1 FROM " + quoted(name) + " WHERE " +
                               quoted(c) + " IS NOT NULL)")
                            .at(0);
      if (std::get<std::int64_t>(filled) == 0) empty.insert(name + "." + c);
    }
  }
  EXPECT_GE(views, 30u) << "the documented views (README's table)";
  for (const std::string& column : empty)
    EXPECT_TRUE(legitimately_empty.count(column))
        << column << " is NULL in every seed row: fill it, or list it with the reason";
  for (const auto& [column, reason] : legitimately_empty) {
    EXPECT_TRUE(seen.count(column)) << column << " is listed but no documented view has it";
    EXPECT_TRUE(!seen.count(column) || empty.count(column))
        << column << " now has a value: remove it from the list (" << reason << ")";
  }
}

}  // namespace
}  // namespace euiomkb
