#include "verify/verify.hpp"

#include <sqlite3.h>

#include <array>
#include <cstdint>
#include <optional>
#include <regex>
#include <string>
#include <unordered_map>
#include <utility>

#include "euiomkb/knowledge_base.hpp"
#include "kinds/record_kinds.hpp"
#include "sqlite/impl.hpp"
#include "text/text.hpp"

namespace euiomkb::detail {
namespace {

// The per-kind checks are written from the record-kind table (lib/kinds/record_kinds.cpp), once.
// Kind, table and column names come from that table, never from input.
//
// Every check has two forms: over the whole database (KnowledgeBase::verify()) and over what an
// import touched (VerificationScope). Their SQL is one text with the rows it starts from left
// open: {citations} is the citations checked (alias c), {sources} the sources whose dates the
// support rules read (alias s). The scoped form reads the TEMP tables scope_tables() fills.
enum class Form { whole, scoped };

std::string replaced(std::string sql, std::string_view name, std::string_view with) {
  for (std::size_t at = sql.find(name); at != std::string::npos; at = sql.find(name, at)) {
    sql.replace(at, name.size(), with);
    at += with.size();
  }
  return sql;
}

// `sql` with its {citations} and {sources} filled in for `form`.
std::string in_form(std::string_view sql, Form form) {
  bool whole = form == Form::whole;
  std::string out = replaced(std::string(sql), "{citations}",
                             whole ? "citation c"
                                   : "temp.verify_citation v "
                                     "CROSS JOIN citation c ON c.citation_id = v.citation_id");
  return replaced(
      std::move(out), "{sources}",
      whole ? "source s"
            : "source s WHERE s.source_id IN (SELECT c.source_id FROM "
              "temp.verify_citation v CROSS JOIN citation c ON c.citation_id = v.citation_id)");
}

// The two forms of one check's SQL, written once; `of(form)` is stable for the program's life
// (Connection::prepare caches by the text's address).
struct Forms {
  std::string whole, scoped;
  explicit Forms(std::string_view sql)
      : whole(in_form(sql, Form::whole)), scoped(in_form(sql, Form::scoped)) {}
  Forms(std::string w, std::string sc) : whole(std::move(w)), scoped(std::move(sc)) {}
  const std::string& of(Form form) const { return form == Form::whole ? whole : scoped; }
};

// Citations whose subject row does not exist.
const Forms& dangling_sql() {
  static const Forms sql = [] {
    std::string cases;
    for (const KindSpec& k : record_kinds()) {
      cases += "    WHEN '" + std::string(k.kind) + "' THEN EXISTS (SELECT 1 FROM " +
               std::string(k.kind) + " WHERE " + std::string(k.id_column) + " = c.subject_id)\n";
    }
    return Forms(
        "SELECT c.citation_id, c.subject_type, c.subject_id FROM {citations}\n"
        " WHERE NOT CASE c.subject_type\n" +
        cases + "    ELSE 0 END");
  }();
  return sql;
}

// Rows of cited kinds without a citation (general-knowledge rows excepted): every row, or the
// rows of the scope (temp.verify_row).
const Forms& uncited_sql() {
  static const Forms sql = [] {
    std::string whole, scoped;
    for (const KindSpec& k : record_kinds()) {
      if (!k.cited) continue;
      std::string kind(k.kind), id(k.id_column);
      std::string test = " WHERE NOT EXISTS (SELECT 1 FROM citation WHERE subject_type = '" + kind +
                         "' AND subject_id = x." + id + ")";
      if (k.has_basis()) test += " AND basis <> 'general_knowledge'";
      if (!whole.empty()) whole += "UNION ALL\n", scoped += "UNION ALL\n";
      whole += "SELECT '" + kind + "', " + id + " FROM " + kind + " x" + test + "\n";
      scoped += "SELECT '" + kind + "', x." + id + " FROM temp.verify_row r CROSS JOIN " + kind +
                " x ON x." + id + " = r.id AND r.kind = '" + kind + "'" + test + "\n";
    }
    return Forms(std::move(whole), std::move(scoped));
  }();
  return sql;
}

// How many rows of cited kinds there are (in the scope: how many rows of any kind it holds).
const Forms& fact_rows_sql() {
  static const Forms sql = [] {
    std::string out;
    for (const KindSpec& k : record_kinds()) {
      if (!k.cited) continue;
      out += out.empty() ? "SELECT sum(n) FROM (\n" : "UNION ALL\n";
      out += "SELECT count(*) AS n FROM " + std::string(k.kind) + "\n";
    }
    return Forms(out + ")", "SELECT count(*) FROM temp.verify_row");
  }();
  return sql;
}

// The citations checked, grouped by source (so that one source's text is read at a time).
const Forms& citations_sql() {
  static const Forms sql(R"sql(
SELECT c.citation_id, c.subject_type, c.subject_id, c.source_id, c.quote, c.start_offset,
       c.end_offset, c.note
  FROM {citations} ORDER BY c.source_id, c.citation_id
)sql");
  return sql;
}

// Conflicting claims must have exactly one preferred value per subject and attribute: every
// group, or the groups of the claims in the scope.
const Forms& claim_groups_sql() {
  static const Forms sql(R"sql(
SELECT subject, attribute, sum(preferred) FROM claim
 GROUP BY subject_type, subject_id, attribute HAVING sum(preferred) <> 1
)sql",
                         R"sql(
SELECT cl.subject, cl.attribute, sum(cl.preferred)
  FROM (SELECT DISTINCT g.subject_type, g.subject_id, g.attribute FROM temp.verify_row r
          CROSS JOIN claim g ON g.claim_id = r.id WHERE r.kind = 'claim') scoped
  CROSS JOIN claim cl ON cl.subject_type = scoped.subject_type AND cl.subject_id = scoped.subject_id
               AND cl.attribute = scoped.attribute
 GROUP BY cl.subject_type, cl.subject_id, cl.attribute HAVING sum(cl.preferred) <> 1
)sql");
  return sql;
}

// Runs `sql` and hands each result row to `row`.
template <class Row>
void for_each_row(Connection& connection, std::string_view sql, Row&& row) {
  with_statement(connection, sql, [&](Statement& statement) {
    while (statement.executeStep()) row(statement);
  });
}

std::string column(SQLite::Statement& s, int index) { return s.getColumn(index).getString(); }

}  // namespace

