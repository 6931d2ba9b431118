#include "questions.hpp"

#include <algorithm>
#include <cstdint>
#include <stdexcept>
#include <tuple>
#include <utility>

#include "search/rank.hpp"  // kb_rank, the library's ranking function, on the raw connection too
#include "text/text.hpp"    // the library's own name folding: both sides bind the same key

namespace euiomkb::bench {
namespace {

// ---- the raw queries: what a programmer would write against schema/0001_core.sql ----

constexpr std::string_view kMeeting = R"sql(
SELECT m.meeting_id, m.series, m.sequence_no, m.title, m.held_on, m.location,
       (SELECT group_concat(o.short_name, ', ') FROM meeting_organisation mo
          JOIN organisation o ON o.organisation_id = mo.organisation_id
         WHERE mo.meeting_id = m.meeting_id AND mo.role = 'host'),
       (SELECT min(mo.organisation_id) FROM meeting_organisation mo
         WHERE mo.meeting_id = m.meeting_id AND mo.role = 'host'),
       (SELECT min(key) FROM record_key WHERE kind = 'meeting' AND row_id = m.meeting_id)
  FROM meeting m WHERE m.meeting_id = ?1
)sql";

constexpr std::string_view kAttendance = R"sql(
SELECT a.attendance_id, a.meeting_id, m.title, m.held_on, a.person_id, p.name, a.role,
       po.title, o.short_name, a.attested_as, coalesce(t.acting, 0), a.organisation_id, a.post_id
  FROM attendance a
  JOIN meeting m ON m.meeting_id = a.meeting_id
  JOIN person p ON p.person_id = a.person_id
  LEFT JOIN post po ON po.post_id = a.post_id
  LEFT JOIN organisation o ON o.organisation_id = a.organisation_id
  LEFT JOIN tenure t ON t.person_id = a.person_id AND t.post_id = a.post_id
 WHERE a.meeting_id = ?1
 ORDER BY a.attendance_id
)sql";

// A canonical name beats an alias; among equals the oldest person.
constexpr std::string_view kPersonByFolded = R"sql(
SELECT person_id, name, honorific,
       (SELECT min(key) FROM record_key WHERE kind = 'person' AND row_id = person_id) FROM (
  SELECT person_id, name, honorific, 0 AS rank FROM person WHERE name_folded = ?1
  UNION ALL
  SELECT p.person_id, p.name, p.honorific, 1 FROM person_alias a
    JOIN person p ON p.person_id = a.person_id
   WHERE a.folded = ?1)
 ORDER BY rank, person_id LIMIT 1
)sql";

constexpr std::string_view kAliases =
    "SELECT alias FROM person_alias WHERE person_id = ?1 ORDER BY alias";

// Partial dates compare as text: every date that `date` covers sorts within [?3, ?4], where
// ?4 is ?3 followed by '~' (after digits and '-').
constexpr std::string_view kHoldersOn = R"sql(
SELECT t.tenure_id, t.person_id, pe.name, t.post_id, po.title, o.short_name, t.start_date,
       t.end_date, t.attested_from, t.attested_to, t.acting, o.organisation_id
  FROM post po
  JOIN organisation o ON o.organisation_id = po.organisation_id
  JOIN tenure t ON t.post_id = po.post_id
  JOIN person pe ON pe.person_id = t.person_id
 WHERE po.title = ?1 COLLATE NOCASE AND o.short_name = ?2 COLLATE NOCASE
   AND coalesce(t.end_date, t.attested_to, '~') >= substr(?3, 1, 4)
   AND coalesce(t.start_date, t.attested_from) <= ?4
   AND (coalesce(t.end_date, t.attested_to) IS NULL
        OR ?3 <= coalesce(t.end_date, t.attested_to) || '~')
 ORDER BY coalesce(t.start_date, t.attested_from), t.tenure_id
)sql";

constexpr std::string_view kPartiesOn = R"sql(
SELECT ap.agreement_party_id, ap.agreement_id, o.short_name, ap.since, ap.how, ap.organisation_id
  FROM agreement_party ap JOIN organisation o ON o.organisation_id = ap.organisation_id
 WHERE ap.agreement_id = ?1 AND ap.since <= ?2
 ORDER BY ap.since, o.short_name
)sql";

