#include "verify.hpp"

#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>

#include "text.hpp"

namespace euiomkb::detail {
namespace {

// Citations whose subject row does not exist.
constexpr std::string_view kDangling = R"sql(
SELECT c.citation_id, c.subject_type, c.subject_id FROM citation c
 WHERE NOT CASE c.subject_type
    WHEN 'source' THEN EXISTS (SELECT 1 FROM source WHERE source_id = c.subject_id)
    WHEN 'organisation' THEN EXISTS (SELECT 1 FROM organisation WHERE org_id = c.subject_id)
    WHEN 'organisation_name' THEN EXISTS (SELECT 1 FROM organisation_name WHERE org_name_id = c.subject_id)
    WHEN 'organisation_parent' THEN EXISTS (SELECT 1 FROM organisation_parent WHERE org_parent_id = c.subject_id)
    WHEN 'organisation_event' THEN EXISTS (SELECT 1 FROM organisation_event WHERE org_event_id = c.subject_id)
    WHEN 'person' THEN EXISTS (SELECT 1 FROM person WHERE person_id = c.subject_id)
    WHEN 'person_alias' THEN EXISTS (SELECT 1 FROM person_alias WHERE person_alias_id = c.subject_id)
    WHEN 'post' THEN EXISTS (SELECT 1 FROM post WHERE post_id = c.subject_id)
    WHEN 'tenure' THEN EXISTS (SELECT 1 FROM tenure WHERE tenure_id = c.subject_id)
    WHEN 'meeting' THEN EXISTS (SELECT 1 FROM meeting WHERE meeting_id = c.subject_id)
    WHEN 'meeting_organisation' THEN EXISTS (SELECT 1 FROM meeting_organisation WHERE meeting_organisation_id = c.subject_id)
    WHEN 'attendance' THEN EXISTS (SELECT 1 FROM attendance WHERE attendance_id = c.subject_id)
    WHEN 'topic' THEN EXISTS (SELECT 1 FROM topic WHERE topic_id = c.subject_id)
    WHEN 'agreement' THEN EXISTS (SELECT 1 FROM agreement WHERE agreement_id = c.subject_id)
    WHEN 'agreement_party' THEN EXISTS (SELECT 1 FROM agreement_party WHERE agreement_party_id = c.subject_id)
    WHEN 'agreement_signatory' THEN EXISTS (SELECT 1 FROM agreement_signatory WHERE agreement_signatory_id = c.subject_id)
    WHEN 'funding' THEN EXISTS (SELECT 1 FROM funding WHERE funding_id = c.subject_id)
    WHEN 'publication' THEN EXISTS (SELECT 1 FROM publication WHERE publication_id = c.subject_id)
    WHEN 'policy_framework' THEN EXISTS (SELECT 1 FROM policy_framework WHERE policy_framework_id = c.subject_id)
    WHEN 'framework_part' THEN EXISTS (SELECT 1 FROM framework_part WHERE framework_part_id = c.subject_id)
    WHEN 'statement' THEN EXISTS (SELECT 1 FROM statement WHERE statement_id = c.subject_id)
    WHEN 'contact' THEN EXISTS (SELECT 1 FROM contact WHERE contact_id = c.subject_id)
    WHEN 'claim' THEN EXISTS (SELECT 1 FROM claim WHERE claim_id = c.subject_id)
    ELSE 0 END
)sql";

constexpr std::string_view kUncited = R"sql(
SELECT 'organisation', org_id FROM organisation x WHERE NOT EXISTS (SELECT 1 FROM citation WHERE subject_type = 'organisation' AND subject_id = x.org_id)
UNION ALL
SELECT 'organisation_name', org_name_id FROM organisation_name x WHERE NOT EXISTS (SELECT 1 FROM citation WHERE subject_type = 'organisation_name' AND subject_id = x.org_name_id) AND basis = 'document'
UNION ALL
SELECT 'organisation_parent', org_parent_id FROM organisation_parent x WHERE NOT EXISTS (SELECT 1 FROM citation WHERE subject_type = 'organisation_parent' AND subject_id = x.org_parent_id) AND basis = 'document'
UNION ALL
SELECT 'organisation_event', org_event_id FROM organisation_event x WHERE NOT EXISTS (SELECT 1 FROM citation WHERE subject_type = 'organisation_event' AND subject_id = x.org_event_id) AND basis = 'document'
UNION ALL
SELECT 'person', person_id FROM person x WHERE NOT EXISTS (SELECT 1 FROM citation WHERE subject_type = 'person' AND subject_id = x.person_id)
UNION ALL
SELECT 'person_alias', person_alias_id FROM person_alias x WHERE NOT EXISTS (SELECT 1 FROM citation WHERE subject_type = 'person_alias' AND subject_id = x.person_alias_id)
UNION ALL
SELECT 'post', post_id FROM post x WHERE NOT EXISTS (SELECT 1 FROM citation WHERE subject_type = 'post' AND subject_id = x.post_id)
UNION ALL
SELECT 'tenure', tenure_id FROM tenure x WHERE NOT EXISTS (SELECT 1 FROM citation WHERE subject_type = 'tenure' AND subject_id = x.tenure_id)
UNION ALL
SELECT 'meeting', meeting_id FROM meeting x WHERE NOT EXISTS (SELECT 1 FROM citation WHERE subject_type = 'meeting' AND subject_id = x.meeting_id)
UNION ALL
SELECT 'meeting_organisation', meeting_organisation_id FROM meeting_organisation x WHERE NOT EXISTS (SELECT 1 FROM citation WHERE subject_type = 'meeting_organisation' AND subject_id = x.meeting_organisation_id)
UNION ALL
SELECT 'attendance', attendance_id FROM attendance x WHERE NOT EXISTS (SELECT 1 FROM citation WHERE subject_type = 'attendance' AND subject_id = x.attendance_id)
UNION ALL
SELECT 'topic', topic_id FROM topic x WHERE NOT EXISTS (SELECT 1 FROM citation WHERE subject_type = 'topic' AND subject_id = x.topic_id)
UNION ALL
SELECT 'agreement', agreement_id FROM agreement x WHERE NOT EXISTS (SELECT 1 FROM citation WHERE subject_type = 'agreement' AND subject_id = x.agreement_id)
UNION ALL
SELECT 'agreement_party', agreement_party_id FROM agreement_party x WHERE NOT EXISTS (SELECT 1 FROM citation WHERE subject_type = 'agreement_party' AND subject_id = x.agreement_party_id)
UNION ALL
SELECT 'agreement_signatory', agreement_signatory_id FROM agreement_signatory x WHERE NOT EXISTS (SELECT 1 FROM citation WHERE subject_type = 'agreement_signatory' AND subject_id = x.agreement_signatory_id)
UNION ALL
SELECT 'funding', funding_id FROM funding x WHERE NOT EXISTS (SELECT 1 FROM citation WHERE subject_type = 'funding' AND subject_id = x.funding_id)
UNION ALL
SELECT 'publication', publication_id FROM publication x WHERE NOT EXISTS (SELECT 1 FROM citation WHERE subject_type = 'publication' AND subject_id = x.publication_id)
UNION ALL
SELECT 'policy_framework', policy_framework_id FROM policy_framework x WHERE NOT EXISTS (SELECT 1 FROM citation WHERE subject_type = 'policy_framework' AND subject_id = x.policy_framework_id)
UNION ALL
SELECT 'framework_part', framework_part_id FROM framework_part x WHERE NOT EXISTS (SELECT 1 FROM citation WHERE subject_type = 'framework_part' AND subject_id = x.framework_part_id)
UNION ALL
SELECT 'statement', statement_id FROM statement x WHERE NOT EXISTS (SELECT 1 FROM citation WHERE subject_type = 'statement' AND subject_id = x.statement_id)
UNION ALL
SELECT 'contact', contact_id FROM contact x WHERE NOT EXISTS (SELECT 1 FROM citation WHERE subject_type = 'contact' AND subject_id = x.contact_id)
UNION ALL
SELECT 'claim', claim_id FROM claim x WHERE NOT EXISTS (SELECT 1 FROM citation WHERE subject_type = 'claim' AND subject_id = x.claim_id)
)sql";

