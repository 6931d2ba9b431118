#include "import/fact_loader.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <chrono>
#include <cstdint>
#include <list>
#include <set>
#include <string>
#include <unordered_map>

#include "euiomkb/error.hpp"
#include "kinds/record_kinds.hpp"
#include "repositories/keys.hpp"
#include "search/search_index.hpp"
#include "sqlite/query.hpp"
#include "text/suggest.hpp"
#include "text/text.hpp"

namespace euiomkb::detail {
namespace {

using Clock = std::chrono::steady_clock;

// Folded source texts kept for locating quotations; the least recently used is dropped beyond
// this much memory (5 bytes per byte of document: the text and its code point offsets).
constexpr std::size_t kFoldedCacheBytes = std::size_t{16} << 20;

constexpr std::string_view kSourceText = "SELECT text FROM source WHERE source_id = ?";
// A record's provenance (schema/0009). OR REPLACE: a row left behind by a record deleted with
// hand-written SQL yields to the record that now has that id.
constexpr std::string_view kInsertProvenance =
    "INSERT OR REPLACE INTO import_record (record_kind, record_id, import_id, line) "
    "VALUES (?, ?, ?, ?)";
// A preferred value of a claim's subject and attribute already loaded (verify() wants one).
constexpr std::string_view kPreferredClaim = R"sql(
SELECT cl.value FROM claim cl
  JOIN record_key k ON k.kind = cl.subject_type AND k.row_id = cl.subject_id
 WHERE k.kind = ? AND k.key = ? AND cl.attribute = ? AND cl.preferred = 1
 LIMIT 1
)sql";
constexpr std::string_view kFindSeries = "SELECT 1 FROM meeting_series WHERE series = ?";
constexpr std::string_view kSeries = "SELECT series FROM meeting_series ORDER BY series";
// Candidates for "did you mean": keys of one kind (bounded, so that a typo in a database of a
// million records costs milliseconds, not seconds).
constexpr std::string_view kKeysOfKind =
    "SELECT key FROM record_key WHERE kind = ? ORDER BY key LIMIT 20000";
constexpr std::string_view kTableSql =
    "SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?";
// The most keys an import keeps in memory for resolving references (about 100 bytes each).
constexpr std::size_t kKeyCacheEntries = 1 << 16;
// The largest amount of money a funding record may state (a quadrillion: above any budget).
constexpr std::int64_t kMaxAmount = 1'000'000'000'000'000;

// Thrown by a check that meets a reference to a record that already failed: the record cannot
// load, but the cause has been reported once already.
struct AlreadyReported {};

std::vector<std::string> kind_names() {
  std::vector<std::string> names;
  for (const KindSpec& spec : record_kinds()) names.emplace_back(spec.kind);
  return names;
}

std::vector<std::string> field_names(const KindSpec& spec) {
  std::vector<std::string> names;
  for (const FieldSpec& field : spec.fields) names.emplace_back(field.name);
  names.emplace_back("cite");
  return names;
}

// A plain file name: what a `source` record may name (documents are looked up by name only).
bool plain_file_name(std::string_view name) {
  return !name.empty() && name != "." && name != ".." &&
         name.find_first_of("/\\") == std::string_view::npos;
}
constexpr std::string_view kInsertCitation =
    "INSERT INTO citation (subject_type, subject_id, source_id, quote, start_offset, end_offset, "
    "note) VALUES (?, ?, ?, ?, ?, ?, ?)";

// Adds the time since the last lap to one of the summary's stages.
class Stopwatch {
 public:
  void lap(std::chrono::nanoseconds& stage) {
    Clock::time_point now = Clock::now();
    stage += now - last_;
    last_ = now;
  }

 private:
  Clock::time_point last_ = Clock::now();
};

class Loader {
 public:
  Loader(Connection& connection, const DocumentProvider& documents, const LoadOptions& options)
      : connection_(connection), documents_(documents), options_(options) {}

