// Claims: the statements sources disagree on, each with the preferred value and the reason.
#include "euiomkb/claims.hpp"

#include "euiomkb/knowledge_base.hpp"
#include "sqlite/impl.hpp"

namespace euiomkb {
namespace {

constexpr std::string_view kClaims = R"sql(
SELECT claim_id, subject, attribute, value, preferred, reason, subject_type, subject_id FROM claim
 ORDER BY subject_type, subject_id, attribute, preferred DESC, claim_id
)sql";

}  // namespace

std::vector<Claim> KnowledgeBase::conflicting_claims() const {
  return detail::collect(impl_.get(), kClaims, detail::kNoBinding, [](auto& s) {
    return Claim{ClaimId(detail::integer(s, 0)),
                 detail::text(s, 1),
                 detail::text(s, 2),
                 detail::text(s, 3),
                 detail::integer(s, 4) == 1,
                 detail::text(s, 5),
                 detail::text(s, 6),
                 detail::integer(s, 7)};
  });
}

}  // namespace euiomkb
