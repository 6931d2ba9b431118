// detail::Standing: an organisation on a date, read from its lineage, names and parents.
#include "repositories/standing.hpp"

#include <set>
#include <string>
#include <utility>

namespace euiomkb {
namespace {

using detail::bounds;
using detail::first_row;
using detail::integer;
using detail::opt_date;
using detail::opt_text;
using detail::text;

constexpr std::string_view kOrganisationParentOn = R"sql(
SELECT parent_organisation_id FROM organisation_parent
 WHERE organisation_id = :id AND (valid_from IS NULL OR valid_from <= :high)
   AND (valid_to IS NULL OR :low <= valid_to || '~')
 ORDER BY valid_from DESC LIMIT 1
)sql";
// Every English name of an organisation with its validity and, for a name row, the earliest dated
// document that writes it: its attested_on or the publication date of a source cited for it.
// Earliest means the date that ends first ("2025-01-10" before "2025"): min() of date || '~'.
// Kinds: 'name' (organisation_name), 'full' and 'short' (the organisation's own names), then
// 'quote': the passages cited for the organisation in dated sources, with their dates, from
// which Standing::name_of dates the full and short names (name_in). Only English names compete:
// a document in another language attests what the organisation is called there, not a rename
// (the EEAS in Dutch).
constexpr std::string_view kOrganisationNameCandidates = R"sql(
SELECT n.name, 'name', n.valid_from, n.valid_to,
       (SELECT rtrim(min(d || '~'), '~')
          FROM (SELECT n.attested_on AS d
                UNION ALL
                SELECT s.published FROM citation c JOIN source s ON s.source_id = c.source_id
                 WHERE c.subject_type = 'organisation_name' AND c.subject_id = n.organisation_name_id))
  FROM organisation_name n WHERE n.organisation_id = :id AND n.language = 'en'
UNION ALL
SELECT o.name, 'full', NULL, NULL, NULL FROM organisation o WHERE o.organisation_id = :id
UNION ALL
SELECT o.short_name, 'short', NULL, NULL, NULL FROM organisation o WHERE o.organisation_id = :id
UNION ALL
SELECT c.quote, 'quote', NULL, NULL, s.published FROM citation c
  JOIN source s ON s.source_id = c.source_id
 WHERE c.subject_type = 'organisation' AND c.subject_id = :id AND s.published IS NOT NULL
)sql";
// The earliest dated document cited for an organisation that may date from the event's start
// (:from) and surely dates from no later than the end of the date asked (:high): the document that
// shows the organisation by then, if any.
constexpr std::string_view kOrganisationFirstShown = R"sql(
SELECT s.published, s.title FROM citation c JOIN source s ON s.source_id = c.source_id
 WHERE c.subject_type = 'organisation' AND c.subject_id = :id AND s.published IS NOT NULL
   AND s.published || '~' >= :from AND s.published || '~' <= :high
 ORDER BY s.published || '~' LIMIT 1
)sql";

// Bases from strongest to weakest; the standing on a date takes the weakest it rests on.
int basis_rank(std::string_view basis) {
  return basis == "document" ? 0 : basis == "inferred" ? 1 : 2;
}
void weaken(std::string& basis, std::string_view by) {
  if (basis_rank(by) > basis_rank(basis)) basis = std::string(by);
}

std::string event_basis(const OrganisationEvent& e) {
  return e.general_knowledge ? "general_knowledge" : "document";
}

std::string basis_words(std::string_view basis) {
  return basis == "general_knowledge" ? "general knowledge, no document states it"
         : basis == "inferred"        ? "inferred"
                                      : "stated in a document";
}

std::string when_text(const std::optional<PartialDate>& date) {
  return date ? "in " + date->to_string() : "at a date not recorded";
}