constexpr std::string_view kSearch = R"sql(
SELECT kind, ref_id, label, snippet(kb_search, 3, '[', ']', '…', 12)
  FROM kb_search WHERE kb_search MATCH ?1 ORDER BY rank LIMIT ?2
)sql";

constexpr std::string_view kNewestMatches = R"sql(
SELECT rowid FROM kb_search WHERE kb_search MATCH ?1 AND rowid BETWEEN ?2 AND ?3
 ORDER BY rowid DESC LIMIT ?4
)sql";

constexpr std::string_view kRankBetween = R"sql(
SELECT rowid, kb_rank(kb_search) AS score FROM kb_search
 WHERE kb_search MATCH ?1 AND rowid BETWEEN ?2 AND ?3 ORDER BY score, rowid LIMIT ?4
)sql";

constexpr std::string_view kHitAt = R"sql(
SELECT kind, ref_id, label, snippet(kb_search, 3, '[', ']', '…', 12)
  FROM kb_search WHERE kb_search MATCH ?1 AND rowid = ?2
)sql";

constexpr std::string_view kCitations = R"sql(
SELECT c.citation_id, c.source_id, s.file_name, c.quote, c.start_offset, c.end_offset, c.note
  FROM citation c JOIN source s ON s.source_id = c.source_id
 WHERE c.subject_type = ?1 AND c.subject_id = ?2
 ORDER BY c.source_id, c.start_offset
)sql";

// ---- column readers ----

std::string text(sqlite3_stmt* s, int column) {
  const auto* bytes = sqlite3_column_text(s, column);
  if (!bytes) return {};
  return std::string(reinterpret_cast<const char*>(bytes),
                     static_cast<std::size_t>(sqlite3_column_bytes(s, column)));
}

std::optional<std::string> opt_text(sqlite3_stmt* s, int column) {
  if (sqlite3_column_type(s, column) == SQLITE_NULL) return std::nullopt;
  return text(s, column);
}

std::optional<PartialDate> opt_date(sqlite3_stmt* s, int column) {
  if (sqlite3_column_type(s, column) == SQLITE_NULL) return std::nullopt;
  const auto* bytes = sqlite3_column_text(s, column);
  return PartialDate::parse(
      std::string_view(reinterpret_cast<const char*>(bytes),
                       static_cast<std::size_t>(sqlite3_column_bytes(s, column))));
}

template <class IdType>
std::optional<IdType> opt_id(sqlite3_stmt* s, int column) {
  if (sqlite3_column_type(s, column) == SQLITE_NULL) return std::nullopt;
  return IdType(sqlite3_column_int64(s, column));
}

