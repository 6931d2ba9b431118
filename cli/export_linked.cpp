#include "export_linked.hpp"

#include <array>
#include <functional>
#include <nlohmann/json.hpp>
#include <ostream>
#include <stdexcept>
#include <string_view>
#include <vector>

namespace euiomkb::cli {
namespace {

using Json = nlohmann::ordered_json;

constexpr std::string_view kBase = "urn:euiomkb:";
// Code points of context each side of a quotation in a TextQuoteSelector.
constexpr int kQuoteContext = 32;

std::string dump(const Json& json) {
  return json.dump(-1, ' ', false, Json::error_handler_t::replace);
}

// A path segment with every byte but RFC 3986's unreserved characters percent-encoded.
std::string segment(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (char c : text) {
    auto byte = static_cast<unsigned char>(c);
    bool unreserved = (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') ||
                      (byte >= '0' && byte <= '9') || c == '-' || c == '.' || c == '_' || c == '~';
    if (unreserved) {
      out += c;
    } else {
      out += '%';
      out += kHex[byte >> 4];
      out += kHex[byte & 0xF];
    }
  }
  return out;
}

// The id of a keyed record: "kind/key"; a row without a key (none in the seed) is named by its
// row id, "kind/row-N", the only name it has.
std::string keyed(std::string_view kind, const std::string& key, std::int64_t row) {
  return std::string(kind) + "/" + (key.empty() ? "row-" + std::to_string(row) : segment(key));
}

// Ids by kind and row, looked up through record_key.
class Ids {
 public:
  explicit Ids(const KnowledgeBase& kb) : kb_(kb) {}
  std::string operator()(std::string_view kind, std::int64_t row) const {
    return keyed(kind, kb_.key_of(kind, row).value_or(""), row);
  }
  // The id without its "kind/".
  std::string key(std::string_view kind, std::int64_t row) const {
    return (*this)(kind, row).substr(kind.size() + 1);
  }
  Json optional(std::string_view kind, const std::optional<OrganisationId>& row) const {
    return row ? Json((*this)(kind, row->value())) : Json(nullptr);
  }

 private:
  const KnowledgeBase& kb_;
};

Json date_text(const std::optional<PartialDate>& date) {
  return date ? Json(date->to_string()) : Json(nullptr);
}

// A date as a typed literal of its own precision.
Json date_literal(const std::optional<PartialDate>& date) {
  if (!date) return nullptr;
  const char* type = date->day() ? "xsd:date" : date->month() ? "xsd:gYearMonth" : "xsd:gYear";
  return {{"@value", date->to_string()}, {"@type", type}};
}

std::string iri(const std::string& id) { return std::string(kBase) + id; }

// The stored copy at [start, end): its ni: name with an RFC 5147 fragment.
std::string char_fragment(const std::string& sha256, std::int64_t start, std::int64_t end) {
  return stored_copy_name(sha256) + "#char=" + std::to_string(start) + "," + std::to_string(end);
}

// Popolo links, one per citation of the record.
Json popolo_sources(const KnowledgeBase& kb, std::string_view subject_type, std::int64_t id) {
  Json links = Json::array();
  for (const Passage& p : kb.passages(subject_type, id)) {
    const Citation& c = p.citation;
    Json link = {
        {"url", p.fragment_url ? *p.fragment_url
                               : char_fragment(p.source.sha256, c.start_offset, c.end_offset)},
        {"note", p.reference},
        {"source", keyed("source", p.source.key, p.source.id.value())},
        {"title", p.source.title},
        {"quotation", c.quote},
        {"anchor", p.anchor},
        {"start", c.start_offset},
        {"end", c.end_offset}};
    if (c.note) link["why"] = *c.note;
    links.push_back(std::move(link));
  }
  return links;
}

// PROV passages: the fact prov:wasDerivedFrom each (inline nodes; one passage cited by several
// facts is one node, by its anchor).
Json derived_from(const KnowledgeBase& kb, std::string_view subject_type, std::int64_t id) {
  Json passages = Json::array();
  for (const Passage& p : kb.passages(subject_type, id)) {
    const Citation& c = p.citation;
    Json node = {
        {"id", iri("passage/" + p.anchor)},
        {"type", "Passage"},
        {"value", c.quote},
        {"wasQuotedFrom", stored_copy_name(p.source.sha256)},
        {"selector",
         {{"type", "TextPositionSelector"}, {"start", c.start_offset}, {"end", c.end_offset}}}};
    if (c.note) node["note"] = *c.note;
    passages.push_back(std::move(node));
  }
  return passages;
}

// Writes `{"name": [item, ...], ...}` one item a line.
class Collections {
 public:
  explicit Collections(std::ostream& out) : out_(out) {}
  void list(std::string_view name, const std::function<void()>& body) {
    out_ << (lists_ ? ",\n  " : "  ") << Json(name).dump() << ": [";
    ++lists_;
    items_ = 0;
    body();
    out_ << (items_ ? "\n  ]" : "]");
  }
  void item(const Json& json) { out_ << (items_++ ? ",\n    " : "\n    ") << dump(json); }

 private:
  std::ostream& out_;
  int lists_ = 0;
  int items_ = 0;
};

const char* const kContext = R"json({
    "@version": 1.1,
    "org": "http://www.w3.org/ns/org#",
    "w3cperson": "http://www.w3.org/ns/person#",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "schema": "http://schema.org/",
    "prov": "http://www.w3.org/ns/prov#",
    "dcterms": "http://purl.org/dc/terms/",
    "oa": "http://www.w3.org/ns/oa#",
    "opengov": "http://www.w3.org/ns/opengov#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "kb": "urn:euiomkb:vocab#",
    "id": "@id",
    "type": "@type",
    "Source": "schema:CreativeWork",
    "Passage": "prov:Entity",
    "Organization": "org:Organization",
    "ChangeEvent": "org:ChangeEvent",
    "Person": "w3cperson:Person",
    "Post": "org:Post",
    "Membership": "org:Membership",
    "Event": "schema:Event",
    "Attendance": "kb:Attendance",
    "TextPositionSelector": "oa:TextPositionSelector",
    "name": "foaf:name",
    "honorificPrefix": "schema:honorificPrefix",
    "prefLabel": "skos:prefLabel",
    "altLabel": "skos:altLabel",
    "notation": "skos:notation",
    "classification": "org:classification",
    "subOrganizationOf": {"@id": "org:subOrganizationOf", "@type": "@id"},
    "originalOrganization": {"@id": "org:originalOrganization", "@type": "@id"},
    "resultingOrganization": {"@id": "org:resultingOrganization", "@type": "@id"},
    "change": "kb:change",
    "basis": "kb:basis",
    "date": "dcterms:date",
    "note": "skos:note",
    "postIn": {"@id": "org:postIn", "@type": "@id"},
    "member": {"@id": "org:member", "@type": "@id"},
    "organization": {"@id": "org:organization", "@type": "@id"},
    "post": {"@id": "opengov:post", "@type": "@id"},
    "role": "org:role",
    "acting": "kb:acting",
    "startDate": "schema:startDate",
    "endDate": "schema:endDate",
    "attestedFrom": "kb:attestedFrom",
    "attestedTo": "kb:attestedTo",
    "location": "schema:location",
    "organizer": {"@id": "schema:organizer", "@type": "@id"},
    "attendee": {"@id": "schema:attendee", "@type": "@id"},
    "attendance": "kb:attendance",
    "attestedAs": "kb:attestedAs",
    "wasDerivedFrom": {"@id": "prov:wasDerivedFrom", "@type": "@id"},
    "wasQuotedFrom": {"@id": "prov:wasQuotedFrom", "@type": "@id"},
    "value": "prov:value",
    "selector": "oa:hasSelector",
    "start": {"@id": "oa:start", "@type": "xsd:nonNegativeInteger"},
    "end": {"@id": "oa:end", "@type": "xsd:nonNegativeInteger"},
    "title": "dcterms:title",
    "publisher": "dcterms:publisher",
    "issued": "dcterms:issued",
    "language": "dcterms:language",
    "identifier": "dcterms:identifier",
    "url": {"@id": "schema:url", "@type": "@id"},
    "sha256": "kb:sha256"
  })json";

// The terms the annotations add to the Web Annotation context: the fact's kind, key and
// description, the source's key and title, and the citation's quotation (as the fact file
// wrote it, ellipses included) and why it supports a fact it does not name.
const char* const kAnnotationTerms = R"json({"kb": "urn:euiomkb:vocab#", "kind": "kb:kind",
    "key": "kb:key", "description": "http://purl.org/dc/terms/description",
    "identifier": "http://purl.org/dc/terms/identifier",
    "title": "http://purl.org/dc/terms/title", "quotation": "kb:quotation", "why": "kb:why"})json";

