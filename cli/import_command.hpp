// The `import` and `keys` commands (and the import half of `build --facts`). Each takes its
// parsed options and the output streams and returns the exit code: 0 success, 1 failure
// (nothing imported), 2 usage error.
#pragma once

#include <chrono>
#include <ostream>
#include <string>
#include <vector>

#include "euiomkb/knowledge_base.hpp"

namespace euiomkb::cli {

class Tool;
class Writer;

// Writes a fresh seeded database to `db` (replacing an existing file when `force`, else
// DatabaseError), says so in one line on `out` ("built DB in N ms: ...") and returns it open
// read-write (build_command.cpp).
KnowledgeBase build_database(const std::string& db, bool force, std::ostream& out);

// euiomkb build: writes a fresh seeded database to `db`; refuses to replace an existing file
// unless `force` (build_command.cpp).
int build(const std::string& db, bool force, std::ostream& out, std::ostream& err);

struct ImportCommandOptions {
  std::string db;
  std::vector<std::string> files;
  std::string documents;  // empty: beside each fact file
  bool dry_run = false;
  bool quiet = false;  // no progress on stderr
  std::size_t error_limit = 100;
  std::chrono::milliseconds wait{5000};  // for another program's write lock (--wait)
  bool replace = false;  // a changed file may replace a same-named import from another place
  // When set (--json, --csv, --tsv), the report goes to it as one document instead of lines
  // for people on `out` (write_import_report); the problems then are in the document only.
  Writer* report = nullptr;
};

// euiomkb import FILE... : KnowledgeBase::import of options.files into `kb`, every problem on
// `err` as file:line:column: field 'f': message. options.db names the database in messages;
// options.wait is not used (`kb` is open already, read-write).
int import_command(KnowledgeBase& kb, const ImportCommandOptions& options, std::ostream& out,
                   std::ostream& err);
// The same into options.db, opened read-write with options.wait for another program's lock.
int import_command(const ImportCommandOptions& options, std::ostream& out, std::ostream& err);

// euiomkb keys [KIND] : a table of kind, key and label of `kb` to `out` (finished). Throws
// UsageError for a KIND that names no kind (with the closest), DatabaseError when the file
// fails.
void keys_command(const KnowledgeBase& kb, const std::string& kind, Writer& out);

// Before `build --force` replaces `db`: says on `err` which imported files the rebuild
// discards (unless `facts_dir` will import them again), reading `db` opened with `open`.
// Never fails.
void warn_discarded_imports(const std::string& db, const KnowledgeBase::OpenOptions& open,
                            const std::string& facts_dir, std::ostream& err);

// After `build --facts DIR`: imports DIR/*.facts in name order, documents from DIR, into `kb`
// (open read-write; `db` names it in messages), or into `db` opened read-write.
int import_directory(KnowledgeBase& kb, const std::string& db, const std::string& facts_dir,
                     std::ostream& out, std::ostream& err);
int import_directory(const std::string& db, const std::string& facts_dir, std::ostream& out,
                     std::ostream& err);

// build --facts DIR: a fresh seeded database with DIR's fact files imported, built beside
// `db` and moved over it only when complete (so a failed import leaves `db` as it was).
int build_with_facts(const std::string& db, bool force, const std::string& facts_dir,
                     std::ostream& out, std::ostream& err);

// euiomkb migrate: applies pending migrations to the tool's database (opened by Tool::open for
// OpenFor::migration) and says on tool.out from which version to which.
int migrate_command(const Tool& tool);

}  // namespace euiomkb::cli
