-- 0014_agreement_view: v_agreement shows the dates the documents give an agreement.
--
-- Since 0008 an agreement's dates are rows of agreement_date, each of the kind its document
-- states (signed, established, agreed, concluded, in force, in use), and agreement.concluded_on
-- and in_force_from stay NULL unless a document says concluded or in force. No document of the
-- seed does, so v_agreement showed two columns that were always empty and no date at all.
-- Now (columns in this order, key last as in every keyed view):
--   concluded_on, in_force_from  the agreement's own value, else the earliest agreement_date of
--                                that kind ('concluded', 'in force'): still only a date a
--                                document states as such, whichever record holds it
--   first_dated_on               the earliest on_date of its agreement_date rows (dates compare
--                                as text: a year sorts before the months of that year)
--   first_dated_event            that row's event (the lower agreement_date_id on a tie)
--   dated_events                 every dated event, earliest first: 'signed 2012-06;
--                                established 2012-07', each not stated by a document marked
--                                '(inferred)' or '(general knowledge)'
-- Nothing is stored: the view reads agreement_date through index agreement_date_agreement.

DROP VIEW v_agreement;
CREATE VIEW v_agreement AS
SELECT a.agreement_id, a.name, a.kind,
       coalesce(a.concluded_on,
                (SELECT min(d.on_date) FROM agreement_date d
                  WHERE d.agreement_id = a.agreement_id AND d.event = 'concluded')) AS concluded_on,
       coalesce(a.in_force_from,
                (SELECT min(d.on_date) FROM agreement_date d
                  WHERE d.agreement_id = a.agreement_id AND d.event = 'in force')) AS in_force_from,
       (SELECT d.on_date FROM agreement_date d
         WHERE d.agreement_id = a.agreement_id AND d.on_date IS NOT NULL
         ORDER BY d.on_date, d.agreement_date_id LIMIT 1) AS first_dated_on,
       (SELECT d.event FROM agreement_date d
         WHERE d.agreement_id = a.agreement_id AND d.on_date IS NOT NULL
         ORDER BY d.on_date, d.agreement_date_id LIMIT 1) AS first_dated_event,
       (SELECT group_concat(e.event || ' ' || e.on_date ||
                            CASE e.basis WHEN 'inferred' THEN ' (inferred)'
                                         WHEN 'general_knowledge' THEN ' (general knowledge)'
                                         ELSE '' END, '; ')
          FROM (SELECT d.event, d.on_date, d.basis FROM agreement_date d
                 WHERE d.agreement_id = a.agreement_id AND d.on_date IS NOT NULL
                 ORDER BY d.on_date, d.agreement_date_id) e) AS dated_events,
       a.purpose,
       (SELECT key FROM record_key WHERE kind = 'agreement' AND row_id = a.agreement_id) AS key
  FROM agreement a;

UPDATE schema_note
   SET note = 'Agreements with their keys and dates: concluded_on and in_force_from as a document '
           || 'states them (on the agreement or as an agreement_date of that kind), the earliest '
           || 'dated event (first_dated_on, first_dated_event) and every dated event in order '
           || '(dated_events, "signed 2012-06; established 2012-07"). v_agreement_date has each '
           || 'date with its basis and citations.'
 WHERE name = 'v_agreement';