// The fact a citation supports, by subject_type: its table, id column, the parts of its id
// (SQL expressions over the row `t`, joined by char(31)) and a description.
struct FactSql {
  const char* kind;
  const char* table;
  const char* id_column;
  std::string path;
  std::string description;
};

std::string key_sql(std::string_view kind, std::string_view row) {
  return "(SELECT min(key) FROM record_key WHERE kind = '" + std::string(kind) +
         "' AND row_id = t." + std::string(row) + ")";
}
std::string short_name_sql(std::string_view row) {
  return "(SELECT short_name FROM organisation WHERE organisation_id = t." + std::string(row) + ")";
}
std::string person_sql(std::string_view row) {
  return "(SELECT name FROM person WHERE person_id = t." + std::string(row) + ")";
}
std::string parts(std::initializer_list<std::string> expressions) {
  std::string joined;
  for (const std::string& e : expressions)
    joined += (joined.empty() ? "" : " || char(31) || ") + ("coalesce(" + e + ", '-')");
  return joined;
}

std::vector<FactSql> fact_sql() {
  const std::string meeting = "(SELECT title FROM meeting WHERE meeting_id = t.meeting_id)";
  const std::string agreement = "(SELECT name FROM agreement WHERE agreement_id = t.agreement_id)";
  return {
      {"source", "source", "source_id", parts({"'source'", key_sql("source", "source_id")}),
       "t.title"},
      {"organisation", "organisation", "organisation_id",
       parts({"'organisation'", key_sql("organisation", "organisation_id")}),
       "t.short_name || ': ' || t.name"},
      {"organisation_name", "organisation_name", "organisation_name_id",
       parts({"'organisation'", key_sql("organisation", "organisation_id"), "'name'", "t.name"}),
       short_name_sql("organisation_id") + " || ' is named ' || t.name"},
      {"organisation_parent", "organisation_parent", "organisation_parent_id",
       parts({"'organisation'", key_sql("organisation", "organisation_id"), "'parent'",
              key_sql("organisation", "parent_organisation_id")}),
       short_name_sql("organisation_id") + " || ' is part of ' || " +
           short_name_sql("parent_organisation_id")},
      {"organisation_event", "organisation_event", "organisation_event_id",
       parts({"'organisation_event'", "t.event", key_sql("organisation", "from_organisation_id"),
              key_sql("organisation", "to_organisation_id")}),
       "t.event || ': ' || coalesce(" + short_name_sql("from_organisation_id") +
           ", '') || ' -> ' || " + "coalesce(" + short_name_sql("to_organisation_id") + ", '')"},
      {"person", "person", "person_id", parts({"'person'", key_sql("person", "person_id")}),
       "t.name"},
      {"person_alias", "person_alias", "person_alias_id",
       parts({"'person'", key_sql("person", "person_id"), "'alias'", "t.alias"}),
       person_sql("person_id") + " || ' is also written ' || t.alias"},
      {"post", "post", "post_id", parts({"'post'", key_sql("post", "post_id")}),
       "t.title || coalesce(', ' || " + short_name_sql("organisation_id") + ", '')"},
      {"tenure", "tenure", "tenure_id",
       parts({"'tenure'", key_sql("person", "person_id"), key_sql("post", "post_id")}),
       person_sql("person_id") + " || ' held the post ' || " +
           "(SELECT p.title || coalesce(', ' || o.short_name, '') FROM post p LEFT JOIN "
           "organisation o ON o.organisation_id = p.organisation_id WHERE p.post_id = t.post_id)"},
      {"meeting", "meeting", "meeting_id", parts({"'meeting'", key_sql("meeting", "meeting_id")}),
       "t.title"},
      {"meeting_date", "meeting_date", "meeting_date_id",
       parts(
           {"'meeting'", key_sql("meeting", "meeting_id"), "'date'", "t.held_on", "t.attested_as"}),
       meeting + " || ' held on ' || t.held_on || ' (' || t.attested_as || ')'"},
      {"series_fact", "series_fact", "series_fact_id",
       parts({"'series'", "lower(t.series)", "'fact'", "t.attribute", "t.value", "t.as_of"}),
       "t.series || ', ' || t.attribute || ': ' || t.value || coalesce(' (as of ' || t.as_of || "
       "')', '')"},
      {"meeting_organisation", "meeting_organisation", "meeting_organisation_id",
       parts({"'meeting'", key_sql("meeting", "meeting_id"), "'organisation'",
              key_sql("organisation", "organisation_id"), "t.role"}),
       short_name_sql("organisation_id") + " || ' (' || t.role || ') at ' || " + meeting},
      {"attendance", "attendance", "attendance_id",
       parts({"'meeting'", key_sql("meeting", "meeting_id"), "'attendance'",
              key_sql("person", "person_id"), "t.role"}),
       person_sql("person_id") + " || ' (' || t.role || ') at ' || " + meeting},
      {"topic", "topic", "topic_id",
       parts({"'meeting'", key_sql("meeting", "meeting_id"), "'topic'", "t.label"}),
       "'Topic at ' || " + meeting + " || ': ' || t.label"},
      {"agreement", "agreement", "agreement_id",
       parts({"'agreement'", key_sql("agreement", "agreement_id")}), "t.name"},
      {"agreement_name", "agreement_name", "agreement_name_id",
       parts({"'agreement'", key_sql("agreement", "agreement_id"), "'name'", "t.name"}),
       agreement + " || ' is also named ' || t.name"},
      {"agreement_date", "agreement_date", "agreement_date_id",
       parts(
           {"'agreement'", key_sql("agreement", "agreement_id"), "'date'", "t.event", "t.on_date"}),
       agreement + " || ', ' || t.event || ': ' || t.on_date"},
      {"agreement_relation", "agreement_relation", "agreement_relation_id",
       parts({"'agreement'", key_sql("agreement", "agreement_id"), "'relation'", "t.relation",
              key_sql("agreement", "other_agreement_id")}),
       agreement + " || ' ' || t.relation || ' ' || " +
           "(SELECT name FROM agreement WHERE agreement_id = t.other_agreement_id)"},
      {"agreement_party", "agreement_party", "agreement_party_id",
       parts({"'agreement'", key_sql("agreement", "agreement_id"), "'party'",
              key_sql("organisation", "organisation_id")}),
       short_name_sql("organisation_id") + " || ' is a party to ' || " + agreement},
      {"agreement_signatory", "agreement_signatory", "agreement_signatory_id",
       parts({"'agreement'", key_sql("agreement", "agreement_id"), "'signatory'",
              key_sql("person", "person_id")}),
       person_sql("person_id") + " || ' signed ' || " + agreement},
      {"funding", "funding", "funding_id",
       parts({"'funding'", key_sql("organisation", "funder_organisation_id"),
              key_sql("organisation", "recipient_organisation_id"), "t.period_start", "t.measure"}),
       "'Funding from ' || " + short_name_sql("funder_organisation_id") + " || ' to ' || " +
           short_name_sql("recipient_organisation_id") + " || ' (' || t.measure || ')'"},
      {"publication", "publication", "publication_id",
       parts({"'publication'", key_sql("publication", "publication_id")}),
       "coalesce(t.title, t.kind)"},
      {"policy_framework", "policy_framework", "policy_framework_id",
       parts({"'policy_framework'", key_sql("policy_framework", "policy_framework_id")}), "t.name"},
      {"framework_part", "framework_part", "framework_part_id",
       parts({"'policy_framework'", key_sql("policy_framework", "policy_framework_id"), "'part'",
              "t.position"}),
       "t.kind || ' ' || t.position || ': ' || t.label"},
      {"statement", "statement", "statement_id",
       parts({"'person'", key_sql("person", "person_id"), "'statement'",
              "(SELECT count(*) FROM statement s WHERE s.person_id = t.person_id AND s.text <= "
              "t.text)"}),
       person_sql("person_id") + " || ': ' || t.text"},
      {"contact", "contact", "contact_id",
       parts({"'contact'", key_sql("person", "person_id"),
              key_sql("organisation", "organisation_id"), "t.role", "t.phone", "t.email"}),
       "'Contact: ' || coalesce(" + person_sql("person_id") + " || ' ', '') || coalesce(" +
           short_name_sql("organisation_id") + ", '') || coalesce(' (' || t.role || ')', '')"},
      {"claim", "claim", "claim_id",
       parts({"'claim'", "t.subject_type",
              ("(SELECT min(key) FROM record_key WHERE kind = t.subject_type AND row_id = "
               "t.subject_id)"),
              "t.attribute", "t.value"}),
       "t.subject || ', ' || t.attribute || ': ' || t.value"},
  };
}

