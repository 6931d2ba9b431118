// euiomkb verify: run every check of the database.
#include <ostream>

#include "tool.hpp"

namespace euiomkb::cli {
namespace {

// Runs KnowledgeBase::verify() and prints every problem found.
int verify(const KnowledgeBase& kb, const std::string& db, std::ostream& out, std::ostream& err) {
  VerificationReport report = kb.verify();
  for (const std::string& problem : report.problems) err << "FAIL " << problem << "\n";
  if (!report.ok()) {
    err << db << ": " << report.problems.size() << " problem(s) found\n";
    return 1;
  }
  out << db << ": ok (integrity, foreign keys, " << report.citations_checked
      << " citations found in their sources, " << report.rows_checked
      << " fact rows all cited, claims, source hashes)\n";
  return 0;
}

}  // namespace

void add_verify_command(CLI::App& app, Tool& tool) {
  tool.command(app, "verify", "Check integrity, citations and coverage", [&tool] {
    KnowledgeBase kb = tool.open();
    return verify(kb, tool.location().path, tool.out, tool.err);
  });
}

}  // namespace euiomkb::cli
