// euiomkb verify: run every check of the database; with --json, --csv or --tsv, a report a
// program can read (one document: the totals, the checks and the failures).
#include <algorithm>
#include <ostream>

#include "progress.hpp"
#include "tool.hpp"

namespace euiomkb::cli {
namespace {

// The report as one document: ok and the totals (a summary: in JSON the document's own
// members), then "checks" (each rule, how many items it checked where that is counted, and
// its failures) and "failures" (the rule, the citation at fault, the row it backs with the
// row's key, the source, the quotation and the message).
void write_report(const KnowledgeBase& kb, const VerificationReport& report, const std::string& db,
                  Writer& out) {
  out.section("verify",
              {{"ok", ColumnType::boolean},
               {"database"},
               {"citations_checked", ColumnType::integer},
               {"rows_checked", ColumnType::integer}},
              Shape::summary);
  out.row({boolean(report.ok()), text(db), integer(report.citations_checked),
           integer(report.rows_checked)});
  // The library's checks in their order, then any rule it reported that they do not name.
  std::vector<VerificationCheck> checks(verification_checks().begin(), verification_checks().end());
  for (const VerificationFailure& f : report.failures)
    if (std::none_of(checks.begin(), checks.end(),
                     [&](const VerificationCheck& c) { return c.rule == f.rule; }))
      checks.push_back({f.rule});
  out.section("checks",
              {{"check"}, {"checked", ColumnType::integer}, {"failures", ColumnType::integer}});
  for (const VerificationCheck& check : checks) {
    auto failures =
        std::count_if(report.failures.begin(), report.failures.end(),
                      [&](const VerificationFailure& f) { return f.rule == check.rule; });
    Value checked;
    if (check.counts == VerificationCheck::Counts::citations)
      checked = integer(report.citations_checked);
    else if (check.counts == VerificationCheck::Counts::rows)
      checked = integer(report.rows_checked);
    out.row({text(std::string(check.rule)), checked, integer(static_cast<std::int64_t>(failures))});
  }
  out.section("failures", {{"rule"},
                           {"citation", ColumnType::integer},
                           {"row_kind"},
                           {"row_id", ColumnType::integer},
                           {"row_key"},
                           {"source"},
                           {"quote"},
                           {"message"}});
  for (const VerificationFailure& f : report.failures) {
    std::optional<std::string> key;
    if (f.subject_id && !f.subject_type.empty()) key = kb.key_of(f.subject_type, *f.subject_id);
    out.row({text(f.rule), integer(f.citation_id),
             f.subject_type.empty() ? Value{} : text(f.subject_type), integer(f.subject_id),
             text(key), f.source.empty() ? Value{} : text(f.source),
             f.quote.empty() ? Value{} : text(f.quote), text(f.message)});
  }
  out.finish();
}

// Runs KnowledgeBase::verify() and prints every problem found. Exit 0 when all checks pass.
int verify(const Tool& tool, const KnowledgeBase& kb, const std::string& db) {
  std::ostream& out = tool.out;
  std::ostream& err = tool.err;
  VerificationReport report;
  {
    Progress progress(err, progress_shown(tool.quiet));
    report = kb.verify([&](std::int64_t done, std::int64_t total) {
      progress.update("verify: citations", done, total);
    });
  }
  if (tool.format() != Format::table || !tool.part.empty()) {
    write_report(kb, report, db, *tool.writer(true));
    if (!report.ok()) err << db << ": " << report.problems.size() << " problem(s) found\n";
    return report.ok() ? 0 : 1;
  }
  for (const std::string& problem : report.problems) err << "FAIL " << problem << "\n";
  if (!report.ok()) {
    err << db << ": " << report.problems.size() << " problem(s) found\n";
    return 1;
  }
  // Short lines: the summary fits 80 columns whatever the counts.
  out << db << ": ok\n  " << report.citations_checked << " citations found in their sources, "
      << report.rows_checked << " fact rows all cited;\n"
      << "  integrity, foreign keys, claims, source hashes and support checked\n";
  return 0;
}

}  // namespace

void add_verify_command(CLI::App& app, Tool& tool) {
  tool.command(app, "verify", "Check integrity, citations, coverage and support (--json: a report)",
               [&tool] {
                 check_part(tool.format(), tool.part, {"verify", "checks", "failures"});
                 KnowledgeBase kb = tool.open();
                 return verify(tool, kb, tool.location().path);
               });
}

}  // namespace euiomkb::cli