// --- Support: does the cited passage back its row? -------------------------------------------

namespace {

// What a row is about, for the names-subject rule: an entity whose names a passage may use, and
// the SQL giving that entity's id (or, for `text`, the words themselves) from the row's id.
enum class Entity { person, organisation, agreement, meeting, series, framework, text, claim };

struct Subject {
  Entity entity;
  std::string_view sql;  // one parameter: the row's id; one column (two for claim)
};

// The subjects of each cited kind; a passage names the row's subject when it names any of them.
const std::vector<Subject>* subjects_of(std::string_view kind) {
  using E = Entity;
  static const std::unordered_map<std::string_view, std::vector<Subject>> kSubjects = {
      {"organisation",
       {{E::organisation, "SELECT organisation_id FROM organisation WHERE organisation_id = ?"}}},
      {"organisation_name",
       {{E::organisation,
         "SELECT organisation_id FROM organisation_name WHERE organisation_name_id = ?"}}},
      {"organisation_parent",
       {{E::organisation,
         "SELECT organisation_id FROM organisation_parent WHERE organisation_parent_id = ?"}}},
      {"organisation_event",
       {{E::organisation,
         "SELECT to_organisation_id FROM organisation_event WHERE organisation_event_id = ?"},
        {E::organisation,
         "SELECT from_organisation_id FROM organisation_event WHERE organisation_event_id = ?"}}},
      {"person", {{E::person, "SELECT person_id FROM person WHERE person_id = ?"}}},
      {"person_alias",
       {{E::person, "SELECT person_id FROM person_alias WHERE person_alias_id = ?"}}},
      {"post", {{E::text, "SELECT title FROM post WHERE post_id = ?"}}},
      {"tenure", {{E::person, "SELECT person_id FROM tenure WHERE tenure_id = ?"}}},
      {"meeting", {{E::meeting, "SELECT meeting_id FROM meeting WHERE meeting_id = ?"}}},
      {"meeting_date",
       {{E::meeting, "SELECT meeting_id FROM meeting_date WHERE meeting_date_id = ?"}}},
      {"meeting_organisation",
       {{E::organisation,
         "SELECT organisation_id FROM meeting_organisation WHERE meeting_organisation_id = ?"}}},
      {"attendance", {{E::person, "SELECT person_id FROM attendance WHERE attendance_id = ?"}}},
      {"topic",
       {{E::text, "SELECT label FROM topic WHERE topic_id = ?"},
        {E::meeting, "SELECT meeting_id FROM topic WHERE topic_id = ?"}}},
      {"agreement", {{E::agreement, "SELECT agreement_id FROM agreement WHERE agreement_id = ?"}}},
      {"agreement_name",
       {{E::agreement, "SELECT agreement_id FROM agreement_name WHERE agreement_name_id = ?"}}},
      {"agreement_date",
       {{E::agreement, "SELECT agreement_id FROM agreement_date WHERE agreement_date_id = ?"}}},
      {"agreement_relation",
       {{E::agreement,
         "SELECT agreement_id FROM agreement_relation WHERE agreement_relation_id = ?"}}},
      {"agreement_party",
       {{E::organisation,
         "SELECT organisation_id FROM agreement_party WHERE agreement_party_id = ?"}}},
      {"agreement_signatory",
       {{E::person, "SELECT person_id FROM agreement_signatory WHERE agreement_signatory_id = ?"}}},
      {"funding",
       {{E::organisation, "SELECT funder_organisation_id FROM funding WHERE funding_id = ?"},
        {E::organisation, "SELECT recipient_organisation_id FROM funding WHERE funding_id = ?"}}},
      {"publication",
       {{E::text, "SELECT title FROM publication WHERE publication_id = ?"},
        {E::text, "SELECT series FROM publication WHERE publication_id = ?"}}},
      {"policy_framework",
       {{E::framework,
         "SELECT policy_framework_id FROM policy_framework WHERE policy_framework_id = ?"}}},
      {"framework_part",
       {{E::text, "SELECT label FROM framework_part WHERE framework_part_id = ?"}}},
      {"statement", {{E::person, "SELECT person_id FROM statement WHERE statement_id = ?"}}},
      {"contact",
       {{E::person, "SELECT person_id FROM contact WHERE contact_id = ?"},
        {E::organisation, "SELECT organisation_id FROM contact WHERE contact_id = ?"}}},
      {"series_fact", {{E::series, "SELECT series FROM series_fact WHERE series_fact_id = ?"}}},
      {"claim", {{E::claim, "SELECT subject_type, subject_id FROM claim WHERE claim_id = ?"}}},
  };
  auto found = kSubjects.find(kind);
  return found == kSubjects.end() ? nullptr : &found->second;
}

constexpr std::string_view kPersonNames = R"sql(
SELECT name FROM person WHERE person_id = ?1
UNION ALL SELECT alias FROM person_alias WHERE person_id = ?1
)sql";
constexpr std::string_view kOrganisationNames = R"sql(
SELECT short_name FROM organisation WHERE organisation_id = ?1
UNION ALL SELECT name FROM organisation WHERE organisation_id = ?1
UNION ALL SELECT name FROM organisation_name WHERE organisation_id = ?1
)sql";
constexpr std::string_view kAgreementNames = R"sql(
SELECT name FROM agreement WHERE agreement_id = ?1
UNION ALL SELECT name FROM agreement_name WHERE agreement_id = ?1
)sql";
constexpr std::string_view kFrameworkNames = R"sql(
SELECT name FROM policy_framework WHERE policy_framework_id = ?1
UNION ALL SELECT short_name FROM policy_framework WHERE policy_framework_id = ?1
)sql";
constexpr std::string_view kSeriesNames = R"sql(
SELECT name FROM meeting_series WHERE series = ?1
UNION ALL SELECT name FROM meeting_series_name WHERE series = ?1
)sql";
constexpr std::string_view kMeeting =
    "SELECT sequence_no, title, held_on FROM meeting WHERE meeting_id = ?";

