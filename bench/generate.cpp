#include "generate.hpp"

#include <algorithm>
#include <array>
#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string_view>

namespace euiomkb::bench {
namespace {

namespace fs = std::filesystem;

// SplitMix64: a small generator whose output is fixed by its seed on every platform (the
// standard distributions are not).
class Random {
 public:
  explicit Random(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  // Uniform enough in [0, n) for n far below 2^64.
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }

 private:
  std::uint64_t state_;
};

// ---- calendar ----

struct Day {
  int year, month, day;
};

// Days since 1970-01-01 to a civil date (proleptic Gregorian).
Day civil_from_days(std::int64_t days) {
  days += 719468;
  const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const std::int64_t doe = days - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  const std::int64_t d = doy - (153 * mp + 2) / 5 + 1;
  const std::int64_t m = mp < 10 ? mp + 3 : mp - 9;
  const std::int64_t y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return {static_cast<int>(y), static_cast<int>(m), static_cast<int>(d)};
}

constexpr std::int64_t kFirstDay = 15706;  // 2013-01-01
constexpr std::int64_t kSpanDays = 4383;   // meetings spread over 2013-2024

constexpr std::array<std::string_view, 12> kMonths = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

std::string two(int n) { return (n < 10 ? "0" : "") + std::to_string(n); }

// The working day on which meeting `index` of `count` is held.
Day meeting_day(std::int64_t index, std::int64_t count) {
  std::int64_t days = kFirstDay + index * kSpanDays / std::max<std::int64_t>(count, 1);
  std::int64_t weekday = (days + 4) % 7;  // 0 = Sunday
  if (weekday == 6) days += 2;
  if (weekday == 0) days += 1;
  return civil_from_days(days);
}

std::string iso(const Day& d, bool with_day) {
  std::string out = std::to_string(d.year) + "-" + two(d.month);
  return with_day ? out + "-" + two(d.day) : out;
}

std::string prose(const Day& d, bool with_day) {
  std::string month_year =
      std::string(kMonths[static_cast<std::size_t>(d.month - 1)]) + " " + std::to_string(d.year);
  return with_day ? std::to_string(d.day) + " " + month_year : month_year;
}

std::string ordinal(std::int64_t n) {
  std::int64_t tens = n % 100;
  std::string_view suffix = "th";
  if (tens < 11 || tens > 13) {
    if (n % 10 == 1) suffix = "st";
    if (n % 10 == 2) suffix = "nd";
    if (n % 10 == 3) suffix = "rd";
  }
  return std::to_string(n) + std::string(suffix);
}

std::string padded(std::int64_t n, std::size_t width) {
  std::string digits = std::to_string(n);
  return std::string(width > digits.size() ? width - digits.size() : 0, '0') + digits;
}

// ---- vocabulary ----

constexpr std::array<std::string_view, 40> kFirstNames = {
    "Ana",   "Bruno",  "Carla",    "Dmitri",  "Elena",  "Farid",    "Greta",  "Hugo",
    "Ines",  "Jonas",  "Katrin",   "Luca",    "Maria",  "Nikolai",  "Olga",   "Pedro",
    "Rania", "Stefan", "Teresa",   "Umberto", "Vera",   "Walter",   "Yasmin", "Zoltán",
    "Agnès", "Björn",  "Chiara",   "Dragan",  "Eva",    "François", "Gábor",  "Helena",
    "Ioana", "Jürgen", "Kristīne", "Leila",   "Mehmet", "Nadia",    "Oskar",  "Paula"};
// Middle names with distinct initials: the alias "Ana M. Costa" names one person only.
constexpr std::array<std::string_view, 20> kMiddleNames = {
    "Alexandra", "Benedikt", "Cristina", "Daniel", "Emilia", "Felix",     "Gabriel",
    "Henrik",    "Isabel",   "Josef",    "Klara",  "Lorenz", "Magdalena", "Noemi",
    "Otto",      "Pilar",    "Rafael",   "Sofia",  "Tomás",  "Valentin"};
constexpr std::array<std::string_view, 60> kSurnames = {
    "Costa",      "Müller",    "Novak",        "Sørensen", "Kowalski",  "Rossi",     "Dubois",
    "García",     "Andersson", "Papadopoulos", "Horváth",  "Nowak",     "Jensen",    "Silva",
    "Schmidt",    "Bianchi",   "Lefèvre",      "Martínez", "Nieminen",  "Popescu",   "Dvořák",
    "Kovačić",    "Ozols",     "Kazlauskas",   "Tamm",     "Murphy",    "Borg",      "Van Dijk",
    "Peeters",    "Fischer",   "Moreau",       "Ferreira", "Lindqvist", "Georgiou",  "Szabó",
    "Wiśniewski", "Mancini",   "Girard",       "Ramírez",  "Hansen",    "Ionescu",   "Černý",
    "Petrović",   "Bērziņš",   "Jankauskas",   "Saar",     "O'Brien",   "Camilleri", "De Smet",
    "Wagner",     "Leroy",     "Santos",       "Berg",     "Nikolaou",  "Tóth",      "Zieliński",
    "Ricci",      "Roux",      "Gómez",        "Virtanen"};
constexpr std::array<std::string_view, 16> kLocations = {
    "Brussels", "Geneva", "Luxembourg",  "Nairobi", "Dakar",  "Amman",  "Tunis",  "Rome",
    "Vienna",   "Niamey", "Addis Ababa", "Rabat",   "Ankara", "Beirut", "Athens", "Valletta"};

constexpr std::array<std::string_view, 6> kPostTitles = {"Head of Unit",      "Deputy Head of Unit",
                                                         "Policy Officer",    "Chief of Mission",
                                                         "Programme Manager", "Liaison Officer"};

struct OrganisationSpec {
  std::string key;
  std::string short_name;
  std::string name;
  std::string_view kind;
  std::string parent_key;
  std::string parent_short_name;
};

// Seed organisations the generated posts belong to: (key, short name).
constexpr std::array<std::pair<std::string_view, std::string_view>, 6> kSeedOrganisations = {{
    {"dg-home", "DG HOME"},
    {"dg-echo", "DG ECHO"},
    {"dg-near", "DG NEAR"},
    {"dg-intpa", "DG INTPA"},
    {"eeas", "EEAS"},
    {"iom", "IOM"},
}};

std::vector<OrganisationSpec> generated_organisations() {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 12> kCountries = {{
      {"KE", "Kenya"},
      {"NE", "Niger"},
      {"SN", "Senegal"},
      {"ET", "Ethiopia"},
      {"LY", "Libya"},
      {"TN", "Tunisia"},
      {"MA", "Morocco"},
      {"JO", "Jordan"},
      {"LB", "Lebanon"},
      {"TR", "Türkiye"},
      {"AF", "Afghanistan"},
      {"BD", "Bangladesh"},
  }};
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 4> kDgs = {
      {{"dg-home", "HOME"}, {"dg-echo", "ECHO"}, {"dg-near", "NEAR"}, {"dg-intpa", "INTPA"}}};
  std::vector<OrganisationSpec> out;
  int k = 0;
  for (const auto& [code, country] : kCountries) {
    out.push_back({"g-org-" + std::to_string(k++), "IOM-" + std::string(code),
                   "IOM Country Office for " + std::string(country), "office", "iom", "IOM"});
  }
  for (const auto& [dg, short_dg] : kDgs) {
    for (std::string_view unit : {"A.1", "B.2", "C.3"}) {
      std::string dg_short = "DG " + std::string(short_dg);
      out.push_back({"g-org-" + std::to_string(k++),
                     std::string(short_dg) + "." + std::string(unit),
                     dg_short + " Unit " + std::string(unit), "unit", std::string(dg), dg_short});
    }
  }
  for (std::size_t c = 0; c < 8; ++c) {
    out.push_back({"g-org-" + std::to_string(k++), "EUDEL-" + std::string(kCountries[c].first),
                   "EU Delegation to " + std::string(kCountries[c].second), "office", "eeas",
                   "EEAS"});
  }
  return out;
}

// Topic wordings, each with the theme key it belongs to (seed themes and two generated ones).
constexpr std::array<std::pair<std::string_view, std::string_view>, 24> kTopics = {{
    {"assisted voluntary return from transit countries", "return-reintegration"},
    {"sustainable reintegration of returnees", "return-reintegration"},
    {"readmission cooperation with countries of origin", "return-reintegration"},
    {"addressing the root causes of irregular migration", "root-causes"},
    {"diaspora contributions to development", "root-causes"},
    {"resettlement and complementary pathways", "legal-pathways"},
    {"legal migration and mobility partnerships", "legal-pathways"},
    {"disaster displacement and climate adaptation", "climate-environment"},
    {"environmental degradation and human mobility", "climate-environment"},
    {"protection of migrants in crisis situations", "crises-humanitarian"},
    {"internal displacement and emergency assistance", "crises-humanitarian"},
    {"implementation of the Pact on Migration and Asylum", "eu-policy-frameworks"},
    {"follow-up of the Valletta Action Plan", "eu-policy-frameworks"},
    {"the Global Compact for Safe, Orderly and Regular Migration", "global-agendas"},
    {"migration in the 2030 Agenda for Sustainable Development", "global-agendas"},
    {"migration data and displacement tracking", "evidence-base"},
    {"research on migration drivers", "evidence-base"},
    {"border management capacity building", "migration-governance"},
    {"regional consultative processes on migration", "migration-governance"},
    {"the funding outlook for joint programmes", "funding-environment"},
    {"developments along the Central Mediterranean route", "regional-developments"},
    {"countering migrant smuggling networks", "smuggling-trafficking"},
    {"skills partnerships and labour mobility", "g-theme-0"},
    {"digital identity and migration management systems", "g-theme-1"},
}};

constexpr std::array<std::string_view, 4> kOtherRoles = {"representative", "participant",
                                                         "representative", "panel speaker"};

// ---- output ----

// Writes one fact file record by record.
class FactWriter {
 public:
  FactWriter(const fs::path& path, GeneratedSet& set) : out_(path, std::ios::binary), set_(set) {
    if (!out_) throw std::runtime_error("cannot write " + path.string());
    set_.fact_files.push_back(path);
  }
  ~FactWriter() {
    out_.flush();
    set_.bytes += static_cast<std::int64_t>(out_.tellp());
  }
  FactWriter(const FactWriter&) = delete;
  FactWriter& operator=(const FactWriter&) = delete;

