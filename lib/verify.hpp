#pragma once

#include "connection.hpp"
#include "euiomkb/records.hpp"

namespace euiomkb::detail {

// The checks behind KnowledgeBase::verify(); see its contract.
VerificationReport verify_database(Connection& connection);

}  // namespace euiomkb::detail
