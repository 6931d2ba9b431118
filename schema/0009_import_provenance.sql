-- 0009_import_provenance: which records each import created, so that importing a changed
-- version of a fact file can replace exactly that file's records; the import log keeps the
-- history of replacements.

-- One row per record an import created: its kind and id (as citation.subject_type and
-- subject_id name a record) and the line of the fact file where the record starts. The seed's
-- records have none (the seed is not an import), nor have records of imports made before this
-- migration or through the library calls that keep no log (import_facts and its siblings):
-- none of those is ever removed by a replacement. A record's citations, key and search rows
-- are not listed: they go with the record. Written once per record on the import path, so
-- without foreign keys (each would be a lookup per row; the loader writes only kinds of
-- record_kind and the id of the import_log row it has just written); the primary key is the
-- record, so a row left behind by a record deleted by hand yields to the record that reuses
-- its id.
CREATE TABLE import_record (
  record_kind TEXT NOT NULL,            -- a kind of record_kind
  record_id   INTEGER NOT NULL,         -- the row's id in the table named record_kind
  import_id   INTEGER NOT NULL,         -- the import_log row of the import that created it
  line        INTEGER NOT NULL CHECK (line > 0), -- where the record starts in its fact file
  PRIMARY KEY (record_kind, record_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX import_record_import ON import_record (import_id, record_kind);

-- The import of a changed version of a file points its predecessor here; current imports (the
-- ones whose records are in the database) have NULL.
ALTER TABLE import_log ADD COLUMN replaced_by INTEGER REFERENCES import_log (import_id);