  FactWriter& record(std::string_view kind, std::string_view key = {}) {
    out_ << '\n' << kind;
    if (!key.empty()) out_ << ' ' << key;
    out_ << '\n';
    ++set_.records;
    return *this;
  }
  FactWriter& field(std::string_view name, std::string_view value) {
    out_ << "  " << name << ": " << value << '\n';
    return *this;
  }
  FactWriter& cite(std::string_view source_key, std::string_view quote) {
    out_ << "  cite: " << source_key << " | " << quote << '\n';
    ++set_.citations;
    return *this;
  }
  void comment(std::string_view text) { out_ << "# " << text << '\n'; }
  void check() {
    if (!out_) throw std::runtime_error("write failed");
  }

 private:
  std::ofstream out_;
  GeneratedSet& set_;
};

void write_document(const fs::path& path, const std::string& text, GeneratedSet& set) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  if (!out) throw std::runtime_error("cannot write " + path.string());
  set.bytes += static_cast<std::int64_t>(text.size());
}

void source_record(FactWriter& facts, const std::string& key, const std::string& file,
                   const std::string& title) {
  facts.record("source", key)
      .field("file", file)
      .field("title", title)
      .field("publisher", "Benchmark generator")
      .field("language", "en");
}

struct PersonSpec {
  std::string key;
  std::string name;
  std::string alias;
  std::size_t post;  // index into the post list
  bool acting;
};

// The people pool: how many, and which of them a meeting draws from.
struct Pool {
  std::int64_t people;
  std::int64_t window;  // a meeting draws its attendees from this many consecutive people
  std::int64_t meetings;

