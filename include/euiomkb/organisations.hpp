// Organisations (Commission services, the EEAS, IOM, ...), their names over time, their parents
// and their lineage (renamings, splits, mergers). Repository contracts: sources.hpp.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "euiomkb/api.hpp"
#include "euiomkb/id.hpp"
#include "euiomkb/partial_date.hpp"

namespace euiomkb {

namespace detail {
struct Impl;
}
class KnowledgeBase;

struct Organisation {
  static constexpr const char* kSubjectType = "organisation";
  OrganisationId id;
  std::string short_name;
  std::string name;
  std::string kind;  // 'directorate_general', 'service', 'international_organisation', ...
  std::optional<std::string> parent_short_name;  // the latest known parent
  std::optional<OrganisationId> parent_id;       // of `parent_short_name`
  std::string key;  // the key fact files use ("dg-home"); empty for a row without one
};

struct OrganisationName {
  static constexpr const char* kSubjectType = "organisation_name";
  OrganisationNameId id;
  std::string name;
  std::string language;
  std::optional<PartialDate> attested_on;
  std::optional<PartialDate> valid_from;
  std::optional<PartialDate> valid_to;
  bool general_knowledge;  // true when no document states it
};

struct OrganisationEvent {
  static constexpr const char* kSubjectType = "organisation_event";
  OrganisationEventId id;
  std::string event;  // 'renamed', 'split', 'merged', ...
  std::optional<std::string> from_short_name;
  std::optional<std::string> to_short_name;
  std::optional<PartialDate> occurred_on;
  bool general_knowledge;
  std::optional<std::string> note;
  std::optional<OrganisationId> from_id;  // of `from_short_name`
  std::optional<OrganisationId> to_id;    // of `to_short_name`
};

// The name an organisation is given on a date (Organisations::on, name_on). Names are never
// presented for dates before a document gives them: a name counts from its validity
// (valid_from/valid_to) or from the earliest dated document that writes it (its attested_on, or
// the publication date of a source whose cited passage holds it). Undated documents (the FAQ)
// attest no date.
struct NameOnDate {
  std::string name;
  // 'valid' (a stated validity covers the date), 'attested' (the latest name a document dated on
  // or before the date writes) or 'short name' (no document dated by then gives any name: the
  // usual short name stands as a label, not as a name of that date).
  std::string how;
  std::optional<PartialDate> first_attested;  // earliest dated document writing `name`
  std::optional<std::string> full_name;       // for 'short name': the full name the documents
  std::optional<PartialDate> full_name_from;  // give, and from when (nullopt: undated only)
};

// How an organisation stood on a date, following the recorded lineage (organisation_event): a
// renamed or merged organisation continues as its successor, one split or dissolved has ceased,
// one made by a later renaming was still its predecessor, one made by a later split or creation
// did not exist yet (a merger into it leaves it itself). An event counts as before the date when
// its recorded date ends before the date begins, or, when the two overlap, when a document that
// may date from the event's start, dated by the end of the date, already names the organisation
// the event made (basis 'inferred'; never for a merger, whose outcome may be older). An event
// without a date, one overlapping the date without such a document, or a lineage that loops
// leaves the standing 'undetermined' rather than guessing.
struct OrganisationOnDate {
  Organisation organisation;  // the one asked about
  PartialDate date;
  // 'itself' (no recorded event moves it), 'successor' (it continued as `as`), 'predecessor'
  // (it was then `as`, renamed or merged into the asked one later), 'ceased' (split or dissolved
  // by the date), 'not yet' (made later by a split or creation), 'undetermined'.
  std::string standing;
  std::optional<Organisation> as;          // who stood for it on the date (itself, successor, ...)
  std::vector<OrganisationEvent> through;  // the events the answer rests on, in order
  // The weakest basis among the events followed and the timing readings: 'document',
  // 'inferred' or 'general_knowledge' ('document' when no event was followed).
  std::string basis;
  std::string explanation;         // in words: which events, when, on what basis ("" for 'itself')
  std::optional<NameOnDate> name;  // of `as` on the date
  std::optional<Organisation> parent;  // of `as` on the date
  // True when the organisation was current on the date (itself, successor or predecessor).
  bool current() const { return as.has_value(); }
};

class EUIOMKB_API Organisations {
 public:
  // Every organisation, by short name.
  std::vector<Organisation> all() const;
  // Every organisation in the order of all(), one at a time: memory does not grow with the
  // table. `visit` may use the knowledge base (nested queries are safe); an exception it throws
  // propagates.
  void each(const std::function<void(const Organisation&)>& visit) const;
  std::optional<Organisation> find(OrganisationId id) const;
  // By usual short name ("DG HOME"), ignoring case.
  std::optional<Organisation> by_short_name(std::string_view short_name) const;
  // By the key fact files use ("dg-home").
  std::optional<Organisation> by_key(std::string_view key) const;
  // Every name the organisation went by, oldest attestation first.
  std::vector<OrganisationName> names(OrganisationId id) const;
  // How the organisation stood on `date`, following its lineage, with the name and parent of
  // whoever stood for it (see OrganisationOnDate); std::nullopt when there is no such
  // organisation.
  std::optional<OrganisationOnDate> on(OrganisationId id, const PartialDate& date) const;
  // The English name of whoever stood for the organisation on `date` (on(): a renamed DG DEVCO
  // answers with DG INTPA's name after the renaming), chosen as NameOnDate says; names in other
  // languages are translations, listed by names() but never chosen here. std::nullopt when there
  // is no such organisation or it was not current on the date (ceased, not yet, undetermined).
  std::optional<std::string> name_on(OrganisationId id, const PartialDate& date) const;
  // The parent, on `date`, of whoever stood for the organisation then (a parent link with
  // unstated bounds counts for every date); std::nullopt when there was none, the organisation
  // was not current on the date, or there is no such organisation.
  std::optional<Organisation> parent_on(OrganisationId id, const PartialDate& date) const;
  // Renamings, splits and mergers the organisation took part in, on either side, by date.
  std::vector<OrganisationEvent> lineage(OrganisationId id) const;

 private:
  friend class KnowledgeBase;
  friend class Agreements;  // parties_on follows each party's lineage
  explicit Organisations(detail::Impl* impl) : impl_(impl) {}
  detail::Impl* impl_;
};

}  // namespace euiomkb
