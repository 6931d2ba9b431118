// The repositories: hand-written queries over the tables and views, prepared once per
// connection (Connection::prepare) and always bound.
#include <set>
#include <string>
#include <unordered_map>
#include <utility>

#include "euiomkb/agreements.hpp"
#include "euiomkb/funding.hpp"
#include "euiomkb/meetings.hpp"
#include "euiomkb/organisations.hpp"
#include "euiomkb/people.hpp"
#include "euiomkb/publications.hpp"
#include "euiomkb/sources.hpp"
#include "sqlite/impl.hpp"
#include "text/text.hpp"

namespace euiomkb {
namespace {

using detail::bounds;
using detail::collect;
using detail::first_row;
using detail::integer;
using detail::kNoBinding;
using detail::opt_date;
using detail::opt_id;
using detail::opt_int;
using detail::opt_text;
using detail::text;

template <class T>
std::optional<T> first(std::vector<T> rows) {
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

// ---- organisations ----

// The latest known parent is chosen as v_organisation chooses it (an open-ended link first,
// then the latest start); the key is the first by key, as key_of gives it.
constexpr std::string_view kOrganisationsAll = R"sql(
SELECT o.org_id, o.short_name, o.name, o.kind, p.short_name, p.org_id,
       (SELECT min(key) FROM record_key WHERE kind = 'organisation' AND row_id = o.org_id)
  FROM organisation o
  LEFT JOIN organisation p ON p.org_id = (
    SELECT op.parent_org_id FROM organisation_parent op WHERE op.org_id = o.org_id
     ORDER BY op.valid_to IS NULL DESC, op.valid_from DESC LIMIT 1)
 ORDER BY o.short_name
)sql";
constexpr std::string_view kOrganisationById = R"sql(
SELECT o.org_id, o.short_name, o.name, o.kind, p.short_name, p.org_id,
       (SELECT min(key) FROM record_key WHERE kind = 'organisation' AND row_id = o.org_id)
  FROM organisation o
  LEFT JOIN organisation p ON p.org_id = (
    SELECT op.parent_org_id FROM organisation_parent op WHERE op.org_id = o.org_id
     ORDER BY op.valid_to IS NULL DESC, op.valid_from DESC LIMIT 1)
 WHERE o.org_id = ?
)sql";
constexpr std::string_view kOrganisationByShortName = R"sql(
SELECT o.org_id, o.short_name, o.name, o.kind, p.short_name, p.org_id,
       (SELECT min(key) FROM record_key WHERE kind = 'organisation' AND row_id = o.org_id)
  FROM organisation o
  LEFT JOIN organisation p ON p.org_id = (
    SELECT op.parent_org_id FROM organisation_parent op WHERE op.org_id = o.org_id
     ORDER BY op.valid_to IS NULL DESC, op.valid_from DESC LIMIT 1)
 WHERE o.short_name = ? COLLATE NOCASE
)sql";
constexpr std::string_view kOrganisationNames = R"sql(
SELECT org_name_id, name, language, attested_on, valid_from, valid_to, basis
  FROM organisation_name WHERE org_id = ?
 ORDER BY coalesce(valid_from, attested_on) IS NULL, coalesce(valid_from, attested_on),
          org_name_id
)sql";
constexpr std::string_view kOrganisationParentOn = R"sql(
SELECT parent_org_id FROM organisation_parent
 WHERE org_id = :id AND (valid_from IS NULL OR valid_from <= :high)
   AND (valid_to IS NULL OR :low <= valid_to || '~')
 ORDER BY valid_from DESC LIMIT 1
)sql";
// Every English name of an organisation with its validity and the earliest dated document that
// writes it: a name row's attested_on or the publication date of a source cited for it; for the
// organisation's own full name, of a source whose cited passage holds it (ignoring case), for its
// short name, of one whose passage holds it as a whole word, case kept ("UN" is not in "United").
// Earliest means the date that ends first ("2025-01-10" before "2025"): min() of date || '~'.
// Kinds: 'name' (organisation_name), 'full', 'short'. Only English names compete: a document in
// another language attests what the organisation is called there, not a rename (the EEAS in Dutch).
constexpr std::string_view kOrganisationNameCandidates = R"sql(
SELECT n.name, 'name', n.valid_from, n.valid_to,
       (SELECT rtrim(min(d || '~'), '~')
          FROM (SELECT n.attested_on AS d
                UNION ALL
                SELECT s.published FROM citation c JOIN source s ON s.source_id = c.source_id
                 WHERE c.subject_type = 'organisation_name' AND c.subject_id = n.org_name_id))
  FROM organisation_name n WHERE n.org_id = :id AND n.language = 'en'
UNION ALL
SELECT o.name, 'full', NULL, NULL,
       (SELECT rtrim(min(s.published || '~'), '~') FROM citation c
          JOIN source s ON s.source_id = c.source_id
         WHERE c.subject_type = 'organisation' AND c.subject_id = o.org_id
           AND instr(lower(c.quote), lower(o.name)) > 0)
  FROM organisation o WHERE o.org_id = :id
UNION ALL
SELECT o.short_name, 'short', NULL, NULL,
       (SELECT rtrim(min(s.published || '~'), '~') FROM citation c
          JOIN source s ON s.source_id = c.source_id
         WHERE c.subject_type = 'organisation' AND c.subject_id = o.org_id
           AND (' ' || c.quote || ' ') GLOB ('*[^A-Za-z0-9]' || o.short_name || '[^A-Za-z0-9]*'))
  FROM organisation o WHERE o.org_id = :id
)sql";
// The earliest dated document cited for an organisation that may date from the event's start
// (:from) and surely dates from no later than the end of the date asked (:high): the document that
// shows the organisation by then, if any.
constexpr std::string_view kOrganisationFirstShown = R"sql(
SELECT s.published, s.title FROM citation c JOIN source s ON s.source_id = c.source_id
 WHERE c.subject_type = 'organisation' AND c.subject_id = :id AND s.published IS NOT NULL
   AND s.published || '~' >= :from AND s.published || '~' <= :high
 ORDER BY s.published || '~' LIMIT 1
)sql";
constexpr std::string_view kOrganisationLineage = R"sql(
SELECT e.org_event_id, e.event, f.short_name, t.short_name, e.occurred_on, e.basis, e.note,
       e.from_org_id, e.to_org_id
  FROM organisation_event e
  LEFT JOIN organisation f ON f.org_id = e.from_org_id
  LEFT JOIN organisation t ON t.org_id = e.to_org_id
 WHERE e.from_org_id = :id OR e.to_org_id = :id
 ORDER BY e.occurred_on, e.org_event_id
)sql";

