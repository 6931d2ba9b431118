-- 0005_lookup_indexes: an index for every lookup of the API that 0001 left to a full scan, so
-- that a lookup by id, key, name or date costs the same at a million meetings as at six. Lookups
-- not listed here already have one: every primary key, the UNIQUE constraints (attendance,
-- topics and organisations of a meeting; tenures, aliases and statements of a person; names of
-- an organisation; parties and signatories of an agreement; a meeting by series and ordinal),
-- person_alias_folded and citation_subject. tests/query_plan_test.cpp proves it for every query
-- the library prepares.

-- A person by canonical name (People::by_name; aliases use person_alias_folded).
CREATE INDEX person_name_folded ON person (name_folded);

-- Every meeting a person attended (People::attendance).
CREATE INDEX attendance_person ON attendance (person_id);

-- "Who held a post on a date" (People::holders_on): the organisation by short name ignoring
-- case, its posts by title ignoring case, then their tenures.
CREATE INDEX organisation_short_name_nocase ON organisation (short_name COLLATE NOCASE);
CREATE INDEX post_organisation_title_nocase ON post (organisation_id, title COLLATE NOCASE);
CREATE INDEX tenure_post ON tenure (post_id);

-- Topics grouped under a theme (Meetings::topics_by_theme).
CREATE INDEX topic_theme ON topic (theme_id);

-- Renamings, splits and mergers on either side of an organisation (Organisations::lineage).
CREATE INDEX organisation_event_from ON organisation_event (from_organisation_id);
CREATE INDEX organisation_event_to ON organisation_event (to_organisation_id);

-- An agreement by name ignoring case (Agreements::by_name).
CREATE INDEX agreement_name_nocase ON agreement (name COLLATE NOCASE);

-- Funding in a period (FundingRepository::in_period): periods starting by its end.
CREATE INDEX funding_period_start ON funding (period_start);