  // Validates and inserts one record; `clock` has just lapped the record's parsing. Every
  // check runs even after one fails, so that one run reports all of a record's problems; the
  // record is inserted only when none failed.
  void load(const FactRecord& record, Stopwatch& clock) {
    record_ok_ = !record.damaged;
    const KindSpec* spec = find_kind(record.kind);
    if (!spec) {
      report(ImportError(record.file, record.line, "",
                         "unknown record kind '" + record.kind + "'" +
                             did_you_mean(record.kind, kind_names()) + " (see seed/FORMAT.md)"));
      give_up(record);
      return;
    }
    check_shape(*spec, record);
    attempt([&] { check_key_free(*spec, record); });
    with_statement(connection_, spec->insert,
                   [&](Statement& insert) { load_row(*spec, record, insert, clock); });
  }

  ImportSummary& summary() { return summary_; }

  // The import the records loaded from now on belong to (0: none, no provenance is written).
  void set_import(std::int64_t import_id) { import_id_ = import_id; }

 private:
  // The rest of load(), with `insert` the record's kind's INSERT: binds and checks the fields,
  // then inserts the row, its key, its provenance and its citations if every check passed.
  void load_row(const KindSpec& spec, const FactRecord& record, Statement& insert,
                Stopwatch& clock) {
    ImportTimings& time = summary_.timings;
    const std::vector<int>& parameters = parameter_indexes(spec, insert);
    for (std::size_t i = 0; i < spec.fields.size(); ++i)
      attempt([&] { bind_field(insert, parameters[i], record, spec, spec.fields[i]); });
    std::optional<std::string> document;
    attempt([&] { document = derive(insert, record); });
    if (record.kind == "claim") attempt([&] { check_one_preferred(record); });
    // Quotations are located before anything is written: all their problems are reported.
    std::vector<std::pair<std::int64_t, Span>> spans;
    for (const FactCite& cite : record.cites)
      attempt([&] { spans.push_back(locate(record, cite)); });
    clock.lap(time.validate);
    if (!record_ok_) {
      give_up(record);
      return;
    }
    std::int64_t row_id = 0;
    attempt([&] { row_id = insert_row(insert, record); });
    if (!record_ok_) {
      give_up(record);
      return;
    }
    if (document) remember_source(row_id, *document);
    if (record.key) {
      try {
        add_key(connection_, spec.kind, *record.key, row_id);
        remember_key(spec.kind, *record.key, row_id);
      } catch (const SQLite::Exception& e) {
        if ((e.getErrorCode() & 0xFF) != SQLITE_CONSTRAINT) throw;
        report(rejected(record, e));
        give_up(record);
        return;
      }
    }
    if (import_id_ != 0) {
      execute(connection_, kInsertProvenance, [&](Statement& provenance) {
        provenance.bind(1, std::string(spec.kind));
        provenance.bind(2, row_id);
        provenance.bind(3, import_id_);
        provenance.bind(4, record.line);
      });
    }
    clock.lap(time.insert);
    for (std::size_t k = 0; k < record.cites.size(); ++k)
      cite_record(spec.kind, row_id, record, record.cites[k], spans[k], clock);
    ++summary_.records;
    if (options_.records_by_file) ++(*options_.records_by_file)[record.file][record.kind];
    if (options_.progress && summary_.records % options_.progress_every == 0)
      options_.progress(summary_.records);
  }

  // Parameter indexes of a kind's INSERT, in the order of its fields, looked up once.
  const std::vector<int>& parameter_indexes(const KindSpec& spec, SQLite::Statement& insert) {
    auto found = parameters_.find(&spec);
    if (found == parameters_.end()) {
      std::vector<int> indexes;
      for (const FieldSpec& field : spec.fields)
        indexes.push_back(insert.getIndex((":" + std::string(field.name)).c_str()));
      found = parameters_.emplace(&spec, std::move(indexes)).first;
    }
    return found->second;
  }

