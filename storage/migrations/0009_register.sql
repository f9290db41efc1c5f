-- The deadline register (sổ theo dõi thời hạn): one tracked item per person held or case stage,
-- and its events, appended and never edited. The current step and its expiry are computed from
-- the events by knowledge/deadlines/chain.py every time; nothing derived from law is stored.
-- ``version`` counts the item's live events: an event is recorded only by the writer whose
-- conditional UPDATE ... WHERE version = ? matched, so two writers never both extend one step.
CREATE TABLE register_items (
    id           INTEGER PRIMARY KEY,
    unit_id      INTEGER NOT NULL REFERENCES units(id),
    label        TEXT NOT NULL CHECK (length(label) BETWEEN 1 AND 80),
    case_number  TEXT,
    assignee_id  INTEGER NOT NULL REFERENCES users(id),
    created_by   INTEGER REFERENCES users(id),
    created_at   TEXT NOT NULL,
    version      INTEGER NOT NULL DEFAULT 0,
    closed_at    TEXT,
    note         TEXT
);
CREATE INDEX register_items_open ON register_items(unit_id, closed_at);
CREATE INDEX register_items_assignee ON register_items(assignee_id, closed_at);

CREATE TABLE register_events (
    id             INTEGER PRIMARY KEY,
    item_id        INTEGER NOT NULL REFERENCES register_items(id),
    seq            INTEGER NOT NULL,
    type           TEXT NOT NULL CHECK (type IN ('start', 'extend', 'convert', 'stage', 'release', 'close')),
    data_json      TEXT NOT NULL,
    recorded_by    INTEGER REFERENCES users(id),
    recorded_at    TEXT NOT NULL,
    deleted_at     TEXT,
    deleted_by     INTEGER REFERENCES users(id),
    delete_reason  TEXT,
    UNIQUE (item_id, seq)
);
