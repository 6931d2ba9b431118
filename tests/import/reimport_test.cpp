// Importing a changed version of a file imported before (import_log and import_record,
// KnowledgeBase:: import_files): its records are replaced in the one transaction, or the import is
// refused, naming each record of another import that refers to a record it would remove.
#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>

#include <fstream>
#include <random>
#include <regex>
#include <set>

#include "euiomkb/euiomkb.hpp"
#include "kb/embedded.hpp"
#include "kinds/record_kinds.hpp"
#include "test_support.hpp"

namespace euiomkb {
namespace {

namespace fs = std::filesystem;
using test::TempPath;

const std::string kNotes =
    "Notes of the Quokka Working Group.\n"
    "The first meeting of the Quokka Working Group was held in Bern.\n"
    "Ada Example, the group's convenor, chaired the meeting.\n"
    "Ben Sample took part as rapporteur.\n"
    "The group discussed zanzibar ferries.\n"
    "The group discussed quokka habitats.\n";

const std::string kSource =
    "source qwg-notes\n  file: qwg-notes.txt\n  title: Notes of the Quokka Working Group\n"
    "  language: en\n\n";
const std::string kMeeting =
    "meeting qwg-1\n  title: First meeting of the Quokka Working Group\n"
    "  cite: qwg-notes | The first meeting of the Quokka Working Group was held\n\n";
const std::string kAda =
    "person ada-example\n  name: Ada Example\n"
    "  cite: qwg-notes | Ada Example, the group's convenor\n\n";
const std::string kBen =
    "person ben-sample\n  name: Ben Sample\n  cite: qwg-notes | Ben Sample took part as "
    "rapporteur\n\n";
const std::string kFerries =
    "topic\n  meeting: qwg-1\n  label: Zanzibar ferries\n"
    "  cite: qwg-notes | The group discussed zanzibar ferries\n\n";
const std::string kHabitats =
    "topic\n  meeting: qwg-1\n  label: Quokka habitats\n"
    "  cite: qwg-notes | The group discussed quokka habitats\n\n";
// Another file's record that refers to Ada, the meeting and the source of a.facts.
const std::string kAttendance =
    "attendance\n  meeting: qwg-1\n  person: ada-example\n  role: co-chair\n"
    "  attested_as: reported\n"
    "  cite: qwg-notes | Ada Example, the group's convenor, chaired the meeting\n";

class Reimport : public ::testing::Test {
 protected:
  void SetUp() override {
    KnowledgeBase::create_seeded(db_.str());
    dir_ =
        fs::temp_directory_path() / ("euiomkb-reimport-" + std::to_string(std::random_device()()));
    fs::create_directories(dir_);
    write("qwg-notes.txt", kNotes);
  }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / name, std::ios::binary) << text;
    return dir_ / name;
  }
  KnowledgeBase open() { return KnowledgeBase::open(db_.str(), KnowledgeBase::Mode::read_write); }
  ImportReport import(KnowledgeBase& kb, const std::vector<fs::path>& files,
                      ImportOptions options = {}) {
    ImportReport report = kb.import_files(files, options);
    for (const ImportProblem& problem : report.problems) messages_.push_back(problem.to_string());
    return report;
  }
  std::int64_t count(const std::string& sql) {
    SQLite::Database raw(db_.str());
    return raw.execAndGet(sql).getInt64();
  }
  std::string all_messages() const { return ::testing::PrintToString(messages_); }

  TempPath db_;
  fs::path dir_;
  std::vector<std::string> messages_;
};

