-- Report reminders: which unit marked which report period as sent (the live row is the one
-- not undone), the scheduler lease, and an outbox topic so
-- marking a report as sent cancels its pending reminders in the same transaction.
CREATE TABLE report_submissions (
    id         INTEGER PRIMARY KEY,
    report     TEXT NOT NULL,
    period     TEXT NOT NULL,
    unit_id    INTEGER NOT NULL REFERENCES units(id),
    due_date   TEXT NOT NULL,
    sent_at    TEXT NOT NULL,
    sent_by    INTEGER NOT NULL REFERENCES users(id),
    undone_at  TEXT,
    undone_by  INTEGER REFERENCES users(id)
);
CREATE UNIQUE INDEX report_submissions_live ON report_submissions(report, period, unit_id) WHERE undone_at IS NULL;
CREATE INDEX report_submissions_period ON report_submissions(report, period);

-- One row per lease name; a process sends only while it holds the lease, which it renews.
CREATE TABLE leases (
    name        TEXT PRIMARY KEY,
    holder      TEXT NOT NULL,
    expires_at  TEXT NOT NULL
);

ALTER TABLE outbox ADD COLUMN topic TEXT;
CREATE INDEX outbox_topic ON outbox(topic, status);

-- Named points in time, e.g. how far the reminder planner has planned ("planned until").
CREATE TABLE planner_state (
    name   TEXT PRIMARY KEY,
    value  TEXT NOT NULL
);
