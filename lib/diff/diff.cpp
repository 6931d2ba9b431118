// diff(): the facts of two knowledge bases compared kind by kind, by keys and content (the
// contract is in include/euiomkb/diff.hpp; docs/design.md, "Diff", says why so).
#include "euiomkb/diff.hpp"

#include <algorithm>
#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

#include "kinds/record_kinds.hpp"
#include "sqlite/impl.hpp"

namespace euiomkb {
namespace detail {
namespace {

// The columns diff() reads of a kind: each field that has a column (the fact files' fields),
// plus what a kind stores of its own beyond them (a source's SHA-256: another text of the
// document is another document). Derived columns (folded names) follow their fields.
struct ReadField {
  std::string name;
  std::string column;
  Type type;
  bool required;
  std::string_view ref_kind;
};

struct KindReader {
  const KindSpec* spec;
  std::vector<ReadField> fields;
  std::string rows_sql;  // id, then the fields' columns in order
};

// One reader per kind, written from the record-kind table once (kind, table and column names
// come from that table, never from input); the SQL texts live as long as the program, as
// Connection::prepare's cache needs.
const std::vector<KindReader>& kind_readers() {
  static const std::vector<KindReader> readers = [] {
    std::vector<KindReader> out;
    for (const KindSpec& spec : record_kinds()) {
      KindReader reader{&spec, {}, {}};
      for (const FieldSpec& field : spec.fields) {
        std::string column = column_of_field(spec, field.name);
        if (column.empty()) continue;
        reader.fields.push_back(
            {std::string(field.name), column, field.type, field.required, field.ref_kind});
      }
      if (spec.kind == "source")
        reader.fields.push_back({"sha256", "sha256", Type::text, true, {}});
      reader.rows_sql = "SELECT " + std::string(spec.id_column);
      for (const ReadField& field : reader.fields) reader.rows_sql += ", " + field.column;
      reader.rows_sql += " FROM " + std::string(spec.kind);
      out.push_back(std::move(reader));
    }
    return out;
  }();
  return readers;
}

// The lowest key of every keyed row.
constexpr std::string_view kKeys = R"sql(
SELECT kind, row_id, min(key) FROM record_key GROUP BY kind, row_id
)sql";

// The citations of one kind's rows, the source by its key (its file name without one).
constexpr std::string_view kCitations = R"sql(
SELECT c.subject_id,
       coalesce((SELECT min(k.key) FROM record_key k
                  WHERE k.kind = 'source' AND k.row_id = c.source_id), s.file_name),
       c.quote, c.note
  FROM citation c JOIN source s ON s.source_id = c.source_id
 WHERE c.subject_type = :kind
)sql";

struct Quotation {
  std::string source;
  std::string quote;
  std::optional<std::string> note;
  bool operator<(const Quotation& other) const {
    return std::tie(source, quote, note) < std::tie(other.source, other.quote, other.note);
  }
  bool operator==(const Quotation&) const = default;
};

using Values = std::vector<std::optional<std::string>>;

// One record as diff() compares it.
struct Record {
  std::string key;  // keyed kinds: its key (empty without one); others: its required references
  Values values;    // per ReadField, as a fact file writes them
  std::vector<Quotation> citations;  // sorted
};

// One side of the comparison: a database read in one transaction (one snapshot), unless its
// connection is already inside one.
class Side {
 public:
  explicit Side(const KnowledgeBase& kb) : impl_(&Access::impl(kb)), snapshot_(impl_->connection) {
    stream(
        impl_, kKeys, kNoBinding,
        [](Statement& s) { return std::make_tuple(text(s, 0), integer(s, 1), text(s, 2)); },
        [&](auto&& row) { keys_[std::get<0>(row)][std::get<1>(row)] = std::get<2>(row); });
  }