constexpr std::array<std::string_view, 12> kMonths = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};
constexpr std::array<std::string_view, 20> kOrdinals = {
    "first",     "second",    "third",       "fourth",     "fifth",      "sixth",      "seventh",
    "eighth",    "ninth",     "tenth",       "eleventh",   "twelfth",    "thirteenth", "fourteenth",
    "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth"};

// "1st", "2nd", "3rd", "11th", ...
std::string numeric_ordinal(std::int64_t n) {
  std::string_view suffix = "th";
  if (n % 100 < 11 || n % 100 > 13) {
    if (n % 10 == 1) suffix = "st";
    if (n % 10 == 2) suffix = "nd";
    if (n % 10 == 3) suffix = "rd";
  }
  return std::to_string(n) + std::string(suffix);
}

// The ways documents name a meeting: its title, its ordinal in words or figures, its date
// ("3 May", "03 May", "May 3", "05/2013", "Jan 2014"), and "today" in a document of its day.
void meeting_names(Connection& connection, std::int64_t meeting_id,
                   const std::optional<std::string>& published, std::vector<std::string>& out) {
  with_statement(connection, kMeeting, [&](Statement& s) {
    s.bind(1, meeting_id);
    if (!s.executeStep()) return;
    out.push_back(s.getColumn(1).getString());
    if (!s.getColumn(0).isNull()) {
      std::int64_t n = s.getColumn(0).getInt64();
      if (n >= 1 && n <= static_cast<std::int64_t>(kOrdinals.size()))
        out.emplace_back(kOrdinals[static_cast<std::size_t>(n - 1)]);
      out.push_back(numeric_ordinal(n));
    }
    if (!s.getColumn(2).isNull()) {
      std::string held = s.getColumn(2).getString();
      if (published && *published == held) out.emplace_back("today");
      if (held.size() >= 7) {
        int month = std::stoi(held.substr(5, 2));
        std::string name(kMonths[static_cast<std::size_t>(month - 1)]);
        std::string year = held.substr(0, 4);
        out.push_back(name + " " + year);
        out.push_back(name.substr(0, 3) + " " + year);
        out.push_back(held.substr(5, 2) + "/" + year);
        if (held.size() == 10) {
          std::string day = held.substr(8, 2);
          std::string short_day = day[0] == '0' ? day.substr(1) : day;
          for (const std::string& d : {day, short_day}) {
            out.push_back(d + " " + name);
            out.push_back(name + " " + d);
          }
        }
      }
    }
  });
}

// The names of entities already read by one run of the checks, by query and entity: nothing
// changes the database while the checks run, and a person or an organisation is the subject
// of many citations. Emptied when full, so that its memory stays bounded.
class NamesCache {
 public:
  // The cached names of `id` by the query `sql`, read by `read` the first time.
  template <class Read>
  const std::vector<std::string>& of(std::string_view sql, const SQLite::Column& id, Read&& read) {
    // The query's address names it (kPersonNames, ...); the id is an integer or a series.
    key_ = std::to_string(reinterpret_cast<std::uintptr_t>(sql.data()));
    if (id.isInteger())
      key_ += ":i" + std::to_string(id.getInt64());
    else
      key_ += ":s" + id.getString();
    auto found = names_.find(key_);
    if (found != names_.end()) return found->second;
    if (names_.size() >= kMaxEntities) names_.clear();
    std::vector<std::string> names;
    read(names);
    return names_.emplace(key_, std::move(names)).first->second;
  }

 private:
  static constexpr std::size_t kMaxEntities = 4096;
  std::unordered_map<std::string, std::vector<std::string>> names_;
  std::string key_;
};

void names_from(Connection& connection, std::string_view sql, const SQLite::Column& id,
                std::vector<std::string>& out, NamesCache& cache) {
  const std::vector<std::string>& names = cache.of(sql, id, [&](std::vector<std::string>& read) {
    with_statement(connection, sql, [&](Statement& s) {
      if (id.isInteger())
        s.bind(1, id.getInt64());
      else
        s.bind(1, id.getString());
      while (s.executeStep())
        if (!s.getColumn(0).isNull()) read.push_back(s.getColumn(0).getString());
    });
  });
  out.insert(out.end(), names.begin(), names.end());
}

