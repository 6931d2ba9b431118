// euiomkb::diff (include/euiomkb/diff.hpp): what changed between two databases, by kind and
// key with citations, matched by keys and content, never by row ids.
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "euiomkb/euiomkb.hpp"
#include "kinds/record_kinds.hpp"

namespace euiomkb {
namespace {

const std::map<std::string, std::string> kDocuments = {
    {"notes.txt",
     "Notes of the Example Working Group.\n"
     "The first meeting of the Example Working Group was held in Brussels on 3 May 2013.\n"
     "Ada Example, the group's convenor, chaired the meeting.\n"
     "Ben Sample took part as rapporteur.\n"
     "The group discussed data on migration flows.\n"}};

std::optional<std::string> documents(const std::string& name) {
  auto found = kDocuments.find(name);
  if (found == kDocuments.end()) return std::nullopt;
  return found->second;
}

const std::string kSource =
    "source notes\n  file: notes.txt\n  title: Notes of the Example Working Group\n"
    "  language: en\n\n";
const std::string kAda =
    "person ada-example\n  name: Ada Example\n  cite: notes | Ada Example, the group's "
    "convenor\n\n";
const std::string kBen =
    "person ben-sample\n  name: Ben Sample\n  cite: notes | Ben Sample took part as rapporteur\n\n";

// The meeting, with its date and the quotation that states it.
std::string meeting(const std::string& held_on = "2013-05-03",
                    const std::string& quote =
                        "The first meeting of the Example Working Group "
                        "was held in Brussels on 3 May 2013") {
  return "meeting wg-1\n  title: First meeting of the Example Working Group\n  held_on: " +
         held_on + "\n  cite: notes | " + quote + "\n\n";
}

std::string ada_attends(const std::string& role = "co-chair") {
  return "attendance\n  meeting: wg-1\n  person: ada-example\n  role: " + role +
         "\n  attested_as: reported\n  cite: notes | Ada Example, the group's convenor, chaired "
         "the meeting\n\n";
}

const std::string kBenAttends =
    "attendance\n  meeting: wg-1\n  person: ben-sample\n  role: participant\n"
    "  attested_as: reported\n  cite: notes | Ben Sample took part as rapporteur\n\n";
const std::string kTopic =
    "topic\n  meeting: wg-1\n  label: Data on migration flows\n"
    "  cite: notes | The group discussed data on migration flows\n\n";

// A database of the given fact files, imported in that order.
KnowledgeBase database(const std::vector<FactFile>& files) {
  KnowledgeBase kb = KnowledgeBase::create_empty(":memory:");
  kb.import_facts(files, documents);
  return kb;
}

// The standard pair of files: people, then the meeting and what happened there.
std::vector<FactFile> files(const std::string& meeting_text = meeting(),
                            const std::string& attendance = ada_attends() + kBenAttends) {
  return {{"people.facts", kSource + kAda + kBen},
          {"meetings.facts", meeting_text + attendance + kTopic}};
}

struct Diffed {
  DiffSummary summary;
  std::vector<RecordChange> changes;
};

Diffed run(const KnowledgeBase& older, const KnowledgeBase& newer) {
  Diffed out;
  out.summary = diff(older, newer, [&](const RecordChange& c) { out.changes.push_back(c); });
  return out;
}

const KindDiff& counts_of(const DiffSummary& summary, const std::string& kind) {
  for (const KindDiff& k : summary.kinds)
    if (k.kind == kind) return k;
  throw std::runtime_error("no kind " + kind);
}

TEST(Diff, IdenticalDatabasesReportNothing) {
  KnowledgeBase a = database(files());
  KnowledgeBase b = database(files());
  Diffed d = run(a, b);
  EXPECT_TRUE(d.summary.identical());
  EXPECT_TRUE(d.changes.empty());
  KindDiff total = d.summary.total();
  // source, 2 people, meeting, 2 attendances, topic.
  EXPECT_EQ(total.unchanged, 7);
  EXPECT_EQ(total.added + total.removed + total.changed, 0);
}

TEST(Diff, EveryRecordKindIsCountedAndTheSeedAgainstItselfIsUnchanged) {
  KnowledgeBase seed = KnowledgeBase::create_seeded(":memory:");
  DiffSummary summary = diff(seed, seed);
  ASSERT_EQ(summary.kinds.size(), detail::record_kinds().size());
  for (std::size_t i = 0; i < summary.kinds.size(); ++i) {
    const KindDiff& k = summary.kinds[i];
    EXPECT_EQ(k.kind, detail::record_kinds()[i].kind);
    std::int64_t rows = -1;
    seed.run_sql(
        "SELECT count(*) FROM " + k.kind, {}, [](const std::vector<std::string>&) {},
        [&](const std::vector<SqlValue>& row) { rows = std::get<std::int64_t>(row[0]); });
    EXPECT_EQ(k.unchanged, rows) << k.kind;
    EXPECT_EQ(k.added + k.removed + k.changed, 0) << k.kind;
  }
  EXPECT_TRUE(summary.identical());
  EXPECT_GT(summary.total().unchanged, 300);
}

TEST(Diff, ReorderedFactFilesAreNoChange) {
  KnowledgeBase a = database(files());
  // The records of each file in another order, the files split otherwise: other row ids.
  KnowledgeBase b = database({{"people.facts", kSource + kBen + kAda},
                              {"meeting.facts", meeting()},
                              {"rest.facts", kTopic + kBenAttends + ada_attends()}});
  ASSERT_NE(a.people().by_key("ada-example")->id, b.people().by_key("ada-example")->id);
  Diffed d = run(a, b);
  EXPECT_TRUE(d.summary.identical());
  EXPECT_TRUE(d.changes.empty());
  EXPECT_EQ(d.summary.total().unchanged, 7);
}

TEST(Diff, AnAddedFactIsReportedWithKindKeyAndCitations) {
  KnowledgeBase older = database(files(meeting(), ada_attends()));
  KnowledgeBase newer = database(files());
  Diffed d = run(older, newer);
  EXPECT_FALSE(d.summary.identical());
  EXPECT_EQ(counts_of(d.summary, "attendance").added, 1);
  EXPECT_EQ(counts_of(d.summary, "attendance").unchanged, 1);
  EXPECT_EQ(d.summary.total().unchanged, 6);
  ASSERT_EQ(d.changes.size(), 1u);
  const RecordChange& c = d.changes[0];
  EXPECT_EQ(c.change, Change::added);
  EXPECT_EQ(c.kind, "attendance");
  EXPECT_EQ(c.key, "wg-1/ben-sample");
  EXPECT_EQ(c.label, "participant");
  ASSERT_EQ(c.citations.size(), 1u);
  EXPECT_EQ(c.citations[0].change, Change::added);
  EXPECT_EQ(c.citations[0].source, "notes");
  EXPECT_EQ(c.citations[0].quote, "Ben Sample took part as rapporteur");
  // Every stated field, references as keys.
  std::map<std::string, std::string> fields;
  for (const FieldChange& f : c.fields) {
    EXPECT_FALSE(f.before) << f.field;
    fields[f.field] = f.after.value_or("?");
  }
  EXPECT_EQ(fields, (std::map<std::string, std::string>{{"meeting", "wg-1"},
                                                        {"person", "ben-sample"},
                                                        {"role", "participant"},
                                                        {"attested_as", "reported"}}));
}

TEST(Diff, ARemovedFactIsReportedWithKindKeyAndCitations) {
  KnowledgeBase older = database(files());
  KnowledgeBase newer = database(files(meeting(), ada_attends()));
  Diffed d = run(older, newer);
  EXPECT_EQ(counts_of(d.summary, "attendance").removed, 1);
  ASSERT_EQ(d.changes.size(), 1u);
  const RecordChange& c = d.changes[0];
  EXPECT_EQ(c.change, Change::removed);
  EXPECT_EQ(c.kind, "attendance");
  EXPECT_EQ(c.key, "wg-1/ben-sample");
  ASSERT_EQ(c.citations.size(), 1u);
  EXPECT_EQ(c.citations[0].change, Change::removed);
  EXPECT_EQ(c.citations[0].quote, "Ben Sample took part as rapporteur");
  for (const FieldChange& f : c.fields) EXPECT_FALSE(f.after) << f.field;
}

TEST(Diff, AChangedQuotationIsAChangeOfItsRecord) {
  KnowledgeBase older = database(files());
  KnowledgeBase newer = database(files(meeting(
      "2013-05-03", "The first meeting of the Example Working Group was held in Brussels")));
  Diffed d = run(older, newer);
  EXPECT_EQ(counts_of(d.summary, "meeting").changed, 1);
  EXPECT_EQ(d.summary.total().changed, 1);
  EXPECT_EQ(d.summary.total().unchanged, 6);
  ASSERT_EQ(d.changes.size(), 1u);
  const RecordChange& c = d.changes[0];
  EXPECT_EQ(c.change, Change::changed);
  EXPECT_EQ(c.kind, "meeting");
  EXPECT_EQ(c.key, "wg-1");
  EXPECT_EQ(c.label, "First meeting of the Example Working Group");
  EXPECT_TRUE(c.fields.empty());
  ASSERT_EQ(c.citations.size(), 2u);
  // Ordered by source, then quotation: the shorter one first.
  EXPECT_EQ(c.citations[0].change, Change::added);
  EXPECT_EQ(c.citations[0].quote,
            "The first meeting of the Example Working Group was held in Brussels");
  EXPECT_EQ(c.citations[1].change, Change::removed);
  EXPECT_EQ(c.citations[1].quote,
            "The first meeting of the Example Working Group was held in Brussels on 3 May 2013");
}

TEST(Diff, AChangedDateIsAChangedField) {
  KnowledgeBase older = database(files());
  KnowledgeBase newer = database(files(meeting("2013-05")));
  Diffed d = run(older, newer);
  ASSERT_EQ(d.changes.size(), 1u);
  const RecordChange& c = d.changes[0];
  EXPECT_EQ(c.change, Change::changed);
  EXPECT_EQ(c.kind, "meeting");
  EXPECT_EQ(c.key, "wg-1");
  ASSERT_EQ(c.fields.size(), 1u);
  EXPECT_EQ(c.fields[0].field, "held_on");
  EXPECT_EQ(c.fields[0].before, "2013-05-03");
  EXPECT_EQ(c.fields[0].after, "2013-05");
  // The citations come along, unchanged.
  ASSERT_EQ(c.citations.size(), 1u);
  EXPECT_EQ(c.citations[0].change, Change::unchanged);
  EXPECT_EQ(c.citations[0].source, "notes");
}

TEST(Diff, ARecordWithoutKeyChangesInPlaceWhenAloneWithWhatItBelongsTo) {
  KnowledgeBase older = database(files());
  KnowledgeBase newer = database(files(meeting(), ada_attends("participant") + kBenAttends));
  Diffed d = run(older, newer);
  EXPECT_EQ(counts_of(d.summary, "attendance").changed, 1);
  EXPECT_EQ(counts_of(d.summary, "attendance").unchanged, 1);
  ASSERT_EQ(d.changes.size(), 1u);
  const RecordChange& c = d.changes[0];
  EXPECT_EQ(c.change, Change::changed);
  EXPECT_EQ(c.key, "wg-1/ada-example");
  ASSERT_EQ(c.fields.size(), 1u);
  EXPECT_EQ(c.fields[0].field, "role");
  EXPECT_EQ(c.fields[0].before, "co-chair");
  EXPECT_EQ(c.fields[0].after, "participant");
}

TEST(Diff, AChangedDocumentIsAChangedSource) {
  KnowledgeBase older = database(files());
  KnowledgeBase newer = KnowledgeBase::create_empty(":memory:");
  newer.import_facts(files(), [](const std::string& name) -> std::optional<std::string> {
    return *documents(name) + "A line added later.\n";
  });
  Diffed d = run(older, newer);
  ASSERT_EQ(d.changes.size(), 1u);
  EXPECT_EQ(d.changes[0].kind, "source");
  EXPECT_EQ(d.changes[0].key, "notes");
  ASSERT_EQ(d.changes[0].fields.size(), 1u);
  EXPECT_EQ(d.changes[0].fields[0].field, "sha256");
  EXPECT_EQ(d.summary.total().unchanged, 6);
}

}  // namespace
}  // namespace euiomkb
