// Funding one organisation gave another, over a period. Repository contracts: sources.hpp.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "euiomkb/api.hpp"
#include "euiomkb/id.hpp"
#include "euiomkb/partial_date.hpp"

namespace euiomkb {

namespace detail {
struct Impl;
}
class KnowledgeBase;

struct Funding {
  static constexpr const char* kSubjectType = "funding";
  FundingId id;
  std::string funder;     // short name
  std::string recipient;  // short name
  std::optional<PartialDate> period_start;
  std::optional<PartialDate> period_end;
  std::optional<std::int64_t> amount;
  std::optional<std::string> currency;
  std::optional<std::string> bound;  // 'exact', 'more_than', 'at_least', 'about'
  std::string measure;
  OrganisationId funder_id;     // of `funder`
  OrganisationId recipient_id;  // of `recipient`
};

class EUIOMKB_API FundingRepository {
 public:
  // Every funding, by start of period, then id.
  std::vector<Funding> all() const;
  // Funding whose period overlaps [from, to]; open-ended periods count from their start.
  std::vector<Funding> in_period(const PartialDate& from, const PartialDate& to) const;

 private:
  friend class KnowledgeBase;
  explicit FundingRepository(detail::Impl* impl) : impl_(impl) {}
  detail::Impl* impl_;
};

}  // namespace euiomkb