constexpr std::string_view kFactRows = R"sql(
SELECT sum(n) FROM (
SELECT count(*) AS n FROM organisation
UNION ALL
SELECT count(*) AS n FROM organisation_name
UNION ALL
SELECT count(*) AS n FROM organisation_parent
UNION ALL
SELECT count(*) AS n FROM organisation_event
UNION ALL
SELECT count(*) AS n FROM person
UNION ALL
SELECT count(*) AS n FROM person_alias
UNION ALL
SELECT count(*) AS n FROM post
UNION ALL
SELECT count(*) AS n FROM tenure
UNION ALL
SELECT count(*) AS n FROM meeting
UNION ALL
SELECT count(*) AS n FROM meeting_organisation
UNION ALL
SELECT count(*) AS n FROM attendance
UNION ALL
SELECT count(*) AS n FROM topic
UNION ALL
SELECT count(*) AS n FROM agreement
UNION ALL
SELECT count(*) AS n FROM agreement_party
UNION ALL
SELECT count(*) AS n FROM agreement_signatory
UNION ALL
SELECT count(*) AS n FROM funding
UNION ALL
SELECT count(*) AS n FROM publication
UNION ALL
SELECT count(*) AS n FROM policy_framework
UNION ALL
SELECT count(*) AS n FROM framework_part
UNION ALL
SELECT count(*) AS n FROM statement
UNION ALL
SELECT count(*) AS n FROM contact
UNION ALL
SELECT count(*) AS n FROM claim
)
)sql";

