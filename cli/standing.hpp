// How the tool words an organisation's standing on a date (Organisations::on), shared by the
// org, framework and timeline commands.
#pragma once

#include <string>

#include "euiomkb/agreements.hpp"
#include "euiomkb/organisations.hpp"

namespace euiomkb::cli {

// How the name given for `on` was chosen: "valid on 2016", "written by a document of
// 2016-02-16", or, for a short name standing in, where the full name is first written.
std::string name_basis(const NameOnDate& name, const PartialDate& on);

// A party's standing on the date in a few words: "party", "party as DG INTPA",
// "no longer a party", "not yet in existence", "undetermined".
std::string party_standing(const PartyOnDate& party);

}  // namespace euiomkb::cli
