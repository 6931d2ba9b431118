// KnowledgeBase::import_files: users' fact files from disk, every problem at once, the import
// log, dry runs and the verify() gate.
#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>
#include <sys/resource.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "euiomkb/euiomkb.hpp"
#include "import/fact_file.hpp"
#include "test_support.hpp"

namespace euiomkb {
namespace {

namespace fs = std::filesystem;
using test::TempPath;

// A scratch directory with the note document, removed afterwards.
class ImportFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    KnowledgeBase::create_seeded(db_.str());
    dir_ = fs::temp_directory_path() / ("euiomkb-import-" + std::to_string(std::random_device()()));
    fs::create_directories(dir_);
    write("notes-2026.txt",
          "Field notes.\nThe twelfth EU-IOM Senior Officials Meeting was held in\nGeneva on 2 "
          "March 2026, chaired by William L. Swing.\n");
    write("source.facts",
          "source notes\n  file: notes-2026.txt\n  title: Field notes\n  language: en\n");
  }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / name, std::ios::binary) << text;
    return dir_ / name;
  }
  KnowledgeBase open() { return KnowledgeBase::open(db_.str(), KnowledgeBase::Mode::read_write); }

  TempPath db_;
  fs::path dir_;
};

const std::string kMeeting =
    "meeting som-12-notes\n  series: SOM\n  sequence_no: 12\n"
    "  title: 12th EU-IOM Senior Officials Meeting\n  held_on: 2026-03-02\n  location: Geneva\n"
    "  cite: notes | The twelfth EU-IOM Senior Officials Meeting was held in Geneva\n";

TEST_F(ImportFilesTest, ImportsLogsAndSaysSoWhenTheSameFileComesAgain) {
  fs::path facts = write("som12.facts", kMeeting +
                                            "\nattendance\n  meeting: som-12-notes\n"
                                            "  person: william-swing\n  role: co-chair\n"
                                            "  attested_as: reported\n"
                                            "  cite: notes | chaired by William L. Swing\n");
  KnowledgeBase kb = open();
  ImportReport report = kb.import_files({dir_ / "source.facts", facts});
  ASSERT_EQ(report.outcome, ImportOutcome::imported)
      << (report.problems.empty() ? "" : report.problems[0].to_string());
  EXPECT_EQ(report.records, 3);
  EXPECT_EQ(report.files[1].records_by_kind.at("meeting"), 1);
  EXPECT_EQ(report.files[1].records_by_kind.at("attendance"), 1);
  ASSERT_TRUE(kb.meetings().by_sequence("SOM", 12).has_value());
  SQLite::Database raw(db_.str());
  EXPECT_EQ(raw.execAndGet("SELECT count(*) FROM import_log").getInt(), 2);
  EXPECT_EQ(
      raw.execAndGet("SELECT records FROM import_log WHERE file_name = 'som12.facts'").getInt(), 2);
  EXPECT_EQ(
      raw.execAndGet("SELECT sha256 FROM import_log WHERE file_name = 'som12.facts'").getString(),
      test::file_hash(facts.string()));
  EXPECT_EQ(raw.execAndGet("SELECT key FROM v_meeting WHERE sequence_no = 12").getString(),
            "som-12-notes");

  std::string before = test::file_hash(db_.str());
  ImportReport again = kb.import_files({dir_ / "source.facts", facts});
  EXPECT_EQ(again.outcome, ImportOutcome::nothing_to_do);
  EXPECT_TRUE(again.files[0].unchanged);
  EXPECT_NE(again.files[1].previously.find("som12.facts"), std::string::npos);

  EXPECT_EQ(test::file_hash(db_.str()), before);

  // A changed file of the same name replaces the records of the earlier import
  // (tests/import/reimport_test.cpp has the rest).
  write("som12.facts", kMeeting + "  note: changed\n");
  ImportReport changed = kb.import_files({facts});
  ASSERT_EQ(changed.outcome, ImportOutcome::imported)
      << (changed.problems.empty() ? "" : changed.problems[0].to_string());
  ASSERT_EQ(changed.files[0].replaced.size(), 1u);
  EXPECT_EQ(changed.files[0].records_removed(), 2);
  EXPECT_EQ(raw.execAndGet("SELECT note FROM meeting WHERE sequence_no = 12").getString(),
            "changed");
}

