#include "fact_loader.hpp"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdint>
#include <list>
#include <string>
#include <unordered_map>

#include "euiomkb/error.hpp"
#include "record_kinds.hpp"
#include "search_index.hpp"
#include "text.hpp"

namespace euiomkb::detail {
namespace {

using Clock = std::chrono::steady_clock;

// Folded source texts kept for locating quotations; the least recently used is dropped beyond
// this much memory (5 bytes per byte of document: the text and its code point offsets).
constexpr std::size_t kFoldedCacheBytes = std::size_t{16} << 20;

constexpr std::string_view kFindKey = "SELECT row_id FROM record_key WHERE kind = ? AND key = ?";
constexpr std::string_view kInsertKey =
    "INSERT INTO record_key (kind, key, row_id) VALUES (?, ?, ?)";
constexpr std::string_view kSourceText = "SELECT text FROM source WHERE source_id = ?";
constexpr std::string_view kFindSeries = "SELECT 1 FROM meeting_series WHERE series = ?";
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
  Loader(Connection& connection, const DocumentProvider& documents)
      : connection_(connection), documents_(documents) {}

  // Validates and inserts one record; `clock` has just lapped the record's parsing.
  void load(const FactRecord& record, Stopwatch& clock) {
    ImportTimings& time = summary_.timings;
    const KindSpec* spec = find_kind(record.kind);
    if (!spec) {
      throw ImportError(record.file, record.line, "",
                        "unknown record kind '" + record.kind + "' (see seed/FORMAT.md)");
    }
    check_shape(*spec, record);
    SQLite::Statement& insert = connection_.prepare(spec->insert);
    const std::vector<int>& parameters = parameter_indexes(*spec, insert);
    for (std::size_t i = 0; i < spec->fields.size(); ++i)
      bind_field(insert, parameters[i], record, spec->fields[i]);
    std::optional<std::string> document = derive(insert, record);
    clock.lap(time.validate);
    std::int64_t row_id = execute(insert, *spec, record);
    if (document) remember_source(row_id, *document);
    if (record.key) {
      auto& key = connection_.prepare(kInsertKey);
      key.bind(1, std::string(spec->kind));
      key.bind(2, *record.key);
      key.bind(3, row_id);
      try {
        key.exec();
      } catch (const SQLite::Exception& e) {
        throw rejected(record, e);
      }
    }
    clock.lap(time.insert);
    for (const FactCite& cite : record.cites) cite_record(spec->kind, row_id, record, cite, clock);
    ++summary_.records;
  }

  ImportSummary& summary() { return summary_; }

 private:
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

  static void check_shape(const KindSpec& spec, const FactRecord& record) {
    auto fail = [&](int line, const std::string& field, const std::string& problem) {
      throw ImportError(record.file, line, field, problem);
    };
    if (spec.keyed && !record.key)
      fail(record.line, "", "a " + record.kind + " record needs a key after its kind");
    for (const FactField& field : record.fields) {
      bool known = std::any_of(spec.fields.begin(), spec.fields.end(),
                               [&](const FieldSpec& f) { return f.name == field.name; });
      if (!known) fail(field.line, field.name, "not a field of " + record.kind);
    }
    for (const FieldSpec& field : spec.fields)
      if (field.required && !record.field(field.name))
        fail(record.line, std::string(field.name), "required for " + record.kind);
    const FactField* basis = record.field("basis");
    bool general = basis && basis->value == "general_knowledge";
    if (general && !record.field("note"))
      fail(basis->line, "note", "general-knowledge facts must say where they come from in a note");
    if (basis && basis->value == "inferred" && !record.field("note"))
      fail(basis->line, "note", "inferred facts must say in a note which reading they rest on");
    if (spec.cited && !general && record.cites.empty())
      fail(record.line, "cite", "every " + record.kind + " needs at least one citation");
    if (!spec.cited && !record.cites.empty())
      fail(record.cites.front().line, "cite", record.kind + " records take no citations");
  }

  std::int64_t resolve(const FactRecord& record, const FactField& field, std::string_view kind) {
    auto& find = connection_.prepare(kFindKey);
    find.bind(1, std::string(kind));
    find.bind(2, field.value);
    if (!find.executeStep()) {
      throw ImportError(record.file, field.line, field.name,
                        "no " + std::string(kind) + " with key '" + field.value + "'");
    }
    std::int64_t id = find.getColumn(0).getInt64();
    find.reset();
    return id;
  }