void bind_text(sqlite3_stmt* s, int index, std::string_view value) {
  sqlite3_bind_text(s, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
}

// Steps `s` to its end, mapping each row; resets it afterwards.
template <class Row>
auto rows(sqlite3_stmt* s, Row&& row) {
  std::vector<decltype(row(s))> out;
  int rc;
  while ((rc = sqlite3_step(s)) == SQLITE_ROW) out.push_back(row(s));
  sqlite3_reset(s);
  if (rc != SQLITE_DONE) throw std::runtime_error(sqlite3_errstr(rc));
  return out;
}

std::int64_t scalar(sqlite3* db, std::string_view sql, std::int64_t bound = 0) {
  RawStatement s(db, sql);
  if (sqlite3_bind_parameter_count(s.get()) > 0) sqlite3_bind_int64(s.get(), 1, bound);
  if (sqlite3_step(s.get()) != SQLITE_ROW) return -1;
  return sqlite3_column_int64(s.get(), 0);
}

std::string lower_ascii(std::string text) {
  for (char& c : text)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return text;
}

// ---- comparison of records ----

auto fields(const Meeting& m) {
  return std::tie(m.id, m.series, m.sequence_no, m.title, m.held_on, m.location, m.host, m.host_id,
                  m.key);
}
auto fields(const Attendance& a) {
  return std::tie(a.id, a.meeting_id, a.meeting, a.held_on, a.person_id, a.person, a.role, a.post,
                  a.organisation, a.attested_as, a.acting, a.organisation_id, a.post_id);
}
auto fields(const Person& p) { return std::tie(p.id, p.name, p.honorific, p.aliases, p.key); }
auto fields(const Tenure& t) {
  return std::tie(t.id, t.person_id, t.person, t.post_id, t.post, t.organisation, t.start_date,
                  t.end_date, t.attested_from, t.attested_to, t.acting, t.organisation_id);
}
auto fields(const AgreementParty& p) {
  return std::tie(p.id, p.agreement_id, p.organisation, p.since, p.how, p.organisation_id);
}
auto fields(const SearchHit& h) { return std::tie(h.kind, h.ref_id, h.label, h.snippet); }
auto fields(const Citation& c) {
  return std::tie(c.id, c.source_id, c.file_name, c.quote, c.start_offset, c.end_offset, c.note);
}

template <class T>
bool same(const std::vector<T>& a, const std::vector<T>& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                    [](const T& x, const T& y) { return fields(x) == fields(y); });
}
template <class T>
bool same(const std::optional<T>& a, const std::optional<T>& b) {
  return a.has_value() == b.has_value() && (!a || fields(*a) == fields(*b));
}

template <class T>
std::size_t size_of(const std::vector<T>& v) {
  return v.size();
}
template <class T>
std::size_t size_of(const std::optional<T>& v) {
  return v.has_value() ? 1 : 0;
}

}  // namespace

// A meeting by id with the statement of kMeeting.
std::optional<Meeting> meeting_row(sqlite3_stmt* s, MeetingId id);

RawDatabase::RawDatabase(const std::string& path, int flags) {
  if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
    std::string message = db_ ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    throw std::runtime_error("cannot open '" + path + "': " + message);
  }
}

RawDatabase::~RawDatabase() { sqlite3_close(db_); }

RawStatement::RawStatement(sqlite3* db, std::string_view sql) {
  if (sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                         &statement_, nullptr) != SQLITE_OK)
    throw std::runtime_error(std::string("cannot prepare: ") + sqlite3_errmsg(db));
}

RawStatement::~RawStatement() { sqlite3_finalize(statement_); }

