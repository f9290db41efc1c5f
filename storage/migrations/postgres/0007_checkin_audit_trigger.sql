-- PostgreSQL twin of ../0007_checkin_audit_trigger.sql: the same audit row, written by a
-- plpgsql trigger function. A submitted check-in and its audit entry land in the same
-- statement, stamped with the submission time (the application's clock); a repeated draft id
-- inserts nothing, and so audits nothing.
CREATE FUNCTION checkins_audit_create() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO audit (at, actor_id, action, target_type, target_id, unit_id, before_json, after_json)
    VALUES (NEW.submitted_at, NEW.author_id, 'checkin.create', 'checkin', CAST(NEW.id AS TEXT), NEW.unit_id, NULL,
            json_build_object('draft_id', NEW.draft_id)::text);
    RETURN NULL;
END;
$$;

CREATE TRIGGER checkins_audit_create AFTER INSERT ON checkins
FOR EACH ROW EXECUTE FUNCTION checkins_audit_create();