  // A problem found: thrown when problems are not collected, else handed to the sink.
  void report(const ImportError& problem) {
    if (!options_.problem) throw problem;
    options_.problem(problem);
  }

  // Runs one check of the current record; a failure is reported and marks the record bad.
  template <class Check>
  void attempt(Check&& check) {
    try {
      check();
    } catch (const ImportError& problem) {
      record_ok_ = false;
      report(problem);
    } catch (const AlreadyReported&) {
      record_ok_ = false;
    }
  }

  // The record will not load: references to its key are not reported again.
  void give_up(const FactRecord& record) {
    record_ok_ = false;
    if (record.key) failed_keys_.insert(record.kind + ' ' + *record.key);
  }

  void check_key_free(const KindSpec& spec, const FactRecord& record) {
    if (!record.key) return;
    if (find_key(spec.kind, *record.key)) {
      throw ImportError(record.file, record.line, "",
                        "a " + record.kind + " with key '" + *record.key +
                            "' already exists (in this import or the database); keys are "
                            "unique per kind, so choose another");
    }
  }

  // A claim marked preferred when its subject and attribute already have a preferred value
  // (from earlier in this import or in the database): verify() wants exactly one.
  void check_one_preferred(const FactRecord& record) {
    const FactField* preferred = record.field("preferred");
    const FactField* subject_type = record.field("subject_type");
    const FactField* subject_key = record.field("subject_key");
    const FactField* attribute = record.field("attribute");
    if (!preferred || preferred->value != "yes" || !subject_type || !subject_key || !attribute)
      return;
    std::optional<std::string> other = first_row(
        connection_, kPreferredClaim,
        [&](Statement& find) {
          find.bind(1, subject_type->value);
          find.bind(2, subject_key->value);
          find.bind(3, attribute->value);
        },
        [](Statement& find) { return find.getColumn(0).getString(); });
    if (!other) return;
    throw ImportError(record.file, preferred->line, "preferred",
                      "the " + attribute->value + " of " + subject_type->value + " '" +
                          subject_key->value + "' already has a preferred value ('" + *other +
                          "', in this import or the database); exactly one value of a claim is "
                          "preferred, so set 'preferred: no' here or on the other");
  }

  void check_shape(const KindSpec& spec, const FactRecord& record) {
    auto fail = [&](int line, const std::string& field, const std::string& problem) {
      attempt([&] { throw ImportError(record.file, line, field, problem); });
    };
    if (spec.keyed && !record.key)
      fail(record.line, "", "a " + record.kind + " record needs a key after its kind");
    std::vector<std::string> unknown;
    for (const FactField& field : record.fields) {
      bool known = std::any_of(spec.fields.begin(), spec.fields.end(),
                               [&](const FieldSpec& f) { return f.name == field.name; });
      if (!known) {
        unknown.push_back(field.name);
        fail(field.line, field.name,
             "not a field of " + record.kind + did_you_mean(field.name, field_names(spec)) +
                 "; its fields are " + one_of(field_names(spec)));
      }
    }
    if (record.damaged) return;  // a dropped line may have held what looks missing
    // A field reported as unknown may be this one misspelt: it is not missing as well.
    auto misspelt = [&](std::string_view name) {
      return std::any_of(unknown.begin(), unknown.end(), [&](const std::string& written) {
        return !did_you_mean(written, {std::string(name)}).empty();
      });
    };
    for (const FieldSpec& field : spec.fields)
      if (field.required && !record.field(field.name) && !misspelt(field.name))
        fail(record.line, std::string(field.name), "required for " + record.kind + ", missing");
    const FactField* basis = record.field("basis");
    bool general = basis && basis->value == "general_knowledge";
    // A basis that is not one of its values (reported with its field) or a misspelt basis
    // field may have meant general knowledge, which needs no citation.
    const std::vector<std::string>& bases = enumeration(spec.kind, "basis");
    bool basis_unknown =
        misspelt("basis") || (basis && !bases.empty() &&
                              std::find(bases.begin(), bases.end(), basis->value) == bases.end());
    if (general && !record.field("note"))
      fail(basis->line, "note", "general-knowledge facts must say where they come from in a note");
    if (basis && basis->value == "inferred" && !record.field("note"))
      fail(basis->line, "note", "inferred facts must say in a note which reading they rest on");
    if (spec.cited && !general && !basis_unknown && record.cites.empty())
      fail(record.line, "cite", "every " + record.kind + " needs at least one citation");
    if (!spec.cited && !record.cites.empty())
      fail(record.cites.front().line, "cite", record.kind + " records take no citations");
  }