TEST_F(Reimport, AChangedFileReplacesItsRecords) {
  KnowledgeBase kb = open();
  std::int64_t seed_meetings = count("SELECT count(*) FROM meeting");
  fs::path a = write("a.facts", kSource + kMeeting + kAda + kFerries);
  ASSERT_EQ(import(kb, {a}).outcome, ImportOutcome::imported) << all_messages();
  ASSERT_EQ(kb.search("zanzibar").size(), 2u);  // the topic and the passage of the notes
  auto meeting_before = kb.meetings().by_key("qwg-1");
  ASSERT_TRUE(meeting_before.has_value());

  // The new version keeps the source, the meeting and Ada, drops one topic and adds another.
  a = write("a.facts", kSource + kMeeting + kAda + kBen + kHabitats);
  ImportReport report = import(kb, {a});
  ASSERT_EQ(report.outcome, ImportOutcome::imported) << all_messages();
  ASSERT_EQ(report.files.size(), 1u);
  ASSERT_EQ(report.files[0].replaced.size(), 1u);
  EXPECT_EQ(report.files[0].replaced[0].records, 4);
  EXPECT_EQ(report.files[0].records_removed(), 4);
  EXPECT_EQ(report.records, 5);
  EXPECT_EQ(report.files[0].records_by_kind.at("person"), 2);

  // Old-only records are gone, new ones are there, unchanged keys still resolve.
  EXPECT_EQ(count("SELECT count(*) FROM topic WHERE label = 'Zanzibar ferries'"), 0);
  EXPECT_EQ(count("SELECT count(*) FROM topic WHERE label = 'Quokka habitats'"), 1);
  EXPECT_EQ(count("SELECT count(*) FROM meeting"), seed_meetings + 1);
  ASSERT_TRUE(kb.meetings().by_key("qwg-1").has_value());
  EXPECT_EQ(kb.meetings().by_key("qwg-1")->title, meeting_before->title);
  EXPECT_TRUE(kb.people().by_key("ada-example").has_value());
  EXPECT_TRUE(kb.people().by_key("ben-sample").has_value());
  EXPECT_EQ(count("SELECT count(*) FROM source WHERE file_name = 'qwg-notes.txt'"), 1);
  // Search finds the new text and no longer the removed topic (the passage of the notes,
  // which the new version cites too, still holds the word).
  std::vector<SearchHit> ferries = kb.search("zanzibar");
  ASSERT_EQ(ferries.size(), 1u);
  EXPECT_EQ(ferries[0].kind, "passage");
  EXPECT_EQ(kb.search("habitats").size(), 2u);
  EXPECT_EQ(kb.search("\"Ben Sample\"").size(), 2u);
  // Nothing is left of the old records: no dangling citation, key or provenance.
  EXPECT_TRUE(kb.verify().ok());
  EXPECT_EQ(count("SELECT count(*) FROM record_key WHERE kind = 'topic'"), 0);
  EXPECT_EQ(count("SELECT count(*) FROM pragma_foreign_key_check"), 0);
  EXPECT_EQ(count("SELECT count(*) FROM import_record"), 5);

  // The log keeps the history: the old entry points at the one that replaced it.
  std::vector<LoggedImport> log = kb.import_log();
  ASSERT_EQ(log.size(), 2u);
  EXPECT_EQ(log[0].replaced_by, log[1].import_id);
  EXPECT_FALSE(log[1].replaced_by.has_value());
  EXPECT_EQ(log[1].records, 5);

  // The first version again is no "unchanged" skip: it replaces the second.
  a = write("a.facts", kSource + kMeeting + kAda + kFerries);
  report = import(kb, {a});
  ASSERT_EQ(report.outcome, ImportOutcome::imported) << all_messages();
  EXPECT_EQ(report.files[0].records_removed(), 5);
  EXPECT_EQ(count("SELECT count(*) FROM person WHERE name = 'Ben Sample'"), 0);
  EXPECT_EQ(kb.search("zanzibar").size(), 2u);
  EXPECT_TRUE(kb.verify().ok());
  // And the same bytes once more are a no-op.
  std::string before = test::file_hash(db_.str());
  EXPECT_EQ(import(kb, {a}).outcome, ImportOutcome::nothing_to_do);
  EXPECT_EQ(test::file_hash(db_.str()), before);
}

TEST_F(Reimport, ADryRunOfAReplacementSaysSoAndWritesNothing) {
  KnowledgeBase kb = open();
  fs::path a = write("a.facts", kSource + kMeeting + kAda + kFerries);
  ASSERT_EQ(import(kb, {a}).outcome, ImportOutcome::imported) << all_messages();
  a = write("a.facts", kSource + kMeeting + kAda + kHabitats);
  std::string before = test::file_hash(db_.str());
  ImportOptions options;
  options.dry_run = true;
  ImportReport report = import(kb, {a}, options);
  ASSERT_EQ(report.outcome, ImportOutcome::checked) << all_messages();
  EXPECT_EQ(report.files[0].records_removed(), 4);
  EXPECT_EQ(test::file_hash(db_.str()), before);
}

