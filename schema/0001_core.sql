-- 0001_core: the knowledge base's tables.
-- Conventions: every date column holds ISO-8601 text of the precision the source gives
-- (YYYY, YYYY-MM or YYYY-MM-DD); NULL means the documents do not say. Every fact row is
-- backed by at least one row of `citation` (subject_type = table name, subject_id = row id),
-- except rows whose basis is 'general_knowledge', which carry a note instead.

CREATE TABLE source (
  source_id   INTEGER PRIMARY KEY,
  file_name   TEXT NOT NULL UNIQUE,     -- the name the document was delivered under
  title       TEXT NOT NULL,            -- the document's own headline
  publisher   TEXT,                     -- who published it, as the document says
  published   TEXT CHECK (published IS NULL OR published GLOB '[0-9][0-9][0-9][0-9]'
                OR published GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'
                OR published GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  url         TEXT,                     -- only where the document itself gives one
  language    TEXT NOT NULL,            -- BCP 47 tag of the main text
  sha256      TEXT NOT NULL CHECK (length(sha256) = 64), -- of the UTF-8 text, lower-case hex
  text        TEXT NOT NULL             -- the full text, unchanged
) STRICT;

-- Stable, human-chosen keys of records (the names fact files use to refer to each other).
CREATE TABLE record_key (
  kind        TEXT NOT NULL,            -- a table name, e.g. 'person'
  key         TEXT NOT NULL,            -- e.g. 'william-swing'
  row_id      INTEGER NOT NULL,         -- the row's id in that table
  PRIMARY KEY (kind, key)
) STRICT, WITHOUT ROWID;

CREATE TABLE organisation (
  organisation_id      INTEGER PRIMARY KEY,
  short_name  TEXT NOT NULL UNIQUE,     -- usual short name: 'DG HOME', 'EEAS', 'IOM'
  name        TEXT NOT NULL,            -- full name as the latest document gives it
  kind        TEXT NOT NULL CHECK (kind IN ('union', 'institution', 'directorate_general',
                'service', 'international_organisation', 'office', 'unit', 'region', 'fund',
                'council_presidency', 'task_force')),
  note        TEXT
) STRICT;

-- Names an organisation went by. valid_from/valid_to are given only where known;
-- attested_on is the date of a document that uses the name.
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
  basis       TEXT NOT NULL DEFAULT 'document' CHECK (basis IN ('document', 'general_knowledge')),
  note        TEXT,
  UNIQUE (organisation_id, name)
) STRICT;

-- Which organisation another belongs to, over time (NULL bounds: not stated).
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
  basis         TEXT NOT NULL DEFAULT 'document' CHECK (basis IN ('document', 'general_knowledge')),
  note          TEXT,
  CHECK (organisation_id <> parent_organisation_id)
) STRICT;
CREATE UNIQUE INDEX organisation_parent_once
  ON organisation_parent (organisation_id, parent_organisation_id, coalesce(valid_from, ''));

