// Funding: the amounts, all or within a period.
#include "euiomkb/funding.hpp"

#include <string>

#include "sqlite/impl.hpp"

namespace euiomkb {
namespace {

using detail::bounds;
using detail::collect;
using detail::integer;
using detail::kNoBinding;
using detail::opt_date;
using detail::opt_int;
using detail::opt_text;
using detail::text;

constexpr std::string_view kFundingAll = R"sql(
SELECT f.funding_id, fu.short_name, r.short_name, f.period_start, f.period_end, f.amount,
       f.currency, f.bound, f.measure, f.funder_organisation_id, f.recipient_organisation_id
  FROM funding f JOIN organisation fu ON fu.organisation_id = f.funder_organisation_id
  JOIN organisation r ON r.organisation_id = f.recipient_organisation_id
 ORDER BY f.period_start, f.funding_id
)sql";
constexpr std::string_view kFundingInPeriod = R"sql(
SELECT f.funding_id, fu.short_name, r.short_name, f.period_start, f.period_end, f.amount,
       f.currency, f.bound, f.measure, f.funder_organisation_id, f.recipient_organisation_id
  FROM funding f JOIN organisation fu ON fu.organisation_id = f.funder_organisation_id
  JOIN organisation r ON r.organisation_id = f.recipient_organisation_id
 WHERE f.period_start <= :to_high AND (f.period_end IS NULL OR :from_low <= f.period_end || '~')
 ORDER BY f.period_start, f.funding_id
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

}  // namespace

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

}  // namespace euiomkb
