// How the tool words an organisation's standing on a date (Organisations::on), shared by the
// org, framework and timeline commands.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "euiomkb/agreements.hpp"
#include "euiomkb/knowledge_base.hpp"
#include "euiomkb/organisations.hpp"
#include "output.hpp"

namespace euiomkb::cli {

// How the name given for `on` was chosen: "valid on 2016", "written by a document of
// 2016-02-16", or, for a short name standing in, where the full name is first written.
std::string name_basis(const NameOnDate& name, const PartialDate& on);

// A party's standing on the date in a few words: "party", "party as DG INTPA",
// "no longer a party", "not yet in existence", "undetermined".
std::string party_standing(const PartyOnDate& party);

// How a party of an agreement stood on a date, as `framework` and an organisation's
// "agreements" part show it: since, how, standing (party_standing), and the basis and
// explanation of the standing where the lineage was followed. The columns, and a row's values
// in the same order.
std::vector<Column> party_standing_columns();
std::vector<Value> party_standing_values(const PartyOnDate& party);

// A change the lineage makes to a party of an agreement after it joined: its organisation renamed
// or merged (the part continues under `successor`), or split or dissolved (the part ends).
struct MembershipStep {
  AgreementParty party;                     // the party row
  OrganisationId before;                    // the organisation that held the part until then
  std::string before_name;                  // its short name
  std::vector<OrganisationEvent> events;    // one event, or the parts of one split
  std::optional<OrganisationId> successor;  // for a rename or merger
  std::string successor_name;
  bool ends = false;         // split or dissolved
  std::string basis;         // 'document' or 'general_knowledge'
  std::string what() const;  // "renamed DG INTPA", "split into DG ENEST and DG MENA"
};

// Every such change for the parties of `agreement`, in the order of parties() and then of the
// lineage; events recorded before a party joined are not changes to its part.
std::vector<MembershipStep> membership_steps(const KnowledgeBase& kb, AgreementId agreement);

}  // namespace euiomkb::cli