-- Lineage: how organisations were renamed, split or merged.
CREATE TABLE organisation_event (
  org_event_id INTEGER PRIMARY KEY,
  event        TEXT NOT NULL CHECK (event IN ('created', 'renamed', 'split', 'merged', 'dissolved')),
  from_organisation_id  INTEGER REFERENCES organisation (organisation_id),   -- the organisation before
  to_organisation_id    INTEGER REFERENCES organisation (organisation_id),   -- the organisation after
  occurred_on  TEXT CHECK (occurred_on IS NULL OR occurred_on GLOB '[0-9][0-9][0-9][0-9]'
                OR occurred_on GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'
                OR occurred_on GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  basis        TEXT NOT NULL CHECK (basis IN ('document', 'general_knowledge')),
  note         TEXT,
  CHECK (basis = 'document' OR note IS NOT NULL)
) STRICT;
CREATE UNIQUE INDEX organisation_event_once
  ON organisation_event (event, coalesce(from_organisation_id, 0), coalesce(to_organisation_id, 0));

CREATE TABLE person (
  person_id   INTEGER PRIMARY KEY,
  name        TEXT NOT NULL,            -- one canonical full name
  name_folded TEXT NOT NULL,            -- lower case, accents, apostrophes and dots folded
  honorific   TEXT,                     -- e.g. 'Ambassador', as documents give it
  note        TEXT
) STRICT;

-- Every way a document writes a person's name.
CREATE TABLE person_alias (
  person_alias_id INTEGER PRIMARY KEY,
  person_id   INTEGER NOT NULL REFERENCES person (person_id),
  alias       TEXT NOT NULL,
  folded      TEXT NOT NULL,            -- as person.name_folded
  UNIQUE (person_id, alias)
) STRICT;
CREATE INDEX person_alias_folded ON person_alias (folded);

-- A post: a title within an organisation ('Director General' of 'DG HOME').
CREATE TABLE post (
  post_id     INTEGER PRIMARY KEY,
  title       TEXT NOT NULL,
  organisation_id      INTEGER REFERENCES organisation (organisation_id),
  UNIQUE (title, organisation_id)
) STRICT;
CREATE UNIQUE INDEX post_once ON post (title, coalesce(organisation_id, 0));

-- A person holding a post. start_date/end_date only where a document states them;
-- attested_from/attested_to bound the dates on which documents show the person in post.
CREATE TABLE tenure (
  tenure_id     INTEGER PRIMARY KEY,
  person_id     INTEGER NOT NULL REFERENCES person (person_id),
  post_id       INTEGER NOT NULL REFERENCES post (post_id),
  start_date    TEXT CHECK (start_date IS NULL OR start_date GLOB '[0-9][0-9][0-9][0-9]'
                OR start_date GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'
                OR start_date GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  end_date      TEXT CHECK (end_date IS NULL OR end_date GLOB '[0-9][0-9][0-9][0-9]'
                OR end_date GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'
                OR end_date GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  attested_from TEXT CHECK (attested_from IS NULL OR attested_from GLOB '[0-9][0-9][0-9][0-9]'
                OR attested_from GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'
                OR attested_from GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  attested_to   TEXT CHECK (attested_to IS NULL OR attested_to GLOB '[0-9][0-9][0-9][0-9]'
                OR attested_to GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'
                OR attested_to GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  acting        INTEGER NOT NULL DEFAULT 0 CHECK (acting IN (0, 1)),
  UNIQUE (person_id, post_id)
) STRICT;

CREATE TABLE meeting_series (
  series      TEXT PRIMARY KEY CHECK (series IN ('SOM', 'HOU')),
  name        TEXT NOT NULL
) STRICT, WITHOUT ROWID;
INSERT INTO meeting_series (series, name) VALUES
  ('SOM', 'EU-IOM Senior Officials Meeting'),
  ('HOU', 'EU-IOM Heads of Unit/Division meeting');

-- A meeting. series/sequence_no are NULL for one-off events.
CREATE TABLE meeting (
  meeting_id  INTEGER PRIMARY KEY,
  series      TEXT REFERENCES meeting_series (series),
  sequence_no INTEGER CHECK (sequence_no IS NULL OR sequence_no > 0), -- ordinal within series
  title       TEXT NOT NULL,
  held_on     TEXT CHECK (held_on IS NULL OR held_on GLOB '[0-9][0-9][0-9][0-9]'
                OR held_on GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'
                OR held_on GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  location    TEXT,                     -- NULL where no document says where
  note        TEXT,
  UNIQUE (series, sequence_no)
) STRICT;

-- Organisations at a meeting and in what capacity.
CREATE TABLE meeting_organisation (
  meeting_organisation_id INTEGER PRIMARY KEY,
  meeting_id  INTEGER NOT NULL REFERENCES meeting (meeting_id),
  organisation_id      INTEGER NOT NULL REFERENCES organisation (organisation_id),
  role        TEXT NOT NULL CHECK (role IN ('host', 'participant', 'joined', 'joining announced')),
  UNIQUE (meeting_id, organisation_id, role)
) STRICT;

-- Who attended, for whom, in what role. attested_as says whether a document announced the
-- attendance beforehand or reported it afterwards.
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

-- Themes group topics worded differently at different meetings (an editorial grouping,
-- not a document fact, so themes themselves carry no citation).
CREATE TABLE theme (
  theme_id    INTEGER PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE,
  description TEXT
) STRICT;

CREATE TABLE topic (
  topic_id    INTEGER PRIMARY KEY,
  meeting_id  INTEGER NOT NULL REFERENCES meeting (meeting_id),
  label       TEXT NOT NULL,            -- the wording the document uses
  theme_id    INTEGER REFERENCES theme (theme_id),
  UNIQUE (meeting_id, label)
) STRICT;

CREATE TABLE agreement (
  agreement_id  INTEGER PRIMARY KEY,
  name          TEXT NOT NULL UNIQUE,
  kind          TEXT NOT NULL CHECK (kind IN ('framework_agreement', 'strategic_cooperation_framework',
                  'framework_partnership_agreement')),
  concluded_on  TEXT CHECK (concluded_on IS NULL OR concluded_on GLOB '[0-9][0-9][0-9][0-9]'
                OR concluded_on GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'
                OR concluded_on GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  in_force_from TEXT CHECK (in_force_from IS NULL OR in_force_from GLOB '[0-9][0-9][0-9][0-9]'
                OR in_force_from GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'
                OR in_force_from GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  purpose       TEXT
) STRICT;

-- Parties to an agreement; those that joined later carry the date and the means.
CREATE TABLE agreement_party (
  agreement_party_id INTEGER PRIMARY KEY,
  agreement_id  INTEGER NOT NULL REFERENCES agreement (agreement_id),
  organisation_id        INTEGER NOT NULL REFERENCES organisation (organisation_id),
  since         TEXT CHECK (since IS NULL OR since GLOB '[0-9][0-9][0-9][0-9]'
                OR since GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'
                OR since GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  how           TEXT NOT NULL CHECK (how IN ('founding party', 'party', 'exchange of letters',
                  'announced at meeting')),  -- 'party': a party, how it became one not stated
  meeting_id    INTEGER REFERENCES meeting (meeting_id), -- where the joining happened
  UNIQUE (agreement_id, organisation_id)
) STRICT;

CREATE TABLE agreement_signatory (
  agreement_signatory_id INTEGER PRIMARY KEY,
  agreement_id  INTEGER NOT NULL REFERENCES agreement (agreement_id),
  person_id     INTEGER NOT NULL REFERENCES person (person_id),
  organisation_id        INTEGER REFERENCES organisation (organisation_id), -- on whose behalf
  UNIQUE (agreement_id, person_id)
) STRICT;

-- Money from a funder to a recipient. amount is in whole currency units; bound says how
-- the document qualifies the figure; measure says what the figure counts.
CREATE TABLE funding (
  funding_id    INTEGER PRIMARY KEY,
  funder_organisation_id INTEGER NOT NULL REFERENCES organisation (organisation_id),
  recipient_organisation_id INTEGER NOT NULL REFERENCES organisation (organisation_id),
  period_start  TEXT CHECK (period_start IS NULL OR period_start GLOB '[0-9][0-9][0-9][0-9]'
                OR period_start GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'
                OR period_start GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  period_end    TEXT CHECK (period_end IS NULL OR period_end GLOB '[0-9][0-9][0-9][0-9]'
                OR period_end GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'
                OR period_end GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  amount        INTEGER CHECK (amount IS NULL OR amount >= 0),
  currency      TEXT CHECK (currency IS NULL OR length(currency) = 3),
  bound         TEXT CHECK (bound IS NULL OR bound IN ('exact', 'more_than', 'at_least', 'about')),
  measure       TEXT NOT NULL,
  agreement_id  INTEGER REFERENCES agreement (agreement_id),
  CHECK ((amount IS NULL) = (currency IS NULL) AND (amount IS NULL) = (bound IS NULL))
) STRICT;
CREATE UNIQUE INDEX funding_once
  ON funding (funder_organisation_id, recipient_organisation_id, coalesce(period_start, ''), measure);

CREATE TABLE publication (
  publication_id INTEGER PRIMARY KEY,
  title         TEXT,                   -- NULL where the document names no title
  publisher_organisation_id INTEGER REFERENCES organisation (organisation_id),
  published_on  TEXT CHECK (published_on IS NULL OR published_on GLOB '[0-9][0-9][0-9][0-9]'
                OR published_on GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'
                OR published_on GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  kind          TEXT NOT NULL CHECK (kind IN ('recommendations', 'paper', 'contribution',
                  'booklet', 'remarks')),
  addressee     TEXT,                   -- e.g. a Council presidency
  series        TEXT,                   -- e.g. 'Partnerships in Action'
  edition       INTEGER CHECK (edition IS NULL OR edition > 0),
  summary       TEXT                    -- what the listing says of it, or its quoted line
) STRICT;

-- Policy frameworks (strategies, agendas, summit commitments) and their parts.
CREATE TABLE policy_framework (
  policy_framework_id INTEGER PRIMARY KEY,
  name          TEXT NOT NULL UNIQUE,
  short_name    TEXT,
  owner         TEXT,                   -- who adopted it, where a document says
  adopted_on    TEXT CHECK (adopted_on IS NULL OR adopted_on GLOB '[0-9][0-9][0-9][0-9]'
                OR adopted_on GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'
                OR adopted_on GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]')
) STRICT;

CREATE TABLE framework_part (
  framework_part_id INTEGER PRIMARY KEY,
  policy_framework_id INTEGER NOT NULL REFERENCES policy_framework (policy_framework_id),
  position      INTEGER NOT NULL CHECK (position > 0),
  kind          TEXT NOT NULL CHECK (kind IN ('pillar', 'priority domain', 'goal')),
  label         TEXT NOT NULL,
  UNIQUE (policy_framework_id, position)
) STRICT;

-- Who said what, when, at which event. kind 'quote' is verbatim; 'reported' is paraphrase.
CREATE TABLE statement (
  statement_id  INTEGER PRIMARY KEY,
  person_id     INTEGER NOT NULL REFERENCES person (person_id),
  meeting_id    INTEGER REFERENCES meeting (meeting_id),
  said_on       TEXT CHECK (said_on IS NULL OR said_on GLOB '[0-9][0-9][0-9][0-9]'
                OR said_on GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'
                OR said_on GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  kind          TEXT NOT NULL CHECK (kind IN ('quote', 'reported')),
  text          TEXT NOT NULL,
  UNIQUE (person_id, text)
) STRICT;

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
CREATE UNIQUE INDEX contact_once ON contact (coalesce(person_id, 0), coalesce(organisation_id, 0),
  coalesce(role, ''), coalesce(phone, ''), coalesce(email, ''));

-- Where a record is stated: a quotation of its source, found at [start_offset, end_offset)
-- counted in characters (code points) of source.text. A quotation matches the text once runs
-- of white space are folded to one space; ' … ' may join parts of one passage.
CREATE TABLE citation (
  citation_id   INTEGER PRIMARY KEY,
  subject_type  TEXT NOT NULL CHECK (subject_type IN ('source', 'organisation',
                  'organisation_name', 'organisation_parent', 'organisation_event', 'person',
                  'person_alias', 'post', 'tenure', 'meeting', 'meeting_organisation',
                  'attendance', 'topic', 'agreement', 'agreement_party', 'agreement_signatory',
                  'funding', 'publication', 'policy_framework', 'framework_part', 'statement',
                  'contact', 'claim')),
  subject_id    INTEGER NOT NULL,
  source_id     INTEGER NOT NULL REFERENCES source (source_id),
  quote         TEXT NOT NULL,
  start_offset  INTEGER NOT NULL CHECK (start_offset >= 0),
  end_offset    INTEGER NOT NULL CHECK (end_offset > start_offset),
  UNIQUE (subject_type, subject_id, source_id, start_offset, end_offset)
) STRICT;
CREATE INDEX citation_subject ON citation (subject_type, subject_id);

-- Claims where documents disagree: one row per value, one marked preferred, with the reason.
-- The sources stating each value are its citations.
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
