#include "records.hpp"

#include <algorithm>
#include <cctype>
#include <utility>

#include "citations.hpp"
#include "standing.hpp"
#include "stored.hpp"
#include "tool.hpp"

namespace euiomkb::cli {
namespace {

std::string join(const std::vector<std::string>& parts) {
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : "; ") + p;
  return out;
}

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The key of the record of `kind` with row id `id`, or NULL.
Value key_of(const KnowledgeBase& kb, std::string_view kind, std::int64_t id) {
  return text(kb.key_of(kind, id));
}

void write_meeting(const KnowledgeBase& kb, const Meeting& m, Writer& out, CitationNotes& notes) {
  out.section("meeting",
              {{"key"},
               {"series"},
               {"sequence_no", ColumnType::integer},
               {"title"},
               {"held_on"},
               {"location"},
               {"host"},
               {"note"},
               CitationNotes::column()},
              Shape::record);
  out.row({text(kb.key_of("meeting", m.id.value())), text(m.series),
           integer(m.sequence_no ? std::optional<std::int64_t>(*m.sequence_no) : std::nullopt),
           text(m.title), date(m.held_on), text(m.location), text(m.host),
           stored_value(kb, kMeetingNote, m.id.value()), notes.of(m)});
  // Each date a document gives the meeting, announced or reported, and on what basis.
  out.section(
      "dates",
      {{"held_on"}, {"attested_as"}, secondary_column("basis"), {"note"}, CitationNotes::column()});
  for (const auto& d : stored_rows(kb, kMeetingDates, {m.id.value()}))
    out.row({d[1], d[2], d[3], d[4], notes.of("meeting_date", std::get<std::int64_t>(d[0]))});
  out.section("attendees", {{"person"},
                            key_column("person_key"),
                            {"role"},
                            {"post"},
                            key_column("post_key"),
                            {"acting", ColumnType::boolean},
                            {"organisation"},
                            key_column("organisation_key"),
                            {"attested_as"},
                            CitationNotes::column()});
  for (const Attendance& a : kb.meetings().attendance(m.id))
    out.row({text(a.person), key_of(kb, "person", a.person_id.value()), text(a.role), text(a.post),
             a.post_id ? key_of(kb, "post", a.post_id->value()) : Value(), boolean(a.acting),
             text(a.organisation),
             a.organisation_id ? key_of(kb, "organisation", a.organisation_id->value()) : Value(),
             text(a.attested_as), notes.of(a)});
  out.section("organisations", {{"organisation"},
                                key_column("organisation_key"),
                                {"role"},
                                {"attested_as"},
                                CitationNotes::column()});
  for (const MeetingOrganisation& o : kb.meetings().organisations(m.id))
    out.row({text(o.organisation),
             o.organisation_id ? key_of(kb, "organisation", o.organisation_id->value()) : Value(),
             text(o.role), text(o.attested_as), notes.of(o)});
  out.section(
      "topics",
      {{"topic"}, {"theme"}, key_column("theme_key"), {"attested_as"}, CitationNotes::column()});
  for (const Topic& t : kb.meetings().topics(m.id))
    out.row({text(t.label), text(t.theme),
             t.theme_id ? key_of(kb, "theme", t.theme_id->value()) : Value(), text(t.attested_as),
             notes.of(t)});
  // What the documents say of the meeting's series (how often it meets, how many so far, ...).
  if (m.series) {
    out.section("series", {{"attribute"},
                           {"value"},
                           {"as_of"},
                           secondary_column("basis"),
                           {"note"},
                           CitationNotes::column()});
    for (const auto& f : stored_rows(kb, kSeriesFacts, {*m.series}))
      out.row(
          {f[1], f[2], f[3], f[4], f[5], notes.of("series_fact", std::get<std::int64_t>(f[0]))});
  }
}

void write_person(const KnowledgeBase& kb, const Person& p, Writer& out, CitationNotes& notes) {
  out.section("person",
              {{"key"}, {"name"}, {"honorific"}, {"aliases"}, {"note"}, CitationNotes::column()},
              Shape::record);
  out.row({text(kb.key_of("person", p.id.value())), text(p.name), text(p.honorific),
           p.aliases.empty() ? Value() : text(join(p.aliases)),
           stored_value(kb, kPersonNote, p.id.value()), notes.of(p)});
  out.section("posts", {{"post"},
                        key_column("post_key"),
                        {"organisation"},
                        key_column("organisation_key"),
                        {"acting", ColumnType::boolean},
                        {"start_date"},
                        {"end_date"},
                        secondary_column("attested_from"),
                        secondary_column("attested_to"),
                        CitationNotes::column()});
  for (const Tenure& t : kb.people().tenures(p.id))
    out.row({text(t.post), key_of(kb, "post", t.post_id.value()), text(t.organisation),
             t.organisation_id ? key_of(kb, "organisation", t.organisation_id->value()) : Value(),
             boolean(t.acting), date(t.start_date), date(t.end_date), date(t.attested_from),
             date(t.attested_to), notes.of(t)});
  out.section("meetings", {{"held_on"},
                           {"meeting"},
                           key_column("meeting_key"),
                           {"role"},
                           {"post"},
                           key_column("post_key"),
                           {"organisation"},
                           key_column("organisation_key"),
                           {"attested_as"},
                           CitationNotes::column()});
  for (const Attendance& a : kb.people().attendance(p.id))
    out.row({date(a.held_on), text(a.meeting), key_of(kb, "meeting", a.meeting_id.value()),
             text(a.role), text(a.post),
             a.post_id ? key_of(kb, "post", a.post_id->value()) : Value(), text(a.organisation),
             a.organisation_id ? key_of(kb, "organisation", a.organisation_id->value()) : Value(),
             text(a.attested_as), notes.of(a)});
  out.section("statements", {{"said_on"}, {"kind"}, {"text"}, CitationNotes::column()});
  for (const Statement& s : kb.people().statements(p.id))
    out.row({date(s.said_on), text(s.kind), text(s.text), notes.of(s)});
}

void write_organisation(const KnowledgeBase& kb, const Organisation& o,
                        const std::optional<PartialDate>& on, Writer& out, CitationNotes& notes) {
  // On a date, the answer follows the lineage: who stood for the organisation then (itself, its
  // successor after a renaming, its predecessor before one), under which name and parent.
  std::optional<OrganisationOnDate> then;
  if (on) then = kb.organisations().on(o.id, *on);
  std::optional<std::string> parent = o.parent_short_name;
  if (then) parent = then->parent ? std::optional(then->parent->short_name) : std::nullopt;
  out.section("organisation",
              {{"key"},
               {"short_name"},
               {"name"},
               {"kind"},
               {"on"},
               {"standing"},
               {"as"},
               {"name_on"},
               {"name_basis"},
               {"parent"},
               {"lineage_basis"},
               {"explanation"},
               {"note"},
               CitationNotes::column()},
              Shape::record);
  out.row({text(kb.key_of("organisation", o.id.value())), text(o.short_name), text(o.name),
           text(o.kind), on ? text(on->to_string()) : Value(),
           then ? text(then->standing) : Value(),
           then && then->as ? text(then->as->short_name) : Value(),
           then && then->name ? text(then->name->name) : Value(),
           then && then->name ? text(name_basis(*then->name, *on)) : Value(), text(parent),
           then && !then->through.empty() ? text(then->basis) : Value(),
           then && !then->explanation.empty() ? text(then->explanation) : Value(),
           stored_value(kb, kOrganisationNote, o.id.value()), notes.of(o)});

  out.section("names", {{"name"},
                        secondary_column("language"),
                        {"attested_on"},
                        {"valid_from"},
                        {"valid_to"},
                        {"general_knowledge", ColumnType::boolean, false, true},
                        secondary_column("basis"),
                        {"note"},
                        CitationNotes::column()});
  for (const OrganisationName& n : kb.organisations().names(o.id)) {
    auto basis = stored_rows(kb, kOrganisationNameBasis, {n.id.value()});
    out.row({text(n.name), text(n.language), date(n.attested_on), date(n.valid_from),
             date(n.valid_to), boolean(n.general_knowledge), basis.empty() ? Value() : basis[0][0],
             basis.empty() ? Value() : basis[0][1], notes.of(n)});
  }

  out.section("lineage", {{"event"},
                          {"from"},
                          key_column("from_key"),
                          {"to"},
                          key_column("to_key"),
                          {"occurred_on"},
                          {"general_knowledge", ColumnType::boolean, false, true},
                          secondary_column("basis"),
                          {"note"},
                          CitationNotes::column()});
  for (const OrganisationEvent& e : kb.organisations().lineage(o.id))
    out.row({text(e.event), text(e.from_short_name),
             e.from_id ? key_of(kb, "organisation", e.from_id->value()) : Value(),
             text(e.to_short_name),
             e.to_id ? key_of(kb, "organisation", e.to_id->value()) : Value(), date(e.occurred_on),
             boolean(e.general_knowledge), stored_value(kb, kOrganisationEventBasis, e.id.value()),
             text(e.note), notes.of(e)});

  // Every parent link with its dates, basis and note (the parent on a date is in the record).
  out.section("parents", {{"parent"},
                          key_column("parent_key"),
                          {"valid_from"},
                          {"valid_to"},
                          secondary_column("basis"),
                          {"note"},
                          CitationNotes::column()});
  for (const auto& p : stored_rows(kb, kOrganisationParents, {o.short_name}))
    out.row({p[1],
             std::holds_alternative<std::int64_t>(p[6])
                 ? key_of(kb, "organisation", std::get<std::int64_t>(p[6]))
                 : Value(),
             p[2], p[3], p[4], p[5],
             notes.of("organisation_parent", std::get<std::int64_t>(p[0]))});

  // On a date: the agreements whose party rows stand for this organisation then (its own, or a
  // predecessor's continued under a new name), with how each stood; else every party row.
  out.section("agreements",
              joined<Column>(
                  {{{"agreement"}, key_column("agreement_key"), {"party"}, key_column("party_key")},
                   party_standing_columns(),
                   {CitationNotes::column()}}));
  for (const Agreement& a : kb.agreements().all()) {
    if (on) {
      for (const PartyOnDate& p : kb.agreements().parties_on(a.id, *on)) {
        bool mine = p.party.organisation_id == o.id ||
                    (p.standing.as && p.standing.as->id == o.id) ||
                    (then && then->as && p.party.organisation_id == then->as->id);
        if (!mine) continue;
        out.row(joined<Value>(
            {{text(a.name), key_of(kb, "agreement", a.id.value()), text(p.party.organisation),
              key_of(kb, "organisation", p.party.organisation_id.value())},
             party_standing_values(p),
             {notes.of(p.party)}}));
      }
      continue;
    }
    for (const AgreementParty& p : kb.agreements().parties(a.id))
      if (p.organisation_id == o.id)
        out.row({text(a.name), key_of(kb, "agreement", a.id.value()), text(p.organisation),
                 key_of(kb, "organisation", p.organisation_id.value()), date(p.since), text(p.how),
                 Value(), Value(), Value(), notes.of(p)});
  }

  out.section("meetings", {{"held_on"},
                           {"meeting"},
                           key_column("meeting_key"),
                           {"role"},
                           {"attested_as"},
                           CitationNotes::column()});
  // One at a time: an office of a generated database takes part in most of 10^5 meetings.
  kb.meetings().each_of_organisation(o.id, [&](const MeetingOrganisation& mo) {
    std::optional<Meeting> m = kb.meetings().find(mo.meeting_id);
    if (!m || (on && m->held_on && !(*m->held_on <= *on || on->covers(*m->held_on)))) return;
    out.row({date(m->held_on), text(m->title), key_of(kb, "meeting", m->id.value()), text(mo.role),
             text(mo.attested_as), notes.of(mo)});
  });

  out.section("funding", funding_columns());
  for (const Funding& f : kb.funding().all())
    if (f.funder == o.short_name || f.recipient == o.short_name)
      out.row(funding_values(kb, f, notes));
}

void write_agreement(const KnowledgeBase& kb, const Agreement& a, Writer& out,
                     CitationNotes& notes) {
  out.section("agreement",
              {{"key"},
               {"name"},
               {"kind"},
               {"concluded_on"},
               {"in_force_from"},
               {"first_dated_on"},
               {"first_dated_event"},
               {"purpose"},
               CitationNotes::column()},
              Shape::record);
  out.row({text(kb.key_of("agreement", a.id.value())), text(a.name), text(a.kind),
           date(a.concluded_on), date(a.in_force_from), date(a.first_dated_on),
           text(a.first_dated_event), text(a.purpose), notes.of(a)});
  view_section(kb, out, notes, "names",
               "SELECT agreement_name_id, name FROM v_agreement_name WHERE agreement = ?1 "
               "ORDER BY agreement_name_id",
               {a.name});
  out.section(
      "dates",
      {{"event"}, {"on_date"}, secondary_column("basis"), {"note"}, CitationNotes::column()});
  for (const AgreementDate& d : kb.agreements().dates(a.id))
    out.row({text(d.event), date(d.on_date), text(d.basis), text(d.note), notes.of(d)});
  out.section(
      "parties",
      {{"organisation"}, {"organisation_key"}, {"since"}, {"how"}, CitationNotes::column()});
  for (const AgreementParty& p : kb.agreements().parties(a.id))
    out.row({text(p.organisation), text(kb.key_of("organisation", p.organisation_id.value())),
             date(p.since), text(p.how), notes.of(p)});
  out.section("signatories", {{"person"},
                              {"person_key"},
                              {"organisation"},
                              {"organisation_key"},
                              CitationNotes::column()});
  for (const Signatory& s : kb.agreements().signatories(a.id))
    out.row(
        {text(s.person), text(kb.key_of("person", s.person_id.value())), text(s.organisation),
         s.organisation_id ? text(kb.key_of("organisation", s.organisation_id->value())) : Value(),
         notes.of(s)});
  view_section(kb, out, notes, "relations",
               "SELECT agreement_relation_id, relation, other_agreement, basis, note "
               "FROM v_agreement_relation WHERE agreement = ?1 ORDER BY agreement_relation_id",
               {a.name}, "agreement_relation", Shape::table, {"basis"});
}

// The record kinds read wholly from their documented views: the record row by id, then its
// parts.
void write_source(const KnowledgeBase& kb, std::int64_t id, Writer& out, CitationNotes& notes) {
  view_section(kb, out, notes, "source",
               "SELECT key, title, publisher, published, url, file_name, language, sha256 "
               "FROM v_source WHERE source_id = ?1",
               {id}, {}, Shape::record);
  view_section(kb, out, notes, "citations",
               "SELECT c.citation_id AS citation, c.subject_type, "
               "(SELECT key FROM record_key k WHERE k.kind = c.subject_type AND k.row_id = "
               "c.subject_id) AS subject_key, c.subject_id, c.start_offset, c.end_offset, c.quote "
               "FROM v_citation c WHERE c.source_id = ?1 ORDER BY c.start_offset, c.citation_id",
               {id});
}

void write_theme(const KnowledgeBase& kb, std::int64_t id, Writer& out, CitationNotes& notes) {
  view_section(kb, out, notes, "theme",
               "SELECT key, name, description FROM v_theme WHERE theme_id = ?1", {id}, {},
               Shape::record);
  view_section(kb, out, notes, "topics",
               "SELECT t.topic_id, t.held_on, t.series, t.sequence_no, m.key AS meeting_key, "
               "t.topic, t.attested_as FROM v_meeting_topic t JOIN v_meeting m USING (meeting_id) "
               "WHERE t.theme = (SELECT name FROM theme WHERE theme_id = ?1) "
               "ORDER BY t.held_on, t.topic_id",
               {id}, "topic");
}

void write_publication(const KnowledgeBase& kb, std::int64_t id, Writer& out,
                       CitationNotes& notes) {
  view_section(kb, out, notes, "publication",
               "SELECT publication_id, key, title, publisher, published_on, kind, addressee, "
               "series, edition, summary FROM v_publication WHERE publication_id = ?1",
               {id}, "publication", Shape::record);
}

void write_policy_framework(const KnowledgeBase& kb, std::int64_t id, Writer& out,
                            CitationNotes& notes) {
  view_section(kb, out, notes, "policy_framework",
               "SELECT policy_framework_id, key, name, short_name, owner, adopted_on "
               "FROM v_policy_framework WHERE policy_framework_id = ?1",
               {id}, "policy_framework", Shape::record);
  view_section(kb, out, notes, "parts",
               "SELECT p.framework_part_id, p.position, p.kind, p.label FROM framework_part p "
               "WHERE p.policy_framework_id = ?1 ORDER BY p.position",
               {id}, "framework_part");
}

void write_post(const KnowledgeBase& kb, std::int64_t id, Writer& out, CitationNotes& notes) {
  view_section(kb, out, notes, "post",
               "SELECT post_id, key, title, organisation FROM v_post WHERE post_id = ?1", {id},
               "post", Shape::record);
  view_section(kb, out, notes, "holders",
               "SELECT h.tenure_id, h.person, p.key AS person_key, h.start_date, h.end_date, "
               "h.acting, h.attested_from, h.attested_to FROM v_post_holder h "
               "JOIN v_person p USING (person_id) WHERE h.post_id = ?1 "
               "ORDER BY coalesce(h.start_date, h.attested_from), h.tenure_id",
               {id}, "tenure");
}

bool write_series(const KnowledgeBase& kb, const std::string& code, Writer& out,
                  CitationNotes& notes) {
  if (stored_rows(kb, "SELECT 1 FROM meeting_series WHERE series = ?1", {code}).empty())
    return false;
  view_section(kb, out, notes, "series",
               "SELECT lower(series) AS key, series, name FROM meeting_series WHERE series = ?1",
               {code}, {}, Shape::record);
  view_section(kb, out, notes, "names",
               "SELECT name FROM meeting_series_name WHERE series = ?1 ORDER BY name", {code});
  view_section(kb, out, notes, "facts",
               "SELECT series_fact_id, attribute, value, as_of, basis, note FROM v_series_fact "
               "WHERE series = ?1 ORDER BY series_fact_id",
               {code}, "series_fact", Shape::table, {"basis"});
  view_section(kb, out, notes, "meetings",
               "SELECT meeting_id, key, sequence_no, title, held_on, location, host FROM v_meeting "
               "WHERE series = ?1 ORDER BY sequence_no IS NULL, sequence_no, held_on",
               {code}, "meeting");
  return true;
}

bool write_by_id(const KnowledgeBase& kb, std::string_view kind, std::int64_t id, Writer& out,
                 const RecordOptions& options, CitationNotes& notes) {
  if (kind == "meeting") {
    auto m = kb.meetings().find(MeetingId(id));
    if (!m) return false;
    write_meeting(kb, *m, out, notes);
  } else if (kind == "person") {
    auto p = kb.people().find(PersonId(id));
    if (!p) return false;
    write_person(kb, *p, out, notes);
  } else if (kind == "organisation") {
    auto o = kb.organisations().find(OrganisationId(id));
    if (!o) return false;
    write_organisation(kb, *o, options.on, out, notes);
  } else if (kind == "agreement") {
    auto a = kb.agreements().find(AgreementId(id));
    if (!a) return false;
    write_agreement(kb, *a, out, notes);
  } else {
    static const std::vector<std::pair<std::string_view, std::string_view>> kTables = {
        {"source", "SELECT 1 FROM source WHERE source_id = ?1"},
        {"theme", "SELECT 1 FROM theme WHERE theme_id = ?1"},
        {"publication", "SELECT 1 FROM publication WHERE publication_id = ?1"},
        {"policy_framework", "SELECT 1 FROM policy_framework WHERE policy_framework_id = ?1"},
        {"post", "SELECT 1 FROM post WHERE post_id = ?1"}};
    auto table = std::find_if(kTables.begin(), kTables.end(),
                              [&](const auto& entry) { return entry.first == kind; });
    if (table == kTables.end()) {
      std::string kinds;
      for (const std::string& k : record_kinds()) kinds += (kinds.empty() ? "" : ", ") + k;
      throw UsageError("'" + std::string(kind) + "' is not a kind of record; kinds: " + kinds);
    }
    if (stored_rows(kb, table->second, {id}).empty()) return false;
    if (kind == "source") write_source(kb, id, out, notes);
    if (kind == "theme") write_theme(kb, id, out, notes);
    if (kind == "publication") write_publication(kb, id, out, notes);
    if (kind == "policy_framework") write_policy_framework(kb, id, out, notes);
    if (kind == "post") write_post(kb, id, out, notes);
  }
  if (options.cite) notes.write(out);
  return true;
}

}  // namespace

