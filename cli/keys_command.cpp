// euiomkb keys [KIND]: the keys fact files can refer to, as a table (kind, key, label) in any
// output format.
#include "euiomkb/euiomkb.hpp"
#include "import_command.hpp"
#include "output.hpp"

namespace euiomkb::cli {

void keys_command(const KnowledgeBase& kb, const std::string& kind, Writer& out) {
  std::vector<KnowledgeBase::Key> keys;
  try {
    keys = kb.keys(kind);
  } catch (const DatabaseError&) {
    throw;
  } catch (const Error& e) {
    throw UsageError(e.what());
  }
  out.section("keys", {{"kind"}, {"key"}, {"label"}});
  for (const auto& k : keys) out.row({text(k.kind), text(k.key), text(k.label)});
  out.finish();
}

}  // namespace euiomkb::cli
