// Readers in other processes while imports run: WAL mode lets them read throughout; none may
// see part of an import, and no SQLITE_BUSY may reach them through the API.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "euiomkb/euiomkb.hpp"
#include "test_support.hpp"

namespace euiomkb {
namespace {

namespace fs = std::filesystem;

constexpr int kReaders = 3;
constexpr int kImports = 12;

// A reader: polls the counts until `stop` appears. Each import adds one meeting, one topic and
// one attendance, each with one citation, so a state is whole exactly when the three grew by
// the same number and the citations by three times it. Exit code: 0 every state was whole,
// 1 a partial state was seen, 2 an error (such as SQLITE_BUSY) reached the reader.
int read_until_stopped(const std::string& db, const fs::path& stop, const Counts& base) {
  try {
    long polls = 0;
    while (!fs::exists(stop) || polls == 0) {
      KnowledgeBase kb = KnowledgeBase::open(db);  // a fresh open now and then, too
      for (int i = 0; i < 20; ++i, ++polls) {
        Counts c = kb.counts();
        std::int64_t added = c.meetings - base.meetings;
        if (c.topics - base.topics != added || c.attendances - base.attendances != added ||
            c.citations - base.citations != 3 * added)
          return 1;
      }
    }
    return 0;
  } catch (const Error&) {
    return 2;
  }
}

TEST(Concurrency, ReadersInOtherProcessesSeeOnlyWholeImportsAndNeverBusy) {
  test::TempPath db;
  fs::path dir = fs::path(db.str() + ".d");
  fs::create_directories(dir);
  fs::path stop = dir / "stop";
  {
    std::ofstream(dir / "notes.txt") << "Field notes.\nChaired by William L. Swing.\n";
    std::ofstream(dir / "00_source.facts")
        << "source notes\n  file: notes.txt\n  title: Field notes\n  language: en\n";
    for (int k = 1; k <= kImports; ++k) {
      std::string key = "concurrent-" + std::to_string(k);
      std::ofstream(dir / (key + ".facts"))
          << "meeting " << key << "\n  title: Meeting " << k
          << "\n  cite: notes | Field notes\n  cite_note: a test fixture: this citation only has "
             "to be found in its document\n\n"
          << "topic\n  meeting: " << key << "\n  label: Topic " << k
          << "\n  cite: notes | Field notes\n  cite_note: a test fixture: this citation only has "
             "to be found in its document\n\nattendance\n  meeting: "
          << key << "\n  person: william-swing\n  role: participant\n  attested_as: reported\n"
          << "  cite: notes | Chaired by William L. Swing\n";
    }
  }
  Counts base;
  {
    KnowledgeBase kb = KnowledgeBase::create_seeded(db.str());
    ASSERT_EQ(kb.import_files({dir / "00_source.facts"}).outcome, ImportOutcome::imported);
    base = kb.counts();
  }
  std::vector<pid_t> readers;
  for (int r = 0; r < kReaders; ++r) {
    pid_t pid = ::fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) ::_exit(read_until_stopped(db.str(), stop, base));
    readers.push_back(pid);
  }
  {
    KnowledgeBase kb = KnowledgeBase::open(db.str(), KnowledgeBase::Mode::read_write);
    for (int k = 1; k <= kImports; ++k) {
      auto file = dir / ("concurrent-" + std::to_string(k) + ".facts");
      EXPECT_EQ(kb.import_files({file}).outcome, ImportOutcome::imported) << k;
    }
    EXPECT_EQ(kb.counts().meetings, base.meetings + kImports);
  }
  std::ofstream(stop) << "stop\n";
  for (pid_t pid : readers) {
    int status = 0;
    ASSERT_EQ(::waitpid(pid, &status, 0), pid);
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 0) << "1: a reader saw part of an import; 2: an error (busy)";
  }
  fs::remove_all(dir);
}

}  // namespace
}  // namespace euiomkb