TEST_F(Reimport, RecordsOfOtherImportsFollowTheKeysTheyReferTo) {
  KnowledgeBase kb = open();
  fs::path a = write("a.facts", kSource + kMeeting + kAda + kFerries);
  fs::path b = write("b.facts", kAttendance);
  ASSERT_EQ(import(kb, {a, b}).outcome, ImportOutcome::imported) << all_messages();
  // The new version defines every key b.facts refers to again (Ada, the meeting, the source
  // with the same document): b's attendance and its citation now refer to the new records.
  a = write("a.facts", kSource + kBen + kMeeting + kAda + kHabitats);
  ImportReport report = import(kb, {a});
  ASSERT_EQ(report.outcome, ImportOutcome::imported) << all_messages();
  EXPECT_EQ(count("SELECT count(*) FROM v_attendance a JOIN meeting m USING (meeting_id) "
                  "WHERE a.person = 'Ada Example' AND m.title LIKE '%Quokka%'"),
            1);
  EXPECT_EQ(count("SELECT count(*) FROM pragma_foreign_key_check"), 0);
  EXPECT_TRUE(kb.verify().ok());
  EXPECT_EQ(count("SELECT count(*) FROM import_record r JOIN import_log l USING (import_id) "
                  "WHERE l.file_name = 'b.facts'"),
            1);
}

TEST_F(Reimport, ARemovedRecordThatAnotherImportRefersToIsNamedAndNothingChanges) {
  KnowledgeBase kb = open();
  fs::path a = write("a.facts", kSource + kMeeting + kAda + kFerries);
  fs::path b = write("b.facts", kAttendance);
  ASSERT_EQ(import(kb, {a, b}).outcome, ImportOutcome::imported) << all_messages();
  std::string before = test::file_hash(db_.str());

  // Ada is gone from the new version: b.facts line 1 refers to her.
  a = write("a.facts", kSource + kMeeting + kBen + kFerries);
  ImportReport report = import(kb, {a});
  ASSERT_EQ(report.outcome, ImportOutcome::rejected);
  ASSERT_EQ(report.problems.size(), 1u) << all_messages();
  const ImportProblem& problem = report.problems[0];
  EXPECT_EQ(problem.file, a.string());
  EXPECT_NE(problem.message.find("no longer defines person 'ada-example'"), std::string::npos)
      << problem.message;
  EXPECT_NE(problem.message.find("attendance (b.facts line 1, imported at "), std::string::npos)
      << problem.message;
  EXPECT_NE(problem.message.find("field 'person'"), std::string::npos) << problem.message;
  EXPECT_EQ(test::file_hash(db_.str()), before);

  // The new version changes the document of the source b.facts cites.
  write("qwg-notes-2.txt", kNotes + "A second day followed.\n");
  std::string moved = kSource;
  moved.replace(moved.find("qwg-notes.txt"), 13, "qwg-notes-2.txt");
  a = write("a.facts", moved + kMeeting + kAda + kFerries);
  report = import(kb, {a});
  ASSERT_EQ(report.outcome, ImportOutcome::rejected);
  ASSERT_EQ(report.problems.size(), 1u) << all_messages();
  EXPECT_NE(report.problems[0].message.find("changes the document of source 'qwg-notes'"),
            std::string::npos)
      << report.problems[0].message;
  EXPECT_EQ(test::file_hash(db_.str()), before);

  // Both files changed together: b's new version no longer refers to Ada, so a may drop her.
  a = write("a.facts", kSource + kMeeting + kBen + kFerries);
  b = write("b.facts",
            "attendance\n  meeting: qwg-1\n  person: ben-sample\n  role: participant\n"
            "  attested_as: reported\n"
            "  cite: qwg-notes | Ben Sample took part as rapporteur\n");
  report = import(kb, {a, b});
  ASSERT_EQ(report.outcome, ImportOutcome::imported) << all_messages();
  EXPECT_EQ(count("SELECT count(*) FROM person WHERE name = 'Ada Example'"), 0);
  EXPECT_TRUE(kb.verify().ok());
}

