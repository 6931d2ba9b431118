// euiomkb export --format FORMAT --out PATH: the whole knowledge base for other tools.
#include <filesystem>
#include <fstream>
#include <map>

#include "export.hpp"
#include "export_catalogue.hpp"
#include "export_linked.hpp"
#include "progress.hpp"
#include "tool.hpp"

namespace euiomkb::cli {
namespace {

struct Arguments {
  std::string format;
  std::string out;
};

// Passes what is written on to `target`, counting the bytes, and shows the megabytes written
// so far on `progress` ("export: 12 MB written to dump.json").
class CountingBuffer : public std::streambuf {
 public:
  CountingBuffer(std::streambuf& target, Progress& progress, std::string what)
      : target_(target), progress_(progress), what_(std::move(what)) {}

 protected:
  int_type overflow(int_type c) override {
    if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
    if (traits_type::eq_int_type(target_.sputc(traits_type::to_char_type(c)), traits_type::eof()))
      return traits_type::eof();
    counted(1);
    return c;
  }
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    std::streamsize put = target_.sputn(s, n);
    counted(put);
    return put;
  }
  int sync() override { return target_.pubsync(); }

 private:
  void counted(std::streamsize n) {
    bytes_ += n;
    if (bytes_ >> 20 != shown_) {
      shown_ = bytes_ >> 20;
      progress_.update(what_, shown_);
    }
  }
  std::streambuf& target_;
  Progress& progress_;
  std::string what_;
  std::streamsize bytes_ = 0;
  std::streamsize shown_ = -1;  // in megabytes; -1 before the first byte
};

// Writes to `path`, or to stdout when it is "-"; on a terminal, shows how much is written.
int to_file(const Tool& tool, const std::string& path,
            const std::function<void(std::ostream&)>& write) {
  if (path == "-") {
    write(tool.out);
    return 0;
  }
  std::ofstream file(path, std::ios::binary);
  if (!file) throw std::runtime_error("cannot write '" + path + "'");
  Progress progress(tool.err, progress_shown(tool.quiet));
  if (progress.shown()) {
    CountingBuffer counting(*file.rdbuf(), progress, "export: MB written to " + path);
    std::ostream counted(&counting);
    counted.exceptions(file.exceptions());
    write(counted);
    counted.flush();
    if (!counted) file.setstate(std::ios::badbit);
    progress.clear();
  } else {
    write(file);
  }
  file.close();
  if (!file) throw std::runtime_error("cannot write '" + path + "'");
  tool.err << "euiomkb: wrote " << path << "\n";
  return 0;
}

// One entry per format, in the order `--help` lists them: its name, what it writes, and how.
struct Exporter {
  const char* name;
  const char* description;
  std::function<int(const Tool&, const KnowledgeBase&, const std::string& out)> run;
};

const std::vector<Exporter>& exporters() {
  static const std::vector<Exporter> kExporters = {
      {"json", "JSON (every view)",
       [](const Tool& tool, const KnowledgeBase& kb, const std::string& out) {
         return to_file(tool, out, [&](std::ostream& o) { export_json(kb, o); });
       }},
      {"csv", "CSV (one file per view + datapackage.json)",
       [](const Tool& tool, const KnowledgeBase& kb, const std::string& out) {
         if (out == "-") throw UsageError("--format csv writes a directory; give --out DIR");
         Progress progress(tool.err, progress_shown(tool.quiet));
         export_csv(kb, out, &progress);
         progress.clear();
         tool.err << "euiomkb: wrote " << out << "/datapackage.json and one CSV per view\n";
         return 0;
       }},
      {"popolo", "Popolo",
       [](const Tool& tool, const KnowledgeBase& kb, const std::string& out) {
         return to_file(tool, out, [&](std::ostream& o) { export_popolo(kb, o); });
       }},
      {"jsonld", "JSON-LD",
       [](const Tool& tool, const KnowledgeBase& kb, const std::string& out) {
         return to_file(tool, out, [&](std::ostream& o) { export_jsonld(kb, o); });
       }},
      {"annotations", "the evidence as W3C Web Annotations",
       [](const Tool& tool, const KnowledgeBase& kb, const std::string& out) {
         return to_file(tool, out, [&](std::ostream& o) { export_annotations(kb, o); });
       }},
      {"datasette", "Datasette's metadata.json",
       [](const Tool& tool, const KnowledgeBase& kb, const std::string& out) {
         // Datasette names a database after its file, without the extension.
         std::string database = std::filesystem::path(tool.location().path).stem().string();
         return to_file(tool, out, [&](std::ostream& o) { export_datasette(kb, database, o); });
       }},
  };
  return kExporters;
}

}  // namespace

void add_export_command(CLI::App& app, Tool& tool) {
  auto args = std::make_shared<Arguments>();
  std::vector<std::string> names;
  std::string described;
  for (const Exporter& e : exporters()) {
    names.emplace_back(e.name);
    described += (described.empty() ? "" : ", ") + std::string(e.description);
  }
  std::string listed;
  for (std::size_t i = 0; i < names.size(); ++i)
    listed += (i == 0 ? "" : i + 1 == names.size() ? " or " : ", ") + names[i];
  auto* command =
      tool.command(app, "export", "Export everything: " + described, [&tool, args, listed] {
        tool.refuse_formats("export", "writes files",
                            "choose their format with --format " + listed);
        KnowledgeBase kb = tool.open();
        for (const Exporter& e : exporters())
          if (args->format == e.name) return e.run(tool, kb, args->out);
        throw UsageError("--format " + args->format + " is unknown");
      });
  command->add_option("--format", args->format, listed)->required()->check(CLI::IsMember(names));
  command->add_option("--out", args->out, "File (- for stdout), or directory (csv)")->required();
}

}  // namespace euiomkb::cli