// A section read from a documented view: its columns are the statement's, the first being the
// row id of `cited_kind` when that is not empty (its citations go in a last "cited" column).
void view_section(const KnowledgeBase& kb, Writer& out, CitationNotes& notes, std::string_view name,
                  std::string_view sql, std::vector<SqlValue> parameters,
                  std::string_view cited_kind, Shape shape,
                  const std::vector<std::string_view>& secondary) {
  SqlOptions options;
  options.parameters = std::move(parameters);
  kb.run_sql(
      sql, options,
      [&](const std::vector<std::string>& names) {
        std::vector<Column> columns;
        columns.reserve(names.size() + 1);
        for (const std::string& n : names)
          columns.push_back({n, ColumnType::text, false,
                             std::find(secondary.begin(), secondary.end(), n) != secondary.end()});
        if (!cited_kind.empty()) columns.push_back(CitationNotes::column());
        out.section(name, std::move(columns), shape);
      },
      [&](const std::vector<SqlValue>& values) {
        std::vector<Value> row(values.begin(), values.end());
        if (!cited_kind.empty()) {
          const auto* id = std::get_if<std::int64_t>(&values.front());
          row.push_back(id ? notes.of(cited_kind, *id) : Value());
        }
        out.row(row);
      });
}

std::vector<std::string> record_kinds() {
  return {"meeting",     "person",           "organisation", "agreement", "source",     "theme",
          "publication", "policy_framework", "post",         "series",    "series_fact"};
}

