// euiomkb diff OLD.db NEW.db: the change feed between two builds of the database (euiomkb::diff,
// include/euiomkb/diff.hpp): the facts added, removed and changed, by kind and key, each with
// its fields and its citations. One document of five parts: the totals, the counts per kind,
// the changes, their fields and their citations.
#include <string>
#include <vector>

#include "euiomkb/diff.hpp"
#include "tool.hpp"

namespace euiomkb::cli {
namespace {

struct Arguments {
  std::string older;
  std::string newer;
  bool exit_code = false;
};

std::string change_name(Change change) {
  switch (change) {
    case Change::added:
      return "added";
    case Change::removed:
      return "removed";
    case Change::changed:
      return "changed";
    case Change::unchanged:
      break;
  }
  return "unchanged";
}

Value key_or_null(const std::string& key) { return key.empty() ? Value() : text(key); }

// For a changed record, what changed in a few words: the fields, and "citations" when a
// citation was added or removed; NULL for a record added or removed whole.
Value what_changed(const RecordChange& change) {
  if (change.change != Change::changed) return {};
  std::string out;
  for (const FieldChange& field : change.fields) out += (out.empty() ? "" : ", ") + field.field;
  for (const CitationChange& citation : change.citations)
    if (citation.change != Change::unchanged) {
      out += out.empty() ? "citations" : ", citations";
      break;
    }
  return text(out);
}

int run_diff(const Tool& tool, const Arguments& args) {
  check_part(tool.format(), tool.part, {"diff", "kinds", "changes", "fields", "citations"});
  KnowledgeBase older =
      KnowledgeBase::open(args.older, tool.open_options(KnowledgeBase::Mode::read_only));
  KnowledgeBase newer =
      KnowledgeBase::open(args.newer, tool.open_options(KnowledgeBase::Mode::read_only));
  std::vector<RecordChange> changes;
  DiffSummary summary = diff(older, newer, [&](const RecordChange& c) { changes.push_back(c); });
  KindDiff total = summary.total();

  auto out = tool.writer(true);
  out->section("diff",
               {{"older"},
                {"newer"},
                {"identical", ColumnType::boolean, true},  // people read the counts
                {"added", ColumnType::integer},
                {"removed", ColumnType::integer},
                {"changed", ColumnType::integer},
                {"unchanged", ColumnType::integer}},
               Shape::summary);
  out->row({text(args.older), text(args.newer), boolean(summary.identical()), integer(total.added),
            integer(total.removed), integer(total.changed), integer(total.unchanged)});
  // Kinds with records in either database.
  out->section("kinds", {{"kind"},
                         {"added", ColumnType::integer},
                         {"removed", ColumnType::integer},
                         {"changed", ColumnType::integer},
                         {"unchanged", ColumnType::integer}});
  for (const KindDiff& k : summary.kinds)
    if (k.added + k.removed + k.changed + k.unchanged > 0)
      out->row({text(k.kind), integer(k.added), integer(k.removed), integer(k.changed),
                integer(k.unchanged)});
  out->section("changes", {{"change"}, {"kind"}, whole_column("key"), {"label"}, {"what"}});
  for (const RecordChange& c : changes)
    out->row({text(change_name(c.change)), text(c.kind), key_or_null(c.key), text(c.label),
              what_changed(c)});
  // Fields and citations: for people, the record by kind and key (its change and label are in
  // "changes"), so that the values keep the width.
  out->section("fields", {{"change", ColumnType::text, true},
                          {"kind"},
                          whole_column("key"),
                          {"label", ColumnType::text, true},
                          {"field"},
                          {"before"},
                          {"after"}});
  for (const RecordChange& c : changes)
    for (const FieldChange& f : c.fields)
      out->row({text(change_name(c.change)), text(c.kind), key_or_null(c.key), text(c.label),
                text(f.field), text(f.before), text(f.after)});
  out->section("citations", {{"change", ColumnType::text, true},
                             {"kind"},
                             whole_column("key"),
                             {"label", ColumnType::text, true},
                             {"citation"},
                             {"source_key"},
                             {"quote"},
                             {"note"}});
  for (const RecordChange& c : changes)
    for (const CitationChange& q : c.citations)
      out->row({text(change_name(c.change)), text(c.kind), key_or_null(c.key), text(c.label),
                text(change_name(q.change)), text(q.source), text(q.quote), text(q.note)});
  out->finish();
  return args.exit_code && !summary.identical() ? 1 : 0;
}

}  // namespace

void add_diff_command(CLI::App& app, Tool& tool) {
  auto args = std::make_shared<Arguments>();
  auto* command = tool.command(
      app, "diff",
      "The facts added, removed and changed between two databases, by kind and key, each with "
      "its citations",
      [&tool, args] { return run_diff(tool, *args); });
  command->add_option("OLD", args->older, "The older database file (--db is not used)")->required();
  command->add_option("NEW", args->newer, "The newer database file")->required();
  command->add_flag(
      "--exit-code", args->exit_code,
      "Exit 1 when the databases differ (as git diff --exit-code), 0 when not; a failure "
      "also exits 1 (--json's identical tells them apart)");
  command->footer(
      "Records are matched by key, or by content for kinds without keys, never by row id: "
      "the same facts imported in another order are no change. Parts: diff (the totals), "
      "kinds, changes, fields, citations.");
}

}  // namespace euiomkb::cli