Organisation organisation_row(detail::Statement& s) {
  return {OrganisationId(integer(s, 0)), text(s, 1), text(s, 2), text(s, 3), opt_text(s, 4),
          opt_id<OrganisationId>(s, 5),  text(s, 6)};
}

// ---- people ----

constexpr std::string_view kPeopleAll = R"sql(
SELECT person_id, name, honorific,
       (SELECT min(key) FROM record_key WHERE kind = 'person' AND row_id = person_id)
  FROM person ORDER BY name
)sql";
constexpr std::string_view kPersonById = R"sql(
SELECT person_id, name, honorific,
       (SELECT min(key) FROM record_key WHERE kind = 'person' AND row_id = person_id)
  FROM person WHERE person_id = ?
)sql";
// A canonical name first, then the lowest id: two index lookups, not an OR over `person`.
constexpr std::string_view kPersonByFolded = R"sql(
SELECT person_id, name, honorific,
       (SELECT min(key) FROM record_key WHERE kind = 'person' AND row_id = person_id) FROM (
  SELECT person_id, name, honorific, 0 AS by_alias FROM person WHERE name_folded = :folded
  UNION ALL
  SELECT p.person_id, p.name, p.honorific, 1 FROM person_alias a
    JOIN person p ON p.person_id = a.person_id
   WHERE a.folded = :folded)
 ORDER BY by_alias, person_id LIMIT 1
)sql";
constexpr std::string_view kAllAliases =
    "SELECT person_id, alias FROM person_alias ORDER BY person_id, alias";
constexpr std::string_view kAliases =
    "SELECT alias FROM person_alias WHERE person_id = ? ORDER BY alias";
constexpr std::string_view kTenuresOfPerson = R"sql(
SELECT h.tenure_id, h.person_id, h.person, h.post_id, h.post, h.organisation, h.start_date,
       h.end_date, h.attested_from, h.attested_to, h.acting, po.org_id
  FROM v_post_holder h JOIN post po ON po.post_id = h.post_id
 WHERE h.person_id = ?
 ORDER BY coalesce(h.start_date, h.attested_from), h.tenure_id
)sql";
// The columns of v_post_holder, reached from the organisation and post (both by index, ignoring
// case) to their tenures, rather than filtering every tenure through the view.
constexpr std::string_view kHoldersOn = R"sql(
SELECT t.tenure_id, t.person_id, pe.name, t.post_id, po.title, o.short_name, t.start_date,
       t.end_date, t.attested_from, t.attested_to, t.acting, o.org_id
  FROM organisation o
  JOIN post po ON po.org_id = o.org_id AND po.title = :post COLLATE NOCASE
  JOIN tenure t ON t.post_id = po.post_id
  JOIN person pe ON pe.person_id = t.person_id
 WHERE o.short_name = :organisation COLLATE NOCASE
   AND coalesce(t.start_date, t.attested_from) <= :high
   AND (coalesce(t.end_date, t.attested_to) IS NULL
        OR :low <= coalesce(t.end_date, t.attested_to) || '~')
 ORDER BY coalesce(t.start_date, t.attested_from), t.tenure_id
)sql";
constexpr std::string_view kAttendanceOfPerson = R"sql(
SELECT a.attendance_id, a.meeting_id, m.title, a.held_on, a.person_id, a.person, a.role, a.post,
       a.organisation, a.attested_as, a.acting, x.org_id, x.post_id
  FROM v_attendance a JOIN meeting m ON m.meeting_id = a.meeting_id
  JOIN attendance x ON x.attendance_id = a.attendance_id
 WHERE a.person_id = ?
 ORDER BY a.held_on IS NULL, a.held_on, a.attendance_id
)sql";
constexpr std::string_view kAttendanceOfMeeting = R"sql(
SELECT a.attendance_id, a.meeting_id, m.title, a.held_on, a.person_id, a.person, a.role, a.post,
       a.organisation, a.attested_as, a.acting, x.org_id, x.post_id
  FROM v_attendance a JOIN meeting m ON m.meeting_id = a.meeting_id
  JOIN attendance x ON x.attendance_id = a.attendance_id
 WHERE a.meeting_id = ?
 ORDER BY a.attendance_id
)sql";
constexpr std::string_view kStatementsOfPerson = R"sql(
SELECT s.statement_id, pe.name, s.meeting_id, s.said_on, s.kind, s.text, s.person_id
  FROM statement s JOIN person pe ON pe.person_id = s.person_id
 WHERE s.person_id = ? ORDER BY s.said_on, s.statement_id
)sql";

Tenure tenure_row(detail::Statement& s) {
  return {TenureId(integer(s, 0)),
          PersonId(integer(s, 1)),
          text(s, 2),
          PostId(integer(s, 3)),
          text(s, 4),
          opt_text(s, 5),
          opt_date(s, 6),
          opt_date(s, 7),
          opt_date(s, 8),
          opt_date(s, 9),
          integer(s, 10) == 1,
          opt_id<OrganisationId>(s, 11)};
}

Attendance attendance_row(detail::Statement& s) {
  return {AttendanceId(integer(s, 0)),
          MeetingId(integer(s, 1)),
          text(s, 2),
          opt_date(s, 3),
          PersonId(integer(s, 4)),
          text(s, 5),
          text(s, 6),
          opt_text(s, 7),
          opt_text(s, 8),
          text(s, 9),
          integer(s, 10) == 1,
          opt_id<OrganisationId>(s, 11),
          opt_id<PostId>(s, 12)};
}

