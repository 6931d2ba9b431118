// The knowledge base: one SQLite database file (or an in-memory database) holding the
// EU-IOM Strategic Cooperation Framework facts, each backed by citations of its sources.
// This header holds its lifecycle (create, open, migrate), the calls on the whole database
// and the accessors of the repositories; the records and repositories have a header each.
//
// Thread safety: a KnowledgeBase and the repositories it hands out may be used from one thread
// at a time (they share one SQLite connection and its statement cache; none is locked). Distinct
// KnowledgeBase objects, even on the same file, may be used from different threads or
// processes at once: readers of a file opened read-write (WAL) keep reading while another
// KnowledgeBase imports, and see each import whole or not at all.
//
// Errors: every call may throw DatabaseError when the database cannot be read or written (the
// SQLite extended result code in sqlite_code()); other exceptions are named where they apply.
// "Not found" is never an exception: lookups return std::nullopt.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "euiomkb/agreements.hpp"
#include "euiomkb/api.hpp"
#include "euiomkb/claims.hpp"
#include "euiomkb/error.hpp"
#include "euiomkb/funding.hpp"
#include "euiomkb/id.hpp"
#include "euiomkb/import.hpp"
#include "euiomkb/meetings.hpp"
#include "euiomkb/organisations.hpp"
#include "euiomkb/partial_date.hpp"
#include "euiomkb/people.hpp"
#include "euiomkb/publications.hpp"
#include "euiomkb/search.hpp"
#include "euiomkb/sources.hpp"
#include "euiomkb/sql.hpp"
#include "euiomkb/verification.hpp"

namespace euiomkb {

namespace detail {
struct Impl;
struct Access;
}  // namespace detail

// Row counts of the main tables, as the tour and the closing report print them.
struct Counts {
  std::int64_t sources, organisations, people, meetings, attendances, topics, citations,
      conflicting_claims;
};

class EUIOMKB_API KnowledgeBase {
 public:
  enum class Mode { read_only, read_write };
  // What create_seeded does when `path` already exists.
  enum class Existing { refuse, replace };

  // Creates a new database at `path` (":memory:" for an in-memory one), applies every
  // migration and loads the embedded seed; needs no file at run time. Returns it open
  // read-write. The database is built beside `path` and moved into place only when complete,
  // so a failure leaves any existing file untouched; when `existing` is replace, an existing
  // file is replaced only while no other connection uses it (see replace_file). Files made on
  // disk are in WAL mode. Throws DatabaseError if `path` exists and `existing` is refuse, if it
  // is in use, or if it cannot be written.
  static KnowledgeBase create_seeded(const std::string& path, Existing existing = Existing::refuse);
  // Like create_seeded, but with the schema only (no facts). Throws DatabaseError if the
  // database cannot be created.
  static KnowledgeBase create_empty(const std::string& path);
  // Opens an existing database. Throws SchemaError if it was made by a newer version of the
  // library; in read_write mode an older schema is migrated in one transaction, in read_only
  // mode it is refused with SchemaError saying how to migrate it. Throws DatabaseError, naming
  // the file, if it cannot be opened.
  //
  // Opening judges a file as SQLite does: SQLite opens it first, recovering a write-ahead log
  // or rolling back the journal of an interrupted write, and the file is called damaged only
  // when SQLite reports it corrupt or not a database, or when, with no write-ahead log pending,
  // it is shorter than its header says. Before that, a directory, an empty file, a file that is
  // not SQLite, another application's or an unrelated SQLite database each get their own
  // message. Opening writes nothing unless it migrates: a read-write connection that commits
  // nothing leaves the file byte for byte as it was. The file takes `journal` at its first
  // commit (WAL: readers in other processes keep reading while one process writes; pass
  // Journal::rollback for file systems without shared memory, such as network ones). A
  // read-only open also works on read-only media: a WAL-mode file whose directory cannot be
  // written is read as it is, when no write-ahead log lies beside it.
  enum class Journal { wal, rollback };
  struct OpenOptions {
    Mode mode = Mode::read_only;
    Journal journal = Journal::wal;
    // How long a statement waits for another connection's lock before it fails with a
    // DatabaseError saying the file is busy (SQLITE_BUSY); zero fails at once.
    std::chrono::milliseconds busy_timeout{5000};
    // read_write only: apply pending migrations while opening. false leaves an older schema as
    // it is, for migrate() to apply (the other calls may then fail on missing tables).
    bool migrate = true;
  };
  static KnowledgeBase open(const std::string& path, Mode mode = Mode::read_only);
  static KnowledgeBase open(const std::string& path, Mode mode, Journal journal);
  static KnowledgeBase open(const std::string& path, const OpenOptions& options);

