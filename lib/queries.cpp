// Lookups by key, sources without their text, search with options and a user's own SQL: the
// calls the command-line tool needs beyond the repositories.
#include <sqlite3.h>

#include <algorithm>
#include <string>
#include <utility>

#include "euiomkb/knowledge_base.hpp"
#include "impl.hpp"
#include "text.hpp"

namespace euiomkb {
namespace {

constexpr std::string_view kRowOfKey = "SELECT row_id FROM record_key WHERE kind = ? AND key = ?";
constexpr std::string_view kKeyOfRow =
    "SELECT key FROM record_key WHERE kind = ? AND row_id = ? ORDER BY key LIMIT 1";
// Whole words: both sides padded with spaces (folded names hold single spaces only).
constexpr std::string_view kPeopleMatching = R"sql(
SELECT person_id, ' ' || name_folded || ' ' FROM person
 WHERE instr(' ' || name_folded || ' ', ' ' || :word || ' ') > 0
UNION ALL
SELECT person_id, ' ' || folded || ' ' FROM person_alias
 WHERE instr(' ' || folded || ' ', ' ' || :word || ' ') > 0
)sql";
constexpr std::string_view kSourceList = R"sql(
SELECT source_id, file_name, title, publisher, published, url, language, sha256, length(text),
       (SELECT min(key) FROM record_key WHERE kind = 'source' AND row_id = source_id)
  FROM source ORDER BY file_name
)sql";
constexpr std::string_view kSourceText = "SELECT text FROM source WHERE source_id = ?";
// :kinds is NULL (every kind) or ",topic,person," (the kinds asked for, comma-delimited).
constexpr std::string_view kSearchWithOptions = R"sql(
SELECT kind, ref_id, label, snippet(kb_search, 3, :mark_start, :mark_end, '…', 12)
  FROM kb_search
 WHERE kb_search MATCH :query AND (:kinds IS NULL OR instr(:kinds, ',' || kind || ',') > 0)
 ORDER BY rank LIMIT :limit OFFSET :offset
)sql";