  // The row a key of `kind` names, from this import's cache of keys or the database. A key,
  // once in record_key, names the same row until the load ends (nothing the loader runs removes
  // or changes one), so what is cached stays true; keys not found are always asked again.
  std::optional<std::int64_t> find_key(std::string_view kind, const std::string& key) {
    key_scratch_.assign(kind);
    key_scratch_ += '\n';
    key_scratch_ += key;
    if (auto cached = key_ids_.find(key_scratch_); cached != key_ids_.end()) return cached->second;
    std::optional<std::int64_t> id = row_of_key(connection_, kind, key);
    if (id) remember_key(kind, key, *id);
    return id;
  }

  // Caches the row of a key; the cache is emptied when full, so memory stays bounded.
  void remember_key(std::string_view kind, const std::string& key, std::int64_t row_id) {
    if (key_ids_.size() >= kKeyCacheEntries) key_ids_.clear();
    std::string name(kind);
    name += '\n';
    name += key;
    key_ids_.insert_or_assign(std::move(name), row_id);
  }

  std::int64_t resolve(const FactRecord& record, const FactField& field, std::string_view kind) {
    std::optional<std::int64_t> id = find_key(kind, field.value);
    if (!id) {
      if (failed_keys_.contains(std::string(kind) + ' ' + field.value)) throw AlreadyReported{};
      throw ImportError(record.file, field.line, field.name,
                        "no " + std::string(kind) + " with key '" + field.value + "'" +
                            did_you_mean(field.value, keys_of(kind)) +
                            "; a reference names a record defined earlier in this file, in an "
                            "earlier file or in the database (euiomkb keys " +
                            std::string(kind) + ")");
    }
    return *id;
  }

  std::vector<std::string> keys_of(std::string_view kind) {
    return collect(
        connection_, kKeysOfKind, [&](Statement& select) { select.bind(1, std::string(kind)); },
        [](Statement& select) { return select.getColumn(0).getString(); });
  }

  // The values a text field may take, when its column has a CHECK (... IN (...)); cached.
  const std::vector<std::string>& enumeration(std::string_view table, std::string_view column) {
    std::string name = std::string(table) + '.' + std::string(column);
    auto found = enumerations_.find(name);
    if (found == enumerations_.end())
      found = enumerations_.emplace(name, allowed_values(connection_, table, column)).first;
    return found->second;
  }