// Every name by which a passage may name the subject of row `id` of `kind`.
void subject_names(Connection& connection, std::string_view kind, std::int64_t id,
                   const std::optional<std::string>& published, std::vector<std::string>& out,
                   NamesCache& cache, int depth = 0) {
  const std::vector<Subject>* subjects = subjects_of(kind);
  if (!subjects || depth > 1) return;
  for (const Subject& subject : *subjects) {
    // A claim's subject, named after its statement is reset (the same SQL may serve it).
    std::optional<std::pair<std::string, std::int64_t>> claimed;
    with_statement(connection, subject.sql, [&](Statement& s) {
      s.bind(1, id);
      if (!s.executeStep() || s.getColumn(0).isNull()) return;
      SQLite::Column value = s.getColumn(0);
      switch (subject.entity) {
        case Entity::person:
          names_from(connection, kPersonNames, value, out, cache);
          break;
        case Entity::organisation:
          names_from(connection, kOrganisationNames, value, out, cache);
          break;
        case Entity::agreement:
          names_from(connection, kAgreementNames, value, out, cache);
          break;
        case Entity::framework:
          names_from(connection, kFrameworkNames, value, out, cache);
          break;
        case Entity::series:
          names_from(connection, kSeriesNames, value, out, cache);
          break;
        case Entity::meeting:
          meeting_names(connection, value.getInt64(), published, out);
          break;
        case Entity::text:
          out.push_back(value.getString());
          break;
        case Entity::claim:
          claimed.emplace(value.getString(), s.getColumn(1).getInt64());
          break;
      }
    });
    if (claimed)
      subject_names(connection, claimed->first, claimed->second, published, out, cache, depth + 1);
  }
}

// Folded text is lower-case ASCII letters and digits apart from punctuation (quotation marks,
// dashes), which fold_name leaves as they are: only ASCII letters and digits make words.
bool word_byte(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z'); }

// True when folded `name` appears in folded `passage` as whole words, or followed by the "s" of
// a possessive (fold_name drops the apostrophe: "DG MENA’s" folds to "dg menas").
bool names_in(std::string_view passage, std::string_view name) {
  if (name.empty()) return false;
  for (std::size_t at = passage.find(name); at != std::string_view::npos;
       at = passage.find(name, at + 1)) {
    std::size_t end = at + name.size();
    if (end < passage.size() && passage[end] == 's') ++end;
    if ((at == 0 || !word_byte(passage[at - 1])) &&
        (end == passage.size() || !word_byte(passage[end])))
      return true;
  }
  return false;
}

// The quotation as one passage for matching: its parts joined by a space, folded as names are.
std::string folded_passage(std::string quote) {
  constexpr std::string_view kJoin = " … ";
  for (std::size_t at = quote.find(kJoin); at != std::string::npos; at = quote.find(kJoin, at))
    quote.replace(at, kJoin.size(), " ");
  return fold_name(quote);
}

// Citations backing that an event happened from a source written before the event (the day
// after the whole period is still before the event's first day). A source was written by its
// published date, or, undated, by the date of a meeting it announces ahead (the FAQ announces
// the first SOM of 3 May 2013). A topic or an organisation at a meeting is one row for all the
// documents citing it, 'reported' when one of them reports it (migration 0013): its citations
// fail only when none of them comes from a source that can report the meeting. Columns:
// citation_id, subject_type, subject_id, file_name, quote, event date, the date the source was
// written by.
// An undated source was written by the earliest meeting it announces; `+ac.subject_type` keeps
// the planner on citation_source (that source's citations), not on every meeting date's citation.
const Forms& published_before_event_sql() {
  static const Forms sql(R"sql(
WITH cited (citation_id, subject_type, subject_id, source_id, quote, happened_on, shared) AS (
  SELECT c.citation_id, c.subject_type, c.subject_id, c.source_id, c.quote,
         CASE c.subject_type
           WHEN 'attendance' THEN
             (SELECT m.held_on FROM attendance a JOIN meeting m ON m.meeting_id = a.meeting_id
               WHERE a.attendance_id = c.subject_id AND a.attested_as = 'reported')
           WHEN 'meeting_date' THEN
             (SELECT d.held_on FROM meeting_date d
               WHERE d.meeting_date_id = c.subject_id AND d.attested_as = 'reported')
           WHEN 'meeting_organisation' THEN
             (SELECT m.held_on FROM meeting_organisation mo
                JOIN meeting m ON m.meeting_id = mo.meeting_id
               WHERE mo.meeting_organisation_id = c.subject_id
                 AND (mo.attested_as = 'reported' OR mo.role IN ('host', 'joined')))
           WHEN 'topic' THEN
             (SELECT m.held_on FROM topic t JOIN meeting m ON m.meeting_id = t.meeting_id
               WHERE t.topic_id = c.subject_id AND t.attested_as = 'reported')
           WHEN 'statement' THEN
             (SELECT said_on FROM statement WHERE statement_id = c.subject_id)
           WHEN 'agreement_party' THEN
             (SELECT since FROM agreement_party WHERE agreement_party_id = c.subject_id)
           WHEN 'agreement_date' THEN
             (SELECT on_date FROM agreement_date WHERE agreement_date_id = c.subject_id)
         END,
         c.subject_type IN ('meeting_organisation', 'topic')
    FROM {citations}
),
written (source_id, file_name, written_by) AS (
  SELECT s.source_id, s.file_name,
         coalesce(s.published,
                  (SELECT min(d.held_on) FROM citation ac
                     JOIN meeting_date d ON d.meeting_date_id = ac.subject_id
                    WHERE +ac.subject_type = 'meeting_date' AND ac.source_id = s.source_id
                      AND d.attested_as = 'announced'))
    FROM {sources}
)
SELECT e.citation_id, e.subject_type, e.subject_id, w.file_name, e.quote, e.happened_on,
       w.written_by
  FROM cited e
  JOIN written w ON w.source_id = e.source_id
 WHERE w.written_by IS NOT NULL AND e.happened_on IS NOT NULL
   AND w.written_by || '~' < e.happened_on
   AND (e.shared = 0
        OR NOT EXISTS (SELECT 1 FROM citation o JOIN written ow ON ow.source_id = o.source_id
                        WHERE o.subject_type = e.subject_type AND o.subject_id = e.subject_id
                          AND (ow.written_by IS NULL OR ow.written_by || '~' >= e.happened_on)))
 ORDER BY e.citation_id
)sql");
  return sql;
}

// Citations of what happened at a meeting from a source that does not cite that meeting.
// Columns: citation_id, subject_type, subject_id, file_name, quote, meeting title.
const Forms& describes_meeting_sql() {
  static const Forms sql(R"sql(
WITH cited (citation_id, subject_type, subject_id, source_id, quote, meeting_id) AS (
  SELECT c.citation_id, c.subject_type, c.subject_id, c.source_id, c.quote,
         CASE c.subject_type
           WHEN 'attendance' THEN
             (SELECT meeting_id FROM attendance WHERE attendance_id = c.subject_id)
           WHEN 'meeting_organisation' THEN
             (SELECT meeting_id FROM meeting_organisation
               WHERE meeting_organisation_id = c.subject_id)
           WHEN 'topic' THEN (SELECT meeting_id FROM topic WHERE topic_id = c.subject_id)
           WHEN 'meeting_date' THEN
             (SELECT meeting_id FROM meeting_date WHERE meeting_date_id = c.subject_id)
           WHEN 'statement' THEN
             (SELECT meeting_id FROM statement WHERE statement_id = c.subject_id)
         END
    FROM {citations}
)
SELECT e.citation_id, e.subject_type, e.subject_id, s.file_name, e.quote, m.title
  FROM cited e
  JOIN source s ON s.source_id = e.source_id
  JOIN meeting m ON m.meeting_id = e.meeting_id
 WHERE NOT EXISTS (SELECT 1 FROM citation mc WHERE mc.subject_type = 'meeting'
                      AND mc.subject_id = e.meeting_id AND mc.source_id = e.source_id)
 ORDER BY e.citation_id
)sql");
  return sql;
}

// --- The search index: FTS5's own integrity check ---------------------------------------------

// The FTS5 tables of the database, with the SQL that declared them. PRAGMA integrity_check of
// SQLite 3.40 checks their shadow tables as b-trees but never reads the index inside them.
constexpr std::string_view kSearchTables = R"sql(
SELECT name, sql FROM sqlite_schema
 WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%USING fts5%' ORDER BY name
)sql";
constexpr std::string_view kTableExists =
    "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?";

