// The knowledge base: one SQLite database file (or an in-memory database) holding the
// EU-IOM Strategic Cooperation Framework facts, each backed by citations of its sources.
//
// Thread safety: a KnowledgeBase and the repositories taken from it belong to one thread at a
// time. Open one KnowledgeBase per thread for concurrent readers.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <istream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "euiomkb/error.hpp"
#include "euiomkb/id.hpp"
#include "euiomkb/import.hpp"
#include "euiomkb/partial_date.hpp"
#include "euiomkb/records.hpp"

namespace euiomkb {

namespace detail {
struct Impl;
}

// One fact file to import: `name` is what error messages call it (usually its path).
struct FactFile {
  std::string name;
  std::string text;
};

// Supplies the text of a source document named by a `source` record's `file:` field;
// std::nullopt when there is no such document.
using DocumentProvider = std::function<std::optional<std::string>(const std::string& file_name)>;

// One fact file read as a stream, record by record: `name` is what error messages call it.
// The stream must outlive the import call.
struct FactStream {
  std::string name;
  std::istream* stream;
};

// Where an import spent its time: reading and parsing the text, checking fields, resolving
// keys and locating quotations, and executing the INSERTs (search upkeep included).
struct ImportTimings {
  std::chrono::nanoseconds parse{0};
  std::chrono::nanoseconds validate{0};
  std::chrono::nanoseconds insert{0};
};

struct ImportSummary {
  std::int64_t records = 0;
  std::int64_t citations = 0;
  ImportTimings timings;
  // SQL statements the import prepared; bounded by the number of record kinds, whatever the
  // size of the import.
  std::int64_t statements_prepared = 0;
};

class Organisations {
 public:
  explicit Organisations(detail::Impl* impl) : impl_(impl) {}
  std::vector<Organisation> all() const;
  // Every organisation in the order of all(), one at a time: memory does not grow with the
  // table. `visit` may use the knowledge base (nested queries are safe).
  void each(const std::function<void(const Organisation&)>& visit) const;
  std::optional<Organisation> find(OrganisationId id) const;
  // By usual short name ("DG HOME"), ignoring case.
  std::optional<Organisation> by_short_name(std::string_view short_name) const;
  // By the key fact files use ("dg-home").
  std::optional<Organisation> by_key(std::string_view key) const;
  // Every name the organisation went by, oldest attestation first.
  std::vector<OrganisationName> names(OrganisationId id) const;
  // The name in use on `date`: a name whose validity covers the date, else the latest name
  // a document used on or before the date, else the organisation's current name;
  // std::nullopt when there is no such organisation.
  std::optional<std::string> name_on(OrganisationId id, const PartialDate& date) const;
  // The parent on `date` (a parent with unstated bounds counts for every date).
  std::optional<Organisation> parent_on(OrganisationId id, const PartialDate& date) const;
  // Renamings, splits and mergers the organisation took part in, on either side.
  std::vector<OrganisationEvent> lineage(OrganisationId id) const;

 private:
  detail::Impl* impl_;
};

class People {
 public:
  explicit People(detail::Impl* impl) : impl_(impl) {}
  std::vector<Person> all() const;
  // Every person (with aliases) in the order of all(), one at a time.
  void each(const std::function<void(const Person&)>& visit) const;
  std::optional<Person> find(PersonId id) const;
  // By canonical name or any alias a document uses, ignoring case, accents, apostrophe style,
  // dots and runs of spaces: "william l swing", "David O’Sullivan", "claus sorensen".
  std::optional<Person> by_name(std::string_view name) const;
  // By the key fact files use ("william-swing").
  std::optional<Person> by_key(std::string_view key) const;
  // Everyone whose canonical name or one alias holds every word of `words`, in any order,
  // compared as by_name compares ("sorensen" finds Claus Sørensen, "william swing" William
  // Lacy Swing), by name. Reads every name.
  std::vector<Person> matching(std::string_view words) const;
  std::vector<Tenure> tenures(PersonId id) const;
  // Tenures of posts titled `post_title` (e.g. "Director General") in the organisation with
  // short name `organisation` that documents show held on `date`: the date falls between the
  // stated start and end or, where those are unknown, between the first and last attestation
  // (a tenure with a known start and no known end counts as continuing).
  std::vector<Tenure> holders_on(std::string_view post_title, std::string_view organisation,
                                 const PartialDate& date) const;
  // Every meeting the person attended, in date order.
  std::vector<Attendance> attendance(PersonId id) const;
  std::vector<Statement> statements(PersonId id) const;

