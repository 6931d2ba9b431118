// People: their names and aliases, the posts they held, the meetings they attended, what they
// said, and the contact details documents give. Repository contracts: sources.hpp.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "euiomkb/api.hpp"
#include "euiomkb/id.hpp"
#include "euiomkb/meetings.hpp"
#include "euiomkb/partial_date.hpp"

namespace euiomkb {

namespace detail {
struct Impl;
}
class KnowledgeBase;

struct Person {
  static constexpr const char* kSubjectType = "person";
  PersonId id;
  std::string name;
  std::optional<std::string> honorific;
  std::vector<std::string> aliases;
  std::string key;  // the key fact files use ("william-swing"); empty for a row without one
};

// A person holding a post.
struct Tenure {
  static constexpr const char* kSubjectType = "tenure";
  TenureId id;
  PersonId person_id;
  std::string person;
  PostId post_id;
  std::string post;
  std::optional<std::string> organisation;  // short name of the post's organisation
  std::optional<PartialDate> start_date;
  std::optional<PartialDate> end_date;
  std::optional<PartialDate> attested_from;
  std::optional<PartialDate> attested_to;
  bool acting;
  std::optional<OrganisationId> organisation_id;  // of `organisation`
};

// What a person said, quoted verbatim or reported.
struct Statement {
  static constexpr const char* kSubjectType = "statement";
  StatementId id;
  std::string person;
  std::optional<MeetingId> meeting_id;
  std::optional<PartialDate> said_on;
  std::string kind;  // 'quote' (verbatim) or 'reported'
  std::string text;
  std::optional<PersonId> person_id;  // of `person` (always set by the library)
};

// Contact details a document gives (KnowledgeBase::contacts()): of a person, an organisation
// or a person at an organisation.
struct Contact {
  static constexpr const char* kSubjectType = "contact";
  ContactId id;
  std::optional<std::string> person;
  std::optional<std::string> organisation;  // short name
  std::optional<std::string> role;
  std::optional<std::string> city;
  std::optional<std::string> phone;
  std::optional<std::string> fax;
  std::optional<std::string> email;
  std::optional<PersonId> person_id;              // of `person`
  std::optional<OrganisationId> organisation_id;  // of `organisation`
};

class EUIOMKB_API People {
 public:
  // Every person with their aliases, by name.
  std::vector<Person> all() const;
  // Every person (with aliases) in the order of all(), one at a time. `visit` may use the
  // knowledge base; an exception it throws propagates.
  void each(const std::function<void(const Person&)>& visit) const;
  std::optional<Person> find(PersonId id) const;
  // By canonical name or any alias a document uses, ignoring case, accents, apostrophe style,
  // dots and runs of spaces: "william l swing", "David O’Sullivan", "claus sorensen".
  std::optional<Person> by_name(std::string_view name) const;
  // By the key fact files use ("william-swing").
  std::optional<Person> by_key(std::string_view key) const;
  // Everyone whose canonical name or one alias holds every word of `words`, in any order,
  // compared as by_name compares ("sorensen" finds Claus Sørensen, "william swing" William
  // Lacy Swing), by name. Reads every name.
  std::vector<Person> matching(std::string_view words) const;
  // The person's posts, by start (or first attestation).
  std::vector<Tenure> tenures(PersonId id) const;
  // Tenures of posts titled `post_title` (e.g. "Director General") in the organisation with
  // short name `organisation` that documents show held on `date`: the date falls between the
  // stated start and end or, where those are unknown, between the first and last attestation
  // (a tenure with a known start and no known end counts as continuing).
  std::vector<Tenure> holders_on(std::string_view post_title, std::string_view organisation,
                                 const PartialDate& date) const;
  // Every meeting the person attended, in date order.
  std::vector<Attendance> attendance(PersonId id) const;
  // What the person said, by date.
  std::vector<Statement> statements(PersonId id) const;

 private:
  friend class KnowledgeBase;
  explicit People(detail::Impl* impl) : impl_(impl) {}
  detail::Impl* impl_;
};

}  // namespace euiomkb