TEST_F(Reimport, ARecordWithoutProvenanceThatRefersToARemovedOneIsNamedToo) {
  KnowledgeBase kb = open();
  fs::path a = write("a.facts", kSource + kMeeting + kAda + kFerries);
  ASSERT_EQ(import(kb, {a}).outcome, ImportOutcome::imported) << all_messages();
  // import_fact_files keeps no log (as the seed is loaded): its records have no provenance.
  write("b.facts", kAttendance);
  kb.import_fact_files({dir_ / "b.facts"}, [](const std::string&) { return std::nullopt; });
  std::string before = test::file_hash(db_.str());
  a = write("a.facts", kSource + kMeeting + kFerries);
  ImportReport report = import(kb, {a});
  ASSERT_EQ(report.outcome, ImportOutcome::rejected);
  ASSERT_EQ(report.problems.size(), 1u) << all_messages();
  EXPECT_NE(report.problems[0].message.find("from the seed, or from an import made before"),
            std::string::npos)
      << report.problems[0].message;
  EXPECT_EQ(test::file_hash(db_.str()), before);
}

TEST_F(Reimport, AnImportMadeBeforeProvenanceIsRefusedWithTheRebuildAdvice) {
  fs::path a = write("a.facts", kSource + kMeeting + kAda + kFerries);
  {
    KnowledgeBase kb = open();
    ASSERT_EQ(import(kb, {a}).outcome, ImportOutcome::imported) << all_messages();
  }
  // An import logged with no provenance at all (as pre-release builds logged them; the schema
  // still allows it, and the import must refuse to replace it rather than guess).
  test::raw_exec(db_.str(), "DELETE FROM import_record");
  KnowledgeBase kb = open();
  EXPECT_EQ(count("SELECT count(*) FROM import_record"), 0);
  EXPECT_EQ(import(kb, {a}).outcome, ImportOutcome::nothing_to_do);  // the same bytes: skipped
  std::string before = test::file_hash(db_.str());
  a = write("a.facts", kSource + kMeeting + kAda + kHabitats);
  ImportReport report = import(kb, {a});
  ASSERT_EQ(report.outcome, ImportOutcome::rejected);
  ASSERT_EQ(report.problems.size(), 1u) << all_messages();
  EXPECT_NE(report.problems[0].message.find("before this database recorded which records"),
            std::string::npos)
      << report.problems[0].message;
  EXPECT_NE(report.problems[0].message.find("euiomkb build --force --facts DIR"), std::string::npos)
      << report.problems[0].message;
  EXPECT_EQ(test::file_hash(db_.str()), before);
}

TEST_F(Reimport, AnImportWhoseProvenanceIsIncompleteIsRefusedToo) {
  KnowledgeBase kb = open();
  fs::path a = write("a.facts", kSource + kMeeting + kAda + kFerries);
  ASSERT_EQ(import(kb, {a}).outcome, ImportOutcome::imported) << all_messages();
  test::raw_exec(db_.str(), "DELETE FROM import_record WHERE record_kind = 'topic'");
  std::string before = test::file_hash(db_.str());
  a = write("a.facts", kSource + kMeeting + kAda + kHabitats);
  ImportReport report = import(kb, {a});
  ASSERT_EQ(report.outcome, ImportOutcome::rejected);
  ASSERT_EQ(report.problems.size(), 1u) << all_messages();
  EXPECT_NE(report.problems[0].message.find("euiomkb build --force --facts DIR"),
            std::string::npos);
  EXPECT_EQ(test::file_hash(db_.str()), before);
}

TEST_F(Reimport, TwoFilesOfOneNameInOneImportAreRefused) {
  KnowledgeBase kb = open();
  fs::create_directories(dir_ / "other");
  fs::path a = write("a.facts", kSource + kMeeting);
  fs::path other = write("other/a.facts", kAda);
  ImportReport report = import(kb, {a, other});
  ASSERT_EQ(report.outcome, ImportOutcome::rejected);
  ASSERT_EQ(report.problems.size(), 1u) << all_messages();
  EXPECT_NE(report.problems[0].message.find("another file named 'a.facts'"), std::string::npos);
}

// --- Same name, another place (import_log.path): an import is known by its name, guarded by its
// place, so an unrelated namesake never removes another import's records by accident.