// The shadow tables FTS5 keeps for a table named T: T_data, T_idx, ... (those of its options
// that the table uses exist: no T_content for a contentless table, no T_docsize with
// columnsize=0).
constexpr std::array<std::string_view, 5> kShadowTables = {"_data", "_idx", "_content", "_docsize",
                                                           "_config"};

// The temporary copy a read-only check works on, and the savepoint that takes it away.
constexpr std::string_view kCopy = "euiomkb_search_check";
constexpr std::string_view kSavepoint = "SAVEPOINT euiomkb_search_check";
constexpr std::string_view kUndo = "ROLLBACK TO euiomkb_search_check; RELEASE euiomkb_search_check";

// `name` as an SQL identifier (table names cannot be bound as values).
std::string identifier(std::string_view name) {
  std::string out = "\"";
  for (char c : name) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

bool table_exists(Connection& connection, const std::string& name) {
  return first_row(
             connection, kTableExists, [&](Statement& s) { s.bind(1, name); },
             [](Statement&) { return true; })
      .has_value();
}

// Runs FTS5's 'integrity-check' command on FTS5 table `name` (declared by `sql`): the index
// decoded whole and compared with the table's content, tokenized again. Returns SQLite's
// message when the check fails, std::nullopt when it passes. The command is an INSERT in form,
// so it needs a write transaction on the table's database. A connection that holds one (an
// import verifying before its commit) runs it in place. Any other (a read-only connection, or
// one that reads) copies the table's shadow tables byte for byte into an FTS5 table of the same
// declaration in the TEMP database, which even a read-only connection writes, and checks that:
// the same bytes, the same check, no lock beyond the read the other checks take. A savepoint
// around it takes the copy away again. Throws for failures other than a damaged index (I/O,
// memory, an interrupt).
std::optional<std::string> search_index_failure(Connection& connection, const std::string& name,
                                                const std::string& sql) {
  sqlite3* db = connection.db().getHandle();
  bool writing = sqlite3_txn_state(db, "main") == SQLITE_TXN_WRITE;
  std::string table = identifier(name);
  std::string copy(kCopy);
  connection.exec(kSavepoint);
  std::optional<std::string> failure;
  try {
    if (writing) {
      connection.exec("INSERT INTO main." + table + " (" + table +
                      ", rank) VALUES ('integrity-check', 1)");
    } else {
      static const std::regex kUsing(
          R"(^\s*CREATE\s+VIRTUAL\s+TABLE\s[\s\S]*?\sUSING\s+(fts5\s*\([\s\S]*\))\s*$)",
          std::regex::icase);
      std::smatch declaration;
      if (!std::regex_match(sql, declaration, kUsing))
        throw SQLite::Exception("cannot read its declaration: " + sql, SQLITE_ERROR);
      connection.exec("CREATE VIRTUAL TABLE temp." + copy + " USING " + declaration[1].str());
      for (std::string_view suffix : kShadowTables) {
        std::string shadow = name + std::string(suffix);
        if (!table_exists(connection, shadow)) continue;
        std::string into = identifier(copy + std::string(suffix));
        connection.exec("DELETE FROM temp." + into + "; INSERT INTO temp." + into +
                        " SELECT * FROM main." + identifier(shadow));
      }
      connection.exec("INSERT INTO temp." + copy + " (" + copy +
                      ", rank) VALUES ('integrity-check', 1)");
    }
  } catch (const SQLite::Exception& e) {
    int code = e.getErrorCode() & 0xFF;
    if (code != SQLITE_CORRUPT && code != SQLITE_ERROR) throw;
    failure = e.what();
  }
  // A failed statement leaves the transaction open (only the statement is undone).
  if (sqlite3_get_autocommit(db) == 0) connection.exec(kUndo);
  return failure;
}

}  // namespace

