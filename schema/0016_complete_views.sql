-- 0016_complete_views: every record kind, alias and citation subject reachable through the
-- documented views (v_*), which are what `euiomkb export` writes. Before this migration aliases,
-- whole claims, meeting series and the record kinds had no view, and framework parts no id, so
-- citations of a framework part pointed at nothing in an export.
--
-- column_glossary says what a column of a given name holds wherever the column has no comment of
-- its own (every view column, and table columns left uncommented): the exports' catalogues
-- (datapackage.json, Datasette's metadata.json) describe every field from the comment beside the
-- column, else the same column of the table the view lists, else this glossary.

-- Every way a document writes a person's name, with the person's id, key and canonical name.
CREATE VIEW v_person_alias AS
SELECT a.person_alias_id, a.person_id,
       (SELECT key FROM record_key WHERE kind = 'person' AND row_id = a.person_id) AS person_key,
       p.name AS person, a.alias
  FROM person_alias a
  JOIN person p ON p.person_id = a.person_id;

-- Every claim value (cited or not), with the record it is about by kind, id and key (claims
-- themselves have no keys).
CREATE VIEW v_claim AS
SELECT cl.claim_id, cl.subject_type, cl.subject_id,
       (SELECT key FROM record_key WHERE kind = cl.subject_type AND row_id = cl.subject_id)
         AS subject_key,
       cl.subject, cl.attribute, cl.value, cl.preferred, cl.reason
  FROM claim cl;

CREATE VIEW v_meeting_series AS
SELECT series, name FROM meeting_series;

CREATE VIEW v_meeting_series_name AS
SELECT series, name FROM meeting_series_name;

-- The record kinds, each with the view that lists all its rows keyed by its id column: a
-- citation's (subject_type, subject_id) is the row of `exported_as` whose `id_column` equals
-- subject_id.
CREATE VIEW v_record_kind AS
SELECT kind, id_column, cited,
       CASE kind WHEN 'tenure' THEN 'v_post_holder' WHEN 'topic' THEN 'v_meeting_topic'
                 WHEN 'framework_part' THEN 'v_policy_framework_part'
                 ELSE 'v_' || kind END AS exported_as
  FROM record_kind;

DROP VIEW v_policy_framework_part;
CREATE VIEW v_policy_framework_part AS
SELECT fp.framework_part_id, pf.policy_framework_id, pf.name AS framework, fp.position, fp.kind,
       fp.label
  FROM framework_part fp
  JOIN policy_framework pf ON pf.policy_framework_id = fp.policy_framework_id;

DROP VIEW v_citation;
CREATE VIEW v_citation AS
SELECT c.citation_id, c.subject_type, c.subject_id,
       (SELECT key FROM record_key WHERE kind = c.subject_type AND row_id = c.subject_id)
         AS subject_key,
       c.source_id,
       (SELECT key FROM record_key WHERE kind = 'source' AND row_id = c.source_id) AS source_key,
       s.file_name, c.quote, c.start_offset, c.end_offset, c.note
  FROM citation c
  JOIN source s ON s.source_id = c.source_id;

CREATE TABLE column_glossary (
  column_name TEXT PRIMARY KEY,         -- a column name used by tables and views
  note        TEXT NOT NULL             -- what a column of that name holds
) STRICT, WITHOUT ROWID;

INSERT INTO column_glossary (column_name, note) VALUES
  ('acting', '1 when the person held the post in an acting capacity, else 0.'),
  ('agreement', 'The agreement''s name.'),
  ('alias', 'A way a document writes the person''s name, verbatim.'),
  ('amount', 'The sum as the document states it, in currency units.'),
  ('attested_as', 'The wording under which a document records this, verbatim.'),
  ('attested_from', 'The earliest date on which a document shows this (YYYY, YYYY-MM or YYYY-MM-DD).'),
  ('attested_to', 'The latest date on which a document shows this (YYYY, YYYY-MM or YYYY-MM-DD).'),
  ('attribute', 'The attribute of the record on which documents disagree, e.g. established.'),
  ('basis', 'How the row is known: from a document (stated or inferred) or general knowledge.'),
  ('body', 'The indexed text.'),
  ('city', 'The city of the contact address.'),
  ('cited', '1 when each row of the kind needs a citation, else 0.'),
  ('currency', 'ISO 4217 code of the amount''s currency.'),
  ('dated_events', 'How many dated events the agreement has.'),
  ('description', 'What the theme covers.'),
  ('edition', 'The edition of the publication, as the document gives it.'),
  ('email', 'The e-mail address given.'),
  ('end_date', 'When the tenure ended, only where a document states it (YYYY, YYYY-MM or YYYY-MM-DD).'),
  ('end_offset', 'Where the quotation ends in source.text: an offset in code points, exclusive.'),
  ('ended', '1 when the party''s part ends at this step (a split or dissolution), else 0.'),
  ('event', 'What happened: created, renamed, split, merged, dissolved, or the kind of dated event.'),
  ('exported_as', 'The view (and export resource) that lists every row of the kind, keyed by id_column.'),
  ('fax', 'The fax number given.'),
  ('file_name', 'The file name of the source document.'),
  ('first_dated_event', 'The agreement''s earliest dated event.'),
  ('first_dated_on', 'The date of that earliest event (YYYY, YYYY-MM or YYYY-MM-DD).'),
  ('framework', 'The framework''s name.'),
  ('from_date', 'When this step takes effect (YYYY, YYYY-MM or YYYY-MM-DD); NULL when undated.'),
  ('from_organisation', 'The short name of the organisation the event starts from.'),
  ('funder', 'The short name of the funding organisation.'),
  ('held_on', 'When the meeting was held (YYYY, YYYY-MM or YYYY-MM-DD).'),
  ('holder', 'The short name of the organisation holding the part at this step.'),
  ('host', 'The short names of the hosting organisations, comma-separated.'),
  ('how', 'How the party joined, as the document says.'),
  ('id_column', 'The id column of the kind''s table.'),
  ('key', 'The record''s stable key (record_key), the name fact files use for it.'),
  ('kind', 'The kind of the row, one of the values its table allows.'),
  ('label', 'The row''s label as documents give it.'),
  ('language', 'BCP 47 tag of the language of the name.'),
  ('measure', 'What the amount measures, as the document says.'),
  ('name', 'The name, as documents give it.'),
  ('note', 'A note of the fact files on this row: a caveat, or why a source supports it.'),
  ('organisation', 'The organisation''s short name.'),
  ('other_agreement', 'The name of the agreement at the other end of the relation.'),
  ('parent', 'The short name of the parent organisation.'),
  ('parent_short_name', 'The short name of the latest known parent organisation.'),
  ('party', 'The short name of the organisation that joined as a party.'),
  ('period', 'The period covered: one date, ''start/end'', or ''start/..'' when open-ended (ISO 8601).'),
  ('person', 'The person''s canonical name.'),
  ('phone', 'The telephone number given.'),
  ('person_key', 'The person''s stable key (record_key).'),
  ('position', 'The part''s position within its framework, from 1.'),
  ('post', 'The title of the post.'),
  ('preferred', '1 for the value the knowledge base prefers, else 0.'),
  ('publisher', 'The short name of the publishing organisation.'),
  ('purpose', 'What the agreement is for, as the documents say.'),
  ('quote', 'The quotation, verbatim from the source text.'),
  ('reason', 'Why the preferred value is preferred.'),
  ('recipient', 'The short name of the receiving organisation.'),
  ('records', 'How many records of the kind the import wrote.'),
  ('ref_id', 'The id of the indexed row (source_id for a passage of a source).'),
  ('sequence_no', 'The meeting''s ordinal within its series.'),
  ('series', 'The meeting series (SOM or HOU) where the column is about meetings; a publication''s series otherwise.'),
  ('short_name', 'The short name in common use.'),
  ('since', 'When the party joined (YYYY, YYYY-MM or YYYY-MM-DD).'),
  ('source_key', 'The source''s stable key (record_key).'),
  ('start_date', 'When the tenure began, only where a document states it (YYYY, YYYY-MM or YYYY-MM-DD).'),
  ('start_offset', 'Where the quotation begins in source.text: an offset in code points.'),
  ('step', 'The step of the succession: 0 as the party joined, then one per later event.'),
  ('subject', 'What the claim is about, as a label.'),
  ('subject_id', 'The id of the row of subject_type the row is about.'),
  ('subject_key', 'The stable key (record_key) of that row, where it has one.'),
  ('subject_type', 'The kind of record (record_kind) the row is about.'),
  ('text', 'The text, verbatim.'),
  ('theme', 'The name of the theme.'),
  ('title', 'The title, as documents give it.'),
  ('to_organisation', 'The short name of the organisation the event leads to.'),
  ('topic', 'The topic as the meeting''s documents state it.'),
  ('value', 'The value, as the document states it.');

UPDATE schema_note
   SET note = 'Citations with the source''s file name and key, and the key of the record they support (subject_key, where it has one): (subject_type, subject_id) is the row of v_record_kind.exported_as whose id column equals subject_id.'
 WHERE name = 'v_citation';
UPDATE schema_note
   SET note = 'The parts of each policy framework, in order, each with its id (what citations of a framework part name).'
 WHERE name = 'v_policy_framework_part';

INSERT INTO schema_note (name, area, note) VALUES
  ('v_person_alias', 'people',
   'Every way a document writes a person''s name, with the person''s id, key and canonical name.'),
  ('v_claim', 'sources and citations',
   'Every claim value, cited or not: the record it is about (kind, id and key), the attribute, the value, whether it is preferred and why.'),
  ('v_meeting_series', 'meetings',
   'The meeting series: SOM and HOU, with their full names.'),
  ('v_meeting_series_name', 'meetings',
   'Names by which documents refer to each meeting series.'),
  ('v_record_kind', 'the database itself',
   'The kinds of record, whether each row needs a citation, and the view (export resource) listing every row of the kind by its id column.'),
  ('column_glossary', 'the database itself',
   'What a column of a given name holds, for columns without a comment of their own (all view columns and some table columns); the exports describe every field from the column''s comment, else the same column of the table a view lists, else this glossary.');

-- Keys as identifiers: the views that named a related record only by its label also give its id
-- (appended, so that the columns before keep their places), which the exports declare as
-- foreign keys.
DROP VIEW v_agreement_party;
CREATE VIEW v_agreement_party AS
SELECT ap.agreement_party_id, ag.agreement_id, ag.name AS agreement,
       o.short_name AS organisation, ap.since, ap.how, ap.organisation_id
  FROM agreement_party ap
  JOIN agreement ag ON ag.agreement_id = ap.agreement_id
  JOIN organisation o ON o.organisation_id = ap.organisation_id;
DROP VIEW v_agreement_signatory;
CREATE VIEW v_agreement_signatory AS
SELECT s.agreement_signatory_id, s.agreement_id, ag.name AS agreement, pe.name AS person,
       o.short_name AS organisation, s.person_id, s.organisation_id
  FROM agreement_signatory s
  JOIN agreement ag ON ag.agreement_id = s.agreement_id
  JOIN person pe ON pe.person_id = s.person_id
  LEFT JOIN organisation o ON o.organisation_id = s.organisation_id;
DROP VIEW v_contact;
CREATE VIEW v_contact AS
SELECT c.contact_id, pe.name AS person, o.short_name AS organisation, c.role, c.city, c.phone,
       c.fax, c.email, c.person_id, c.organisation_id
  FROM contact c
  LEFT JOIN person pe ON pe.person_id = c.person_id
  LEFT JOIN organisation o ON o.organisation_id = c.organisation_id;
DROP VIEW v_organisation_name;
CREATE VIEW v_organisation_name AS
SELECT n.org_name_id, o.short_name AS organisation, n.name, n.language, n.attested_on,
       n.valid_from, n.valid_to, n.basis, n.note, n.organisation_id
  FROM organisation_name n
  JOIN organisation o ON o.organisation_id = n.organisation_id;
DROP VIEW v_organisation_parent;
CREATE VIEW v_organisation_parent AS
SELECT op.org_parent_id, o.short_name AS organisation, p.short_name AS parent, op.valid_from,
       op.valid_to, op.basis, op.note, op.organisation_id, op.parent_organisation_id
  FROM organisation_parent op
  JOIN organisation o ON o.organisation_id = op.organisation_id
  JOIN organisation p ON p.organisation_id = op.parent_organisation_id;
DROP VIEW v_organisation_event;
CREATE VIEW v_organisation_event AS
SELECT e.org_event_id, e.event, f.short_name AS from_organisation,
       t.short_name AS to_organisation, e.occurred_on, e.basis, e.note, e.from_organisation_id, e.to_organisation_id
  FROM organisation_event e
  LEFT JOIN organisation f ON f.organisation_id = e.from_organisation_id
  LEFT JOIN organisation t ON t.organisation_id = e.to_organisation_id;
DROP VIEW v_funding;
CREATE VIEW v_funding AS
SELECT f.funding_id, fu.short_name AS funder, r.short_name AS recipient,
       CASE WHEN f.period_start IS NULL THEN NULL
            WHEN f.period_end = f.period_start THEN f.period_start
            ELSE f.period_start || '/' || coalesce(f.period_end, '..') END AS period,
       f.amount, f.currency, f.bound, f.measure, f.funder_organisation_id, f.recipient_organisation_id, f.agreement_id
  FROM funding f
  JOIN organisation fu ON fu.organisation_id = f.funder_organisation_id
  JOIN organisation r ON r.organisation_id = f.recipient_organisation_id;
DROP VIEW v_agreement_relation;
CREATE VIEW v_agreement_relation AS
SELECT r.agreement_relation_id, a.name AS agreement, r.relation, o.name AS other_agreement,
       r.basis, r.note, r.agreement_id, r.other_agreement_id
  FROM agreement_relation r
  JOIN agreement a ON a.agreement_id = r.agreement_id
  JOIN agreement o ON o.agreement_id = r.other_agreement_id;
DROP VIEW v_agreement_date;
CREATE VIEW v_agreement_date AS
SELECT d.agreement_date_id, a.name AS agreement, d.event, d.on_date, d.basis, d.note, d.agreement_id
  FROM agreement_date d
  JOIN agreement a ON a.agreement_id = d.agreement_id;
DROP VIEW v_agreement_name;
CREATE VIEW v_agreement_name AS
SELECT n.agreement_name_id, a.name AS agreement, n.name, n.agreement_id
  FROM agreement_name n
  JOIN agreement a ON a.agreement_id = n.agreement_id;
DROP VIEW v_statement;
CREATE VIEW v_statement AS
SELECT s.statement_id, pe.name AS person, s.meeting_id, s.said_on, s.kind, s.text, s.person_id
  FROM statement s
  JOIN person pe ON pe.person_id = s.person_id;
DROP VIEW v_meeting_organisation;
CREATE VIEW v_meeting_organisation AS
SELECT mo.meeting_organisation_id, mo.meeting_id, m.series, m.sequence_no, m.held_on,
       o.short_name AS organisation, mo.role, mo.attested_as, mo.organisation_id
  FROM meeting_organisation mo
  JOIN meeting m ON m.meeting_id = mo.meeting_id
  JOIN organisation o ON o.organisation_id = mo.organisation_id;
DROP VIEW v_meeting_topic;
CREATE VIEW v_meeting_topic AS
SELECT t.topic_id, t.meeting_id, m.series, m.sequence_no, m.held_on, t.label AS topic,
       th.name AS theme, t.attested_as, t.theme_id
  FROM topic t
  JOIN meeting m ON m.meeting_id = t.meeting_id
  LEFT JOIN theme th ON th.theme_id = t.theme_id;
DROP VIEW v_publication;
CREATE VIEW v_publication AS
SELECT p.publication_id, p.title, o.short_name AS publisher, p.published_on, p.kind,
       p.addressee, p.series, p.edition, p.summary,
       (SELECT key FROM record_key WHERE kind = 'publication' AND row_id = p.publication_id) AS key,
       p.publisher_organisation_id
  FROM publication p
  LEFT JOIN organisation o ON o.organisation_id = p.publisher_organisation_id;
DROP VIEW v_post;
CREATE VIEW v_post AS
SELECT p.post_id, p.title, o.short_name AS organisation,
       (SELECT key FROM record_key WHERE kind = 'post' AND row_id = p.post_id) AS key, p.organisation_id
  FROM post p
  LEFT JOIN organisation o ON o.organisation_id = p.organisation_id;
DROP VIEW v_framework_party;
CREATE VIEW v_framework_party AS
SELECT ag.name AS framework, o.short_name AS organisation, ap.since, ap.how,
       ap.agreement_party_id, ap.meeting_id, ap.agreement_id, ap.organisation_id
  FROM agreement_party ap
  JOIN agreement ag ON ag.agreement_id = ap.agreement_id
  JOIN organisation o ON o.organisation_id = ap.organisation_id
 WHERE ag.kind = 'strategic_cooperation_framework';
DROP VIEW v_attendance;
CREATE VIEW v_attendance AS
SELECT a.attendance_id, a.meeting_id, m.series, m.sequence_no, m.held_on, a.person_id,
       pe.name AS person, a.role, po.title AS post, o.short_name AS organisation, a.attested_as,
       coalesce((SELECT t.acting FROM tenure t
                  WHERE t.person_id = a.person_id AND t.post_id = a.post_id), 0) AS acting,
       a.post_id, a.organisation_id
  FROM attendance a
  JOIN meeting m ON m.meeting_id = a.meeting_id
  JOIN person pe ON pe.person_id = a.person_id
  LEFT JOIN post po ON po.post_id = a.post_id
  LEFT JOIN organisation o ON o.organisation_id = a.organisation_id;
