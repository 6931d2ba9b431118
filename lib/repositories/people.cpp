// People: their names and aliases, tenures, attendance and statements.
#include "euiomkb/people.hpp"

#include <algorithm>
#include <string>
#include <unordered_map>
#include <utility>

#include "repositories/keys.hpp"
#include "repositories/rows.hpp"
#include "sqlite/impl.hpp"
#include "text/text.hpp"

namespace euiomkb {
namespace {

using detail::attach;
using detail::attendance_row;
using detail::bounds;
using detail::collect;
using detail::first_row;
using detail::integer;
using detail::kNoBinding;
using detail::opt_date;
using detail::opt_id;
using detail::opt_text;
using detail::text;

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
       h.end_date, h.attested_from, h.attested_to, h.acting, po.organisation_id
  FROM v_post_holder h JOIN post po ON po.post_id = h.post_id
 WHERE h.person_id = ?
 ORDER BY coalesce(h.start_date, h.attested_from), h.tenure_id
)sql";
// The columns of v_post_holder, reached from the organisation and post (both by index, ignoring
// case) to their tenures, rather than filtering every tenure through the view. The tenures are
// read through tenure_post_end from the date's year on: those that ended before it (the past
// holders) are never read. That range is implied by the exact test below it (an end date whose
// year is before the date's cannot reach it), so the answers are those of the whole post.
constexpr std::string_view kHoldersOn = R"sql(
SELECT t.tenure_id, t.person_id, pe.name, t.post_id, po.title, o.short_name, t.start_date,
       t.end_date, t.attested_from, t.attested_to, t.acting, o.organisation_id
  FROM organisation o
  JOIN post po ON po.organisation_id = o.organisation_id AND po.title = :post COLLATE NOCASE
  JOIN tenure t ON t.post_id = po.post_id
  JOIN person pe ON pe.person_id = t.person_id
 WHERE o.short_name = :organisation COLLATE NOCASE
   AND coalesce(t.end_date, t.attested_to, '~') >= substr(:low, 1, 4)
   AND coalesce(t.start_date, t.attested_from) <= :high
   AND (coalesce(t.end_date, t.attested_to) IS NULL
        OR :low <= coalesce(t.end_date, t.attested_to) || '~')
 ORDER BY coalesce(t.start_date, t.attested_from), t.tenure_id
)sql";
constexpr std::string_view kAttendanceOfPerson = R"sql(
SELECT a.attendance_id, a.meeting_id, m.title, a.held_on, a.person_id, a.person, a.role, a.post,
       a.organisation, a.attested_as, a.acting, x.organisation_id, x.post_id
  FROM v_attendance a JOIN meeting m ON m.meeting_id = a.meeting_id
  JOIN attendance x ON x.attendance_id = a.attendance_id
 WHERE a.person_id = ?
 ORDER BY a.held_on IS NULL, a.held_on, a.attendance_id
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
// Whole words: both sides padded with spaces (folded names hold single spaces only).
constexpr std::string_view kPeopleMatching = R"sql(
SELECT person_id, ' ' || name_folded || ' ' FROM person
 WHERE instr(' ' || name_folded || ' ', ' ' || :word || ' ') > 0
UNION ALL
SELECT person_id, ' ' || folded || ' ' FROM person_alias
 WHERE instr(' ' || folded || ' ', ' ' || :word || ' ') > 0
)sql";

template <class T>
std::optional<T> first(std::vector<T> rows) {
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
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

Attendance detail::attendance_row(detail::Statement& s) {
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
        s.bind_text(":post", post_title);
        s.bind_text(":organisation", organisation);
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

std::optional<Person> People::by_key(std::string_view key) const {
  auto id = detail::row_of_key(impl_, "person", key);
  return id ? find(PersonId(*id)) : std::nullopt;
}

std::vector<Person> People::matching(std::string_view words) const {
  // The names holding the longest word are read, then checked for every word.
  std::string folded = detail::fold_name(words);
  std::vector<std::string> parts;
  for (std::size_t start = 0; start < folded.size();) {
    std::size_t end = std::min(folded.find(' ', start), folded.size());
    parts.push_back(folded.substr(start, end - start));
    start = end + 1;
  }
  std::vector<Person> people;
  if (parts.empty()) return people;
  std::string longest = *std::max_element(
      parts.begin(), parts.end(), [](const auto& a, const auto& b) { return a.size() < b.size(); });
  std::vector<std::int64_t> ids;
  detail::stream(
      impl_, kPeopleMatching, [&](auto& s) { s.bind(":word", longest); },
      [](auto& s) { return std::make_pair(detail::integer(s, 0), detail::text(s, 1)); },
      [&](const std::pair<std::int64_t, std::string>& row) {
        bool all = std::all_of(parts.begin(), parts.end(), [&](const std::string& part) {
          return row.second.find(' ' + part + ' ') != std::string::npos;
        });
        if (all && std::find(ids.begin(), ids.end(), row.first) == ids.end())
          ids.push_back(row.first);
      });
  for (std::int64_t id : ids)
    if (auto person = find(PersonId(id))) people.push_back(std::move(*person));
  std::sort(people.begin(), people.end(),
            [](const Person& a, const Person& b) { return a.name < b.name; });
  return people;
}

}  // namespace euiomkb
