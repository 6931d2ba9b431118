#include <algorithm>

#include "euiomkb/euiomkb.hpp"
#include "import_command.hpp"

namespace euiomkb::cli {

int keys_command(const std::string& db, const std::string& kind, std::ostream& out,
                 std::ostream& err) {
  KnowledgeBase kb = KnowledgeBase::open(db);
  std::vector<KnowledgeBase::Key> keys;
  try {
    keys = kb.keys(kind);
  } catch (const DatabaseError&) {
    throw;
  } catch (const Error& e) {
    err << "euiomkb: " << e.what() << "\n";
    return 2;
  }
  std::size_t kind_width = 0, key_width = 0;
  for (const auto& k : keys) {
    kind_width = std::max(kind_width, k.kind.size());
    key_width = std::max(key_width, k.key.size());
  }
  for (const auto& k : keys) {
    if (kind.empty()) out << k.kind << std::string(kind_width - k.kind.size() + 2, ' ');
    out << k.key << std::string(key_width - k.key.size() + 2, ' ') << k.label << "\n";
  }
  return 0;
}

}  // namespace euiomkb::cli
