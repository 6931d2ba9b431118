-- 0006_incremental_search: record kinds as data, and a search index kept up to date row by row.
--
-- record_kind lists the kinds of record the knowledge base holds (each a table of that name);
-- citation.subject_type must name one. A later migration that adds a kind adds its row here.
--
-- kb_search is kept current by triggers: each row's rowid encodes what it indexes,
-- rowid = ref_id * 8 + k with k = 1 topic, 2 person, 3 organisation, 4 meeting, 5 statement,
-- 6 publication, and ((source_id << 24) + paragraph) * 8 + 7 for the paragraphs of a source.
-- The kb_search_<kind> views say what each row holds. A change made by hand-written SQL is
-- indexed at once. During a library import (a row in kb_search_hold, only ever inside the
-- import's transaction) the triggers only note the rowids to refresh in kb_search_queue, and
-- the library indexes them together, sources' paragraphs included, before it commits: FTS5
-- writes one segment per import instead of one per row. Either way an import costs what it
-- adds, whatever the size of the database.

CREATE TABLE record_kind (
  kind        TEXT PRIMARY KEY,         -- the kind, also the name of its table
  id_column   TEXT NOT NULL,            -- that table's id column
  cited       INTEGER NOT NULL CHECK (cited IN (0, 1)) -- 1: each row needs a citation
) STRICT, WITHOUT ROWID;

INSERT INTO record_kind (kind, id_column, cited) VALUES
  ('source', 'source_id', 0),
  ('organisation', 'organisation_id', 1),
  ('organisation_name', 'org_name_id', 1),
  ('organisation_parent', 'org_parent_id', 1),
  ('organisation_event', 'org_event_id', 1),
  ('person', 'person_id', 1),
  ('person_alias', 'person_alias_id', 1),
  ('post', 'post_id', 1),
  ('tenure', 'tenure_id', 1),
  ('meeting', 'meeting_id', 1),
  ('meeting_organisation', 'meeting_organisation_id', 1),
  ('attendance', 'attendance_id', 1),
  ('theme', 'theme_id', 0),
  ('topic', 'topic_id', 1),
  ('agreement', 'agreement_id', 1),
  ('agreement_party', 'agreement_party_id', 1),
  ('agreement_signatory', 'agreement_signatory_id', 1),
  ('funding', 'funding_id', 1),
  ('publication', 'publication_id', 1),
  ('policy_framework', 'policy_framework_id', 1),
  ('framework_part', 'framework_part_id', 1),
  ('statement', 'statement_id', 1),
  ('contact', 'contact_id', 1),
  ('claim', 'claim_id', 1);

-- citation again, with its subject types taken from record_kind instead of a fixed list.
-- (The views that read citation are dropped and made again around the swap.)
DROP VIEW v_citation;
DROP VIEW v_claim_conflict;
CREATE TABLE citation_new (
  citation_id   INTEGER PRIMARY KEY,
  subject_type  TEXT NOT NULL REFERENCES record_kind (kind), -- the kind of the cited row
  subject_id    INTEGER NOT NULL,       -- that row's id
  source_id     INTEGER NOT NULL REFERENCES source (source_id),
  quote         TEXT NOT NULL,
  start_offset  INTEGER NOT NULL CHECK (start_offset >= 0),
  end_offset    INTEGER NOT NULL CHECK (end_offset > start_offset),
  UNIQUE (subject_type, subject_id, source_id, start_offset, end_offset)
) STRICT;
INSERT INTO citation_new SELECT * FROM citation;
DROP TABLE citation;
ALTER TABLE citation_new RENAME TO citation;
CREATE INDEX citation_subject ON citation (subject_type, subject_id);
CREATE INDEX citation_source ON citation (source_id);

CREATE VIEW v_citation AS
SELECT c.citation_id, c.subject_type, c.subject_id, c.source_id, s.file_name, c.quote,
       c.start_offset, c.end_offset
  FROM citation c
  JOIN source s ON s.source_id = c.source_id;

-- One row per claim and source stating it (however many passages of that source are cited).
CREATE VIEW v_claim_conflict AS
SELECT cl.claim_id, cl.subject, cl.subject_type, cl.subject_id, cl.attribute, cl.value,
       cl.preferred, ci.source_id, s.file_name, cl.reason
  FROM claim cl
  JOIN (SELECT DISTINCT subject_id, source_id FROM citation WHERE subject_type = 'claim') ci
    ON ci.subject_id = cl.claim_id
  JOIN source s ON s.source_id = ci.source_id;

-- What kb_search holds for each kind of record (search_rowid as above).
CREATE VIEW kb_search_topic AS
SELECT t.topic_id * 8 + 1 AS search_rowid, 'topic' AS kind, t.topic_id AS ref_id,
       t.label AS label, coalesce(th.name, '') || ' ' || m.title AS body
  FROM topic t JOIN meeting m ON m.meeting_id = t.meeting_id
  LEFT JOIN theme th ON th.theme_id = t.theme_id;

CREATE VIEW kb_search_person AS
SELECT p.person_id * 8 + 2 AS search_rowid, 'person' AS kind, p.person_id AS ref_id,
       p.name AS label,
       p.name_folded || '; ' || coalesce((SELECT group_concat(alias || '; ' || folded, '; ')
                                           FROM person_alias a WHERE a.person_id = p.person_id),
                                          '') AS body
  FROM person p;

CREATE VIEW kb_search_organisation AS
SELECT o.organisation_id * 8 + 3 AS search_rowid, 'organisation' AS kind, o.organisation_id AS ref_id,
       o.short_name AS label,
       o.name || ' ' || coalesce((SELECT group_concat(name, '; ') FROM organisation_name n
                                   WHERE n.organisation_id = o.organisation_id), '') AS body
  FROM organisation o;

CREATE VIEW kb_search_meeting AS
SELECT m.meeting_id * 8 + 4 AS search_rowid, 'meeting' AS kind, m.meeting_id AS ref_id,
       m.title AS label,
       coalesce(m.held_on, '') || ' ' || coalesce(m.location, '') || ' ' || coalesce(m.note, '')
         AS body
  FROM meeting m;

CREATE VIEW kb_search_statement AS
SELECT s.statement_id * 8 + 5 AS search_rowid, 'statement' AS kind, s.statement_id AS ref_id,
       p.name AS label, s.text AS body
  FROM statement s JOIN person p ON p.person_id = s.person_id;

CREATE VIEW kb_search_publication AS
SELECT pu.publication_id * 8 + 6 AS search_rowid, 'publication' AS kind,
       pu.publication_id AS ref_id, coalesce(pu.title, pu.kind) AS label,
       coalesce(pu.addressee, '') || ' ' || coalesce(pu.summary, '') AS body
  FROM publication pu;

-- The timeline in order (undated meetings last), for paging by key.
CREATE INDEX meeting_timeline ON meeting (coalesce(held_on, '~'), meeting_id);

CREATE TABLE kb_search_hold (
  held        INTEGER PRIMARY KEY CHECK (held = 1) -- present only during a library import
) STRICT;

CREATE TABLE kb_search_queue (
  search_rowid INTEGER PRIMARY KEY      -- a kb_search rowid to refresh (or, kind 7, a source)
) STRICT;

-- The rows written under 0003's rowids are replaced by the library right after this migration
-- (rebuild_search_index: every record through the views above, and every source's paragraphs).

-- Upkeep. Each trigger either refreshes kb_search now or, inside a library import, queues.
-- INSERT OR REPLACE on the rowid writes a row whether or not it was there.

CREATE TRIGGER kb_search_topic_insert AFTER INSERT ON topic BEGIN
  INSERT OR IGNORE INTO kb_search_queue (search_rowid)
  SELECT NEW.topic_id * 8 + 1 WHERE EXISTS (SELECT 1 FROM kb_search_hold);
  INSERT OR REPLACE INTO kb_search (rowid, kind, ref_id, label, body)
  SELECT * FROM kb_search_topic WHERE ref_id = NEW.topic_id AND NOT EXISTS (SELECT 1 FROM kb_search_hold);
END;

CREATE TRIGGER kb_search_topic_update AFTER UPDATE ON topic BEGIN
  INSERT OR IGNORE INTO kb_search_queue (search_rowid)
  SELECT OLD.topic_id * 8 + 1 WHERE EXISTS (SELECT 1 FROM kb_search_hold);
  INSERT OR IGNORE INTO kb_search_queue (search_rowid)
  SELECT NEW.topic_id * 8 + 1 WHERE EXISTS (SELECT 1 FROM kb_search_hold);
  DELETE FROM kb_search WHERE rowid = OLD.topic_id * 8 + 1 AND NOT EXISTS (SELECT 1 FROM kb_search_hold);
  INSERT OR REPLACE INTO kb_search (rowid, kind, ref_id, label, body)
  SELECT * FROM kb_search_topic WHERE ref_id = NEW.topic_id AND NOT EXISTS (SELECT 1 FROM kb_search_hold);
END;

CREATE TRIGGER kb_search_topic_delete AFTER DELETE ON topic BEGIN
  INSERT OR IGNORE INTO kb_search_queue (search_rowid)
  SELECT OLD.topic_id * 8 + 1 WHERE EXISTS (SELECT 1 FROM kb_search_hold);
  DELETE FROM kb_search WHERE rowid = OLD.topic_id * 8 + 1 AND NOT EXISTS (SELECT 1 FROM kb_search_hold);
END;

CREATE TRIGGER kb_search_person_insert AFTER INSERT ON person BEGIN
  INSERT OR IGNORE INTO kb_search_queue (search_rowid)
  SELECT NEW.person_id * 8 + 2 WHERE EXISTS (SELECT 1 FROM kb_search_hold);
  INSERT OR REPLACE INTO kb_search (rowid, kind, ref_id, label, body)
  SELECT * FROM kb_search_person WHERE ref_id = NEW.person_id AND NOT EXISTS (SELECT 1 FROM kb_search_hold);
END;

CREATE TRIGGER kb_search_person_update AFTER UPDATE ON person BEGIN
  INSERT OR IGNORE INTO kb_search_queue (search_rowid)
  SELECT OLD.person_id * 8 + 2 WHERE EXISTS (SELECT 1 FROM kb_search_hold);
  INSERT OR IGNORE INTO kb_search_queue (search_rowid)
  SELECT NEW.person_id * 8 + 2 WHERE EXISTS (SELECT 1 FROM kb_search_hold);
  INSERT OR IGNORE INTO kb_search_queue (search_rowid)
  SELECT statement_id * 8 + 5 FROM statement WHERE EXISTS (SELECT 1 FROM kb_search_hold) AND person_id = NEW.person_id;
  DELETE FROM kb_search WHERE rowid = OLD.person_id * 8 + 2 AND NOT EXISTS (SELECT 1 FROM kb_search_hold);
  INSERT OR REPLACE INTO kb_search (rowid, kind, ref_id, label, body)
  SELECT * FROM kb_search_person WHERE ref_id = NEW.person_id AND NOT EXISTS (SELECT 1 FROM kb_search_hold);
  INSERT OR REPLACE INTO kb_search (rowid, kind, ref_id, label, body)
  SELECT * FROM kb_search_statement WHERE ref_id IN (SELECT statement_id FROM statement WHERE person_id = NEW.person_id) AND NOT EXISTS (SELECT 1 FROM kb_search_hold);
END;

CREATE TRIGGER kb_search_person_delete AFTER DELETE ON person BEGIN
  INSERT OR IGNORE INTO kb_search_queue (search_rowid)
  SELECT OLD.person_id * 8 + 2 WHERE EXISTS (SELECT 1 FROM kb_search_hold);
  DELETE FROM kb_search WHERE rowid = OLD.person_id * 8 + 2 AND NOT EXISTS (SELECT 1 FROM kb_search_hold);
END;

CREATE TRIGGER kb_search_organisation_insert AFTER INSERT ON organisation BEGIN
  INSERT OR IGNORE INTO kb_search_queue (search_rowid)
  SELECT NEW.organisation_id * 8 + 3 WHERE EXISTS (SELECT 1 FROM kb_search_hold);
  INSERT OR REPLACE INTO kb_search (rowid, kind, ref_id, label, body)
  SELECT * FROM kb_search_organisation WHERE ref_id = NEW.organisation_id AND NOT EXISTS (SELECT 1 FROM kb_search_hold);
END;

CREATE TRIGGER kb_search_organisation_update AFTER UPDATE ON organisation BEGIN
  INSERT OR IGNORE INTO kb_search_queue (search_rowid)
  SELECT OLD.organisation_id * 8 + 3 WHERE EXISTS (SELECT 1 FROM kb_search_hold);
  INSERT OR IGNORE INTO kb_search_queue (search_rowid)
  SELECT NEW.organisation_id * 8 + 3 WHERE EXISTS (SELECT 1 FROM kb_search_hold);
  DELETE FROM kb_search WHERE rowid = OLD.organisation_id * 8 + 3 AND NOT EXISTS (SELECT 1 FROM kb_search_hold);
  INSERT OR REPLACE INTO kb_search (rowid, kind, ref_id, label, body)
  SELECT * FROM kb_search_organisation WHERE ref_id = NEW.organisation_id AND NOT EXISTS (SELECT 1 FROM kb_search_hold);
END;

CREATE TRIGGER kb_search_organisation_delete AFTER DELETE ON organisation BEGIN
  INSERT OR IGNORE INTO kb_search_queue (search_rowid)
  SELECT OLD.organisation_id * 8 + 3 WHERE EXISTS (SELECT 1 FROM kb_search_hold);
  DELETE FROM kb_search WHERE rowid = OLD.organisation_id * 8 + 3 AND NOT EXISTS (SELECT 1 FROM kb_search_hold);
END;

CREATE TRIGGER kb_search_meeting_insert AFTER INSERT ON meeting BEGIN
  INSERT OR IGNORE INTO kb_search_queue (search_rowid)
  SELECT NEW.meeting_id * 8 + 4 WHERE EXISTS (SELECT 1 FROM kb_search_hold);
  INSERT OR REPLACE INTO kb_search (rowid, kind, ref_id, label, body)
  SELECT * FROM kb_search_meeting WHERE ref_id = NEW.meeting_id AND NOT EXISTS (SELECT 1 FROM kb_search_hold);
END;

CREATE TRIGGER kb_search_meeting_update AFTER UPDATE ON meeting BEGIN
  INSERT OR IGNORE INTO kb_search_queue (search_rowid)
  SELECT OLD.meeting_id * 8 + 4 WHERE EXISTS (SELECT 1 FROM kb_search_hold);
  INSERT OR IGNORE INTO kb_search_queue (search_rowid)
  SELECT NEW.meeting_id * 8 + 4 WHERE EXISTS (SELECT 1 FROM kb_search_hold);
  INSERT OR IGNORE INTO kb_search_queue (search_rowid)
  SELECT topic_id * 8 + 1 FROM topic WHERE EXISTS (SELECT 1 FROM kb_search_hold) AND meeting_id = NEW.meeting_id;
  DELETE FROM kb_search WHERE rowid = OLD.meeting_id * 8 + 4 AND NOT EXISTS (SELECT 1 FROM kb_search_hold);
  INSERT OR REPLACE INTO kb_search (rowid, kind, ref_id, label, body)
  SELECT * FROM kb_search_meeting WHERE ref_id = NEW.meeting_id AND NOT EXISTS (SELECT 1 FROM kb_search_hold);
  INSERT OR REPLACE INTO kb_search (rowid, kind, ref_id, label, body)
  SELECT * FROM kb_search_topic WHERE ref_id IN (SELECT topic_id FROM topic WHERE meeting_id = NEW.meeting_id) AND NOT EXISTS (SELECT 1 FROM kb_search_hold);
END;

CREATE TRIGGER kb_search_meeting_delete AFTER DELETE ON meeting BEGIN
  INSERT OR IGNORE INTO kb_search_queue (search_rowid)
  SELECT OLD.meeting_id * 8 + 4 WHERE EXISTS (SELECT 1 FROM kb_search_hold);
  DELETE FROM kb_search WHERE rowid = OLD.meeting_id * 8 + 4 AND NOT EXISTS (SELECT 1 FROM kb_search_hold);
END;

CREATE TRIGGER kb_search_statement_insert AFTER INSERT ON statement BEGIN
  INSERT OR IGNORE INTO kb_search_queue (search_rowid)
  SELECT NEW.statement_id * 8 + 5 WHERE EXISTS (SELECT 1 FROM kb_search_hold);
  INSERT OR REPLACE INTO kb_search (rowid, kind, ref_id, label, body)
  SELECT * FROM kb_search_statement WHERE ref_id = NEW.statement_id AND NOT EXISTS (SELECT 1 FROM kb_search_hold);
END;

CREATE TRIGGER kb_search_statement_update AFTER UPDATE ON statement BEGIN
  INSERT OR IGNORE INTO kb_search_queue (search_rowid)
  SELECT OLD.statement_id * 8 + 5 WHERE EXISTS (SELECT 1 FROM kb_search_hold);
  INSERT OR IGNORE INTO kb_search_queue (search_rowid)
  SELECT NEW.statement_id * 8 + 5 WHERE EXISTS (SELECT 1 FROM kb_search_hold);
  DELETE FROM kb_search WHERE rowid = OLD.statement_id * 8 + 5 AND NOT EXISTS (SELECT 1 FROM kb_search_hold);
  INSERT OR REPLACE INTO kb_search (rowid, kind, ref_id, label, body)
  SELECT * FROM kb_search_statement WHERE ref_id = NEW.statement_id AND NOT EXISTS (SELECT 1 FROM kb_search_hold);
END;

CREATE TRIGGER kb_search_statement_delete AFTER DELETE ON statement BEGIN
  INSERT OR IGNORE INTO kb_search_queue (search_rowid)
  SELECT OLD.statement_id * 8 + 5 WHERE EXISTS (SELECT 1 FROM kb_search_hold);
  DELETE FROM kb_search WHERE rowid = OLD.statement_id * 8 + 5 AND NOT EXISTS (SELECT 1 FROM kb_search_hold);
END;

CREATE TRIGGER kb_search_publication_insert AFTER INSERT ON publication BEGIN
  INSERT OR IGNORE INTO kb_search_queue (search_rowid)
  SELECT NEW.publication_id * 8 + 6 WHERE EXISTS (SELECT 1 FROM kb_search_hold);
  INSERT OR REPLACE INTO kb_search (rowid, kind, ref_id, label, body)
  SELECT * FROM kb_search_publication WHERE ref_id = NEW.publication_id AND NOT EXISTS (SELECT 1 FROM kb_search_hold);
END;

CREATE TRIGGER kb_search_publication_update AFTER UPDATE ON publication BEGIN
  INSERT OR IGNORE INTO kb_search_queue (search_rowid)
  SELECT OLD.publication_id * 8 + 6 WHERE EXISTS (SELECT 1 FROM kb_search_hold);
  INSERT OR IGNORE INTO kb_search_queue (search_rowid)
  SELECT NEW.publication_id * 8 + 6 WHERE EXISTS (SELECT 1 FROM kb_search_hold);
  DELETE FROM kb_search WHERE rowid = OLD.publication_id * 8 + 6 AND NOT EXISTS (SELECT 1 FROM kb_search_hold);
  INSERT OR REPLACE INTO kb_search (rowid, kind, ref_id, label, body)
  SELECT * FROM kb_search_publication WHERE ref_id = NEW.publication_id AND NOT EXISTS (SELECT 1 FROM kb_search_hold);
END;

CREATE TRIGGER kb_search_publication_delete AFTER DELETE ON publication BEGIN
  INSERT OR IGNORE INTO kb_search_queue (search_rowid)
  SELECT OLD.publication_id * 8 + 6 WHERE EXISTS (SELECT 1 FROM kb_search_hold);
  DELETE FROM kb_search WHERE rowid = OLD.publication_id * 8 + 6 AND NOT EXISTS (SELECT 1 FROM kb_search_hold);
END;

CREATE TRIGGER kb_search_theme_update AFTER UPDATE OF name ON theme BEGIN
  INSERT OR IGNORE INTO kb_search_queue (search_rowid)
  SELECT topic_id * 8 + 1 FROM topic WHERE EXISTS (SELECT 1 FROM kb_search_hold) AND theme_id = NEW.theme_id;
  INSERT OR REPLACE INTO kb_search (rowid, kind, ref_id, label, body)
  SELECT * FROM kb_search_topic WHERE ref_id IN (SELECT topic_id FROM topic WHERE theme_id = NEW.theme_id) AND NOT EXISTS (SELECT 1 FROM kb_search_hold);
END;

CREATE TRIGGER kb_search_person_alias_insert AFTER INSERT ON person_alias BEGIN
  INSERT OR IGNORE INTO kb_search_queue (search_rowid)
  SELECT NEW.person_id * 8 + 2 WHERE EXISTS (SELECT 1 FROM kb_search_hold);
  INSERT OR REPLACE INTO kb_search (rowid, kind, ref_id, label, body)
  SELECT * FROM kb_search_person WHERE ref_id = NEW.person_id AND NOT EXISTS (SELECT 1 FROM kb_search_hold);
END;

CREATE TRIGGER kb_search_person_alias_update AFTER UPDATE ON person_alias BEGIN
  INSERT OR IGNORE INTO kb_search_queue (search_rowid)
  SELECT OLD.person_id * 8 + 2 WHERE EXISTS (SELECT 1 FROM kb_search_hold);
  INSERT OR IGNORE INTO kb_search_queue (search_rowid)
  SELECT NEW.person_id * 8 + 2 WHERE EXISTS (SELECT 1 FROM kb_search_hold);
  INSERT OR REPLACE INTO kb_search (rowid, kind, ref_id, label, body)
  SELECT * FROM kb_search_person WHERE ref_id IN (OLD.person_id, NEW.person_id) AND NOT EXISTS (SELECT 1 FROM kb_search_hold);
END;

CREATE TRIGGER kb_search_person_alias_delete AFTER DELETE ON person_alias BEGIN
  INSERT OR IGNORE INTO kb_search_queue (search_rowid)
  SELECT OLD.person_id * 8 + 2 WHERE EXISTS (SELECT 1 FROM kb_search_hold);
  INSERT OR REPLACE INTO kb_search (rowid, kind, ref_id, label, body)
  SELECT * FROM kb_search_person WHERE ref_id = OLD.person_id AND NOT EXISTS (SELECT 1 FROM kb_search_hold);
END;

CREATE TRIGGER kb_search_organisation_name_insert AFTER INSERT ON organisation_name BEGIN
  INSERT OR IGNORE INTO kb_search_queue (search_rowid)
  SELECT NEW.organisation_id * 8 + 3 WHERE EXISTS (SELECT 1 FROM kb_search_hold);
  INSERT OR REPLACE INTO kb_search (rowid, kind, ref_id, label, body)
  SELECT * FROM kb_search_organisation WHERE ref_id = NEW.organisation_id AND NOT EXISTS (SELECT 1 FROM kb_search_hold);
END;

CREATE TRIGGER kb_search_organisation_name_update AFTER UPDATE ON organisation_name BEGIN
  INSERT OR IGNORE INTO kb_search_queue (search_rowid)
  SELECT OLD.organisation_id * 8 + 3 WHERE EXISTS (SELECT 1 FROM kb_search_hold);
  INSERT OR IGNORE INTO kb_search_queue (search_rowid)
  SELECT NEW.organisation_id * 8 + 3 WHERE EXISTS (SELECT 1 FROM kb_search_hold);
  INSERT OR REPLACE INTO kb_search (rowid, kind, ref_id, label, body)
  SELECT * FROM kb_search_organisation WHERE ref_id IN (OLD.organisation_id, NEW.organisation_id) AND NOT EXISTS (SELECT 1 FROM kb_search_hold);
END;

CREATE TRIGGER kb_search_organisation_name_delete AFTER DELETE ON organisation_name BEGIN
  INSERT OR IGNORE INTO kb_search_queue (search_rowid)
  SELECT OLD.organisation_id * 8 + 3 WHERE EXISTS (SELECT 1 FROM kb_search_hold);
  INSERT OR REPLACE INTO kb_search (rowid, kind, ref_id, label, body)
  SELECT * FROM kb_search_organisation WHERE ref_id = OLD.organisation_id AND NOT EXISTS (SELECT 1 FROM kb_search_hold);
END;

CREATE TRIGGER kb_search_source_insert AFTER INSERT ON source BEGIN
  INSERT OR IGNORE INTO kb_search_queue (search_rowid)
  SELECT (NEW.source_id << 24) * 8 + 7 WHERE EXISTS (SELECT 1 FROM kb_search_hold);
END;

CREATE TRIGGER kb_search_source_delete AFTER DELETE ON source BEGIN
  INSERT OR IGNORE INTO kb_search_queue (search_rowid)
  SELECT (OLD.source_id << 24) * 8 + 7 WHERE EXISTS (SELECT 1 FROM kb_search_hold);
  DELETE FROM kb_search
   WHERE rowid BETWEEN (OLD.source_id << 24) * 8 + 7
                   AND (((OLD.source_id + 1) << 24) - 1) * 8 + 7
     AND NOT EXISTS (SELECT 1 FROM kb_search_hold);
END;
