-- 0018_baseline: the schema of euiomkb 0.1.0, created directly.
--
-- Schema versions 1 to 17 were pre-release: 1 to 16 the migrations squashed into this file before
-- 0.1.0, and 17 this file's first version, which still named three keys org_name_id,
-- org_parent_id and org_event_id. A database that carries one of them is refused (it is rebuilt:
-- `euiomkb build --force --facts DIR`). This file is numbered 18 so that its version can never be
-- mistaken for one of them; PRAGMA user_version is the number of the last migration applied, and
-- later migrations append 0019_<slug>.sql and up.
--
-- Conventions, which every table below keeps:
-- * Every date column holds ISO-8601 text of the precision the source gives (YYYY, YYYY-MM or
--   YYYY-MM-DD); NULL means the documents do not say. Two CHECKs guard it: the shape (GLOB), and
--   a named constraint '<table>.<column>: not a calendar date (YYYY, YYYY-MM or YYYY-MM-DD)'
--   that pads the value to a day, d = substr(c || '-01-01', 1, 10), and keeps it only if
--   date(d, '+0 days') IS d: the round trip through a Julian day normalises 2013-02-30 to
--   2013-03-02 and gives NULL for month or day 00, 13 or 32, so an impossible date fails while
--   2012-02-29 is kept and 2013-02-29 refused.
-- * Every fact row is backed by at least one row of `citation` (subject_type = table name,
--   subject_id = row id), except rows whose basis is 'general_knowledge', which carry a note.
-- * Keys are <entity>_id INTEGER PRIMARY KEY; a foreign key has the name and type of the key it
--   references (organisation_id, parent_organisation_id, ...). Tables are STRICT.
-- * Each table's and view's contract is the comment above it, which is also its row in
--   schema_note (what `euiomkb schema` and docs/schema.md print); column comments sit inside
--   CREATE TABLE, so that `.schema` shows them.

PRAGMA application_id = 1163217730;  -- 'EUKB': an euiomkb database

-- source: A source document, its full text unchanged. Every fact of the knowledge base is cited
-- from one of these.
CREATE TABLE source (
  source_id   INTEGER PRIMARY KEY,
  file_name   TEXT NOT NULL UNIQUE,     -- the name the document was delivered under
  title       TEXT NOT NULL,            -- the document's own headline
  publisher   TEXT,                     -- who published it, as the document says
  published   TEXT CHECK (published IS NULL OR published GLOB '[0-9][0-9][0-9][0-9]'
                OR published GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'
                OR published GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]')
                CONSTRAINT "source.published: not a calendar date (YYYY, YYYY-MM or YYYY-MM-DD)"
                CHECK (published IS NULL OR date(substr(published || '-01-01', 1, 10), '+0 days') IS substr(published || '-01-01', 1, 10)),
  url         TEXT,                     -- only where the document itself gives one
  language    TEXT NOT NULL,            -- BCP 47 tag of the main text
  sha256      TEXT NOT NULL CHECK (length(sha256) = 64), -- of the UTF-8 text, lower-case hex
  text        TEXT NOT NULL             -- the full text, unchanged
) STRICT;

-- record_key: Stable, human-chosen keys of records: the names fact files use to refer to each
-- other.
CREATE TABLE record_key (
  kind        TEXT NOT NULL,            -- a table name, e.g. 'person'
  key         TEXT NOT NULL,            -- e.g. 'william-swing'
  row_id      INTEGER NOT NULL,         -- the row's id in that table
  PRIMARY KEY (kind, key)
) STRICT, WITHOUT ROWID;

-- organisation: An organisation or one of its units: the EU and its institutions, Directorates-
-- General and services, the EEAS, IOM and its offices, funds, Council presidencies.
CREATE TABLE organisation (
  organisation_id      INTEGER PRIMARY KEY,
  short_name  TEXT NOT NULL UNIQUE,     -- usual short name: 'DG HOME', 'EEAS', 'IOM'
  name        TEXT NOT NULL,            -- full name as the latest document gives it
  kind        TEXT NOT NULL CHECK (kind IN ('union', 'institution', 'directorate_general',
                'service', 'international_organisation', 'office', 'unit', 'region', 'fund',
                'council_presidency', 'task_force')),
  note        TEXT
) STRICT;

-- organisation_event: Lineage: an organisation created, renamed, split, merged or dissolved, from
-- one organisation to another.
CREATE TABLE organisation_event (
  organisation_event_id INTEGER PRIMARY KEY,
  event        TEXT NOT NULL CHECK (event IN ('created', 'renamed', 'split', 'merged', 'dissolved')),
  from_organisation_id  INTEGER REFERENCES organisation (organisation_id),   -- the organisation before
  to_organisation_id    INTEGER REFERENCES organisation (organisation_id),   -- the organisation after
  occurred_on  TEXT CHECK (occurred_on IS NULL OR occurred_on GLOB '[0-9][0-9][0-9][0-9]'
                OR occurred_on GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'
                OR occurred_on GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]')
                CONSTRAINT "organisation_event.occurred_on: not a calendar date (YYYY, YYYY-MM or YYYY-MM-DD)"
                CHECK (occurred_on IS NULL OR date(substr(occurred_on || '-01-01', 1, 10), '+0 days') IS substr(occurred_on || '-01-01', 1, 10)),
  basis        TEXT NOT NULL CHECK (basis IN ('document', 'general_knowledge')),
  note         TEXT,
  CHECK (basis = 'document' OR note IS NOT NULL)
) STRICT;

-- person: A person named in a document, under one canonical name.
CREATE TABLE person (
  person_id   INTEGER PRIMARY KEY,
  name        TEXT NOT NULL,            -- one canonical full name
  name_folded TEXT NOT NULL,            -- lower case, accents, apostrophes and dots folded
  honorific   TEXT,                     -- e.g. 'Ambassador', as documents give it
  note        TEXT
) STRICT;

-- person_alias: Every way a document writes a person's name; lookups by name go through the folded
-- form.
CREATE TABLE person_alias (
  person_alias_id INTEGER PRIMARY KEY,
  person_id   INTEGER NOT NULL REFERENCES person (person_id),
  alias       TEXT NOT NULL,
  folded      TEXT NOT NULL,            -- as person.name_folded
  UNIQUE (person_id, alias)
) STRICT;

-- post: A post: a title within an organisation ('Director General' of DG HOME).
CREATE TABLE post (
  post_id     INTEGER PRIMARY KEY,
  title       TEXT NOT NULL,
  organisation_id      INTEGER REFERENCES organisation (organisation_id),
  UNIQUE (title, organisation_id)
) STRICT;

-- tenure: A person holding a post. start_date and end_date only where a document states them;
-- attested_from and attested_to bound the dates on which documents show the person in post.
CREATE TABLE tenure (
  tenure_id     INTEGER PRIMARY KEY,
  person_id     INTEGER NOT NULL REFERENCES person (person_id),
  post_id       INTEGER NOT NULL REFERENCES post (post_id),
  start_date    TEXT CHECK (start_date IS NULL OR start_date GLOB '[0-9][0-9][0-9][0-9]'
                OR start_date GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'
                OR start_date GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]')
                CONSTRAINT "tenure.start_date: not a calendar date (YYYY, YYYY-MM or YYYY-MM-DD)"
                CHECK (start_date IS NULL OR date(substr(start_date || '-01-01', 1, 10), '+0 days') IS substr(start_date || '-01-01', 1, 10)),
  end_date      TEXT CHECK (end_date IS NULL OR end_date GLOB '[0-9][0-9][0-9][0-9]'
                OR end_date GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'
                OR end_date GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]')
                CONSTRAINT "tenure.end_date: not a calendar date (YYYY, YYYY-MM or YYYY-MM-DD)"
                CHECK (end_date IS NULL OR date(substr(end_date || '-01-01', 1, 10), '+0 days') IS substr(end_date || '-01-01', 1, 10)),
  attested_from TEXT CHECK (attested_from IS NULL OR attested_from GLOB '[0-9][0-9][0-9][0-9]'
                OR attested_from GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'
                OR attested_from GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]')
                CONSTRAINT "tenure.attested_from: not a calendar date (YYYY, YYYY-MM or YYYY-MM-DD)"
                CHECK (attested_from IS NULL OR date(substr(attested_from || '-01-01', 1, 10), '+0 days') IS substr(attested_from || '-01-01', 1, 10)),
  attested_to   TEXT CHECK (attested_to IS NULL OR attested_to GLOB '[0-9][0-9][0-9][0-9]'
                OR attested_to GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'
                OR attested_to GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]')
                CONSTRAINT "tenure.attested_to: not a calendar date (YYYY, YYYY-MM or YYYY-MM-DD)"
                CHECK (attested_to IS NULL OR date(substr(attested_to || '-01-01', 1, 10), '+0 days') IS substr(attested_to || '-01-01', 1, 10)),
  acting        INTEGER NOT NULL DEFAULT 0 CHECK (acting IN (0, 1)),
  UNIQUE (person_id, post_id)
) STRICT;

