// The euiomkb command-line tool's subcommands. Each returns the process exit code
// (0 success, 1 failure) and writes its report to `out`, problems to `err`.
#pragma once

#include <ostream>
#include <string>

namespace euiomkb::cli {

// Writes a fresh seeded database to `db`; refuses to replace an existing file unless `force`.
int build(const std::string& db, bool force, std::ostream& out, std::ostream& err);
// Runs KnowledgeBase::verify() and prints every problem found; with `json`, prints the whole
// report as one JSON object on `out` instead: {"ok", "citations_checked", "rows_checked",
// "failures": [{"rule", "citation", "row": {"kind", "id"}, "source", "quote", "message"}]}
// (citation and row are null where a failure concerns none). The exit code is the same.
int verify(const std::string& db, bool json, std::ostream& out, std::ostream& err);
// Prints the counts and the meeting timeline with attendees.
int tour(const std::string& db, std::ostream& out);

}  // namespace euiomkb::cli