Subjects choose_subjects(sqlite3* db) {
  Subjects s;
  std::int64_t meetings = scalar(db, "SELECT count(*) FROM meeting");
  if (meetings <= 0) throw std::runtime_error("the database holds no meetings");
  bool generated =
      scalar(db, "SELECT count(*) FROM record_key WHERE kind = 'meeting' AND key = 'g-m-0'") > 0;
  std::int64_t meeting =
      generated
          ? scalar(db, "SELECT meeting_id FROM meeting ORDER BY meeting_id LIMIT 1 OFFSET ?1",
                   meetings / 2 + 3)
          : scalar(db, "SELECT row_id FROM record_key WHERE kind = 'meeting' AND key = 'som-1'");
  if (meeting < 0) meeting = scalar(db, "SELECT min(meeting_id) FROM meeting");
  s.meeting = MeetingId(meeting);

  // The first attendee with an alias, else the first person with one.
  std::int64_t person = scalar(db, R"sql(
SELECT a.person_id FROM attendance a WHERE a.meeting_id = ?1
   AND EXISTS (SELECT 1 FROM person_alias pa WHERE pa.person_id = a.person_id)
 ORDER BY a.attendance_id LIMIT 1)sql",
                               meeting);
  if (person < 0)
    person = scalar(db, "SELECT person_id FROM person_alias ORDER BY person_alias_id LIMIT 1");
  if (person < 0) throw std::runtime_error("the database holds no alias");
  s.person = PersonId(person);
  {
    RawStatement alias(db,
                       "SELECT alias FROM person_alias WHERE person_id = ?1 "
                       "ORDER BY person_alias_id LIMIT 1");
    sqlite3_bind_int64(alias.get(), 1, person);
    sqlite3_step(alias.get());
    s.person_query = lower_ascii(text(alias.get(), 0));
    RawStatement name(db, "SELECT name FROM person WHERE person_id = ?1");
    sqlite3_bind_int64(name.get(), 1, person);
    sqlite3_step(name.get());
    s.name_phrase = '"';  // built in steps: g++ 12 -O3 warns falsely on "\"" + text + "\""
    s.name_phrase += text(name.get(), 0);
    s.name_phrase += '"';
  }
  {
    RawStatement held(db, "SELECT held_on FROM meeting WHERE meeting_id = ?1");
    sqlite3_bind_int64(held.get(), 1, meeting);
    sqlite3_step(held.get());
    if (auto date = opt_date(held.get(), 0)) s.post_date = *date;
    // The person's first dated tenure, asked on its first attested day (a post known only from
    // an undated document has no date and no holder on any day).
    RawStatement post(db, R"sql(
SELECT po.title, o.short_name, coalesce(t.start_date, t.attested_from)
  FROM tenure t JOIN post po ON po.post_id = t.post_id
  JOIN organisation o ON o.organisation_id = po.organisation_id
 WHERE t.person_id = ?1 AND coalesce(t.start_date, t.attested_from) IS NOT NULL
 ORDER BY t.tenure_id LIMIT 1)sql");
    sqlite3_bind_int64(post.get(), 1, person);
    if (sqlite3_step(post.get()) == SQLITE_ROW) {
      s.post_title = text(post.get(), 0);
      s.post_organisation = text(post.get(), 1);
      if (auto date = opt_date(post.get(), 2)) s.post_date = *date;
    } else {
      s.post_title = "Director General";
      s.post_organisation = "IOM";
    }
  }
  s.framework = AgreementId(
      scalar(db,
             "SELECT agreement_id FROM agreement WHERE kind = 'strategic_cooperation_framework' "
             "ORDER BY agreement_id LIMIT 1"));
  return s;
}

RawQueries::RankFunction::RankFunction(sqlite3* db) { detail::register_rank_function(db); }

RawQueries::RawQueries(sqlite3* db)
    : rank_function_(db),
      meeting_(db, kMeeting),
      attendance_(db, kAttendance),
      person_(db, kPersonByFolded),
      aliases_(db, kAliases),
      holders_(db, kHoldersOn),
      parties_(db, kPartiesOn),
      search_(db, kSearch),
      citations_(db, kCitations),
      newest_matches_(db, kNewestMatches),
      rank_between_(db, kRankBetween),
      hit_at_(db, kHitAt) {}

std::optional<Meeting> RawQueries::meeting_once(sqlite3* db, MeetingId id) {
  RawStatement statement(db, kMeeting);
  return meeting_row(statement.get(), id);
}

std::optional<Meeting> RawQueries::meeting(MeetingId id) { return meeting_row(meeting_.get(), id); }

std::optional<Meeting> meeting_row(sqlite3_stmt* s, MeetingId id) {
  sqlite3_bind_int64(s, 1, id.value());
  std::optional<Meeting> out;
  if (sqlite3_step(s) == SQLITE_ROW) {  // by primary key: one row at most
    std::optional<int> sequence;
    if (sqlite3_column_type(s, 2) != SQLITE_NULL) sequence = sqlite3_column_int(s, 2);
    out = Meeting{MeetingId(sqlite3_column_int64(s, 0)),
                  opt_text(s, 1),
                  sequence,
                  text(s, 3),
                  opt_date(s, 4),
                  opt_text(s, 5),
                  opt_text(s, 6),
                  opt_id<OrganisationId>(s, 7),
                  text(s, 8)};
  }
  sqlite3_reset(s);
  return out;
}

