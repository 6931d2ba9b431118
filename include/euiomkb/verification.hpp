// What KnowledgeBase::verify() finds.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "euiomkb/api.hpp"
#include "euiomkb/id.hpp"

namespace euiomkb {

// One failed check of KnowledgeBase::verify(): the rule, and where they apply the citation and
// the row it backs. Rules: "integrity", "search-index" (FTS5's own integrity check of a search
// index failed; the message names the table), "foreign-key", "source-hash", "quotation" (not
// in its source at its offsets), "dangling-citation", "uncited", "claim-preferred", and the support
// rules "names-subject" (the passage names neither the row's subject nor carries a note),
// "published-before-event" (a source published before an event backs that it happened) and
// "describes-meeting" (a meeting's participants, organisations, topics or dates cited from a
// document that does not cite that meeting).
struct VerificationFailure {
  std::string rule;
  std::optional<CitationId> citation_id;   // the citation at fault, if any
  std::string subject_type;                // the row's kind, empty when no row is concerned
  std::optional<std::int64_t> subject_id;  // the row's id in its table
  std::string source;                      // file name of the cited source, if any
  std::string quote;                       // the citation's quotation, if any
  std::string message;                     // one line, the same text as in problems
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

// One check of KnowledgeBase::verify(): the rule its failures name (VerificationFailure::rule)
// and what VerificationReport counts as the items it checked: every citation
// (citations_checked), every fact row (rows_checked), or nothing counted.
struct VerificationCheck {
  enum class Counts { nothing, citations, rows };
  std::string_view rule;
  Counts counts = Counts::nothing;
};

// Every check KnowledgeBase::verify() runs, each once, in the order it runs them (quotation
// and names-subject go through the citations together); a failure's rule is always one of
// these.
EUIOMKB_API std::span<const VerificationCheck> verification_checks() noexcept;

}  // namespace euiomkb