// SELECT of every citation with its source, the cited span and its context (code points) and
// the fact it supports.
std::string annotation_sql() {
  std::string path = "CASE c.subject_type";
  std::string description = "CASE c.subject_type";
  for (const FactSql& f : fact_sql()) {
    std::string from =
        std::string(" FROM ") + f.table + " t WHERE t." + f.id_column + " = c.subject_id)";
    path += std::string(" WHEN '") + f.kind + "' THEN (SELECT " + f.path + from;
    description += std::string(" WHEN '") + f.kind + "' THEN (SELECT " + f.description + from;
  }
  // A kind added later and not listed here keeps its row id: visible, never silently merged.
  path += " ELSE c.subject_type || char(31) || 'row-' || c.subject_id END";
  description += " ELSE c.subject_type END";
  return "SELECT c.citation_id, c.subject_type, c.subject_id, " + path + ", " + description +
         ", (SELECT min(key) FROM record_key WHERE kind = c.subject_type AND row_id = "
         "c.subject_id), s.sha256, s.language, c.start_offset, c.end_offset, "
         "substr(s.text, c.start_offset + 1, c.end_offset - c.start_offset), "
         "substr(s.text, max(c.start_offset - " +
         std::to_string(kQuoteContext) + ", 0) + 1, c.start_offset - max(c.start_offset - " +
         std::to_string(kQuoteContext) + ", 0)), substr(s.text, c.end_offset + 1, " +
         std::to_string(kQuoteContext) +
         "), c.quote, c.note, (SELECT min(key) FROM record_key WHERE kind = 'source' AND "
         "row_id = s.source_id), s.title, s.source_id "
         "FROM citation c JOIN source s ON s.source_id = c.source_id "
         "ORDER BY c.source_id, c.start_offset, c.citation_id";
}

