-- 0012_import_origin: where each imported fact file came from. An import is known by its file
-- name: a changed file of the same name replaces its records (0009). Two unrelated files that
-- share a name (facts/meetings.facts of two projects) would replace each other's records, so
-- each import now records the file's place, and an import of a same-named file from another
-- place with other bytes is refused unless the user says that it replaces the earlier one
-- (euiomkb import --replace, ImportOptions::replace_same_name). Imports logged before this
-- migration have no place (NULL): the library cannot tell them from a namesake, so they are
-- replaced only with that option too; the new row then records the place.

ALTER TABLE import_log ADD COLUMN path TEXT -- the file's absolute canonical path; NULL: before 0012
  CHECK (path IS NULL OR path GLOB '/*');

UPDATE schema_note
   SET note = 'A fact file imported with `euiomkb import` (the seed is the base, not an import): its name, place and hash; replaced_by names the import of a changed version that replaced it.'
 WHERE name = 'import_log';