  void bind_field(SQLite::Statement& insert, int parameter, const FactRecord& record,
                  const KindSpec& record_kind, const FieldSpec& spec) {
    const FactField* field = record.field(spec.name);
    if (!field) {
      insert.bind(parameter);  // NULL
      return;
    }
    auto fail = [&](const std::string& problem) {
      throw ImportError(record.file, field->line, field->name, problem);
    };
    switch (spec.type) {
      case Type::text: {
        const std::vector<std::string>& allowed = enumeration(record_kind.kind, spec.name);
        if (!allowed.empty() &&
            std::find(allowed.begin(), allowed.end(), field->value) == allowed.end()) {
          fail("'" + field->value + "' is not one of the allowed values" +
               did_you_mean(field->value, allowed) + "; expected one of: " + one_of(allowed));
        }
        insert.bindNoCopy(parameter, field->value);
        break;
      }
      case Type::integer:
      case Type::count: {
        std::int64_t value = 0;
        const char* end = field->value.data() + field->value.size();
        auto [ptr, ec] = std::from_chars(field->value.data(), end, value);
        if (ec != std::errc() || ptr != end) fail("'" + field->value + "' is not a whole number");
        if (spec.type == Type::count && (value < 1 || value > INT32_MAX))
          fail("'" + field->value + "' is not a count from 1 to 2147483647");
        if (spec.type == Type::integer && (value < 0 || value > kMaxAmount))
          fail("'" + field->value + "' is not an amount from 0 to " + std::to_string(kMaxAmount));
        insert.bind(parameter, value);
        break;
      }
      case Type::series: {
        bool known =
            first_row(
                connection_, kFindSeries, [&](Statement& find) { find.bind(1, field->value); },
                [](Statement&) { return true; })
                .has_value();
        if (!known) {
          std::vector<std::string> series =
              collect(connection_, kSeries, kNoBinding,
                      [](Statement& all) { return all.getColumn(0).getString(); });
          fail("'" + field->value + "' is not a meeting series" +
               did_you_mean(field->value, series) + "; expected one of: " + one_of(series));
        }
        insert.bindNoCopy(parameter, field->value);
        break;
      }
      case Type::date:
        if (!PartialDate::parse(field->value)) {
          fail("'" + field->value +
               "' is not a date: expected a real calendar date as YYYY, YYYY-MM or YYYY-MM-DD");
        }
        insert.bindNoCopy(parameter, field->value);
        break;
      case Type::boolean:
        if (field->value != "yes" && field->value != "no")
          fail("'" + field->value + "' is not yes or no");
        insert.bind(parameter, field->value == "yes" ? 1 : 0);
        break;
      case Type::ref: {
        std::string_view kind = spec.ref_kind;
        std::string subject_type;
        if (kind.empty()) {  // claim.subject_key: the kind is the record's subject_type
          if (!record.field("subject_type")) throw AlreadyReported{};  // reported as missing
          subject_type = record.field("subject_type")->value;
          if (!find_kind(subject_type)) {
            throw ImportError(record.file, record.field("subject_type")->line, "subject_type",
                              "unknown record kind '" + subject_type + "'" +
                                  did_you_mean(subject_type, kind_names()));
          }
          kind = subject_type;
        }
        insert.bind(parameter, resolve(record, *field, kind));
        break;
      }
    }
  }

  // Binds the parameters a kind computes rather than reads; returns a source's document text.
  std::optional<std::string> derive(SQLite::Statement& insert, const FactRecord& record) {
    if (record.kind == "source") {
      const FactField* file = record.field("file");
      if (!file) return std::nullopt;  // reported as missing
      if (!plain_file_name(file->value)) {
        throw ImportError(record.file, file->line, "file",
                          "'" + file->value +
                              "' is not a plain file name (documents are found by name in the "
                              "documents directory)");
      }
      auto too_large = [&](std::uintmax_t bytes) {
        return ImportError(record.file, file->line, "file",
                           "document '" + file->value + "' is larger than " +
                               std::to_string(kMaxDocumentBytes) + " bytes (" +
                               std::to_string(bytes) + ")");
      };
      std::optional<std::string> text;
      try {
        text = documents_ ? documents_(file->value) : std::nullopt;
      } catch (const DocumentTooLarge& large) {
        throw too_large(large.bytes);
      } catch (const DocumentUnreadable& unreadable) {
        throw ImportError(record.file, file->line, "file",
                          "document '" + file->value + "' cannot be read: " + unreadable.reason);
      }
      if (!text) {
        throw ImportError(record.file, file->line, "file",
                          "no document named '" + file->value + "'");
      }
      if (text->size() > kMaxDocumentBytes) throw too_large(text->size());
      if (!valid_utf8(*text)) {
        throw ImportError(record.file, file->line, "file",
                          "document '" + file->value +
                              "' is not valid UTF-8 text (convert it, e.g. iconv -t UTF-8)");
      }
      insert.bind(":sha256", sha256_hex(*text));
      insert.bind(":text", *text);
      return text;
    } else if (record.kind == "person" && record.field("name")) {
      insert.bind(":name_folded", fold_name(record.field("name")->value));
    } else if (record.kind == "person_alias" && record.field("alias")) {
      insert.bind(":folded", fold_name(record.field("alias")->value));
    }
    return std::nullopt;
  }

