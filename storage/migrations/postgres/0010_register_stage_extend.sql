-- PostgreSQL twin of ../0010_register_stage_extend.sql: the event type 'stage_extend' (a stage's
-- extension decision on a detention tied to it). PostgreSQL changes the CHECK in place; the
-- constraint carries the name PostgreSQL gave the column's inline CHECK in 0009.
ALTER TABLE register_events DROP CONSTRAINT register_events_type_check;
ALTER TABLE register_events ADD CONSTRAINT register_events_type_check
    CHECK (type IN ('start', 'extend', 'convert', 'stage', 'stage_extend', 'release', 'close'));