// ---- meetings ----

// The host's id beside its short name; with several hosts (host lists them), the lowest id.
constexpr std::string_view kMeetingsAll = R"sql(
SELECT meeting_id, series, sequence_no, title, held_on, location, host,
       (SELECT min(mo.org_id) FROM meeting_organisation mo
         WHERE mo.meeting_id = v_meeting.meeting_id AND mo.role = 'host'), key
  FROM v_meeting ORDER BY held_on IS NULL, held_on, meeting_id
)sql";
// Keyset paging of the timeline: (coalesce(held_on, '~'), meeting_id) orders it as kMeetingsAll
// does ('~' sorts after every date). Two index range searches on meeting_timeline: the rest of
// the page's date, then later dates. :key is the timeline key of meeting :after.
constexpr std::string_view kTimelineKey =
    "SELECT coalesce(held_on, '~') FROM meeting WHERE meeting_id = ?";
constexpr std::string_view kMeetingsPage = R"sql(
SELECT * FROM (SELECT meeting_id, series, sequence_no, title, held_on, location, host,
       (SELECT min(mo.org_id) FROM meeting_organisation mo
         WHERE mo.meeting_id = v_meeting.meeting_id AND mo.role = 'host'), key
                 FROM v_meeting WHERE coalesce(held_on, '~') = :key AND meeting_id > :after
                ORDER BY meeting_id LIMIT :limit)
UNION ALL
SELECT * FROM (SELECT meeting_id, series, sequence_no, title, held_on, location, host,
       (SELECT min(mo.org_id) FROM meeting_organisation mo
         WHERE mo.meeting_id = v_meeting.meeting_id AND mo.role = 'host'), key
                 FROM v_meeting WHERE coalesce(held_on, '~') > :key
                ORDER BY coalesce(held_on, '~'), meeting_id LIMIT :limit)
LIMIT :limit
)sql";
constexpr std::string_view kMeetingById = R"sql(
SELECT meeting_id, series, sequence_no, title, held_on, location, host,
       (SELECT min(mo.org_id) FROM meeting_organisation mo
         WHERE mo.meeting_id = v_meeting.meeting_id AND mo.role = 'host'), key
  FROM v_meeting WHERE meeting_id = ?
)sql";
// The series code is matched ignoring case in the short meeting_series table, so that the
// meeting itself is found through UNIQUE (series, sequence_no).
constexpr std::string_view kMeetingBySequence = R"sql(
SELECT meeting_id, series, sequence_no, title, held_on, location, host,
       (SELECT min(mo.org_id) FROM meeting_organisation mo
         WHERE mo.meeting_id = v_meeting.meeting_id AND mo.role = 'host'), key
  FROM v_meeting WHERE series = (SELECT series FROM meeting_series WHERE series = :series COLLATE NOCASE)
   AND sequence_no = :sequence_no
)sql";
constexpr std::string_view kMeetingOrganisations =
    "SELECT mo.meeting_organisation_id, mo.meeting_id, o.short_name, mo.role, mo.org_id, "
    "mo.attested_as FROM meeting_organisation mo JOIN organisation o ON o.org_id = mo.org_id "
    "WHERE mo.meeting_id = ? ORDER BY mo.role, o.short_name";
// From the organisation's side through meeting_organisation_organisation (migration 0011).
constexpr std::string_view kMeetingsOfOrganisation = R"sql(
SELECT mo.meeting_organisation_id, mo.meeting_id, o.short_name, mo.role, mo.org_id,
       mo.attested_as
  FROM meeting_organisation mo JOIN organisation o ON o.org_id = mo.org_id
  JOIN meeting m ON m.meeting_id = mo.meeting_id
 WHERE mo.org_id = ? ORDER BY coalesce(m.held_on, '~'), m.meeting_id, mo.role
)sql";
constexpr std::string_view kTopicsOfMeeting = R"sql(
SELECT t.topic_id, t.meeting_id, m.title, m.held_on, t.label, th.name, t.theme_id,
       t.attested_as
  FROM topic t JOIN meeting m ON m.meeting_id = t.meeting_id
  LEFT JOIN theme th ON th.theme_id = t.theme_id
 WHERE t.meeting_id = ? ORDER BY t.topic_id
)sql";
// CROSS JOIN keeps SQLite from scanning `topic`: the theme (a short table) first, then its
// topics through topic_theme.
constexpr std::string_view kTopicsByTheme = R"sql(
SELECT t.topic_id, t.meeting_id, m.title, m.held_on, t.label, th.name, t.theme_id,
       t.attested_as
  FROM theme th CROSS JOIN topic t ON t.theme_id = th.theme_id
  JOIN meeting m ON m.meeting_id = t.meeting_id
 WHERE th.name = :theme COLLATE NOCASE
    OR th.theme_id = (SELECT row_id FROM record_key WHERE kind = 'theme' AND key = :theme)
 ORDER BY m.held_on IS NULL, m.held_on, t.topic_id
)sql";
constexpr std::string_view kThemes = R"sql(
SELECT theme_id, name, description,
       (SELECT min(key) FROM record_key WHERE kind = 'theme' AND row_id = theme_id)
  FROM theme ORDER BY name
)sql";

Meeting meeting_row(detail::Statement& s) {
  auto sequence = opt_int(s, 2);
  return {MeetingId(integer(s, 0)),
          opt_text(s, 1),
          sequence ? std::optional<int>(static_cast<int>(*sequence)) : std::nullopt,
          text(s, 3),
          opt_date(s, 4),
          opt_text(s, 5),
          opt_text(s, 6),
          opt_id<OrganisationId>(s, 7),
          text(s, 8)};
}

MeetingOrganisation meeting_organisation_row(detail::Statement& s) {
  return {integer(s, 0), MeetingId(integer(s, 1)),      text(s, 2),
          text(s, 3),    OrganisationId(integer(s, 4)), text(s, 5)};
}