-- meeting_series: A series of meetings: SOM (Senior Officials Meetings) and HOU (Heads of Unit
-- meetings).
CREATE TABLE meeting_series (
  series      TEXT PRIMARY KEY CHECK (series IN ('SOM', 'HOU')),
  name        TEXT NOT NULL
) STRICT, WITHOUT ROWID;
INSERT INTO meeting_series (series, name) VALUES
  ('HOU', 'EU-IOM Heads of Unit/Division meeting'),
  ('SOM', 'EU-IOM Senior Officials Meeting');

-- meeting: A meeting: its series and ordinal (NULL for one-off events), the date the knowledge base
-- keeps and the place where a document gives one.
CREATE TABLE meeting (
  meeting_id  INTEGER PRIMARY KEY,
  series      TEXT REFERENCES meeting_series (series),
  sequence_no INTEGER CHECK (sequence_no IS NULL OR sequence_no > 0), -- ordinal within series
  title       TEXT NOT NULL,
  held_on     TEXT CHECK (held_on IS NULL OR held_on GLOB '[0-9][0-9][0-9][0-9]'
                OR held_on GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'
                OR held_on GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]')
                CONSTRAINT "meeting.held_on: not a calendar date (YYYY, YYYY-MM or YYYY-MM-DD)"
                CHECK (held_on IS NULL OR date(substr(held_on || '-01-01', 1, 10), '+0 days') IS substr(held_on || '-01-01', 1, 10)),
  location    TEXT,                     -- NULL where no document says where
  note        TEXT,
  UNIQUE (series, sequence_no)
) STRICT;

-- meeting_organisation: An organisation at a meeting and in what capacity (host, participant,
-- joined, joining announced); attested_as says whether a document announced it ahead of the meeting
-- or reported it afterwards.
CREATE TABLE meeting_organisation (
  meeting_organisation_id INTEGER PRIMARY KEY,
  meeting_id  INTEGER NOT NULL REFERENCES meeting (meeting_id),
  organisation_id      INTEGER NOT NULL REFERENCES organisation (organisation_id),
  role        TEXT NOT NULL CHECK (role IN ('host', 'participant', 'joined', 'joining announced')),
  attested_as TEXT NOT NULL DEFAULT 'reported' -- 'announced' beforehand, 'reported' afterwards
                CHECK (attested_as IN ('announced', 'reported')),
  UNIQUE (meeting_id, organisation_id, role)
) STRICT;

-- attendance: Who attended a meeting, for which organisation, in what role and post; attested_as
-- says whether a document announced or reported the attendance.
CREATE TABLE attendance (
  attendance_id INTEGER PRIMARY KEY,
  meeting_id  INTEGER NOT NULL REFERENCES meeting (meeting_id),
  person_id   INTEGER NOT NULL REFERENCES person (person_id),
  organisation_id      INTEGER REFERENCES organisation (organisation_id), -- the organisation represented
  post_id     INTEGER REFERENCES post (post_id),        -- the post named for the occasion
  role        TEXT NOT NULL CHECK (role IN ('co-chair', 'host', 'opening speaker',
                'representative', 'participant', 'panel speaker')),
  attested_as TEXT NOT NULL CHECK (attested_as IN ('announced', 'reported')),
  UNIQUE (meeting_id, person_id, role)
) STRICT;

-- theme: A theme that groups topics worded differently at different meetings (an editorial
-- grouping, not a document fact: themes carry no citation).
CREATE TABLE theme (
  theme_id    INTEGER PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE,
  description TEXT
) STRICT;

-- topic: A topic of a meeting, in the document's wording, with its theme; attested_as says whether
-- a document announced it (an agenda written before the meeting) or reported it as discussed.
CREATE TABLE topic (
  topic_id    INTEGER PRIMARY KEY,
  meeting_id  INTEGER NOT NULL REFERENCES meeting (meeting_id),
  label       TEXT NOT NULL,            -- the wording the document uses
  theme_id    INTEGER REFERENCES theme (theme_id),
  attested_as TEXT NOT NULL DEFAULT 'reported' -- 'announced' beforehand, 'reported' afterwards
                CHECK (attested_as IN ('announced', 'reported')),
  UNIQUE (meeting_id, label)
) STRICT;

-- agreement: An agreement between organisations (the 2011 Framework Agreement, the 2012 Strategic
-- Cooperation Framework, ...). concluded_on and in_force_from hold only dates a document states as
-- such.
CREATE TABLE agreement (
  agreement_id  INTEGER PRIMARY KEY,
  name          TEXT NOT NULL UNIQUE,
  kind          TEXT NOT NULL CHECK (kind IN ('framework_agreement', 'strategic_cooperation_framework',
                  'framework_partnership_agreement')),
  concluded_on  TEXT CHECK (concluded_on IS NULL OR concluded_on GLOB '[0-9][0-9][0-9][0-9]'
                OR concluded_on GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'
                OR concluded_on GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]')
                CONSTRAINT "agreement.concluded_on: not a calendar date (YYYY, YYYY-MM or YYYY-MM-DD)"
                CHECK (concluded_on IS NULL OR date(substr(concluded_on || '-01-01', 1, 10), '+0 days') IS substr(concluded_on || '-01-01', 1, 10)),
  in_force_from TEXT CHECK (in_force_from IS NULL OR in_force_from GLOB '[0-9][0-9][0-9][0-9]'
                OR in_force_from GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'
                OR in_force_from GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]')
                CONSTRAINT "agreement.in_force_from: not a calendar date (YYYY, YYYY-MM or YYYY-MM-DD)"
                CHECK (in_force_from IS NULL OR date(substr(in_force_from || '-01-01', 1, 10), '+0 days') IS substr(in_force_from || '-01-01', 1, 10)),
  purpose       TEXT
) STRICT;

-- agreement_party: A party to an agreement; one that joined later carries the date, the means and
-- the meeting where it joined.
CREATE TABLE agreement_party (
  agreement_party_id INTEGER PRIMARY KEY,
  agreement_id  INTEGER NOT NULL REFERENCES agreement (agreement_id),
  organisation_id        INTEGER NOT NULL REFERENCES organisation (organisation_id),
  since         TEXT CHECK (since IS NULL OR since GLOB '[0-9][0-9][0-9][0-9]'
                OR since GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'
                OR since GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]')
                CONSTRAINT "agreement_party.since: not a calendar date (YYYY, YYYY-MM or YYYY-MM-DD)"
                CHECK (since IS NULL OR date(substr(since || '-01-01', 1, 10), '+0 days') IS substr(since || '-01-01', 1, 10)),
  how           TEXT NOT NULL CHECK (how IN ('founding party', 'party', 'exchange of letters',
                  'announced at meeting')),  -- 'party': a party, how it became one not stated
  meeting_id    INTEGER REFERENCES meeting (meeting_id), -- where the joining happened
  UNIQUE (agreement_id, organisation_id)
) STRICT;

-- agreement_signatory: A person who signed an agreement, and on whose behalf.
CREATE TABLE agreement_signatory (
  agreement_signatory_id INTEGER PRIMARY KEY,
  agreement_id  INTEGER NOT NULL REFERENCES agreement (agreement_id),
  person_id     INTEGER NOT NULL REFERENCES person (person_id),
  organisation_id        INTEGER REFERENCES organisation (organisation_id), -- on whose behalf
  UNIQUE (agreement_id, person_id)
) STRICT;

-- funding: Money from a funder to a recipient over a period. amount is in whole currency units;
-- bound says how the document qualifies the figure (exact, more than, at least, about); measure
-- what it counts.
CREATE TABLE funding (
  funding_id    INTEGER PRIMARY KEY,
  funder_organisation_id INTEGER NOT NULL REFERENCES organisation (organisation_id),
  recipient_organisation_id INTEGER NOT NULL REFERENCES organisation (organisation_id),
  period_start  TEXT CHECK (period_start IS NULL OR period_start GLOB '[0-9][0-9][0-9][0-9]'
                OR period_start GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'
                OR period_start GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]')
                CONSTRAINT "funding.period_start: not a calendar date (YYYY, YYYY-MM or YYYY-MM-DD)"
                CHECK (period_start IS NULL OR date(substr(period_start || '-01-01', 1, 10), '+0 days') IS substr(period_start || '-01-01', 1, 10)),
  period_end    TEXT CHECK (period_end IS NULL OR period_end GLOB '[0-9][0-9][0-9][0-9]'
                OR period_end GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'
                OR period_end GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]')
                CONSTRAINT "funding.period_end: not a calendar date (YYYY, YYYY-MM or YYYY-MM-DD)"
                CHECK (period_end IS NULL OR date(substr(period_end || '-01-01', 1, 10), '+0 days') IS substr(period_end || '-01-01', 1, 10)),
  amount        INTEGER CHECK (amount IS NULL OR amount >= 0),
  currency      TEXT CHECK (currency IS NULL OR length(currency) = 3),
  bound         TEXT CHECK (bound IS NULL OR bound IN ('exact', 'more_than', 'at_least', 'about')),
  measure       TEXT NOT NULL,
  agreement_id  INTEGER REFERENCES agreement (agreement_id),
  CHECK ((amount IS NULL) = (currency IS NULL) AND (amount IS NULL) = (bound IS NULL))
) STRICT;