  std::int64_t insert_row(SQLite::Statement& insert, const FactRecord& record) {
    try {
      insert.exec();
    } catch (const SQLite::Exception& e) {
      if ((e.getErrorCode() & 0xFF) != SQLITE_CONSTRAINT) throw;  // I/O, full disk, ...
      throw rejected(record, e);
    }
    return connection_.db().getLastInsertRowid();
  }

  // The database refused a record: point at the field its constraint names. SQLite names the
  // columns ("UNIQUE constraint failed: topic.meeting_id, topic.label") or quotes the CHECK
  // expression; a column matches a field of the same name or the field's name plus "_id".
  // The field whose value a column of the kind's table receives, read from its INSERT: the
  // column list and the VALUES list correspond, and each value names its field as ":field"
  // (possibly inside coalesce(...)). Empty when the column takes no field.
  static std::string field_of_column(const KindSpec& spec, std::string_view column) {
    std::string_view sql = spec.insert;
    std::size_t open = sql.find('('), close = sql.find(')');
    std::size_t values = sql.find("VALUES");
    if (open == std::string_view::npos || values == std::string_view::npos) return "";
    std::string_view columns = sql.substr(open + 1, close - open - 1);
    std::size_t index = 0, at = 0;
    bool found = false;
    while (at <= columns.size()) {
      std::size_t comma = columns.find(',', at);
      if (comma == std::string_view::npos) comma = columns.size();
      std::string_view name = columns.substr(at, comma - at);
      while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
      while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
      if (name == column) {
        found = true;
        break;
      }
      ++index;
      at = comma + 1;
    }
    if (!found) return "";
    // The index-th top-level item of VALUES (...).
    std::size_t i = sql.find('(', values) + 1;
    int depth = 0;
    std::size_t item = 0;
    for (; i < sql.size(); ++i) {
      char c = sql[i];
      if (c == '(') ++depth;
      if (c == ')' && depth-- == 0) break;
      if (c == ',' && depth == 0) ++item;
      if (c == ':' && item == index) {
        std::size_t end = i + 1;
        while (end < sql.size() &&
               (std::islower(static_cast<unsigned char>(sql[end])) || sql[end] == '_'))
          ++end;
        return std::string(sql.substr(i + 1, end - i - 1));
      }
    }
    return "";
  }

