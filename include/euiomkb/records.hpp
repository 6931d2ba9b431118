// Plain records the repositories return. Unknown values are std::nullopt; every record
// carries its id, whose value() matches the id columns of the SQL views, and names its kind
// in kSubjectType so that KnowledgeBase::citations_for() can find what backs it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "euiomkb/id.hpp"
#include "euiomkb/partial_date.hpp"

namespace euiomkb {

struct Source {
  static constexpr const char* kSubjectType = "source";
  SourceId id;
  std::string file_name;
  std::string title;
  std::optional<std::string> publisher;
  std::optional<PartialDate> published;
  std::optional<std::string> url;
  std::string language;
  std::string sha256;
  std::string text;
};

// A source without its text (Sources::list()); Sources::text() gives the text on request.
struct SourceSummary {
  static constexpr const char* kSubjectType = "source";
  SourceId id;
  std::string file_name;
  std::string title;
  std::optional<std::string> publisher;
  std::optional<PartialDate> published;
  std::optional<std::string> url;
  std::string language;
  std::string sha256;
  std::int64_t length;  // of the text, in code points
};

struct Citation {
  CitationId id;
  SourceId source_id;
  std::string file_name;
  std::string quote;
  std::int64_t start_offset;  // in code points of Source::text
  std::int64_t end_offset;    // one past the last code point
};

struct Organisation {
  static constexpr const char* kSubjectType = "organisation";
  OrganisationId id;
  std::string short_name;
  std::string name;
  std::string kind;  // 'directorate_general', 'service', 'international_organisation', ...
  std::optional<std::string> parent_short_name;  // the latest known parent
};

struct OrganisationName {
  static constexpr const char* kSubjectType = "organisation_name";
  std::int64_t id;
  std::string name;
  std::string language;
  std::optional<PartialDate> attested_on;
  std::optional<PartialDate> valid_from;
  std::optional<PartialDate> valid_to;
  bool general_knowledge;  // true when no document states it
};

struct OrganisationEvent {
  static constexpr const char* kSubjectType = "organisation_event";
  std::int64_t id;
  std::string event;  // 'renamed', 'split', 'merged', ...
  std::optional<std::string> from_short_name;
  std::optional<std::string> to_short_name;
  std::optional<PartialDate> occurred_on;
  bool general_knowledge;
  std::optional<std::string> note;
};

struct Person {
  static constexpr const char* kSubjectType = "person";
  PersonId id;
  std::string name;
  std::optional<std::string> honorific;
  std::vector<std::string> aliases;
};

struct Tenure {
  static constexpr const char* kSubjectType = "tenure";
  TenureId id;
  PersonId person_id;
  std::string person;
  PostId post_id;
  std::string post;
  std::optional<std::string> organisation;
  std::optional<PartialDate> start_date;
  std::optional<PartialDate> end_date;
  std::optional<PartialDate> attested_from;
  std::optional<PartialDate> attested_to;
  bool acting;
};

struct Meeting {
  static constexpr const char* kSubjectType = "meeting";
  MeetingId id;
  std::optional<std::string> series;  // "SOM", "HOU", or nullopt for one-off events
  std::optional<int> sequence_no;
  std::string title;
  std::optional<PartialDate> held_on;
  std::optional<std::string> location;
  std::optional<std::string> host;  // short name of the host organisation
};

struct Attendance {
  static constexpr const char* kSubjectType = "attendance";
  AttendanceId id;
  MeetingId meeting_id;
  std::string meeting;
  std::optional<PartialDate> held_on;
  PersonId person_id;
  std::string person;
  std::string role;  // 'co-chair', 'representative', ...
  std::optional<std::string> post;
  std::optional<std::string> organisation;
  std::string attested_as;                        // 'announced' beforehand or 'reported' afterwards
  bool acting;                                    // the post was held in an acting capacity
  std::optional<OrganisationId> organisation_id;  // of `organisation`
};

struct MeetingOrganisation {
  static constexpr const char* kSubjectType = "meeting_organisation";
  std::int64_t id;
  MeetingId meeting_id;
  std::string organisation;
  std::string role;  // 'host', 'participant', 'joined', 'joining announced'
  std::optional<OrganisationId> organisation_id;  // of `organisation`
};

struct Topic {
  static constexpr const char* kSubjectType = "topic";
  TopicId id;
  MeetingId meeting_id;
  std::string meeting;
  std::optional<PartialDate> held_on;
  std::string label;
  std::optional<std::string> theme;
};

struct Theme {
  ThemeId id;
  std::string name;
  std::optional<std::string> description;
};

struct Agreement {
  static constexpr const char* kSubjectType = "agreement";
  AgreementId id;
  std::string name;
  std::string kind;
  std::optional<PartialDate> concluded_on;
  std::optional<PartialDate> in_force_from;
  std::optional<std::string> purpose;
};

struct AgreementParty {
  static constexpr const char* kSubjectType = "agreement_party";
  std::int64_t id;
  AgreementId agreement_id;
  std::string organisation;
  std::optional<PartialDate> since;
  std::string how;  // 'founding party', 'party' (means not stated), 'exchange of letters',
                    // 'announced at meeting'
};

struct Signatory {
  static constexpr const char* kSubjectType = "agreement_signatory";
  std::int64_t id;
  AgreementId agreement_id;
  std::string person;
  std::optional<std::string> organisation;
};

struct Funding {
  static constexpr const char* kSubjectType = "funding";
  FundingId id;
  std::string funder;
  std::string recipient;
  std::optional<PartialDate> period_start;
  std::optional<PartialDate> period_end;
  std::optional<std::int64_t> amount;
  std::optional<std::string> currency;
  std::optional<std::string> bound;  // 'exact', 'more_than', 'at_least', 'about'
  std::string measure;
};

struct Publication {
  static constexpr const char* kSubjectType = "publication";
  PublicationId id;
  std::optional<std::string> title;
  std::optional<std::string> publisher;
  std::optional<PartialDate> published_on;
  std::string kind;
  std::optional<std::string> addressee;
  std::optional<std::string> series;
  std::optional<int> edition;
  std::optional<std::string> summary;
};

struct PolicyFramework {
  static constexpr const char* kSubjectType = "policy_framework";
  PolicyFrameworkId id;
  std::string name;
  std::optional<std::string> short_name;
  std::vector<std::string> parts;  // pillars, priority domains or goals, in order
};

struct Statement {
  static constexpr const char* kSubjectType = "statement";
  StatementId id;
  std::string person;
  std::optional<MeetingId> meeting_id;
  std::optional<PartialDate> said_on;
  std::string kind;  // 'quote' (verbatim) or 'reported'
  std::string text;
  std::optional<PersonId> person_id;  // of `person`
};

struct Contact {
  static constexpr const char* kSubjectType = "contact";
  std::int64_t id;
  std::optional<std::string> person;
  std::optional<std::string> organisation;
  std::optional<std::string> role;
  std::optional<std::string> city;
  std::optional<std::string> phone;
  std::optional<std::string> fax;
  std::optional<std::string> email;
};

struct Claim {
  static constexpr const char* kSubjectType = "claim";
  ClaimId id;
  std::string subject;
  std::string attribute;
  std::string value;
  bool preferred;
  std::string reason;
};

// What KnowledgeBase::search() returns and how: `kinds` limits the hits to those kinds of
// record (all when empty); the snippet marks each matched term between `mark_start` and
// `mark_end`.
struct SearchOptions {
  int limit = 20;
  int offset = 0;
  std::vector<std::string> kinds;
  std::string mark_start = "[";
  std::string mark_end = "]";
};

struct SearchHit {
  std::string kind;  // 'topic', 'person', 'organisation', 'meeting', 'passage', ...
  std::int64_t ref_id;
  std::string label;
  std::string snippet;
};

// One value of a row KnowledgeBase::run_sql returns: NULL, an integer, a real or text (a blob
// comes back as its bytes in a string).
using SqlValue = std::variant<std::monostate, std::int64_t, double, std::string>;

// How KnowledgeBase::run_sql runs a user's SQL: `parameters` are bound to ?1, ?2, ... of every
// statement; unless `allow_writes`, a statement that would write, ATTACH, DETACH or call
// load_extension is refused with QueryError before it runs.
struct SqlOptions {
  bool allow_writes = false;
  std::vector<SqlValue> parameters;
};

// One failed check of KnowledgeBase::verify(): the rule, and where they apply the citation and
// the row it backs. Rules: "integrity", "foreign-key", "source-hash", "quotation" (not in its
// source at its offsets), "dangling-citation", "uncited", "claim-preferred", and the support
// rules "names-subject" (the passage names neither the row's subject nor carries a note),
// "published-before-event" (a source published before an event backs that it happened) and
// "describes-meeting" (a meeting's participants, organisations, topics or dates cited from a
// document that does not cite that meeting).
struct VerificationFailure {
  std::string rule;
  std::optional<std::int64_t> citation_id;  // the citation at fault, if any
  std::string subject_type;                 // the row's kind, empty when no row is concerned
  std::optional<std::int64_t> subject_id;   // the row's id in its table
  std::string source;                       // file name of the cited source, if any
  std::string quote;                        // the citation's quotation, if any
  std::string message;                      // one line, the same text as in problems
};

// The outcome of KnowledgeBase::verify(): empty problems means every check passed. failures
// holds the same findings, one per problem and in the same order, with their parts.
struct VerificationReport {
  std::vector<std::string> problems;
  std::vector<VerificationFailure> failures;
  std::int64_t citations_checked = 0;
  std::int64_t rows_checked = 0;
  bool ok() const noexcept { return problems.empty(); }
};

// Row counts of the main tables, as the tour and the closing report print them.
struct Counts {
  std::int64_t sources, organisations, people, meetings, attendances, topics, citations,
      conflicting_claims;
};

}  // namespace euiomkb
