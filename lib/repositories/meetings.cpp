// Meetings: the meetings, their organisations, attendance and topics, and the themes.
#include "euiomkb/meetings.hpp"

#include <string>
#include <utility>

#include "repositories/keys.hpp"
#include "repositories/rows.hpp"
#include "sqlite/impl.hpp"

namespace euiomkb {
namespace {

using detail::attendance_row;
using detail::collect;
using detail::first_row;
using detail::integer;
using detail::kNoBinding;
using detail::opt_date;
using detail::opt_id;
using detail::opt_int;
using detail::opt_text;
using detail::text;

// v_attendance's columns, with the meeting's title, read from the tables (the view and the title
// would join the meeting twice). A tenure is unique per (person, post), so its join adds no row.
constexpr std::string_view kAttendanceOfMeeting = R"sql(
SELECT a.attendance_id, a.meeting_id, m.title, m.held_on, a.person_id, pe.name, a.role, po.title,
       o.short_name, a.attested_as, coalesce(t.acting, 0), a.organisation_id, a.post_id
  FROM attendance a
  JOIN meeting m ON m.meeting_id = a.meeting_id
  JOIN person pe ON pe.person_id = a.person_id
  LEFT JOIN post po ON po.post_id = a.post_id
  LEFT JOIN organisation o ON o.organisation_id = a.organisation_id
  LEFT JOIN tenure t ON t.person_id = a.person_id AND t.post_id = a.post_id
 WHERE a.meeting_id = ?
 ORDER BY a.attendance_id
)sql";

// The columns meeting_row reads, from v_meeting: the host's id beside its short name; with
// several hosts (host lists them), the lowest id. Every query of a meeting starts with these.
constexpr std::string_view kMeetingColumns = R"sql(
SELECT meeting_id, series, sequence_no, title, held_on, location, host,
       (SELECT min(mo.organisation_id) FROM meeting_organisation mo
         WHERE mo.meeting_id = v_meeting.meeting_id AND mo.role = 'host'), key
  FROM v_meeting)sql";

// A meeting from kMeetingColumns.
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

// By date, undated last, then by id: the order of meeting_timeline ('~' sorts after every
// date), read from that index rather than sorted (10^5 meetings filled a 2 MB sorter).
const std::string kMeetingsAll =
    std::string(kMeetingColumns) + " ORDER BY coalesce(held_on, '~'), meeting_id";
// Keyset paging of the timeline: (coalesce(held_on, '~'), meeting_id) orders it as kMeetingsAll
// does ('~' sorts after every date). Two index range searches on meeting_timeline: the rest of
// the page's date, then later dates. :key is the timeline key of meeting :after.
constexpr std::string_view kTimelineKey =
    "SELECT coalesce(held_on, '~') FROM meeting WHERE meeting_id = ?";
const std::string kMeetingsPage = "SELECT * FROM (" + std::string(kMeetingColumns) +
                                  " WHERE coalesce(held_on, '~') = :key AND meeting_id > :after"
                                  " ORDER BY meeting_id LIMIT :limit)"
                                  " UNION ALL SELECT * FROM (" +
                                  std::string(kMeetingColumns) +
                                  " WHERE coalesce(held_on, '~') > :key"
                                  " ORDER BY coalesce(held_on, '~'), meeting_id LIMIT :limit)"
                                  " LIMIT :limit";
const std::string kMeetingById = std::string(kMeetingColumns) + " WHERE meeting_id = ?";
// The series code is matched ignoring case in the short meeting_series table, so that the
// meeting itself is found through UNIQUE (series, sequence_no).
const std::string kMeetingBySequence =
    std::string(kMeetingColumns) +
    " WHERE series = (SELECT series FROM meeting_series WHERE series = :series COLLATE NOCASE)"
    " AND sequence_no = :sequence_no";

// The columns meeting_organisation_row reads.
constexpr std::string_view kMeetingOrganisationColumns = R"sql(
SELECT mo.meeting_organisation_id, mo.meeting_id, o.short_name, mo.role, mo.organisation_id,
       mo.attested_as
  FROM meeting_organisation mo JOIN organisation o ON o.organisation_id = mo.organisation_id)sql";
// A meeting's organisation from kMeetingOrganisationColumns.
MeetingOrganisation meeting_organisation_row(detail::Statement& s) {
  return {MeetingOrganisationId(integer(s, 0)),
          MeetingId(integer(s, 1)),
          text(s, 2),
          text(s, 3),
          OrganisationId(integer(s, 4)),
          text(s, 5)};
}

const std::string kMeetingOrganisations = std::string(kMeetingOrganisationColumns) +
                                          " WHERE mo.meeting_id = ? ORDER BY mo.role, o.short_name";
// From the organisation's side through meeting_organisation_organisation (migration 0011).
const std::string kMeetingsOfOrganisation =
    std::string(kMeetingOrganisationColumns) +
    " JOIN meeting m ON m.meeting_id = mo.meeting_id"
    " WHERE mo.organisation_id = ? ORDER BY coalesce(m.held_on, '~'), m.meeting_id, mo.role";

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

Topic topic_row(detail::Statement& s) {
  return {TopicId(integer(s, 0)), MeetingId(integer(s, 1)), text(s, 2), opt_date(s, 3), text(s, 4),
          opt_text(s, 5),         opt_id<ThemeId>(s, 6),    text(s, 7)};
}

}  // namespace

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

void Meetings::each_of_organisation(
    OrganisationId id, const std::function<void(const MeetingOrganisation&)>& visit) const {
  stream(
      impl_, kMeetingsOfOrganisation, [&](auto& s) { s.bind(1, id.value()); },
      meeting_organisation_row, visit);
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

void Meetings::each_topic_by_theme(std::string_view theme,
                                   const std::function<void(const Topic&)>& visit) const {
  stream(
      impl_, kTopicsByTheme, [&](auto& s) { s.bind(":theme", std::string(theme)); }, topic_row,
      visit);
}

std::optional<Meeting> Meetings::by_key(std::string_view key) const {
  auto id = detail::row_of_key(impl_, "meeting", key);
  return id ? find(MeetingId(*id)) : std::nullopt;
}

}  // namespace euiomkb