-- publication: A publication (recommendations, a paper, a booklet, remarks) with its publisher and
-- date.
CREATE TABLE publication (
  publication_id INTEGER PRIMARY KEY,
  title         TEXT,                   -- NULL where the document names no title
  publisher_organisation_id INTEGER REFERENCES organisation (organisation_id),
  published_on  TEXT CHECK (published_on IS NULL OR published_on GLOB '[0-9][0-9][0-9][0-9]'
                OR published_on GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'
                OR published_on GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]')
                CONSTRAINT "publication.published_on: not a calendar date (YYYY, YYYY-MM or YYYY-MM-DD)"
                CHECK (published_on IS NULL OR date(substr(published_on || '-01-01', 1, 10), '+0 days') IS substr(published_on || '-01-01', 1, 10)),
  kind          TEXT NOT NULL CHECK (kind IN ('recommendations', 'paper', 'contribution',
                  'booklet', 'remarks')),
  addressee     TEXT,                   -- e.g. a Council presidency
  series        TEXT,                   -- e.g. 'Partnerships in Action'
  edition       INTEGER CHECK (edition IS NULL OR edition > 0),
  summary       TEXT                    -- what the listing says of it, or its quoted line
) STRICT;

-- policy_framework: A policy framework (a strategy, an agenda, summit commitments) and who adopted
-- it.
CREATE TABLE policy_framework (
  policy_framework_id INTEGER PRIMARY KEY,
  name          TEXT NOT NULL UNIQUE,
  short_name    TEXT,
  owner         TEXT,                   -- who adopted it, where a document says
  adopted_on    TEXT CHECK (adopted_on IS NULL OR adopted_on GLOB '[0-9][0-9][0-9][0-9]'
                OR adopted_on GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'
                OR adopted_on GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]')
                CONSTRAINT "policy_framework.adopted_on: not a calendar date (YYYY, YYYY-MM or YYYY-MM-DD)"
                CHECK (adopted_on IS NULL OR date(substr(adopted_on || '-01-01', 1, 10), '+0 days') IS substr(adopted_on || '-01-01', 1, 10))
) STRICT;

-- framework_part: A numbered part of a policy framework: a pillar, priority domain or goal.
CREATE TABLE framework_part (
  framework_part_id INTEGER PRIMARY KEY,
  policy_framework_id INTEGER NOT NULL REFERENCES policy_framework (policy_framework_id),
  position      INTEGER NOT NULL CHECK (position > 0),
  kind          TEXT NOT NULL CHECK (kind IN ('pillar', 'priority domain', 'goal')),
  label         TEXT NOT NULL,
  UNIQUE (policy_framework_id, position)
) STRICT;

-- statement: Something a person said, when and at which meeting: kind 'quote' is verbatim,
-- 'reported' a paraphrase.
CREATE TABLE statement (
  statement_id  INTEGER PRIMARY KEY,
  person_id     INTEGER NOT NULL REFERENCES person (person_id),
  meeting_id    INTEGER REFERENCES meeting (meeting_id),
  said_on       TEXT CHECK (said_on IS NULL OR said_on GLOB '[0-9][0-9][0-9][0-9]'
                OR said_on GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'
                OR said_on GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]')
                CONSTRAINT "statement.said_on: not a calendar date (YYYY, YYYY-MM or YYYY-MM-DD)"
                CHECK (said_on IS NULL OR date(substr(said_on || '-01-01', 1, 10), '+0 days') IS substr(said_on || '-01-01', 1, 10)),
  kind          TEXT NOT NULL CHECK (kind IN ('quote', 'reported')),
  text          TEXT NOT NULL,
  UNIQUE (person_id, text)
) STRICT;

-- contact: Contact details a document gives for a person or an organisation (a press contact, say).
CREATE TABLE contact (
  contact_id    INTEGER PRIMARY KEY,
  person_id     INTEGER REFERENCES person (person_id),
  organisation_id        INTEGER REFERENCES organisation (organisation_id),
  role          TEXT,                   -- e.g. 'press contact'
  city          TEXT,
  phone         TEXT,
  fax           TEXT,
  email         TEXT,
  CHECK (person_id IS NOT NULL OR organisation_id IS NOT NULL)
) STRICT;

-- claim: A value on which documents disagree: one row per value, exactly one of them preferred,
-- with the reason. The citations of the claim row say which sources state each value.
CREATE TABLE claim (
  claim_id      INTEGER PRIMARY KEY,
  subject       TEXT NOT NULL,          -- what the claim is about, as a label
  subject_type  TEXT NOT NULL,          -- the kind of record, e.g. 'agreement'
  subject_id    INTEGER NOT NULL,       -- that record's id
  attribute     TEXT NOT NULL,          -- e.g. 'established'
  value         TEXT NOT NULL,
  preferred     INTEGER NOT NULL CHECK (preferred IN (0, 1)),
  reason        TEXT NOT NULL,
  UNIQUE (subject_type, subject_id, attribute, value)
) STRICT;

-- kb_search: The full-text index (FTS5, porter stemming, accents folded) over topics, people,
-- organisations, meetings, statements, publications and the paragraphs of sources. kind names the
-- record kind, ref_id its id (source_id for a passage). Triggers keep it current; its rowid encodes
-- what it indexes (see kb_search_topic).
CREATE VIRTUAL TABLE kb_search USING fts5(
  kind UNINDEXED,
  ref_id UNINDEXED,
  label,
  body,
  tokenize = 'porter unicode61 remove_diacritics 2'
);

-- record_kind: The kinds of record the knowledge base holds, each a table of that name, and whether
-- each row needs a citation.
CREATE TABLE record_kind (
  kind        TEXT PRIMARY KEY,         -- the kind, also the name of its table
  id_column   TEXT NOT NULL,            -- that table's id column
  cited       INTEGER NOT NULL CHECK (cited IN (0, 1)) -- 1: each row needs a citation
) STRICT, WITHOUT ROWID;
INSERT INTO record_kind (kind, id_column, cited) VALUES
  ('agreement', 'agreement_id', 1),
  ('agreement_date', 'agreement_date_id', 1),
  ('agreement_name', 'agreement_name_id', 1),
  ('agreement_party', 'agreement_party_id', 1),
  ('agreement_relation', 'agreement_relation_id', 1),
  ('agreement_signatory', 'agreement_signatory_id', 1),
  ('attendance', 'attendance_id', 1),
  ('claim', 'claim_id', 1),
  ('contact', 'contact_id', 1),
  ('framework_part', 'framework_part_id', 1),
  ('funding', 'funding_id', 1),
  ('meeting', 'meeting_id', 1),
  ('meeting_date', 'meeting_date_id', 1),
  ('meeting_organisation', 'meeting_organisation_id', 1),
  ('organisation', 'organisation_id', 1),
  ('organisation_event', 'organisation_event_id', 1),
  ('organisation_name', 'organisation_name_id', 1),
  ('organisation_parent', 'organisation_parent_id', 1),
  ('person', 'person_id', 1),
  ('person_alias', 'person_alias_id', 1),
  ('policy_framework', 'policy_framework_id', 1),
  ('post', 'post_id', 1),
  ('publication', 'publication_id', 1),
  ('series_fact', 'series_fact_id', 1),
  ('source', 'source_id', 0),
  ('statement', 'statement_id', 1),
  ('tenure', 'tenure_id', 1),
  ('theme', 'theme_id', 0),
  ('topic', 'topic_id', 1);

-- citation: Where a record is stated: a quotation of a source, at [start_offset, end_offset) in
-- code points of source.text. subject_type names the kind of record (a table) and subject_id its
-- row; note says why a passage that does not name the subject still supports the row.
CREATE TABLE citation (
  citation_id   INTEGER PRIMARY KEY,
  subject_type  TEXT NOT NULL REFERENCES record_kind (kind), -- the kind of the cited row
  subject_id    INTEGER NOT NULL,       -- that row's id
  source_id     INTEGER NOT NULL REFERENCES source (source_id),
  quote         TEXT NOT NULL,
  start_offset  INTEGER NOT NULL CHECK (start_offset >= 0),
  end_offset    INTEGER NOT NULL CHECK (end_offset > start_offset),
  note          TEXT,
  UNIQUE (subject_type, subject_id, source_id, start_offset, end_offset)
) STRICT;

-- kb_search_hold: Holds one row only inside a library import's transaction: while it does, triggers
-- queue rowids in kb_search_queue instead of indexing row by row.
CREATE TABLE kb_search_hold (
  held        INTEGER PRIMARY KEY CHECK (held = 1) -- present only during a library import
) STRICT;

