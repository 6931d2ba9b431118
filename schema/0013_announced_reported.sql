-- 0013_announced_reported: every meeting-level fact says whether its document announced it
-- ahead of the meeting or reported it afterwards. meeting_date (0008) and attendance (0001)
-- carry attested_as already; topic and meeting_organisation get it here, so that the agenda a
-- document announced ("The participants will exchange views on …") is not read as what was
-- discussed. ('announced': the documents citing the row were written before the meeting or on
-- its day, ahead of it; 'reported': at least one of them describes the meeting as held.)
--
-- SQLite adds a column with a CHECK in place (the CHECK is tested against the existing rows),
-- so the tables keep their ids, triggers (kb_search_topic_*) and indexes (topic_theme,
-- meeting_organisation_organisation). (SQLite appends an added column to the line of the last
-- one, so a comment beside it would describe that column in `euiomkb schema`: the table notes
-- below describe it instead.) The column default is 'reported', the reading every
-- output gave these rows before this migration; the fact loader applies the same default to a
-- record without the field (seed/FORMAT.md).
--
-- Existing rows are then read from their documents: a row becomes 'announced' when a document
-- citing it gives the meeting a date it announced (a meeting_date row of that meeting,
-- attested 'announced', cited from the same source) and no document citing it reports the
-- meeting held (a 'reported' meeting_date cited from the same source). Rows of meetings no
-- document dates keep 'reported'.

ALTER TABLE topic ADD COLUMN attested_as TEXT NOT NULL DEFAULT 'reported'
  CHECK (attested_as IN ('announced', 'reported'));
ALTER TABLE meeting_organisation ADD COLUMN attested_as TEXT NOT NULL DEFAULT 'reported'
  CHECK (attested_as IN ('announced', 'reported'));

-- The sources that date a meeting, and how: (meeting_id, source_id, attested_as).
CREATE TEMP VIEW dated_by_0013 AS
SELECT d.meeting_id, c.source_id, d.attested_as
  FROM meeting_date d
  JOIN citation c ON c.subject_type = 'meeting_date' AND c.subject_id = d.meeting_date_id;

UPDATE topic SET attested_as = 'announced'
 WHERE EXISTS (SELECT 1 FROM citation c JOIN dated_by_0013 x ON x.source_id = c.source_id
                WHERE c.subject_type = 'topic' AND c.subject_id = topic.topic_id
                  AND x.meeting_id = topic.meeting_id AND x.attested_as = 'announced')
   AND NOT EXISTS (SELECT 1 FROM citation c JOIN dated_by_0013 x ON x.source_id = c.source_id
                    WHERE c.subject_type = 'topic' AND c.subject_id = topic.topic_id
                      AND x.meeting_id = topic.meeting_id AND x.attested_as = 'reported');

UPDATE meeting_organisation SET attested_as = 'announced'
 WHERE EXISTS (SELECT 1 FROM citation c JOIN dated_by_0013 x ON x.source_id = c.source_id
                WHERE c.subject_type = 'meeting_organisation'
                  AND c.subject_id = meeting_organisation.meeting_organisation_id
                  AND x.meeting_id = meeting_organisation.meeting_id
                  AND x.attested_as = 'announced')
   AND NOT EXISTS (SELECT 1 FROM citation c JOIN dated_by_0013 x ON x.source_id = c.source_id
                    WHERE c.subject_type = 'meeting_organisation'
                      AND c.subject_id = meeting_organisation.meeting_organisation_id
                      AND x.meeting_id = meeting_organisation.meeting_id
                      AND x.attested_as = 'reported');

DROP VIEW dated_by_0013;

-- The two views, with the new column last (columns of 0002 keep their places).
DROP VIEW v_meeting_organisation;
CREATE VIEW v_meeting_organisation AS
SELECT mo.meeting_organisation_id, mo.meeting_id, m.series, m.sequence_no, m.held_on,
       o.short_name AS organisation, mo.role, mo.attested_as
  FROM meeting_organisation mo
  JOIN meeting m ON m.meeting_id = mo.meeting_id
  JOIN organisation o ON o.organisation_id = mo.organisation_id;

DROP VIEW v_meeting_topic;
CREATE VIEW v_meeting_topic AS
SELECT t.topic_id, t.meeting_id, m.series, m.sequence_no, m.held_on, t.label AS topic,
       th.name AS theme, t.attested_as
  FROM topic t
  JOIN meeting m ON m.meeting_id = t.meeting_id
  LEFT JOIN theme th ON th.theme_id = t.theme_id;

UPDATE schema_note
   SET note = 'An organisation at a meeting and in what capacity (host, participant, joined, joining announced); attested_as says whether a document announced it ahead of the meeting or reported it afterwards.'
 WHERE name = 'meeting_organisation';
UPDATE schema_note
   SET note = 'A topic of a meeting, in the document''s wording, with its theme; attested_as says whether a document announced it (an agenda written before the meeting) or reported it as discussed.'
 WHERE name = 'topic';
UPDATE schema_note
   SET note = 'Organisations at each meeting, by short name, announced or reported.'
 WHERE name = 'v_meeting_organisation';
UPDATE schema_note
   SET note = 'Topics of each meeting with their theme, announced or reported.'
 WHERE name = 'v_meeting_topic';
