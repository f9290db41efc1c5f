-- A stage's extension decision recorded on a detention tied to that stage (Đ240 k1, Đ277 k1,
-- Đ174 k1): event type 'stage_extend'. SQLite cannot change a CHECK constraint in place, so the
-- events table is copied into one that allows it (same columns, same order, ids kept); nothing
-- references register_events, so dropping the old one touches no other row.
CREATE TABLE register_events_next (
    id             INTEGER PRIMARY KEY,
    item_id        INTEGER NOT NULL REFERENCES register_items(id),
    seq            INTEGER NOT NULL,
    type           TEXT NOT NULL CHECK (
        type IN ('start', 'extend', 'convert', 'stage', 'stage_extend', 'release', 'close')
    ),
    data_json      TEXT NOT NULL,
    recorded_by    INTEGER REFERENCES users(id),
    recorded_at    TEXT NOT NULL,
    deleted_at     TEXT,
    deleted_by     INTEGER REFERENCES users(id),
    delete_reason  TEXT,
    UNIQUE (item_id, seq)
);
INSERT INTO register_events_next (
    id, item_id, seq, type, data_json, recorded_by, recorded_at, deleted_at, deleted_by, delete_reason
)
SELECT id, item_id, seq, type, data_json, recorded_by, recorded_at, deleted_at, deleted_by, delete_reason
FROM register_events;
DROP TABLE register_events;
ALTER TABLE register_events_next RENAME TO register_events;