bool has_subject_rule(std::string_view kind) { return subjects_of(kind) != nullptr; }

// The checks of verify_database(), in the order it runs them (verification_checks()); each
// rule it reports is one of these.
constexpr VerificationCheck kChecks[] = {
    {"integrity"},
    {"search-index"},
    {"foreign-key"},
    {"source-hash"},
    {"quotation", VerificationCheck::Counts::citations},
    {"names-subject", VerificationCheck::Counts::citations},
    {"published-before-event"},
    {"describes-meeting"},
    {"dangling-citation", VerificationCheck::Counts::citations},
    {"uncited", VerificationCheck::Counts::rows},
    {"claim-preferred"},
};

// --- The scope of an import (VerificationScope) -------------------------------------------

namespace {

// The tables whose new rows an import's checks cover: every record kind's, and citation.
struct MarkedTable {
  std::string table, id_column, largest, new_rows;
};

const std::vector<MarkedTable>& marked_tables() {
  static const std::vector<MarkedTable> tables = [] {
    std::vector<MarkedTable> out;
    auto add = [&](std::string table, std::string id, std::string new_rows) {
      std::string largest = "SELECT coalesce(max(" + id + "), 0) FROM " + table;
      out.push_back({std::move(table), std::move(id), std::move(largest), std::move(new_rows)});
    };
    for (const KindSpec& k : record_kinds()) {
      std::string kind(k.kind), id(k.id_column);
      add(kind, id,
          "INSERT INTO temp.verify_row SELECT '" + kind + "', " + id + " FROM " + kind + " WHERE " +
              id + " > ?");
    }
    add("citation", "citation_id",
        "INSERT OR IGNORE INTO temp.verify_citation SELECT citation_id FROM citation "
        "WHERE citation_id > ?");
    return out;
  }();
  return tables;
}

constexpr std::string_view kScopeTables = R"sql(
CREATE TEMP TABLE IF NOT EXISTS verify_row (
  kind TEXT NOT NULL, id INTEGER NOT NULL, PRIMARY KEY (kind, id)) WITHOUT ROWID;
CREATE TEMP TABLE IF NOT EXISTS verify_citation (citation_id INTEGER PRIMARY KEY);
CREATE TEMP TABLE IF NOT EXISTS verify_source (source_id INTEGER PRIMARY KEY);
DELETE FROM temp.verify_row;
DELETE FROM temp.verify_citation;
DELETE FROM temp.verify_source;
)sql";
constexpr std::string_view kEmptyScope = R"sql(
DELETE FROM temp.verify_row;
DELETE FROM temp.verify_citation;
DELETE FROM temp.verify_source;
)sql";
constexpr std::string_view kTouchRow = "INSERT OR IGNORE INTO temp.verify_row VALUES (?, ?)";
constexpr std::string_view kTouchCitation = "INSERT OR IGNORE INTO temp.verify_citation VALUES (?)";
constexpr std::string_view kNewSources =
    "INSERT INTO temp.verify_source SELECT source_id FROM source WHERE source_id > ?";
// The citations of the rows in the scope.
constexpr std::string_view kCitationsOfRows = R"sql(
INSERT OR IGNORE INTO temp.verify_citation
SELECT c.citation_id FROM temp.verify_row r
  CROSS JOIN citation c ON c.subject_type = r.kind AND c.subject_id = r.id
)sql";
// Every citation from a source that backs a meeting date in the scope (the date may be what
// dates the source: published-before-event). Each such source's citations are read once, not
// once per meeting date it backs.
constexpr std::string_view kCitationsOfDatingSources = R"sql(
INSERT OR IGNORE INTO temp.verify_citation
SELECT o.citation_id FROM citation o
 WHERE o.source_id IN (SELECT c.source_id FROM temp.verify_citation v
                         CROSS JOIN citation c ON c.citation_id = v.citation_id
                        WHERE c.subject_type = 'meeting_date')
)sql";
// Every other citation of a row a citation in the scope backs (the shared rows' rule).
constexpr std::string_view kCitationsOfSameRows = R"sql(
INSERT OR IGNORE INTO temp.verify_citation
SELECT o.citation_id FROM temp.verify_citation v
  CROSS JOIN citation c ON c.citation_id = v.citation_id
  CROSS JOIN citation o ON o.subject_type = c.subject_type AND o.subject_id = c.subject_id
)sql";

void exec_bound(Connection& connection, std::string_view sql, std::int64_t value) {
  execute(connection, sql, [&](Statement& statement) { statement.bind(1, value); });
}

}  // namespace

std::string_view scope_tables_sql() { return kScopeTables; }

VerificationScope VerificationScope::mark(Connection& connection) {
  VerificationScope scope;
  for (const MarkedTable& t : marked_tables()) {
    std::int64_t largest = first_row(connection, t.largest, kNoBinding, [](Statement& s) {
                             return s.getColumn(0).getInt64();
                           }).value_or(0);
    scope.marks_.emplace_back(t.table, largest);
  }
  return scope;
}

// Fills the TEMP tables the scoped checks read (verify_row, verify_citation, verify_source)
// for a scope, and empties them again when it goes.
class ScopeTables {
 public:
  ScopeTables(Connection& connection, const VerificationScope& scope)
      : connection_(connection), scope_(scope) {
    connection.exec(kScopeTables);
    const auto& tables = marked_tables();
    for (std::size_t i = 0; i < tables.size(); ++i) {
      exec_bound(connection, tables[i].new_rows, scope.marks_[i].second);
      if (tables[i].table == "source") {
        source_mark_ = scope.marks_[i].second;
        exec_bound(connection, kNewSources, source_mark_);
      }
    }
    for (const auto& touched : scope.touched_) {
      if (touched.first == "citation") {
        exec_bound(connection, kTouchCitation, touched.second);
        continue;
      }
      execute(connection, kTouchRow, [&](Statement& touch) {
        touch.bind(1, touched.first);
        touch.bind(2, touched.second);
      });
    }
    for (std::string_view sql : {kCitationsOfRows, kCitationsOfDatingSources, kCitationsOfSameRows})
      execute(connection, sql, kNoBinding);
  }
  ~ScopeTables() {
    try {
      connection_.exec(kEmptyScope);
    } catch (...) {  // the tables go with the transaction if it is rolled back
    }
  }
  ScopeTables(const ScopeTables&) = delete;
  ScopeTables& operator=(const ScopeTables&) = delete;