std::vector<Attendance> RawQueries::attendance(MeetingId id) {
  sqlite3_stmt* s = attendance_.get();
  sqlite3_bind_int64(s, 1, id.value());
  return rows(s, [](sqlite3_stmt* r) {
    return Attendance{AttendanceId(sqlite3_column_int64(r, 0)),
                      MeetingId(sqlite3_column_int64(r, 1)),
                      text(r, 2),
                      opt_date(r, 3),
                      PersonId(sqlite3_column_int64(r, 4)),
                      text(r, 5),
                      text(r, 6),
                      opt_text(r, 7),
                      opt_text(r, 8),
                      text(r, 9),
                      sqlite3_column_int(r, 10) == 1,
                      opt_id<OrganisationId>(r, 11),
                      opt_id<PostId>(r, 12)};
  });
}

std::optional<Person> RawQueries::person_by_name(std::string_view name) {
  std::string folded = fold_person_name(name);
  sqlite3_stmt* s = person_.get();
  bind_text(s, 1, folded);
  std::optional<Person> out;
  if (sqlite3_step(s) == SQLITE_ROW)
    out = Person{PersonId(sqlite3_column_int64(s, 0)), text(s, 1), opt_text(s, 2), {}, text(s, 3)};
  sqlite3_reset(s);
  if (out) {
    sqlite3_stmt* a = aliases_.get();
    sqlite3_bind_int64(a, 1, out->id.value());
    out->aliases = rows(a, [](sqlite3_stmt* r) { return text(r, 0); });
  }
  return out;
}

std::vector<Tenure> RawQueries::holders_on(std::string_view post, std::string_view organisation,
                                           const PartialDate& date) {
  sqlite3_stmt* s = holders_.get();
  std::string low = date.to_string();
  bind_text(s, 1, post);
  bind_text(s, 2, organisation);
  bind_text(s, 3, low);
  bind_text(s, 4, low + "~");
  return rows(s, [](sqlite3_stmt* r) {
    return Tenure{TenureId(sqlite3_column_int64(r, 0)),
                  PersonId(sqlite3_column_int64(r, 1)),
                  text(r, 2),
                  PostId(sqlite3_column_int64(r, 3)),
                  text(r, 4),
                  opt_text(r, 5),
                  opt_date(r, 6),
                  opt_date(r, 7),
                  opt_date(r, 8),
                  opt_date(r, 9),
                  sqlite3_column_int(r, 10) == 1,
                  opt_id<OrganisationId>(r, 11)};
  });
}

std::vector<AgreementParty> RawQueries::parties_on(AgreementId id, const PartialDate& date) {
  sqlite3_stmt* s = parties_.get();
  sqlite3_bind_int64(s, 1, id.value());
  bind_text(s, 2, date.to_string() + "~");
  return rows(s, [](sqlite3_stmt* r) {
    return AgreementParty{AgreementPartyId(sqlite3_column_int64(r, 0)),
                          AgreementId(sqlite3_column_int64(r, 1)),
                          text(r, 2),
                          opt_date(r, 3),
                          text(r, 4),
                          OrganisationId(sqlite3_column_int64(r, 5))};
  });
}

