-- 0004_calendar_dates: every date column holds a real calendar date.
-- The CHECKs of 0001 only test the shape (YYYY, YYYY-MM or YYYY-MM-DD), so hand-written SQL could
-- store 2013-02-30, 2013-19-39 or 2013-00. SQLite cannot change a CHECK in place, so each table
-- with date columns gets a BEFORE INSERT and a BEFORE UPDATE OF <its date columns> trigger that
-- aborts with '<table>.<column>: not a calendar date (YYYY, YYYY-MM or YYYY-MM-DD)' unless the
-- value is NULL or a real date. The test: pad the value to a day, d = substr(c || '-01-01', 1, 10)
-- (2013 -> 2013-01-01, 2013-02 -> 2013-02-01); d is real iff date(d, '+0 days') IS d, since
-- the modifier sends d through a Julian day number, which normalises 2013-02-30 to 2013-03-02,
-- while an out-of-range month or day (00, 13, 32) gives NULL. Leap years follow: 2012-02-29 is
-- kept, 2013-02-29 refused. The shape CHECKs of 0001 still apply.
--
-- Existing rows: the migration fails, rather than keep or silently alter an impossible date. At
-- its end it touches (UPDATE c = c) only the rows holding one, which fires the new trigger: the
-- whole migration rolls back, the database keeps schema version 3, and the error names the table
-- and column. Correct the row with SQL on the old version, then open the database again.

CREATE TRIGGER source_calendar_dates_insert BEFORE INSERT ON source
BEGIN
  SELECT RAISE(ABORT, 'source.published: not a calendar date (YYYY, YYYY-MM or YYYY-MM-DD)')
   WHERE NEW.published IS NOT NULL
     AND date(substr(NEW.published || '-01-01', 1, 10), '+0 days')
         IS NOT substr(NEW.published || '-01-01', 1, 10);
END;
CREATE TRIGGER source_calendar_dates_update
  BEFORE UPDATE OF published ON source
BEGIN
  SELECT RAISE(ABORT, 'source.published: not a calendar date (YYYY, YYYY-MM or YYYY-MM-DD)')
   WHERE NEW.published IS NOT NULL
     AND date(substr(NEW.published || '-01-01', 1, 10), '+0 days')
         IS NOT substr(NEW.published || '-01-01', 1, 10);
END;

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

CREATE TRIGGER organisation_event_calendar_dates_insert BEFORE INSERT ON organisation_event
BEGIN
  SELECT RAISE(ABORT, 'organisation_event.occurred_on: not a calendar date (YYYY, YYYY-MM or YYYY-MM-DD)')
   WHERE NEW.occurred_on IS NOT NULL
     AND date(substr(NEW.occurred_on || '-01-01', 1, 10), '+0 days')
         IS NOT substr(NEW.occurred_on || '-01-01', 1, 10);
END;
CREATE TRIGGER organisation_event_calendar_dates_update
  BEFORE UPDATE OF occurred_on ON organisation_event
BEGIN
  SELECT RAISE(ABORT, 'organisation_event.occurred_on: not a calendar date (YYYY, YYYY-MM or YYYY-MM-DD)')
   WHERE NEW.occurred_on IS NOT NULL
     AND date(substr(NEW.occurred_on || '-01-01', 1, 10), '+0 days')
         IS NOT substr(NEW.occurred_on || '-01-01', 1, 10);
END;

