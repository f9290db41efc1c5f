-- A submitted check-in and its audit entry land in the same statement: the database writes
-- the 'checkin.create' row, stamped with the submission time (the application's clock), so
-- storing a check-in is one committed INSERT. A repeated draft id inserts nothing, and so
-- audits nothing. Edits and deletions are audited by storage/checkins.py with the change.
CREATE TRIGGER checkins_audit_create AFTER INSERT ON checkins
BEGIN
    INSERT INTO audit (at, actor_id, action, target_type, target_id, unit_id, before_json, after_json)
    VALUES (NEW.submitted_at, NEW.author_id, 'checkin.create', 'checkin', CAST(NEW.id AS TEXT), NEW.unit_id, NULL,
            json_object('draft_id', NEW.draft_id));
END;