std::optional<std::int64_t> row_of_key(detail::Impl* impl, const char* kind, std::string_view key) {
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

// FTS5 reports a query it cannot parse as SQLITE_ERROR; the table itself always exists.
template <class Body>
auto as_query_error(Body&& body) -> decltype(body()) {
  try {
    return body();
  } catch (const DatabaseError& e) {
    if ((e.sqlite_code() & 0xff) == SQLITE_ERROR)
      throw QueryError(std::string("malformed search query: ") + e.what() +
                           " (put words with punctuation in double quotes)",
                       e.sqlite_code());
    throw;
  }
}

// Generic over the statement type so that it reads any prepared statement of the connection.
template <class PreparedStatement>
void bind_search(PreparedStatement& s, std::string_view query, const SearchOptions& options) {
  std::string kinds;
  for (const std::string& kind : options.kinds) kinds += "," + kind;
  if (!kinds.empty()) kinds += ",";
  s.bind(":mark_start", options.mark_start);
  s.bind(":mark_end", options.mark_end);
  s.bind(":query", std::string(query));
  if (kinds.empty())
    s.bind(":kinds");
  else
    s.bind(":kinds", kinds);
  s.bind(":limit", options.limit);
  s.bind(":offset", options.offset);
}

constexpr auto search_hit_row = [](auto& s) {
  return SearchHit{detail::text(s, 0), detail::integer(s, 1), detail::text(s, 2),
                   detail::text(s, 3)};
};

// What the authorizer refused while a statement compiled, for the message.
struct Guard {
  bool allow_writes;
  std::string refused;
};

int authorize(void* data, int action, const char* /*a*/, const char* b, const char* /*c*/,
              const char* /*d*/) {
  auto* guard = static_cast<Guard*>(data);
  if (guard->allow_writes) return SQLITE_OK;
  if (action == SQLITE_ATTACH || action == SQLITE_DETACH) {
    guard->refused = action == SQLITE_ATTACH ? "ATTACH" : "DETACH";
    return SQLITE_DENY;
  }
  if (action == SQLITE_FUNCTION && b != nullptr && std::string_view(b) == "load_extension") {
    guard->refused = "load_extension";
    return SQLITE_DENY;
  }
  return SQLITE_OK;
}

// Removes the authorizer and finalizes the statement however run_sql leaves.
struct StatementScope {
  sqlite3* db;
  sqlite3_stmt* statement = nullptr;
  ~StatementScope() {
    sqlite3_finalize(statement);
    sqlite3_set_authorizer(db, nullptr, nullptr);
  }
};

void bind_value(sqlite3_stmt* statement, int index, const SqlValue& value) {
  struct Binder {
    sqlite3_stmt* s;
    int i;
    void operator()(std::monostate) const { sqlite3_bind_null(s, i); }
    void operator()(std::int64_t v) const { sqlite3_bind_int64(s, i, v); }
    void operator()(double v) const { sqlite3_bind_double(s, i, v); }
    void operator()(const std::string& v) const {
      sqlite3_bind_text(s, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    }
  };
  std::visit(Binder{statement, index}, value);
}

SqlValue column_value(sqlite3_stmt* statement, int column) {
  switch (sqlite3_column_type(statement, column)) {
    case SQLITE_NULL:
      return std::monostate{};
    case SQLITE_INTEGER:
      return static_cast<std::int64_t>(sqlite3_column_int64(statement, column));
    case SQLITE_FLOAT:
      return sqlite3_column_double(statement, column);
    default: {
      const auto* bytes = static_cast<const char*>(sqlite3_column_blob(statement, column));
      return std::string(bytes == nullptr ? "" : bytes,
                         static_cast<std::size_t>(sqlite3_column_bytes(statement, column)));
    }
  }
}

}  // namespace

std::optional<Organisation> Organisations::by_key(std::string_view key) const {
  auto id = row_of_key(impl_, "organisation", key);
  return id ? find(OrganisationId(*id)) : std::nullopt;
}

std::optional<Person> People::by_key(std::string_view key) const {
  auto id = row_of_key(impl_, "person", key);
  return id ? find(PersonId(*id)) : std::nullopt;
}

std::vector<Person> People::matching(std::string_view words) const {
  // The names holding the longest word are read, then checked for every word.
  std::string folded = detail::fold_name(words);
  std::vector<std::string> parts;
  for (std::size_t start = 0; start < folded.size();) {
    std::size_t end = std::min(folded.find(' ', start), folded.size());
    parts.push_back(folded.substr(start, end - start));
    start = end + 1;
  }
  std::vector<Person> people;
  if (parts.empty()) return people;
  std::string longest = *std::max_element(
      parts.begin(), parts.end(), [](const auto& a, const auto& b) { return a.size() < b.size(); });
  std::vector<std::int64_t> ids;
  detail::stream(
      impl_, kPeopleMatching, [&](auto& s) { s.bind(":word", longest); },
      [](auto& s) { return std::make_pair(detail::integer(s, 0), detail::text(s, 1)); },
      [&](const std::pair<std::int64_t, std::string>& row) {
        bool all = std::all_of(parts.begin(), parts.end(), [&](const std::string& part) {
          return row.second.find(' ' + part + ' ') != std::string::npos;
        });
        if (all && std::find(ids.begin(), ids.end(), row.first) == ids.end())
          ids.push_back(row.first);
      });
  for (std::int64_t id : ids)
    if (auto person = find(PersonId(id))) people.push_back(std::move(*person));
  std::sort(people.begin(), people.end(),
            [](const Person& a, const Person& b) { return a.name < b.name; });
  return people;
}

std::optional<Meeting> Meetings::by_key(std::string_view key) const {
  auto id = row_of_key(impl_, "meeting", key);
  return id ? find(MeetingId(*id)) : std::nullopt;
}

std::optional<Agreement> Agreements::by_key(std::string_view key) const {
  auto id = row_of_key(impl_, "agreement", key);
  return id ? find(AgreementId(*id)) : std::nullopt;
}

std::optional<Publication> Publications::by_key(std::string_view key) const {
  auto id = row_of_key(impl_, "publication", key);
  return id ? find(PublicationId(*id)) : std::nullopt;
}

std::optional<Source> Sources::by_key(std::string_view key) const {
  auto id = row_of_key(impl_, "source", key);
  return id ? find(SourceId(*id)) : std::nullopt;
}

std::vector<SourceSummary> Sources::list() const {
  return detail::collect(impl_, kSourceList, detail::kNoBinding, [](auto& s) {
    return SourceSummary{SourceId(detail::integer(s, 0)),
                         detail::text(s, 1),
                         detail::text(s, 2),
                         detail::opt_text(s, 3),
                         detail::opt_date(s, 4),
                         detail::opt_text(s, 5),
                         detail::text(s, 6),
                         detail::text(s, 7),
                         detail::integer(s, 8),
                         detail::text(s, 9)};
  });
}

std::optional<std::string> Sources::text(SourceId id) const {
  auto rows = detail::collect(
      impl_, kSourceText, [&](auto& s) { s.bind(1, id.value()); },
      [](auto& s) { return detail::text(s, 0); });
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
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

std::vector<SearchHit> KnowledgeBase::search(std::string_view query,
                                             const SearchOptions& options) const {
  return as_query_error([&] {
    return detail::collect(
        impl_.get(), kSearchWithOptions, [&](auto& s) { bind_search(s, query, options); },
        search_hit_row);
  });
}

std::vector<SearchHit> KnowledgeBase::search(std::string_view query, int limit) const {
  SearchOptions options;
  options.limit = limit;
  return search(query, options);
}

void KnowledgeBase::search_each(std::string_view query,
                                const std::function<void(const SearchHit&)>& visit) const {
  SearchOptions options;
  options.limit = -1;  // every hit
  // Only a failure of the search statement itself is the query's fault, not one of `visit`.
  bool visiting = false;
  try {
    detail::stream(
        impl_.get(), kSearchWithOptions, [&](auto& s) { bind_search(s, query, options); },
        search_hit_row,
        [&](const SearchHit& hit) {
          visiting = true;
          visit(hit);
          visiting = false;
        });
  } catch (const DatabaseError& e) {
    if (visiting) throw;
    as_query_error([&]() -> int { throw; });
  }
}

void KnowledgeBase::run_sql(
    std::string_view sql, const SqlOptions& options,
    const std::function<void(const std::vector<std::string>& names)>& columns,
    const std::function<void(const std::vector<SqlValue>& values)>& row) const {
  sqlite3* db = impl_->connection.db().getHandle();
  Guard guard{options.allow_writes, {}};
  std::string rest(sql);
  const char* tail = rest.c_str();
  while (*tail != '\0') {
    StatementScope scope{db};
    sqlite3_set_authorizer(db, authorize, &guard);
    const char* next = nullptr;
    int rc = sqlite3_prepare_v2(db, tail, -1, &scope.statement, &next);
    sqlite3_set_authorizer(db, nullptr, nullptr);
    if (rc != SQLITE_OK) {
      if (!guard.refused.empty())
        throw QueryError("refused: " + guard.refused + " is not allowed; pass --write to allow it",
                         rc);
      throw QueryError(std::string("SQL error: ") + sqlite3_errmsg(db),
                       sqlite3_extended_errcode(db));
    }
    tail = next;
    if (scope.statement == nullptr) continue;  // white space or a comment
    if (!options.allow_writes && sqlite3_stmt_readonly(scope.statement) == 0)
      throw QueryError(
          "refused: the statement would change the database; pass --write to allow it");
    int parameters = sqlite3_bind_parameter_count(scope.statement);
    for (int i = 1; i <= parameters && static_cast<std::size_t>(i) <= options.parameters.size();
         ++i)
      bind_value(scope.statement, i, options.parameters[static_cast<std::size_t>(i - 1)]);
    int count = sqlite3_column_count(scope.statement);
    std::vector<std::string> names;
    names.reserve(static_cast<std::size_t>(count));
    for (int i = 0; i < count; ++i) names.emplace_back(sqlite3_column_name(scope.statement, i));
    if (count > 0) columns(names);
    std::vector<SqlValue> values(static_cast<std::size_t>(count));
    while ((rc = sqlite3_step(scope.statement)) == SQLITE_ROW) {
      for (int i = 0; i < count; ++i)
        values[static_cast<std::size_t>(i)] = column_value(scope.statement, i);
      row(values);
    }
    if (rc != SQLITE_DONE)
      throw QueryError(std::string("SQL error: ") + sqlite3_errmsg(db),
                       sqlite3_extended_errcode(db));
  }
}

}  // namespace euiomkb
