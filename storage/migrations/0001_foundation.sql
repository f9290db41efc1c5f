-- Foundation: the procuracy tree, people and roles, invites, audit trail,
-- conversation state and the processed-update store.

CREATE TABLE units (
    id          INTEGER PRIMARY KEY,
    code        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    level       TEXT NOT NULL CHECK (level IN ('toi_cao', 'tinh', 'khu_vuc')),
    parent_id   INTEGER REFERENCES units(id),
    created_at  TEXT NOT NULL
);
CREATE INDEX units_parent ON units(parent_id);

CREATE TABLE users (
    id                INTEGER PRIMARY KEY,
    platform          TEXT NOT NULL,
    platform_user_id  TEXT NOT NULL,
    display_name      TEXT NOT NULL DEFAULT '',
    unit_id           INTEGER NOT NULL REFERENCES units(id),
    role              TEXT NOT NULL CHECK (role IN ('staff', 'head', 'admin')),
    active            INTEGER NOT NULL DEFAULT 1,
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    UNIQUE (platform, platform_user_id)
);
CREATE INDEX users_unit ON users(unit_id);

-- Invite codes are stored as SHA-256 digests; the clear code is shown once.
CREATE TABLE invites (
    id          INTEGER PRIMARY KEY,
    code_hash   TEXT NOT NULL UNIQUE,
    unit_id     INTEGER NOT NULL REFERENCES units(id),
    role        TEXT NOT NULL CHECK (role IN ('staff', 'head', 'admin')),
    created_by  INTEGER REFERENCES users(id),
    created_at  TEXT NOT NULL,
    expires_at  TEXT NOT NULL,
    used_by     INTEGER REFERENCES users(id),
    used_at     TEXT
);

CREATE TABLE audit (
    id           INTEGER PRIMARY KEY,
    at           TEXT NOT NULL,
    actor_id     INTEGER REFERENCES users(id),
    action       TEXT NOT NULL,
    target_type  TEXT NOT NULL,
    target_id    TEXT NOT NULL,
    unit_id      INTEGER REFERENCES units(id),
    before_json  TEXT,
    after_json   TEXT
);
CREATE INDEX audit_target ON audit(target_type, target_id);
CREATE INDEX audit_unit_at ON audit(unit_id, at);

CREATE TABLE conversations (
    platform    TEXT NOT NULL,
    chat_id     TEXT NOT NULL,
    user_key    TEXT NOT NULL,
    state       TEXT,
    data_json   TEXT NOT NULL DEFAULT '{}',
    menu_json   TEXT NOT NULL DEFAULT '[]',
    updated_at  TEXT NOT NULL,
    PRIMARY KEY (platform, chat_id, user_key)
);

CREATE TABLE processed_updates (
    platform      TEXT NOT NULL,
    update_key    TEXT NOT NULL,
    processed_at  TEXT NOT NULL,
    PRIMARY KEY (platform, update_key)
);
CREATE INDEX processed_updates_at ON processed_updates(processed_at);
