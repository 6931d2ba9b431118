-- 0002_views: the documented SQL contract (see README, "Querying with SQL"). Every view carries
-- ids and readable labels; organisations appear by short name, people by canonical name.

-- The latest known parent: an open-ended link first, then the latest start.
CREATE VIEW v_organisation AS
SELECT o.organisation_id, o.short_name, o.name, o.kind,
       (SELECT p.short_name FROM organisation_parent op
          JOIN organisation p ON p.organisation_id = op.parent_organisation_id
         WHERE op.organisation_id = o.organisation_id
         ORDER BY op.valid_to IS NULL DESC, op.valid_from DESC LIMIT 1) AS parent_short_name,
       o.note
  FROM organisation o;

CREATE VIEW v_source AS
SELECT source_id, file_name, title, publisher, published, url, language, sha256, text
  FROM source;

CREATE VIEW v_post_holder AS
SELECT t.tenure_id, t.person_id, pe.name AS person, t.post_id, po.title AS post,
       o.short_name AS organisation, t.start_date, t.end_date, t.acting,
       t.attested_from, t.attested_to
  FROM tenure t
  JOIN person pe ON pe.person_id = t.person_id
  JOIN post po ON po.post_id = t.post_id
  LEFT JOIN organisation o ON o.organisation_id = po.organisation_id;

CREATE VIEW v_meeting AS
SELECT m.meeting_id, m.series, m.sequence_no, m.title, m.held_on, m.location,
       (SELECT group_concat(o.short_name, ', ') FROM meeting_organisation mo
          JOIN organisation o ON o.organisation_id = mo.organisation_id
         WHERE mo.meeting_id = m.meeting_id AND mo.role = 'host') AS host,
       m.note
  FROM meeting m;

CREATE VIEW v_attendance AS
SELECT a.attendance_id, a.meeting_id, m.series, m.sequence_no, m.held_on, a.person_id,
       pe.name AS person, a.role, po.title AS post, o.short_name AS organisation, a.attested_as,
       coalesce((SELECT t.acting FROM tenure t
                  WHERE t.person_id = a.person_id AND t.post_id = a.post_id), 0) AS acting
  FROM attendance a
  JOIN meeting m ON m.meeting_id = a.meeting_id
  JOIN person pe ON pe.person_id = a.person_id
  LEFT JOIN post po ON po.post_id = a.post_id
  LEFT JOIN organisation o ON o.organisation_id = a.organisation_id;

CREATE VIEW v_meeting_organisation AS
SELECT mo.meeting_organisation_id, mo.meeting_id, m.series, m.sequence_no, m.held_on,
       o.short_name AS organisation, mo.role
  FROM meeting_organisation mo
  JOIN meeting m ON m.meeting_id = mo.meeting_id
  JOIN organisation o ON o.organisation_id = mo.organisation_id;

CREATE VIEW v_meeting_topic AS
SELECT t.topic_id, t.meeting_id, m.series, m.sequence_no, m.held_on, t.label AS topic,
       th.name AS theme
  FROM topic t
  JOIN meeting m ON m.meeting_id = t.meeting_id
  LEFT JOIN theme th ON th.theme_id = t.theme_id;

CREATE VIEW v_agreement AS
SELECT agreement_id, name, kind, concluded_on, in_force_from, purpose
  FROM agreement;

-- Parties of the EU-IOM Strategic Cooperation Framework, with when and how they joined.
CREATE VIEW v_framework_party AS
SELECT ag.name AS framework, o.short_name AS organisation, ap.since, ap.how,
       ap.agreement_party_id, ap.meeting_id
  FROM agreement_party ap
  JOIN agreement ag ON ag.agreement_id = ap.agreement_id
  JOIN organisation o ON o.organisation_id = ap.organisation_id
 WHERE ag.kind = 'strategic_cooperation_framework';

CREATE VIEW v_agreement_party AS
SELECT ap.agreement_party_id, ag.agreement_id, ag.name AS agreement,
       o.short_name AS organisation, ap.since, ap.how
  FROM agreement_party ap
  JOIN agreement ag ON ag.agreement_id = ap.agreement_id
  JOIN organisation o ON o.organisation_id = ap.organisation_id;

CREATE VIEW v_agreement_signatory AS
SELECT s.agreement_signatory_id, s.agreement_id, ag.name AS agreement, pe.name AS person,
       o.short_name AS organisation
  FROM agreement_signatory s
  JOIN agreement ag ON ag.agreement_id = s.agreement_id
  JOIN person pe ON pe.person_id = s.person_id
  LEFT JOIN organisation o ON o.organisation_id = s.organisation_id;

-- period: one date when the period is a single year or day, 'start/end' otherwise,
-- 'start/..' when open-ended (ISO-8601 interval notation).
CREATE VIEW v_funding AS
SELECT f.funding_id, fu.short_name AS funder, r.short_name AS recipient,
       CASE WHEN f.period_start IS NULL THEN NULL
            WHEN f.period_end = f.period_start THEN f.period_start
            ELSE f.period_start || '/' || coalesce(f.period_end, '..') END AS period,
       f.amount, f.currency, f.bound, f.measure
  FROM funding f
  JOIN organisation fu ON fu.organisation_id = f.funder_organisation_id
  JOIN organisation r ON r.organisation_id = f.recipient_organisation_id;

CREATE VIEW v_publication AS
SELECT p.publication_id, p.title, o.short_name AS publisher, p.published_on, p.kind,
       p.addressee, p.series, p.edition, p.summary
  FROM publication p
  LEFT JOIN organisation o ON o.organisation_id = p.publisher_organisation_id;

CREATE VIEW v_policy_framework_part AS
SELECT pf.policy_framework_id, pf.name AS framework, fp.position, fp.kind, fp.label
  FROM framework_part fp
  JOIN policy_framework pf ON pf.policy_framework_id = fp.policy_framework_id;

CREATE VIEW v_statement AS
SELECT s.statement_id, pe.name AS person, s.meeting_id, s.said_on, s.kind, s.text
  FROM statement s
  JOIN person pe ON pe.person_id = s.person_id;

CREATE VIEW v_contact AS
SELECT c.contact_id, pe.name AS person, o.short_name AS organisation, c.role, c.city, c.phone,
       c.fax, c.email
  FROM contact c
  LEFT JOIN person pe ON pe.person_id = c.person_id
  LEFT JOIN organisation o ON o.organisation_id = c.organisation_id;

CREATE VIEW v_organisation_event AS
SELECT e.org_event_id, e.event, f.short_name AS from_organisation,
       t.short_name AS to_organisation, e.occurred_on, e.basis, e.note
  FROM organisation_event e
  LEFT JOIN organisation f ON f.organisation_id = e.from_organisation_id
  LEFT JOIN organisation t ON t.organisation_id = e.to_organisation_id;

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
