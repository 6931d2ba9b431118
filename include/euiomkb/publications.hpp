// Publications (recommendations, papers, booklets) and the policy frameworks they serve.
// Repository contracts: sources.hpp.
#pragma once

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

struct Publication {
  static constexpr const char* kSubjectType = "publication";
  PublicationId id;
  std::optional<std::string> title;
  std::optional<std::string> publisher;  // short name of the publishing organisation
  std::optional<PartialDate> published_on;
  std::string kind;
  std::optional<std::string> addressee;
  std::optional<std::string> series;
  std::optional<int> edition;
  std::optional<std::string> summary;
  std::optional<OrganisationId> publisher_id;  // of `publisher`
  std::string key;  // the key fact files use ("rec-maltese-presidency"); empty for none
};

struct PolicyFramework {
  static constexpr const char* kSubjectType = "policy_framework";
  PolicyFrameworkId id;
  std::string name;
  std::optional<std::string> short_name;
  std::vector<std::string> parts;  // pillars, priority domains or goals, in order
  std::string key;                 // the key fact files use ("gamm"); empty for none
};

class EUIOMKB_API Publications {
 public:
  // Every publication, by date (undated last).
  std::vector<Publication> all() const;
  std::optional<Publication> find(PublicationId id) const;
  // By the key fact files use.
  std::optional<Publication> by_key(std::string_view key) const;
  // Every policy framework with its parts, by name.
  std::vector<PolicyFramework> policy_frameworks() const;

 private:
  friend class KnowledgeBase;
  explicit Publications(detail::Impl* impl) : impl_(impl) {}
  detail::Impl* impl_;
};

}  // namespace euiomkb