TEST_F(ImportFilesTest, ReportsEveryProblemOnceWithItsLineFieldAndSuggestion) {
  fs::path facts = write("bad.facts",
                         "meeting m1\n  title: A\n  held_on: 2026-02-30\n"  // 3: not a date
                         "  cite: notes | Field notes\n\n"
                         "topic\n  meeting: m1\n  label: follows a failed record\n"  // not again
                         "  cite: notes | Field notes\n\n"
                         "attendance\n  meeting: som-11\n  persn: william-swing\n"  // 13: field
                         "  person: wiliam-swing\n"                                 // 14: key
                         "  role: cochair\n  attested_as: reported\n"               // 15: enum
                         "  cite: notes | Field notes\n\n"
                         "meeting m2\n  title: B\n  cite: notes | Lausanne\n");  // 21: quote
  std::string before = test::file_hash(db_.str());
  KnowledgeBase kb = open();
  ImportReport report = kb.import_files({dir_ / "source.facts", facts});
  ASSERT_EQ(report.outcome, ImportOutcome::rejected);
  std::vector<std::string> found;
  for (const ImportProblem& p : report.problems) found.push_back(p.to_string());
  ASSERT_EQ(found.size(), 5u) << ::testing::PrintToString(found);  // in line order
  std::string bad = (dir_ / "bad.facts").string();
  EXPECT_EQ(report.problems[0].line, 3);
  EXPECT_EQ(report.problems[0].field, "held_on");
  EXPECT_NE(found[0].find("real calendar date"), std::string::npos);
  EXPECT_EQ(report.problems[1].line, 13);
  EXPECT_NE(found[1].find("did you mean 'person'?"), std::string::npos) << found[1];
  EXPECT_EQ(report.problems[2].line, 14);
  EXPECT_NE(found[2].find("did you mean 'william-swing'?"), std::string::npos) << found[2];
  EXPECT_EQ(report.problems[3].line, 15);
  EXPECT_NE(found[3].find("did you mean 'co-chair'?"), std::string::npos) << found[3];
  EXPECT_EQ(found[4].rfind(bad + ":21: field 'cite': quotation not found", 0), 0u) << found[4];
  EXPECT_EQ(test::file_hash(db_.str()), before);
}

TEST_F(ImportFilesTest, SyntaxErrorsDoNotHideTheRest) {
  fs::path facts = write("syntax.facts",
                         "meeting Bad_Key\n  title: skipped\n\n"               // 1: header
                         "meeting m3\n  title\n  cite: notes | Field notes\n"  // 5: no colon
                         "\nmeeting m4\n  title: caf\xC3\n"                    // 9: UTF-8
                         "  cite: notes | Field notes\n");
  KnowledgeBase kb = open();
  ImportReport report = kb.import_files({dir_ / "source.facts", facts});
  ASSERT_EQ(report.problems.size(), 3u);
  EXPECT_EQ(report.problems[0].line, 1);
  EXPECT_EQ(report.problems[1].line, 5);
  EXPECT_EQ(report.problems[2].line, 9);
  EXPECT_EQ(report.problems[2].column, 13);  // "  title: caf" is 12 characters
}

TEST_F(ImportFilesTest, StopsAtTheErrorLimit) {
  std::string text;
  for (int i = 0; i < 10; ++i) text += "meeting m" + std::to_string(i) + "\n  title: x\n\n";
  fs::path facts = write("many.facts", text);
  KnowledgeBase kb = open();
  ImportOptions options;
  options.error_limit = 4;
  ImportReport report = kb.import_files({facts}, options);
  EXPECT_EQ(report.problems.size(), 4u);
  EXPECT_TRUE(report.stopped_at_limit);
}

TEST_F(ImportFilesTest, AnErrorLimitOfZeroReportsEveryProblem) {
  std::string text;
  for (int i = 0; i < 150; ++i) text += "meeting m" + std::to_string(i) + "\n  title: x\n\n";
  fs::path facts = write("many.facts", text);
  KnowledgeBase kb = open();
  ImportOptions options;
  options.error_limit = 0;
  ImportReport report = kb.import_files({facts}, options);
  EXPECT_GE(report.problems.size(), 150u);  // more than the default limit of 100
  EXPECT_FALSE(report.stopped_at_limit);
}

