#include "search/rank.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <memory>
#include <new>
#include <string>
#include <vector>

#include "euiomkb/error.hpp"

namespace euiomkb::detail {
namespace {

// What kb_rank reads once per statement (FTS5 auxiliary data): the mean row length in tokens and
// each phrase's weight.
struct RankData {
  double mean_length = 0;
  std::vector<double> weight;
  std::vector<double> frequency;  // the current row's, per phrase (kept to reuse its storage)
};

int count_row(const Fts5ExtensionApi* /*api*/, Fts5Context* /*fts*/, void* count) {
  ++*static_cast<std::int64_t*>(count);
  return SQLITE_OK;
}

// SQLite calls kb_rank through C frames: nothing may throw out of it, so the allocations here
// report SQLITE_NOMEM instead.
int rank_data(const Fts5ExtensionApi* api, Fts5Context* fts, RankData** out) noexcept try {
  *out = static_cast<RankData*>(api->xGetAuxdata(fts, 0));
  if (*out != nullptr) return SQLITE_OK;
  auto data = std::make_unique<RankData>();
  sqlite3_int64 rows = 0, tokens = 0;
  int rc = api->xRowCount(fts, &rows);
  if (rc == SQLITE_OK) rc = api->xColumnTotalSize(fts, -1, &tokens);
  if (rc != SQLITE_OK) return rc;
  data->mean_length = rows > 0 ? static_cast<double>(tokens) / static_cast<double>(rows) : 1.0;
  const int phrases = api->xPhraseCount(fts);
  data->weight.assign(static_cast<std::size_t>(phrases), 1.0);
  data->frequency.assign(static_cast<std::size_t>(phrases), 0.0);
  // bm25's idf, and its floor for a phrase in more than half the rows.
  for (int p = 0; phrases > 1 && p < phrases; ++p) {
    std::int64_t hits = 0;
    rc = api->xQueryPhrase(fts, p, &hits, count_row);
    if (rc != SQLITE_OK) return rc;
    double idf =
        std::log((static_cast<double>(rows - hits) + 0.5) / (static_cast<double>(hits) + 0.5));
    data->weight[static_cast<std::size_t>(p)] = idf <= 0.0 ? 1e-6 : idf;
  }
  // On failure FTS5 has already deleted it.
  *out = data.release();
  rc = api->xSetAuxdata(fts, *out, [](void* p) { delete static_cast<RankData*>(p); });
  if (rc != SQLITE_OK) *out = nullptr;
  return rc;
} catch (const std::bad_alloc&) {
  *out = nullptr;
  return SQLITE_NOMEM;
} catch (...) {
  *out = nullptr;
  return SQLITE_ERROR;
}

void kb_rank(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* context, int /*argc*/,
             sqlite3_value** /*argv*/) {
  constexpr double k1 = 1.2;
  constexpr double b = 0.75;
  RankData* data = nullptr;
  int rc = rank_data(api, fts, &data);
  int instances = 0;
  if (rc == SQLITE_OK) rc = api->xInstCount(fts, &instances);
  if (rc == SQLITE_OK) std::fill(data->frequency.begin(), data->frequency.end(), 0.0);
  for (int i = 0; rc == SQLITE_OK && i < instances; ++i) {
    int phrase = 0, column = 0, offset = 0;
    rc = api->xInst(fts, i, &phrase, &column, &offset);
    if (rc == SQLITE_OK) data->frequency[static_cast<std::size_t>(phrase)] += 1.0;
  }
  int length = 0;
  if (rc == SQLITE_OK) rc = api->xColumnSize(fts, -1, &length);
  if (rc != SQLITE_OK) {
    sqlite3_result_error_code(context, rc);
    return;
  }
  const double norm = k1 * (1 - b + b * static_cast<double>(length) / data->mean_length);
  double score = 0;
  for (std::size_t p = 0; p < data->weight.size(); ++p) {
    const double f = data->frequency[p];
    score += data->weight[p] * (f * (k1 + 1.0)) / (f + norm);
  }
  sqlite3_result_double(context, -score);
}

}  // namespace

void register_rank_function(sqlite3* db) {
  fts5_api* api = nullptr;
  sqlite3_stmt* statement = nullptr;
  int rc = sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &statement, nullptr);
  if (rc == SQLITE_OK) {
    sqlite3_bind_pointer(statement, 1, static_cast<void*>(&api), "fts5_api_ptr", nullptr);
    sqlite3_step(statement);
    rc = sqlite3_finalize(statement);
  }
  if (rc == SQLITE_OK && api == nullptr) rc = SQLITE_ERROR;
  if (rc == SQLITE_OK) rc = api->xCreateFunction(api, "kb_rank", nullptr, kb_rank, nullptr);
  if (rc != SQLITE_OK)
    throw DatabaseError(std::string("cannot register the search ranking: ") + sqlite3_errstr(rc),
                        rc);
}

}  // namespace euiomkb::detail