  std::int64_t window_start(std::int64_t meeting) const {
    return (people - window) * meeting / std::max<std::int64_t>(meetings, 1);
  }
  // The first and last meeting whose window includes person `j` (for tenure attestations).
  std::pair<std::int64_t, std::int64_t> meetings_of(std::int64_t j) const {
    if (people == window) return {0, meetings - 1};
    std::int64_t span = people - window;
    std::int64_t first = std::max<std::int64_t>(0, (j - window + 1) * meetings / span);
    std::int64_t last = std::min<std::int64_t>(meetings - 1, (j + 1) * meetings / span);
    return {std::min(first, meetings - 1), std::max(last, first)};
  }
};

PersonSpec person_spec(std::int64_t j, std::size_t posts) {
  auto at = [](const auto& list, std::int64_t i) {
    return std::string(list[static_cast<std::size_t>(i) % list.size()]);
  };
  std::string first = at(kFirstNames, j);
  std::string middle = at(kMiddleNames, j / 40);
  std::string surname = at(kSurnames, j / 800);
  if (j >= 48000) surname += "-" + at(kSurnames, j / 48000);
  std::string name = first + " " + middle + " " + surname;
  std::string alias = first + " " + middle.substr(0, 1) + ". " + surname;
  return {"g-p-" + std::to_string(j), name, alias, static_cast<std::size_t>(j) % posts,
          j % 13 == 5};
}

struct PostSpec {
  std::string key;
  std::string title;
  std::string organisation_key;
  std::string organisation_short_name;
};

std::vector<PostSpec> post_specs(const std::vector<OrganisationSpec>& organisations) {
  std::vector<std::pair<std::string, std::string>> owners;
  for (const auto& [key, short_name] : kSeedOrganisations)
    owners.emplace_back(std::string(key), std::string(short_name));
  for (const auto& o : organisations) owners.emplace_back(o.key, o.short_name);
  std::vector<PostSpec> posts;
  for (const auto& [key, short_name] : owners) {
    for (std::string_view title : kPostTitles) {
      posts.push_back(
          {"g-post-" + std::to_string(posts.size()), std::string(title), key, short_name});
    }
  }
  return posts;
}

std::string post_phrase(const PersonSpec& person, const PostSpec& post) {
  return (person.acting ? "acting " : "") + post.title + ", " + post.organisation_short_name;
}

// The directory file: themes, organisations, posts, then people in blocks of one staff list
// document each.
void write_directory(const GeneratorOptions& options, const Pool& pool,
                     const std::vector<OrganisationSpec>& organisations,
                     const std::vector<PostSpec>& posts, GeneratedSet& set) {
  const fs::path sources = options.out_dir / "sources";
  FactWriter facts(options.out_dir / "facts" / "g0000_directory.facts", set);
  facts.comment("Generated by euiomkb_generate: organisations, posts and people.");

  facts.record("theme", "g-theme-0")
      .field("name", "Labour mobility and skills")
      .field("description", "Skills partnerships and labour migration schemes.");
  facts.record("theme", "g-theme-1")
      .field("name", "Digitalisation of migration management")
      .field("description", "Digital identity, case management and data systems.");

  source_record(facts, "g-directory", "g-directory.txt",
                "Generated directory of offices and posts");
  std::string directory = "Directory of offices and posts\n\n";
  for (const auto& o : organisations) {
    std::string sentence = o.name + " (" + o.short_name + ") is part of " + o.parent_short_name;
    directory += sentence + ".\n";
    facts.record("organisation", o.key)
        .field("short_name", o.short_name)
        .field("name", o.name)
        .field("kind", o.kind)
        .cite("g-directory", sentence);
    facts.record("organisation_parent")
        .field("organisation", o.key)
        .field("parent", o.parent_key)
        .cite("g-directory", sentence);
  }
  directory += "\n";
  for (const auto& post : posts) {
    std::string sentence = "The post of " + post.title + ", " + post.organisation_short_name;
    directory += sentence + ", is listed.\n";
    facts.record("post", post.key)
        .field("title", post.title)
        .field("organisation", post.organisation_key)
        .cite("g-directory", sentence);
  }
  write_document(sources / "g-directory.txt", directory, set);

  constexpr std::int64_t kPeoplePerDocument = 500;
  for (std::int64_t block = 0; block * kPeoplePerDocument < pool.people; ++block) {
    std::string key = "g-staff-" + padded(block, 5);
    source_record(facts, key, key + ".txt", "Generated staff list " + std::to_string(block));
    std::string document = "Staff list " + std::to_string(block) + "\n\n";
    std::int64_t end = std::min(pool.people, (block + 1) * kPeoplePerDocument);
    for (std::int64_t j = block * kPeoplePerDocument; j < end; ++j) {
      PersonSpec person = person_spec(j, posts.size());
      const PostSpec& post = posts[person.post];
      auto [first, last] = pool.meetings_of(j);
      std::string from = iso(meeting_day(first, pool.meetings), false);
      std::string to = iso(meeting_day(last, pool.meetings), false);
      std::string serves = person.name + " serves as " + post_phrase(person, post);
      std::string tenure = serves + ", from " + prose(meeting_day(first, pool.meetings), false) +
                           " to " + prose(meeting_day(last, pool.meetings), false);
      std::string alias = "Colleagues write " + person.alias;
      document += tenure + ". " + alias + ".\n\n";
      facts.record("person", person.key).field("name", person.name);
      if (j % 11 == 0) facts.field("honorific", "Dr");
      facts.cite(key, serves);
      facts.record("person_alias")
          .field("person", person.key)
          .field("alias", person.alias)
          .cite(key, alias);
      facts.record("tenure")
          .field("person", person.key)
          .field("post", post.key)
          .field("attested_from", from)
          .field("attested_to", to);
      if (person.acting) facts.field("acting", "yes");
      facts.cite(key, tenure);
      ++set.people;
    }
    write_document(sources / (key + ".txt"), document, set);
    facts.check();
  }
}

// Meetings, in files of options.meetings_per_file, with one report document per
// options.meetings_per_document meetings.
void write_meetings(const GeneratorOptions& options, const Pool& pool,
                    const std::vector<OrganisationSpec>& organisations,
                    const std::vector<PostSpec>& posts, GeneratedSet& set) {
  const fs::path sources = options.out_dir / "sources";
  const std::int64_t n = options.meetings;
  Random random(options.seed);

  // Generated offices announce joining the Strategic Cooperation Framework at chosen meetings.
  std::vector<std::pair<std::int64_t, const OrganisationSpec*>> joins;
  if (n >= 9) {
    for (std::size_t k = 0; k < organisations.size(); k += 4)
      joins.emplace_back(static_cast<std::int64_t>(k / 4 + 1) * n / 9, &organisations[k]);
  }

  std::unique_ptr<FactWriter> facts;
  std::string document;
  std::string document_key;
  auto flush_document = [&] {
    if (!document_key.empty()) write_document(sources / (document_key + ".txt"), document, set);
    document.clear();
    document_key.clear();
  };
  for (std::int64_t i = 0; i < n; ++i) {
    if (i % options.meetings_per_file == 0) {
      facts.reset();  // a report document may continue into the next file
      std::int64_t file = i / options.meetings_per_file + 1;
      facts = std::make_unique<FactWriter>(
          options.out_dir / "facts" / ("g" + padded(file, 4) + "_meetings.facts"), set);
      facts->comment("Generated by euiomkb_generate: meetings " + std::to_string(i) + " to " +
                     std::to_string(std::min(n, i + options.meetings_per_file) - 1) + ".");
    }
    if (i % options.meetings_per_document == 0) {
      flush_document();
      document_key = "g-report-" + padded(i / options.meetings_per_document, 5);
      source_record(
          *facts, document_key, document_key + ".txt",
          "Generated meeting report " + std::to_string(i / options.meetings_per_document));
      document = "Meeting report\n\n";
    }
    FactWriter& out = *facts;
    const std::string& source = document_key;

    bool som = i % 3 == 0;
    std::int64_t sequence = som ? 101 + i / 3 : 101 + i - i / 3 - 1;
    std::string title = ordinal(sequence) + (som ? " EU-IOM Senior Officials Meeting"
                                                 : " EU-IOM Heads of Unit/Division meeting");
    bool with_day = i % 25 != 7;
    Day day = meeting_day(i, n);
    std::string location(kLocations[random.below(kLocations.size())]);
    std::string key = generated_meeting_key(i);

    std::string held = "The " + title + " was held in " + location + (with_day ? " on " : " in ") +
                       prose(day, with_day);
    document += held + ".";
    out.record("meeting", key)
        .field("series", som ? "SOM" : "HOU")
        .field("sequence_no", std::to_string(sequence))
        .field("title", title)
        .field("held_on", iso(day, with_day))
        .field("location", location)
        .cite(source, held);

    // Host and participant: the EU side hosts SOMs, IOM and DG HOME take turns with HOUs.
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 3> kHosts = {
        {{"dg-home", "DG HOME"}, {"eeas", "EEAS"}, {"dg-intpa", "DG INTPA"}}};
    auto [host_key, host_name] =
        som ? kHosts[static_cast<std::size_t>(i / 3) % kHosts.size()]
            : (i % 2 == 0 ? std::pair<std::string_view, std::string_view>{"iom", "IOM"}
                          : kHosts[0]);
    auto [guest_key, guest_name] =
        host_key == "iom" ? std::pair<std::string_view, std::string_view>{"dg-home", "DG HOME"}
                          : std::pair<std::string_view, std::string_view>{"iom", "IOM"};
    std::string hosted = std::string(host_name) + " hosted the " + title;
    std::string took_part = std::string(guest_name) + " took part in the " + title;
    document += " " + hosted + ". " + took_part + ".";
    out.record("meeting_organisation")
        .field("meeting", key)
        .field("organisation", host_key)
        .field("role", "host")
        .cite(source, hosted);
    out.record("meeting_organisation")
        .field("meeting", key)
        .field("organisation", guest_key)
        .field("role", "participant")
        .cite(source, took_part);

    // Attendance: 8 to 12 distinct people from the pool's window at this meeting's time.
    std::int64_t count = 8 + static_cast<std::int64_t>(random.below(5));
    count = std::min(count, pool.window);
    std::int64_t start = pool.window_start(i);
    std::vector<std::int64_t> chosen;
    while (static_cast<std::int64_t>(chosen.size()) < count) {
      std::int64_t j =
          start + static_cast<std::int64_t>(random.below(static_cast<std::size_t>(pool.window)));
      if (std::find(chosen.begin(), chosen.end(), j) == chosen.end()) chosen.push_back(j);
    }
    bool announced = i % 7 == 3;
    for (std::size_t a = 0; a < chosen.size(); ++a) {
      PersonSpec person = person_spec(chosen[a], posts.size());
      const PostSpec& post = posts[person.post];
      std::string role = a < 2    ? "co-chair"
                         : a == 2 ? (i % 5 == 0 ? "opening speaker" : "representative")
                                  : std::string(kOtherRoles[random.below(kOtherRoles.size())]);
      std::string sentence = "At the " + title + ", " + person.name + " (" +
                             post_phrase(person, post) + ") " +
                             (announced ? "was announced as " : "attended as ") + role;
      document += " " + sentence + ".";
      out.record("attendance")
          .field("meeting", key)
          .field("person", person.key)
          .field("organisation", post.organisation_key)
          .field("post", post.key)
          .field("role", role)
          .field("attested_as", announced ? "announced" : "reported")
          .cite(source, sentence);
    }

    // Three distinct topics.
    std::array<std::size_t, 3> topics{};
    for (std::size_t t = 0; t < topics.size(); ++t) {
      do {
        topics[t] = random.below(kTopics.size());
      } while (std::find(topics.begin(), topics.begin() + static_cast<std::ptrdiff_t>(t),
                         topics[t]) != topics.begin() + static_cast<std::ptrdiff_t>(t));
      std::string sentence =
          "Delegates at the " + title + " discussed " + std::string(kTopics[topics[t]].first);
      document += " " + sentence + ".";
      out.record("topic")
          .field("meeting", key)
          .field("label", kTopics[topics[t]].first)
          .field("theme", kTopics[topics[t]].second)
          .cite(source, sentence);
    }

    for (const auto& [at, organisation] : joins) {
      if (at != i) continue;
      std::string sentence = "At the " + title + ", " + organisation->name +
                             " announced that it was joining the Strategic Cooperation Framework";
      document += " " + sentence + ".";
      out.record("agreement_party")
          .field("agreement", "scf-2012")
          .field("organisation", organisation->key)
          .field("since", iso(day, with_day))
          .field("how", "announced at meeting")
          .field("meeting", key)
          .cite(source, sentence);
      out.record("meeting_organisation")
          .field("meeting", key)
          .field("organisation", organisation->key)
          .field("role", "joining announced")
          .cite(source, sentence);
    }
    document += "\n\n";
    ++set.meetings;
    if (i % 1000 == 999) out.check();
  }
  flush_document();
  if (facts) facts->check();
}

}  // namespace

