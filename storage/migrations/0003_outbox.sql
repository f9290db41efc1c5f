-- Proactive messages (alerts, reminders, digests). Each has a unique key so it is
-- enqueued once; an attempt is recorded ('sending') before the platform is called, so a
-- crash between sending and recording leaves an 'uncertain' row, never a second send.
CREATE TABLE outbox (
    id               INTEGER PRIMARY KEY,
    key              TEXT NOT NULL UNIQUE,
    user_id          INTEGER NOT NULL REFERENCES users(id),
    platform         TEXT NOT NULL,
    chat_id          TEXT NOT NULL,
    text             TEXT NOT NULL,
    buttons_json     TEXT NOT NULL DEFAULT '[]',
    status           TEXT NOT NULL DEFAULT 'pending'
                     CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'skipped', 'unreachable', 'uncertain')),
    attempts         INTEGER NOT NULL DEFAULT 0,
    next_attempt_at  TEXT NOT NULL,
    expires_at       TEXT,
    last_error       TEXT,
    created_at       TEXT NOT NULL,
    sent_at          TEXT
);
CREATE INDEX outbox_due ON outbox(status, next_attempt_at);
CREATE INDEX outbox_user ON outbox(user_id, status);