std::string text_of(const SqlValue& value) {
  if (const auto* text = std::get_if<std::string>(&value)) return *text;
  if (const auto* number = std::get_if<std::int64_t>(&value)) return std::to_string(*number);
  return {};
}

// "a\x1fb c" -> "a/b%20c".
std::string fact_path(const std::string& joined) {
  std::string path;
  std::size_t from = 0;
  while (true) {
    std::size_t at = joined.find('\x1f', from);
    path += (path.empty() ? "" : "/") + segment(joined.substr(from, at - from));
    if (at == std::string::npos) return path;
    from = at + 1;
  }
}

struct PostRow {
  std::int64_t id;
  std::string label;
  std::optional<OrganisationId> organisation;
};

// Every post, by id. Posts are few; they are read whole so that no query runs inside another.
std::vector<PostRow> read_posts(const KnowledgeBase& kb) {
  std::vector<PostRow> posts;
  kb.run_sql(
      "SELECT post_id, title, organisation_id FROM post ORDER BY post_id", {}, [](const auto&) {},
      [&](const std::vector<SqlValue>& row) {
        PostRow post{std::get<std::int64_t>(row[0]), std::get<std::string>(row[1]), std::nullopt};
        if (const auto* org = std::get_if<std::int64_t>(&row[2]))
          post.organisation = OrganisationId(*org);
        posts.push_back(std::move(post));
      });
  return posts;
}

}  // namespace

