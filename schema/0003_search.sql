-- 0003_search: full-text search over topics, people, organisations, meetings, statements,
-- publications and source passages. The library refills it after every import.
-- kind names the record kind; ref_id is that record's id (source_id for 'passage').
CREATE VIRTUAL TABLE kb_search USING fts5(
  kind UNINDEXED,
  ref_id UNINDEXED,
  label,
  body,
  tokenize = 'porter unicode61 remove_diacritics 2'
);
