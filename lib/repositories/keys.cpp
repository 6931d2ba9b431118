// Keys: a row's key, the row of a key, adding a key, and every key of a kind (record_key).
#include "repositories/keys.hpp"

#include <sqlite3.h>

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
constexpr std::string_view kInsertKey =
    "INSERT INTO record_key (kind, key, row_id) VALUES (?, ?, ?)";
constexpr std::string_view kKeysOfKind =
    "SELECT kind, key, coalesce(label, '') FROM v_record_key WHERE kind = ? ORDER BY key";
constexpr std::string_view kKeyCountOfKind = "SELECT count(*) FROM record_key WHERE kind = ?";
constexpr std::string_view kKeyCount = "SELECT count(*) FROM record_key";
constexpr std::string_view kAllKeys =
    "SELECT kind, key, coalesce(label, '') FROM v_record_key ORDER BY kind, key";

// Binds `value` to parameter `index` of `s` as text, without first copying it into a
// std::string (the loader looks up a key for every reference it reads). Throws
// SQLite::Exception when SQLite refuses it.
void bind_text(detail::Statement& s, int index, std::string_view value) {
  int rc = sqlite3_bind_text(s.handle(), index, value.data(), static_cast<int>(value.size()),
                             SQLITE_TRANSIENT);
  if (rc != SQLITE_OK) throw SQLite::Exception(sqlite3_db_handle(s.handle()), rc);
}

}  // namespace

std::optional<std::int64_t> detail::row_of_key(Connection& connection, std::string_view kind,
                                               std::string_view key) {
  return first_row(
      connection, kRowOfKey,
      [&](Statement& s) {
        bind_text(s, 1, kind);
        bind_text(s, 2, key);
      },
      [](Statement& s) { return integer(s, 0); });
}

std::optional<std::int64_t> detail::row_of_key(Impl* impl, std::string_view kind,
                                               std::string_view key) {
  return guarded(impl->connection, [&] { return row_of_key(impl->connection, kind, key); });
}

std::optional<std::string> detail::key_of_row(Connection& connection, std::string_view kind,
                                              std::int64_t row_id) {
  return first_row(
      connection, kKeyOfRow,
      [&](Statement& s) {
        bind_text(s, 1, kind);
        s.bind(2, row_id);
      },
      [](Statement& s) { return text(s, 0); });
}

void detail::add_key(Connection& connection, std::string_view kind, std::string_view key,
                     std::int64_t row_id) {
  execute(connection, kInsertKey, [&](Statement& s) {
    bind_text(s, 1, kind);
    bind_text(s, 2, key);
    s.bind(3, row_id);
  });
}

std::optional<std::string> KnowledgeBase::key_of(std::string_view subject_type,
                                                 std::int64_t subject_id) const {
  detail::Impl* impl = impl_.get();
  return detail::guarded(impl->connection, [&] {
    return detail::key_of_row(impl->connection, subject_type, subject_id);
  });
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