std::string stored_copy_name(const std::string& sha256_hex) {
  if (sha256_hex.size() != 64) throw std::invalid_argument("a SHA-256 has 64 hex digits");
  auto nibble = [](char c) -> unsigned {
    if (c >= '0' && c <= '9') return static_cast<unsigned>(c - '0');
    if (c >= 'a' && c <= 'f') return static_cast<unsigned>(c - 'a' + 10);
    if (c >= 'A' && c <= 'F') return static_cast<unsigned>(c - 'A' + 10);
    throw std::invalid_argument("a SHA-256 has 64 hex digits");
  };
  std::array<unsigned, 32> bytes{};
  for (std::size_t i = 0; i < 32; ++i)
    bytes[i] = nibble(sha256_hex[2 * i]) << 4 | nibble(sha256_hex[2 * i + 1]);
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::string name = "ni:///sha-256;";
  for (std::size_t i = 0; i < bytes.size(); i += 3) {
    unsigned group = bytes[i] << 16 | (i + 1 < bytes.size() ? bytes[i + 1] << 8 : 0u) |
                     (i + 2 < bytes.size() ? bytes[i + 2] : 0u);
    std::size_t digits = i + 2 < bytes.size() ? 4 : i + 1 < bytes.size() ? 3 : 2;
    for (std::size_t d = 0; d < digits; ++d) name += kAlphabet[(group >> (18 - 6 * d)) & 0x3F];
  }
  return name;
}

