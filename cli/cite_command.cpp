// euiomkb cite ID: one citation as a reader needs it (euiomkb::Passage, the presentation the
// evidence site shares): the quotation marked in its context, the record it backs, the source by
// title, publisher, date and URL, the note, and a reference ready to paste.
#include <charconv>
#include <cstdlib>
#include <stdexcept>

#include "citations.hpp"
#include "terminal.hpp"
#include "tool.hpp"

namespace euiomkb::cli {
namespace {

struct Arguments {
  std::string id;
};

Value key_or_null(const std::string& key) { return key.empty() ? Value() : text(key); }

int cite(const Tool& tool, const Arguments& args) {
  std::int64_t id = 0;
  const char* last = args.id.data() + args.id.size();
  auto [end, ec] = std::from_chars(args.id.data(), last, id);
  if (ec != std::errc() || end != last || id < 1)
    throw UsageError("cite: '" + args.id +
                     "' is not a citation id (a number from a 'cited' column)");
  KnowledgeBase kb = tool.open();
  std::optional<Passage> p = kb.passage(CitationId(id));
  if (!p) throw std::runtime_error("cite: there is no citation " + args.id);
  const SourceSummary& s = p->source;
  auto out = tool.writer(false);
  if (tool.format() == Format::table) {
    bool styled = styles_wanted(tool.out_is_terminal, std::getenv("NO_COLOR"));
    // For people: what it backs, the passage in its context, the source described.
    std::string backs = p->subject_type + (p->subject_key.empty() ? "" : " " + p->subject_key);
    out->section("citation",
                 joined<Column>({{{"citation"}, {"backs"}, {"passage"}, {"note"}},
                                 source_columns(false),
                                 {{"source_key"}, {"reference"}}}),
                 Shape::record);
    out->row(joined<Value>({{integer(p->citation.id.value()), text(backs),
                             text(quotation_in_context(p->before, p->passage, p->after, styled)),
                             text(p->citation.note)},
                            source_values(s, false),
                            {key_or_null(s.key), text(p->reference)}}));
  } else {
    // For programs: every field of the Passage, flat, with the keys of what it names.
    out->section("citation",
                 joined<Column>({{{"citation", ColumnType::integer},
                                  {"subject_type"},
                                  {"subject_id", ColumnType::integer},
                                  {"subject_key"},
                                  {"quote"},
                                  {"before"},
                                  {"passage"},
                                  {"after"},
                                  {"start_offset", ColumnType::integer},
                                  {"end_offset", ColumnType::integer},
                                  {"note"},
                                  {"source_id", ColumnType::integer},
                                  {"source_key"}},
                                 source_columns(true),
                                 {{"file_name"}, {"anchor"}, {"reference"}, {"fragment_url"}}}),
                 Shape::record);
    out->row(joined<Value>(
        {{integer(p->citation.id.value()), text(p->subject_type), integer(p->subject_id),
          key_or_null(p->subject_key), text(p->citation.quote), text(p->before), text(p->passage),
          text(p->after), integer(p->citation.start_offset), integer(p->citation.end_offset),
          text(p->citation.note), integer(s.id.value()), key_or_null(s.key)},
         source_values(s, true),
         {text(s.file_name), text(p->anchor), text(p->reference), text(p->fragment_url)}}));
  }
  out->finish();
  return 0;
}

}  // namespace

void add_cite_command(CLI::App& app, Tool& tool) {
  auto args = std::make_shared<Arguments>();
  auto* command = tool.command(app, "cite",
                               "One citation: the quotation marked in its context, the record it "
                               "backs, the source's title, publisher, date and URL, a reference",
                               [&tool, args] { return cite(tool, *args); });
  command->add_option("id", args->id, "A citation id (the numbers of a 'cited' column)")
      ->required();
}

}  // namespace euiomkb::cli
