#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "euiomkb/verification.hpp"
#include "sqlite/connection.hpp"

namespace euiomkb::detail {

// What an import touched, for the scoped form of verify_database(): the rows of every record
// kind, the citations and the sources created after mark() (SQLite gives a new row a rowid
// above the largest in its table, and an import removes what it replaces before it marks), the
// rows it changed in place (touch()), and whether it removed rows (removed()).
//
// The scoped checks are the whole database's checks applied to: the citations of the new and
// touched rows, the new and touched citations, every other citation of a row one of those backs
// (a topic or an organisation at a meeting is one row for all the documents citing it) and every
// citation from a source that gains a citation of a meeting date (an undated source is dated by
// the meetings it announces); the hashes of the new sources; the new and touched rows (uncited)
// and the claim groups of the new and touched claims. Foreign keys are enforced statement by
// statement, so they are checked whole only after a removal (whose dependants were repointed
// under deferred foreign keys). SQLite's integrity check and FTS5's index check read the whole
// file and check storage, not what an import wrote: they stay with the `verify` command.
class VerificationScope {
 public:
  // Notes the largest rowid of each table the checks read.
  static VerificationScope mark(Connection& connection);
  // A row of record kind `kind` ("citation" for a citation) changed in place after the mark.
  void touch(std::string kind, std::int64_t id) { touched_.emplace_back(std::move(kind), id); }
  // Rows were removed (before the mark): foreign keys are checked whole.
  void removed() { removed_ = true; }

 private:
  friend class ScopeTables;
  std::vector<std::pair<std::string, std::int64_t>> marks_;    // table -> its largest rowid
  std::vector<std::pair<std::string, std::int64_t>> touched_;  // kind -> id
  bool removed_ = false;
};

// The SQL that creates (and empties) the TEMP tables the scoped checks read, for a connection
// that explains or runs their queries outside verify_database (tests/sqlite/query_plan_test).
std::string_view scope_tables_sql();

// Called after each source's citations are checked: citations checked, citations to check.
using VerifyProgress = std::function<void(std::int64_t done, std::int64_t total)>;

// The checks behind KnowledgeBase::verify(); see its contract. With `scope`, the checks of what
// an import touched (VerificationScope), on a connection inside the import's write transaction;
// report.citations_checked and rows_checked then count the scope's citations and rows.
VerificationReport verify_database(Connection& connection, const VerificationScope* scope = nullptr,
                                   const VerifyProgress& progress = {});

// True when the support check knows the subject of rows of `kind` (every cited kind must).
bool has_subject_rule(std::string_view kind);

}  // namespace euiomkb::detail