  // Moves the closed, complete database file `replacement` to `path`, replacing the file there
  // in one rename. An existing `path` is first held for this process alone (SQLite's exclusive
  // lock): while any other connection has it open nothing is replaced, and DatabaseError says
  // the file is in use, naming the holding processes where the system tells. The old file's
  // write-ahead log and journal are settled by SQLite, never removed from under another
  // connection. Throws DatabaseError naming the file on any failure; `path` is then untouched.
  static void replace_file(const std::string& path, const std::string& replacement);

  // Moving transfers the database; the moved-from object may only be destroyed or assigned to.
  KnowledgeBase(KnowledgeBase&&) noexcept;
  KnowledgeBase& operator=(KnowledgeBase&&) noexcept;
  // Closes the database (never throws).
  ~KnowledgeBase();

  // The schema version of this database.
  int schema_version() const;
  // The newest schema version this library knows (never throws).
  static int latest_schema_version() noexcept;
  // Applies pending migrations in one transaction; a no-op when up to date. Throws SchemaError
  // if the database is newer than the library or a migration fails, which includes migrating
  // a knowledge base opened read-only; the database then keeps its version.
  void migrate();

  // Imports fact files (format: seed/FORMAT.md): inputs.files, then inputs.texts, then
  // inputs.streams, all or nothing, in one IMMEDIATE transaction, and reports every problem
  // (up to options.error_limit) instead of throwing at the first: syntax, types, required
  // fields, calendar dates, references (in the inputs, earlier inputs or the database),
  // quotations found in their sources, enumerations, size limits, UTF-8, control characters,
  // the database's own constraints (on the line of the field at fault), and verify()'s checks
  // of what the import added or changed, with what those checks depend on (every import runs
  // them, whatever its inputs; a fault elsewhere in the database is left to verify()). A file on
  // disk whose bytes were imported before is skipped; a file of the same name with other bytes
  // replaces that import's records (ImportedFile::replaced), or is refused, naming them, when
  // records of other imports refer to records it would remove and does not define again. Each file
  // on disk is logged (name, SHA-256, place, time, records by kind, the records it created); texts
  // and streams are not. Returns the report (ok() when nothing was rejected). Throws DatabaseError
  // only when the database cannot be read or written (read-only, busy beyond the timeout, I/O); the
  // database is then unchanged too.
  ImportReport import(const ImportInputs& inputs, const ImportOptions& options = {});

  // import() of files on disk.
  ImportReport import_files(const std::vector<std::filesystem::path>& files,
                            const ImportOptions& options = {});

  // import() of texts in memory that throws ImportError (file, line, field) at the first
  // problem, verify() of the result included, instead of reporting; the database is then
  // unchanged. Returns what was imported. Throws DatabaseError as import() does.
  ImportSummary import_facts(const std::vector<FactFile>& files, const DocumentProvider& documents);
  // The same, reading each file from disk as a stream (named by its path in errors;
  // ImportError when a file cannot be opened). Not logged, unlike import_files.
  ImportSummary import_fact_files(const std::vector<std::filesystem::path>& files,
                                  const DocumentProvider& documents);
  // The same, reading streams one record at a time.
  ImportSummary import_fact_streams(const std::vector<FactStream>& files,
                                    const DocumentProvider& documents);

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
  // The same keys one at a time, in the same order: memory does not grow with them. `visit`
  // may use the knowledge base; an exception it throws propagates.
  void each_key(std::string_view kind, const std::function<void(const Key&)>& visit) const;
  // How many keys keys(kind) lists, without reading them. Throws as keys() does.
  std::int64_t key_count(std::string_view kind = {}) const;

  // Runs every check: SQLite integrity and foreign keys, each citation found in its source at
  // its offsets, no citation of a missing record, every fact row cited, one preferred value
  // per conflicting claim, source hashes, and that each citation supports its row (the support
  // rules of VerificationFailure; seed/FORMAT.md, "Support"). Returns what failed; never throws
  // for a failed check.
  VerificationReport verify() const;
  // verify(), calling `progress` as it goes: after each source's citations are checked, with
  // the citations checked so far and how many there are. The sources are read one at a time.
  VerificationReport verify(
      const std::function<void(std::int64_t done, std::int64_t total)>& progress) const;