CREATE TRIGGER tenure_calendar_dates_insert BEFORE INSERT ON tenure
BEGIN
  SELECT RAISE(ABORT, 'tenure.start_date: not a calendar date (YYYY, YYYY-MM or YYYY-MM-DD)')
   WHERE NEW.start_date IS NOT NULL
     AND date(substr(NEW.start_date || '-01-01', 1, 10), '+0 days')
         IS NOT substr(NEW.start_date || '-01-01', 1, 10);
  SELECT RAISE(ABORT, 'tenure.end_date: not a calendar date (YYYY, YYYY-MM or YYYY-MM-DD)')
   WHERE NEW.end_date IS NOT NULL
     AND date(substr(NEW.end_date || '-01-01', 1, 10), '+0 days')
         IS NOT substr(NEW.end_date || '-01-01', 1, 10);
  SELECT RAISE(ABORT, 'tenure.attested_from: not a calendar date (YYYY, YYYY-MM or YYYY-MM-DD)')
   WHERE NEW.attested_from IS NOT NULL
     AND date(substr(NEW.attested_from || '-01-01', 1, 10), '+0 days')
         IS NOT substr(NEW.attested_from || '-01-01', 1, 10);
  SELECT RAISE(ABORT, 'tenure.attested_to: not a calendar date (YYYY, YYYY-MM or YYYY-MM-DD)')
   WHERE NEW.attested_to IS NOT NULL
     AND date(substr(NEW.attested_to || '-01-01', 1, 10), '+0 days')
         IS NOT substr(NEW.attested_to || '-01-01', 1, 10);
END;
CREATE TRIGGER tenure_calendar_dates_update
  BEFORE UPDATE OF start_date, end_date, attested_from, attested_to ON tenure
BEGIN
  SELECT RAISE(ABORT, 'tenure.start_date: not a calendar date (YYYY, YYYY-MM or YYYY-MM-DD)')
   WHERE NEW.start_date IS NOT NULL
     AND date(substr(NEW.start_date || '-01-01', 1, 10), '+0 days')
         IS NOT substr(NEW.start_date || '-01-01', 1, 10);
  SELECT RAISE(ABORT, 'tenure.end_date: not a calendar date (YYYY, YYYY-MM or YYYY-MM-DD)')
   WHERE NEW.end_date IS NOT NULL
     AND date(substr(NEW.end_date || '-01-01', 1, 10), '+0 days')
         IS NOT substr(NEW.end_date || '-01-01', 1, 10);
  SELECT RAISE(ABORT, 'tenure.attested_from: not a calendar date (YYYY, YYYY-MM or YYYY-MM-DD)')
   WHERE NEW.attested_from IS NOT NULL
     AND date(substr(NEW.attested_from || '-01-01', 1, 10), '+0 days')
         IS NOT substr(NEW.attested_from || '-01-01', 1, 10);
  SELECT RAISE(ABORT, 'tenure.attested_to: not a calendar date (YYYY, YYYY-MM or YYYY-MM-DD)')
   WHERE NEW.attested_to IS NOT NULL
     AND date(substr(NEW.attested_to || '-01-01', 1, 10), '+0 days')
         IS NOT substr(NEW.attested_to || '-01-01', 1, 10);
END;

CREATE TRIGGER meeting_calendar_dates_insert BEFORE INSERT ON meeting
BEGIN
  SELECT RAISE(ABORT, 'meeting.held_on: not a calendar date (YYYY, YYYY-MM or YYYY-MM-DD)')
   WHERE NEW.held_on IS NOT NULL
     AND date(substr(NEW.held_on || '-01-01', 1, 10), '+0 days')
         IS NOT substr(NEW.held_on || '-01-01', 1, 10);
END;
CREATE TRIGGER meeting_calendar_dates_update
  BEFORE UPDATE OF held_on ON meeting
BEGIN
  SELECT RAISE(ABORT, 'meeting.held_on: not a calendar date (YYYY, YYYY-MM or YYYY-MM-DD)')
   WHERE NEW.held_on IS NOT NULL
     AND date(substr(NEW.held_on || '-01-01', 1, 10), '+0 days')
         IS NOT substr(NEW.held_on || '-01-01', 1, 10);
END;