-- kb_search_queue: kb_search rowids to refresh before the running import commits.
CREATE TABLE kb_search_queue (
  search_rowid INTEGER PRIMARY KEY      -- a kb_search rowid to refresh (or, kind 7, a source)
) STRICT;

-- import_log: A fact file imported with `euiomkb import` (the seed is the base, not an import): its
-- name, place and hash; replaced_by names the import of a changed version that replaced it.
CREATE TABLE import_log (
  import_id   INTEGER PRIMARY KEY,
  file_name   TEXT NOT NULL,            -- the file's name, without its directory
  sha256      TEXT NOT NULL CHECK (length(sha256) = 64), -- of the file's bytes, lower-case hex
  imported_at TEXT NOT NULL,            -- UTC, 'YYYY-MM-DDTHH:MM:SSZ'
  records     INTEGER NOT NULL CHECK (records >= 0), -- records the file added
  replaced_by INTEGER REFERENCES import_log (import_id), -- the import that replaced this one
  path        TEXT                      -- the file's absolute canonical path; NULL: not recorded
                CHECK (path IS NULL OR path GLOB '/*')
) STRICT;

-- import_log_kind: How many records of each kind an import added.
CREATE TABLE import_log_kind (
  import_id   INTEGER NOT NULL REFERENCES import_log (import_id),
  kind        TEXT NOT NULL REFERENCES record_kind (kind),
  records     INTEGER NOT NULL CHECK (records > 0),
  PRIMARY KEY (import_id, kind)
) STRICT, WITHOUT ROWID;

-- organisation_name: A name an organisation went by, with the dates a document ties to it
-- (attested_on: a document uses it; valid_from and valid_to: only where stated).
CREATE TABLE organisation_name (
  organisation_name_id INTEGER PRIMARY KEY,
  organisation_id      INTEGER NOT NULL REFERENCES organisation (organisation_id),
  name        TEXT NOT NULL,
  language    TEXT NOT NULL DEFAULT 'en',
  attested_on TEXT CHECK (attested_on IS NULL OR attested_on GLOB '[0-9][0-9][0-9][0-9]'
                OR attested_on GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'
                OR attested_on GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]')
                CONSTRAINT "organisation_name.attested_on: not a calendar date (YYYY, YYYY-MM or YYYY-MM-DD)"
                CHECK (attested_on IS NULL OR date(substr(attested_on || '-01-01', 1, 10), '+0 days') IS substr(attested_on || '-01-01', 1, 10)),
  valid_from  TEXT CHECK (valid_from IS NULL OR valid_from GLOB '[0-9][0-9][0-9][0-9]'
                OR valid_from GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'
                OR valid_from GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]')
                CONSTRAINT "organisation_name.valid_from: not a calendar date (YYYY, YYYY-MM or YYYY-MM-DD)"
                CHECK (valid_from IS NULL OR date(substr(valid_from || '-01-01', 1, 10), '+0 days') IS substr(valid_from || '-01-01', 1, 10)),
  valid_to    TEXT CHECK (valid_to IS NULL OR valid_to GLOB '[0-9][0-9][0-9][0-9]'
                OR valid_to GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'
                OR valid_to GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]')
                CONSTRAINT "organisation_name.valid_to: not a calendar date (YYYY, YYYY-MM or YYYY-MM-DD)"
                CHECK (valid_to IS NULL OR date(substr(valid_to || '-01-01', 1, 10), '+0 days') IS substr(valid_to || '-01-01', 1, 10)),
  basis       TEXT NOT NULL DEFAULT 'document'
                CHECK (basis IN ('document', 'inferred', 'general_knowledge')),
  note        TEXT,
  UNIQUE (organisation_id, name)
) STRICT;

-- organisation_parent: Which organisation another belongs to, over time; NULL bounds are not
-- stated.
CREATE TABLE organisation_parent (
  organisation_parent_id INTEGER PRIMARY KEY,
  organisation_id        INTEGER NOT NULL REFERENCES organisation (organisation_id),
  parent_organisation_id INTEGER NOT NULL REFERENCES organisation (organisation_id),
  valid_from    TEXT CHECK (valid_from IS NULL OR valid_from GLOB '[0-9][0-9][0-9][0-9]'
                OR valid_from GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'
                OR valid_from GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]')
                CONSTRAINT "organisation_parent.valid_from: not a calendar date (YYYY, YYYY-MM or YYYY-MM-DD)"
                CHECK (valid_from IS NULL OR date(substr(valid_from || '-01-01', 1, 10), '+0 days') IS substr(valid_from || '-01-01', 1, 10)),
  valid_to      TEXT CHECK (valid_to IS NULL OR valid_to GLOB '[0-9][0-9][0-9][0-9]'
                OR valid_to GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'
                OR valid_to GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]')
                CONSTRAINT "organisation_parent.valid_to: not a calendar date (YYYY, YYYY-MM or YYYY-MM-DD)"
                CHECK (valid_to IS NULL OR date(substr(valid_to || '-01-01', 1, 10), '+0 days') IS substr(valid_to || '-01-01', 1, 10)),
  basis         TEXT NOT NULL DEFAULT 'document'
                  CHECK (basis IN ('document', 'inferred', 'general_knowledge')),
  note          TEXT,
  CHECK (organisation_id <> parent_organisation_id)
) STRICT;

-- agreement_name: Another name of an agreement, as documents write it.
CREATE TABLE agreement_name (
  agreement_name_id INTEGER PRIMARY KEY,
  agreement_id  INTEGER NOT NULL REFERENCES agreement (agreement_id),
  name          TEXT NOT NULL,
  UNIQUE (agreement_id, name)
) STRICT;

-- agreement_date: A date a document gives an agreement with the kind of event it says happened then
-- (signed, established, agreed, concluded, in force, in use), never a stronger kind than the
-- document states.
CREATE TABLE agreement_date (
  agreement_date_id INTEGER PRIMARY KEY,
  agreement_id  INTEGER NOT NULL REFERENCES agreement (agreement_id),
  event         TEXT NOT NULL CHECK (event IN ('signed', 'established', 'agreed', 'concluded',
                  'in force', 'in use')),
  on_date       TEXT CHECK (on_date IS NULL OR on_date GLOB '[0-9][0-9][0-9][0-9]'
                OR on_date GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'
                OR on_date GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]')
                CONSTRAINT "agreement_date.on_date: not a calendar date (YYYY, YYYY-MM or YYYY-MM-DD)"
                CHECK (on_date IS NULL OR date(substr(on_date || '-01-01', 1, 10), '+0 days') IS substr(on_date || '-01-01', 1, 10)),
  basis         TEXT NOT NULL DEFAULT 'document'
                  CHECK (basis IN ('document', 'inferred', 'general_knowledge')),
  note          TEXT,
  CHECK (basis = 'document' OR note IS NOT NULL),
  UNIQUE (agreement_id, event, on_date)
) STRICT;