  void bind_field(SQLite::Statement& insert, int parameter, const FactRecord& record,
                  const FieldSpec& spec) {
    const FactField* field = record.field(spec.name);
    if (!field) {
      insert.bind(parameter);  // NULL
      return;
    }
    auto fail = [&](const std::string& problem) {
      throw ImportError(record.file, field->line, field->name, problem);
    };
    switch (spec.type) {
      case Type::text:
        insert.bindNoCopy(parameter, field->value);
        break;
      case Type::integer:
      case Type::count: {
        std::int64_t value = 0;
        const char* end = field->value.data() + field->value.size();
        auto [ptr, ec] = std::from_chars(field->value.data(), end, value);
        if (ec != std::errc() || ptr != end) fail("'" + field->value + "' is not a whole number");
        if (spec.type == Type::count && (value < 1 || value > INT32_MAX))
          fail("'" + field->value + "' is not a count from 1 to 2147483647");
        insert.bind(parameter, value);
        break;
      }
      case Type::series: {
        auto& find = connection_.prepare(kFindSeries);
        find.bind(1, field->value);
        bool known = find.executeStep();
        find.reset();
        if (!known) fail("'" + field->value + "' is not a meeting series (SOM or HOU)");
        insert.bindNoCopy(parameter, field->value);
        break;
      }
      case Type::date:
        if (!PartialDate::parse(field->value))
          fail("'" + field->value + "' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)");
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
          subject_type = record.field("subject_type")->value;
          if (!find_kind(subject_type)) fail("unknown subject_type '" + subject_type + "'");
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
      std::optional<std::string> text = documents_ ? documents_(file->value) : std::nullopt;
      if (!text) {
        throw ImportError(record.file, file->line, "file",
                          "no document named '" + file->value + "'");
      }
      if (!valid_utf8(*text)) {
        throw ImportError(record.file, file->line, "file",
                          "document '" + file->value + "' is not valid UTF-8 text");
      }
      insert.bind(":sha256", sha256_hex(*text));
      insert.bind(":text", *text);
      return text;
    } else if (record.kind == "person") {
      insert.bind(":name_folded", fold_name(record.field("name")->value));
    } else if (record.kind == "person_alias") {
      insert.bind(":folded", fold_name(record.field("alias")->value));
    }
    return std::nullopt;
  }

  std::int64_t execute(SQLite::Statement& insert, const KindSpec& spec, const FactRecord& record) {
    if (record.key) {
      auto& find = connection_.prepare(kFindKey);
      find.bind(1, std::string(spec.kind));
      find.bind(2, *record.key);
      bool taken = find.executeStep();
      find.reset();
      if (taken) {
        throw ImportError(record.file, record.line, "",
                          "a " + record.kind + " with key '" + *record.key + "' already exists");
      }
    }
    try {
      insert.exec();
    } catch (const SQLite::Exception& e) {
      throw rejected(record, e);
    }
    return connection_.db().getLastInsertRowid();
  }

  // The database refused a record: point at the field its constraint names. SQLite names the
  // columns ("UNIQUE constraint failed: topic.meeting_id, topic.label") or quotes the CHECK
  // expression; a column matches a field of the same name or the field's name plus "_id".
  static ImportError rejected(const FactRecord& record, const SQLite::Exception& e) {
    std::string message = fold_whitespace(e.what()).text;
    std::string_view detail = std::string_view(message).substr(message.find(':') + 1);
    bool unique = message.starts_with("UNIQUE");
    const FactField* culprit = nullptr;
    std::size_t at = 0;
    while (at < detail.size()) {
      std::size_t end = detail.find_first_not_of("abcdefghijklmnopqrstuvwxyz_", at);
      if (end == std::string_view::npos) end = detail.size();
      std::string_view token = detail.substr(at, end - at);
      for (const FactField& field : record.fields) {
        if (token == field.name || token == field.name + "_id") {
          culprit = &field;
          break;
        }
      }
      if (culprit && !unique) break;  // CHECK: the first column named; UNIQUE: the last
      at = end + 1;
    }
    return ImportError(record.file, culprit ? culprit->line : record.line,
                       culprit ? culprit->name : "", "rejected by the database: " + message,
                       e.getExtendedErrorCode());
  }

  void cite_record(std::string_view kind, std::int64_t row_id, const FactRecord& record,
                   const FactCite& cite, Stopwatch& clock) {
    FactField source_field{"cite", cite.source_key, cite.line};
    std::int64_t source_id = resolve(record, source_field, "source");
    FoldedSource& source = folded_source(source_id);
    std::optional<Span> span = locate_quote(source.text, cite.quote, source.next_from);
    if (!span) {
      throw ImportError(record.file, cite.line, "cite",
                        "quotation not found in source '" + cite.source_key + "': " + cite.quote);
    }
    source.next_from = span->folded_start;
    clock.lap(summary_.timings.validate);
    auto& insert = connection_.prepare(kInsertCitation);
    insert.bind(1, std::string(kind));
    insert.bind(2, row_id);
    insert.bind(3, source_id);
    insert.bind(4, cite.quote);
    insert.bind(5, span->start);
    insert.bind(6, span->end);
    if (cite.note.empty())
      insert.bind(7);  // NULL
    else
      insert.bind(7, cite.note);
    try {
      insert.exec();
    } catch (const SQLite::Exception& e) {
      throw ImportError(record.file, cite.line, "cite", std::string("rejected: ") + e.what(),
                        e.getExtendedErrorCode());
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
    auto& select = connection_.prepare(kSourceText);
    select.bind(1, source_id);
    select.executeStep();
    std::string text = select.getColumn(0).getString();
    select.reset();
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
  std::list<FoldedSource> folded_;
  std::unordered_map<std::int64_t, std::list<FoldedSource>::iterator> folded_index_;
  std::size_t folded_bytes_ = 0;
  std::unordered_map<const KindSpec*, std::vector<int>> parameters_;
  ImportSummary summary_;
};

}  // namespace

ImportSummary load_files(Connection& connection, std::vector<FactReader>& readers,
                         const DocumentProvider& documents) {
  std::int64_t prepared_before = connection.statements_prepared();
  Loader loader(connection, documents);
  hold_search_index(connection);
  Stopwatch clock;
  for (FactReader& reader : readers) {
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