Topic topic_row(detail::Statement& s) {
  return {TopicId(integer(s, 0)), MeetingId(integer(s, 1)), text(s, 2), opt_date(s, 3), text(s, 4),
          opt_text(s, 5),         opt_id<ThemeId>(s, 6),    text(s, 7)};
}

// ---- agreements ----

// The columns of an Agreement, as v_agreement derives them from agreement_date (schema/0014;
// the view's other columns are not computed when not selected). The key is the first by key.
constexpr std::string_view kAgreementsAll = R"sql(
SELECT v.agreement_id, v.name, v.kind, v.concluded_on, v.in_force_from, v.purpose,
       (SELECT min(key) FROM record_key WHERE kind = 'agreement' AND row_id = v.agreement_id),
       v.first_dated_on, v.first_dated_event
  FROM v_agreement v
 ORDER BY coalesce(v.concluded_on, v.in_force_from, v.first_dated_on), v.agreement_id
)sql";
constexpr std::string_view kAgreementById = R"sql(
SELECT v.agreement_id, v.name, v.kind, v.concluded_on, v.in_force_from, v.purpose,
       (SELECT min(key) FROM record_key WHERE kind = 'agreement' AND row_id = v.agreement_id),
       v.first_dated_on, v.first_dated_event
  FROM v_agreement v WHERE v.agreement_id = ?
)sql";
constexpr std::string_view kAgreementByName = R"sql(
SELECT v.agreement_id, v.name, v.kind, v.concluded_on, v.in_force_from, v.purpose,
       (SELECT min(key) FROM record_key WHERE kind = 'agreement' AND row_id = v.agreement_id),
       v.first_dated_on, v.first_dated_event
  FROM v_agreement v WHERE v.name = ? COLLATE NOCASE
)sql";
constexpr std::string_view kStrategicFramework = R"sql(
SELECT v.agreement_id, v.name, v.kind, v.concluded_on, v.in_force_from, v.purpose,
       (SELECT min(key) FROM record_key WHERE kind = 'agreement' AND row_id = v.agreement_id),
       v.first_dated_on, v.first_dated_event
  FROM v_agreement v
 WHERE v.kind = 'strategic_cooperation_framework' ORDER BY v.agreement_id LIMIT 1
)sql";
constexpr std::string_view kParties = R"sql(
SELECT ap.agreement_party_id, ap.agreement_id, o.short_name, ap.since, ap.how, ap.org_id
  FROM agreement_party ap JOIN organisation o ON o.org_id = ap.org_id
 WHERE ap.agreement_id = ? ORDER BY ap.since, o.short_name
)sql";
constexpr std::string_view kPartiesOn = R"sql(
SELECT ap.agreement_party_id, ap.agreement_id, o.short_name, ap.since, ap.how, ap.org_id
  FROM agreement_party ap JOIN organisation o ON o.org_id = ap.org_id
 WHERE ap.agreement_id = :id AND (ap.since IS NULL OR ap.since <= :high)
 ORDER BY ap.since, o.short_name
)sql";
constexpr std::string_view kAgreementDates = R"sql(
SELECT agreement_date_id, agreement_id, event, on_date, basis, note FROM agreement_date
 WHERE agreement_id = ? ORDER BY on_date IS NULL, on_date, agreement_date_id
)sql";
constexpr std::string_view kSignatories = R"sql(
SELECT s.agreement_signatory_id, s.agreement_id, pe.name, o.short_name, s.person_id, s.org_id
  FROM agreement_signatory s JOIN person pe ON pe.person_id = s.person_id
  LEFT JOIN organisation o ON o.org_id = s.org_id
 WHERE s.agreement_id = ? ORDER BY s.agreement_signatory_id
)sql";

Agreement agreement_row(detail::Statement& s) {
  return {AgreementId(integer(s, 0)),
          text(s, 1),
          text(s, 2),
          opt_date(s, 3),
          opt_date(s, 4),
          opt_text(s, 5),
          text(s, 6),
          opt_date(s, 7),
          opt_text(s, 8)};
}

AgreementParty party_row(detail::Statement& s) {
  return {integer(s, 0), AgreementId(integer(s, 1)),   text(s, 2), opt_date(s, 3),
          text(s, 4),    OrganisationId(integer(s, 5))};
}

// ---- funding, publications, sources ----

constexpr std::string_view kFundingAll = R"sql(
SELECT f.funding_id, fu.short_name, r.short_name, f.period_start, f.period_end, f.amount,
       f.currency, f.bound, f.measure, f.funder_org_id, f.recipient_org_id
  FROM funding f JOIN organisation fu ON fu.org_id = f.funder_org_id
  JOIN organisation r ON r.org_id = f.recipient_org_id
 ORDER BY f.period_start, f.funding_id
)sql";
constexpr std::string_view kFundingInPeriod = R"sql(
SELECT f.funding_id, fu.short_name, r.short_name, f.period_start, f.period_end, f.amount,
       f.currency, f.bound, f.measure, f.funder_org_id, f.recipient_org_id
  FROM funding f JOIN organisation fu ON fu.org_id = f.funder_org_id
  JOIN organisation r ON r.org_id = f.recipient_org_id
 WHERE f.period_start <= :to_high AND (f.period_end IS NULL OR :from_low <= f.period_end || '~')
 ORDER BY f.period_start, f.funding_id
)sql";
constexpr std::string_view kPublicationsAll = R"sql(
SELECT p.publication_id, p.title, o.short_name, p.published_on, p.kind, p.addressee, p.series,
       p.edition, p.summary, p.publisher_org_id,
       (SELECT min(key) FROM record_key WHERE kind = 'publication' AND row_id = p.publication_id)
  FROM publication p LEFT JOIN organisation o ON o.org_id = p.publisher_org_id
 ORDER BY p.published_on IS NULL, p.published_on, p.publication_id
)sql";
constexpr std::string_view kPublicationById = R"sql(
SELECT p.publication_id, p.title, o.short_name, p.published_on, p.kind, p.addressee, p.series,
       p.edition, p.summary, p.publisher_org_id,
       (SELECT min(key) FROM record_key WHERE kind = 'publication' AND row_id = p.publication_id)
  FROM publication p LEFT JOIN organisation o ON o.org_id = p.publisher_org_id
 WHERE p.publication_id = ?
)sql";
constexpr std::string_view kPolicyFrameworks = R"sql(
SELECT policy_framework_id, name, short_name,
       (SELECT min(key) FROM record_key
         WHERE kind = 'policy_framework' AND row_id = policy_framework_id)
  FROM policy_framework ORDER BY name
)sql";
constexpr std::string_view kFrameworkParts =
    "SELECT policy_framework_id, label FROM framework_part ORDER BY policy_framework_id, position";
