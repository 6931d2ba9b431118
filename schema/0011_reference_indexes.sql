-- 0011_reference_indexes: every reference column leads an index. Without one, three things
-- cost time in proportion to the database instead of to the rows concerned: SQLite's own
-- foreign-key check when a referenced row is deleted or its key changes (it looks for
-- referring rows), the replacement of an import (it looks for records of other imports that
-- refer to the records it would remove), and reads that start from the referenced side (an
-- organisation's meetings, a post's attendance). Each index costs an insert per row written.
-- import_log_kind.kind is left out: record_kind rows are never deleted. (contact_once of 0001
-- indexes expressions of its columns, which no lookup by the plain column can use.)

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