std::string generated_meeting_key(std::int64_t index) { return "g-m-" + std::to_string(index); }

GeneratedSet generate(const GeneratorOptions& options) {
  if (options.meetings < 0 || options.meetings_per_file < 1 || options.meetings_per_document < 1)
    throw std::runtime_error("the numbers of meetings must be positive");
  fs::create_directories(options.out_dir / "facts");
  fs::create_directories(options.out_dir / "sources");
  for (const auto& entry : fs::directory_iterator(options.out_dir / "facts"))
    if (entry.path().filename().string().starts_with("g")) fs::remove(entry.path());

  GeneratedSet set;
  set.sources_dir = options.out_dir / "sources";
  Pool pool;
  pool.meetings = options.meetings;
  pool.people = std::max<std::int64_t>(60, options.meetings / 4);
  pool.window = std::min<std::int64_t>(pool.people, 300);
  auto organisations = generated_organisations();
  auto posts = post_specs(organisations);
  write_directory(options, pool, organisations, posts, set);
  write_meetings(options, pool, organisations, posts, set);
  return set;
}

std::vector<std::filesystem::path> fact_files_in(const std::filesystem::path& out_dir) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(out_dir / "facts"))
    if (entry.path().extension() == ".facts") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

DocumentProvider documents_in(const std::filesystem::path& out_dir) {
  fs::path sources = out_dir / "sources";
  return [sources](const std::string& file_name) -> std::optional<std::string> {
    if (file_name.find('/') != std::string::npos) return std::nullopt;
    std::ifstream in(sources / file_name, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
  };
}

}  // namespace euiomkb::bench
