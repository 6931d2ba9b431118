#include "commands.hpp"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string_view>

#include "euiomkb/euiomkb.hpp"

namespace euiomkb::cli {
namespace {

std::string or_dash(const std::optional<std::string>& value) { return value ? *value : "-"; }

std::string date_text(const std::optional<PartialDate>& date) {
  return date ? date->to_string() : "(date not stated)";
}

}  // namespace

int build(const std::string& db, bool force, std::ostream& out, std::ostream& err) {
  if (std::filesystem::exists(db) && !force) {
    err << "euiomkb: '" << db << "' already exists; pass --force to replace it\n";
    return 1;
  }
  auto started = std::chrono::steady_clock::now();
  KnowledgeBase kb = KnowledgeBase::create_seeded(
      db, force ? KnowledgeBase::Existing::replace : KnowledgeBase::Existing::refuse);
  auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
      std::chrono::steady_clock::now() - started);
  Counts c = kb.counts();
  out << "built " << db << " in " << elapsed.count() << " ms: " << c.sources << " sources, "
      << c.citations << " citations\n";
  return 0;
}

namespace {

// `text` as a JSON string literal (UTF-8 passes through; control characters are escaped).
std::string json_string(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char escaped[8];
          std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned>(c));
          out += escaped;
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

void print_json(const VerificationReport& report, std::ostream& out) {
  out << "{\"ok\": " << (report.ok() ? "true" : "false")
      << ", \"citations_checked\": " << report.citations_checked
      << ", \"rows_checked\": " << report.rows_checked << ", \"failures\": [";
  bool first = true;
  for (const VerificationFailure& f : report.failures) {
    out << (first ? "\n  " : ",\n  ") << "{\"rule\": " << json_string(f.rule) << ", \"citation\": ";
    first = false;
    if (f.citation_id)
      out << *f.citation_id;
    else
      out << "null";
    out << ", \"row\": ";
    if (f.subject_id)
      out << "{\"kind\": " << json_string(f.subject_type) << ", \"id\": " << *f.subject_id << "}";
    else
      out << "null";
    out << ", \"source\": " << json_string(f.source) << ", \"quote\": " << json_string(f.quote)
        << ", \"message\": " << json_string(f.message) << "}";
  }
  out << (first ? "]}\n" : "\n]}\n");
}

}  // namespace

int verify(const std::string& db, bool json, std::ostream& out, std::ostream& err) {
  KnowledgeBase kb = KnowledgeBase::open(db);
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
      << " fact rows all cited, claims, source hashes)\n";
  return 0;
}

int tour(const std::string& db, std::ostream& out) {
  KnowledgeBase kb = KnowledgeBase::open(db);
  Counts c = kb.counts();
  out << "Database " << db << " (schema version " << kb.schema_version() << ")\n"
      << "  " << c.sources << " sources, " << c.organisations << " organisations, " << c.people
      << " people, " << c.meetings << " meetings, " << c.attendances << " attendances, " << c.topics
      << " topics, " << c.citations << " citations, " << c.conflicting_claims
      << " conflicting claims\n\nMeeting timeline\n";
  for (const Meeting& m : kb.meetings().all()) {
    out << "  " << date_text(m.held_on) << "  " << m.title << "  ("
        << m.location.value_or("place not stated") << (m.host ? ", hosted by " + *m.host : "")
        << ")\n";
    for (const Attendance& a : kb.meetings().attendance(m.id)) {
      out << "      " << a.person << ", " << (a.acting ? "acting " : "") << or_dash(a.post) << ", "
          << or_dash(a.organisation) << " [" << a.role << "]\n";
    }
    if (auto topics = kb.meetings().topics(m.id).size())
      out << "      " << topics << " topic(s) discussed\n";
  }
  out << "\nConflicting claims\n";
  for (const Claim& claim : kb.conflicting_claims()) {
    out << "  " << claim.subject << " / " << claim.attribute << ": " << claim.value
        << (claim.preferred ? "  (preferred)" : "") << "\n";
  }
  out << "\nNext: sqlite3 " << db << " 'SELECT * FROM v_meeting'   (views: README.md)\n";
  return 0;
}

}  // namespace euiomkb::cli
