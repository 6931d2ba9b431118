// kb_rank(kb_search): the ranking function of a bounded search, an FTS5 auxiliary function.
#pragma once

struct sqlite3;

namespace euiomkb::detail {

// Registers kb_rank on the connection `db` (once per connection; registering again adds a second
// copy FTS5 keeps until the connection closes). kb_rank(kb_search) is FTS5's bm25() (k1 = 1.2, b =
// 0.75, every column weighing 1, the whole index's row count and mean length, lower is better) with
// one difference: a query of one phrase gives that phrase the weight 1 instead of its inverse
// document frequency. bm25 counts the rows a phrase matches by reading all of them, which for a
// word in most rows costs more than ranking a few thousand; with one phrase that weight multiplies
// every row's score alike, so kb_rank orders rows exactly as bm25 does without it. A query of
// several phrases gets bm25's weights, counted as bm25 counts them. Throws DatabaseError when the
// connection's SQLite has no FTS5.
void register_rank_function(sqlite3* db);

}  // namespace euiomkb::detail