constexpr std::string_view kSourcesAll = R"sql(
SELECT source_id, file_name, title, publisher, published, url, language, sha256, text,
       (SELECT min(key) FROM record_key WHERE kind = 'source' AND row_id = source_id)
  FROM source ORDER BY file_name
)sql";
constexpr std::string_view kSourceById = R"sql(
SELECT source_id, file_name, title, publisher, published, url, language, sha256, text,
       (SELECT min(key) FROM record_key WHERE kind = 'source' AND row_id = source_id)
  FROM source WHERE source_id = ?
)sql";
constexpr std::string_view kSourceByFileName = R"sql(
SELECT source_id, file_name, title, publisher, published, url, language, sha256, text,
       (SELECT min(key) FROM record_key WHERE kind = 'source' AND row_id = source_id)
  FROM source WHERE file_name = ?
)sql";

Funding funding_row(detail::Statement& s) {
  return {FundingId(integer(s, 0)),
          text(s, 1),
          text(s, 2),
          opt_date(s, 3),
          opt_date(s, 4),
          opt_int(s, 5),
          opt_text(s, 6),
          opt_text(s, 7),
          text(s, 8),
          OrganisationId(integer(s, 9)),
          OrganisationId(integer(s, 10))};
}

Publication publication_row(detail::Statement& s) {
  auto edition = opt_int(s, 7);
  return {PublicationId(integer(s, 0)),
          opt_text(s, 1),
          opt_text(s, 2),
          opt_date(s, 3),
          text(s, 4),
          opt_text(s, 5),
          opt_text(s, 6),
          edition ? std::optional<int>(static_cast<int>(*edition)) : std::nullopt,
          opt_text(s, 8),
          opt_id<OrganisationId>(s, 9),
          text(s, 10)};
}

Source source_row(detail::Statement& s) {
  return {SourceId(integer(s, 0)), text(s, 1), text(s, 2), opt_text(s, 3), opt_date(s, 4),
          opt_text(s, 5),          text(s, 6), text(s, 7), text(s, 8),     text(s, 9)};
}

}  // namespace

// ---- Organisations ----

std::vector<Organisation> Organisations::all() const {
  return collect(impl_, kOrganisationsAll, kNoBinding, organisation_row);
}

void Organisations::each(const std::function<void(const Organisation&)>& visit) const {
  stream(impl_, kOrganisationsAll, kNoBinding, organisation_row, visit);
}

std::optional<Organisation> Organisations::find(OrganisationId id) const {
  return first_row(
      impl_, kOrganisationById, [&](auto& s) { s.bind(1, id.value()); }, organisation_row);
}

std::optional<Organisation> Organisations::by_short_name(std::string_view short_name) const {
  return first_row(
      impl_, kOrganisationByShortName, [&](auto& s) { s.bind(1, std::string(short_name)); },
      organisation_row);
}

std::vector<OrganisationName> Organisations::names(OrganisationId id) const {
  return collect(
      impl_, kOrganisationNames, [&](auto& s) { s.bind(1, id.value()); },
      [](auto& s) {
        return OrganisationName{integer(s, 0),
                                text(s, 1),
                                text(s, 2),
                                opt_date(s, 3),
                                opt_date(s, 4),
                                opt_date(s, 5),
                                text(s, 6) == "general_knowledge"};
      });
}

namespace {

// Where an event's recorded date falls against a date.
enum class Timing { before, after, open };

// Bases from strongest to weakest; the standing on a date takes the weakest it rests on.
int basis_rank(std::string_view basis) {
  return basis == "document" ? 0 : basis == "inferred" ? 1 : 2;
}
void weaken(std::string& basis, std::string_view by) {
  if (basis_rank(by) > basis_rank(basis)) basis = std::string(by);
}

std::string event_basis(const OrganisationEvent& e) {
  return e.general_knowledge ? "general_knowledge" : "document";
}

std::string basis_words(std::string_view basis) {
  return basis == "general_knowledge" ? "general knowledge, no document states it"
         : basis == "inferred"        ? "inferred"
                                      : "stated in a document";
}

std::string when_text(const std::optional<PartialDate>& date) {
  return date ? "in " + date->to_string() : "at a date not recorded";
}

}  // namespace

// Reads the lineage of one organisation at a time: every call is index lookups on the event's
// two sides, the citations of the organisations involved, and their names.
namespace detail {
class Standing {
 public:
  Standing(const Organisations& organisations, Impl* impl, const PartialDate& date)
      : organisations_(organisations), impl_(impl), date_(date), bounds_(bounds(date)) {}

  // The earliest dated document that names `id`, may date from `from` or later and dates from the
  // end of the date asked at the latest, as (date, title).
  std::optional<std::pair<PartialDate, std::string>> first_shown(OrganisationId id,
                                                                 const std::string& from) const {
    auto row = first_row(
        impl_, kOrganisationFirstShown,
        [&](auto& s) {
          s.bind(":id", id.value());
          s.bind(":from", from);
          s.bind(":high", bounds_.high);
        },
        [](auto& s) { return std::pair(opt_date(s, 0), text(s, 1)); });
    if (!row || !row->first) return std::nullopt;
    return std::pair(*row->first, row->second);
  }