  // Every record of `reader`'s kind, sorted by key, values and citations.
  std::vector<Record> records(const KindReader& reader) const {
    const std::string kind(reader.spec->kind);
    std::unordered_map<std::int64_t, std::vector<Quotation>> cited;
    stream(
        impl_, kCitations, [&](SQLite::Statement& s) { s.bind(":kind", kind); },
        [](Statement& s) {
          return std::make_pair(integer(s, 0), Quotation{text(s, 1), text(s, 2), opt_text(s, 3)});
        },
        [&](auto&& row) { cited[row.first].push_back(std::move(row.second)); });
    std::vector<Record> out;
    stream(
        impl_, reader.rows_sql, kNoBinding,
        [&](Statement& s) {
          std::int64_t id = integer(s, 0);
          Record record;
          for (std::size_t i = 0; i < reader.fields.size(); ++i)
            record.values.push_back(opt_text(s, static_cast<int>(i) + 1));
          written(reader, record.values);
          record.key =
              reader.spec->keyed ? key_of(kind, id).value_or("") : anchor(reader, record.values);
          if (auto found = cited.find(id); found != cited.end())
            record.citations = std::move(found->second);
          std::sort(record.citations.begin(), record.citations.end());
          return record;
        },
        [&](Record&& record) { out.push_back(std::move(record)); });
    std::sort(out.begin(), out.end(), [](const Record& a, const Record& b) {
      return std::tie(a.key, a.values, a.citations) < std::tie(b.key, b.values, b.citations);
    });
    return out;
  }

 private:
  std::optional<std::string> key_of(const std::string& kind, std::int64_t id) const {
    auto of_kind = keys_.find(kind);
    if (of_kind == keys_.end()) return std::nullopt;
    auto found = of_kind->second.find(id);
    if (found == of_kind->second.end()) return std::nullopt;
    return found->second;
  }

  // The stored values as a fact file writes them: a reference as the key it names (a row
  // without a key, added by hand-written SQL, as "#" and its id), a boolean as yes or no.
  // A reference field without a kind (a claim's subject_key) names a record of the kind its
  // row's subject_type says.
  void written(const KindReader& reader, Values& values) const {
    for (std::size_t i = 0; i < reader.fields.size(); ++i) {
      const ReadField& field = reader.fields[i];
      std::optional<std::string>& value = values[i];
      if (!value) continue;
      if (field.type == Type::boolean) {
        value = *value == "0" ? "no" : "yes";
      } else if (field.type == Type::ref) {
        std::string target(field.ref_kind);
        if (target.empty())
          for (std::size_t j = 0; j < reader.fields.size(); ++j)
            if (reader.fields[j].name == "subject_type" && values[j]) target = *values[j];
        value = key_of(target, std::stoll(*value)).value_or("#" + *value);
      }
    }
  }

  static std::string anchor(const KindReader& reader, const Values& values) {
    std::string out;
    for (std::size_t i = 0; i < reader.fields.size(); ++i) {
      const ReadField& field = reader.fields[i];
      if (!field.required || !values[i]) continue;
      if (field.type != Type::ref && field.type != Type::series) continue;
      if (!out.empty()) out += '/';
      out += *values[i];
    }
    return out;
  }

