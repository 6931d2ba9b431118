-- 0007_user_imports: users' own imports. Marks the file as an euiomkb database, logs each
-- imported fact file, and shows every record's key in the views so users can refer to it.

-- 'EUKB': lets `open` tell an euiomkb database from any other SQLite file.
PRAGMA application_id = 1163217730;

-- Finding a record's key from its row (the views below), not only the row from its key.
CREATE INDEX record_key_row ON record_key (kind, row_id);

-- One row per fact file imported by `euiomkb import` (the seed is not logged: it is the base).
CREATE TABLE import_log (
  import_id   INTEGER PRIMARY KEY,
  file_name   TEXT NOT NULL,            -- the file's name, without its directory
  sha256      TEXT NOT NULL CHECK (length(sha256) = 64), -- of the file's bytes, lower-case hex
  imported_at TEXT NOT NULL,            -- UTC, 'YYYY-MM-DDTHH:MM:SSZ'
  records     INTEGER NOT NULL CHECK (records >= 0) -- records the file added
) STRICT;
CREATE INDEX import_log_sha256 ON import_log (sha256);
CREATE INDEX import_log_file_name ON import_log (file_name);

-- How many records of each kind an import added.
CREATE TABLE import_log_kind (
  import_id   INTEGER NOT NULL REFERENCES import_log (import_id),
  kind        TEXT NOT NULL REFERENCES record_kind (kind),
  records     INTEGER NOT NULL CHECK (records > 0),
  PRIMARY KEY (import_id, kind)
) STRICT, WITHOUT ROWID;

-- Every key with the kind, the row it names and a readable label: what `euiomkb keys` lists.
CREATE VIEW v_record_key AS
SELECT k.kind, k.key, k.row_id,
       CASE k.kind
         WHEN 'source' THEN (SELECT title FROM source WHERE source_id = k.row_id)
         WHEN 'organisation' THEN (SELECT short_name || ': ' || name FROM organisation
                                    WHERE organisation_id = k.row_id)
         WHEN 'person' THEN (SELECT name FROM person WHERE person_id = k.row_id)
         WHEN 'post' THEN (SELECT p.title || coalesce(', ' || o.short_name, '') FROM post p
                             LEFT JOIN organisation o ON o.organisation_id = p.organisation_id
                            WHERE p.post_id = k.row_id)
         WHEN 'meeting' THEN (SELECT title || coalesce(' (' || held_on || ')', '') FROM meeting
                               WHERE meeting_id = k.row_id)
         WHEN 'theme' THEN (SELECT name FROM theme WHERE theme_id = k.row_id)
         WHEN 'agreement' THEN (SELECT name FROM agreement WHERE agreement_id = k.row_id)
         WHEN 'publication' THEN (SELECT coalesce(title, kind) FROM publication
                                   WHERE publication_id = k.row_id)
         WHEN 'policy_framework' THEN (SELECT name FROM policy_framework
                                        WHERE policy_framework_id = k.row_id)
       END AS label
  FROM record_key k;

-- The views of keyed records gain a `key` column, last so existing column positions hold.
DROP VIEW v_source;
CREATE VIEW v_source AS
SELECT source_id, file_name, title, publisher, published, url, language, sha256, text,
       (SELECT key FROM record_key WHERE kind = 'source' AND row_id = source_id) AS key
  FROM source;

DROP VIEW v_organisation;
CREATE VIEW v_organisation AS
SELECT o.organisation_id, o.short_name, o.name, o.kind,
       (SELECT p.short_name FROM organisation_parent op
          JOIN organisation p ON p.organisation_id = op.parent_organisation_id
         WHERE op.organisation_id = o.organisation_id
         ORDER BY op.valid_to IS NULL DESC, op.valid_from DESC LIMIT 1) AS parent_short_name,
       o.note,
       (SELECT key FROM record_key WHERE kind = 'organisation' AND row_id = o.organisation_id) AS key
  FROM organisation o;

DROP VIEW v_meeting;
CREATE VIEW v_meeting AS
SELECT m.meeting_id, m.series, m.sequence_no, m.title, m.held_on, m.location,
       (SELECT group_concat(o.short_name, ', ') FROM meeting_organisation mo
          JOIN organisation o ON o.organisation_id = mo.organisation_id
         WHERE mo.meeting_id = m.meeting_id AND mo.role = 'host') AS host,
       m.note,
       (SELECT key FROM record_key WHERE kind = 'meeting' AND row_id = m.meeting_id) AS key
  FROM meeting m;

DROP VIEW v_agreement;
CREATE VIEW v_agreement AS
SELECT agreement_id, name, kind, concluded_on, in_force_from, purpose,
       (SELECT key FROM record_key WHERE kind = 'agreement' AND row_id = agreement_id) AS key
  FROM agreement;

DROP VIEW v_publication;
CREATE VIEW v_publication AS
SELECT p.publication_id, p.title, o.short_name AS publisher, p.published_on, p.kind,
       p.addressee, p.series, p.edition, p.summary,
       (SELECT key FROM record_key WHERE kind = 'publication' AND row_id = p.publication_id) AS key
  FROM publication p
  LEFT JOIN organisation o ON o.organisation_id = p.publisher_organisation_id;

-- People, posts, themes and policy frameworks had no view of their own; now they do, with keys.
CREATE VIEW v_person AS
SELECT p.person_id, p.name, p.honorific, p.note,
       (SELECT key FROM record_key WHERE kind = 'person' AND row_id = p.person_id) AS key
  FROM person p;

CREATE VIEW v_post AS
SELECT p.post_id, p.title, o.short_name AS organisation,
       (SELECT key FROM record_key WHERE kind = 'post' AND row_id = p.post_id) AS key
  FROM post p
  LEFT JOIN organisation o ON o.organisation_id = p.organisation_id;

CREATE VIEW v_theme AS
SELECT t.theme_id, t.name, t.description,
       (SELECT key FROM record_key WHERE kind = 'theme' AND row_id = t.theme_id) AS key
  FROM theme t;

CREATE VIEW v_policy_framework AS
SELECT f.policy_framework_id, f.name, f.short_name, f.owner, f.adopted_on,
       (SELECT key FROM record_key WHERE kind = 'policy_framework'
           AND row_id = f.policy_framework_id) AS key
  FROM policy_framework f;
