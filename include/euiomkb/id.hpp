// Strong record ids: an Id<MeetingTag> cannot be mixed up with an Id<PersonTag>, nor silently
// turned into an integer. Values: nothing here throws, and any thread may use them.
#pragma once

#include <compare>
#include <cstdint>
#include <functional>

namespace euiomkb {

template <class Tag>
class Id {
 public:
  constexpr explicit Id(std::int64_t value) noexcept : value_(value) {}
  // The row id as the SQL views show it.
  constexpr std::int64_t value() const noexcept { return value_; }
  friend constexpr auto operator<=>(Id, Id) noexcept = default;  // NOLINT(modernize-use-nullptr)

 private:
  std::int64_t value_;
};

struct SourceTag {};
struct OrganisationTag {};
struct PersonTag {};
struct PostTag {};
struct TenureTag {};
struct MeetingTag {};
struct AttendanceTag {};
struct TopicTag {};
struct ThemeTag {};
struct AgreementTag {};
struct FundingTag {};
struct PublicationTag {};
struct PolicyFrameworkTag {};
struct StatementTag {};
struct ClaimTag {};
struct CitationTag {};
// Rows that belong to one of the records above (a name of an organisation, a party to an
// agreement): they have ids of their own, which citations and keys name.
struct OrganisationNameTag {};
struct OrganisationEventTag {};
struct ContactTag {};
struct AgreementDateTag {};
struct AgreementPartyTag {};
struct SignatoryTag {};
struct MeetingOrganisationTag {};

using SourceId = Id<SourceTag>;
using OrganisationId = Id<OrganisationTag>;
using PersonId = Id<PersonTag>;
using PostId = Id<PostTag>;
using TenureId = Id<TenureTag>;
using MeetingId = Id<MeetingTag>;
using AttendanceId = Id<AttendanceTag>;
using TopicId = Id<TopicTag>;
using ThemeId = Id<ThemeTag>;
using AgreementId = Id<AgreementTag>;
using FundingId = Id<FundingTag>;
using PublicationId = Id<PublicationTag>;
using PolicyFrameworkId = Id<PolicyFrameworkTag>;
using StatementId = Id<StatementTag>;
using ClaimId = Id<ClaimTag>;
using CitationId = Id<CitationTag>;
using OrganisationNameId = Id<OrganisationNameTag>;
using OrganisationEventId = Id<OrganisationEventTag>;
using ContactId = Id<ContactTag>;
using AgreementDateId = Id<AgreementDateTag>;
using AgreementPartyId = Id<AgreementPartyTag>;
using SignatoryId = Id<SignatoryTag>;
using MeetingOrganisationId = Id<MeetingOrganisationTag>;

}  // namespace euiomkb

template <class Tag>
struct std::hash<euiomkb::Id<Tag>> {
  std::size_t operator()(euiomkb::Id<Tag> id) const noexcept {
    return std::hash<std::int64_t>{}(id.value());
  }
};