std::vector<SearchHit> RawQueries::search(std::string_view query, int limit, int rank_at_most) {
  // Records' rowids lie below 2^27, paragraphs' from there (lib/search/search_index.hpp).
  constexpr std::int64_t kRanges[2][2] = {{0, (std::int64_t{1} << 27) - 1},
                                          {std::int64_t{1} << 27, INT64_MAX}};
  // As the library: one read of at most 2 * rank_at_most + 1 matches, newest first, then the
  // records alone when the paragraphs filled it.
  const std::int64_t bound = rank_at_most;
  std::int64_t read = 0, passages = 0, records = 0, passage_cut = 0, record_cut = 0;
  auto newest = [&](std::int64_t from, std::int64_t to, std::int64_t at_most, auto&& visit) {
    sqlite3_stmt* s = newest_matches_.get();
    bind_text(s, 1, query);
    sqlite3_bind_int64(s, 2, from);
    sqlite3_bind_int64(s, 3, to);
    sqlite3_bind_int64(s, 4, at_most);
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) visit(sqlite3_column_int64(s, 0));
    sqlite3_reset(s);
    if (rc != SQLITE_DONE) throw std::runtime_error(sqlite3_errstr(rc));
  };
  newest(kRanges[0][0], kRanges[1][1], 2 * bound + 1, [&](std::int64_t rowid) {
    ++read;
    if (rowid >= kRanges[1][0]) {
      if (++passages == bound + 1) passage_cut = rowid;
    } else if (++records == bound + 1) {
      record_cut = rowid;
    }
  });
  if (passages > bound && read == 2 * bound + 1) {
    records = 0;
    newest(kRanges[0][0], kRanges[0][1], bound + 1, [&](std::int64_t rowid) {
      if (++records == bound + 1) record_cut = rowid;
    });
  }
  std::int64_t first[2] = {records > bound ? record_cut + 1 : kRanges[0][0],
                           passages > bound ? passage_cut + 1 : kRanges[1][0]};
  bool cut = records > bound || passages > bound;
  if (!cut) return search_all(query, limit);
  std::vector<std::pair<double, std::int64_t>> best;  // score, rowid
  for (int r = 0; r < 2; ++r) {
    sqlite3_stmt* s = rank_between_.get();
    bind_text(s, 1, query);
    sqlite3_bind_int64(s, 2, first[r]);
    sqlite3_bind_int64(s, 3, kRanges[r][1]);
    sqlite3_bind_int(s, 4, limit);
    for (auto& ranked : rows(s, [](sqlite3_stmt* row) {
           return std::make_pair(sqlite3_column_double(row, 1), sqlite3_column_int64(row, 0));
         }))
      best.push_back(ranked);
  }
  std::sort(best.begin(), best.end());
  std::vector<SearchHit> hits;
  for (std::size_t k = 0; k < best.size() && static_cast<int>(hits.size()) < limit; ++k) {
    sqlite3_stmt* s = hit_at_.get();
    bind_text(s, 1, query);
    sqlite3_bind_int64(s, 2, best[k].second);
    for (auto& hit : rows(s, [](sqlite3_stmt* r) {
           return SearchHit{text(r, 0), sqlite3_column_int64(r, 1), text(r, 2), text(r, 3)};
         }))
      hits.push_back(std::move(hit));
  }
  return hits;
}

std::vector<SearchHit> RawQueries::search_all(std::string_view query, int limit) {
  sqlite3_stmt* s = search_.get();
  bind_text(s, 1, query);
  sqlite3_bind_int(s, 2, limit);
  return rows(s, [](sqlite3_stmt* r) {
    return SearchHit{text(r, 0), sqlite3_column_int64(r, 1), text(r, 2), text(r, 3)};
  });
}

std::vector<Citation> RawQueries::citations(std::string_view subject_type,
                                            std::int64_t subject_id) {
  sqlite3_stmt* s = citations_.get();
  bind_text(s, 1, subject_type);
  sqlite3_bind_int64(s, 2, subject_id);
  return rows(s, [](sqlite3_stmt* r) {
    return Citation{CitationId(sqlite3_column_int64(r, 0)),
                    SourceId(sqlite3_column_int64(r, 1)),
                    text(r, 2),
                    text(r, 3),
                    sqlite3_column_int64(r, 4),
                    sqlite3_column_int64(r, 5),
                    opt_text(r, 6)};
  });
}

std::string fold_person_name(std::string_view name) { return euiomkb::detail::fold_name(name); }

