// The evidence site's pictures: inline SVG written here, each in a <figure> with its text
// alternative (a caption and a table of the same facts).
#pragma once

#include <ostream>
#include <utility>
#include <vector>

#include "euiomkb/knowledge_base.hpp"

namespace euiomkb::cli::site {

// The meetings of each series on a time axis; the numbers of a series that have no recorded
// meeting between two that do are drawn as a band "known by number only", never at a date. A
// series of more than 200 meetings is drawn as one bar per year instead, the caption says so,
// and its text alternative counts its meetings per year (linking to the meetings index).
void write_timeline_picture(std::ostream& out, const KnowledgeBase& kb);

// Who was a party on each date where the membership changes (rows of the parties table).
void write_membership_picture(
    std::ostream& out, const std::vector<std::pair<PartialDate, std::vector<PartyOnDate>>>& rows);

// An organisation's recorded lineage events as arrows from one name to the next.
void write_lineage_picture(std::ostream& out, const std::vector<OrganisationEvent>& events);

}  // namespace euiomkb::cli::site