bool write_record(const KnowledgeBase& kb, std::string_view kind, std::int64_t id, Writer& out,
                  const RecordOptions& options) {
  if (kind == "series") throw UsageError("a series is named by its key (som, hou), not an id");
  CitationNotes notes(kb);
  return write_by_id(kb, kind, id, out, options, notes);
}

bool write_record(const KnowledgeBase& kb, std::string_view kind, std::string_view key, Writer& out,
                  const RecordOptions& options) {
  auto kinds = record_kinds();
  if (std::find(kinds.begin(), kinds.end(), kind) == kinds.end())
    return write_record(kb, kind, std::int64_t{0}, out, options);  // throws the UsageError
  CitationNotes notes(kb);
  if (kind == "series") {
    std::string code = lower(key);
    for (char& c : code) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (!write_series(kb, code, out, notes)) return false;
    if (options.cite) notes.write(out);
    return true;
  }
  auto rows = stored_rows(kb, "SELECT row_id FROM record_key WHERE kind = ?1 AND key = ?2",
                          {std::string(kind), std::string(key)});
  if (rows.empty()) return false;
  return write_by_id(kb, kind, std::get<std::int64_t>(rows[0][0]), out, options, notes);
}

std::vector<Column> funding_columns() {
  return joined<Column>({{{"funder"}, {"funder_key"}, {"recipient"}, {"recipient_key"}},
                         {{"period_start"},
                          {"period_end"},
                          {"amount", ColumnType::integer, false, true},
                          secondary_column("currency"),
                          secondary_column("bound"),
                          {"stated"},
                          {"measure"},
                          CitationNotes::column()}});
}

std::vector<Value> funding_values(const KnowledgeBase& kb, const Funding& f, CitationNotes& notes) {
  return joined<Value>(
      {{text(f.funder), text(kb.key_of("organisation", f.funder_id.value())), text(f.recipient),
        text(kb.key_of("organisation", f.recipient_id.value()))},
       {date(f.period_start), date(f.period_end), integer(f.amount), text(f.currency),
        text(f.bound), f.amount ? text(amount_text(*f.amount, f.currency, f.bound)) : Value(),
        text(f.measure), notes.of(f)}});
}

std::vector<std::string> kinds_of_key(const KnowledgeBase& kb, std::string_view key) {
  std::vector<std::string> found;
  auto rows = stored_rows(kb, "SELECT kind FROM record_key WHERE key = ?1", {std::string(key)});
  std::string code = lower(key);
  for (const std::string& kind : record_kinds()) {
    if (kind == "series") {
      if (!stored_rows(kb, "SELECT 1 FROM meeting_series WHERE lower(series) = ?1", {code}).empty())
        found.push_back(kind);
      continue;
    }
    for (const auto& r : rows)
      if (std::get<std::string>(r[0]) == kind) found.push_back(kind);
  }
  return found;
}

}  // namespace euiomkb::cli