  Impl* impl_;
  ReadSnapshot snapshot_;  // the whole comparison reads one state of this side's file
  std::unordered_map<std::string, std::unordered_map<std::int64_t, std::string>> keys_;
};

// The record in a few words (RecordChange::label).
std::string label_of(const KindReader& reader, const Values& values) {
  for (std::string_view name : {"title", "name", "label", "alias", "text"})
    for (std::size_t i = 0; i < reader.fields.size(); ++i)
      if (reader.fields[i].name == name && values[i]) return *values[i];
  for (bool required : {true, false})
    for (std::size_t i = 0; i < reader.fields.size(); ++i)
      if (reader.fields[i].type != Type::ref && values[i] &&
          (reader.fields[i].required || !required))
        return *values[i];
  return "";
}

std::vector<CitationChange> citation_changes(const std::vector<Quotation>& before,
                                             const std::vector<Quotation>& after) {
  std::vector<CitationChange> out;
  auto add = [&](Change change, const Quotation& q) {
    out.push_back({change, q.source, q.quote, q.note});
  };
  std::size_t i = 0, j = 0;
  while (i < before.size() || j < after.size()) {
    if (j == after.size() || (i < before.size() && before[i] < after[j])) {
      add(Change::removed, before[i++]);
    } else if (i == before.size() || after[j] < before[i]) {
      add(Change::added, after[j++]);
    } else {
      add(Change::unchanged, after[j++]);
      ++i;
    }
  }
  return out;
}

// The change of a record present in only one database (`older` or `newer` is null) or in both.
RecordChange record_change(const KindReader& reader, const Record* older, const Record* newer) {
  RecordChange change;
  change.change = !older ? Change::added : !newer ? Change::removed : Change::changed;
  change.kind = std::string(reader.spec->kind);
  const Record& shown = newer ? *newer : *older;
  change.key = shown.key;
  change.label = label_of(reader, shown.values);
  for (std::size_t i = 0; i < reader.fields.size(); ++i) {
    std::optional<std::string> before = older ? older->values[i] : std::nullopt;
    std::optional<std::string> after = newer ? newer->values[i] : std::nullopt;
    if (before != after) change.fields.push_back({reader.fields[i].name, before, after});
  }
  static const std::vector<Quotation> kNone;
  change.citations =
      citation_changes(older ? older->citations : kNone, newer ? newer->citations : kNone);
  return change;
}

// Pairs the records of one kind: (older, newer), either null for a record of one side only.
std::vector<std::pair<const Record*, const Record*>> match(const KindReader& reader,
                                                           const std::vector<Record>& older,
                                                           const std::vector<Record>& newer) {
  std::vector<std::pair<const Record*, const Record*>> pairs;
  std::vector<bool> older_done(older.size()), newer_done(newer.size());
  // First by key (keyed kinds) or by every value (the others, and keyed rows without a key).
  auto identity = [&](const Record& r) {
    return reader.spec->keyed && !r.key.empty() ? Values{r.key} : r.values;
  };
  std::map<std::pair<bool, Values>, std::vector<std::size_t>> waiting;  // newer, by identity
  for (std::size_t j = newer.size(); j-- > 0;)
    waiting[{reader.spec->keyed && !newer[j].key.empty(), identity(newer[j])}].push_back(j);
  for (std::size_t i = 0; i < older.size(); ++i) {
    auto found = waiting.find({reader.spec->keyed && !older[i].key.empty(), identity(older[i])});
    if (found == waiting.end() || found->second.empty()) continue;
    std::size_t j = found->second.back();
    found->second.pop_back();
    older_done[i] = newer_done[j] = true;
    pairs.emplace_back(&older[i], &newer[j]);
  }
  // Then records left alone with their key (the records they belong to) on each side.
  std::map<std::string, std::pair<std::vector<std::size_t>, std::vector<std::size_t>>> left;
  for (std::size_t i = 0; i < older.size(); ++i)
    if (!older_done[i]) left[older[i].key].first.push_back(i);
  for (std::size_t j = 0; j < newer.size(); ++j)
    if (!newer_done[j]) left[newer[j].key].second.push_back(j);
  for (const auto& [key, sides] : left) {
    if (!reader.spec->keyed && sides.first.size() == 1 && sides.second.size() == 1) {
      pairs.emplace_back(&older[sides.first[0]], &newer[sides.second[0]]);
      continue;
    }
    for (std::size_t i : sides.first) pairs.emplace_back(&older[i], nullptr);
    for (std::size_t j : sides.second) pairs.emplace_back(nullptr, &newer[j]);
  }
  return pairs;
}

}  // namespace
}  // namespace detail

DiffSummary diff(const KnowledgeBase& older, const KnowledgeBase& newer,
                 const std::function<void(const RecordChange&)>& visit) {
  detail::Side before(older);
  detail::Side after(newer);
  DiffSummary summary;
  for (const detail::KindReader& reader : detail::kind_readers()) {
    KindDiff counts{std::string(reader.spec->kind)};
    std::vector<detail::Record> old_records = before.records(reader);
    std::vector<detail::Record> new_records = after.records(reader);
    std::vector<RecordChange> changes;
    for (auto [o, n] : detail::match(reader, old_records, new_records)) {
      if (o && n && o->values == n->values && o->citations == n->citations) {
        ++counts.unchanged;
        continue;
      }
      RecordChange change = detail::record_change(reader, o, n);
      ++(change.change == Change::added     ? counts.added
         : change.change == Change::removed ? counts.removed
                                            : counts.changed);
      if (visit) changes.push_back(std::move(change));
    }
    // Stable: records of equal key, label and change stay in the order of their contents.
    std::stable_sort(
        changes.begin(), changes.end(), [](const RecordChange& a, const RecordChange& b) {
          return std::tie(a.key, a.label, a.change) < std::tie(b.key, b.label, b.change);
        });
    for (const RecordChange& change : changes) visit(change);
    summary.kinds.push_back(std::move(counts));
  }
  return summary;
}

}  // namespace euiomkb
