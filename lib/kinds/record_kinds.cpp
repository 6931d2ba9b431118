#include "kinds/record_kinds.hpp"

#include <cctype>

namespace euiomkb::detail {
namespace {

constexpr bool kReq = true;
constexpr bool kOpt = false;

}  // namespace

// One kind per block reads better than one argument per line.
// clang-format off
const std::vector<KindSpec>& record_kinds() {
  static const std::vector<KindSpec> kSpecs = {
      {"source", "source_id", true, false,
       "INSERT INTO source (file_name, title, publisher, published, url, language, sha256, text) "
       "VALUES (:file, :title, :publisher, :published, :url, :language, :sha256, :text)",
       {{"file", Type::text, kReq, {}},
        {"title", Type::text, kReq, {}},
        {"publisher", Type::text, kOpt, {}},
        {"published", Type::date, kOpt, {}},
        {"url", Type::text, kOpt, {}},
        {"language", Type::text, kReq, {}}}},
      {"organisation", "organisation_id", true, true,
       "INSERT INTO organisation (short_name, name, kind, note) "
       "VALUES (:short_name, :name, :kind, :note)",
       {{"short_name", Type::text, kReq, {}},
        {"name", Type::text, kReq, {}},
        {"kind", Type::text, kReq, {}},
        {"note", Type::text, kOpt, {}}}},
      {"organisation_name", "organisation_name_id", false, true,
       "INSERT INTO organisation_name (organisation_id, name, language, attested_on, valid_from, valid_to, "
       "basis, note) VALUES (:organisation, :name, coalesce(:language, 'en'), :attested_on, "
       ":valid_from, :valid_to, coalesce(:basis, 'document'), :note)",
       {{"organisation", Type::ref, kReq, "organisation"},
        {"name", Type::text, kReq, {}},
        {"language", Type::text, kOpt, {}},
        {"attested_on", Type::date, kOpt, {}},
        {"valid_from", Type::date, kOpt, {}},
        {"valid_to", Type::date, kOpt, {}},
        {"basis", Type::text, kOpt, {}},
        {"note", Type::text, kOpt, {}}}},
      {"organisation_parent", "organisation_parent_id", false, true,
       "INSERT INTO organisation_parent (organisation_id, parent_organisation_id, valid_from, valid_to, basis, note) "
       "VALUES (:organisation, :parent, :valid_from, :valid_to, coalesce(:basis, 'document'), "
       ":note)",
       {{"organisation", Type::ref, kReq, "organisation"},
        {"parent", Type::ref, kReq, "organisation"},
        {"valid_from", Type::date, kOpt, {}},
        {"valid_to", Type::date, kOpt, {}},
        {"basis", Type::text, kOpt, {}},
        {"note", Type::text, kOpt, {}}}},
      {"organisation_event", "organisation_event_id", false, true,
       "INSERT INTO organisation_event (event, from_organisation_id, to_organisation_id, occurred_on, basis, note) "
       "VALUES (:event, :from, :to, :occurred_on, :basis, :note)",
       {{"event", Type::text, kReq, {}},
        {"from", Type::ref, kOpt, "organisation"},
        {"to", Type::ref, kOpt, "organisation"},
        {"occurred_on", Type::date, kOpt, {}},
        {"basis", Type::text, kReq, {}},
        {"note", Type::text, kOpt, {}}}},
      {"person", "person_id", true, true,
       "INSERT INTO person (name, name_folded, honorific, note) "
       "VALUES (:name, :name_folded, :honorific, :note)",
       {{"name", Type::text, kReq, {}},
        {"honorific", Type::text, kOpt, {}},
        {"note", Type::text, kOpt, {}}}},
      {"person_alias", "person_alias_id", false, true,
       "INSERT INTO person_alias (person_id, alias, folded) VALUES (:person, :alias, :folded)",
       {{"person", Type::ref, kReq, "person"}, {"alias", Type::text, kReq, {}}}},
      {"post", "post_id", true, true, "INSERT INTO post (title, organisation_id) VALUES (:title, :organisation)",
       {{"title", Type::text, kReq, {}}, {"organisation", Type::ref, kOpt, "organisation"}}},
      {"tenure", "tenure_id", false, true,
       "INSERT INTO tenure (person_id, post_id, start_date, end_date, attested_from, attested_to, "
       "acting) VALUES (:person, :post, :start_date, :end_date, :attested_from, :attested_to, "
       "coalesce(:acting, 0))",
       {{"person", Type::ref, kReq, "person"},
        {"post", Type::ref, kReq, "post"},
        {"start_date", Type::date, kOpt, {}},
        {"end_date", Type::date, kOpt, {}},
        {"attested_from", Type::date, kOpt, {}},
        {"attested_to", Type::date, kOpt, {}},
        {"acting", Type::boolean, kOpt, {}}}},
      {"meeting", "meeting_id", true, true,
       "INSERT INTO meeting (series, sequence_no, title, held_on, location, note) "
       "VALUES (:series, :sequence_no, :title, :held_on, :location, :note)",
       {{"series", Type::series, kOpt, {}},
        {"sequence_no", Type::count, kOpt, {}},
        {"title", Type::text, kReq, {}},
        {"held_on", Type::date, kOpt, {}},
        {"location", Type::text, kOpt, {}},
        {"note", Type::text, kOpt, {}}}},
      {"meeting_date", "meeting_date_id", false, true,
       "INSERT INTO meeting_date (meeting_id, held_on, attested_as, basis, note) "
       "VALUES (:meeting, :held_on, :attested_as, coalesce(:basis, 'document'), :note)",
       {{"meeting", Type::ref, kReq, "meeting"},
        {"held_on", Type::date, kReq, {}},
        {"attested_as", Type::text, kReq, {}},
        {"basis", Type::text, kOpt, {}},
        {"note", Type::text, kOpt, {}}}},
      {"meeting_organisation", "meeting_organisation_id", false, true,
       "INSERT INTO meeting_organisation (meeting_id, organisation_id, role, attested_as) "
       "VALUES (:meeting, :organisation, :role, coalesce(:attested_as, 'reported'))",
       {{"meeting", Type::ref, kReq, "meeting"},
        {"organisation", Type::ref, kReq, "organisation"},
        {"role", Type::text, kReq, {}},
        {"attested_as", Type::text, kOpt, {}}}},
      {"attendance", "attendance_id", false, true,
       "INSERT INTO attendance (meeting_id, person_id, organisation_id, post_id, role, attested_as) "
       "VALUES (:meeting, :person, :organisation, :post, :role, :attested_as)",
       {{"meeting", Type::ref, kReq, "meeting"},
        {"person", Type::ref, kReq, "person"},
        {"organisation", Type::ref, kOpt, "organisation"},
        {"post", Type::ref, kOpt, "post"},
        {"role", Type::text, kReq, {}},
        {"attested_as", Type::text, kReq, {}}}},
      {"theme", "theme_id", true, false, "INSERT INTO theme (name, description) VALUES (:name, :description)",
       {{"name", Type::text, kReq, {}}, {"description", Type::text, kOpt, {}}}},
      {"topic", "topic_id", false, true,
       "INSERT INTO topic (meeting_id, label, theme_id, attested_as) "
       "VALUES (:meeting, :label, :theme, coalesce(:attested_as, 'reported'))",
       {{"meeting", Type::ref, kReq, "meeting"},
        {"label", Type::text, kReq, {}},
        {"theme", Type::ref, kOpt, "theme"},
        {"attested_as", Type::text, kOpt, {}}}},
      {"agreement", "agreement_id", true, true,
       "INSERT INTO agreement (name, kind, concluded_on, in_force_from, purpose) "
       "VALUES (:name, :kind, :concluded_on, :in_force_from, :purpose)",
       {{"name", Type::text, kReq, {}},
        {"kind", Type::text, kReq, {}},
        {"concluded_on", Type::date, kOpt, {}},
        {"in_force_from", Type::date, kOpt, {}},
        {"purpose", Type::text, kOpt, {}}}},
      {"agreement_name", "agreement_name_id", false, true,
       "INSERT INTO agreement_name (agreement_id, name) VALUES (:agreement, :name)",
       {{"agreement", Type::ref, kReq, "agreement"}, {"name", Type::text, kReq, {}}}},
      {"agreement_date", "agreement_date_id", false, true,
       "INSERT INTO agreement_date (agreement_id, event, on_date, basis, note) "
       "VALUES (:agreement, :event, :on_date, coalesce(:basis, 'document'), :note)",
       {{"agreement", Type::ref, kReq, "agreement"},
        {"event", Type::text, kReq, {}},
        {"on_date", Type::date, kReq, {}},
        {"basis", Type::text, kOpt, {}},
        {"note", Type::text, kOpt, {}}}},
      {"agreement_relation", "agreement_relation_id", false, true,
       "INSERT INTO agreement_relation (agreement_id, relation, other_agreement_id, basis, note) "
       "VALUES (:agreement, :relation, :other, coalesce(:basis, 'document'), :note)",
       {{"agreement", Type::ref, kReq, "agreement"},
        {"relation", Type::text, kReq, {}},
        {"other", Type::ref, kReq, "agreement"},
        {"basis", Type::text, kOpt, {}},
        {"note", Type::text, kOpt, {}}}},
      {"agreement_party", "agreement_party_id", false, true,
       "INSERT INTO agreement_party (agreement_id, organisation_id, since, how, meeting_id) "
       "VALUES (:agreement, :organisation, :since, :how, :meeting)",
       {{"agreement", Type::ref, kReq, "agreement"},
        {"organisation", Type::ref, kReq, "organisation"},
        {"since", Type::date, kOpt, {}},
        {"how", Type::text, kReq, {}},
        {"meeting", Type::ref, kOpt, "meeting"}}},
      {"agreement_signatory", "agreement_signatory_id", false, true,
       "INSERT INTO agreement_signatory (agreement_id, person_id, organisation_id) "
       "VALUES (:agreement, :person, :organisation)",
       {{"agreement", Type::ref, kReq, "agreement"},
        {"person", Type::ref, kReq, "person"},
        {"organisation", Type::ref, kOpt, "organisation"}}},
      {"funding", "funding_id", false, true,
       "INSERT INTO funding (funder_organisation_id, recipient_organisation_id, period_start, period_end, amount, "
       "currency, bound, measure, agreement_id) VALUES (:funder, :recipient, :period_start, "
       ":period_end, :amount, :currency, :bound, :measure, :agreement)",
       {{"funder", Type::ref, kReq, "organisation"},
        {"recipient", Type::ref, kReq, "organisation"},
        {"period_start", Type::date, kOpt, {}},
        {"period_end", Type::date, kOpt, {}},
        {"amount", Type::integer, kOpt, {}},
        {"currency", Type::text, kOpt, {}},
        {"bound", Type::text, kOpt, {}},
        {"measure", Type::text, kReq, {}},
        {"agreement", Type::ref, kOpt, "agreement"}}},
      {"publication", "publication_id", true, true,
       "INSERT INTO publication (title, publisher_organisation_id, published_on, kind, addressee, series, "
       "edition, summary) VALUES (:title, :publisher, :published_on, :kind, :addressee, :series, "
       ":edition, :summary)",
       {{"title", Type::text, kOpt, {}},
        {"publisher", Type::ref, kOpt, "organisation"},
        {"published_on", Type::date, kOpt, {}},
        {"kind", Type::text, kReq, {}},
        {"addressee", Type::text, kOpt, {}},
        {"series", Type::text, kOpt, {}},
        {"edition", Type::count, kOpt, {}},
        {"summary", Type::text, kOpt, {}}}},
      {"policy_framework", "policy_framework_id", true, true,
       "INSERT INTO policy_framework (name, short_name, owner, adopted_on) "
       "VALUES (:name, :short_name, :owner, :adopted_on)",
       {{"name", Type::text, kReq, {}},
        {"short_name", Type::text, kOpt, {}},
        {"owner", Type::text, kOpt, {}},
        {"adopted_on", Type::date, kOpt, {}}}},
      {"framework_part", "framework_part_id", false, true,
       "INSERT INTO framework_part (policy_framework_id, position, kind, label) "
       "VALUES (:policy_framework, :position, :kind, :label)",
       {{"policy_framework", Type::ref, kReq, "policy_framework"},
        {"position", Type::count, kReq, {}},
        {"kind", Type::text, kReq, {}},
        {"label", Type::text, kReq, {}}}},
      {"statement", "statement_id", false, true,
       "INSERT INTO statement (person_id, meeting_id, said_on, kind, text) "
       "VALUES (:person, :meeting, :said_on, :kind, :text)",
       {{"person", Type::ref, kReq, "person"},
        {"meeting", Type::ref, kOpt, "meeting"},
        {"said_on", Type::date, kOpt, {}},
        {"kind", Type::text, kReq, {}},
        {"text", Type::text, kReq, {}}}},
      {"contact", "contact_id", false, true,
       "INSERT INTO contact (person_id, organisation_id, role, city, phone, fax, email) "
       "VALUES (:person, :organisation, :role, :city, :phone, :fax, :email)",
       {{"person", Type::ref, kOpt, "person"},
        {"organisation", Type::ref, kOpt, "organisation"},
        {"role", Type::text, kOpt, {}},
        {"city", Type::text, kOpt, {}},
        {"phone", Type::text, kOpt, {}},
        {"fax", Type::text, kOpt, {}},
        {"email", Type::text, kOpt, {}}}},
      {"series_fact", "series_fact_id", false, true,
       "INSERT INTO series_fact (series, attribute, value, as_of, basis, note) "
       "VALUES (:series, :attribute, :value, :as_of, coalesce(:basis, 'document'), :note)",
       {{"series", Type::series, kReq, {}},
        {"attribute", Type::text, kReq, {}},
        {"value", Type::text, kReq, {}},
        {"as_of", Type::date, kOpt, {}},
        {"basis", Type::text, kOpt, {}},
        {"note", Type::text, kOpt, {}}}},
      {"claim", "claim_id", false, true,
       "INSERT INTO claim (subject, subject_type, subject_id, attribute, value, preferred, reason) "
       "VALUES (:subject, :subject_type, :subject_key, :attribute, :value, :preferred, :reason)",
       {{"subject", Type::text, kReq, {}},
        {"subject_type", Type::text, kReq, {}},
        {"subject_key", Type::ref, kReq, {}},  // refers to a record of kind subject_type
        {"attribute", Type::text, kReq, {}},
        {"value", Type::text, kReq, {}},
        {"preferred", Type::boolean, kReq, {}},
        {"reason", Type::text, kReq, {}}}},
  };
  return kSpecs;
}
// clang-format on

const FieldSpec* KindSpec::field(std::string_view name) const {
  for (const auto& f : fields)
    if (f.name == name) return &f;
  return nullptr;
}

const KindSpec* find_kind(std::string_view kind) {
  for (const auto& spec : record_kinds())
    if (spec.kind == kind) return &spec;
  return nullptr;
}

namespace {

// The top-level items of the parenthesised list that starts at `open` (a '(').
std::vector<std::string_view> list_items(std::string_view sql, std::size_t open) {
  std::vector<std::string_view> items;
  if (open == std::string_view::npos) return items;
  int depth = 0;
  std::size_t start = open + 1;
  for (std::size_t i = open + 1; i < sql.size(); ++i) {
    char c = sql[i];
    if (c == '(') {
      ++depth;
    } else if (c == ')' && depth-- == 0) {
      items.push_back(sql.substr(start, i - start));
      break;
    } else if (c == ',' && depth == 0) {
      items.push_back(sql.substr(start, i - start));
      start = i + 1;
    }
  }
  for (auto& item : items) {
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
  }
  return items;
}

bool names_parameter(std::string_view value, std::string_view field) {
  std::string parameter = ":" + std::string(field);
  for (std::size_t at = value.find(parameter); at != std::string_view::npos;
       at = value.find(parameter, at + 1)) {
    std::size_t end = at + parameter.size();
    if (end == value.size() ||
        !(std::islower(static_cast<unsigned char>(value[end])) || value[end] == '_'))
      return true;
  }
  return false;
}

}  // namespace

std::string column_of_field(const KindSpec& spec, std::string_view field) {
  std::string_view sql = spec.insert;
  std::vector<std::string_view> columns = list_items(sql, sql.find('('));
  std::size_t values = sql.find("VALUES");
  if (values == std::string_view::npos) return "";
  std::vector<std::string_view> items = list_items(sql, sql.find('(', values));
  for (std::size_t i = 0; i < items.size() && i < columns.size(); ++i)
    if (names_parameter(items[i], field)) return std::string(columns[i]);
  return "";
}

const std::vector<Reference>& references() {
  static const std::vector<Reference> kReferences = [] {
    std::vector<Reference> out;
    for (const KindSpec& spec : record_kinds())
      for (const FieldSpec& field : spec.fields)
        if (field.type == Type::ref && !field.ref_kind.empty())
          out.push_back(
              {&spec, field.name, column_of_field(spec, field.name), find_kind(field.ref_kind)});
    return out;
  }();
  return kReferences;
}

}  // namespace euiomkb::detail
