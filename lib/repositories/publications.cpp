// Publications and the policy frameworks they belong to.
#include "euiomkb/publications.hpp"

#include <string>
#include <utility>

#include "repositories/keys.hpp"
#include "repositories/rows.hpp"
#include "sqlite/impl.hpp"

namespace euiomkb {
namespace {

using detail::attach;
using detail::collect;
using detail::first_row;
using detail::integer;
using detail::kNoBinding;
using detail::opt_date;
using detail::opt_id;
using detail::opt_int;
using detail::opt_text;
using detail::text;

constexpr std::string_view kPublicationsAll = R"sql(
SELECT p.publication_id, p.title, o.short_name, p.published_on, p.kind, p.addressee, p.series,
       p.edition, p.summary, p.publisher_organisation_id,
       (SELECT min(key) FROM record_key WHERE kind = 'publication' AND row_id = p.publication_id)
  FROM publication p LEFT JOIN organisation o ON o.organisation_id = p.publisher_organisation_id
 ORDER BY p.published_on IS NULL, p.published_on, p.publication_id
)sql";
constexpr std::string_view kPublicationById = R"sql(
SELECT p.publication_id, p.title, o.short_name, p.published_on, p.kind, p.addressee, p.series,
       p.edition, p.summary, p.publisher_organisation_id,
       (SELECT min(key) FROM record_key WHERE kind = 'publication' AND row_id = p.publication_id)
  FROM publication p LEFT JOIN organisation o ON o.organisation_id = p.publisher_organisation_id
 WHERE p.publication_id = ?
)sql";
constexpr std::string_view kPolicyFrameworks = R"sql(
SELECT policy_framework_id, name, short_name,
       (SELECT min(key) FROM record_key
         WHERE kind = 'policy_framework' AND row_id = policy_framework_id)
  FROM policy_framework ORDER BY name
)sql";
constexpr std::string_view kFrameworkParts =
    "SELECT policy_framework_id, label FROM framework_part ORDER BY policy_framework_id, position";

Publication publication_row(detail::Statement& s) {
  auto edition = opt_int(s, 7);
  return {PublicationId(integer(s, 0)),
          opt_text(s, 1),
          opt_text(s, 2),
          opt_date(s, 3),
          text(s, 4),
          opt_text(s, 5),
          opt_text(s, 6),
          edition ? std::optional<int>(static_cast<int>(*edition)) : std::nullopt,
          opt_text(s, 8),
          opt_id<OrganisationId>(s, 9),
          text(s, 10)};
}

}  // namespace

std::vector<Publication> Publications::all() const {
  return collect(impl_, kPublicationsAll, kNoBinding, publication_row);
}

std::optional<Publication> Publications::find(PublicationId id) const {
  return first_row(
      impl_, kPublicationById, [&](auto& s) { s.bind(1, id.value()); }, publication_row);
}

std::vector<PolicyFramework> Publications::policy_frameworks() const {
  auto frameworks = collect(impl_, kPolicyFrameworks, kNoBinding, [](auto& s) {
    return PolicyFramework{
        PolicyFrameworkId(integer(s, 0)), text(s, 1), opt_text(s, 2), {}, text(s, 3)};
  });
  attach(impl_, kFrameworkParts, frameworks, &PolicyFramework::parts);
  return frameworks;
}

std::optional<Publication> Publications::by_key(std::string_view key) const {
  auto id = detail::row_of_key(impl_, "publication", key);
  return id ? find(PublicationId(*id)) : std::nullopt;
}

}  // namespace euiomkb
