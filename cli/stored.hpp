// What the knowledge base stores beside a row and the typed API does not carry: a row's basis
// ('document', 'inferred', 'general_knowledge') and note, a meeting's or an organisation's
// note, the dates of a meeting. Read from the documented views (README) through run_sql with
// bound values, so every command shows them as the views hold them.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "euiomkb/knowledge_base.hpp"
#include "output.hpp"

namespace euiomkb::cli {

// The rows `sql` returns with `parameters` bound (?1, ?2, ...), each a vector of its values.
std::vector<std::vector<Value>> stored_rows(const KnowledgeBase& kb, std::string_view sql,
                                            std::vector<SqlValue> parameters);

// The first column of the first row `sql` returns for `id` (bound to ?1); NULL when none.
Value stored_value(const KnowledgeBase& kb, std::string_view sql, std::int64_t id);

// Statements of the documented views, one per question the commands ask.
inline constexpr std::string_view kMeetingNote = "SELECT note FROM v_meeting WHERE meeting_id = ?1";
inline constexpr std::string_view kMeetingDates =
    "SELECT meeting_date_id, held_on, attested_as, basis, note FROM v_meeting_date "
    "WHERE meeting_id = ?1 ORDER BY held_on, meeting_date_id";
// What documents say of a meeting's series rather than of the meeting.
inline constexpr std::string_view kSeriesFacts =
    "SELECT series_fact_id, attribute, value, as_of, basis, note FROM v_series_fact "
    "WHERE series = ?1 ORDER BY series_fact_id";
inline constexpr std::string_view kPersonNote = "SELECT note FROM v_person WHERE person_id = ?1";
inline constexpr std::string_view kOrganisationNote =
    "SELECT note FROM v_organisation WHERE organisation_id = ?1";
inline constexpr std::string_view kOrganisationNameBasis =
    "SELECT basis, note FROM v_organisation_name WHERE organisation_name_id = ?1";
inline constexpr std::string_view kOrganisationEventBasis =
    "SELECT basis, note FROM v_organisation_event WHERE organisation_event_id = ?1";
// Parent links of an organisation (v_organisation_parent names organisations by short name).
inline constexpr std::string_view kOrganisationParents =
    "SELECT organisation_parent_id, parent, valid_from, valid_to, basis, note, "
    "(SELECT organisation_id FROM organisation o WHERE o.short_name = p.parent) AS parent_id "
    "FROM v_organisation_parent p "
    "WHERE organisation = ?1 ORDER BY valid_from IS NOT NULL, valid_from, organisation_parent_id";

}  // namespace euiomkb::cli
