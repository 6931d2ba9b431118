// An organisation on a date (Organisations::on, Agreements::parties_on): what it then was, with
// its name and parent, and why (standing.cpp).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "euiomkb/organisations.hpp"
#include "sqlite/impl.hpp"

namespace euiomkb::detail {

// Reads the lineage of one organisation at a time: every call is index lookups on the event's
// two sides, the citations of the organisations involved, and their names. An organisation and
// its lineage are read once per Standing (the parties of an agreement share parents): use one
// Standing for one question, not across writes.
class Standing {
 public:
  // Where an event's recorded date falls against a date.
  enum class Timing { before, after, open };

  Standing(const Organisations& organisations, Impl* impl, const PartialDate& date);

  // The earliest dated document that names `id`, may date from `from` or later and dates from the
  // end of the date asked at the latest, as (date, title).
  std::optional<std::pair<PartialDate, std::string>> first_shown(OrganisationId id,
                                                                 const std::string& from) const;

  // Whether `events` (one event, or the parts of one split) happened before the date, after it,
  // or neither is settled. `made` are the organisations the events made; when the dates overlap,
  // a document that may date from the event's start, dated by the end of the date, and already
  // names one of them places the events before it (basis 'inferred', `why` says which document).
  // An undated event, or a merger (whose outcome may be older than it), is never so placed.
  // `why` is empty for a timing the dates settle alone.
  Timing timing(const std::vector<OrganisationEvent>& events,
                const std::vector<OrganisationId>& made, std::string& basis,
                std::string& why) const;

  OrganisationOnDate of(const Organisation& asked) const;

  // Organisations::find, read once per id.
  std::optional<Organisation> find(OrganisationId id) const;

 private:
  // Events on one side of `id`, those of the earliest recorded date first; a split's parts
  // (same event, same date) come together.
  std::vector<OrganisationEvent> events(OrganisationId id, bool into) const;

  static std::string phrase(const OrganisationEvent& e);
  static std::string phrase_all(const std::vector<OrganisationEvent>& parts);

  OrganisationOnDate& finish(OrganisationOnDate& out, std::string standing,
                             std::optional<Organisation> as,
                             const std::vector<std::string>& said) const;

 public:
  NameOnDate name_of(OrganisationId id) const;

  std::optional<Organisation> parent_of(OrganisationId id) const;

 private:
  const Organisations& organisations_;
  Impl* impl_;
  PartialDate date_;
  DateBounds bounds_;
  mutable std::map<std::int64_t, std::optional<Organisation>> found_;
  mutable std::map<std::int64_t, std::vector<OrganisationEvent>> lineages_;
};

}  // namespace euiomkb::detail
