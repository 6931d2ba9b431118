// Organisations: their names, parents and lineage, and their standing on a date (detail::Standing).
#include "euiomkb/organisations.hpp"

#include <set>
#include <string>
#include <utility>

#include "repositories/keys.hpp"
#include "repositories/standing.hpp"
#include "sqlite/impl.hpp"

namespace euiomkb {
namespace {

using detail::collect;
using detail::first_row;
using detail::integer;
using detail::kNoBinding;
using detail::opt_date;
using detail::opt_id;
using detail::opt_text;
using detail::text;

// The columns organisation_row reads. The latest known parent is chosen as v_organisation
// chooses it (an open-ended link first, then the latest start); the key is the first by key, as
// key_of gives it.
constexpr std::string_view kOrganisationColumns = R"sql(
SELECT o.organisation_id, o.short_name, o.name, o.kind, p.short_name, p.organisation_id,
       (SELECT min(key) FROM record_key WHERE kind = 'organisation' AND row_id = o.organisation_id)
  FROM organisation o
  LEFT JOIN organisation p ON p.organisation_id = (
    SELECT op.parent_organisation_id FROM organisation_parent op WHERE op.organisation_id = o.organisation_id
     ORDER BY op.valid_to IS NULL DESC, op.valid_from DESC LIMIT 1))sql";

// An organisation from kOrganisationColumns.
Organisation organisation_row(detail::Statement& s) {
  return {OrganisationId(integer(s, 0)), text(s, 1), text(s, 2), text(s, 3), opt_text(s, 4),
          opt_id<OrganisationId>(s, 5),  text(s, 6)};
}

const std::string kOrganisationsAll = std::string(kOrganisationColumns) + " ORDER BY o.short_name";
const std::string kOrganisationById =
    std::string(kOrganisationColumns) + " WHERE o.organisation_id = ?";
const std::string kOrganisationByShortName =
    std::string(kOrganisationColumns) + " WHERE o.short_name = ? COLLATE NOCASE";

constexpr std::string_view kOrganisationNames = R"sql(
SELECT organisation_name_id, name, language, attested_on, valid_from, valid_to, basis
  FROM organisation_name WHERE organisation_id = ?
 ORDER BY coalesce(valid_from, attested_on) IS NULL, coalesce(valid_from, attested_on),
          organisation_name_id
)sql";
constexpr std::string_view kOrganisationLineage = R"sql(
SELECT e.organisation_event_id, e.event, f.short_name, t.short_name, e.occurred_on, e.basis, e.note,
       e.from_organisation_id, e.to_organisation_id
  FROM organisation_event e
  LEFT JOIN organisation f ON f.organisation_id = e.from_organisation_id
  LEFT JOIN organisation t ON t.organisation_id = e.to_organisation_id
 WHERE e.from_organisation_id = :id OR e.to_organisation_id = :id
 ORDER BY e.occurred_on, e.organisation_event_id
)sql";

}  // namespace

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
        return OrganisationName{OrganisationNameId(integer(s, 0)),
                                text(s, 1),
                                text(s, 2),
                                opt_date(s, 3),
                                opt_date(s, 4),
                                opt_date(s, 5),
                                text(s, 6) == "general_knowledge"};
      });
}

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
        return OrganisationEvent{OrganisationEventId(integer(s, 0)),
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

std::optional<Organisation> Organisations::by_key(std::string_view key) const {
  auto id = detail::row_of_key(impl_, "organisation", key);
  return id ? find(OrganisationId(*id)) : std::nullopt;
}

}  // namespace euiomkb
