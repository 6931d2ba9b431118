#include "standing.hpp"

namespace euiomkb::cli {

std::string name_basis(const NameOnDate& name, const PartialDate& on) {
  if (name.how == "valid") return "valid on " + on.to_string();
  if (name.how == "attested")
    return "written by a document of " +
           (name.first_attested ? name.first_attested->to_string() : std::string("?"));
  std::string out = "no document dated by " + on.to_string() + " gives a name; the short name";
  if (name.full_name)
    out += ", the full name \"" + *name.full_name + "\" is " +
           (name.full_name_from ? "first written in " + name.full_name_from->to_string()
                                : std::string("written only in undated documents"));
  return out;
}

std::string party_standing(const PartyOnDate& party) {
  const OrganisationOnDate& s = party.standing;
  if (s.standing == "itself") return "party";
  if (s.as) return "party as " + s.as->short_name;
  if (s.standing == "ceased") return "no longer a party";
  if (s.standing == "not yet") return "not yet in existence";
  return "undetermined";
}

}  // namespace euiomkb::cli
