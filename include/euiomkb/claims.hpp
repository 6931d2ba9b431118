// Claims on which documents disagree (KnowledgeBase::conflicting_claims()): every value is
// kept, exactly one per subject and attribute preferred, with the reason.
#pragma once

#include <cstdint>
#include <string>

#include "euiomkb/id.hpp"

namespace euiomkb {

struct Claim {
  static constexpr const char* kSubjectType = "claim";
  ClaimId id;
  std::string subject;  // what the claim is about, as a label
  std::string attribute;
  std::string value;
  bool preferred;
  std::string reason;
  std::string subject_type;  // the kind of record the claim is about ("agreement")
  std::int64_t subject_id;   // that record's id, as the kind's own id (AgreementId::value())
};

}  // namespace euiomkb
