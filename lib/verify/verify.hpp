#pragma once

#include <string_view>

#include "euiomkb/verification.hpp"
#include "sqlite/connection.hpp"

namespace euiomkb::detail {

// The checks behind KnowledgeBase::verify(); see its contract.
VerificationReport verify_database(Connection& connection);

// True when the support check knows the subject of rows of `kind` (every cited kind must).
bool has_subject_rule(std::string_view kind);

}  // namespace euiomkb::detail