std::vector<QuestionCase> question_cases(const KnowledgeBase& kb, RawQueries& raw,
                                         const Subjects& s) {
  std::vector<QuestionCase> cases;
  cases.push_back({"MeetingById", [&kb, &s] { return size_of(kb.meetings().find(s.meeting)); },
                   [&raw, &s] { return size_of(raw.meeting(s.meeting)); }});
  cases.push_back({"AttendanceOfMeeting",
                   [&kb, &s] { return size_of(kb.meetings().attendance(s.meeting)); },
                   [&raw, &s] { return size_of(raw.attendance(s.meeting)); }});
  cases.push_back({"PersonByAlias",
                   [&kb, &s] { return size_of(kb.people().by_name(s.person_query)); },
                   [&raw, &s] { return size_of(raw.person_by_name(s.person_query)); }});
  cases.push_back({"HoldersOnDate",
                   [&kb, &s] {
                     return size_of(
                         kb.people().holders_on(s.post_title, s.post_organisation, s.post_date));
                   },
                   [&raw, &s] {
                     return size_of(raw.holders_on(s.post_title, s.post_organisation, s.post_date));
                   }});
  cases.push_back(
      {"PartiesOnDate",
       [&kb, &s] { return size_of(kb.agreements().parties_on(s.framework, s.parties_date)); },
       [&raw, &s] { return size_of(raw.parties_on(s.framework, s.parties_date)); }});
  cases.push_back({"SearchCommonWord", [&kb, &s] { return size_of(kb.search(s.common_word, 20)); },
                   [&raw, &s] { return size_of(raw.search(s.common_word, 20)); }});
  cases.push_back({"SearchCommonWordAll",
                   [&kb, &s] {
                     SearchOptions options;
                     options.rank_at_most = 0;
                     return size_of(kb.search(s.common_word, options));
                   },
                   [&raw, &s] { return size_of(raw.search_all(s.common_word, 20)); }});
  cases.push_back({"SearchName", [&kb, &s] { return size_of(kb.search(s.name_phrase, 20)); },
                   [&raw, &s] { return size_of(raw.search(s.name_phrase, 20)); }});
  cases.push_back({"CitationsOfRecord",
                   [&kb, &s] { return size_of(kb.citations("person", s.person.value())); },
                   [&raw, &s] { return size_of(raw.citations("person", s.person.value())); }});
  return cases;
}

void check_same_answers(const KnowledgeBase& kb, RawQueries& raw, const Subjects& s) {
  auto check = [](std::string_view name, bool equal, std::size_t found) {
    if (!equal) throw std::runtime_error(std::string(name) + ": library and raw answers differ");
    if (found == 0) throw std::runtime_error(std::string(name) + ": finds nothing");
  };
  auto meeting = kb.meetings().find(s.meeting);
  check("MeetingById", same(meeting, raw.meeting(s.meeting)), size_of(meeting));
  auto attendance = kb.meetings().attendance(s.meeting);
  check("AttendanceOfMeeting", same(attendance, raw.attendance(s.meeting)), attendance.size());
  auto person = kb.people().by_name(s.person_query);
  check("PersonByAlias", same(person, raw.person_by_name(s.person_query)), size_of(person));
  if (person && person->id != s.person)
    throw std::runtime_error("PersonByAlias: finds someone else");
  auto holders = kb.people().holders_on(s.post_title, s.post_organisation, s.post_date);
  check("HoldersOnDate",
        same(holders, raw.holders_on(s.post_title, s.post_organisation, s.post_date)),
        holders.size());
  // The library adds each party's standing on the date (its lineage); the rows are the same.
  std::vector<AgreementParty> parties;
  for (auto& p : kb.agreements().parties_on(s.framework, s.parties_date))
    parties.push_back(p.party);
  check("PartiesOnDate", same(parties, raw.parties_on(s.framework, s.parties_date)),
        parties.size());
  auto common = kb.search(s.common_word, 20);
  check("SearchCommonWord", same(common, raw.search(s.common_word, 20)), common.size());
  SearchOptions rank_all;
  rank_all.rank_at_most = 0;
  auto all = kb.search(s.common_word, rank_all);
  check("SearchCommonWordAll", same(all, raw.search_all(s.common_word, 20)), all.size());
  auto named = kb.search(s.name_phrase, 20);
  check("SearchName", same(named, raw.search(s.name_phrase, 20)), named.size());
  auto citations = kb.citations("person", s.person.value());
  check("CitationsOfRecord", same(citations, raw.citations("person", s.person.value())),
        citations.size());
}

double median(std::vector<double>& samples) {
  if (samples.empty()) return 0;
  auto middle = samples.begin() + static_cast<std::ptrdiff_t>(samples.size() / 2);
  std::nth_element(samples.begin(), middle, samples.end());
  return *middle;
}

}  // namespace euiomkb::bench