-- agreement_relation: How one agreement stands to another: agreement <relation> other ('follows
-- on').
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

-- meeting_date: A date a document gives a meeting, and whether the document announced it ahead or
-- reported it afterwards.
CREATE TABLE meeting_date (
  meeting_date_id INTEGER PRIMARY KEY,
  meeting_id    INTEGER NOT NULL REFERENCES meeting (meeting_id),
  held_on       TEXT CHECK (held_on IS NULL OR held_on GLOB '[0-9][0-9][0-9][0-9]'
                OR held_on GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'
                OR held_on GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]')
                CONSTRAINT "meeting_date.held_on: not a calendar date (YYYY, YYYY-MM or YYYY-MM-DD)"
                CHECK (held_on IS NULL OR date(substr(held_on || '-01-01', 1, 10), '+0 days') IS substr(held_on || '-01-01', 1, 10)),
  attested_as   TEXT NOT NULL CHECK (attested_as IN ('announced', 'reported')),
  basis         TEXT NOT NULL DEFAULT 'document'
                  CHECK (basis IN ('document', 'inferred', 'general_knowledge')),
  note          TEXT,
  CHECK (basis = 'document' OR note IS NOT NULL),
  UNIQUE (meeting_id, held_on, attested_as)
) STRICT;

-- series_fact: A fact about a series rather than one meeting: how often it meets, how many meetings
-- a document counts as of a date, its purpose, level, duration, framework or participants.
CREATE TABLE series_fact (
  series_fact_id INTEGER PRIMARY KEY,
  series        TEXT NOT NULL REFERENCES meeting_series (series),
  attribute     TEXT NOT NULL CHECK (attribute IN ('frequency', 'count', 'purpose', 'level',
                  'duration', 'framework', 'participants')),
  value         TEXT NOT NULL,
  as_of         TEXT CHECK (as_of IS NULL OR as_of GLOB '[0-9][0-9][0-9][0-9]'
                OR as_of GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'
                OR as_of GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]')
                CONSTRAINT "series_fact.as_of: not a calendar date (YYYY, YYYY-MM or YYYY-MM-DD)"
                CHECK (as_of IS NULL OR date(substr(as_of || '-01-01', 1, 10), '+0 days') IS substr(as_of || '-01-01', 1, 10)),
  basis         TEXT NOT NULL DEFAULT 'document'
                  CHECK (basis IN ('document', 'inferred', 'general_knowledge')),
  note          TEXT,
  CHECK (basis = 'document' OR note IS NOT NULL),
  UNIQUE (series, attribute, value, as_of)
) STRICT;

-- meeting_series_name: Names by which documents refer to a series; verify's support check uses them
-- (editorial, uncited).
CREATE TABLE meeting_series_name (
  series      TEXT NOT NULL REFERENCES meeting_series (series),
  name        TEXT NOT NULL,
  PRIMARY KEY (series, name)
) STRICT, WITHOUT ROWID;
INSERT INTO meeting_series_name (series, name) VALUES
  ('HOU', 'Heads of Unit'),
  ('SOM', 'SOM'),
  ('SOM', 'Senior Officials Meeting'),
  ('SOM', 'senior officials');

-- import_record: A record an import created, and the line of the fact file where it starts: what
-- replacing that file removes.
CREATE TABLE import_record (
  record_kind TEXT NOT NULL,            -- a kind of record_kind
  record_id   INTEGER NOT NULL,         -- the row's id in the table named record_kind
  import_id   INTEGER NOT NULL,         -- the import_log row of the import that created it
  line        INTEGER NOT NULL CHECK (line > 0), -- where the record starts in its fact file
  PRIMARY KEY (record_kind, record_id)
) STRICT, WITHOUT ROWID;

-- schema_note: This table: what each table and view holds.
CREATE TABLE schema_note (
  name        TEXT PRIMARY KEY,         -- a table or view of sqlite_schema
  area        TEXT NOT NULL CHECK (area IN ('sources and citations', 'organisations', 'people',
                'meetings', 'agreements', 'funding and publications', 'policy frameworks',
                'search', 'imports', 'the database itself')),
  note        TEXT NOT NULL             -- what one row is, and what a reader must know
) STRICT, WITHOUT ROWID;
INSERT INTO schema_note (name, area, note) VALUES
  ('agreement', 'agreements', 'An agreement between organisations (the 2011 Framework Agreement, the 2012 Strategic Cooperation Framework, ...). concluded_on and in_force_from hold only dates a document states as such.'),
  ('agreement_date', 'agreements', 'A date a document gives an agreement with the kind of event it says happened then (signed, established, agreed, concluded, in force, in use), never a stronger kind than the document states.'),
  ('agreement_name', 'agreements', 'Another name of an agreement, as documents write it.'),
  ('agreement_party', 'agreements', 'A party to an agreement; one that joined later carries the date, the means and the meeting where it joined.'),
  ('agreement_relation', 'agreements', 'How one agreement stands to another: agreement <relation> other (''follows on'').'),
  ('agreement_signatory', 'agreements', 'A person who signed an agreement, and on whose behalf.'),
  ('attendance', 'meetings', 'Who attended a meeting, for which organisation, in what role and post; attested_as says whether a document announced or reported the attendance.'),
  ('citation', 'sources and citations', 'Where a record is stated: a quotation of a source, at [start_offset, end_offset) in code points of source.text. subject_type names the kind of record (a table) and subject_id its row; note says why a passage that does not name the subject still supports the row.'),
  ('claim', 'sources and citations', 'A value on which documents disagree: one row per value, exactly one of them preferred, with the reason. The citations of the claim row say which sources state each value.'),
  ('column_glossary', 'the database itself', 'What a column of a given name holds, for columns without a comment of their own (all view columns and some table columns); the exports describe every field from the column''s comment, else the same column of the table a view lists, else this glossary.'),
  ('contact', 'people', 'Contact details a document gives for a person or an organisation (a press contact, say).'),
  ('framework_part', 'policy frameworks', 'A numbered part of a policy framework: a pillar, priority domain or goal.'),
  ('funding', 'funding and publications', 'Money from a funder to a recipient over a period. amount is in whole currency units; bound says how the document qualifies the figure (exact, more than, at least, about); measure what it counts.'),
  ('import_log', 'imports', 'A fact file imported with `euiomkb import` (the seed is the base, not an import): its name, place and hash; replaced_by names the import of a changed version that replaced it.'),
  ('import_log_kind', 'imports', 'How many records of each kind an import added.'),
  ('import_record', 'imports', 'A record an import created, and the line of the fact file where it starts: what replacing that file removes.'),
  ('kb_search', 'search', 'The full-text index (FTS5, porter stemming, accents folded) over topics, people, organisations, meetings, statements, publications and the paragraphs of sources. kind names the record kind, ref_id its id (source_id for a passage). Triggers keep it current; its rowid encodes what it indexes (see kb_search_topic).'),
  ('kb_search_hold', 'search', 'Holds one row only inside a library import''s transaction: while it does, triggers queue rowids in kb_search_queue instead of indexing row by row.'),
  ('kb_search_meeting', 'search', 'What kb_search holds for a meeting: title, date, place and note.'),
  ('kb_search_organisation', 'search', 'What kb_search holds for an organisation: short name, name and every other name.'),
  ('kb_search_person', 'search', 'What kb_search holds for a person: the name and every alias.'),
  ('kb_search_publication', 'search', 'What kb_search holds for a publication.'),
  ('kb_search_queue', 'search', 'kb_search rowids to refresh before the running import commits.'),
  ('kb_search_statement', 'search', 'What kb_search holds for a statement.'),
  ('kb_search_topic', 'search', 'What kb_search holds for a topic. search_rowid = ref_id * 8 + k, k = 1 topic, 2 person, 3 organisation, 4 meeting, 5 statement, 6 publication, 7 a paragraph of a source.'),
  ('meeting', 'meetings', 'A meeting: its series and ordinal (NULL for one-off events), the date the knowledge base keeps and the place where a document gives one.'),
  ('meeting_date', 'meetings', 'A date a document gives a meeting, and whether the document announced it ahead or reported it afterwards.'),
  ('meeting_organisation', 'meetings', 'An organisation at a meeting and in what capacity (host, participant, joined, joining announced); attested_as says whether a document announced it ahead of the meeting or reported it afterwards.'),
  ('meeting_series', 'meetings', 'A series of meetings: SOM (Senior Officials Meetings) and HOU (Heads of Unit meetings).'),
  ('meeting_series_name', 'meetings', 'Names by which documents refer to a series; verify''s support check uses them (editorial, uncited).'),
  ('organisation', 'organisations', 'An organisation or one of its units: the EU and its institutions, Directorates-General and services, the EEAS, IOM and its offices, funds, Council presidencies.'),
  ('organisation_event', 'organisations', 'Lineage: an organisation created, renamed, split, merged or dissolved, from one organisation to another.'),
  ('organisation_name', 'organisations', 'A name an organisation went by, with the dates a document ties to it (attested_on: a document uses it; valid_from and valid_to: only where stated).'),
  ('organisation_parent', 'organisations', 'Which organisation another belongs to, over time; NULL bounds are not stated.'),
  ('person', 'people', 'A person named in a document, under one canonical name.'),
  ('person_alias', 'people', 'Every way a document writes a person''s name; lookups by name go through the folded form.'),
  ('policy_framework', 'policy frameworks', 'A policy framework (a strategy, an agenda, summit commitments) and who adopted it.'),
  ('post', 'people', 'A post: a title within an organisation (''Director General'' of DG HOME).'),
  ('publication', 'funding and publications', 'A publication (recommendations, a paper, a booklet, remarks) with its publisher and date.'),
  ('record_key', 'the database itself', 'Stable, human-chosen keys of records: the names fact files use to refer to each other.'),
  ('record_kind', 'the database itself', 'The kinds of record the knowledge base holds, each a table of that name, and whether each row needs a citation.'),
  ('schema_note', 'the database itself', 'This table: what each table and view holds.'),
  ('series_fact', 'meetings', 'A fact about a series rather than one meeting: how often it meets, how many meetings a document counts as of a date, its purpose, level, duration, framework or participants.'),
  ('source', 'sources and citations', 'A source document, its full text unchanged. Every fact of the knowledge base is cited from one of these.'),
  ('statement', 'people', 'Something a person said, when and at which meeting: kind ''quote'' is verbatim, ''reported'' a paraphrase.'),
  ('tenure', 'people', 'A person holding a post. start_date and end_date only where a document states them; attested_from and attested_to bound the dates on which documents show the person in post.'),
  ('theme', 'meetings', 'A theme that groups topics worded differently at different meetings (an editorial grouping, not a document fact: themes carry no citation).'),
  ('topic', 'meetings', 'A topic of a meeting, in the document''s wording, with its theme; attested_as says whether a document announced it (an agenda written before the meeting) or reported it as discussed.'),
  ('v_agreement', 'agreements', 'Agreements with their keys and dates: concluded_on and in_force_from as a document states them (on the agreement or as an agreement_date of that kind), the earliest dated event (first_dated_on, first_dated_event) and every dated event in order (dated_events, "signed 2012-06; established 2012-07"). v_agreement_date has each date with its basis and citations.'),
  ('v_agreement_date', 'agreements', 'Dated events of agreements, with the kind of event and basis.'),
  ('v_agreement_name', 'agreements', 'Other names of agreements.'),
  ('v_agreement_party', 'agreements', 'Parties of every agreement, by short name, with when and how they joined.'),
  ('v_agreement_relation', 'agreements', 'Relations between agreements, by name.'),
  ('v_agreement_signatory', 'agreements', 'Signatories of every agreement with the organisation they signed for.'),
  ('v_attendance', 'meetings', 'Attendance with meeting, person, post and organisation by name, and whether the post was held in an acting capacity.'),
  ('v_citation', 'sources and citations', 'Citations with the source''s file name and key, and the key of the record they support (subject_key, where it has one): (subject_type, subject_id) is the row of v_record_kind.exported_as whose id column equals subject_id.'),
  ('v_claim', 'sources and citations', 'Every claim value, cited or not: the record it is about (kind, id and key), the attribute, the value, whether it is preferred and why.'),
  ('v_claim_conflict', 'sources and citations', 'One row per claim value and source stating it, with which value is preferred and why.'),
  ('v_contact', 'people', 'Contact details with person and organisation by name.'),
  ('v_framework_party', 'agreements', 'Parties of the EU-IOM Strategic Cooperation Framework, with when and how they joined.'),
  ('v_funding', 'funding and publications', 'Funding with funder and recipient by short name; period in ISO-8601 interval notation (''start/end'', ''start/..'' when open-ended).'),
  ('v_meeting', 'meetings', 'Meetings with their host and key.'),
  ('v_meeting_date', 'meetings', 'The dates documents give each meeting, announced or reported.'),
  ('v_meeting_organisation', 'meetings', 'Organisations at each meeting, by short name, announced or reported.'),
  ('v_meeting_series', 'meetings', 'The meeting series: SOM and HOU, with their full names.'),
  ('v_meeting_series_name', 'meetings', 'Names by which documents refer to each meeting series.'),
  ('v_meeting_topic', 'meetings', 'Topics of each meeting with their theme, announced or reported.'),
  ('v_organisation', 'organisations', 'Organisations with their latest known parent and key.'),
  ('v_organisation_event', 'organisations', 'Lineage events with both organisations'' short names.'),
  ('v_organisation_name', 'organisations', 'Names over time with the organisation''s short name.'),
  ('v_organisation_parent', 'organisations', 'Parent links with both organisations'' short names.'),
  ('v_party_succession', 'agreements', 'Who holds each agreement party''s part as the lineage moves on: step 0 is the party as it joined (from_date its joining date); each later step an event after it joined: a renaming or merger (holder continues the part) or a split or dissolution (ended = 1, the part ends; holder is what it split into), with the event''s recorded date and basis. The parties on a date D (YYYY-MM-DD): for each party, its last step with from_date <= ''D~'' (a step dated less precisely than D that may fall by D counts); ended rows mean the part had ended. The tool''s framework --on and the library''s parties_on say where the dates leave it open.'),
  ('v_person', 'people', 'People with their keys.'),
  ('v_person_alias', 'people', 'Every way a document writes a person''s name, with the person''s id, key and canonical name.'),
  ('v_policy_framework', 'policy frameworks', 'Policy frameworks with their keys.'),
  ('v_policy_framework_part', 'policy frameworks', 'The parts of each policy framework, in order, each with its id (what citations of a framework part name).'),
  ('v_post', 'people', 'Posts with their organisation''s short name and key.'),
  ('v_post_holder', 'people', 'Who held which post, with the stated and attested dates.'),
  ('v_publication', 'funding and publications', 'Publications with the publisher''s short name and key.'),
  ('v_record_key', 'the database itself', 'Every key with its kind, the row it names and a readable label (what `euiomkb keys` lists).'),
  ('v_record_kind', 'the database itself', 'The kinds of record, whether each row needs a citation, and the view (export resource) listing every row of the kind by its id column.'),
  ('v_series_fact', 'meetings', 'Facts about meeting series, with their basis.'),
  ('v_source', 'sources and citations', 'Sources with their keys.'),
  ('v_statement', 'people', 'Statements with the speaker''s name.'),
  ('v_theme', 'meetings', 'Themes with their keys.');

-- column_glossary: What a column of a given name holds, for columns without a comment of their own
-- (all view columns and some table columns); the exports describe every field from the column's
-- comment, else the same column of the table a view lists, else this glossary.
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
  ('cited', '1 when each row of the kind needs a citation, else 0.'),
  ('city', 'The city of the contact address.'),
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
  ('person_key', 'The person''s stable key (record_key).'),
  ('phone', 'The telephone number given.'),
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

-- Indexes: every reference column leads one (tests/kb/schema_test.cpp), and the lookups by
-- name and date have theirs.
CREATE UNIQUE INDEX organisation_event_once
  ON organisation_event (event, coalesce(from_organisation_id, 0), coalesce(to_organisation_id, 0));
CREATE INDEX person_alias_folded ON person_alias (folded);
CREATE UNIQUE INDEX post_once ON post (title, coalesce(organisation_id, 0));
CREATE UNIQUE INDEX funding_once
  ON funding (funder_organisation_id, recipient_organisation_id, coalesce(period_start, ''), measure);
CREATE UNIQUE INDEX contact_once ON contact (coalesce(person_id, 0), coalesce(organisation_id, 0),
  coalesce(role, ''), coalesce(phone, ''), coalesce(email, ''));
CREATE INDEX person_name_folded ON person (name_folded);
CREATE INDEX attendance_person ON attendance (person_id);
CREATE INDEX organisation_short_name_nocase ON organisation (short_name COLLATE NOCASE);
CREATE INDEX post_organisation_title_nocase ON post (organisation_id, title COLLATE NOCASE);
-- A post's tenures by the end documents show (stated, else the last attestation; '~', after every
-- date, when neither is known): People::holders_on reads only those not ended before the date.
CREATE INDEX tenure_post_end ON tenure (post_id, coalesce(end_date, attested_to, '~'));
CREATE INDEX topic_theme ON topic (theme_id);
CREATE INDEX organisation_event_from ON organisation_event (from_organisation_id);
CREATE INDEX organisation_event_to ON organisation_event (to_organisation_id);
CREATE INDEX agreement_name_nocase ON agreement (name COLLATE NOCASE);
CREATE INDEX funding_period_start ON funding (period_start);
CREATE INDEX citation_subject ON citation (subject_type, subject_id);
CREATE INDEX citation_source ON citation (source_id);
CREATE INDEX meeting_timeline ON meeting (coalesce(held_on, '~'), meeting_id);
CREATE INDEX record_key_row ON record_key (kind, row_id);
CREATE INDEX import_log_sha256 ON import_log (sha256);
CREATE INDEX import_log_file_name ON import_log (file_name);
CREATE UNIQUE INDEX organisation_parent_once
  ON organisation_parent (organisation_id, parent_organisation_id, coalesce(valid_from, ''));