CREATE TRIGGER agreement_calendar_dates_insert BEFORE INSERT ON agreement
BEGIN
  SELECT RAISE(ABORT, 'agreement.concluded_on: not a calendar date (YYYY, YYYY-MM or YYYY-MM-DD)')
   WHERE NEW.concluded_on IS NOT NULL
     AND date(substr(NEW.concluded_on || '-01-01', 1, 10), '+0 days')
         IS NOT substr(NEW.concluded_on || '-01-01', 1, 10);
  SELECT RAISE(ABORT, 'agreement.in_force_from: not a calendar date (YYYY, YYYY-MM or YYYY-MM-DD)')
   WHERE NEW.in_force_from IS NOT NULL
     AND date(substr(NEW.in_force_from || '-01-01', 1, 10), '+0 days')
         IS NOT substr(NEW.in_force_from || '-01-01', 1, 10);
END;
CREATE TRIGGER agreement_calendar_dates_update
  BEFORE UPDATE OF concluded_on, in_force_from ON agreement
BEGIN
  SELECT RAISE(ABORT, 'agreement.concluded_on: not a calendar date (YYYY, YYYY-MM or YYYY-MM-DD)')
   WHERE NEW.concluded_on IS NOT NULL
     AND date(substr(NEW.concluded_on || '-01-01', 1, 10), '+0 days')
         IS NOT substr(NEW.concluded_on || '-01-01', 1, 10);
  SELECT RAISE(ABORT, 'agreement.in_force_from: not a calendar date (YYYY, YYYY-MM or YYYY-MM-DD)')
   WHERE NEW.in_force_from IS NOT NULL
     AND date(substr(NEW.in_force_from || '-01-01', 1, 10), '+0 days')
         IS NOT substr(NEW.in_force_from || '-01-01', 1, 10);
END;

CREATE TRIGGER agreement_party_calendar_dates_insert BEFORE INSERT ON agreement_party
BEGIN
  SELECT RAISE(ABORT, 'agreement_party.since: not a calendar date (YYYY, YYYY-MM or YYYY-MM-DD)')
   WHERE NEW.since IS NOT NULL
     AND date(substr(NEW.since || '-01-01', 1, 10), '+0 days')
         IS NOT substr(NEW.since || '-01-01', 1, 10);
END;
CREATE TRIGGER agreement_party_calendar_dates_update
  BEFORE UPDATE OF since ON agreement_party
BEGIN
  SELECT RAISE(ABORT, 'agreement_party.since: not a calendar date (YYYY, YYYY-MM or YYYY-MM-DD)')
   WHERE NEW.since IS NOT NULL
     AND date(substr(NEW.since || '-01-01', 1, 10), '+0 days')
         IS NOT substr(NEW.since || '-01-01', 1, 10);
END;

CREATE TRIGGER funding_calendar_dates_insert BEFORE INSERT ON funding
BEGIN
  SELECT RAISE(ABORT, 'funding.period_start: not a calendar date (YYYY, YYYY-MM or YYYY-MM-DD)')
   WHERE NEW.period_start IS NOT NULL
     AND date(substr(NEW.period_start || '-01-01', 1, 10), '+0 days')
         IS NOT substr(NEW.period_start || '-01-01', 1, 10);
  SELECT RAISE(ABORT, 'funding.period_end: not a calendar date (YYYY, YYYY-MM or YYYY-MM-DD)')
   WHERE NEW.period_end IS NOT NULL
     AND date(substr(NEW.period_end || '-01-01', 1, 10), '+0 days')
         IS NOT substr(NEW.period_end || '-01-01', 1, 10);
END;
CREATE TRIGGER funding_calendar_dates_update
  BEFORE UPDATE OF period_start, period_end ON funding
BEGIN
  SELECT RAISE(ABORT, 'funding.period_start: not a calendar date (YYYY, YYYY-MM or YYYY-MM-DD)')
   WHERE NEW.period_start IS NOT NULL
     AND date(substr(NEW.period_start || '-01-01', 1, 10), '+0 days')
         IS NOT substr(NEW.period_start || '-01-01', 1, 10);
  SELECT RAISE(ABORT, 'funding.period_end: not a calendar date (YYYY, YYYY-MM or YYYY-MM-DD)')
   WHERE NEW.period_end IS NOT NULL
     AND date(substr(NEW.period_end || '-01-01', 1, 10), '+0 days')
         IS NOT substr(NEW.period_end || '-01-01', 1, 10);