// The most memory this process has held (kB; Linux counts ru_maxrss in kilobytes).
long peak_kilobytes() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

TEST_F(ImportFilesTest, ADocumentOverTheSizeLimitIsRefusedUnread) {
  // A sparse file one byte over 64 MiB: reading it would take 64 MiB of memory or more.
  fs::path document = dir_ / "huge.txt";
  std::ofstream(document, std::ios::binary) << "x";
  fs::resize_file(document, (std::uintmax_t{64} << 20) + 1);
  fs::path facts =
      write("huge.facts", "source huge\n  file: huge.txt\n  title: Huge\n  language: en\n");
  KnowledgeBase kb = open();
  long before = peak_kilobytes();
  ImportReport report = kb.import_files({facts});
  long grown = peak_kilobytes() - before;
  ASSERT_EQ(report.outcome, ImportOutcome::rejected);
  ASSERT_EQ(report.problems.size(), 1u);
  EXPECT_EQ(report.problems[0].file, facts.string());
  EXPECT_EQ(report.problems[0].line, 2);
  EXPECT_EQ(report.problems[0].field, "file");
  EXPECT_NE(report.problems[0].message.find("document 'huge.txt' is larger than 67108864 bytes"),
            std::string::npos)
      << report.problems[0].message;
  EXPECT_LT(grown, 16 * 1024) << "the document was read (peak memory grew by " << grown << " kB)";
}

// An import holds one fact file open at a time: more files than the process may have open at
// once all load. (They were all opened first, and those past the limit read as empty files.)
TEST_F(ImportFilesTest, MoreFilesThanTheOpenFileLimitAllLoad) {
  KnowledgeBase kb = open();
  auto open_now = std::distance(fs::directory_iterator("/proc/self/fd"), fs::directory_iterator());
  std::vector<fs::path> files = {dir_ / "source.facts"};
  const int meetings = static_cast<int>(open_now) + 40;  // more than the limit below
  for (int i = 0; i < meetings; ++i) {
    std::string n = std::to_string(i);
    files.push_back(write("probe-" + n + ".facts",
                          "meeting probe-" + n + "\n  title: Probe " + n +
                              "\n  held_on: 2026-03-02\n"
                              "  cite: notes | The twelfth EU-IOM Senior Officials Meeting was "
                              "held in Geneva\n"
                              "  cite_note: the probe stands for that meeting\n"));
  }
  rlimit before{};
  ASSERT_EQ(::getrlimit(RLIMIT_NOFILE, &before), 0);
  rlimit tight = before;
  tight.rlim_cur = static_cast<rlim_t>(open_now) + 16;  // the file, its journals, one fact file
  ASSERT_LT(tight.rlim_cur, files.size());
  ImportReport report;
  {
    // The limit comes back however the import ends.
    struct Restore {
      rlimit limit;
      ~Restore() { ::setrlimit(RLIMIT_NOFILE, &limit); }
    } restore{before};
    ASSERT_EQ(::setrlimit(RLIMIT_NOFILE, &tight), 0);
    report = kb.import_files(files);
  }
  for (const auto& problem : report.problems) ADD_FAILURE() << problem.to_string();
  ASSERT_EQ(report.outcome, ImportOutcome::imported);
  EXPECT_EQ(report.records, 1 + meetings);
  ASSERT_EQ(report.files.size(), files.size());
  for (const ImportedFile& file : report.files)
    EXPECT_EQ(file.records_by_kind.empty(), false) << file.path << " loaded nothing";
}