 private:
  detail::Impl* impl_;
};

class Meetings {
 public:
  explicit Meetings(detail::Impl* impl) : impl_(impl) {}
  // The timeline: every meeting, by date (undated last).
  std::vector<Meeting> all() const;
  // The timeline one meeting at a time, in the order of all(): memory does not grow with it.
  void each(const std::function<void(const Meeting&)>& visit) const;
  // A page of the timeline by key: up to `limit` meetings after the one with id `after` (from
  // the start when std::nullopt), in the order of all(). Pass the last id of a page to get
  // the next; an empty page is the end.
  std::vector<Meeting> page(std::optional<MeetingId> after, int limit) const;
  std::optional<Meeting> find(MeetingId id) const;
  // By series code ("SOM", "HOU") and ordinal.
  std::optional<Meeting> by_sequence(std::string_view series, int sequence_no) const;
  // By the key fact files use ("som-11").
  std::optional<Meeting> by_key(std::string_view key) const;
  // Who attended and for whom.
  std::vector<Attendance> attendance(MeetingId id) const;
  std::vector<MeetingOrganisation> organisations(MeetingId id) const;
  std::vector<Topic> topics(MeetingId id) const;
  std::vector<Theme> themes() const;
  // Topics grouped under the theme named `theme`, across meetings in date order.
  std::vector<Topic> topics_by_theme(std::string_view theme) const;

 private:
  detail::Impl* impl_;
};

class Agreements {
 public:
  explicit Agreements(detail::Impl* impl) : impl_(impl) {}
  std::vector<Agreement> all() const;
  std::optional<Agreement> find(AgreementId id) const;
  std::optional<Agreement> by_name(std::string_view name) const;
  std::vector<AgreementParty> parties(AgreementId id) const;
  // Parties that had joined by `date` (a party whose joining date overlaps `date` counts).
  std::vector<AgreementParty> parties_on(AgreementId id, const PartialDate& date) const;
  std::vector<Signatory> signatories(AgreementId id) const;
  // The EU-IOM Strategic Cooperation Framework (the agreement of kind
  // 'strategic_cooperation_framework'); std::nullopt in a database without one.
  std::optional<Agreement> strategic_cooperation_framework() const;

 private:
  detail::Impl* impl_;
};

class FundingRepository {
 public:
  explicit FundingRepository(detail::Impl* impl) : impl_(impl) {}
  std::vector<Funding> all() const;
  // Funding whose period overlaps [from, to]; open-ended periods count from their start.
  std::vector<Funding> in_period(const PartialDate& from, const PartialDate& to) const;

 private:
  detail::Impl* impl_;
};

class Publications {
 public:
  explicit Publications(detail::Impl* impl) : impl_(impl) {}
  std::vector<Publication> all() const;
  std::vector<PolicyFramework> policy_frameworks() const;

 private:
  detail::Impl* impl_;
};

class Sources {
 public:
  explicit Sources(detail::Impl* impl) : impl_(impl) {}
  std::vector<Source> all() const;
  std::optional<Source> find(SourceId id) const;
  std::optional<Source> by_file_name(std::string_view file_name) const;
  // Every source without its text, by id: cheap however long the documents are.
  std::vector<SourceSummary> list() const;
  // The full text of a source; std::nullopt when there is no such source.
  std::optional<std::string> text(SourceId id) const;

