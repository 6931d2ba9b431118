// What changed between two knowledge bases, fact by fact: the change feed of `euiomkb diff`.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "euiomkb/api.hpp"

namespace euiomkb {

class KnowledgeBase;

// What happened to a record (or to one citation of a record) between the older and the newer
// database.
enum class Change { added, removed, changed, unchanged };

// One field of a record as a fact file writes it (seed/FORMAT.md): a reference as the key of
// the record it names, yes/no, a date as ISO text of its precision; std::nullopt when not
// stated (or when the record is not in that database).
struct FieldChange {
  std::string field;
  std::optional<std::string> before;  // in the older database
  std::optional<std::string> after;   // in the newer database
};

// A citation as the diff compares it: the source by its key, the quotation and the note
// (offsets are not compared: they follow from the quotation and the source's text, whose
// SHA-256 is a field of the source).
struct CitationChange {
  Change change;  // added, removed or unchanged
  std::string source;
  std::string quote;
  std::optional<std::string> note;
};

// One record added, removed or changed.
struct RecordChange {
  Change change;     // added, removed or changed
  std::string kind;  // the record kind, e.g. "meeting", "attendance" (seed/FORMAT.md)
  // Keyed kinds: the record's key. Other kinds: the keys of the records it belongs to and its
  // series (its required references), joined by '/' ("som-11/claus-sorensen"); may be empty.
  std::string key;
  // The record in a few words: its title, name, label, alias or text, else its first
  // required value that is no reference ("co-chair", "2013-05-03").
  std::string label;
  // added: every stated field (before is nullopt); removed: every stated field (after is
  // nullopt); changed: the fields whose values differ. In the order of seed/FORMAT.md.
  std::vector<FieldChange> fields;
  // added: its citations (added); removed: its citations (removed); changed: the citations of
  // both, each added, removed or unchanged. Ordered by source key, then quotation.
  std::vector<CitationChange> citations;
};

// How many records of one kind were added, removed, changed or left unchanged.
struct KindDiff {
  std::string kind;
  std::int64_t added = 0;
  std::int64_t removed = 0;
  std::int64_t changed = 0;
  std::int64_t unchanged = 0;
};

// The counts of a diff, one entry per record kind in the order of seed/FORMAT.md (every kind,
// also those with no records).
struct DiffSummary {
  std::vector<KindDiff> kinds;

  // The counts of every kind added up (kind "all").
  KindDiff total() const {
    KindDiff sum{"all"};
    for (const KindDiff& k : kinds) {
      sum.added += k.added;
      sum.removed += k.removed;
      sum.changed += k.changed;
      sum.unchanged += k.unchanged;
    }
    return sum;
  }
  // True when no record was added, removed or changed.
  bool identical() const {
    KindDiff sum = total();
    return sum.added == 0 && sum.removed == 0 && sum.changed == 0;
  }
};

// Compares the facts of `older` and `newer` kind by kind (every kind of record fact files
// define), by keys and content, never by row ids: the same fact files imported in another
// order give no change.
// - A record of a keyed kind is the same record in both when it has the same key.
// - A record of another kind is the same record when every field is equal (references
//   compared by the keys they name). Of those left over, an older and a newer record are the
//   same, changed, when they are the only ones left of their kind with the same
//   RecordChange::key (the records they belong to).
// - A record present in both is unchanged when its fields and its citations (source key,
//   quotation, note) are equal; otherwise changed.
// `visit` (optional) receives each added, removed or changed record, kind by kind in the
// order of seed/FORMAT.md and within a kind by key, label and change. Memory holds one kind
// of both databases at a time, plus the key of every record of both. Returns the counts.
// Throws DatabaseError when either database cannot be read; an exception `visit` throws
// propagates. It reads each database in a transaction of its own: no other thread may use
// `older` or `newer` while it runs.
EUIOMKB_API DiffSummary diff(const KnowledgeBase& older, const KnowledgeBase& newer,
                             const std::function<void(const RecordChange&)>& visit = {});

}  // namespace euiomkb