// A fact file that cannot be opened at its turn is a problem naming it, not an empty file.
TEST(FactFileReading, AFileThatCannotBeOpenedIsAnErrorNamingIt) {
  fs::path missing = fs::temp_directory_path() / "euiomkb-no-such-dir" / "gone.facts";
  detail::FactReader reader = detail::FactReader::of_file(missing.string(), missing);
  try {
    reader.next();
    ADD_FAILURE() << "no error";
  } catch (const ImportError& e) {
    EXPECT_NE(std::string(e.what()).find("gone.facts"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("cannot open the file: No such file or directory"),
              std::string::npos)
        << e.what();
  }
  EXPECT_FALSE(reader.next().has_value()) << "the reader went on past the failure";
}

TEST_F(ImportFilesTest, ASecondPreferredValueIsReportedAtItsField) {
  // The seed prefers a name for scf-2012; this file prefers another.
  fs::path facts = write("claim.facts",
                         "claim\n  subject: EU-IOM Strategic Cooperation Framework\n"
                         "  subject_type: agreement\n  subject_key: scf-2012\n"
                         "  attribute: name\n  value: EU-IOM Framework\n  preferred: yes\n"
                         "  reason: a test\n  cite: notes | Field notes\n"
                         "\nclaim\n  subject: EU-IOM Strategic Cooperation Framework\n"
                         "  subject_type: agreement\n  subject_key: scf-2012\n"
                         "  attribute: dissolved\n  value: 2030\n  preferred: yes\n"
                         "  reason: a test\n  cite: notes | Field notes\n"
                         "\nclaim\n  subject: EU-IOM Strategic Cooperation Framework\n"
                         "  subject_type: agreement\n  subject_key: scf-2012\n"
                         "  attribute: dissolved\n  value: 2031\n  preferred: yes\n"
                         "  reason: a test\n  cite: notes | Field notes\n");
  KnowledgeBase kb = open();
  ImportReport report = kb.import_files({dir_ / "source.facts", facts});
  ASSERT_EQ(report.outcome, ImportOutcome::rejected);
  std::string all;
  for (const ImportProblem& p : report.problems) all += p.to_string() + "\n";
  // Against the database, and against an earlier record of the same import.
  ASSERT_EQ(report.problems.size(), 2u) << all;
  EXPECT_EQ(report.problems[0].file, facts.string());
  EXPECT_EQ(report.problems[0].line, 7);
  EXPECT_EQ(report.problems[0].field, "preferred");
  EXPECT_NE(report.problems[0].message.find("already has a preferred value"), std::string::npos)
      << all;
  EXPECT_EQ(report.problems[1].line, 27);
  EXPECT_EQ(report.problems[1].field, "preferred");
  EXPECT_NE(report.problems[1].message.find("'2030'"), std::string::npos) << all;
}

TEST_F(ImportFilesTest, DryRunChecksEverythingAndWritesNothing) {
  fs::path facts = write("som12.facts", kMeeting);
  std::string before = test::file_hash(db_.str());
  KnowledgeBase kb = open();
  ImportOptions options;
  options.dry_run = true;
  ImportReport report = kb.import_files({dir_ / "source.facts", facts}, options);
  EXPECT_EQ(report.outcome, ImportOutcome::checked);
  EXPECT_EQ(report.records, 2);
  EXPECT_FALSE(kb.meetings().by_sequence("SOM", 12).has_value());
  EXPECT_EQ(test::file_hash(db_.str()), before);
  // And the real run afterwards works.
  EXPECT_EQ(kb.import_files({dir_ / "source.facts", facts}).outcome, ImportOutcome::imported);
}

TEST_F(ImportFilesTest, AnImportThatWouldFailVerifyIsRejected) {
  // A claim whose quotation does not name its subject: the record loads, verify()'s support
  // check refuses it.
  fs::path facts = write("claim.facts",
                         "claim\n  subject: EU-IOM Strategic Cooperation Framework\n"
                         "  subject_type: agreement\n  subject_key: scf-2012\n"
                         "  attribute: established\n  value: 2026-03\n  preferred: yes\n"
                         "  reason: a test\n  cite: notes | Field notes\n");
  std::string before = test::file_hash(db_.str());
  KnowledgeBase kb = open();
  ImportReport report = kb.import_files({dir_ / "source.facts", facts});
  ASSERT_EQ(report.outcome, ImportOutcome::rejected);
  ASSERT_EQ(report.problems.size(), 1u);
  const ImportProblem& p = report.problems[0];
  EXPECT_EQ(p.file, facts.string());
  EXPECT_EQ(p.line, 9) << "the claim's cite: line";
  EXPECT_EQ(p.field, "cite");
  EXPECT_NE(p.message.find("names-subject"), std::string::npos) << p.message;
  EXPECT_EQ(p.message.find("(claim "), std::string::npos) << "no internal ids: " << p.message;
  EXPECT_TRUE(kb.verify().ok());
  EXPECT_EQ(test::file_hash(db_.str()), before);
}

// One semantics: the fact file import_files refuses above (verify()'s support check) is
// refused by every import call, whatever form its input takes, and none of them writes. On the
// main of before KnowledgeBase::import, import_facts, import_fact_files and
// import_fact_streams ran no verify() and accepted it.
TEST_F(ImportFilesTest, AFileOneImportCallRefusesEveryImportCallRefuses) {
  const std::string claim =
      "claim\n  subject: EU-IOM Strategic Cooperation Framework\n"
      "  subject_type: agreement\n  subject_key: scf-2012\n"
      "  attribute: established\n  value: 2026-03\n  preferred: yes\n"
      "  reason: a test\n  cite: notes | Field notes\n";
  const std::string source =
      "source notes\n  file: notes-2026.txt\n  title: Field notes\n  language: en\n";
  fs::path facts = write("claim.facts", claim);
  DocumentProvider documents = [&](const std::string& name) -> std::optional<std::string> {
    std::ifstream in(dir_ / name, std::ios::binary);
    if (!in) return std::nullopt;
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  };
  std::string before = test::file_hash(db_.str());
  KnowledgeBase kb = open();
  auto expect_support_refusal = [](const ImportError& e) {
    EXPECT_NE(e.problem().find("names-subject"), std::string::npos) << e.what();
  };

  EXPECT_EQ(kb.import_files({dir_ / "source.facts", facts}).outcome, ImportOutcome::rejected);
  try {
    kb.import_facts({{"source.facts", source}, {"claim.facts", claim}}, documents);
    ADD_FAILURE() << "import_facts accepted what import_files refuses";
  } catch (const ImportError& e) {
    expect_support_refusal(e);
  }
  try {
    kb.import_fact_files({dir_ / "source.facts", facts}, documents);
    ADD_FAILURE() << "import_fact_files accepted what import_files refuses";
  } catch (const ImportError& e) {
    expect_support_refusal(e);
  }
  try {
    std::istringstream source_stream(source), claim_stream(claim);
    kb.import_fact_streams({{"source.facts", &source_stream}, {"claim.facts", &claim_stream}},
                           documents);
    ADD_FAILURE() << "import_fact_streams accepted what import_files refuses";
  } catch (const ImportError& e) {
    expect_support_refusal(e);
  }
  ImportInputs texts;
  texts.texts = {{"source.facts", source}, {"claim.facts", claim}};
  texts.documents = documents;
  ImportReport report = kb.import(texts);
  ASSERT_EQ(report.outcome, ImportOutcome::rejected);
  ASSERT_FALSE(report.problems.empty());
  EXPECT_NE(report.problems[0].message.find("names-subject"), std::string::npos);

  EXPECT_TRUE(kb.verify().ok());
  EXPECT_EQ(test::file_hash(db_.str()), before);
}

// import() takes files, texts and streams together, in that order, as one import.
TEST_F(ImportFilesTest, ImportTakesFilesTextsAndStreamsAsOneImport) {
  KnowledgeBase kb = open();
  std::istringstream stream(
      "\nattendance\n  meeting: som-12-notes\n  person: william-swing\n  role: co-chair\n"
      "  attested_as: reported\n  cite: notes | chaired by William L. Swing\n");
  ImportInputs inputs;
  inputs.files = {dir_ / "source.facts"};
  inputs.texts = {{"meeting.facts", kMeeting}};
  inputs.streams = {{"attendance.facts", &stream}};
  ImportReport report = kb.import(inputs);
  ASSERT_EQ(report.outcome, ImportOutcome::imported)
      << (report.problems.empty() ? "" : report.problems[0].to_string());
  EXPECT_EQ(report.records, 3);
  ASSERT_EQ(report.files.size(), 3u);
  EXPECT_EQ(report.files[1].path, "meeting.facts");
  EXPECT_EQ(report.files[2].records_by_kind.at("attendance"), 1);
  EXPECT_EQ(kb.import_log().size(), 1u) << "only the file on disk is logged";
  EXPECT_TRUE(kb.meetings().by_sequence("SOM", 12).has_value());
}

// A fact file is read at its turn, possibly long after the import hashed it: one that another
// program replaced meanwhile is refused, never loaded under the hash the log would record.
TEST_F(ImportFilesTest, AFileReplacedAfterItWasHashedIsRefused) {
  fs::path meeting = write("meeting.facts", kMeeting);
  fs::path source = dir_ / "source.facts";
  ImportInputs inputs;
  inputs.files = {source, meeting};
  bool replaced = false;
  // Asked for the document while the first file loads: the second is replaced then.
  inputs.documents = [&](const std::string& name) -> std::optional<std::string> {
    if (!replaced) {
      write("meeting.next", kMeeting + "  cite_note: a second version of the file\n");
      fs::rename(dir_ / "meeting.next", meeting);
      replaced = true;
    }
    std::ifstream in(dir_ / name, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  };
  KnowledgeBase kb = open();
  ImportReport report = kb.import(inputs);
  ASSERT_TRUE(replaced) << "the documents were not asked for during the load";
  EXPECT_EQ(report.outcome, ImportOutcome::rejected);
  ASSERT_EQ(report.problems.size(), 1u);
  EXPECT_EQ(report.problems[0].file, meeting.string());
  EXPECT_NE(report.problems[0].message.find("changed after the import began"), std::string::npos)
      << report.problems[0].message;
  EXPECT_TRUE(kb.import_log().empty());
}

TEST_F(ImportFilesTest, ACitationTheSupportCheckRefusesIsReportedAtItsCiteLine) {
  // Both quotations are in the document; the second names the meeting, not the person, so it
  // does not support the attendance. The problem is at that cite: line (15), not at an id.
  fs::path facts = write("som12.facts", kMeeting +
                                            "\nattendance\n  meeting: som-12-notes\n"
                                            "  person: william-swing\n  role: co-chair\n"
                                            "  attested_as: reported\n"
                                            "  cite: notes | chaired by William L. Swing\n"
                                            "  cite: notes | The twelfth EU-IOM Senior Officials "
                                            "Meeting was held in\n");
  std::string before = test::file_hash(db_.str());
  KnowledgeBase kb = open();
  ImportReport report = kb.import_files({dir_ / "source.facts", facts});
  ASSERT_EQ(report.outcome, ImportOutcome::rejected);
  ASSERT_EQ(report.problems.size(), 1u) << report.problems[0].to_string();
  const ImportProblem& p = report.problems[0];
  EXPECT_EQ(p.to_string().rfind(facts.string() + ":15: field 'cite': ", 0), 0u) << p.to_string();
  EXPECT_NE(p.message.find("Swing"), std::string::npos) << "names whom it should name";
  EXPECT_EQ(p.message.find("attendance "), std::string::npos) << "no internal ids: " << p.message;
  EXPECT_FALSE(kb.meetings().by_sequence("SOM", 12).has_value());
  EXPECT_EQ(test::file_hash(db_.str()), before);
}

TEST_F(ImportFilesTest, MissingFilesAndDirectoriesAreProblemsNotExceptions) {
  KnowledgeBase kb = open();
  ImportReport report = kb.import_files({dir_ / "absent.facts", dir_});
  ASSERT_EQ(report.problems.size(), 2u);
  EXPECT_EQ(report.problems[0].message, "no such file");
  EXPECT_NE(report.problems[1].message.find("is a directory"), std::string::npos);
}

TEST_F(ImportFilesTest, KeysAreListedByKindWithLabels) {
  KnowledgeBase kb = open();
  auto meetings = kb.keys("meeting");
  auto som11 = std::find_if(meetings.begin(), meetings.end(),
                            [](const auto& k) { return k.key == "som-11"; });
  ASSERT_NE(som11, meetings.end());
  EXPECT_NE(som11->label.find("11th"), std::string::npos) << som11->label;
  EXPECT_GT(kb.keys().size(), meetings.size());
  try {
    kb.keys("meetign");
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("did you mean 'meeting'?"), std::string::npos);
  }
}

TEST(ReadmeExample, TheReadmeShowsTheExampleFactFileAsItIs) {
  std::string readme = test::seed_file("README.md");
  std::string facts = test::seed_file("examples/import/readme.facts");
  EXPECT_NE(readme.find("```\n" + facts + "```"), std::string::npos)
      << "README.md no longer shows examples/import/readme.facts verbatim";
}

}  // namespace
}  // namespace euiomkb