 private:
  detail::Impl* impl_;
};

class KnowledgeBase {
 public:
  enum class Mode { read_only, read_write };
  // What create_seeded does when `path` already exists.
  enum class Existing { refuse, replace };

  // Creates a new database at `path` (":memory:" for an in-memory one), applies every
  // migration and loads the embedded seed; needs no file at run time. The database is built
  // beside `path` and moved into place only when complete, so a failure leaves any existing
  // file untouched. Throws DatabaseError if `path` exists and `existing` is refuse, or if it
  // cannot be written.
  static KnowledgeBase create_seeded(const std::string& path, Existing existing = Existing::refuse);
  // Like create_seeded, but with the schema only.
  static KnowledgeBase create_empty(const std::string& path);
  // Opens an existing database. Throws SchemaError if it was made by a newer version of the
  // library; in read_write mode an older schema is migrated in one transaction, in read_only
  // mode it is refused with SchemaError. Throws DatabaseError if the file cannot be opened.
  //
  // Opening checks first that `path` is an euiomkb database, throwing DatabaseError with its own
  // message for a directory, an empty file, a file that is not SQLite, another application's
  // or an unrelated SQLite database, and a damaged one; SchemaError for a newer one. A database
  // opened read-write runs in WAL mode (readers in other processes keep reading while one
  // process writes) with a busy timeout; pass Journal::rollback for file systems without shared
  // memory (network file systems).
  static KnowledgeBase open(const std::string& path, Mode mode = Mode::read_only);
  enum class Journal { wal, rollback };
  static KnowledgeBase open(const std::string& path, Mode mode, Journal journal);

  KnowledgeBase(KnowledgeBase&&) noexcept;
  KnowledgeBase& operator=(KnowledgeBase&&) noexcept;
  ~KnowledgeBase();

  // The schema version of this database and the newest this library knows.
  int schema_version() const;
  static int latest_schema_version() noexcept;
  // Applies pending migrations in one transaction; a no-op when up to date.
  void migrate();

  // Imports fact files (format: seed/FORMAT.md) in the order given, all or nothing: on any
  // error it throws ImportError naming file, line and field, and the database is unchanged.
  ImportSummary import_facts(const std::vector<FactFile>& files, const DocumentProvider& documents);
  // The same, reading each file from disk (named by its path in errors).
  ImportSummary import_fact_files(const std::vector<std::filesystem::path>& files,
                                  const DocumentProvider& documents);
  // The same, reading streams one record at a time.
  ImportSummary import_fact_streams(const std::vector<FactStream>& files,
                                    const DocumentProvider& documents);

  // Imports users' fact files from disk, all or nothing, in one IMMEDIATE transaction, and
  // reports every problem (up to options.error_limit) instead of throwing at the first: syntax,
  // types, required fields, calendar dates, references (in the file, earlier files or the
  // database), quotations found in their sources, enumerations, size limits, UTF-8, control
  // characters, the database's own constraints (on the line of the field at fault), and
  // verify() of the result. A file whose bytes were imported before is skipped; a file of the
  // same name with other bytes replaces that import's records (ImportedFile::replaced), or is
  // refused, naming them, when records of other imports refer to records it would remove and
  // does not define again. Each imported file is logged (name, SHA-256, time, records by kind,
  // the records it created). Throws DatabaseError only when the database cannot be read or
  // written (read-only, busy beyond the timeout, I/O); the database is then unchanged too.
  ImportReport import_files(const std::vector<std::filesystem::path>& files,
                            const ImportOptions& options = {});

  // Every fact file imported with import_files, oldest first (the seed is not listed), replaced
  // imports included (LoggedImport::replaced_by).
  std::vector<LoggedImport> import_log() const;

  // Keys users can refer to, as `kind key label` rows in kind then key order; `kind` empty for
  // every kind. Throws Error (not DatabaseError) when `kind` is not a kind of keyed record.
  struct Key {
    std::string kind;
    std::string key;
    std::string label;
  };
  std::vector<Key> keys(std::string_view kind = {}) const;