  static ImportError rejected(const FactRecord& record, const SQLite::Exception& e) {
    const KindSpec* spec = find_kind(record.kind);
    std::string message = fold_whitespace(e.what()).text;
    std::string_view detail = std::string_view(message).substr(message.find(':') + 1);
    bool unique = message.starts_with("UNIQUE");
    const FactField* culprit = nullptr;
    std::size_t at = 0;
    while (at < detail.size()) {
      std::size_t end = detail.find_first_not_of("abcdefghijklmnopqrstuvwxyz_", at);
      if (end == std::string_view::npos) end = detail.size();
      std::string_view token = detail.substr(at, end - at);
      std::string field_name = spec ? field_of_column(*spec, token) : "";
      for (const FactField& field : record.fields) {
        if (token == field.name || field.name == field_name) {
          culprit = &field;
          break;
        }
      }
      if (culprit && !unique) break;  // CHECK: the first column named; UNIQUE: the last
      at = end + 1;
    }
    // A rule on several fields none of which the record gives (contact: person or
    // organisation): name them all.
    std::vector<std::string> named;
    if (!culprit && message.starts_with("CHECK") && spec) {
      for (std::size_t at_name = 0; at_name < detail.size();) {
        std::size_t end = detail.find_first_not_of("abcdefghijklmnopqrstuvwxyz_", at_name);
        if (end == std::string_view::npos) end = detail.size();
        std::string field_name = field_of_column(*spec, detail.substr(at_name, end - at_name));
        if (!field_name.empty() && std::find(named.begin(), named.end(), field_name) == named.end())
          named.push_back(field_name);
        at_name = end + 1;
      }
    }
    std::string problem;
    if (!named.empty()) {
      std::string fields;
      for (const std::string& name : named) fields += (fields.empty() ? "" : " or ") + name;
      bool one_of = detail.find("IS NOT NULL OR") != std::string_view::npos;
      problem = one_of ? "a " + record.kind + " needs one: give " + fields
                       : "the database's rule " + std::string(detail) + " needs " + fields;
      return ImportError(record.file, record.line, fields, problem + " [" + message + "]",
                         e.getExtendedErrorCode());
    }
    if (unique) {
      problem = culprit
                    ? "another " + record.kind + " already has " + culprit->name + " '" +
                          culprit->value + "' (with the same values of " + std::string(detail) + ")"
                    : "duplicates a " + record.kind + " already loaded";
    } else if (culprit) {
      problem = "'" + culprit->value + "' is refused by the database's rule " + std::string(detail);
    } else {
      problem = "the database refuses this record: " + message;
    }
    return ImportError(record.file, culprit ? culprit->line : record.line,
                       culprit ? culprit->name : "", problem + " [" + message + "]",
                       e.getExtendedErrorCode());
  }

  // The source and the span where a citation's quotation is found.
  std::pair<std::int64_t, Span> locate(const FactRecord& record, const FactCite& cite) {
    FactField source_field{"cite", cite.source_key, cite.line};
    std::int64_t source_id = resolve(record, source_field, "source");
    FoldedSource& source = folded_source(source_id);
    std::optional<Span> span = locate_quote(source.text, cite.quote, source.next_from);
    if (!span) {
      throw ImportError(record.file, cite.line, "cite",
                        "quotation not found in source '" + cite.source_key +
                            "' (it must appear verbatim once white space is folded; ' … ' joins "
                            "parts): " +
                            cite.quote);
    }
    source.next_from = span->folded_start;
    return {source_id, *span};
  }

  void cite_record(std::string_view kind, std::int64_t row_id, const FactRecord& record,
                   const FactCite& cite, const std::pair<std::int64_t, Span>& located,
                   Stopwatch& clock) {
    std::int64_t source_id = located.first;
    const Span& span = located.second;
    try {
      execute(connection_, kInsertCitation, [&](Statement& insert) {
        insert.bind(1, std::string(kind));
        insert.bind(2, row_id);
        insert.bind(3, source_id);
        insert.bind(4, cite.quote);
        insert.bind(5, span.start);
        insert.bind(6, span.end);
        if (cite.note.empty())
          insert.bind(7);  // NULL
        else
          insert.bind(7, cite.note);
      });
    } catch (const SQLite::Exception& e) {
      if ((e.getErrorCode() & 0xFF) != SQLITE_CONSTRAINT) throw;
      report(ImportError(record.file, cite.line, "cite",
                         std::string("the database refuses this citation: ") + e.what(),
                         e.getExtendedErrorCode()));
      return;
    }
    clock.lap(summary_.timings.insert);
    ++summary_.citations;
  }

  // A source's folded text and where the last quotation found in it ended.
  struct FoldedSource {
    std::int64_t source_id;
    FoldedText text;
    std::size_t next_from = 0;
  };

  FoldedSource& folded_source(std::int64_t source_id) {
    auto found = folded_index_.find(source_id);
    if (found != folded_index_.end()) {
      folded_.splice(folded_.begin(), folded_, found->second);  // most recently used first
      return folded_.front();
    }
    std::string text =
        first_row(
            connection_, kSourceText, [&](Statement& select) { select.bind(1, source_id); },
            [](Statement& select) { return select.getColumn(0).getString(); })
            .value_or("");
    return remember_source(source_id, text);
  }