CREATE INDEX agreement_name_agreement ON agreement_name (agreement_id);
CREATE INDEX agreement_date_agreement ON agreement_date (agreement_id);
CREATE INDEX agreement_relation_agreement ON agreement_relation (agreement_id);
CREATE INDEX meeting_date_meeting ON meeting_date (meeting_id);
CREATE INDEX series_fact_series ON series_fact (series);
CREATE INDEX import_record_import ON import_record (import_id, record_kind);
CREATE INDEX agreement_party_meeting ON agreement_party (meeting_id);
CREATE INDEX agreement_party_organisation ON agreement_party (organisation_id);
CREATE INDEX agreement_relation_other ON agreement_relation (other_agreement_id);
CREATE INDEX agreement_signatory_organisation ON agreement_signatory (organisation_id);
CREATE INDEX agreement_signatory_person ON agreement_signatory (person_id);
CREATE INDEX attendance_organisation ON attendance (organisation_id);
CREATE INDEX attendance_post ON attendance (post_id);
CREATE INDEX contact_organisation ON contact (organisation_id);
CREATE INDEX contact_person ON contact (person_id);
CREATE INDEX funding_agreement ON funding (agreement_id);
CREATE INDEX funding_recipient ON funding (recipient_organisation_id);
CREATE INDEX import_log_replaced_by ON import_log (replaced_by);
CREATE INDEX meeting_organisation_organisation ON meeting_organisation (organisation_id);
CREATE INDEX organisation_parent_parent ON organisation_parent (parent_organisation_id);
CREATE INDEX publication_publisher ON publication (publisher_organisation_id);
CREATE INDEX statement_meeting ON statement (meeting_id);

-- Views: each carries ids beside labels; docs/schema.md and `euiomkb schema` list their columns.