bool ascii_alnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}
char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// Whether `passage` writes an organisation's name: its full name anywhere, ignoring the case of
// ASCII letters; its short name as a whole word (between characters other than ASCII letters and
// digits, or the passage's ends), case kept, so that "UN" is not in "United".
bool name_in(std::string_view passage, std::string_view name, bool whole_word) {
  if (name.size() > passage.size()) return false;
  for (std::size_t at = 0; at + name.size() <= passage.size(); ++at) {
    bool same = true;
    for (std::size_t k = 0; same && k < name.size(); ++k)
      same = whole_word ? passage[at + k] == name[k]
                        : ascii_lower(passage[at + k]) == ascii_lower(name[k]);
    if (!same) continue;
    if (!whole_word) return true;
    std::size_t end = at + name.size();
    if ((at == 0 || !ascii_alnum(passage[at - 1])) &&
        (end == passage.size() || !ascii_alnum(passage[end])))
      return true;
  }
  return false;
}

}  // namespace

namespace detail {

Standing::Standing(const Organisations& organisations, Impl* impl, const PartialDate& date)
    : organisations_(organisations), impl_(impl), date_(date), bounds_(bounds(date)) {}

std::optional<std::pair<PartialDate, std::string>> Standing::first_shown(
    OrganisationId id, const std::string& from) const {
  auto row = first_row(
      impl_, kOrganisationFirstShown,
      [&](auto& s) {
        s.bind(":id", id.value());
        s.bind(":from", from);
        s.bind(":high", bounds_.high);
      },
      [](auto& s) { return std::pair(opt_date(s, 0), text(s, 1)); });
  if (!row || !row->first) return std::nullopt;
  return std::pair(*row->first, row->second);
}

Standing::Timing Standing::timing(const std::vector<OrganisationEvent>& events,
                                  const std::vector<OrganisationId>& made, std::string& basis,
                                  std::string& why) const {
  const auto& when = events.front().occurred_on;
  if (when) {
    auto b = bounds(*when);
    if (b.high < bounds_.low) return Timing::before;
    if (b.low > bounds_.high) return Timing::after;
    for (OrganisationId id : made) {
      if (events.front().event == "merged") break;
      auto shown = first_shown(id, b.low);
      if (!shown) continue;
      auto o = find(id);
      why = "a document of " + shown->first.to_string() + " (\"" + shown->second +
            "\") already names " + (o ? o->short_name : "its successor") + ", so it came by " +
            date_.to_string() + " (inferred)";
      weaken(basis, "inferred");
      return Timing::before;
    }
  }
  why = "the recorded dates do not settle whether it had happened by " + date_.to_string();
  return Timing::open;
}

OrganisationOnDate Standing::of(const Organisation& asked) const {
  OrganisationOnDate out{asked, date_, "itself", asked, {}, "document", "", {}, {}};
  Organisation current = asked;
  std::vector<std::string> said;
  std::set<std::int64_t> visited{asked.id.value()};  // a lineage that loops is not followed
  auto loops = [&](const Organisation& next) {
    if (visited.insert(next.id.value()).second) return false;
    said.push_back("the recorded lineage returns to " + next.short_name);
    return true;
  };
  // Backwards: a renaming into it after the date means it was then its predecessor; a split or
  // creation after the date means it did not exist yet. (A merger into it leaves it itself: what
  // merged in joined an organisation that already was.)
  for (int guard = 0; guard < 64; ++guard) {
    auto into = events(current.id, /*into=*/true);
    if (into.empty()) break;
    const OrganisationEvent& e = into.front();
    if (e.event == "merged") break;
    std::string basis = event_basis(e);
    std::string why;
    Timing t = timing(into, {current.id}, basis, why);
    if (t == Timing::before) {
      if (!why.empty()) {  // the answer rests on an inference: say so
        out.through.push_back(e);
        weaken(out.basis, basis);
        said.push_back(current.short_name + " came from " + e.from_short_name.value_or("?") + " (" +
                       e.event + " " + when_text(e.occurred_on) + ", " +
                       basis_words(event_basis(e)) + "); " + why);
      }
      break;
    }
    out.through.push_back(e);
    weaken(out.basis, basis);
    if (t == Timing::open) {
      said.push_back(current.short_name + " came from " + e.from_short_name.value_or("?") + " (" +
                     e.event + " " + when_text(e.occurred_on) + ", " + basis_words(event_basis(e)) +
                     "); " + why);
      return finish(out, "undetermined", std::nullopt, said);
    }
    if (e.event == "renamed" && e.from_id) {
      auto before = find(*e.from_id);
      if (!before) break;
      if (loops(*before)) return finish(out, "undetermined", std::nullopt, said);
      said.push_back(current.short_name + " was still " + before->short_name + ": " +
                     before->short_name + " was " + phrase(e) + " " + when_text(e.occurred_on) +
                     ", after " + date_.to_string() + " (" + basis_words(event_basis(e)) + ")");
      out.standing = "predecessor";
      current = *before;
      continue;
    }
    said.push_back(current.short_name + " did not exist yet: it was " +
                   (e.from_short_name ? "made when " + *e.from_short_name + " was " + e.event
                                      : std::string("created")) +
                   " " + when_text(e.occurred_on) + ", after " + date_.to_string() + " (" +
                   basis_words(event_basis(e)) + ")");
    return finish(out, "not yet", std::nullopt, said);
  }
  // Forwards: a rename or merger by the date means it continued as its successor; a split or
  // dissolution by the date means it had ceased.
  for (int guard = 0; guard < 64; ++guard) {
    auto from = events(current.id, /*into=*/false);
    if (from.empty()) break;
    std::vector<OrganisationId> made;
    for (const auto& e : from)
      if (e.to_id) made.push_back(*e.to_id);
    std::string basis = event_basis(from.front());
    std::string why;
    Timing t = timing(from, made, basis, why);
    if (t == Timing::after) break;
    const OrganisationEvent& e = from.front();
    out.through.insert(out.through.end(), from.begin(), from.end());
    weaken(out.basis, basis);
    std::string what = current.short_name + " was " + phrase_all(from) + " " +
                       when_text(e.occurred_on) + " (" + basis_words(event_basis(e)) + ")";
    if (t == Timing::open) {
      said.push_back(what + "; " + why);
      return finish(out, "undetermined", std::nullopt, said);
    }
    said.push_back(what + (why.empty() ? "" : "; " + why));
    if ((e.event == "renamed" || e.event == "merged") && e.to_id && from.size() == 1) {
      auto after = find(*e.to_id);
      if (!after) break;
      if (loops(*after)) return finish(out, "undetermined", std::nullopt, said);
      out.standing = "successor";
      current = *after;
      continue;
    }
    return finish(out, "ceased", std::nullopt, said);
  }
  return finish(out, out.standing, current, said);
}

std::optional<Organisation> Standing::find(OrganisationId id) const {
  auto read = found_.find(id.value());
  if (read == found_.end()) read = found_.emplace(id.value(), organisations_.find(id)).first;
  return read->second;
}

std::vector<OrganisationEvent> Standing::events(OrganisationId id, bool into) const {
  std::vector<OrganisationEvent> mine;
  auto read = lineages_.find(id.value());
  if (read == lineages_.end())
    read = lineages_.emplace(id.value(), organisations_.lineage(id)).first;
  for (const auto& e : read->second) {
    bool is_into = e.to_id && *e.to_id == id;
    bool is_from = e.from_id && *e.from_id == id;
    if (into ? (is_into && e.event != "dissolved") : (is_from && e.event != "created"))
      mine.push_back(e);
  }
  if (mine.empty()) return mine;
  std::vector<OrganisationEvent> first{mine.front()};
  for (std::size_t i = 1; i < mine.size(); ++i)
    if (!into && mine[i].event == first.front().event &&
        mine[i].occurred_on == first.front().occurred_on)
      first.push_back(mine[i]);
  return first;
}

std::string Standing::phrase(const OrganisationEvent& e) {
  std::string to = e.to_short_name.value_or("?");
  if (e.event == "renamed") return "renamed " + to;
  if (e.event == "merged") return "merged into " + to;
  if (e.event == "split") return "split into " + to;
  return e.event;
}

std::string Standing::phrase_all(const std::vector<OrganisationEvent>& parts) {
  if (parts.front().event != "split" || parts.size() == 1) return phrase(parts.front());
  std::string out = "split into ";
  for (std::size_t i = 0; i < parts.size(); ++i)
    out += (i == 0                  ? ""
            : i + 1 == parts.size() ? " and "
                                    : ", ") +
           parts[i].to_short_name.value_or("?");
  return out;
}

OrganisationOnDate& Standing::finish(OrganisationOnDate& out, std::string standing,
                                     std::optional<Organisation> as,
                                     const std::vector<std::string>& said) const {
  out.standing = std::move(standing);
  out.as = std::move(as);
  for (const std::string& s : said) out.explanation += (out.explanation.empty() ? "" : "; ") + s;
  if (out.as) {
    out.name = name_of(out.as->id);
    out.parent = parent_of(out.as->id);
  }
  return out;
}

NameOnDate Standing::name_of(OrganisationId id) const {
  struct Candidate {
    std::string name, kind;
    std::optional<PartialDate> valid_from, valid_to, attested;
    std::optional<std::string> attested_text;  // as stored, for the earliest of several
  };
  std::vector<Candidate> candidates;
  std::vector<std::pair<std::string, std::string>> passages;  // (quote, published)
  stream(
      impl_, kOrganisationNameCandidates, [&](auto& s) { s.bind(":id", id.value()); },
      [](auto& s) {
        return Candidate{text(s, 0),     text(s, 1), opt_date(s, 2),
                         opt_date(s, 3), {},         opt_text(s, 4)};
      },
      [&](Candidate&& c) {
        if (c.kind == "quote")
          passages.emplace_back(std::move(c.name), std::move(*c.attested_text));
        else
          candidates.push_back(std::move(c));
      });
  for (Candidate& c : candidates) {
    if (c.kind != "name") {  // the earliest dated passage cited for the organisation writing it
      for (const auto& [quote, published] : passages)
        if ((!c.attested_text || published + '~' < *c.attested_text + '~') &&
            name_in(quote, c.name, c.kind == "short"))
          c.attested_text = published;
    }
    if (c.attested_text) c.attested = PartialDate::parse(*c.attested_text);
  }
  auto excluded = [&](const Candidate& c) {  // a stated validity that leaves the date out
    return (c.valid_from && bounds(*c.valid_from).low > bounds_.high) ||
           (c.valid_to && bounds(*c.valid_to).high < bounds_.low);
  };
  auto rank = [](const Candidate& c) { return c.kind == "full" ? 2 : c.kind == "name" ? 1 : 0; };
  const Candidate* valid = nullptr;
  const Candidate* attested = nullptr;
  for (const Candidate& c : candidates) {
    if (excluded(c)) continue;
    if (c.valid_from || c.valid_to) {
      if (!valid || (c.valid_from && (!valid->valid_from || *valid->valid_from < *c.valid_from)))
        valid = &c;
    }
    if (c.attested && bounds(*c.attested).high <= bounds_.high) {
      if (!attested || *attested->attested < *c.attested ||
          (*attested->attested == *c.attested && rank(*attested) < rank(c)))
        attested = &c;
    }
  }
  if (valid) return {valid->name, "valid", valid->attested, {}, {}};
  if (attested) return {attested->name, "attested", attested->attested, {}, {}};
  NameOnDate out{"", "short name", {}, {}, {}};
  for (const Candidate& c : candidates) {
    if (c.kind == "short") {
      out.name = c.name;
      out.first_attested = c.attested;
    } else if (c.kind == "full") {
      out.full_name = c.name;
      out.full_name_from = c.attested;
    }
  }
  return out;
}

std::optional<Organisation> Standing::parent_of(OrganisationId id) const {
  auto parent = first_row(
      impl_, kOrganisationParentOn,
      [&](auto& s) {
        s.bind(":id", id.value());
        s.bind(":low", bounds_.low);
        s.bind(":high", bounds_.high);
      },
      [](auto& s) { return integer(s, 0); });
  if (!parent) return std::nullopt;
  return find(OrganisationId(*parent));
}

}  // namespace detail

}  // namespace euiomkb
