#include "import_command.hpp"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <optional>

#include "euiomkb/euiomkb.hpp"
#include "progress.hpp"
#include "tool.hpp"

namespace euiomkb::cli {
namespace {

std::string plural(std::int64_t n, const std::string& word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

std::string by_kind(const std::map<std::string, std::int64_t>& counts) {
  std::string out;
  for (const auto& [kind, n] : counts)
    out += (out.empty() ? "" : ", ") + std::to_string(n) + " " + kind;
  return out.empty() ? "no records" : out;
}

// "; replaced the version imported at T (N records removed)" for a changed file, else "".
std::string replacement(const ImportReport& report, const ImportedFile& file) {
  if (file.replaced.empty()) return "";
  const std::string& when = file.replaced.back().imported_at;
  std::string removed = plural(file.records_removed(), "record");
  if (report.outcome == ImportOutcome::checked)
    return "; would replace the version imported at " + when + " (" + removed + ")";
  return "; replaced the version imported at " + when + " (" + removed + " removed)";
}

const char* outcome_name(ImportOutcome outcome) {
  switch (outcome) {
    case ImportOutcome::imported:
      return "imported";
    case ImportOutcome::checked:
      return "checked";
    case ImportOutcome::nothing_to_do:
      return "nothing_to_do";
    case ImportOutcome::rejected:
      break;
  }
  return "rejected";
}

// The report as one document: the outcome and totals (a summary: in JSON the document's own
// members), then the parts "files" (one row per file given), "records" (records added, or
// that a dry run would add, per file and kind) and "problems" (file, line, column, field,
// message; line and column 0 when the problem has no place).
void write_import_report(const ImportReport& report, const std::string& db, Writer& out) {
  out.section("import",
              {{"ok", ColumnType::boolean},
               {"outcome"},
               {"database"},
               {"records", ColumnType::integer},
               {"citations", ColumnType::integer},
               {"problems", ColumnType::integer},
               {"stopped_at_limit", ColumnType::boolean}},
              Shape::summary);
  out.row({boolean(report.ok()), text(std::string(outcome_name(report.outcome))), text(db),
           integer(report.records), integer(report.citations),
           integer(static_cast<std::int64_t>(report.problems.size())),
           boolean(report.stopped_at_limit)});
  out.section("files", {{"file"},
                        {"sha256"},
                        {"unchanged", ColumnType::boolean},
                        {"previously"},
                        {"records", ColumnType::integer},
                        {"records_replaced", ColumnType::integer}});
  for (const ImportedFile& f : report.files) {
    std::int64_t records = 0;
    for (const auto& [kind, n] : f.records_by_kind) records += n;
    out.row({text(f.path), text(f.sha256), boolean(f.unchanged),
             f.unchanged ? text(f.previously) : Value{}, integer(records),
             integer(f.records_removed())});
  }
  out.section("records", {{"file"}, {"kind"}, {"count", ColumnType::integer}});
  for (const ImportedFile& f : report.files)
    for (const auto& [kind, n] : f.records_by_kind) out.row({text(f.path), text(kind), integer(n)});
  out.section("problems", {{"file"},
                           {"line", ColumnType::integer},
                           {"column", ColumnType::integer},
                           {"field"},
                           {"message"}});
  for (const ImportProblem& p : report.problems)
    out.row({text(p.file), integer(std::int64_t{p.line}), integer(std::int64_t{p.column}),
             text(p.field), text(p.message)});
  out.finish();
}

}  // namespace

int import_command(const ImportCommandOptions& options, std::ostream& out, std::ostream& err) {
  KnowledgeBase::OpenOptions open;
  open.mode = KnowledgeBase::Mode::read_write;
  open.busy_timeout = options.wait;
  KnowledgeBase kb = KnowledgeBase::open(options.db, open);
  return import_command(kb, options, out, err);
}

int import_command(KnowledgeBase& kb, const ImportCommandOptions& options, std::ostream& out,
                   std::ostream& err) {
  ImportInputs inputs;
  inputs.files.assign(options.files.begin(), options.files.end());
  ImportOptions settings;
  settings.documents = options.documents;
  settings.dry_run = options.dry_run;
  settings.error_limit = options.error_limit;
  settings.replace_same_name = options.replace;
  bool show_progress = !options.quiet && ::isatty(STDERR_FILENO) == 1;
  auto started = std::chrono::steady_clock::now();
  // The load's line stays on screen (its rate is worth keeping); the verify stage's is cleared.
  bool records_shown = false;
  std::optional<Progress> checking;
  if (show_progress) {
    settings.progress = [&](std::int64_t records) {
      double seconds =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
      err << "\r  " << records << " records ("
          << static_cast<std::int64_t>(seconds > 0 ? static_cast<double>(records) / seconds : 0)
          << " records/s)" << std::flush;
      records_shown = true;
    };
    settings.verify_progress = [&](std::int64_t checked, std::int64_t total) {
      if (!checking) {
        if (records_shown) err << "\n";
        records_shown = false;
        checking.emplace(err, true);
      }
      checking->update("import: verify: citations", checked, total);
    };
  }
  ImportReport report = kb.import(inputs, settings);
  checking.reset();
  if (records_shown) err << "\n";
  if (options.report != nullptr) {
    write_import_report(report, options.db, *options.report);
    if (report.checkpoint_problem)
      err << "euiomkb: warning: " << *report.checkpoint_problem << "\n";
    if (report.ok()) return 0;
    err << "euiomkb: " << plural(static_cast<std::int64_t>(report.problems.size()), "problem")
        << "; nothing imported, " << options.db << " is unchanged\n";
    return 1;
  }
  for (const ImportProblem& problem : report.problems) err << problem.to_string() << "\n";
  for (const ImportedFile& file : report.files) {
    if (file.unchanged)
      out << file.path << ": unchanged (" << file.previously << "); skipped\n";
    else if (report.outcome != ImportOutcome::rejected)
      out << file.path << ": " << by_kind(file.records_by_kind) << replacement(report, file)
          << "\n";
  }
  switch (report.outcome) {
    case ImportOutcome::imported:
      out << "imported " << plural(report.records, "record") << " with "
          << plural(report.citations, "citation") << " into " << options.db << "\n";
      if (report.checkpoint_problem)
        err << "euiomkb: warning: " << *report.checkpoint_problem << "\n";
      return 0;
    case ImportOutcome::checked:
      out << "dry run: " << plural(report.records, "record") << " with "
          << plural(report.citations, "citation")
          << " would be imported; all checks passed; nothing written\n";
      return 0;
    case ImportOutcome::nothing_to_do:
      out << "nothing to import: every file was imported before, unchanged\n";
      return 0;
    case ImportOutcome::rejected:
      break;
  }
  err << plural(static_cast<std::int64_t>(report.problems.size()), "problem")
      << (report.stopped_at_limit ? " (stopped at the limit; there may be more)" : "")
      << "; nothing imported, " << options.db << " is unchanged\n";
  return 1;
}

void warn_discarded_imports(const std::string& db, const KnowledgeBase::OpenOptions& open,
                            const std::string& facts_dir, std::ostream& err) {
  std::vector<LoggedImport> log;
  try {
    if (!std::filesystem::exists(db)) return;
    log = KnowledgeBase::open(db, open).import_log();
  } catch (const Error&) {
    return;  // an older or foreign file has no import log; build reports what it must
  }
  std::erase_if(log, [](const LoggedImport& logged) { return logged.replaced_by.has_value(); });
  if (log.empty()) return;
  err << "euiomkb: " << db << " holds "
      << plural(static_cast<std::int64_t>(log.size()), "imported file") << " (";
  for (std::size_t i = 0; i < log.size(); ++i) err << (i ? ", " : "") << log[i].file_name;
  if (facts_dir.empty())
    err << "); the rebuild discards them: add --facts DIR to import them again\n";
  else
    err << "); --facts " << facts_dir << " imports its files again\n";
}

int import_directory(const std::string& db, const std::string& facts_dir, std::ostream& out,
                     std::ostream& err) {
  KnowledgeBase kb = KnowledgeBase::open(db, KnowledgeBase::Mode::read_write);
  return import_directory(kb, db, facts_dir, out, err);
}

int import_directory(KnowledgeBase& kb, const std::string& db, const std::string& facts_dir,
                     std::ostream& out, std::ostream& err) {
  ImportCommandOptions options;
  options.db = db;
  options.documents = facts_dir;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(facts_dir, error))
    if (entry.path().extension() == ".facts") options.files.push_back(entry.path().string());
  if (error) {
    err << "euiomkb: cannot read --facts directory '" << facts_dir << "': " << error.message()
        << "\n";
    return 1;
  }
  std::sort(options.files.begin(), options.files.end());
  if (options.files.empty()) {
    err << "euiomkb: no .facts files in '" << facts_dir << "'\n";
    return 1;
  }
  return import_command(kb, options, out, err);
}

int build_with_facts(const std::string& db, bool force, const std::string& facts_dir,
                     std::ostream& out, std::ostream& err) {
  if (std::filesystem::exists(db) && !force) {
    err << "euiomkb: '" << db << "' already exists; pass --force to replace it\n";
    return 1;
  }
  // Built and imported beside `db` under a name of this process's own, moved over it only when
  // both succeed and while no other program uses it (KnowledgeBase::replace_file).
  std::string staging = db + ".rebuilding-" + std::to_string(::getpid());
  std::error_code ignored;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"})
    std::filesystem::remove(staging + suffix, ignored);
  int code = 0;
  {
    // The import goes into the connection that built the file: one open.
    KnowledgeBase kb = build_database(staging, true, out);
    code = import_directory(kb, staging, facts_dir, out, err);
  }
  try {
    if (code == 0) KnowledgeBase::replace_file(db, staging);
  } catch (const DatabaseError& e) {
    err << "euiomkb: " << e.what() << "\n";
    code = 1;
  }
  for (const char* suffix : {"", "-wal", "-shm", "-journal"})
    std::filesystem::remove(staging + suffix, ignored);
  if (code != 0) err << "euiomkb: " << db << " is unchanged\n";
  return code;
}

void add_import_command(CLI::App& app, Tool& tool) {
  auto options = std::make_shared<ImportCommandOptions>();
  auto* command = tool.command(
      app, "import",
      "Import fact files and their documents (all or nothing; every problem reported)",
      [&tool, options] {
        check_part(tool.format(), tool.part, {"import", "files", "records", "problems"});
        // The tool's open creates the default database on first use and checks any other
        // file; the read-write open migrates an older one. A dry run writes nothing, a
        // migration included: it first opens read-only, which refuses an older file and says
        // how to migrate it.
        if (options->dry_run) tool.open(KnowledgeBase::Mode::read_only);
        KnowledgeBase kb = tool.open(KnowledgeBase::Mode::read_write);
        options->db = tool.location().path;
        options->quiet = options->quiet || tool.quiet;  // -q anywhere: errors only
        std::unique_ptr<Writer> report;
        if (tool.format() != Format::table || !tool.part.empty()) report = tool.writer(true);
        options->report = report.get();
        return import_command(kb, *options, tool.out, tool.err);
      });
  command->add_option("files", options->files, "Fact files (seed/FORMAT.md)")->required();
  command->add_option(
      "--documents", options->documents,
      "Directory of the documents `source` records name (default: beside each fact file)");
  command->add_flag("--dry-run", options->dry_run, "Check everything, write nothing");
  command->add_flag("--replace", options->replace,
                    "A changed file replaces the import of its name even from another place");
  command->add_flag("--quiet", options->quiet, "No progress on stderr");
  command->add_option("--error-limit", options->error_limit, "Stop at N problems (0: never)")
      ->capture_default_str();
}

int migrate_command(const Tool& tool) {
  const std::string db = tool.location().path;
  std::ostream& out = tool.out;
  KnowledgeBase kb = tool.open(KnowledgeBase::Mode::read_write, OpenFor::migration);
  int before = kb.schema_version();
  if (before == KnowledgeBase::latest_schema_version()) {
    out << db << " is at schema version " << before << ", the latest; nothing to do\n";
    return 0;
  }
  kb.migrate();
  out << "migrated " << db << " from schema version " << before << " to " << kb.schema_version()
      << "\n";
  return 0;
}

void add_migrate_command(CLI::App& app, Tool& tool) {
  tool.command(app, "migrate",
               "Upgrade an older database to this version's schema (one transaction)", [&tool] {
                 tool.refuse_formats("migrate", "prints a line saying what it did",
                                     "info --json gives the schema versions");
                 return migrate_command(tool);
               });
}

void add_keys_command(CLI::App& app, Tool& tool) {
  auto kind = std::make_shared<std::string>();
  auto* command = tool.command(app, "keys", "List the keys fact files can refer to", [&tool, kind] {
    KnowledgeBase kb = tool.open();  // before the writer: a failed open writes no output
    keys_command(kb, *kind, *tool.writer(false));
    return 0;
  });
  command->add_option("kind", *kind, "Only keys of this kind (meeting, person, organisation, ...)");
}

}  // namespace euiomkb::cli
