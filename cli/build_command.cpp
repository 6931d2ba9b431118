// euiomkb build: write a fresh seeded database.
#include <chrono>
#include <filesystem>
#include <ostream>

#include "import_command.hpp"
#include "tool.hpp"

namespace euiomkb::cli {

KnowledgeBase build_database(const std::string& db, bool force, std::ostream& out) {
  auto started = std::chrono::steady_clock::now();
  KnowledgeBase kb = KnowledgeBase::create_seeded(
      db, force ? KnowledgeBase::Existing::replace : KnowledgeBase::Existing::refuse);
  auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
      std::chrono::steady_clock::now() - started);
  Counts c = kb.counts();
  out << "built " << db << " in " << elapsed.count() << " ms: " << c.sources << " sources, "
      << c.citations << " citations\n";
  return kb;
}

int build(const std::string& db, bool force, std::ostream& out, std::ostream& err) {
  if (std::filesystem::exists(db) && !force) {
    err << "euiomkb: '" << db << "' already exists; pass --force to replace it\n";
    return 1;
  }
  build_database(db, force, out);
  return 0;
}

void add_build_command(CLI::App& app, Tool& tool) {
  auto force = std::make_shared<bool>(false);
  auto facts = std::make_shared<std::string>();
  auto* command =
      tool.command(app, "build", "Write a fresh seeded database", [&tool, force, facts] {
        tool.refuse_formats("build", "prints a line saying what it wrote",
                            "info --json describes the database it builds");
        // Writing a new database makes its directory, wherever the path came from (--db,
        // EUIOMKB_DB or the default), as scripts/quickstart relies on.
        DatabaseLocation where = tool.location();
        auto directory = std::filesystem::path(where.path).parent_path();
        if (!directory.empty()) std::filesystem::create_directories(directory);
        if (!facts->empty())
          return build_with_facts(where.path, *force, *facts, tool.out, tool.err);
        if (*force)
          warn_discarded_imports(where.path, tool.open_options(KnowledgeBase::Mode::read_only),
                                 *facts, tool.err);
        return build(where.path, *force, tool.out, tool.err);
      });
  command->add_flag("--force", *force, "Replace an existing file (it names the imports it drops)");
  command
      ->add_option("--facts", *facts,
                   "Import DIR/*.facts (documents from DIR) into the new "
                   "database; the file is replaced only if that succeeds")
      ->check(CLI::ExistingDirectory);
}

}  // namespace euiomkb::cli
