-- 0008_truth: facts about meeting series and between agreements, the kind of each date, the
-- 'inferred' basis, and citation notes. Written so that it depends on 0001-0006 only.
--
-- basis: 'document' (the cited passage states the fact), 'inferred' (the record rests on a
-- reading the document does not state; the note says which reading) or 'general_knowledge' (no
-- document states it; no citation, the note says where it comes from). Inferred rows are cited
-- like document rows.

-- Citations may carry a note saying why the passage supports its row when it does not name the
-- row's subject (verify's support check, lib/verify.cpp).
ALTER TABLE citation ADD COLUMN note TEXT;
DROP VIEW v_citation;
CREATE VIEW v_citation AS
SELECT c.citation_id, c.subject_type, c.subject_id, c.source_id, s.file_name, c.quote,
       c.start_offset, c.end_offset, c.note
  FROM citation c
  JOIN source s ON s.source_id = c.source_id;

-- organisation_name and organisation_parent again, with 'inferred' among the bases. SQLite cannot
-- change a CHECK in place: the rows are set aside, the table is dropped (with its triggers) and
-- made again under its own name, so views and triggers that name it need no rename.
CREATE TABLE organisation_name_0008 AS SELECT * FROM organisation_name;
DROP TABLE organisation_name;
CREATE TABLE organisation_name (
  org_name_id INTEGER PRIMARY KEY,
  organisation_id      INTEGER NOT NULL REFERENCES organisation (organisation_id),
  name        TEXT NOT NULL,
  language    TEXT NOT NULL DEFAULT 'en',
  attested_on TEXT CHECK (attested_on IS NULL OR attested_on GLOB '[0-9][0-9][0-9][0-9]'
                OR attested_on GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'
                OR attested_on GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  valid_from  TEXT CHECK (valid_from IS NULL OR valid_from GLOB '[0-9][0-9][0-9][0-9]'
                OR valid_from GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'
                OR valid_from GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  valid_to    TEXT CHECK (valid_to IS NULL OR valid_to GLOB '[0-9][0-9][0-9][0-9]'
                OR valid_to GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'
                OR valid_to GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  basis       TEXT NOT NULL DEFAULT 'document'
                CHECK (basis IN ('document', 'inferred', 'general_knowledge')),
  note        TEXT,
  UNIQUE (organisation_id, name)
) STRICT;
INSERT INTO organisation_name SELECT * FROM organisation_name_0008;
DROP TABLE organisation_name_0008;

CREATE TABLE organisation_parent_0008 AS SELECT * FROM organisation_parent;
DROP TABLE organisation_parent;
CREATE TABLE organisation_parent (
  org_parent_id INTEGER PRIMARY KEY,
  organisation_id        INTEGER NOT NULL REFERENCES organisation (organisation_id),
  parent_organisation_id INTEGER NOT NULL REFERENCES organisation (organisation_id),
  valid_from    TEXT CHECK (valid_from IS NULL OR valid_from GLOB '[0-9][0-9][0-9][0-9]'
                OR valid_from GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'
                OR valid_from GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  valid_to      TEXT CHECK (valid_to IS NULL OR valid_to GLOB '[0-9][0-9][0-9][0-9]'
                OR valid_to GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'
                OR valid_to GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  basis         TEXT NOT NULL DEFAULT 'document'
                  CHECK (basis IN ('document', 'inferred', 'general_knowledge')),
  note          TEXT,
  CHECK (organisation_id <> parent_organisation_id)
) STRICT;
INSERT INTO organisation_parent SELECT * FROM organisation_parent_0008;
DROP TABLE organisation_parent_0008;
CREATE UNIQUE INDEX organisation_parent_once
  ON organisation_parent (organisation_id, parent_organisation_id, coalesce(valid_from, ''));

-- The triggers of 0004 and 0006 on the two tables, as they were.
CREATE TRIGGER organisation_name_calendar_dates_insert BEFORE INSERT ON organisation_name
BEGIN
  SELECT RAISE(ABORT, 'organisation_name.attested_on: not a calendar date (YYYY, YYYY-MM or YYYY-MM-DD)')
   WHERE NEW.attested_on IS NOT NULL
     AND date(substr(NEW.attested_on || '-01-01', 1, 10), '+0 days')
         IS NOT substr(NEW.attested_on || '-01-01', 1, 10);
  SELECT RAISE(ABORT, 'organisation_name.valid_from: not a calendar date (YYYY, YYYY-MM or YYYY-MM-DD)')
   WHERE NEW.valid_from IS NOT NULL
     AND date(substr(NEW.valid_from || '-01-01', 1, 10), '+0 days')
         IS NOT substr(NEW.valid_from || '-01-01', 1, 10);
  SELECT RAISE(ABORT, 'organisation_name.valid_to: not a calendar date (YYYY, YYYY-MM or YYYY-MM-DD)')
   WHERE NEW.valid_to IS NOT NULL
     AND date(substr(NEW.valid_to || '-01-01', 1, 10), '+0 days')
         IS NOT substr(NEW.valid_to || '-01-01', 1, 10);
END;
CREATE TRIGGER organisation_name_calendar_dates_update
  BEFORE UPDATE OF attested_on, valid_from, valid_to ON organisation_name
BEGIN
  SELECT RAISE(ABORT, 'organisation_name.attested_on: not a calendar date (YYYY, YYYY-MM or YYYY-MM-DD)')
   WHERE NEW.attested_on IS NOT NULL
     AND date(substr(NEW.attested_on || '-01-01', 1, 10), '+0 days')
         IS NOT substr(NEW.attested_on || '-01-01', 1, 10);
  SELECT RAISE(ABORT, 'organisation_name.valid_from: not a calendar date (YYYY, YYYY-MM or YYYY-MM-DD)')
   WHERE NEW.valid_from IS NOT NULL
     AND date(substr(NEW.valid_from || '-01-01', 1, 10), '+0 days')
         IS NOT substr(NEW.valid_from || '-01-01', 1, 10);
  SELECT RAISE(ABORT, 'organisation_name.valid_to: not a calendar date (YYYY, YYYY-MM or YYYY-MM-DD)')
   WHERE NEW.valid_to IS NOT NULL
     AND date(substr(NEW.valid_to || '-01-01', 1, 10), '+0 days')
         IS NOT substr(NEW.valid_to || '-01-01', 1, 10);
END;
CREATE TRIGGER organisation_parent_calendar_dates_insert BEFORE INSERT ON organisation_parent
BEGIN
  SELECT RAISE(ABORT, 'organisation_parent.valid_from: not a calendar date (YYYY, YYYY-MM or YYYY-MM-DD)')
   WHERE NEW.valid_from IS NOT NULL
     AND date(substr(NEW.valid_from || '-01-01', 1, 10), '+0 days')
         IS NOT substr(NEW.valid_from || '-01-01', 1, 10);
  SELECT RAISE(ABORT, 'organisation_parent.valid_to: not a calendar date (YYYY, YYYY-MM or YYYY-MM-DD)')
   WHERE NEW.valid_to IS NOT NULL
     AND date(substr(NEW.valid_to || '-01-01', 1, 10), '+0 days')
         IS NOT substr(NEW.valid_to || '-01-01', 1, 10);
END;
CREATE TRIGGER organisation_parent_calendar_dates_update
  BEFORE UPDATE OF valid_from, valid_to ON organisation_parent
BEGIN
  SELECT RAISE(ABORT, 'organisation_parent.valid_from: not a calendar date (YYYY, YYYY-MM or YYYY-MM-DD)')
   WHERE NEW.valid_from IS NOT NULL
     AND date(substr(NEW.valid_from || '-01-01', 1, 10), '+0 days')
         IS NOT substr(NEW.valid_from || '-01-01', 1, 10);
  SELECT RAISE(ABORT, 'organisation_parent.valid_to: not a calendar date (YYYY, YYYY-MM or YYYY-MM-DD)')
   WHERE NEW.valid_to IS NOT NULL
     AND date(substr(NEW.valid_to || '-01-01', 1, 10), '+0 days')
         IS NOT substr(NEW.valid_to || '-01-01', 1, 10);
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
-- Other names of an agreement, as documents write them ('EU-IOM Strategic Partnership').
CREATE TABLE agreement_name (
  agreement_name_id INTEGER PRIMARY KEY,
  agreement_id  INTEGER NOT NULL REFERENCES agreement (agreement_id),
  name          TEXT NOT NULL,
  UNIQUE (agreement_id, name)
) STRICT;

-- A date a document gives an agreement, with the kind of event it says happened then: 'signed',
-- 'established', 'agreed', 'concluded', 'in force', or 'in use' (worked under since). The kind is
-- the one the document states, never a stronger one; agreement.concluded_on and in_force_from
-- hold only dates a document states as such. (on_date may be NULL only for hand-written rows:
-- the loader requires it.)
CREATE TABLE agreement_date (
  agreement_date_id INTEGER PRIMARY KEY,
  agreement_id  INTEGER NOT NULL REFERENCES agreement (agreement_id),
  event         TEXT NOT NULL CHECK (event IN ('signed', 'established', 'agreed', 'concluded',
                  'in force', 'in use')),
  on_date       TEXT CHECK (on_date IS NULL OR on_date GLOB '[0-9][0-9][0-9][0-9]'
                OR on_date GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'
                OR on_date GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  basis         TEXT NOT NULL DEFAULT 'document'
                  CHECK (basis IN ('document', 'inferred', 'general_knowledge')),
  note          TEXT,
  CHECK (basis = 'document' OR note IS NOT NULL),
  UNIQUE (agreement_id, event, on_date)
) STRICT;

-- How one agreement stands to another: agreement <relation> other ('follows on').
CREATE TABLE agreement_relation (
  agreement_relation_id INTEGER PRIMARY KEY,
  agreement_id  INTEGER NOT NULL REFERENCES agreement (agreement_id),
  relation      TEXT NOT NULL CHECK (relation IN ('follows on', 'builds on', 'replaces')),
  other_agreement_id INTEGER NOT NULL REFERENCES agreement (agreement_id),
  basis         TEXT NOT NULL DEFAULT 'document'
                  CHECK (basis IN ('document', 'inferred', 'general_knowledge')),
  note          TEXT,
  CHECK (basis = 'document' OR note IS NOT NULL),
  CHECK (agreement_id <> other_agreement_id),
  UNIQUE (agreement_id, relation, other_agreement_id)
) STRICT;

-- A date a document gives a meeting, and whether the document announced it ahead of the meeting
-- or reported it afterwards (meeting.held_on is the date the knowledge base keeps).
CREATE TABLE meeting_date (
  meeting_date_id INTEGER PRIMARY KEY,
  meeting_id    INTEGER NOT NULL REFERENCES meeting (meeting_id),
  held_on       TEXT CHECK (held_on IS NULL OR held_on GLOB '[0-9][0-9][0-9][0-9]'
                OR held_on GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'
                OR held_on GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  attested_as   TEXT NOT NULL CHECK (attested_as IN ('announced', 'reported')),
  basis         TEXT NOT NULL DEFAULT 'document'
                  CHECK (basis IN ('document', 'inferred', 'general_knowledge')),
  note          TEXT,
  CHECK (basis = 'document' OR note IS NOT NULL),
  UNIQUE (meeting_id, held_on, attested_as)
) STRICT;

-- Facts about a meeting series rather than one meeting. attribute: 'frequency' (how often it
-- meets), 'count' (how many meetings a document counts as of as_of), 'purpose', 'level' (at which
-- level its meetings are held), 'duration', 'framework' (the framework its meetings are held
-- within), 'participants' (between whom they are held). value is the document's wording, shortened.
CREATE TABLE series_fact (
  series_fact_id INTEGER PRIMARY KEY,
  series        TEXT NOT NULL REFERENCES meeting_series (series),
  attribute     TEXT NOT NULL CHECK (attribute IN ('frequency', 'count', 'purpose', 'level',
                  'duration', 'framework', 'participants')),
  value         TEXT NOT NULL,
  as_of         TEXT CHECK (as_of IS NULL OR as_of GLOB '[0-9][0-9][0-9][0-9]'
                OR as_of GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'
                OR as_of GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  basis         TEXT NOT NULL DEFAULT 'document'
                  CHECK (basis IN ('document', 'inferred', 'general_knowledge')),
  note          TEXT,
  CHECK (basis = 'document' OR note IS NOT NULL),
  UNIQUE (series, attribute, value, as_of)
) STRICT;

CREATE TRIGGER agreement_date_calendar_dates_insert BEFORE INSERT ON agreement_date
BEGIN
  SELECT RAISE(ABORT, 'agreement_date.on_date: not a calendar date (YYYY, YYYY-MM or YYYY-MM-DD)')
   WHERE NEW.on_date IS NOT NULL
     AND date(substr(NEW.on_date || '-01-01', 1, 10), '+0 days')
         IS NOT substr(NEW.on_date || '-01-01', 1, 10);
END;
CREATE TRIGGER agreement_date_calendar_dates_update
  BEFORE UPDATE OF on_date ON agreement_date
BEGIN
  SELECT RAISE(ABORT, 'agreement_date.on_date: not a calendar date (YYYY, YYYY-MM or YYYY-MM-DD)')
   WHERE NEW.on_date IS NOT NULL
     AND date(substr(NEW.on_date || '-01-01', 1, 10), '+0 days')
         IS NOT substr(NEW.on_date || '-01-01', 1, 10);
END;
CREATE TRIGGER meeting_date_calendar_dates_insert BEFORE INSERT ON meeting_date
BEGIN
  SELECT RAISE(ABORT, 'meeting_date.held_on: not a calendar date (YYYY, YYYY-MM or YYYY-MM-DD)')
   WHERE NEW.held_on IS NOT NULL
     AND date(substr(NEW.held_on || '-01-01', 1, 10), '+0 days')
         IS NOT substr(NEW.held_on || '-01-01', 1, 10);
END;
CREATE TRIGGER meeting_date_calendar_dates_update
  BEFORE UPDATE OF held_on ON meeting_date
BEGIN
  SELECT RAISE(ABORT, 'meeting_date.held_on: not a calendar date (YYYY, YYYY-MM or YYYY-MM-DD)')
   WHERE NEW.held_on IS NOT NULL
     AND date(substr(NEW.held_on || '-01-01', 1, 10), '+0 days')
         IS NOT substr(NEW.held_on || '-01-01', 1, 10);
END;
CREATE TRIGGER series_fact_calendar_dates_insert BEFORE INSERT ON series_fact
BEGIN
  SELECT RAISE(ABORT, 'series_fact.as_of: not a calendar date (YYYY, YYYY-MM or YYYY-MM-DD)')
   WHERE NEW.as_of IS NOT NULL
     AND date(substr(NEW.as_of || '-01-01', 1, 10), '+0 days')
         IS NOT substr(NEW.as_of || '-01-01', 1, 10);
END;
CREATE TRIGGER series_fact_calendar_dates_update
  BEFORE UPDATE OF as_of ON series_fact
BEGIN
  SELECT RAISE(ABORT, 'series_fact.as_of: not a calendar date (YYYY, YYYY-MM or YYYY-MM-DD)')
   WHERE NEW.as_of IS NOT NULL
     AND date(substr(NEW.as_of || '-01-01', 1, 10), '+0 days')
         IS NOT substr(NEW.as_of || '-01-01', 1, 10);
END;
-- Names by which documents refer to a series, for verify's support check (editorial, uncited).
CREATE TABLE meeting_series_name (
  series      TEXT NOT NULL REFERENCES meeting_series (series),
  name        TEXT NOT NULL,
  PRIMARY KEY (series, name)
) STRICT, WITHOUT ROWID;
INSERT INTO meeting_series_name (series, name) VALUES
  ('SOM', 'Senior Officials Meeting'), ('SOM', 'senior officials'), ('SOM', 'SOM'),
  ('HOU', 'Heads of Unit');

INSERT INTO record_kind (kind, id_column, cited) VALUES
  ('agreement_name', 'agreement_name_id', 1),
  ('agreement_date', 'agreement_date_id', 1),
  ('agreement_relation', 'agreement_relation_id', 1),
  ('meeting_date', 'meeting_date_id', 1),
  ('series_fact', 'series_fact_id', 1);

CREATE INDEX agreement_name_agreement ON agreement_name (agreement_id);
CREATE INDEX agreement_date_agreement ON agreement_date (agreement_id);
CREATE INDEX agreement_relation_agreement ON agreement_relation (agreement_id);
CREATE INDEX meeting_date_meeting ON meeting_date (meeting_id);
CREATE INDEX series_fact_series ON series_fact (series);

-- Views. basis is shown wherever a row may rest on more than the document's words.
CREATE VIEW v_series_fact AS
SELECT f.series_fact_id, f.series, f.attribute, f.value, f.as_of, f.basis, f.note
  FROM series_fact f;

CREATE VIEW v_agreement_relation AS
SELECT r.agreement_relation_id, a.name AS agreement, r.relation, o.name AS other_agreement,
       r.basis, r.note
  FROM agreement_relation r
  JOIN agreement a ON a.agreement_id = r.agreement_id
  JOIN agreement o ON o.agreement_id = r.other_agreement_id;

CREATE VIEW v_agreement_date AS
SELECT d.agreement_date_id, a.name AS agreement, d.event, d.on_date, d.basis, d.note
  FROM agreement_date d
  JOIN agreement a ON a.agreement_id = d.agreement_id;

CREATE VIEW v_agreement_name AS
SELECT n.agreement_name_id, a.name AS agreement, n.name
  FROM agreement_name n
  JOIN agreement a ON a.agreement_id = n.agreement_id;

CREATE VIEW v_meeting_date AS
SELECT d.meeting_date_id, d.meeting_id, m.series, m.sequence_no, m.title, d.held_on,
       d.attested_as, d.basis, d.note
  FROM meeting_date d
  JOIN meeting m ON m.meeting_id = d.meeting_id;

CREATE VIEW v_organisation_name AS
SELECT n.org_name_id, o.short_name AS organisation, n.name, n.language, n.attested_on,
       n.valid_from, n.valid_to, n.basis, n.note
  FROM organisation_name n
  JOIN organisation o ON o.organisation_id = n.organisation_id;

CREATE VIEW v_organisation_parent AS
SELECT op.org_parent_id, o.short_name AS organisation, p.short_name AS parent, op.valid_from,
       op.valid_to, op.basis, op.note
  FROM organisation_parent op
  JOIN organisation o ON o.organisation_id = op.organisation_id
  JOIN organisation p ON p.organisation_id = op.parent_organisation_id;
