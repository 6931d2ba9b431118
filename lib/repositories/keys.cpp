// Keys: a row's key, the rows of a key and every key of a kind (record_key).
#include "repositories/keys.hpp"

#include <string>
#include <vector>

#include "euiomkb/knowledge_base.hpp"
#include "kinds/record_kinds.hpp"
#include "sqlite/impl.hpp"
#include "text/suggest.hpp"

namespace euiomkb {
namespace {

constexpr std::string_view kRowOfKey = "SELECT row_id FROM record_key WHERE kind = ? AND key = ?";
constexpr std::string_view kKeyOfRow =
    "SELECT key FROM record_key WHERE kind = ? AND row_id = ? ORDER BY key LIMIT 1";
constexpr std::string_view kKeysOfKind =
    "SELECT kind, key, coalesce(label, '') FROM v_record_key WHERE kind = ? ORDER BY key";
constexpr std::string_view kKeyCountOfKind = "SELECT count(*) FROM record_key WHERE kind = ?";
constexpr std::string_view kKeyCount = "SELECT count(*) FROM record_key";
constexpr std::string_view kAllKeys =
    "SELECT kind, key, coalesce(label, '') FROM v_record_key ORDER BY kind, key";

}  // namespace

std::optional<std::int64_t> detail::row_of_key(detail::Impl* impl, const char* kind,
                                               std::string_view key) {
  auto rows = detail::collect(
      impl, kRowOfKey,
      [&](auto& s) {
        s.bind(1, kind);
        s.bind(2, std::string(key));
      },
      [](auto& s) { return detail::integer(s, 0); });
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

std::optional<std::string> KnowledgeBase::key_of(std::string_view subject_type,
                                                 std::int64_t subject_id) const {
  auto rows = detail::collect(
      impl_.get(), kKeyOfRow,
      [&](auto& s) {
        s.bind(1, std::string(subject_type));
        s.bind(2, subject_id);
      },
      [](auto& s) { return detail::text(s, 0); });
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

namespace {

// Throws Error unless `kind` is empty (every kind) or a kind of keyed record.
void check_keyed_kind(std::string_view kind) {
  if (kind.empty()) return;
  const detail::KindSpec* spec = detail::find_kind(kind);
  if (spec && spec->keyed) return;
  std::vector<std::string> keyed;
  for (const auto& k : detail::record_kinds())
    if (k.keyed) keyed.emplace_back(k.kind);
  throw Error("'" + std::string(kind) + "' is not a kind of record with keys" +
              detail::did_you_mean(kind, keyed) + "; kinds with keys: " + detail::one_of(keyed));
}

KnowledgeBase::Key key_row(detail::Statement& s) {
  return {detail::text(s, 0), detail::text(s, 1), detail::text(s, 2)};
}

}  // namespace

std::vector<KnowledgeBase::Key> KnowledgeBase::keys(std::string_view kind) const {
  std::vector<Key> out;
  each_key(kind, [&](const Key& k) { out.push_back(k); });
  return out;
}

void KnowledgeBase::each_key(std::string_view kind,
                             const std::function<void(const Key&)>& visit) const {
  check_keyed_kind(kind);
  if (kind.empty())
    return detail::stream(impl_.get(), kAllKeys, detail::kNoBinding, key_row, visit);
  detail::stream(
      impl_.get(), kKeysOfKind, [&](auto& s) { s.bind(1, std::string(kind)); }, key_row, visit);
}

std::int64_t KnowledgeBase::key_count(std::string_view kind) const {
  check_keyed_kind(kind);
  auto count = [](auto& s) { return detail::integer(s, 0); };
  if (kind.empty()) return *detail::first_row(impl_.get(), kKeyCount, detail::kNoBinding, count);
  return *detail::first_row(
      impl_.get(), kKeyCountOfKind, [&](auto& s) { s.bind(1, std::string(kind)); }, count);
}

}  // namespace euiomkb