void export_popolo(const KnowledgeBase& kb, std::ostream& out) {
  Ids ids(kb);
  Collections collections(out);
  out << "{\n";
  collections.list("persons", [&] {
    kb.people().each([&](const Person& p) {
      // The aliases are read whole before their citations: no query runs inside another.
      std::vector<std::pair<std::int64_t, std::string>> aliases;
      SqlOptions of_person;
      of_person.parameters = {SqlValue(p.id.value())};
      kb.run_sql(
          "SELECT person_alias_id, alias FROM person_alias WHERE person_id = ?1 ORDER BY alias",
          of_person, [](const auto&) {},
          [&](const std::vector<SqlValue>& row) {
            aliases.emplace_back(std::get<std::int64_t>(row[0]), std::get<std::string>(row[1]));
          });
      Json other = Json::array();
      for (const auto& [alias_id, alias] : aliases)
        other.push_back(
            {{"name", alias}, {"sources", popolo_sources(kb, "person_alias", alias_id)}});
      collections.item({{"id", keyed("person", p.key, p.id.value())},
                        {"name", p.name},
                        {"honorific_prefix", p.honorific ? Json(*p.honorific) : Json(nullptr)},
                        {"other_names", other},
                        {"sources", popolo_sources(kb, "person", p.id.value())}});
    });
  });
  collections.list("organizations", [&] {
    kb.organisations().each([&](const Organisation& o) {
      Json other = Json::array();
      for (const OrganisationName& n : kb.organisations().names(o.id))
        other.push_back({{"name", n.name},
                         {"start_date", date_text(n.valid_from)},
                         {"end_date", date_text(n.valid_to)},
                         {"attested_on", date_text(n.attested_on)},
                         {"sources", popolo_sources(kb, "organisation_name", n.id.value())}});
      collections.item(
          {{"id", keyed("organisation", o.key, o.id.value())},
           {"name", o.name},
           {"identifiers", Json::array({{{"scheme", "short_name"}, {"identifier", o.short_name}},
                                        {{"scheme", "euiomkb"}, {"identifier", o.key}}})},
           {"classification", o.kind},
           {"parent_id", ids.optional("organisation", o.parent_id)},
           {"other_names", other},
           {"sources", popolo_sources(kb, "organisation", o.id.value())}});
    });
  });
  collections.list("posts", [&] {
    for (const PostRow& post : read_posts(kb))
      collections.item({{"id", ids("post", post.id)},
                        {"label", post.label},
                        {"organization_id", ids.optional("organisation", post.organisation)},
                        {"sources", popolo_sources(kb, "post", post.id)}});
  });
  collections.list("memberships", [&] {
    kb.people().each([&](const Person& p) {
      const std::string person = keyed("person", p.key, p.id.value());
      for (const Tenure& t : kb.people().tenures(p.id)) {
        const std::string post = ids("post", t.post_id.value());
        collections.item({{"id", "tenure/" + ids.key("person", p.id.value()) + "/" +
                                     ids.key("post", t.post_id.value())},
                          {"person_id", person},
                          {"organization_id", ids.optional("organisation", t.organisation_id)},
                          {"post_id", post},
                          {"role", (t.acting ? "acting " : "") + t.post},
                          {"start_date", date_text(t.start_date)},
                          {"end_date", date_text(t.end_date)},
                          {"attested_from", date_text(t.attested_from)},
                          {"attested_to", date_text(t.attested_to)},
                          {"sources", popolo_sources(kb, "tenure", t.id.value())}});
      }
    });
  });
  collections.list("events", [&] {
    kb.meetings().each([&](const Meeting& m) {
      const std::string event = keyed("meeting", m.key, m.id.value());
      Json attendees = Json::array();
      for (const Attendance& a : kb.meetings().attendance(m.id)) {
        const std::string person = ids("person", a.person_id.value());
        attendees.push_back(
            {{"id", person},
             {"name", a.person},
             {"attendance_id", event + "/attendance/" + ids.key("person", a.person_id.value()) +
                                   "/" + segment(a.role)},
             {"role", a.role},
             {"organization_id", ids.optional("organisation", a.organisation_id)},
             {"attested_as", a.attested_as},
             {"sources", popolo_sources(kb, "attendance", a.id.value())}});
      }
      collections.item({{"id", event},
                        {"name", m.title},
                        {"classification", m.series ? Json(*m.series) : Json(nullptr)},
                        {"start_date", date_text(m.held_on)},
                        {"location", m.location ? Json(*m.location) : Json(nullptr)},
                        {"organization_id", ids.optional("organisation", m.host_id)},
                        {"attendees", attendees},
                        {"sources", popolo_sources(kb, "meeting", m.id.value())}});
    });
  });
  out << "\n}\n";
}

