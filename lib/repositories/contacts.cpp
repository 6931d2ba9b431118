// Contacts: the people and offices to write to, with the ids behind their labels.
#include "euiomkb/knowledge_base.hpp"
#include "sqlite/impl.hpp"

namespace euiomkb {
namespace {

// The columns of v_contact and the ids behind its labels.
constexpr std::string_view kContacts = R"sql(
SELECT c.contact_id, pe.name, o.short_name, c.role, c.city, c.phone, c.fax, c.email,
       c.person_id, c.organisation_id
  FROM contact c
  LEFT JOIN person pe ON pe.person_id = c.person_id
  LEFT JOIN organisation o ON o.organisation_id = c.organisation_id
 ORDER BY c.contact_id
)sql";

}  // namespace

std::vector<Contact> KnowledgeBase::contacts() const {
  return detail::collect(impl_.get(), kContacts, detail::kNoBinding, [](auto& s) {
    return Contact{ContactId(detail::integer(s, 0)), detail::opt_text(s, 1),
                   detail::opt_text(s, 2),           detail::opt_text(s, 3),
                   detail::opt_text(s, 4),           detail::opt_text(s, 5),
                   detail::opt_text(s, 6),           detail::opt_text(s, 7),
                   detail::opt_id<PersonId>(s, 8),   detail::opt_id<OrganisationId>(s, 9)};
  });
}

}  // namespace euiomkb
