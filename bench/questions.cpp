#include "questions.hpp"

#include <algorithm>
#include <cstdint>
#include <map>
#include <set>
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

// A party whose joining is undated stays in, its standing undetermined.
constexpr std::string_view kPartiesOn = R"sql(
SELECT ap.agreement_party_id, ap.agreement_id, o.short_name, ap.since, ap.how, ap.organisation_id
  FROM agreement_party ap JOIN organisation o ON o.organisation_id = ap.organisation_id
 WHERE ap.agreement_id = ?1 AND (ap.since IS NULL OR ap.since <= ?2)
 ORDER BY ap.since, o.short_name
)sql";

// An organisation with its latest known parent (an open-ended link first, then the latest
// start) and its first key.
constexpr std::string_view kOrganisation = R"sql(
SELECT o.organisation_id, o.short_name, o.name, o.kind, p.short_name, p.organisation_id,
       (SELECT min(key) FROM record_key WHERE kind = 'organisation' AND row_id = o.organisation_id)
  FROM organisation o
  LEFT JOIN organisation p ON p.organisation_id = (
    SELECT op.parent_organisation_id FROM organisation_parent op
     WHERE op.organisation_id = o.organisation_id
     ORDER BY op.valid_to IS NULL DESC, op.valid_from DESC LIMIT 1)
 WHERE o.organisation_id = ?1
)sql";

constexpr std::string_view kLineage = R"sql(
SELECT e.organisation_event_id, e.event, f.short_name, t.short_name, e.occurred_on, e.basis, e.note,
       e.from_organisation_id, e.to_organisation_id
  FROM organisation_event e
  LEFT JOIN organisation f ON f.organisation_id = e.from_organisation_id
  LEFT JOIN organisation t ON t.organisation_id = e.to_organisation_id
 WHERE e.from_organisation_id = ?1 OR e.to_organisation_id = ?1
 ORDER BY e.occurred_on, e.organisation_event_id
)sql";

// The earliest dated source cited for organisation ?1 that may date from ?2 and surely dates
// from no later than ?3.
constexpr std::string_view kFirstShown = R"sql(
SELECT s.published, s.title FROM citation c JOIN source s ON s.source_id = c.source_id
 WHERE c.subject_type = 'organisation' AND c.subject_id = ?1 AND s.published IS NOT NULL
   AND s.published || '~' >= ?2 AND s.published || '~' <= ?3
 ORDER BY s.published || '~' LIMIT 1
)sql";

// The English names with their validity and first attestation, the full and short names, and
// the dated passages cited for the organisation (which date those two).
constexpr std::string_view kNameCandidates = R"sql(
SELECT n.name, 'name', n.valid_from, n.valid_to,
       (SELECT rtrim(min(d || '~'), '~')
          FROM (SELECT n.attested_on AS d
                UNION ALL
                SELECT s.published FROM citation c JOIN source s ON s.source_id = c.source_id
                 WHERE c.subject_type = 'organisation_name' AND c.subject_id = n.organisation_name_id))
  FROM organisation_name n WHERE n.organisation_id = ?1 AND n.language = 'en'
UNION ALL
SELECT o.name, 'full', NULL, NULL, NULL FROM organisation o WHERE o.organisation_id = ?1
UNION ALL
SELECT o.short_name, 'short', NULL, NULL, NULL FROM organisation o WHERE o.organisation_id = ?1
UNION ALL
SELECT c.quote, 'quote', NULL, NULL, s.published FROM citation c
  JOIN source s ON s.source_id = c.source_id
 WHERE c.subject_type = 'organisation' AND c.subject_id = ?1 AND s.published IS NOT NULL
)sql";

constexpr std::string_view kParentOn = R"sql(
SELECT parent_organisation_id FROM organisation_parent
 WHERE organisation_id = ?1 AND (valid_from IS NULL OR valid_from <= ?3)
   AND (valid_to IS NULL OR ?2 <= valid_to || '~')
 ORDER BY valid_from DESC LIMIT 1
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

// Binds without copying, as the library's Statement::bind_text does: `value` must outlive the
// statement's steps (every caller binds its own arguments, alive for the whole question).
void bind_text(sqlite3_stmt* s, int index, std::string_view value) {
  sqlite3_bind_text64(s, index, value.data() != nullptr ? value.data() : "", value.size(),
                      SQLITE_STATIC, SQLITE_UTF8);
}

