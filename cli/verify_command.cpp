// euiomkb verify: run every check of the database; with --json, a report a program can read.
#include <nlohmann/json.hpp>
#include <ostream>

#include "tool.hpp"

namespace euiomkb::cli {
namespace {

using Json = nlohmann::ordered_json;

// The report as JSON: ok, the counts, and one object per failure with its rule, the citation
// at fault (or null), the row it backs (or null), the source, the quotation and the message.
void print_json(const VerificationReport& report, std::ostream& out) {
  Json failures = Json::array();
  for (const VerificationFailure& f : report.failures) {
    Json row = f.subject_id ? Json{{"kind", f.subject_type}, {"id", *f.subject_id}} : Json();
    failures.push_back({{"rule", f.rule},
                        {"citation", f.citation_id ? Json(*f.citation_id) : Json()},
                        {"row", row},
                        {"source", f.source},
                        {"quote", f.quote},
                        {"message", f.message}});
  }
  Json document = {{"ok", report.ok()},
                   {"citations_checked", report.citations_checked},
                   {"rows_checked", report.rows_checked},
                   {"failures", failures}};
  out << document.dump(2) << "\n";
}

// Runs KnowledgeBase::verify() and prints every problem found. Exit 0 when all checks pass.
int verify(const KnowledgeBase& kb, const std::string& db, bool json, std::ostream& out,
           std::ostream& err) {
  VerificationReport report = kb.verify();
  if (json) {
    print_json(report, out);
    return report.ok() ? 0 : 1;
  }
  for (const std::string& problem : report.problems) err << "FAIL " << problem << "\n";
  if (!report.ok()) {
    err << db << ": " << report.problems.size() << " problem(s) found\n";
    return 1;
  }
  out << db << ": ok (integrity, foreign keys, " << report.citations_checked
      << " citations found in their sources, " << report.rows_checked
      << " fact rows all cited, claims, source hashes, support)\n";
  return 0;
}

}  // namespace

void add_verify_command(CLI::App& app, Tool& tool) {
  tool.command(app, "verify", "Check integrity, citations, coverage and support (--json: a report)",
               [&tool] {
                 KnowledgeBase kb = tool.open();
                 return verify(kb, tool.location().path, tool.format() == Format::json, tool.out,
                               tool.err);
               });
}

}  // namespace euiomkb::cli