void export_jsonld(const KnowledgeBase& kb, std::ostream& out) {
  Ids ids(kb);
  auto id_iri = [&](std::string_view kind, std::int64_t row) { return iri(ids(kind, row)); };
  auto optional_iri = [&](std::string_view kind, const std::optional<OrganisationId>& row) {
    return row ? Json(id_iri(kind, row->value())) : Json(nullptr);
  };
  // Drops nulls: in JSON-LD an absent property and a null one mean the same, and absent reads
  // better.
  auto node = [](Json json) {
    for (auto it = json.begin(); it != json.end();)
      it = it->is_null() ? json.erase(it) : std::next(it);
    return json;
  };
  bool first = true;
  auto item = [&](const Json& json) {
    out << (first ? "\n    " : ",\n    ") << dump(node(json));
    first = false;
  };
  out << "{\n  \"@context\": " << kContext << ",\n  \"@graph\": [";
  for (const SourceSummary& s : kb.sources().list())
    item({{"id", stored_copy_name(s.sha256)},
          {"type", "Source"},
          {"identifier", keyed("source", s.key, s.id.value())},
          {"title", s.title},
          {"publisher", s.publisher ? Json(*s.publisher) : Json(nullptr)},
          {"issued", date_literal(s.published)},
          {"url", s.url ? Json(*s.url) : Json(nullptr)},
          {"language", s.language},
          {"sha256", s.sha256}});
  kb.organisations().each([&](const Organisation& o) {
    Json names = Json::array();
    for (const OrganisationName& n : kb.organisations().names(o.id)) names.push_back(n.name);
    item({{"id", iri(keyed("organisation", o.key, o.id.value()))},
          {"type", "Organization"},
          {"prefLabel", o.name},
          {"notation", o.short_name},
          {"altLabel", names},
          {"classification", o.kind},
          {"subOrganizationOf", optional_iri("organisation", o.parent_id)},
          {"wasDerivedFrom", derived_from(kb, "organisation", o.id.value())}});
  });
  // Renamings, splits, creations and mergers: each once, from the organisation it started from
  // (or, for a creation, the one it made).
  kb.organisations().each([&](const Organisation& o) {
    for (const OrganisationEvent& e : kb.organisations().lineage(o.id)) {
      if ((e.from_id ? *e.from_id : e.to_id.value_or(o.id)) != o.id) continue;
      item({{"id", iri("organisation_event/" + segment(e.event) + "/" +
                       (e.from_id ? ids.key("organisation", e.from_id->value()) : "-") + "/" +
                       (e.to_id ? ids.key("organisation", e.to_id->value()) : "-"))},
            {"type", "ChangeEvent"},
            {"change", e.event},
            {"originalOrganization", optional_iri("organisation", e.from_id)},
            {"resultingOrganization", optional_iri("organisation", e.to_id)},
            {"date", date_literal(e.occurred_on)},
            {"basis", e.general_knowledge ? "general_knowledge" : "document"},
            {"note", e.note ? Json(*e.note) : Json(nullptr)},
            {"wasDerivedFrom", derived_from(kb, "organisation_event", e.id.value())}});
    }
  });
  kb.people().each([&](const Person& p) {
    item({{"id", iri(keyed("person", p.key, p.id.value()))},
          {"type", "Person"},
          {"name", p.name},
          {"honorificPrefix", p.honorific ? Json(*p.honorific) : Json(nullptr)},
          {"altLabel", p.aliases},
          {"wasDerivedFrom", derived_from(kb, "person", p.id.value())}});
  });
  for (const PostRow& post : read_posts(kb))
    item({{"id", id_iri("post", post.id)},
          {"type", "Post"},
          {"prefLabel", post.label},
          {"postIn", optional_iri("organisation", post.organisation)},
          {"wasDerivedFrom", derived_from(kb, "post", post.id)}});
  kb.people().each([&](const Person& p) {
    const std::string person = keyed("person", p.key, p.id.value());
    for (const Tenure& t : kb.people().tenures(p.id)) {
      const std::string post = ids("post", t.post_id.value());
      item({{"id", iri("tenure/" + ids.key("person", p.id.value()) + "/" +
                       ids.key("post", t.post_id.value()))},
            {"type", "Membership"},
            {"member", iri(person)},
            {"organization", optional_iri("organisation", t.organisation_id)},
            {"post", iri(post)},
            {"role", t.post},
            {"acting", t.acting},
            {"startDate", date_literal(t.start_date)},
            {"endDate", date_literal(t.end_date)},
            {"attestedFrom", date_literal(t.attested_from)},
            {"attestedTo", date_literal(t.attested_to)},
            {"wasDerivedFrom", derived_from(kb, "tenure", t.id.value())}});
    }
  });
  kb.meetings().each([&](const Meeting& m) {
    const std::string event = keyed("meeting", m.key, m.id.value());
    Json attendees = Json::array();
    Json attendance = Json::array();
    for (const Attendance& a : kb.meetings().attendance(m.id)) {
      const std::string person = ids("person", a.person_id.value());
      attendees.push_back(iri(person));
      attendance.push_back(
          node({{"id", iri(event + "/attendance/" + ids.key("person", a.person_id.value()) + "/" +
                           segment(a.role))},
                {"type", "Attendance"},
                {"attendee", iri(person)},
                {"role", a.role},
                {"organization", optional_iri("organisation", a.organisation_id)},
                {"post", a.post_id ? Json(id_iri("post", a.post_id->value())) : Json(nullptr)},
                {"attestedAs", a.attested_as},
                {"wasDerivedFrom", derived_from(kb, "attendance", a.id.value())}}));
    }
    item({{"id", iri(event)},
          {"type", "Event"},
          {"name", m.title},
          {"startDate", date_literal(m.held_on)},
          {"location", m.location ? Json(*m.location) : Json(nullptr)},
          {"organizer", optional_iri("organisation", m.host_id)},
          {"attendee", attendees},
          {"attendance", attendance},
          {"wasDerivedFrom", derived_from(kb, "meeting", m.id.value())}});
  });
  out << (first ? "]\n}\n" : "\n  ]\n}\n");
}

