// The source documents the facts come from, and the citations that quote them.
//
// Contracts of every repository (here and in the other concept headers): lookups return
// std::nullopt when nothing matches and an empty vector when no row does; a failure to read
// the database throws DatabaseError. A repository is a cheap handle on the KnowledgeBase it
// came from (KnowledgeBase::sources() and the like): it must not outlive it and, like it, may
// be used from one thread at a time.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "euiomkb/api.hpp"
#include "euiomkb/id.hpp"
#include "euiomkb/partial_date.hpp"

namespace euiomkb {

namespace detail {
struct Impl;
}
class KnowledgeBase;

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
  std::string key;  // the key fact files use ("iom-2025"); empty for a row without one
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
  std::string key;      // as Source::key
};

// A quotation of a source that backs a record (KnowledgeBase::citations_for).
struct Citation {
  CitationId id;
  SourceId source_id;
  std::string file_name;
  std::string quote;
  std::int64_t start_offset;  // in code points of Source::text
  std::int64_t end_offset;    // one past the last code point
  // Why the passage supports the record though it does not name it (citation.note); std::nullopt
  // when the passage speaks for itself.
  std::optional<std::string> note;
};

// A citation as a reader needs it (KnowledgeBase::passage, passages): the quotation in its
// context, the source described by title, publisher and date rather than by file name, a
// stable anchor and a reference ready to paste. The one presentation of a citation shared by
// the tool (`euiomkb cite`, --cite) and the evidence site.
struct Passage {
  Citation citation;
  std::string subject_type;  // the record kind it backs ("meeting", "attendance", ...)
  std::int64_t subject_id;
  // The key of the record it backs when that record has one ("som-11"); empty otherwise.
  std::string subject_key;
  SourceSummary source;
  // The source's text around the quotation, in code points of Source::text: `before` runs
  // from the start of the sentence before the one the quotation starts in, `after` to the end
  // of the sentence after the one it ends in (each at most 400 code points, cut at a word).
  // The quotation itself is text[start_offset, end_offset), returned as `passage`, which
  // holds what an ellipsis in Citation::quote skipped. In all three every run of white space
  // (line breaks, no-break spaces) is one space, so before + passage + after reads as prose.
  std::string before;
  std::string passage;
  std::string after;
  // passage_anchor() of the passage: the same in every build that holds this source and
  // these offsets, whatever order the facts were imported in.
  std::string anchor;
  // "Title. Publisher, date. URL. Quoted at code points a-b of the stored copy (SHA-256
  // prefix)." with the parts the source has; plain text, never the file name.
  std::string reference;
  // The source's URL with a text fragment that makes a browser scroll to and highlight the
  // quotation (url + "#:~:text=" + text_directive(quote)); std::nullopt without a URL.
  std::optional<std::string> fragment_url;
};

// The stable anchor of a passage of a source: "p-", the first 12 hex digits of the source's
// SHA-256, "-", start, "-", end (code points). Usable as an HTML id and a URL fragment.
EUIOMKB_API std::string passage_anchor(std::string_view source_sha256, std::int64_t start,
                                       std::int64_t end);

// The text directive of a URL text fragment (WICG "URL Fragment Text Directives") for a
// quotation, without the leading ":~:text=": white space folded; each term percent-encoded
// (every byte outside ALPHA / DIGIT / "-._~" ... as the specification's grammar requires, so that
// '-', '&' and ',' inside a term are encoded); a quotation whose parts are joined by " … ", or
// longer than 300 characters, in the "start,end" form (the first and last few words).
EUIOMKB_API std::string text_directive(std::string_view quote);

class EUIOMKB_API Sources {
 public:
  // Every source with its text, by file name.
  std::vector<Source> all() const;
  std::optional<Source> find(SourceId id) const;
  std::optional<Source> by_file_name(std::string_view file_name) const;
  // By the key fact files use.
  std::optional<Source> by_key(std::string_view key) const;
  // Every source without its text, by file name: cheap however long the documents are.
  std::vector<SourceSummary> list() const;
  // One source without its text; std::nullopt when there is no such source.
  std::optional<SourceSummary> summary(SourceId id) const;
  // The full text of a source; std::nullopt when there is no such source.
  std::optional<std::string> text(SourceId id) const;

 private:
  friend class KnowledgeBase;
  explicit Sources(detail::Impl* impl) : impl_(impl) {}
  detail::Impl* impl_;
};

}  // namespace euiomkb
