// Agreements: the agreements, their parties (on a date), dates and signatories.
#include "euiomkb/agreements.hpp"

#include <string>
#include <utility>

#include "repositories/keys.hpp"
#include "repositories/standing.hpp"
#include "sqlite/impl.hpp"

namespace euiomkb {
namespace {

using detail::bounds;
using detail::collect;
using detail::first_row;
using detail::integer;
using detail::kNoBinding;
using detail::opt_date;
using detail::opt_id;
using detail::opt_text;
using detail::text;

// The columns of an Agreement, as v_agreement derives them from agreement_date
// (schema/0018_baseline.sql; the view's other columns are not computed when not selected). The key
// is the first by key.
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
SELECT ap.agreement_party_id, ap.agreement_id, o.short_name, ap.since, ap.how, ap.organisation_id
  FROM agreement_party ap JOIN organisation o ON o.organisation_id = ap.organisation_id
 WHERE ap.agreement_id = ? ORDER BY ap.since, o.short_name
)sql";
constexpr std::string_view kPartiesOn = R"sql(
SELECT ap.agreement_party_id, ap.agreement_id, o.short_name, ap.since, ap.how, ap.organisation_id
  FROM agreement_party ap JOIN organisation o ON o.organisation_id = ap.organisation_id
 WHERE ap.agreement_id = :id AND (ap.since IS NULL OR ap.since <= :high)
 ORDER BY ap.since, o.short_name
)sql";
constexpr std::string_view kAgreementDates = R"sql(
SELECT agreement_date_id, agreement_id, event, on_date, basis, note FROM agreement_date
 WHERE agreement_id = ? ORDER BY on_date IS NULL, on_date, agreement_date_id
)sql";
constexpr std::string_view kSignatories = R"sql(
SELECT s.agreement_signatory_id, s.agreement_id, pe.name, o.short_name, s.person_id, s.organisation_id
  FROM agreement_signatory s JOIN person pe ON pe.person_id = s.person_id
  LEFT JOIN organisation o ON o.organisation_id = s.organisation_id
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
  return {AgreementPartyId(integer(s, 0)),
          AgreementId(integer(s, 1)),
          text(s, 2),
          opt_date(s, 3),
          text(s, 4),
          OrganisationId(integer(s, 5))};
}

}  // namespace

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
    auto organisation = standing.find(party.organisation_id);
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
        return AgreementDate{AgreementDateId(integer(s, 0)),
                             AgreementId(integer(s, 1)),
                             text(s, 2),
                             opt_date(s, 3),
                             text(s, 4),
                             opt_text(s, 5)};
      });
}

std::vector<Signatory> Agreements::signatories(AgreementId id) const {
  return collect(
      impl_, kSignatories, [&](auto& s) { s.bind(1, id.value()); },
      [](auto& s) {
        return Signatory{
            SignatoryId(integer(s, 0)), AgreementId(integer(s, 1)),  text(s, 2), opt_text(s, 3),
            PersonId(integer(s, 4)),    opt_id<OrganisationId>(s, 5)};
      });
}

std::optional<Agreement> Agreements::by_key(std::string_view key) const {
  auto id = detail::row_of_key(impl_, "agreement", key);
  return id ? find(AgreementId(*id)) : std::nullopt;
}

}  // namespace euiomkb
