// euiomkb tour: the counts, the meeting timeline with attendees, the conflicting claims.
#include <ostream>

#include "tool.hpp"

namespace euiomkb::cli {
namespace {

std::string or_dash(const std::optional<std::string>& value) { return value ? *value : "-"; }

std::string date_text(const std::optional<PartialDate>& date) {
  return date ? date->to_string() : "(date not stated)";
}

// Prints the counts and the meeting timeline with attendees.
int tour(const KnowledgeBase& kb, const std::string& db, std::ostream& out) {
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
          << or_dash(a.organisation) << " [" << a.role << ", " << a.attested_as << "]\n";
    }
    // An agenda a document announced is not what was discussed: each count says which.
    std::size_t announced = 0;
    std::size_t reported = 0;
    for (const Topic& t : kb.meetings().topics(m.id))
      ++(t.attested_as == "announced" ? announced : reported);
    if (announced) out << "      " << announced << " topic(s) announced\n";
    if (reported) out << "      " << reported << " topic(s) discussed\n";
  }
  out << "\nConflicting claims\n";
  for (const Claim& claim : kb.conflicting_claims()) {
    out << "  " << claim.subject << " / " << claim.attribute << ": " << claim.value
        << (claim.preferred ? "  (preferred)" : "") << "\n";
  }
  out << "\nNext: sqlite3 " << db << " 'SELECT * FROM v_meeting'   (views: README.md)\n";
  return 0;
}

}  // namespace

void add_tour_command(CLI::App& app, Tool& tool) {
  tool.command(app, "tour", "Print counts, the meeting timeline and conflicting claims", [&tool] {
    tool.refuse_formats("tour", "prints a walk through the database for people",
                        "for programs: info, meetings, timeline --json, --csv or --tsv");
    KnowledgeBase kb = tool.open();
    return tour(kb, tool.location().path, tool.out);
  });
}

}  // namespace euiomkb::cli
