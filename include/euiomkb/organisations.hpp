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
  std::int64_t id;
  std::string name;
  std::string language;
  std::optional<PartialDate> attested_on;
  std::optional<PartialDate> valid_from;
  std::optional<PartialDate> valid_to;
  bool general_knowledge;  // true when no document states it
};

struct OrganisationEvent {
  static constexpr const char* kSubjectType = "organisation_event";
  std::int64_t id;
  std::string event;  // 'renamed', 'split', 'merged', ...
  std::optional<std::string> from_short_name;
  std::optional<std::string> to_short_name;
  std::optional<PartialDate> occurred_on;
  bool general_knowledge;
  std::optional<std::string> note;
  std::optional<OrganisationId> from_id;  // of `from_short_name`
  std::optional<OrganisationId> to_id;    // of `to_short_name`
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
  // The English name in use on `date`: a name whose validity covers the date, else the latest
  // name a document used on or before the date, else the organisation's current name (names in
  // other languages are translations, listed by names() but never chosen here);
  // std::nullopt when there is no such organisation.
  std::optional<std::string> name_on(OrganisationId id, const PartialDate& date) const;
  // The parent on `date` (a parent with unstated bounds counts for every date); std::nullopt
  // when it had none on that date or there is no such organisation.
  std::optional<Organisation> parent_on(OrganisationId id, const PartialDate& date) const;
  // Renamings, splits and mergers the organisation took part in, on either side, by date.
  std::vector<OrganisationEvent> lineage(OrganisationId id) const;

 private:
  friend class KnowledgeBase;
  explicit Organisations(detail::Impl* impl) : impl_(impl) {}
  detail::Impl* impl_;
};

}  // namespace euiomkb