class Namesakes : public Reimport {
 protected:
  // facts/meetings.facts in project `project` (a directory of its own), beside its document.
  fs::path meetings(const std::string& project, const std::string& text) {
    fs::create_directories(dir_ / project / "facts");
    std::ofstream(dir_ / project / "facts" / "qwg-notes.txt", std::ios::binary) << kNotes;
    return write(project + "/facts/meetings.facts", text);
  }
  // The database file and its write-ahead log, byte for byte.
  std::string state() const {
    std::string wal = db_.str() + "-wal";
    return test::file_hash(db_.str()) + (fs::exists(wal) ? test::file_hash(wal) : "");
  }
  static bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
  }
};

TEST_F(Namesakes, AFileOfTheSameNameFromAnotherPlaceIsRefusedNamingBoth) {
  KnowledgeBase kb = open();
  fs::path first = meetings("one", kSource + kMeeting + kAda + kFerries);
  fs::path second = meetings("two", kSource + kMeeting + kBen);
  ASSERT_EQ(import(kb, {first}).outcome, ImportOutcome::imported) << all_messages();
  ASSERT_EQ(kb.import_log().size(), 1u);
  EXPECT_EQ(kb.import_log()[0].path, fs::canonical(first).string());

  std::string before = state();
  for (bool dry_run : {false, true}) {
    messages_.clear();
    ImportOptions options;
    options.dry_run = dry_run;
    ImportReport report = import(kb, {second}, options);
    ASSERT_EQ(report.outcome, ImportOutcome::rejected);
    ASSERT_EQ(report.problems.size(), 1u) << all_messages();
    const ImportProblem& problem = report.problems[0];
    EXPECT_EQ(problem.file, second.string());
    EXPECT_TRUE(contains(problem.message, "'meetings.facts' was imported from " +
                                              fs::canonical(first).string() + " at "))
        << problem.message;
    EXPECT_TRUE(contains(problem.message, "(4 records)")) << problem.message;
    EXPECT_TRUE(contains(problem.message, fs::canonical(second).string())) << problem.message;
    EXPECT_TRUE(contains(problem.message, "--replace")) << problem.message;
    EXPECT_TRUE(report.files[0].replaced.empty());
    EXPECT_EQ(state(), before);
  }
  EXPECT_TRUE(kb.people().by_key("ada-example").has_value());
  EXPECT_FALSE(kb.people().by_key("ben-sample").has_value());

  // Told that it replaces the earlier import, it does, and the log records its place.
  ImportOptions replace;
  replace.replace_same_name = true;
  ImportReport report = import(kb, {second}, replace);
  ASSERT_EQ(report.outcome, ImportOutcome::imported) << all_messages();
  ASSERT_EQ(report.files[0].replaced.size(), 1u);
  EXPECT_EQ(report.files[0].replaced[0].path, fs::canonical(first).string());
  EXPECT_EQ(report.files[0].records_removed(), 4);
  EXPECT_FALSE(kb.people().by_key("ada-example").has_value());
  EXPECT_TRUE(kb.people().by_key("ben-sample").has_value());
  std::vector<LoggedImport> log = kb.import_log();
  ASSERT_EQ(log.size(), 2u);
  EXPECT_EQ(log[0].replaced_by, log[1].import_id);
  EXPECT_EQ(log[1].path, fs::canonical(second).string());
  EXPECT_TRUE(kb.verify().ok());
}

TEST_F(Namesakes, AChangedFileFromTheSamePlaceReplacesWithoutBeingTold) {
  KnowledgeBase kb = open();
  fs::path file = meetings("one", kSource + kMeeting + kAda + kFerries);
  ASSERT_EQ(import(kb, {file}).outcome, ImportOutcome::imported) << all_messages();
  // The same file reached another way (a relative detour, a symbolic link) is the same place.
  meetings("one", kSource + kMeeting + kAda + kHabitats);
  fs::path detour = dir_ / "one" / "facts" / ".." / "facts" / "meetings.facts";
  ImportReport report = import(kb, {detour});
  ASSERT_EQ(report.outcome, ImportOutcome::imported) << all_messages();
  EXPECT_EQ(report.files[0].records_removed(), 4);
  fs::create_directory_symlink(dir_ / "one" / "facts", dir_ / "link");
  meetings("one", kSource + kMeeting + kAda + kBen);
  report = import(kb, {dir_ / "link" / "meetings.facts"});
  ASSERT_EQ(report.outcome, ImportOutcome::imported) << all_messages();
  EXPECT_EQ(report.files[0].records_removed(), 4);
  EXPECT_TRUE(kb.people().by_key("ben-sample").has_value());
  for (const LoggedImport& logged : kb.import_log())
    EXPECT_EQ(logged.path, fs::canonical(file).string());
}