-- v_post_holder: Who held which post, with the stated and attested dates.
CREATE VIEW v_post_holder AS
SELECT t.tenure_id, t.person_id, pe.name AS person, t.post_id, po.title AS post,
       o.short_name AS organisation, t.start_date, t.end_date, t.acting,
       t.attested_from, t.attested_to
  FROM tenure t
  JOIN person pe ON pe.person_id = t.person_id
  JOIN post po ON po.post_id = t.post_id
  LEFT JOIN organisation o ON o.organisation_id = po.organisation_id;

-- v_claim_conflict: One row per claim value and source stating it, with which value is preferred
-- and why.
CREATE VIEW v_claim_conflict AS
SELECT cl.claim_id, cl.subject, cl.subject_type, cl.subject_id, cl.attribute, cl.value,
       cl.preferred, ci.source_id, s.file_name, cl.reason
  FROM claim cl
  JOIN (SELECT DISTINCT subject_id, source_id FROM citation WHERE subject_type = 'claim') ci
    ON ci.subject_id = cl.claim_id
  JOIN source s ON s.source_id = ci.source_id;

-- kb_search_topic: What kb_search holds for a topic. search_rowid = ref_id * 8 + k, k = 1 topic, 2
-- person, 3 organisation, 4 meeting, 5 statement, 6 publication, 7 a paragraph of a source.
CREATE VIEW kb_search_topic AS
SELECT t.topic_id * 8 + 1 AS search_rowid, 'topic' AS kind, t.topic_id AS ref_id,
       t.label AS label, coalesce(th.name, '') || ' ' || m.title AS body
  FROM topic t JOIN meeting m ON m.meeting_id = t.meeting_id
  LEFT JOIN theme th ON th.theme_id = t.theme_id;

-- kb_search_person: What kb_search holds for a person: the name and every alias.
CREATE VIEW kb_search_person AS
SELECT p.person_id * 8 + 2 AS search_rowid, 'person' AS kind, p.person_id AS ref_id,
       p.name AS label,
       p.name_folded || '; ' || coalesce((SELECT group_concat(alias || '; ' || folded, '; ')
                                           FROM person_alias a WHERE a.person_id = p.person_id),
                                          '') AS body
  FROM person p;

-- kb_search_organisation: What kb_search holds for an organisation: short name, name and every
-- other name.
CREATE VIEW kb_search_organisation AS
SELECT o.organisation_id * 8 + 3 AS search_rowid, 'organisation' AS kind, o.organisation_id AS ref_id,
       o.short_name AS label,
       o.name || ' ' || coalesce((SELECT group_concat(name, '; ') FROM organisation_name n
                                   WHERE n.organisation_id = o.organisation_id), '') AS body
  FROM organisation o;

-- kb_search_meeting: What kb_search holds for a meeting: title, date, place and note.
CREATE VIEW kb_search_meeting AS
SELECT m.meeting_id * 8 + 4 AS search_rowid, 'meeting' AS kind, m.meeting_id AS ref_id,
       m.title AS label,
       coalesce(m.held_on, '') || ' ' || coalesce(m.location, '') || ' ' || coalesce(m.note, '')
         AS body
  FROM meeting m;

-- kb_search_statement: What kb_search holds for a statement.
CREATE VIEW kb_search_statement AS
SELECT s.statement_id * 8 + 5 AS search_rowid, 'statement' AS kind, s.statement_id AS ref_id,
       p.name AS label, s.text AS body
  FROM statement s JOIN person p ON p.person_id = s.person_id;

-- kb_search_publication: What kb_search holds for a publication.
CREATE VIEW kb_search_publication AS
SELECT pu.publication_id * 8 + 6 AS search_rowid, 'publication' AS kind,
       pu.publication_id AS ref_id, coalesce(pu.title, pu.kind) AS label,
       coalesce(pu.addressee, '') || ' ' || coalesce(pu.summary, '') AS body
  FROM publication pu;

-- v_record_key: Every key with its kind, the row it names and a readable label (what `euiomkb keys`
-- lists).
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

-- v_source: Sources with their keys.
CREATE VIEW v_source AS
SELECT source_id, file_name, title, publisher, published, url, language, sha256, text,
       (SELECT key FROM record_key WHERE kind = 'source' AND row_id = source_id) AS key
  FROM source;

-- v_organisation: Organisations with their latest known parent and key.
CREATE VIEW v_organisation AS
SELECT o.organisation_id, o.short_name, o.name, o.kind,
       (SELECT p.short_name FROM organisation_parent op
          JOIN organisation p ON p.organisation_id = op.parent_organisation_id
         WHERE op.organisation_id = o.organisation_id
         ORDER BY op.valid_to IS NULL DESC, op.valid_from DESC LIMIT 1) AS parent_short_name,
       o.note,
       (SELECT key FROM record_key WHERE kind = 'organisation' AND row_id = o.organisation_id) AS key
  FROM organisation o;

-- v_meeting: Meetings with their host and key.
CREATE VIEW v_meeting AS
SELECT m.meeting_id, m.series, m.sequence_no, m.title, m.held_on, m.location,
       (SELECT group_concat(o.short_name, ', ') FROM meeting_organisation mo
          JOIN organisation o ON o.organisation_id = mo.organisation_id
         WHERE mo.meeting_id = m.meeting_id AND mo.role = 'host') AS host,
       m.note,
       (SELECT key FROM record_key WHERE kind = 'meeting' AND row_id = m.meeting_id) AS key
  FROM meeting m;

-- v_person: People with their keys.
CREATE VIEW v_person AS
SELECT p.person_id, p.name, p.honorific, p.note,
       (SELECT key FROM record_key WHERE kind = 'person' AND row_id = p.person_id) AS key
  FROM person p;

-- v_theme: Themes with their keys.
CREATE VIEW v_theme AS
SELECT t.theme_id, t.name, t.description,
       (SELECT key FROM record_key WHERE kind = 'theme' AND row_id = t.theme_id) AS key
  FROM theme t;

-- v_policy_framework: Policy frameworks with their keys.
CREATE VIEW v_policy_framework AS
SELECT f.policy_framework_id, f.name, f.short_name, f.owner, f.adopted_on,
       (SELECT key FROM record_key WHERE kind = 'policy_framework'
           AND row_id = f.policy_framework_id) AS key
  FROM policy_framework f;

-- v_series_fact: Facts about meeting series, with their basis.
CREATE VIEW v_series_fact AS
SELECT f.series_fact_id, f.series, f.attribute, f.value, f.as_of, f.basis, f.note
  FROM series_fact f;

-- v_meeting_date: The dates documents give each meeting, announced or reported.
CREATE VIEW v_meeting_date AS
SELECT d.meeting_date_id, d.meeting_id, m.series, m.sequence_no, m.title, d.held_on,
       d.attested_as, d.basis, d.note
  FROM meeting_date d
  JOIN meeting m ON m.meeting_id = d.meeting_id;