END;

CREATE TRIGGER publication_calendar_dates_insert BEFORE INSERT ON publication
BEGIN
  SELECT RAISE(ABORT, 'publication.published_on: not a calendar date (YYYY, YYYY-MM or YYYY-MM-DD)')
   WHERE NEW.published_on IS NOT NULL
     AND date(substr(NEW.published_on || '-01-01', 1, 10), '+0 days')
         IS NOT substr(NEW.published_on || '-01-01', 1, 10);
END;
CREATE TRIGGER publication_calendar_dates_update
  BEFORE UPDATE OF published_on ON publication
BEGIN
  SELECT RAISE(ABORT, 'publication.published_on: not a calendar date (YYYY, YYYY-MM or YYYY-MM-DD)')
   WHERE NEW.published_on IS NOT NULL
     AND date(substr(NEW.published_on || '-01-01', 1, 10), '+0 days')
         IS NOT substr(NEW.published_on || '-01-01', 1, 10);
END;

CREATE TRIGGER policy_framework_calendar_dates_insert BEFORE INSERT ON policy_framework
BEGIN
  SELECT RAISE(ABORT, 'policy_framework.adopted_on: not a calendar date (YYYY, YYYY-MM or YYYY-MM-DD)')
   WHERE NEW.adopted_on IS NOT NULL
     AND date(substr(NEW.adopted_on || '-01-01', 1, 10), '+0 days')
         IS NOT substr(NEW.adopted_on || '-01-01', 1, 10);
END;
CREATE TRIGGER policy_framework_calendar_dates_update
  BEFORE UPDATE OF adopted_on ON policy_framework
BEGIN
  SELECT RAISE(ABORT, 'policy_framework.adopted_on: not a calendar date (YYYY, YYYY-MM or YYYY-MM-DD)')
   WHERE NEW.adopted_on IS NOT NULL
     AND date(substr(NEW.adopted_on || '-01-01', 1, 10), '+0 days')
         IS NOT substr(NEW.adopted_on || '-01-01', 1, 10);
END;

CREATE TRIGGER statement_calendar_dates_insert BEFORE INSERT ON statement
BEGIN
  SELECT RAISE(ABORT, 'statement.said_on: not a calendar date (YYYY, YYYY-MM or YYYY-MM-DD)')
   WHERE NEW.said_on IS NOT NULL
     AND date(substr(NEW.said_on || '-01-01', 1, 10), '+0 days')
         IS NOT substr(NEW.said_on || '-01-01', 1, 10);
END;
CREATE TRIGGER statement_calendar_dates_update
  BEFORE UPDATE OF said_on ON statement
BEGIN
  SELECT RAISE(ABORT, 'statement.said_on: not a calendar date (YYYY, YYYY-MM or YYYY-MM-DD)')
   WHERE NEW.said_on IS NOT NULL
     AND date(substr(NEW.said_on || '-01-01', 1, 10), '+0 days')
         IS NOT substr(NEW.said_on || '-01-01', 1, 10);
END;

-- Rows stored before this migration: an impossible date aborts it here (see above).
UPDATE source SET published = published
 WHERE (published IS NOT NULL
        AND date(substr(published || '-01-01', 1, 10), '+0 days')
            IS NOT substr(published || '-01-01', 1, 10));
UPDATE organisation_name SET attested_on = attested_on, valid_from = valid_from, valid_to = valid_to
 WHERE (attested_on IS NOT NULL
        AND date(substr(attested_on || '-01-01', 1, 10), '+0 days')
            IS NOT substr(attested_on || '-01-01', 1, 10))
    OR (valid_from IS NOT NULL
        AND date(substr(valid_from || '-01-01', 1, 10), '+0 days')
            IS NOT substr(valid_from || '-01-01', 1, 10))
    OR (valid_to IS NOT NULL
        AND date(substr(valid_to || '-01-01', 1, 10), '+0 days')
            IS NOT substr(valid_to || '-01-01', 1, 10));