TEST_F(Namesakes, TheSameBytesFromAnotherPlaceAreSkippedNotRefused) {
  KnowledgeBase kb = open();
  fs::path first = meetings("one", kSource + kMeeting + kAda);
  fs::path copy = meetings("two", kSource + kMeeting + kAda);
  ASSERT_EQ(import(kb, {first}).outcome, ImportOutcome::imported) << all_messages();
  ImportReport report = import(kb, {copy});
  EXPECT_EQ(report.outcome, ImportOutcome::nothing_to_do) << all_messages();
  EXPECT_TRUE(report.files[0].unchanged);
}

TEST_F(Namesakes, AnImportLoggedBeforePlacesWereRecordedIsReplacedOnlyWhenTold) {
  fs::path file = meetings("one", kSource + kMeeting + kAda + kFerries);
  {
    KnowledgeBase kb = open();
    ASSERT_EQ(import(kb, {file}).outcome, ImportOutcome::imported) << all_messages();
  }
  // An import logged with no place (path NULL, as pre-release builds logged them).
  test::raw_exec(db_.str(), "UPDATE import_log SET path = NULL");
  KnowledgeBase kb = open();
  ASSERT_EQ(kb.import_log().size(), 1u);
  EXPECT_EQ(kb.import_log()[0].path, "");
  // Even from the very place it came from: the log cannot tell it from a namesake.
  meetings("one", kSource + kMeeting + kAda + kHabitats);
  std::string before = state();
  ImportReport report = import(kb, {file});
  ASSERT_EQ(report.outcome, ImportOutcome::rejected);
  ASSERT_EQ(report.problems.size(), 1u) << all_messages();
  EXPECT_TRUE(contains(report.problems[0].message,
                       "before this database recorded where imported files come from"))
      << report.problems[0].message;
  EXPECT_TRUE(contains(report.problems[0].message, fs::canonical(file).string()));
  EXPECT_EQ(state(), before);
  ImportOptions replace;
  replace.replace_same_name = true;
  report = import(kb, {file}, replace);
  ASSERT_EQ(report.outcome, ImportOutcome::imported) << all_messages();
  EXPECT_EQ(report.files[0].records_removed(), 4);
  EXPECT_EQ(kb.import_log().back().path, fs::canonical(file).string());
}

TEST_F(Namesakes, APlaceIsAnAbsolutePath) {
  KnowledgeBase kb = open();
  EXPECT_THROW(test::raw_exec(db_.str(),
                              "INSERT INTO import_log (file_name, sha256, imported_at, records, "
                              "path) VALUES ('a.facts', printf('%064d', 0), "
                              "'2026-01-01T00:00:00Z', 0, 'facts/a.facts')"),
               SQLite::Exception);
}

TEST_F(Reimport, EveryReferenceBetweenKindsIsAForeignKeyOfTheSchema) {
  // The replacement finds dependants through the references of the record-kind table; a
  // foreign key between record tables that the table does not know would go unchecked.
  SQLite::Database raw(db_.str());
  SQLite::Statement keys(raw, R"sql(
SELECT k.kind, f."from", f."table" FROM record_kind k, pragma_foreign_key_list(k.kind) f
 WHERE f."table" IN (SELECT kind FROM record_kind) ORDER BY 1, 2)sql");
  std::set<std::string> in_schema;
  while (keys.executeStep())
    in_schema.insert(keys.getColumn(0).getString() + "." + keys.getColumn(1).getString() + " -> " +
                     keys.getColumn(2).getString());
  EXPECT_GE(in_schema.size(), 30u);
  // The same list from the fact-file side: each ref field with its column.
  std::set<std::string> in_kinds;
  for (const detail::Reference& r : detail::references())
    in_kinds.insert(std::string(r.kind->kind) + "." + r.column + " -> " +
                    std::string(r.target->kind));
  EXPECT_EQ(in_kinds, in_schema);
}

}  // namespace
}  // namespace euiomkb
