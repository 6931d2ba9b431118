-- 0015_party_succession: who holds each agreement party's part as the recorded lineage moves on,
-- for SQL readers asking "the parties on a date". The library and the tool answer the same
-- question with more care (Organisations::on, Agreements::parties_on; README "Answers on a
-- date"): they place an event whose date overlaps the date asked by a document that names its
-- outcome, and say 'undetermined' where the dates do not settle it; this view only lists steps.
--
-- One row per party row and step: step 0 is the party as it joined (from_date its joining date);
-- each later step an event its organisation went through after joining: a renaming or merger
-- (the part continues with `holder`) or a split or dissolution (ended = 1: the part ends; for a
-- split, one row per part, holder naming what it split into). An event recorded as ending before
-- the party joined is no step of its part. At most 16 steps; an undated step has from_date NULL.

CREATE VIEW v_party_succession AS
WITH RECURSIVE chain (agreement_party_id, agreement_id, party_organisation_id, since, step, holder_organisation_id,
                      event, from_date, basis, ended) AS (
  SELECT ap.agreement_party_id, ap.agreement_id, ap.organisation_id, ap.since, 0, ap.organisation_id, NULL,
         ap.since, NULL, 0
    FROM agreement_party ap
  UNION ALL
  SELECT c.agreement_party_id, c.agreement_id, c.party_organisation_id, c.since, c.step + 1,
         coalesce(e.to_organisation_id, c.holder_organisation_id), e.event, e.occurred_on, e.basis,
         e.event IN ('split', 'dissolved')
    FROM chain c
    JOIN organisation_event e
      ON e.from_organisation_id = c.holder_organisation_id AND e.event IN ('renamed', 'merged', 'split', 'dissolved')
   WHERE c.ended = 0 AND c.step < 16
     AND NOT (e.occurred_on IS NOT NULL AND c.since IS NOT NULL
              AND e.occurred_on || '~' < c.since)
)
SELECT c.agreement_party_id, ag.name AS agreement, p.short_name AS party, c.step,
       h.short_name AS holder, c.event, c.from_date, c.basis, c.ended
  FROM chain c
  JOIN agreement ag ON ag.agreement_id = c.agreement_id
  JOIN organisation p ON p.organisation_id = c.party_organisation_id
  JOIN organisation h ON h.organisation_id = c.holder_organisation_id;

INSERT INTO schema_note (name, area, note) VALUES
  ('v_party_succession', 'agreements',
   'Who holds each agreement party''s part as the lineage moves on: step 0 is the party as it joined (from_date its joining date); each later step an event after it joined: a renaming or merger (holder continues the part) or a split or dissolution (ended = 1, the part ends; holder is what it split into), with the event''s recorded date and basis. The parties on a date D (YYYY-MM-DD): for each party, its last step with from_date <= ''D~'' (a step dated less precisely than D that may fall by D counts); ended rows mean the part had ended. The tool''s framework --on and the library''s parties_on say where the dates leave it open.');