UPDATE organisation_parent SET valid_from = valid_from, valid_to = valid_to
 WHERE (valid_from IS NOT NULL
        AND date(substr(valid_from || '-01-01', 1, 10), '+0 days')
            IS NOT substr(valid_from || '-01-01', 1, 10))
    OR (valid_to IS NOT NULL
        AND date(substr(valid_to || '-01-01', 1, 10), '+0 days')
            IS NOT substr(valid_to || '-01-01', 1, 10));
UPDATE organisation_event SET occurred_on = occurred_on
 WHERE (occurred_on IS NOT NULL
        AND date(substr(occurred_on || '-01-01', 1, 10), '+0 days')
            IS NOT substr(occurred_on || '-01-01', 1, 10));
UPDATE tenure SET start_date = start_date, end_date = end_date,
                  attested_from = attested_from, attested_to = attested_to
 WHERE (start_date IS NOT NULL
        AND date(substr(start_date || '-01-01', 1, 10), '+0 days')
            IS NOT substr(start_date || '-01-01', 1, 10))
    OR (end_date IS NOT NULL
        AND date(substr(end_date || '-01-01', 1, 10), '+0 days')
            IS NOT substr(end_date || '-01-01', 1, 10))
    OR (attested_from IS NOT NULL
        AND date(substr(attested_from || '-01-01', 1, 10), '+0 days')
            IS NOT substr(attested_from || '-01-01', 1, 10))
    OR (attested_to IS NOT NULL
        AND date(substr(attested_to || '-01-01', 1, 10), '+0 days')
            IS NOT substr(attested_to || '-01-01', 1, 10));
UPDATE meeting SET held_on = held_on
 WHERE (held_on IS NOT NULL
        AND date(substr(held_on || '-01-01', 1, 10), '+0 days')
            IS NOT substr(held_on || '-01-01', 1, 10));
UPDATE agreement SET concluded_on = concluded_on, in_force_from = in_force_from
 WHERE (concluded_on IS NOT NULL
        AND date(substr(concluded_on || '-01-01', 1, 10), '+0 days')
            IS NOT substr(concluded_on || '-01-01', 1, 10))
    OR (in_force_from IS NOT NULL
        AND date(substr(in_force_from || '-01-01', 1, 10), '+0 days')
            IS NOT substr(in_force_from || '-01-01', 1, 10));
UPDATE agreement_party SET since = since
 WHERE (since IS NOT NULL
        AND date(substr(since || '-01-01', 1, 10), '+0 days')
            IS NOT substr(since || '-01-01', 1, 10));
UPDATE funding SET period_start = period_start, period_end = period_end
 WHERE (period_start IS NOT NULL
        AND date(substr(period_start || '-01-01', 1, 10), '+0 days')
            IS NOT substr(period_start || '-01-01', 1, 10))
    OR (period_end IS NOT NULL
        AND date(substr(period_end || '-01-01', 1, 10), '+0 days')
            IS NOT substr(period_end || '-01-01', 1, 10));
UPDATE publication SET published_on = published_on
 WHERE (published_on IS NOT NULL
        AND date(substr(published_on || '-01-01', 1, 10), '+0 days')
            IS NOT substr(published_on || '-01-01', 1, 10));
UPDATE policy_framework SET adopted_on = adopted_on
 WHERE (adopted_on IS NOT NULL
        AND date(substr(adopted_on || '-01-01', 1, 10), '+0 days')
            IS NOT substr(adopted_on || '-01-01', 1, 10));
UPDATE statement SET said_on = said_on
 WHERE (said_on IS NOT NULL
        AND date(substr(said_on || '-01-01', 1, 10), '+0 days')
            IS NOT substr(said_on || '-01-01', 1, 10));