  // True when the source's hash is in the scope (it is new).
  bool hashes(std::int64_t source_id) const { return source_id > source_mark_; }
  bool removed() const { return scope_.removed_; }

 private:
  Connection& connection_;
  const VerificationScope& scope_;
  std::int64_t source_mark_ = 0;  // the scope's mark of table source
};

namespace {

// Sources in the form's hash scope that no checked citation cites (the others are hashed as
// their citations are checked). Scoped: each source's own citations are looked up among the
// checked ones (citation_source, then a key lookup each), not every checked citation scanned
// once per source.
const Forms& uncited_sources_sql() {
  static const Forms sql(
      "SELECT s.source_id, s.file_name, s.text, s.sha256 FROM source s\n"
      " WHERE NOT EXISTS (SELECT 1 FROM citation c WHERE c.source_id = s.source_id)",
      "SELECT s.source_id, s.file_name, s.text, s.sha256 FROM temp.verify_source vs\n"
      "  CROSS JOIN source s ON s.source_id = vs.source_id\n"
      " WHERE NOT EXISTS (SELECT 1 FROM citation c\n"
      "                    WHERE c.source_id = s.source_id\n"
      "                      AND EXISTS (SELECT 1 FROM temp.verify_citation v\n"
      "                                   WHERE v.citation_id = c.citation_id))");
  return sql;
}
const Forms& citation_count_sql() {
  static const Forms sql("SELECT count(*) FROM citation",
                         "SELECT count(*) FROM temp.verify_citation");
  return sql;
}
constexpr std::string_view kSourceText =
    "SELECT file_name, text, published, sha256 FROM source WHERE source_id = ?";

}  // namespace