  static std::size_t memory_of(const FoldedSource& source) {
    return source.text.text.size() + source.text.code_point.size() * sizeof(std::uint32_t);
  }

  FoldedSource& remember_source(std::int64_t source_id, std::string_view text) {
    folded_.push_front({source_id, fold_whitespace(text)});
    folded_index_[source_id] = folded_.begin();
    folded_bytes_ += memory_of(folded_.front());
    while (folded_.size() > 1 && folded_bytes_ > kFoldedCacheBytes) {
      folded_bytes_ -= memory_of(folded_.back());
      folded_index_.erase(folded_.back().source_id);
      folded_.pop_back();
    }
    return folded_.front();
  }

  Connection& connection_;
  const DocumentProvider& documents_;
  const LoadOptions& options_;
  bool record_ok_ = true;
  std::set<std::string> failed_keys_;  // "kind key" of records that did not load
  std::unordered_map<std::string, std::vector<std::string>> enumerations_;
  std::list<FoldedSource> folded_;
  std::unordered_map<std::int64_t, std::list<FoldedSource>::iterator> folded_index_;
  std::size_t folded_bytes_ = 0;
  std::unordered_map<const KindSpec*, std::vector<int>> parameters_;
  std::unordered_map<std::string, std::int64_t> key_ids_;  // "kind\nkey" -> row id (find_key)
  std::string key_scratch_;
  std::int64_t import_id_ = 0;
  ImportSummary summary_;
};

}  // namespace

ImportSummary load_files(Connection& connection, std::vector<FactReader>& readers,
                         const DocumentProvider& documents, const LoadOptions& options) {
  std::int64_t prepared_before = connection.statements_prepared();
  Loader loader(connection, documents, options);
  if (options.problem)
    for (FactReader& reader : readers) reader.collect_errors(options.problem);
  hold_search_index(connection);
  if (options.before_records) options.before_records();
  Stopwatch clock;
  for (std::size_t i = 0; i < readers.size(); ++i) {
    FactReader& reader = readers[i];
    if (options.import_ids && i < options.import_ids->size())
      loader.set_import((*options.import_ids)[i]);
    while (std::optional<FactRecord> record = reader.next()) {
      clock.lap(loader.summary().timings.parse);
      loader.load(*record, clock);
    }
    clock.lap(loader.summary().timings.parse);
  }
  flush_search_queue(connection);
  clock.lap(loader.summary().timings.insert);
  ImportSummary summary = loader.summary();
  summary.statements_prepared = connection.statements_prepared() - prepared_before;
  return summary;
}

}  // namespace euiomkb::detail

namespace euiomkb::detail {

std::vector<std::string> allowed_values(Connection& connection, std::string_view table,
                                        std::string_view column) {
  std::optional<std::string> found = first_row(
      connection, kTableSql, [&](Statement& select) { select.bind(1, std::string(table)); },
      [](Statement& select) { return select.getColumn(0).getString(); });
  if (!found) return {};
  const std::string& sql = *found;
  // "CHECK (role IN ('a', 'b'))" or "CHECK (bound IS NULL OR bound IN ('a', 'b'))".
  std::string marker = std::string(column) + " IN (";
  std::size_t at = 0;
  while ((at = sql.find(marker, at)) != std::string::npos) {
    if (at > 0 && (sql[at - 1] == '(' || sql[at - 1] == ' ')) break;
    at += marker.size();
  }
  if (at == std::string::npos) return {};
  std::vector<std::string> values;
  std::size_t i = at + marker.size();
  while (i < sql.size() && sql[i] != ')') {
    if (sql[i] == '\'') {
      std::size_t end = sql.find('\'', i + 1);
      if (end == std::string::npos) break;
      values.push_back(sql.substr(i + 1, end - i - 1));
      i = end + 1;
    } else {
      ++i;
    }
  }
  return values;
}

}  // namespace euiomkb::detail
