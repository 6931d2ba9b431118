// euiomkb export --format FORMAT --out PATH: the whole knowledge base for other tools.
#include <fstream>
#include <map>

#include "export.hpp"
#include "export_linked.hpp"
#include "tool.hpp"

namespace euiomkb::cli {
namespace {

struct Arguments {
  std::string format;
  std::string out;
};

// Writes to `path`, or to stdout when it is "-".
int to_file(const Tool& tool, const std::string& path,
            const std::function<void(std::ostream&)>& write) {
  if (path == "-") {
    write(tool.out);
    return 0;
  }
  std::ofstream file(path, std::ios::binary);
  if (!file) throw std::runtime_error("cannot write '" + path + "'");
  write(file);
  file.close();
  if (!file) throw std::runtime_error("cannot write '" + path + "'");
  tool.err << "euiomkb: wrote " << path << "\n";
  return 0;
}

int run_export(const Tool& tool, const Arguments& args) {
  KnowledgeBase kb = tool.open();
  using Exporter = std::function<int()>;
  const std::map<std::string, Exporter> exporters = {
      {"json",
       [&] { return to_file(tool, args.out, [&](std::ostream& o) { export_json(kb, o); }); }},
      {"popolo",
       [&] { return to_file(tool, args.out, [&](std::ostream& o) { export_popolo(kb, o); }); }},
      {"jsonld",
       [&] { return to_file(tool, args.out, [&](std::ostream& o) { export_jsonld(kb, o); }); }},
      {"annotations",
       [&] {
         return to_file(tool, args.out, [&](std::ostream& o) { export_annotations(kb, o); });
       }},
      {"csv",
       [&] {
         if (args.out == "-") throw UsageError("--format csv writes a directory; give --out DIR");
         export_csv(kb, args.out);
         tool.err << "euiomkb: wrote " << args.out << "/datapackage.json and one CSV per view\n";
         return 0;
       }},
  };
  return exporters.at(args.format)();
}

}  // namespace

void add_export_command(CLI::App& app, Tool& tool) {
  auto args = std::make_shared<Arguments>();
  auto* command = tool.command(
      app, "export",
      "Export everything: JSON (every view), CSV (one file per view + datapackage.json), Popolo, "
      "JSON-LD, the evidence as W3C Web Annotations",
      [&tool, args] {
        tool.refuse_formats("export", "writes files",
                            "choose their format with --format json, csv, popolo, jsonld or "
                            "annotations");
        return run_export(tool, *args);
      });
  command->add_option("--format", args->format, "json, csv, popolo, jsonld or annotations")
      ->required()
      ->check(CLI::IsMember({"json", "csv", "popolo", "jsonld", "annotations"}));
  command->add_option("--out", args->out, "File (- for stdout) or directory (csv)")->required();
}

}  // namespace euiomkb::cli