VerificationReport verify_database(Connection& connection, const VerificationScope* scope,
                                   const VerifyProgress& progress) {
  std::optional<ScopeTables> tables;
  if (scope) tables.emplace(connection, *scope);
  Form form = scope ? Form::scoped : Form::whole;
  VerificationReport report;
  auto fail = [&](VerificationFailure failure) {
    report.problems.push_back(failure.message);
    report.failures.push_back(std::move(failure));
  };
  auto general = [&](std::string rule, std::string message) {
    VerificationFailure failure;
    failure.rule = std::move(rule);
    failure.message = std::move(message);
    fail(std::move(failure));
  };
  auto of_row = [&](std::string rule, std::string type, std::int64_t id, std::string message) {
    VerificationFailure failure;
    failure.rule = std::move(rule);
    failure.subject_type = std::move(type);
    failure.subject_id = id;
    failure.message = std::move(message);
    fail(std::move(failure));
  };
  auto of_citation = [&](std::string rule, std::int64_t citation, std::string type, std::int64_t id,
                         std::string source, std::string quote, std::string message) {
    fail({std::move(rule), CitationId(citation), std::move(type), id, std::move(source),
          std::move(quote), std::move(message)});
  };

  if (!scope) {
    for_each_row(connection, "PRAGMA integrity_check", [&](auto& s) {
      if (column(s, 0) != "ok") general("integrity", "integrity_check: " + column(s, 0));
    });
    // FTS5's own check, table by table (read first: the check itself changes sqlite_schema of
    // TEMP, not of main, but the list is read whole before any of it runs).
    std::vector<std::pair<std::string, std::string>> search_tables;
    for_each_row(connection, kSearchTables,
                 [&](auto& s) { search_tables.emplace_back(column(s, 0), column(s, 1)); });
    for (const auto& [name, sql] : search_tables) {
      if (auto failure = search_index_failure(connection, name, sql))
        general("search-index", "search index " + name +
                                    " is damaged (FTS5 integrity-check: " + *failure +
                                    "): search may miss or misreport records; restore the file "
                                    "from a backup or rebuild it");
    }
  }
  if (!scope || tables->removed()) {
    for_each_row(connection, "PRAGMA foreign_key_check", [&](auto& s) {
      of_row("foreign-key", column(s, 0), s.getColumn(1).getInt64(),
             "foreign_key_check: " + column(s, 0) + " row " + column(s, 1) +
                 " refers to a missing " + column(s, 2));
    });
  }

  // One source in memory at a time: the citations come grouped by source; each source's text
  // is read when its first citation comes, hashed (when its hash is in the form's scope), and
  // its citations are checked against it. The hash failures are reported before the citations'.
  std::vector<VerificationFailure> hash_failures;
  auto check_hash = [&](std::int64_t source_id, const std::string& file_name,
                        const std::string& text, const std::string& sha256) {
    if (tables && !tables->hashes(source_id)) return;
    if (sha256_hex(text) != sha256) {
      VerificationFailure failure;
      failure.rule = "source-hash";
      failure.message = "source " + file_name + ": SHA-256 mismatch";
      hash_failures.push_back(std::move(failure));
    }
  };
  std::int64_t total = 0;
  if (progress) {
    for_each_row(connection, citation_count_sql().of(form),
                 [&](auto& s) { total = s.getColumn(0).getInt64(); });
  }
  std::vector<VerificationFailure> citation_failures;  // reported after the hashes'
  struct Source {
    std::int64_t id = 0;
    bool found = false;
    std::string file_name;
    std::string text;
    std::optional<CodePointIndex> code_points;  // of `text`: each citation's span found fast
    std::optional<std::string> published;
  } source;
  std::vector<std::string> names;
  NamesCache names_cache;
  auto of_cited = [&](std::string rule, std::int64_t citation, std::string type, std::int64_t id,
                      std::string quote, std::string message) {
    citation_failures.push_back({std::move(rule), CitationId(citation), std::move(type), id,
                                 source.file_name, std::move(quote), std::move(message)});
  };
  for_each_row(connection, citations_sql().of(form), [&](auto& s) {
    std::int64_t source_id = s.getColumn(3).getInt64();
    if (report.citations_checked == 0 || source_id != source.id) {
      if (progress && report.citations_checked > 0) progress(report.citations_checked, total);
      with_statement(connection, kSourceText, [&](Statement& read) {
        read.bind(1, source_id);
        source.id = source_id;
        source.found = read.executeStep();
        if (source.found) {
          source.file_name = column(read, 0);
          source.text = column(read, 1);
          source.code_points.emplace(source.text);
          source.published =
              read.getColumn(2).isNull() ? std::nullopt : std::optional(column(read, 2));
          check_hash(source_id, source.file_name, source.text, column(read, 3));
        }
      });
    }
    ++report.citations_checked;
    if (!source.found) return;  // reported by foreign_key_check
    std::int64_t citation = s.getColumn(0).getInt64();
    std::string type = column(s, 1);
    std::int64_t id = s.getColumn(2).getInt64();
    std::string quote = column(s, 4);
    std::string where = "citation " + column(s, 0) + " (" + type + " " + column(s, 2) + ")";
    if (!span_matches_quote(*source.code_points, s.getColumn(5).getInt64(),
                            s.getColumn(6).getInt64(), quote)) {
      of_cited(
          "quotation", citation, type, id, quote,
          where + ": quotation not found in " + source.file_name + " at its offsets: " + quote);
      return;
    }
    // names-subject: a note, where present, says why the passage supports the row anyway.
    if (!s.getColumn(7).isNull() && !column(s, 7).empty()) return;
    names.clear();
    subject_names(connection, type, id, source.published, names, names_cache);
    if (names.empty()) return;  // a kind without a subject rule, or a dangling citation
    std::string passage = folded_passage(quote);
    for (const std::string& name : names)
      if (names_in(passage, fold_name(name))) return;
    of_cited("names-subject", citation, type, id, quote,
             where + ": the passage names none of " + names.front() +
                 (names.size() > 1 ? " (or " + std::to_string(names.size() - 1) + " other names)"
                                   : std::string()) +
                 " and the citation has no note: " + quote);
  });
  if (progress && report.citations_checked > 0) progress(report.citations_checked, total);
  source = {};
  for_each_row(connection, uncited_sources_sql().of(form), [&](auto& s) {
    check_hash(s.getColumn(0).getInt64(), column(s, 1), column(s, 2), column(s, 3));
  });
  for (VerificationFailure& failure : hash_failures) fail(std::move(failure));
  for (VerificationFailure& failure : citation_failures) fail(std::move(failure));

  for_each_row(connection, published_before_event_sql().of(form), [&](auto& s) {
    of_citation("published-before-event", s.getColumn(0).getInt64(), column(s, 1),
                s.getColumn(2).getInt64(), column(s, 3), column(s, 4),
                "citation " + column(s, 0) + " (" + column(s, 1) + " " + column(s, 2) +
                    "): " + column(s, 3) + " was written by " + column(s, 6) + ", before " +
                    column(s, 5) + ", and can only announce, not report, what happened then");
  });
  for_each_row(connection, describes_meeting_sql().of(form), [&](auto& s) {
    of_citation("describes-meeting", s.getColumn(0).getInt64(), column(s, 1),
                s.getColumn(2).getInt64(), column(s, 3), column(s, 4),
                "citation " + column(s, 0) + " (" + column(s, 1) + " " + column(s, 2) +
                    "): " + column(s, 3) + " does not describe the meeting (" + column(s, 5) +
                    "): it cites no passage for that meeting");
  });

  for_each_row(connection, dangling_sql().of(form), [&](auto& s) {
    VerificationFailure failure{
        "dangling-citation",
        CitationId(s.getColumn(0).getInt64()),
        column(s, 1),
        s.getColumn(2).getInt64(),
        "",
        "",
        "citation " + column(s, 0) + " cites a missing " + column(s, 1) + " " + column(s, 2)};
    fail(std::move(failure));
  });
  for_each_row(connection, uncited_sql().of(form), [&](auto& s) {
    of_row("uncited", column(s, 0), s.getColumn(1).getInt64(),
           column(s, 0) + " " + column(s, 1) + " has no citation");
  });
  for_each_row(connection, claim_groups_sql().of(form), [&](auto& s) {
    general("claim-preferred", "claim on " + column(s, 0) + " / " + column(s, 1) + " has " +
                                   column(s, 2) + " preferred values instead of one");
  });
  for_each_row(connection, fact_rows_sql().of(form),
               [&](auto& s) { report.rows_checked = s.getColumn(0).getInt64(); });
  return report;
}

}  // namespace euiomkb::detail

namespace euiomkb {

VerificationReport KnowledgeBase::verify() const { return verify({}); }

VerificationReport KnowledgeBase::verify(
    const std::function<void(std::int64_t done, std::int64_t total)>& progress) const {
  return detail::guarded(impl_->connection, [&] {
    return detail::verify_database(impl_->connection, nullptr, progress);
  });
}

std::span<const VerificationCheck> verification_checks() noexcept { return detail::kChecks; }

}  // namespace euiomkb
