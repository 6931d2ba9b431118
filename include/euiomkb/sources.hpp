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
  // The full text of a source; std::nullopt when there is no such source.
  std::optional<std::string> text(SourceId id) const;

 private:
  friend class KnowledgeBase;
  explicit Sources(detail::Impl* impl) : impl_(impl) {}
  detail::Impl* impl_;
};

}  // namespace euiomkb