  // Row counts of the main tables.
  Counts counts() const;
  // The citations backing a record, e.g. citations_for(meeting) or citations("person", 3), by
  // id; empty for an uncited record or a kind with no such record.
  std::vector<Citation> citations(std::string_view subject_type, std::int64_t subject_id) const;
  template <class Tag>
  std::vector<Citation> citations(std::string_view subject_type, Id<Tag> subject_id) const {
    return citations(subject_type, subject_id.value());
  }
  // Every citation in the database, by id, one at a time (for exports). An exception `visit`
  // throws propagates.
  void each_citation(const std::function<void(const Citation&)>& visit) const;
  // One citation by id; std::nullopt when there is none.
  std::optional<Citation> citation(CitationId id) const;
  template <class Record>
  std::vector<Citation> citations_for(const Record& record) const {
    return citations(Record::kSubjectType, id_value(record.id));
  }
  // A citation as a reader needs it (Passage); std::nullopt when there is no such citation.
  std::optional<Passage> passage(CitationId id) const;
  // The passages backing a record, ordered as citations() orders them.
  std::vector<Passage> passages(std::string_view subject_type, std::int64_t subject_id) const;
  template <class Tag>
  std::vector<Passage> passages(std::string_view subject_type, Id<Tag> subject_id) const {
    return passages(subject_type, subject_id.value());
  }
  template <class Record>
  std::vector<Passage> passages_for(const Record& record) const {
    return passages(Record::kSubjectType, id_value(record.id));
  }
  // Contact details the documents give (press contacts, office telephone numbers), by id.
  std::vector<Contact> contacts() const;
  // Claims on which documents disagree, preferred first within each subject and attribute.
  std::vector<Claim> conflicting_claims() const;
  // Full-text search (FTS5 syntax, porter stemming, accents ignored), best match first, at most
  // `limit` hits. Throws QueryError when FTS5 cannot parse `query`.
  std::vector<SearchHit> search(std::string_view query, int limit = 20) const;
  // The same with options (limit, offset, kinds, snippet markers). Throws QueryError when
  // FTS5 cannot parse `query` (an unbalanced quote, a bare operator).
  // Ranks at most SearchOptions::rank_at_most records and as many paragraphs (see there).
  std::vector<SearchHit> search(std::string_view query, const SearchOptions& options) const;
  // The same, saying whether every match was ranked (SearchResults). For a query of one word
  // or phrase its cost does not grow with the number of matches beyond options.rank_at_most;
  // a query of several also reads every match of each, to weigh them as bm25 does.
  SearchResults search_ranked(std::string_view query, const SearchOptions& options) const;
  // Every hit of `query`, best first, one at a time. Throws QueryError as search() does; an
  // exception `visit` throws propagates unchanged.
  void search_each(std::string_view query,
                   const std::function<void(const SearchHit&)>& visit) const;

  // The key fact files use for the record of kind `subject_type` ("meeting") with id
  // `subject_id`; std::nullopt for a record without one.
  std::optional<std::string> key_of(std::string_view subject_type, std::int64_t subject_id) const;

  // Runs a user's SQL (one or more statements separated by ';'): `columns` receives each
  // statement's column names before its rows reach `row`, one at a time. Without
  // options.allow_writes only reads run (SqlOptions says exactly which); fts3_tokenizer() and
  // load_extension() are refused always, and a read-only knowledge base cannot write whatever
  // the options. Throws QueryError for SQL that does not compile, fails while running, is
  // refused (nothing of a refused statement runs), runs past options.time_limit ("stopped: ...
  // time limit") or is stopped by options.interrupt ("interrupted"); DatabaseError naming the
  // file when the file fails (read-only, locked, damaged, full). An exception `row` or
  // `columns` throws propagates unchanged. Whatever happens, the connection is left as it was:
  // a transaction the SQL opened and did not close is rolled back, and the progress handler
  // and authorizer run_sql installs are removed.
  void run_sql(std::string_view sql, const SqlOptions& options,
               const std::function<void(const std::vector<std::string>& names)>& columns,
               const std::function<void(const std::vector<SqlValue>& values)>& row) const;

  // Repositories: cheap handles on this knowledge base (never throw). A repository must not
  // outlive the KnowledgeBase it came from (taking one from a temporary does not compile).
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
  friend struct detail::Access;  // the library's own calls on two databases (diff)
  explicit KnowledgeBase(std::unique_ptr<detail::Impl> impl);
  template <class Tag>
  static std::int64_t id_value(Id<Tag> id) {
    return id.value();
  }
  static std::int64_t id_value(std::int64_t id) { return id; }
  std::unique_ptr<detail::Impl> impl_;
};

}  // namespace euiomkb
