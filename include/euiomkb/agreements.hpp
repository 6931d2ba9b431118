// Agreements (the Strategic Cooperation Framework, memoranda, exchanges of letters), their
// parties and signatories. Repository contracts: sources.hpp.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "euiomkb/api.hpp"
#include "euiomkb/id.hpp"
#include "euiomkb/organisations.hpp"
#include "euiomkb/partial_date.hpp"

namespace euiomkb {

namespace detail {
struct Impl;
}
class KnowledgeBase;

struct Agreement {
  static constexpr const char* kSubjectType = "agreement";
  AgreementId id;
  std::string name;
  std::string kind;
  // Only dates a document states as such: the agreement's own value, else the earliest
  // AgreementDate of event "concluded" (resp. "in force"). NULL in the seed: no document says
  // concluded or in force.
  std::optional<PartialDate> concluded_on;
  std::optional<PartialDate> in_force_from;
  std::optional<std::string> purpose;
  std::string key;  // the key fact files use ("scf-2012"); empty for a row without one
  // The earliest dated event of dates() (a year sorts before its months; the first recorded on
  // a tie) and its kind ("signed"); std::nullopt when the agreement has no dated event.
  std::optional<PartialDate> first_dated_on;
  std::optional<std::string> first_dated_event;
};

// A date of an agreement, of the kind its document states (v_agreement_date).
struct AgreementDate {
  static constexpr const char* kSubjectType = "agreement_date";
  AgreementDateId id;
  AgreementId agreement_id;
  std::string event;  // 'signed', 'established', 'agreed', 'concluded', 'in force', 'in use'
  std::optional<PartialDate> on_date;
  std::string basis;                // 'document', 'inferred' or 'general_knowledge'
  std::optional<std::string> note;  // why, when the basis is not 'document'
};

struct AgreementParty {
  static constexpr const char* kSubjectType = "agreement_party";
  AgreementPartyId id;
  AgreementId agreement_id;
  std::string organisation;  // short name
  std::optional<PartialDate> since;
  std::string how;  // 'founding party', 'party' (means not stated), 'exchange of letters',
                    // 'announced at meeting'
  OrganisationId organisation_id;  // of `organisation`
};

// A party to an agreement as it stood on a date: the party row as recorded, and the standing of
// its organisation then, following the lineage (Organisations::on). A renamed party is a party
// under its successor's name; a party that split or was dissolved is no longer one; where the
// recorded dates do not settle it, `standing.standing` is 'undetermined'.
struct PartyOnDate {
  AgreementParty party;
  OrganisationOnDate standing;
  // True when the party was a party on the date (its organisation, or its successor, current).
  bool current() const { return standing.current(); }
};

struct Signatory {
  static constexpr const char* kSubjectType = "agreement_signatory";
  SignatoryId id;
  AgreementId agreement_id;
  std::string person;
  std::optional<std::string> organisation;        // short name of whom the person signed for
  PersonId person_id;                             // of `person`
  std::optional<OrganisationId> organisation_id;  // of `organisation`
};

class EUIOMKB_API Agreements {
 public:
  // Every agreement, by date concluded (else in force, else its first dated event), then id.
  std::vector<Agreement> all() const;
  std::optional<Agreement> find(AgreementId id) const;
  // By name, ignoring case.
  std::optional<Agreement> by_name(std::string_view name) const;
  // By the key fact files use.
  std::optional<Agreement> by_key(std::string_view key) const;
  // Every party, by date joined then short name.
  std::vector<AgreementParty> parties(AgreementId id) const;
  // Parties that had joined by `date` (a party whose joining date overlaps `date` counts), each
  // with its standing on the date, in the order of parties(); current() tells the parties of
  // that date from those that had ceased or whose standing the records leave open. A party whose
  // joining date is not recorded is listed as 'undetermined', saying so.
  std::vector<PartyOnDate> parties_on(AgreementId id, const PartialDate& date) const;
  // Every date the documents give the agreement, earliest first.
  std::vector<AgreementDate> dates(AgreementId id) const;
  // Who signed, in the order recorded.
  std::vector<Signatory> signatories(AgreementId id) const;
  // The EU-IOM Strategic Cooperation Framework (the agreement of kind
  // 'strategic_cooperation_framework'); std::nullopt in a database without one.
  std::optional<Agreement> strategic_cooperation_framework() const;

 private:
  friend class KnowledgeBase;
  explicit Agreements(detail::Impl* impl) : impl_(impl) {}
  detail::Impl* impl_;
};

}  // namespace euiomkb