void export_annotations(const KnowledgeBase& kb, std::ostream& out) {
  std::int64_t total = 0;
  kb.run_sql(
      "SELECT count(*) FROM citation", {}, [](const auto&) {},
      [&](const std::vector<SqlValue>& row) { total = std::get<std::int64_t>(row[0]); });
  out << "{\n  \"@context\": [\"http://www.w3.org/ns/anno.jsonld\", " << kAnnotationTerms << "],\n"
      << "  \"id\": \"" << kBase << "annotations\",\n"
      << "  \"type\": \"AnnotationCollection\",\n"
      << "  \"label\": \"The evidence of the EU-IOM knowledge base: one annotation per "
         "citation\",\n"
      << "  \"total\": " << total << ",\n"
      << "  \"first\": {\n    \"type\": \"AnnotationPage\",\n    \"items\": [";
  bool first = true;
  kb.run_sql(
      annotation_sql(), {}, [](const auto&) {},
      [&](const std::vector<SqlValue>& row) {
        const std::string fact = fact_path(text_of(row[3]));
        const std::string sha256 = std::get<std::string>(row[6]);
        const std::int64_t start = std::get<std::int64_t>(row[8]);
        const std::int64_t end = std::get<std::int64_t>(row[9]);
        Json body = {{"id", iri(fact)},
                     {"type", "Dataset"},
                     {"kind", std::get<std::string>(row[1])},
                     {"description", text_of(row[4])}};
        if (!std::holds_alternative<std::monostate>(row[5])) body["key"] = text_of(row[5]);
        Json annotation = {
            {"id", iri(fact) + "#" + passage_anchor(sha256, start, end)},
            {"type", "Annotation"},
            {"motivation", "describing"},
            {"body", body},
            {"target",
             {{"source",
               {{"id", stored_copy_name(sha256)},
                {"type", "Text"},
                {"format", "text/plain"},
                {"language", text_of(row[7])},
                {"identifier", keyed("source", text_of(row[15]), std::get<std::int64_t>(row[17]))},
                {"title", text_of(row[16])}}},
              {"selector",
               Json::array(
                   {{{"type", "TextQuoteSelector"},
                     {"exact", text_of(row[10])},
                     {"prefix", text_of(row[11])},
                     {"suffix", text_of(row[12])}},
                    {{"type", "TextPositionSelector"}, {"start", start}, {"end", end}}})}}}};
        annotation["quotation"] = text_of(row[13]);
        if (!std::holds_alternative<std::monostate>(row[14])) annotation["why"] = text_of(row[14]);
        out << (first ? "\n      " : ",\n      ") << dump(annotation);
        first = false;
      });
  out << (first ? "]\n  }\n}\n" : "\n    ]\n  }\n}\n");
}

}  // namespace euiomkb::cli