  // Whether `events` (one event, or the parts of one split) happened before the date, after it,
  // or neither is settled. `made` are the organisations the events made; when the dates overlap,
  // a document that may date from the event's start, dated by the end of the date, and already
  // names one of them places the events before it (basis 'inferred', `why` says which document).
  // An undated event, or a merger (whose outcome may be older than it), is never so placed.
  // `why` is empty for a timing the dates settle alone.
  Timing timing(const std::vector<OrganisationEvent>& events,
                const std::vector<OrganisationId>& made, std::string& basis,
                std::string& why) const {
    const auto& when = events.front().occurred_on;
    if (when) {
      auto b = bounds(*when);
      if (b.high < bounds_.low) return Timing::before;
      if (b.low > bounds_.high) return Timing::after;
      for (OrganisationId id : made) {
        if (events.front().event == "merged") break;
        auto shown = first_shown(id, b.low);
        if (!shown) continue;
        auto o = organisations_.find(id);
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

  OrganisationOnDate of(const Organisation& asked) const {
    OrganisationOnDate out{asked, date_, "itself", asked, {}, "document", "", {}, {}};
    Organisation current = asked;
    std::vector<std::string> said;
    std::set<std::int64_t> visited{asked.id.value()};  // a lineage that loops is not followed
    auto loops = [&](const Organisation& next) {
      if (visited.insert(next.id.value()).second) return false;
      said.push_back("the recorded lineage returns to " + next.short_name);
      return true;
    };
    // Backwards: a renaming into it after the date means it was then its predecessor; a split or
    // creation after the date means it did not exist yet. (A merger into it leaves it itself: what
    // merged in joined an organisation that already was.)
    for (int guard = 0; guard < 64; ++guard) {
      auto into = events(current.id, /*into=*/true);
      if (into.empty()) break;
      const OrganisationEvent& e = into.front();
      if (e.event == "merged") break;
      std::string basis = event_basis(e);
      std::string why;
      Timing t = timing(into, {current.id}, basis, why);
      if (t == Timing::before) {
        if (!why.empty()) {  // the answer rests on an inference: say so
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
        auto before = organisations_.find(*e.from_id);
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
    // Forwards: a rename or merger by the date means it continued as its successor; a split or
    // dissolution by the date means it had ceased.
    for (int guard = 0; guard < 64; ++guard) {
      auto from = events(current.id, /*into=*/false);
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
        auto after = organisations_.find(*e.to_id);
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
  // Events on one side of `id`, those of the earliest recorded date first; a split's parts
  // (same event, same date) come together.
  std::vector<OrganisationEvent> events(OrganisationId id, bool into) const {
    std::vector<OrganisationEvent> mine;
    for (auto& e : organisations_.lineage(id)) {
      bool is_into = e.to_id && *e.to_id == id;
      bool is_from = e.from_id && *e.from_id == id;
      if (into ? (is_into && e.event != "dissolved") : (is_from && e.event != "created"))
        mine.push_back(std::move(e));
    }
    if (mine.empty()) return mine;
    std::vector<OrganisationEvent> first{mine.front()};
    for (std::size_t i = 1; i < mine.size(); ++i)
      if (!into && mine[i].event == first.front().event &&
          mine[i].occurred_on == first.front().occurred_on)
        first.push_back(mine[i]);
    return first;
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

  OrganisationOnDate& finish(OrganisationOnDate& out, std::string standing,
                             std::optional<Organisation> as,
                             const std::vector<std::string>& said) const {
    out.standing = std::move(standing);
    out.as = std::move(as);
    for (const std::string& s : said) out.explanation += (out.explanation.empty() ? "" : "; ") + s;
    if (out.as) {
      out.name = name_of(out.as->id);
      out.parent = parent_of(out.as->id);
    }
    return out;
  }

 public:
  NameOnDate name_of(OrganisationId id) const {
    struct Candidate {
      std::string name, kind;
      std::optional<PartialDate> valid_from, valid_to, attested;
    };
    auto candidates = collect(
        impl_, kOrganisationNameCandidates, [&](auto& s) { s.bind(":id", id.value()); },
        [](auto& s) {
          return Candidate{text(s, 0), text(s, 1), opt_date(s, 2), opt_date(s, 3), opt_date(s, 4)};
        });
    auto excluded = [&](const Candidate& c) {  // a stated validity that leaves the date out
      return (c.valid_from && bounds(*c.valid_from).low > bounds_.high) ||
             (c.valid_to && bounds(*c.valid_to).high < bounds_.low);
    };
    auto rank = [](const Candidate& c) { return c.kind == "full" ? 2 : c.kind == "name" ? 1 : 0; };
    const Candidate* valid = nullptr;
    const Candidate* attested = nullptr;
    for (const Candidate& c : candidates) {
      if (excluded(c)) continue;
      if (c.valid_from || c.valid_to) {
        if (!valid || (c.valid_from && (!valid->valid_from || *valid->valid_from < *c.valid_from)))
          valid = &c;
      }
      if (c.attested && bounds(*c.attested).high <= bounds_.high) {
        if (!attested || *attested->attested < *c.attested ||
            (*attested->attested == *c.attested && rank(*attested) < rank(c)))
          attested = &c;
      }
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

  std::optional<Organisation> parent_of(OrganisationId id) const {
    auto parent = first_row(
        impl_, kOrganisationParentOn,
        [&](auto& s) {
          s.bind(":id", id.value());
          s.bind(":low", bounds_.low);
          s.bind(":high", bounds_.high);
        },
        [](auto& s) { return integer(s, 0); });
    if (!parent) return std::nullopt;
    return organisations_.find(OrganisationId(*parent));
  }

 private:
  const Organisations& organisations_;
  Impl* impl_;
  PartialDate date_;
  DateBounds bounds_;
};
}  // namespace detail

std::optional<OrganisationOnDate> Organisations::on(OrganisationId id,
                                                    const PartialDate& date) const {
  auto organisation = find(id);
  if (!organisation) return std::nullopt;
  return detail::Standing(*this, impl_, date).of(*organisation);
}

std::optional<std::string> Organisations::name_on(OrganisationId id,
                                                  const PartialDate& date) const {
  auto standing = on(id, date);
  if (!standing || !standing->name) return std::nullopt;
  return standing->name->name;
}

std::optional<Organisation> Organisations::parent_on(OrganisationId id,
                                                     const PartialDate& date) const {
  auto standing = on(id, date);
  if (!standing) return std::nullopt;
  return standing->parent;
}

std::vector<OrganisationEvent> Organisations::lineage(OrganisationId id) const {
  return collect(
      impl_, kOrganisationLineage, [&](auto& s) { s.bind(":id", id.value()); },
      [](auto& s) {
        return OrganisationEvent{integer(s, 0),
                                 text(s, 1),
                                 opt_text(s, 2),
                                 opt_text(s, 3),
                                 opt_date(s, 4),
                                 text(s, 5) == "general_knowledge",
                                 opt_text(s, 6),
                                 opt_id<OrganisationId>(s, 7),
                                 opt_id<OrganisationId>(s, 8)};
      });
}

// ---- People ----

namespace {

// Pairs of (owner id, text) from `sql`, appended to the matching records' `member` lists.
template <class Record, class Member>
void attach(detail::Impl* impl, std::string_view sql, std::vector<Record>& records, Member member) {
  std::unordered_map<std::int64_t, Record*> by_id;
  for (Record& record : records) by_id.emplace(record.id.value(), &record);
  auto rows =
      collect(impl, sql, kNoBinding, [](auto& s) { return std::pair(integer(s, 0), text(s, 1)); });
  for (auto& [id, value] : rows) {
    auto found = by_id.find(id);
    if (found != by_id.end()) (found->second->*member).push_back(std::move(value));
  }
}

std::vector<Person> with_aliases(detail::Impl* impl, std::vector<Person> people) {
  for (Person& person : people) {
    person.aliases = collect(
        impl, kAliases, [&](auto& s) { s.bind(1, person.id.value()); },
        [](auto& s) { return text(s, 0); });
  }
  return people;
}

Person person_row(detail::Statement& s) {
  return {PersonId(integer(s, 0)), text(s, 1), opt_text(s, 2), {}, text(s, 3)};
}

}  // namespace

std::vector<Person> People::all() const {
  auto people = collect(impl_, kPeopleAll, kNoBinding, person_row);
  attach(impl_, kAllAliases, people, &Person::aliases);  // one query for every alias
  return people;
}

void People::each(const std::function<void(const Person&)>& visit) const {
  stream(impl_, kPeopleAll, kNoBinding, person_row, [&](Person person) {
    person.aliases = collect(
        impl_, kAliases, [&](auto& s) { s.bind(1, person.id.value()); },
        [](auto& s) { return text(s, 0); });
    visit(person);
  });
}

std::optional<Person> People::find(PersonId id) const {
  return first(with_aliases(
      impl_, collect(
                 impl_, kPersonById, [&](auto& s) { s.bind(1, id.value()); }, person_row)));
}

std::optional<Person> People::by_name(std::string_view name) const {
  std::string folded = detail::fold_name(name);
  return first(with_aliases(
      impl_, collect(
                 impl_, kPersonByFolded, [&](auto& s) { s.bind(":folded", folded); }, person_row)));
}

std::vector<Tenure> People::tenures(PersonId id) const {
  return collect(
      impl_, kTenuresOfPerson, [&](auto& s) { s.bind(1, id.value()); }, tenure_row);
}

std::vector<Tenure> People::holders_on(std::string_view post_title, std::string_view organisation,
                                       const PartialDate& date) const {
  auto b = bounds(date);
  return collect(
      impl_, kHoldersOn,
      [&](auto& s) {
        s.bind(":post", std::string(post_title));
        s.bind(":organisation", std::string(organisation));
        s.bind(":low", b.low);
        s.bind(":high", b.high);
      },
      tenure_row);
}

std::vector<Attendance> People::attendance(PersonId id) const {
  return collect(
      impl_, kAttendanceOfPerson, [&](auto& s) { s.bind(1, id.value()); }, attendance_row);
}

std::vector<Statement> People::statements(PersonId id) const {
  return collect(
      impl_, kStatementsOfPerson, [&](auto& s) { s.bind(1, id.value()); },
      [](auto& s) {
        auto meeting = opt_int(s, 2);
        return Statement{StatementId(integer(s, 0)),
                         text(s, 1),
                         meeting ? std::optional<MeetingId>(MeetingId(*meeting)) : std::nullopt,
                         opt_date(s, 3),
                         text(s, 4),
                         text(s, 5),
                         PersonId(integer(s, 6))};
      });
}

// ---- Meetings ----

std::vector<Meeting> Meetings::all() const {
  return collect(impl_, kMeetingsAll, kNoBinding, meeting_row);
}

void Meetings::each(const std::function<void(const Meeting&)>& visit) const {
  stream(impl_, kMeetingsAll, kNoBinding, meeting_row, visit);
}

std::vector<Meeting> Meetings::page(std::optional<MeetingId> after, int limit) const {
  std::string key;  // before every date: from the start
  std::int64_t after_id = 0;
  if (after) {
    auto keys = collect(
        impl_, kTimelineKey, [&](auto& s) { s.bind(1, after->value()); },
        [](auto& s) { return text(s, 0); });
    if (keys.empty()) return {};  // no such meeting: no page follows it
    key = keys.front();
    after_id = after->value();
  }
  return collect(
      impl_, kMeetingsPage,
      [&](auto& s) {
        s.bind(":key", key);
        s.bind(":after", after_id);
        s.bind(":limit", limit);
      },
      meeting_row);
}

std::optional<Meeting> Meetings::find(MeetingId id) const {
  return first_row(
      impl_, kMeetingById, [&](auto& s) { s.bind(1, id.value()); }, meeting_row);
}

std::optional<Meeting> Meetings::by_sequence(std::string_view series, int sequence_no) const {
  return first_row(
      impl_, kMeetingBySequence,
      [&](auto& s) {
        s.bind(":series", std::string(series));
        s.bind(":sequence_no", sequence_no);
      },
      meeting_row);
}

std::vector<Attendance> Meetings::attendance(MeetingId id) const {
  return collect(
      impl_, kAttendanceOfMeeting, [&](auto& s) { s.bind(1, id.value()); }, attendance_row);
}

std::vector<MeetingOrganisation> Meetings::organisations(MeetingId id) const {
  return collect(
      impl_, kMeetingOrganisations, [&](auto& s) { s.bind(1, id.value()); },
      meeting_organisation_row);
}

std::vector<MeetingOrganisation> Meetings::of_organisation(OrganisationId id) const {
  return collect(
      impl_, kMeetingsOfOrganisation, [&](auto& s) { s.bind(1, id.value()); },
      meeting_organisation_row);
}

std::vector<Topic> Meetings::topics(MeetingId id) const {
  return collect(
      impl_, kTopicsOfMeeting, [&](auto& s) { s.bind(1, id.value()); }, topic_row);
}

std::vector<Theme> Meetings::themes() const {
  return collect(impl_, kThemes, kNoBinding, [](auto& s) {
    return Theme{ThemeId(integer(s, 0)), text(s, 1), opt_text(s, 2), text(s, 3)};
  });
}

std::vector<Topic> Meetings::topics_by_theme(std::string_view theme) const {
  return collect(
      impl_, kTopicsByTheme, [&](auto& s) { s.bind(":theme", std::string(theme)); }, topic_row);
}

// ---- Agreements ----

std::vector<Agreement> Agreements::all() const {
  return collect(impl_, kAgreementsAll, kNoBinding, agreement_row);
}

std::optional<Agreement> Agreements::find(AgreementId id) const {
  return first_row(
      impl_, kAgreementById, [&](auto& s) { s.bind(1, id.value()); }, agreement_row);
}

std::optional<Agreement> Agreements::by_name(std::string_view name) const {
  return first_row(
      impl_, kAgreementByName, [&](auto& s) { s.bind(1, std::string(name)); }, agreement_row);
}

std::optional<Agreement> Agreements::strategic_cooperation_framework() const {
  return first_row(impl_, kStrategicFramework, kNoBinding, agreement_row);
}

std::vector<AgreementParty> Agreements::parties(AgreementId id) const {
  return collect(
      impl_, kParties, [&](auto& s) { s.bind(1, id.value()); }, party_row);
}

std::vector<PartyOnDate> Agreements::parties_on(AgreementId id, const PartialDate& date) const {
  auto b = bounds(date);
  auto joined = collect(
      impl_, kPartiesOn,
      [&](auto& s) {
        s.bind(":id", id.value());
        s.bind(":high", b.high);
      },
      party_row);
  Organisations organisations(impl_);
  detail::Standing standing(organisations, impl_, date);
  std::vector<PartyOnDate> out;
  out.reserve(joined.size());
  for (AgreementParty& party : joined) {
    auto organisation = organisations.find(party.organisation_id);
    if (!organisation) continue;
    OrganisationOnDate then = standing.of(*organisation);
    if (!party.since) {  // whether it had joined by the date the records do not say
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

std::vector<AgreementDate> Agreements::dates(AgreementId id) const {
  return collect(
      impl_, kAgreementDates, [&](auto& s) { s.bind(1, id.value()); },
      [](auto& s) {
        return AgreementDate{integer(s, 0), AgreementId(integer(s, 1)),
                             text(s, 2),    opt_date(s, 3),
                             text(s, 4),    opt_text(s, 5)};
      });
}

std::vector<Signatory> Agreements::signatories(AgreementId id) const {
  return collect(
      impl_, kSignatories, [&](auto& s) { s.bind(1, id.value()); },
      [](auto& s) {
        return Signatory{integer(s, 0),  AgreementId(integer(s, 1)), text(s, 2),
                         opt_text(s, 3), PersonId(integer(s, 4)),    opt_id<OrganisationId>(s, 5)};
      });
}

// ---- Funding, publications, sources ----

std::vector<Funding> FundingRepository::all() const {
  return collect(impl_, kFundingAll, kNoBinding, funding_row);
}

std::vector<Funding> FundingRepository::in_period(const PartialDate& from,
                                                  const PartialDate& to) const {
  return collect(
      impl_, kFundingInPeriod,
      [&](auto& s) {
        s.bind(":from_low", bounds(from).low);
        s.bind(":to_high", bounds(to).high);
      },
      funding_row);
}

std::vector<Publication> Publications::all() const {
  return collect(impl_, kPublicationsAll, kNoBinding, publication_row);
}

std::optional<Publication> Publications::find(PublicationId id) const {
  return first_row(
      impl_, kPublicationById, [&](auto& s) { s.bind(1, id.value()); }, publication_row);
}

std::vector<PolicyFramework> Publications::policy_frameworks() const {
  auto frameworks = collect(impl_, kPolicyFrameworks, kNoBinding, [](auto& s) {
    return PolicyFramework{
        PolicyFrameworkId(integer(s, 0)), text(s, 1), opt_text(s, 2), {}, text(s, 3)};
  });
  attach(impl_, kFrameworkParts, frameworks, &PolicyFramework::parts);
  return frameworks;
}

std::vector<Source> Sources::all() const {
  return collect(impl_, kSourcesAll, kNoBinding, source_row);
}

std::optional<Source> Sources::find(SourceId id) const {
  return first_row(
      impl_, kSourceById, [&](auto& s) { s.bind(1, id.value()); }, source_row);
}

std::optional<Source> Sources::by_file_name(std::string_view file_name) const {
  return first_row(
      impl_, kSourceByFileName, [&](auto& s) { s.bind(1, std::string(file_name)); }, source_row);
}

}  // namespace euiomkb
