#include "fact_loader.hpp"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <string>
#include <unordered_map>

#include "euiomkb/error.hpp"
#include "search_index.hpp"
#include "text.hpp"

namespace euiomkb::detail {
namespace {

// text; integer (any 64-bit); count (1 to 2^31-1: ordinals, editions, positions); date
// (PartialDate); boolean (yes/no); ref (a key); series (a code in meeting_series).
enum class Type { text, integer, count, date, boolean, ref, series };

struct FieldSpec {
  std::string_view name;
  Type type;
  bool required;
  std::string_view ref_kind;  // for Type::ref: the kind of record referred to
};

// One record kind: its table, its hand-written INSERT (named parameters are the field names,
// plus the derived ones the kind's `derive` step binds) and its fields.
struct KindSpec {
  std::string_view kind;
  bool keyed;  // records of this kind must have a key
  bool cited;  // records of this kind need a citation (unless general knowledge)
  std::string_view insert;
  std::vector<FieldSpec> fields;
};

constexpr bool kReq = true;
constexpr bool kOpt = false;

// One kind per block reads better than one argument per line.
// clang-format off
const std::vector<KindSpec>& specs() {
  static const std::vector<KindSpec> kSpecs = {
      {"source", true, false,
       "INSERT INTO source (file_name, title, publisher, published, url, language, sha256, text) "
       "VALUES (:file, :title, :publisher, :published, :url, :language, :sha256, :text)",
       {{"file", Type::text, kReq, {}},
        {"title", Type::text, kReq, {}},
        {"publisher", Type::text, kOpt, {}},
        {"published", Type::date, kOpt, {}},
        {"url", Type::text, kOpt, {}},
        {"language", Type::text, kReq, {}}}},
      {"organisation", true, true,
       "INSERT INTO organisation (short_name, name, kind, note) "
       "VALUES (:short_name, :name, :kind, :note)",
       {{"short_name", Type::text, kReq, {}},
        {"name", Type::text, kReq, {}},
        {"kind", Type::text, kReq, {}},
        {"note", Type::text, kOpt, {}}}},
      {"organisation_name", false, true,
       "INSERT INTO organisation_name (org_id, name, language, attested_on, valid_from, valid_to, "
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
      {"organisation_parent", false, true,
       "INSERT INTO organisation_parent (org_id, parent_org_id, valid_from, valid_to, basis, note) "
       "VALUES (:organisation, :parent, :valid_from, :valid_to, coalesce(:basis, 'document'), "
       ":note)",
       {{"organisation", Type::ref, kReq, "organisation"},
        {"parent", Type::ref, kReq, "organisation"},
        {"valid_from", Type::date, kOpt, {}},
        {"valid_to", Type::date, kOpt, {}},
        {"basis", Type::text, kOpt, {}},
        {"note", Type::text, kOpt, {}}}},
      {"organisation_event", false, true,
       "INSERT INTO organisation_event (event, from_org_id, to_org_id, occurred_on, basis, note) "
       "VALUES (:event, :from, :to, :occurred_on, :basis, :note)",
       {{"event", Type::text, kReq, {}},
        {"from", Type::ref, kOpt, "organisation"},
        {"to", Type::ref, kOpt, "organisation"},
        {"occurred_on", Type::date, kOpt, {}},
        {"basis", Type::text, kReq, {}},
        {"note", Type::text, kOpt, {}}}},
      {"person", true, true,
       "INSERT INTO person (name, name_folded, honorific, note) "
       "VALUES (:name, :name_folded, :honorific, :note)",
       {{"name", Type::text, kReq, {}},
        {"honorific", Type::text, kOpt, {}},
        {"note", Type::text, kOpt, {}}}},
      {"person_alias", false, true,
       "INSERT INTO person_alias (person_id, alias, folded) VALUES (:person, :alias, :folded)",
       {{"person", Type::ref, kReq, "person"}, {"alias", Type::text, kReq, {}}}},
      {"post", true, true, "INSERT INTO post (title, org_id) VALUES (:title, :organisation)",
       {{"title", Type::text, kReq, {}}, {"organisation", Type::ref, kOpt, "organisation"}}},
      {"tenure", false, true,
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
      {"meeting", true, true,
       "INSERT INTO meeting (series, sequence_no, title, held_on, location, note) "
       "VALUES (:series, :sequence_no, :title, :held_on, :location, :note)",
       {{"series", Type::series, kOpt, {}},
        {"sequence_no", Type::count, kOpt, {}},
        {"title", Type::text, kReq, {}},
        {"held_on", Type::date, kOpt, {}},
        {"location", Type::text, kOpt, {}},
        {"note", Type::text, kOpt, {}}}},
      {"meeting_organisation", false, true,
       "INSERT INTO meeting_organisation (meeting_id, org_id, role) "
       "VALUES (:meeting, :organisation, :role)",
       {{"meeting", Type::ref, kReq, "meeting"},
        {"organisation", Type::ref, kReq, "organisation"},
        {"role", Type::text, kReq, {}}}},
      {"attendance", false, true,
       "INSERT INTO attendance (meeting_id, person_id, org_id, post_id, role, attested_as) "
       "VALUES (:meeting, :person, :organisation, :post, :role, :attested_as)",
       {{"meeting", Type::ref, kReq, "meeting"},
        {"person", Type::ref, kReq, "person"},
        {"organisation", Type::ref, kOpt, "organisation"},
        {"post", Type::ref, kOpt, "post"},
        {"role", Type::text, kReq, {}},
        {"attested_as", Type::text, kReq, {}}}},
      {"theme", true, false, "INSERT INTO theme (name, description) VALUES (:name, :description)",
       {{"name", Type::text, kReq, {}}, {"description", Type::text, kOpt, {}}}},
      {"topic", false, true,
       "INSERT INTO topic (meeting_id, label, theme_id) VALUES (:meeting, :label, :theme)",
       {{"meeting", Type::ref, kReq, "meeting"},
        {"label", Type::text, kReq, {}},
        {"theme", Type::ref, kOpt, "theme"}}},
      {"agreement", true, true,
       "INSERT INTO agreement (name, kind, concluded_on, in_force_from, purpose) "
       "VALUES (:name, :kind, :concluded_on, :in_force_from, :purpose)",
       {{"name", Type::text, kReq, {}},
        {"kind", Type::text, kReq, {}},
        {"concluded_on", Type::date, kOpt, {}},
        {"in_force_from", Type::date, kOpt, {}},
        {"purpose", Type::text, kOpt, {}}}},
      {"agreement_party", false, true,
       "INSERT INTO agreement_party (agreement_id, org_id, since, how, meeting_id) "
       "VALUES (:agreement, :organisation, :since, :how, :meeting)",
       {{"agreement", Type::ref, kReq, "agreement"},
        {"organisation", Type::ref, kReq, "organisation"},
        {"since", Type::date, kOpt, {}},
        {"how", Type::text, kReq, {}},
        {"meeting", Type::ref, kOpt, "meeting"}}},
      {"agreement_signatory", false, true,
       "INSERT INTO agreement_signatory (agreement_id, person_id, org_id) "
       "VALUES (:agreement, :person, :organisation)",
       {{"agreement", Type::ref, kReq, "agreement"},
        {"person", Type::ref, kReq, "person"},
        {"organisation", Type::ref, kOpt, "organisation"}}},
      {"funding", false, true,
       "INSERT INTO funding (funder_org_id, recipient_org_id, period_start, period_end, amount, "
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
      {"publication", true, true,
       "INSERT INTO publication (title, publisher_org_id, published_on, kind, addressee, series, "
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
      {"policy_framework", true, true,
       "INSERT INTO policy_framework (name, short_name, owner, adopted_on) "
       "VALUES (:name, :short_name, :owner, :adopted_on)",
       {{"name", Type::text, kReq, {}},
        {"short_name", Type::text, kOpt, {}},
        {"owner", Type::text, kOpt, {}},
        {"adopted_on", Type::date, kOpt, {}}}},
      {"framework_part", false, true,
       "INSERT INTO framework_part (policy_framework_id, position, kind, label) "
       "VALUES (:policy_framework, :position, :kind, :label)",
       {{"policy_framework", Type::ref, kReq, "policy_framework"},
        {"position", Type::count, kReq, {}},
        {"kind", Type::text, kReq, {}},
        {"label", Type::text, kReq, {}}}},
      {"statement", false, true,
       "INSERT INTO statement (person_id, meeting_id, said_on, kind, text) "
       "VALUES (:person, :meeting, :said_on, :kind, :text)",
       {{"person", Type::ref, kReq, "person"},
        {"meeting", Type::ref, kOpt, "meeting"},
        {"said_on", Type::date, kOpt, {}},
        {"kind", Type::text, kReq, {}},
        {"text", Type::text, kReq, {}}}},
      {"contact", false, true,
       "INSERT INTO contact (person_id, org_id, role, city, phone, fax, email) "
       "VALUES (:person, :organisation, :role, :city, :phone, :fax, :email)",
       {{"person", Type::ref, kOpt, "person"},
        {"organisation", Type::ref, kOpt, "organisation"},
        {"role", Type::text, kOpt, {}},
        {"city", Type::text, kOpt, {}},
        {"phone", Type::text, kOpt, {}},
        {"fax", Type::text, kOpt, {}},
        {"email", Type::text, kOpt, {}}}},
      {"claim", false, true,
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

constexpr std::string_view kFindKey = "SELECT row_id FROM record_key WHERE kind = ? AND key = ?";
constexpr std::string_view kInsertKey =
    "INSERT INTO record_key (kind, key, row_id) VALUES (?, ?, ?)";
constexpr std::string_view kSourceText = "SELECT text FROM source WHERE source_id = ?";
constexpr std::string_view kFindSeries = "SELECT 1 FROM meeting_series WHERE series = ?";
constexpr std::string_view kInsertCitation =
    "INSERT INTO citation (subject_type, subject_id, source_id, quote, start_offset, end_offset) "
    "VALUES (?, ?, ?, ?, ?, ?)";

class Loader {
 public:
  Loader(Connection& connection, const DocumentProvider& documents)
      : connection_(connection), documents_(documents) {}

  void load(const FactRecord& record) {
    const KindSpec* spec = find_spec(record.kind);
    if (!spec) {
      throw ImportError(record.file, record.line, "",
                        "unknown record kind '" + record.kind + "' (see seed/FORMAT.md)");
    }
    check_shape(*spec, record);
    SQLite::Statement& insert = connection_.prepare(spec->insert);
    for (const FieldSpec& field : spec->fields) bind_field(insert, record, field);
    derive(insert, record);
    std::int64_t row_id = execute(insert, *spec, record);
    if (record.key) {
      auto& key = connection_.prepare(kInsertKey);
      key.bind(1, std::string(spec->kind));
      key.bind(2, *record.key);
      key.bind(3, row_id);
      try {
        key.exec();
      } catch (const SQLite::Exception& e) {
        throw rejected(record, e);
      }
    }
    for (const FactCite& cite : record.cites) cite_record(spec->kind, row_id, record, cite);
    ++summary_.records;
  }

  ImportSummary summary() const { return summary_; }

 private:
  static const KindSpec* find_spec(std::string_view kind) {
    for (const auto& spec : specs())
      if (spec.kind == kind) return &spec;
    return nullptr;
  }

  static void check_shape(const KindSpec& spec, const FactRecord& record) {
    auto fail = [&](int line, const std::string& field, const std::string& problem) {
      throw ImportError(record.file, line, field, problem);
    };
    if (spec.keyed && !record.key)
      fail(record.line, "", "a " + record.kind + " record needs a key after its kind");
    for (const FactField& field : record.fields) {
      bool known = std::any_of(spec.fields.begin(), spec.fields.end(),
                               [&](const FieldSpec& f) { return f.name == field.name; });
      if (!known) fail(field.line, field.name, "not a field of " + record.kind);
    }
    for (const FieldSpec& field : spec.fields)
      if (field.required && !record.field(field.name))
        fail(record.line, std::string(field.name), "required for " + record.kind);
    const FactField* basis = record.field("basis");
    bool general = basis && basis->value == "general_knowledge";
    if (general && !record.field("note"))
      fail(basis->line, "note", "general-knowledge facts must say where they come from in a note");
    if (spec.cited && !general && record.cites.empty())
      fail(record.line, "cite", "every " + record.kind + " needs at least one citation");
    if (!spec.cited && !record.cites.empty())
      fail(record.cites.front().line, "cite", record.kind + " records take no citations");
  }

  std::int64_t resolve(const FactRecord& record, const FactField& field, std::string_view kind) {
    auto& find = connection_.prepare(kFindKey);
    find.bind(1, std::string(kind));
    find.bind(2, field.value);
    if (!find.executeStep()) {
      throw ImportError(record.file, field.line, field.name,
                        "no " + std::string(kind) + " with key '" + field.value + "'");
    }
    std::int64_t id = find.getColumn(0).getInt64();
    find.reset();
    return id;
  }

  void bind_field(SQLite::Statement& insert, const FactRecord& record, const FieldSpec& spec) {
    const std::string parameter = ":" + std::string(spec.name);
    const FactField* field = record.field(spec.name);
    if (!field) {
      insert.bind(parameter);  // NULL
      return;
    }
    auto fail = [&](const std::string& problem) {
      throw ImportError(record.file, field->line, field->name, problem);
    };
    switch (spec.type) {
      case Type::text:
        insert.bind(parameter, field->value);
        break;
      case Type::integer:
      case Type::count: {
        std::int64_t value = 0;
        const char* end = field->value.data() + field->value.size();
        auto [ptr, ec] = std::from_chars(field->value.data(), end, value);
        if (ec != std::errc() || ptr != end) fail("'" + field->value + "' is not a whole number");
        if (spec.type == Type::count && (value < 1 || value > INT32_MAX))
          fail("'" + field->value + "' is not a count from 1 to 2147483647");
        insert.bind(parameter, value);
        break;
      }
      case Type::series: {
        auto& find = connection_.prepare(kFindSeries);
        find.bind(1, field->value);
        bool known = find.executeStep();
        find.reset();
        if (!known) fail("'" + field->value + "' is not a meeting series (SOM or HOU)");
        insert.bind(parameter, field->value);
        break;
      }
      case Type::date:
        if (!PartialDate::parse(field->value))
          fail("'" + field->value + "' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)");
        insert.bind(parameter, field->value);
        break;
      case Type::boolean:
        if (field->value != "yes" && field->value != "no")
          fail("'" + field->value + "' is not yes or no");
        insert.bind(parameter, field->value == "yes" ? 1 : 0);
        break;
      case Type::ref: {
        std::string_view kind = spec.ref_kind;
        std::string subject_type;
        if (kind.empty()) {  // claim.subject_key: the kind is the record's subject_type
          subject_type = record.field("subject_type")->value;
          if (!find_spec(subject_type)) fail("unknown subject_type '" + subject_type + "'");
          kind = subject_type;
        }
        insert.bind(parameter, resolve(record, *field, kind));
        break;
      }
    }
  }

  // Binds the parameters a kind computes rather than reads.
  void derive(SQLite::Statement& insert, const FactRecord& record) {
    if (record.kind == "source") {
      const FactField* file = record.field("file");
      std::optional<std::string> text = documents_ ? documents_(file->value) : std::nullopt;
      if (!text) {
        throw ImportError(record.file, file->line, "file",
                          "no document named '" + file->value + "'");
      }
      if (!valid_utf8(*text)) {
        throw ImportError(record.file, file->line, "file",
                          "document '" + file->value + "' is not valid UTF-8 text");
      }
      insert.bind(":sha256", sha256_hex(*text));
      insert.bind(":text", *text);
    } else if (record.kind == "person") {
      insert.bind(":name_folded", fold_name(record.field("name")->value));
    } else if (record.kind == "person_alias") {
      insert.bind(":folded", fold_name(record.field("alias")->value));
    }
  }

  std::int64_t execute(SQLite::Statement& insert, const KindSpec& spec, const FactRecord& record) {
    if (record.key) {
      auto& find = connection_.prepare(kFindKey);
      find.bind(1, std::string(spec.kind));
      find.bind(2, *record.key);
      bool taken = find.executeStep();
      find.reset();
      if (taken) {
        throw ImportError(record.file, record.line, "",
                          "a " + record.kind + " with key '" + *record.key + "' already exists");
      }
    }
    try {
      insert.exec();
    } catch (const SQLite::Exception& e) {
      throw rejected(record, e);
    }
    return connection_.db().getLastInsertRowid();
  }

  // The database refused a record: point at the field its constraint names. SQLite names the
  // columns ("UNIQUE constraint failed: topic.meeting_id, topic.label") or quotes the CHECK
  // expression; a column matches a field of the same name or the field's name plus "_id".
  static ImportError rejected(const FactRecord& record, const SQLite::Exception& e) {
    std::string message = fold_whitespace(e.what()).text;
    std::string_view detail = std::string_view(message).substr(message.find(':') + 1);
    bool unique = message.starts_with("UNIQUE");
    const FactField* culprit = nullptr;
    std::size_t at = 0;
    while (at < detail.size()) {
      std::size_t end = detail.find_first_not_of("abcdefghijklmnopqrstuvwxyz_", at);
      if (end == std::string_view::npos) end = detail.size();
      std::string_view token = detail.substr(at, end - at);
      for (const FactField& field : record.fields) {
        if (token == field.name || token == field.name + "_id") {
          culprit = &field;
          break;
        }
      }
      if (culprit && !unique) break;  // CHECK: the first column named; UNIQUE: the last
      at = end + 1;
    }
    return ImportError(record.file, culprit ? culprit->line : record.line,
                       culprit ? culprit->name : "", "rejected by the database: " + message,
                       e.getExtendedErrorCode());
  }

  void cite_record(std::string_view kind, std::int64_t row_id, const FactRecord& record,
                   const FactCite& cite) {
    FactField source_field{"cite", cite.source_key, cite.line};
    std::int64_t source_id = resolve(record, source_field, "source");
    auto text = folded_sources_.find(source_id);
    if (text == folded_sources_.end()) {
      auto& select = connection_.prepare(kSourceText);
      select.bind(1, source_id);
      select.executeStep();
      text = folded_sources_.emplace(source_id, fold_whitespace(select.getColumn(0).getString()))
                 .first;
      select.reset();
    }
    std::optional<Span> span = locate_quote(text->second, cite.quote);
    if (!span) {
      throw ImportError(record.file, cite.line, "cite",
                        "quotation not found in source '" + cite.source_key + "': " + cite.quote);
    }
    auto& insert = connection_.prepare(kInsertCitation);
    insert.bind(1, std::string(kind));
    insert.bind(2, row_id);
    insert.bind(3, source_id);
    insert.bind(4, cite.quote);
    insert.bind(5, span->start);
    insert.bind(6, span->end);
    try {
      insert.exec();
    } catch (const SQLite::Exception& e) {
      throw ImportError(record.file, cite.line, "cite", std::string("rejected: ") + e.what(),
                        e.getExtendedErrorCode());
    }
    ++summary_.citations;
  }

  Connection& connection_;
  const DocumentProvider& documents_;
  std::unordered_map<std::int64_t, FoldedText> folded_sources_;
  ImportSummary summary_;
};

}  // namespace

ImportSummary load_records(Connection& connection, const std::vector<FactRecord>& records,
                           const DocumentProvider& documents) {
  Loader loader(connection, documents);
  for (const FactRecord& record : records) loader.load(record);
  rebuild_search_index(connection);
  return loader.summary();
}

std::vector<std::string_view> record_kinds() {
  std::vector<std::string_view> kinds;
  for (const auto& spec : specs()) kinds.push_back(spec.kind);
  return kinds;
}

}  // namespace euiomkb::detail