// Binds a copy of `value` (a temporary, or where the library's side copies too).
void bind_copy(sqlite3_stmt* s, int index, const std::string& value) {
  sqlite3_bind_text64(s, index, value.data(), value.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
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
auto fields(const Organisation& o) {
  return std::tie(o.id, o.short_name, o.name, o.kind, o.parent_short_name, o.parent_id, o.key);
}
auto fields(const OrganisationEvent& e) {
  return std::tie(e.id, e.event, e.from_short_name, e.to_short_name, e.occurred_on,
                  e.general_knowledge, e.note, e.from_id, e.to_id);
}
auto fields(const NameOnDate& n) {
  return std::tie(n.name, n.how, n.first_attested, n.full_name, n.full_name_from);
}
auto fields(const SearchHit& h) { return std::tie(h.kind, h.ref_id, h.label, h.snippet); }
auto fields(const Citation& c) {
  return std::tie(c.id, c.source_id, c.file_name, c.quote, c.start_offset, c.end_offset, c.note);
}

template <class T>
bool equal(const T& a, const T& b) {
  return fields(a) == fields(b);
}
bool equal(const PartyOnDate& a, const PartyOnDate& b);
template <class T>
bool same(const std::vector<T>& a, const std::vector<T>& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                    [](const T& x, const T& y) { return equal(x, y); });
}
template <class T>
bool same(const std::optional<T>& a, const std::optional<T>& b) {
  return a.has_value() == b.has_value() && (!a || equal(*a, *b));
}
bool equal(const PartyOnDate& a, const PartyOnDate& b) {
  const OrganisationOnDate& x = a.standing;
  const OrganisationOnDate& y = b.standing;
  return equal(a.party, b.party) && equal(x.organisation, y.organisation) && x.date == y.date &&
         x.standing == y.standing && same(x.as, y.as) && same(x.through, y.through) &&
         x.basis == y.basis && x.explanation == y.explanation && same(x.name, y.name) &&
         same(x.parent, y.parent);
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
      hit_at_(db, kHitAt),
      organisation_(db, kOrganisation),
      lineage_(db, kLineage),
      first_shown_(db, kFirstShown),
      name_candidates_(db, kNameCandidates),
      parent_on_(db, kParentOn) {}

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
  bind_copy(s, 3, low);
  bind_copy(s, 4, low + "~");
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

// The standing of an organisation on a date, as detail::Standing reads it (lib/repositories/
// standing.cpp): the lineage followed backwards then forwards, an overlapping event placed
// before the date by a document that already names what it made, then the name and parent of
// whom the organisation then was.
class RawStanding {
 public:
  RawStanding(RawQueries& raw, const PartialDate& date)
      : raw_(raw), date_(date), low_(date.to_string()), high_(low_ + "~") {}

  // Read once per id, as the library does.
  std::optional<Organisation> organisation(OrganisationId id) {
    auto known = found_.find(id.value());
    if (known != found_.end()) return known->second;
    sqlite3_stmt* s = raw_.organisation_.get();
    sqlite3_bind_int64(s, 1, id.value());
    std::optional<Organisation> out;
    if (sqlite3_step(s) == SQLITE_ROW)
      out = Organisation{OrganisationId(sqlite3_column_int64(s, 0)),
                         text(s, 1),
                         text(s, 2),
                         text(s, 3),
                         opt_text(s, 4),
                         opt_id<OrganisationId>(s, 5),
                         text(s, 6)};
    sqlite3_reset(s);
    found_.emplace(id.value(), out);
    return out;
  }

  OrganisationOnDate of(const Organisation& asked) {
    OrganisationOnDate out{asked, date_, "itself", asked, {}, "document", "", {}, {}};
    Organisation current = asked;
    std::vector<std::string> said;
    std::set<std::int64_t> visited{asked.id.value()};
    auto loops = [&](const Organisation& next) {
      if (visited.insert(next.id.value()).second) return false;
      said.push_back("the recorded lineage returns to " + next.short_name);
      return true;
    };
    for (int guard = 0; guard < 64; ++guard) {
      auto into = events(current.id, true);
      if (into.empty()) break;
      const OrganisationEvent& e = into.front();
      if (e.event == "merged") break;
      std::string basis = event_basis(e);
      std::string why;
      Timing t = timing(into, {current.id}, basis, why);
      if (t == Timing::before) {
        if (!why.empty()) {
          out.through.push_back(e);
          weaken(out.basis, basis);
          said.push_back(current.short_name + " came from " + e.from_short_name.value_or("?") +
                         " (" + e.event + " " + when_text(e.occurred_on) + ", " +
                         basis_words(event_basis(e)) + "); " + why);
        }
        break;
      }
      out.through.push_back(e);
      weaken(out.basis, basis);
      if (t == Timing::open) {
        said.push_back(current.short_name + " came from " + e.from_short_name.value_or("?") + " (" +
                       e.event + " " + when_text(e.occurred_on) + ", " +
                       basis_words(event_basis(e)) + "); " + why);
        return finish(out, "undetermined", std::nullopt, said);
      }
      if (e.event == "renamed" && e.from_id) {
        auto before = organisation(*e.from_id);
        if (!before) break;
        if (loops(*before)) return finish(out, "undetermined", std::nullopt, said);
        said.push_back(current.short_name + " was still " + before->short_name + ": " +
                       before->short_name + " was " + phrase(e) + " " + when_text(e.occurred_on) +
                       ", after " + date_.to_string() + " (" + basis_words(event_basis(e)) + ")");
        out.standing = "predecessor";
        current = *before;
        continue;
      }
      said.push_back(current.short_name + " did not exist yet: it was " +
                     (e.from_short_name ? "made when " + *e.from_short_name + " was " + e.event
                                        : std::string("created")) +
                     " " + when_text(e.occurred_on) + ", after " + date_.to_string() + " (" +
                     basis_words(event_basis(e)) + ")");
      return finish(out, "not yet", std::nullopt, said);
    }
    for (int guard = 0; guard < 64; ++guard) {
      auto from = events(current.id, false);
      if (from.empty()) break;
      std::vector<OrganisationId> made;
      for (const auto& e : from)
        if (e.to_id) made.push_back(*e.to_id);
      std::string basis = event_basis(from.front());
      std::string why;
      Timing t = timing(from, made, basis, why);
      if (t == Timing::after) break;
      const OrganisationEvent& e = from.front();
      out.through.insert(out.through.end(), from.begin(), from.end());
      weaken(out.basis, basis);
      std::string what = current.short_name + " was " + phrase_all(from) + " " +
                         when_text(e.occurred_on) + " (" + basis_words(event_basis(e)) + ")";
      if (t == Timing::open) {
        said.push_back(what + "; " + why);
        return finish(out, "undetermined", std::nullopt, said);
      }
      said.push_back(what + (why.empty() ? "" : "; " + why));
      if ((e.event == "renamed" || e.event == "merged") && e.to_id && from.size() == 1) {
        auto after = organisation(*e.to_id);
        if (!after) break;
        if (loops(*after)) return finish(out, "undetermined", std::nullopt, said);
        out.standing = "successor";
        current = *after;
        continue;
      }
      return finish(out, "ceased", std::nullopt, said);
    }
    return finish(out, out.standing, current, said);
  }

 private:
  enum class Timing { before, after, open };

  static int basis_rank(std::string_view basis) {
    return basis == "document" ? 0 : basis == "inferred" ? 1 : 2;
  }
  static void weaken(std::string& basis, std::string_view by) {
    if (basis_rank(by) > basis_rank(basis)) basis = std::string(by);
  }
  static std::string event_basis(const OrganisationEvent& e) {
    return e.general_knowledge ? "general_knowledge" : "document";
  }
  static std::string basis_words(std::string_view basis) {
    return basis == "general_knowledge" ? "general knowledge, no document states it"
           : basis == "inferred"        ? "inferred"
                                        : "stated in a document";
  }
  static std::string when_text(const std::optional<PartialDate>& date) {
    return date ? "in " + date->to_string() : "at a date not recorded";
  }
  static std::string phrase(const OrganisationEvent& e) {
    std::string to = e.to_short_name.value_or("?");
    if (e.event == "renamed") return "renamed " + to;
    if (e.event == "merged") return "merged into " + to;
    if (e.event == "split") return "split into " + to;
    return e.event;
  }
  static std::string phrase_all(const std::vector<OrganisationEvent>& parts) {
    if (parts.front().event != "split" || parts.size() == 1) return phrase(parts.front());
    std::string out = "split into ";
    for (std::size_t i = 0; i < parts.size(); ++i)
      out += (i == 0                  ? ""
              : i + 1 == parts.size() ? " and "
                                      : ", ") +
             parts[i].to_short_name.value_or("?");
    return out;
  }

  std::vector<OrganisationEvent> events(OrganisationId id, bool into) {
    auto known = lineages_.find(id.value());
    if (known == lineages_.end()) known = lineages_.emplace(id.value(), lineage(id)).first;
    std::vector<OrganisationEvent> mine;
    for (const auto& e : known->second) {
      bool is_into = e.to_id && *e.to_id == id;
      bool is_from = e.from_id && *e.from_id == id;
      if (into ? (is_into && e.event != "dissolved") : (is_from && e.event != "created"))
        mine.push_back(e);
    }
    if (mine.empty()) return mine;
    std::vector<OrganisationEvent> first{mine.front()};
    for (std::size_t i = 1; i < mine.size(); ++i)
      if (!into && mine[i].event == first.front().event &&
          mine[i].occurred_on == first.front().occurred_on)
        first.push_back(mine[i]);
    return first;
  }

  std::vector<OrganisationEvent> lineage(OrganisationId id) {
    sqlite3_stmt* s = raw_.lineage_.get();
    sqlite3_bind_int64(s, 1, id.value());
    return rows(s, [](sqlite3_stmt* r) {
      return OrganisationEvent{OrganisationEventId(sqlite3_column_int64(r, 0)),
                               text(r, 1),
                               opt_text(r, 2),
                               opt_text(r, 3),
                               opt_date(r, 4),
                               text(r, 5) == "general_knowledge",
                               opt_text(r, 6),
                               opt_id<OrganisationId>(r, 7),
                               opt_id<OrganisationId>(r, 8)};
    });
  }

  Timing timing(const std::vector<OrganisationEvent>& events,
                const std::vector<OrganisationId>& made, std::string& basis, std::string& why) {
    const auto& when = events.front().occurred_on;
    if (when) {
      std::string low = when->to_string();
      std::string high = low + "~";
      if (high < low_) return Timing::before;
      if (low > high_) return Timing::after;
      for (OrganisationId id : made) {
        if (events.front().event == "merged") break;
        sqlite3_stmt* s = raw_.first_shown_.get();
        sqlite3_bind_int64(s, 1, id.value());
        bind_text(s, 2, low);
        bind_text(s, 3, high_);
        std::optional<std::pair<PartialDate, std::string>> shown;
        if (sqlite3_step(s) == SQLITE_ROW)
          if (auto published = opt_date(s, 0)) shown = std::pair(*published, text(s, 1));
        sqlite3_reset(s);
        if (!shown) continue;
        auto o = organisation(id);
        why = "a document of " + shown->first.to_string() + " (\"" + shown->second +
              "\") already names " + (o ? o->short_name : "its successor") + ", so it came by " +
              date_.to_string() + " (inferred)";
        weaken(basis, "inferred");
        return Timing::before;
      }
    }
    why = "the recorded dates do not settle whether it had happened by " + date_.to_string();
    return Timing::open;
  }

  OrganisationOnDate& finish(OrganisationOnDate& out, std::string standing,
                             std::optional<Organisation> as, const std::vector<std::string>& said) {
    out.standing = std::move(standing);
    out.as = std::move(as);
    for (const std::string& s : said) out.explanation += (out.explanation.empty() ? "" : "; ") + s;
    if (out.as) {
      out.name = name_of(out.as->id);
      out.parent = parent_of(out.as->id);
    }
    return out;
  }

  static bool alnum(char c) {
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  }
  // The full name anywhere, ignoring ASCII case; the short name as a whole word, case kept.
  static bool writes(const std::string& passage, const std::string& name, bool whole_word) {
    if (!whole_word) return lower_ascii(passage).find(lower_ascii(name)) != std::string::npos;
    for (auto at = passage.find(name); at != std::string::npos; at = passage.find(name, at + 1)) {
      auto end = at + name.size();
      if ((at == 0 || !alnum(passage[at - 1])) && (end == passage.size() || !alnum(passage[end])))
        return true;
    }
    return false;
  }

  NameOnDate name_of(OrganisationId id) {
    struct Candidate {
      std::string name, kind;
      std::optional<PartialDate> valid_from, valid_to, attested;
      std::optional<std::string> attested_text;
    };
    std::vector<Candidate> candidates;
    std::vector<std::pair<std::string, std::string>> passages;
    sqlite3_stmt* s = raw_.name_candidates_.get();
    sqlite3_bind_int64(s, 1, id.value());
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
      if (text(s, 1) == "quote")
        passages.emplace_back(text(s, 0), text(s, 4));
      else
        candidates.push_back(
            {text(s, 0), text(s, 1), opt_date(s, 2), opt_date(s, 3), {}, opt_text(s, 4)});
    }
    sqlite3_reset(s);
    if (rc != SQLITE_DONE) throw std::runtime_error(sqlite3_errstr(rc));
    for (Candidate& c : candidates) {
      if (c.kind != "name")
        for (const auto& [quote, published] : passages)
          if ((!c.attested_text || published + '~' < *c.attested_text + '~') &&
              writes(quote, c.name, c.kind == "short"))
            c.attested_text = published;
      if (c.attested_text) c.attested = PartialDate::parse(*c.attested_text);
    }
    auto excluded = [&](const Candidate& c) {
      return (c.valid_from && c.valid_from->to_string() > high_) ||
             (c.valid_to && c.valid_to->to_string() + "~" < low_);
    };
    auto rank = [](const Candidate& c) { return c.kind == "full" ? 2 : c.kind == "name" ? 1 : 0; };
    const Candidate* valid = nullptr;
    const Candidate* attested = nullptr;
    for (const Candidate& c : candidates) {
      if (excluded(c)) continue;
      if ((c.valid_from || c.valid_to) &&
          (!valid || (c.valid_from && (!valid->valid_from || *valid->valid_from < *c.valid_from))))
        valid = &c;
      if (c.attested && c.attested->to_string() + "~" <= high_ &&
          (!attested || *attested->attested < *c.attested ||
           (*attested->attested == *c.attested && rank(*attested) < rank(c))))
        attested = &c;
    }
    if (valid) return {valid->name, "valid", valid->attested, {}, {}};
    if (attested) return {attested->name, "attested", attested->attested, {}, {}};
    NameOnDate out{"", "short name", {}, {}, {}};
    for (const Candidate& c : candidates) {
      if (c.kind == "short") {
        out.name = c.name;
        out.first_attested = c.attested;
      } else if (c.kind == "full") {
        out.full_name = c.name;
        out.full_name_from = c.attested;
      }
    }
    return out;
  }

  std::optional<Organisation> parent_of(OrganisationId id) {
    sqlite3_stmt* s = raw_.parent_on_.get();
    sqlite3_bind_int64(s, 1, id.value());
    bind_text(s, 2, low_);
    bind_text(s, 3, high_);
    std::optional<std::int64_t> parent;
    if (sqlite3_step(s) == SQLITE_ROW) parent = sqlite3_column_int64(s, 0);
    sqlite3_reset(s);
    if (!parent) return std::nullopt;
    return organisation(OrganisationId(*parent));
  }

  RawQueries& raw_;
  PartialDate date_;
  std::string low_, high_;
  std::map<std::int64_t, std::optional<Organisation>> found_;
  std::map<std::int64_t, std::vector<OrganisationEvent>> lineages_;
};

std::vector<PartyOnDate> RawQueries::parties_on(AgreementId id, const PartialDate& date) {
  sqlite3_stmt* s = parties_.get();
  RawStanding standing(*this, date);
  sqlite3_bind_int64(s, 1, id.value());
  bind_copy(s, 2, date.to_string() + "~");
  auto joined = rows(s, [](sqlite3_stmt* r) {
    return AgreementParty{AgreementPartyId(sqlite3_column_int64(r, 0)),
                          AgreementId(sqlite3_column_int64(r, 1)),
                          text(r, 2),
                          opt_date(r, 3),
                          text(r, 4),
                          OrganisationId(sqlite3_column_int64(r, 5))};
  });
  std::vector<PartyOnDate> out;
  out.reserve(joined.size());
  for (AgreementParty& party : joined) {
    auto organisation = standing.organisation(party.organisation_id);
    if (!organisation) continue;
    OrganisationOnDate then = standing.of(*organisation);
    if (!party.since) {
      then.standing = "undetermined";
      then.as.reset();
      then.name.reset();
      then.parent.reset();
      then.explanation = "the records do not say when " + party.organisation + " joined" +
                         (then.explanation.empty() ? "" : "; " + then.explanation);
    }
    out.push_back({std::move(party), std::move(then)});
  }
  return out;
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
  auto parties = kb.agreements().parties_on(s.framework, s.parties_date);
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