  // Runs every check: SQLite integrity and foreign keys, each citation found in its source at
  // its offsets, no citation of a missing record, every fact row cited, one preferred value
  // per conflicting claim, source hashes, and that each citation supports its row (the support
  // rules of VerificationFailure; seed/FORMAT.md, "Support"). Never throws for a failed check.
  VerificationReport verify() const;

  Counts counts() const;
  // The citations backing a record, e.g. citations_for(meeting) or citations("person", 3).
  std::vector<Citation> citations(std::string_view subject_type, std::int64_t subject_id) const;
  // Every citation in the database, by id, one at a time (for exports).
  void each_citation(const std::function<void(const Citation&)>& visit) const;
  template <class Record>
  std::vector<Citation> citations_for(const Record& record) const {
    return citations(Record::kSubjectType, id_value(record.id));
  }
  // Contact details the documents give (press contacts, office telephone numbers).
  std::vector<Contact> contacts() const;
  // Claims on which documents disagree, preferred first within each subject and attribute.
  std::vector<Claim> conflicting_claims() const;
  // Full-text search (FTS5 syntax, porter stemming, accents ignored), best match first.
  // Throws QueryError when FTS5 cannot parse `query`.
  std::vector<SearchHit> search(std::string_view query, int limit = 20) const;
  // The same with options (limit, offset, kinds, snippet markers). Throws QueryError when
  // FTS5 cannot parse `query` (an unbalanced quote, a bare operator).
  std::vector<SearchHit> search(std::string_view query, const SearchOptions& options) const;
  // Every hit of `query`, best first, one at a time.
  void search_each(std::string_view query,
                   const std::function<void(const SearchHit&)>& visit) const;

  // The key fact files use for the record of kind `subject_type` ("meeting") with id
  // `subject_id`; std::nullopt for a record without one.
  std::optional<std::string> key_of(std::string_view subject_type, std::int64_t subject_id) const;

  // Runs a user's SQL (one or more statements separated by ';'): `columns` receives each
  // statement's column names before its rows reach `row`, one at a time. Refuses writes,
  // ATTACH, DETACH and load_extension unless options.allow_writes (and a read-only knowledge
  // base cannot write whatever the options). Throws QueryError for SQL that does not compile,
  // fails while running or is refused; nothing of a refused statement runs.
  void run_sql(std::string_view sql, const SqlOptions& options,
               const std::function<void(const std::vector<std::string>& names)>& columns,
               const std::function<void(const std::vector<SqlValue>& values)>& row) const;

  // Repositories: cheap handles on this knowledge base. A repository must not outlive the
  // KnowledgeBase it came from (taking one from a temporary does not compile).
  Organisations organisations() const& { return Organisations(impl_.get()); }
  People people() const& { return People(impl_.get()); }
  Meetings meetings() const& { return Meetings(impl_.get()); }
  Agreements agreements() const& { return Agreements(impl_.get()); }
  FundingRepository funding() const& { return FundingRepository(impl_.get()); }
  Publications publications() const& { return Publications(impl_.get()); }
  Sources sources() const& { return Sources(impl_.get()); }
  Organisations organisations() const&& = delete;
  People people() const&& = delete;
  Meetings meetings() const&& = delete;
  Agreements agreements() const&& = delete;
  FundingRepository funding() const&& = delete;
  Publications publications() const&& = delete;
  Sources sources() const&& = delete;

 private:
  explicit KnowledgeBase(std::unique_ptr<detail::Impl> impl);
  template <class Tag>
  static std::int64_t id_value(Id<Tag> id) {
    return id.value();
  }
  static std::int64_t id_value(std::int64_t id) { return id; }
  std::unique_ptr<detail::Impl> impl_;
};

// Log messages the library emits (silent unless a handler is set). The handler receives a
// level name ("debug", "info", "warn", "error") and the message; pass nullptr to silence.
using LogHandler = std::function<void(std::string_view level, std::string_view message)>;
void set_log_handler(LogHandler handler);

}  // namespace euiomkb
