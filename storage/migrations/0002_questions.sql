-- Questions asked of the knowledge base, kept without the asker's identity (only the unit),
-- for the administrators' views of unanswered and most-asked questions.
CREATE TABLE questions (
    id        INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    unit_id   INTEGER REFERENCES units(id),
    text      TEXT NOT NULL,
    folded    TEXT NOT NULL,
    outcome   TEXT NOT NULL CHECK (outcome IN ('answer', 'ask', 'dont_know', 'view')),
    entry_id  TEXT,
    score     REAL NOT NULL DEFAULT 0
);
CREATE INDEX questions_outcome_at ON questions(outcome, at);
CREATE INDEX questions_entry_at ON questions(entry_id, at);