constexpr std::string_view kCitations = R"sql(
SELECT citation_id, subject_type, subject_id, source_id, quote, start_offset, end_offset
  FROM citation ORDER BY source_id, citation_id
)sql";

// Conflicting claims must have exactly one preferred value per subject and attribute.
constexpr std::string_view kClaimGroups = R"sql(
SELECT subject, attribute, sum(preferred) FROM claim
 GROUP BY subject_type, subject_id, attribute HAVING sum(preferred) <> 1
)sql";

constexpr std::string_view kSources = "SELECT source_id, file_name, text, sha256 FROM source";

// Runs `sql` and hands each result row to `row`.
template <class Row>
void for_each_row(Connection& connection, std::string_view sql, Row&& row) {
  auto& statement = connection.prepare(sql);
  while (statement.executeStep()) row(statement);
  statement.reset();
}

std::string column(SQLite::Statement& s, int index) { return s.getColumn(index).getString(); }

}  // namespace

VerificationReport verify_database(Connection& connection) {
  VerificationReport report;
  auto& problems = report.problems;
  auto problem = [&](std::string text) { problems.push_back(std::move(text)); };

  for_each_row(connection, "PRAGMA integrity_check", [&](auto& s) {
    if (column(s, 0) != "ok") problem("integrity_check: " + column(s, 0));
  });
  for_each_row(connection, "PRAGMA foreign_key_check", [&](auto& s) {
    problem("foreign_key_check: " + column(s, 0) + " row " + column(s, 1) +
            " refers to a missing " + column(s, 2));
  });

  // Each source is read once: its hash is checked, then its citations against its text.
  struct Source {
    std::string file_name;
    std::string text;
  };
  std::unordered_map<std::int64_t, Source> sources;
  for_each_row(connection, kSources, [&](auto& s) {
    Source source{column(s, 1), column(s, 2)};
    if (sha256_hex(source.text) != column(s, 3))
      problem("source " + source.file_name + ": SHA-256 mismatch");
    sources.emplace(s.getColumn(0).getInt64(), std::move(source));
  });
  for_each_row(connection, kCitations, [&](auto& s) {
    ++report.citations_checked;
    auto found = sources.find(s.getColumn(3).getInt64());
    if (found == sources.end()) return;  // reported by foreign_key_check
    const Source& source = found->second;
    std::string quote = column(s, 4);
    if (!span_matches_quote(source.text, s.getColumn(5).getInt64(), s.getColumn(6).getInt64(),
                            quote)) {
      problem("citation " + column(s, 0) + " (" + column(s, 1) + " " + column(s, 2) +
              "): quotation not found in " + source.file_name + " at its offsets: " + quote);
    }
  });

  for_each_row(connection, kDangling, [&](auto& s) {
    problem("citation " + column(s, 0) + " cites a missing " + column(s, 1) + " " + column(s, 2));
  });
  for_each_row(connection, kUncited,
               [&](auto& s) { problem(column(s, 0) + " " + column(s, 1) + " has no citation"); });
  for_each_row(connection, kClaimGroups, [&](auto& s) {
    problem("claim on " + column(s, 0) + " / " + column(s, 1) + " has " + column(s, 2) +
            " preferred values instead of one");
  });
  for_each_row(connection, kFactRows,
               [&](auto& s) { report.rows_checked = s.getColumn(0).getInt64(); });
  return report;
}

}  // namespace euiomkb::detail