-- v_agreement: Agreements with their keys and dates: concluded_on and in_force_from as a document
-- states them (on the agreement or as an agreement_date of that kind), the earliest dated event
-- (first_dated_on, first_dated_event) and every dated event in order (dated_events, "signed
-- 2012-06; established 2012-07"). v_agreement_date has each date with its basis and citations.
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

-- v_party_succession: Who holds each agreement party's part as the lineage moves on: step 0 is the
-- party as it joined (from_date its joining date); each later step an event after it joined: a
-- renaming or merger (holder continues the part) or a split or dissolution (ended = 1, the part
-- ends; holder is what it split into), with the event's recorded date and basis. The parties on a
-- date D (YYYY-MM-DD): for each party, its last step with from_date <= 'D~' (a step dated less
-- precisely than D that may fall by D counts); ended rows mean the part had ended. The tool's
-- framework --on and the library's parties_on say where the dates leave it open.
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

-- v_person_alias: Every way a document writes a person's name, with the person's id, key and
-- canonical name.
CREATE VIEW v_person_alias AS
SELECT a.person_alias_id, a.person_id,
       (SELECT key FROM record_key WHERE kind = 'person' AND row_id = a.person_id) AS person_key,
       p.name AS person, a.alias
  FROM person_alias a
  JOIN person p ON p.person_id = a.person_id;

-- v_claim: Every claim value, cited or not: the record it is about (kind, id and key), the
-- attribute, the value, whether it is preferred and why.
CREATE VIEW v_claim AS
SELECT cl.claim_id, cl.subject_type, cl.subject_id,
       (SELECT key FROM record_key WHERE kind = cl.subject_type AND row_id = cl.subject_id)
         AS subject_key,
       cl.subject, cl.attribute, cl.value, cl.preferred, cl.reason
  FROM claim cl;

-- v_meeting_series: The meeting series: SOM and HOU, with their full names.
CREATE VIEW v_meeting_series AS
SELECT series, name FROM meeting_series;

-- v_meeting_series_name: Names by which documents refer to each meeting series.
CREATE VIEW v_meeting_series_name AS
SELECT series, name FROM meeting_series_name;

-- v_record_kind: The kinds of record, whether each row needs a citation, and the view (export
-- resource) listing every row of the kind by its id column.
CREATE VIEW v_record_kind AS
SELECT kind, id_column, cited,
       CASE kind WHEN 'tenure' THEN 'v_post_holder' WHEN 'topic' THEN 'v_meeting_topic'
                 WHEN 'framework_part' THEN 'v_policy_framework_part'
                 ELSE 'v_' || kind END AS exported_as
  FROM record_kind;

-- v_policy_framework_part: The parts of each policy framework, in order, each with its id (what
-- citations of a framework part name).
CREATE VIEW v_policy_framework_part AS
SELECT fp.framework_part_id, pf.policy_framework_id, pf.name AS framework, fp.position, fp.kind,
       fp.label
  FROM framework_part fp
  JOIN policy_framework pf ON pf.policy_framework_id = fp.policy_framework_id;

-- v_citation: Citations with the source's file name and key, and the key of the record they support
-- (subject_key, where it has one): (subject_type, subject_id) is the row of
-- v_record_kind.exported_as whose id column equals subject_id.
CREATE VIEW v_citation AS
SELECT c.citation_id, c.subject_type, c.subject_id,
       (SELECT key FROM record_key WHERE kind = c.subject_type AND row_id = c.subject_id)
         AS subject_key,
       c.source_id,
       (SELECT key FROM record_key WHERE kind = 'source' AND row_id = c.source_id) AS source_key,
       s.file_name, c.quote, c.start_offset, c.end_offset, c.note
  FROM citation c
  JOIN source s ON s.source_id = c.source_id;

-- v_agreement_party: Parties of every agreement, by short name, with when and how they joined.
CREATE VIEW v_agreement_party AS
SELECT ap.agreement_party_id, ag.agreement_id, ag.name AS agreement,
       o.short_name AS organisation, ap.since, ap.how, ap.organisation_id
  FROM agreement_party ap
  JOIN agreement ag ON ag.agreement_id = ap.agreement_id
  JOIN organisation o ON o.organisation_id = ap.organisation_id;

-- v_agreement_signatory: Signatories of every agreement with the organisation they signed for.
CREATE VIEW v_agreement_signatory AS
SELECT s.agreement_signatory_id, s.agreement_id, ag.name AS agreement, pe.name AS person,
       o.short_name AS organisation, s.person_id, s.organisation_id
  FROM agreement_signatory s
  JOIN agreement ag ON ag.agreement_id = s.agreement_id
  JOIN person pe ON pe.person_id = s.person_id
  LEFT JOIN organisation o ON o.organisation_id = s.organisation_id;

-- v_contact: Contact details with person and organisation by name.
CREATE VIEW v_contact AS
SELECT c.contact_id, pe.name AS person, o.short_name AS organisation, c.role, c.city, c.phone,
       c.fax, c.email, c.person_id, c.organisation_id
  FROM contact c
  LEFT JOIN person pe ON pe.person_id = c.person_id
  LEFT JOIN organisation o ON o.organisation_id = c.organisation_id;

-- v_organisation_name: Names over time with the organisation's short name.
CREATE VIEW v_organisation_name AS
SELECT n.organisation_name_id, o.short_name AS organisation, n.name, n.language, n.attested_on,
       n.valid_from, n.valid_to, n.basis, n.note, n.organisation_id
  FROM organisation_name n
  JOIN organisation o ON o.organisation_id = n.organisation_id;

-- v_organisation_parent: Parent links with both organisations' short names.
CREATE VIEW v_organisation_parent AS
SELECT op.organisation_parent_id, o.short_name AS organisation, p.short_name AS parent, op.valid_from,
       op.valid_to, op.basis, op.note, op.organisation_id, op.parent_organisation_id
  FROM organisation_parent op
  JOIN organisation o ON o.organisation_id = op.organisation_id
  JOIN organisation p ON p.organisation_id = op.parent_organisation_id;

-- v_organisation_event: Lineage events with both organisations' short names.
CREATE VIEW v_organisation_event AS
SELECT e.organisation_event_id, e.event, f.short_name AS from_organisation,
       t.short_name AS to_organisation, e.occurred_on, e.basis, e.note, e.from_organisation_id, e.to_organisation_id
  FROM organisation_event e
  LEFT JOIN organisation f ON f.organisation_id = e.from_organisation_id
  LEFT JOIN organisation t ON t.organisation_id = e.to_organisation_id;

-- v_funding: Funding with funder and recipient by short name; period in ISO-8601 interval notation
-- ('start/end', 'start/..' when open-ended).
CREATE VIEW v_funding AS
SELECT f.funding_id, fu.short_name AS funder, r.short_name AS recipient,
       CASE WHEN f.period_start IS NULL THEN NULL
            WHEN f.period_end = f.period_start THEN f.period_start
            ELSE f.period_start || '/' || coalesce(f.period_end, '..') END AS period,
       f.amount, f.currency, f.bound, f.measure, f.funder_organisation_id, f.recipient_organisation_id, f.agreement_id
  FROM funding f
  JOIN organisation fu ON fu.organisation_id = f.funder_organisation_id
  JOIN organisation r ON r.organisation_id = f.recipient_organisation_id;

-- v_agreement_relation: Relations between agreements, by name.
CREATE VIEW v_agreement_relation AS
SELECT r.agreement_relation_id, a.name AS agreement, r.relation, o.name AS other_agreement,
       r.basis, r.note, r.agreement_id, r.other_agreement_id
  FROM agreement_relation r
  JOIN agreement a ON a.agreement_id = r.agreement_id
  JOIN agreement o ON o.agreement_id = r.other_agreement_id;

-- v_agreement_date: Dated events of agreements, with the kind of event and basis.
CREATE VIEW v_agreement_date AS
SELECT d.agreement_date_id, a.name AS agreement, d.event, d.on_date, d.basis, d.note, d.agreement_id
  FROM agreement_date d
  JOIN agreement a ON a.agreement_id = d.agreement_id;

-- v_agreement_name: Other names of agreements.
CREATE VIEW v_agreement_name AS
SELECT n.agreement_name_id, a.name AS agreement, n.name, n.agreement_id
  FROM agreement_name n
  JOIN agreement a ON a.agreement_id = n.agreement_id;

-- v_statement: Statements with the speaker's name.
CREATE VIEW v_statement AS
SELECT s.statement_id, pe.name AS person, s.meeting_id, s.said_on, s.kind, s.text, s.person_id
  FROM statement s
  JOIN person pe ON pe.person_id = s.person_id;

-- v_meeting_organisation: Organisations at each meeting, by short name, announced or reported.
CREATE VIEW v_meeting_organisation AS
SELECT mo.meeting_organisation_id, mo.meeting_id, m.series, m.sequence_no, m.held_on,
       o.short_name AS organisation, mo.role, mo.attested_as, mo.organisation_id
  FROM meeting_organisation mo
  JOIN meeting m ON m.meeting_id = mo.meeting_id
  JOIN organisation o ON o.organisation_id = mo.organisation_id;

-- v_meeting_topic: Topics of each meeting with their theme, announced or reported.
CREATE VIEW v_meeting_topic AS
SELECT t.topic_id, t.meeting_id, m.series, m.sequence_no, m.held_on, t.label AS topic,
       th.name AS theme, t.attested_as, t.theme_id
  FROM topic t
  JOIN meeting m ON m.meeting_id = t.meeting_id
  LEFT JOIN theme th ON th.theme_id = t.theme_id;

-- v_publication: Publications with the publisher's short name and key.
CREATE VIEW v_publication AS
SELECT p.publication_id, p.title, o.short_name AS publisher, p.published_on, p.kind,
       p.addressee, p.series, p.edition, p.summary,
       (SELECT key FROM record_key WHERE kind = 'publication' AND row_id = p.publication_id) AS key,
       p.publisher_organisation_id
  FROM publication p
  LEFT JOIN organisation o ON o.organisation_id = p.publisher_organisation_id;

-- v_post: Posts with their organisation's short name and key.
CREATE VIEW v_post AS
SELECT p.post_id, p.title, o.short_name AS organisation,
       (SELECT key FROM record_key WHERE kind = 'post' AND row_id = p.post_id) AS key, p.organisation_id
  FROM post p
  LEFT JOIN organisation o ON o.organisation_id = p.organisation_id;

-- v_framework_party: Parties of the EU-IOM Strategic Cooperation Framework, with when and how they
-- joined.
CREATE VIEW v_framework_party AS
SELECT ag.name AS framework, o.short_name AS organisation, ap.since, ap.how,
       ap.agreement_party_id, ap.meeting_id, ap.agreement_id, ap.organisation_id
  FROM agreement_party ap
  JOIN agreement ag ON ag.agreement_id = ap.agreement_id
  JOIN organisation o ON o.organisation_id = ap.organisation_id
 WHERE ag.kind = 'strategic_cooperation_framework';

-- v_attendance: Attendance with meeting, person, post and organisation by name, and whether the
-- post was held in an acting capacity.
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

-- Triggers: search upkeep (kb_search follows the rows it indexes) and the rules a CHECK cannot
-- state because they read other rows.

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
