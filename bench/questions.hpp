// The questions the benchmarks time (issue 5, items 1-6), each asked twice: through the
// library, and through the sqlite3 C API directly (statement prepared once, bound, stepped,
// columns copied into the same record struct the library returns). The query suite, the scale
// runner and the callgrind driver share them, so all three time the same work.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "euiomkb/knowledge_base.hpp"

namespace euiomkb::bench {

// An sqlite3 connection, closed when destroyed. Throws std::runtime_error if it cannot open.
class RawDatabase {
 public:
  explicit RawDatabase(const std::string& path, int flags = SQLITE_OPEN_READONLY);
  ~RawDatabase();
  RawDatabase(const RawDatabase&) = delete;
  RawDatabase& operator=(const RawDatabase&) = delete;
  sqlite3* get() const noexcept { return db_; }

 private:
  sqlite3* db_ = nullptr;
};

// A prepared statement, finalized when destroyed.
class RawStatement {
 public:
  RawStatement(sqlite3* db, std::string_view sql);
  ~RawStatement();
  RawStatement(const RawStatement&) = delete;
  RawStatement& operator=(const RawStatement&) = delete;
  sqlite3_stmt* get() const noexcept { return statement_; }

 private:
  sqlite3_stmt* statement_ = nullptr;
};

// What the questions ask about. In a generated database: a meeting in the middle of the
// generated ones, its first attendee (a recurring person, asked for by alias in lower case),
// that person's post on the meeting's date. In the seed: SOM 1 and its first attendee.
struct Subjects {
  MeetingId meeting{0};
  PersonId person{0};
  std::string person_query;  // an alias of `person`, lower case
  std::string post_title;
  std::string post_organisation;
  PartialDate post_date{2013};
  AgreementId framework{0};
  PartialDate parties_date{2019, 6, 30};
  std::string common_word = "migration";
  std::string name_phrase;  // the person's name as an FTS5 phrase
};

// Chooses the subjects with plain SQL on `db`. Throws std::runtime_error on an empty database.
Subjects choose_subjects(sqlite3* db);

// The raw twin of each library call.
class RawQueries {
 public:
  explicit RawQueries(sqlite3* db);
  std::optional<Meeting> meeting(MeetingId id);
  std::vector<Attendance> attendance(MeetingId id);
  std::optional<Person> person_by_name(std::string_view name);
  std::vector<Tenure> holders_on(std::string_view post, std::string_view organisation,
                                 const PartialDate& date);
  // Each party by the date and its standing then, computed as the library computes it
  // (Agreements::parties_on, detail::Standing): the same stored rows, read with the same SQL.
  std::vector<PartyOnDate> parties_on(AgreementId id, const PartialDate& date);
  // As KnowledgeBase::search with SearchOptions{limit} (its default rank_at_most): the newest
  // `rank_at_most` matching records and as many paragraphs ranked, when more match.
  std::vector<SearchHit> search(std::string_view query, int limit, int rank_at_most = 5000);
  // Every match ranked (rank_at_most 0): the one statement search ran before issue 19.
  std::vector<SearchHit> search_all(std::string_view query, int limit);
  std::vector<Citation> citations(std::string_view subject_type, std::int64_t subject_id);
  // A meeting by id on a connection just opened: prepares, steps and finalizes its statement.
  static std::optional<Meeting> meeting_once(sqlite3* db, MeetingId id);

 private:
  friend class RawStanding;
  // Registers kb_rank on `db` before the statements that use it are prepared.
  struct RankFunction {
    explicit RankFunction(sqlite3* db);
  } rank_function_;
  RawStatement meeting_, attendance_, person_, aliases_, holders_, parties_, search_, citations_,
      newest_matches_, rank_between_, hit_at_, organisation_, lineage_, first_shown_,
      name_candidates_, parent_on_;
};

// Folds a name as People::by_name does (the library's detail::fold_name, so both twins bind the
// same key; the fold is not what the pair compares): lower case, Latin accents
// removed, apostrophes and dots dropped, runs of spaces and hyphens made one space.
std::string fold_person_name(std::string_view name);

// One question, asked both ways; each returns the number of records it produced.
struct QuestionCase {
  std::string name;  // e.g. "MeetingById"
  std::function<std::size_t()> lib;
  std::function<std::size_t()> raw;
};

// Questions 1-6. The callables keep references to their arguments.
std::vector<QuestionCase> question_cases(const KnowledgeBase& kb, RawQueries& raw,
                                         const Subjects& subjects);

// Asks every question both ways and throws std::runtime_error naming the first question whose
// answers differ (or that finds nothing, which would make its timing meaningless).
void check_same_answers(const KnowledgeBase& kb, RawQueries& raw, const Subjects& subjects);

// Median of `samples` (sorted in place); 0 for none.
double median(std::vector<double>& samples);

}  // namespace euiomkb::bench
