// euiomkb info: what the database holds: schema version, counts by kind, sources, and the fact
// files users imported (euiomkb import), oldest first.
#include "tool.hpp"

namespace euiomkb::cli {

void add_info_command(CLI::App& app, Tool& tool) {
  tool.command(
      app, "info", "Schema version, counts by kind of record, sources, imported files", [&tool] {
        KnowledgeBase kb = tool.open();
        auto out = tool.writer(true);
        out->section("database",
                     {{"file"},
                      {"schema_version", ColumnType::integer},
                      {"latest_schema_version", ColumnType::integer}},
                     Shape::record);
        out->row({text(tool.location().path), integer(kb.schema_version()),
                  integer(KnowledgeBase::latest_schema_version())});
        Counts c = kb.counts();
        out->section("counts", {{"kind"}, {"count", ColumnType::integer}});
        const std::pair<const char*, std::int64_t> counts[] = {
            {"source", c.sources},     {"organisation", c.organisations}, {"person", c.people},
            {"meeting", c.meetings},   {"attendance", c.attendances},     {"topic", c.topics},
            {"citation", c.citations}, {"claim", c.conflicting_claims}};
        for (const auto& [kind, count] : counts)
          out->row({text(std::string(kind)), integer(count)});
        out->section("sources", {{"source_id", ColumnType::integer},
                                 {"file_name"},
                                 {"published"},
                                 {"publisher"},
                                 {"title"},
                                 {"length", ColumnType::integer}});
        for (const SourceSummary& s : kb.sources().list())
          out->row({integer(s.id.value()), text(s.file_name), date(s.published), text(s.publisher),
                    text(s.title), integer(s.length)});
        out->section("imports", {{"import_id", ColumnType::integer},
                                 {"file_name"},
                                 {"imported_at"},
                                 {"records", ColumnType::integer},
                                 {"sha256"},
                                 {"replaced_by", ColumnType::integer}});
        for (const LoggedImport& i : kb.import_log())
          out->row({integer(i.import_id), text(i.file_name), text(i.imported_at),
                    integer(i.records), text(i.sha256), integer(i.replaced_by)});
        out->finish();
        return 0;
      });
}

}  // namespace euiomkb::cli
