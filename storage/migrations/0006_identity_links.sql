-- Account linking: one person, one account, reachable from several platforms.
-- An admin creates a one-time link code (stored as its SHA-256 digest) for a user of their
-- units; the person sends it from the other platform. That identity becomes the account's
-- address for proactive messages (users.platform, users.platform_user_id) and the previous
-- address stays a way in, here. Every link is audited ('user.link').
CREATE TABLE link_codes (
    id          INTEGER PRIMARY KEY,
    code_hash   TEXT NOT NULL UNIQUE,
    user_id     INTEGER NOT NULL REFERENCES users(id),
    created_by  INTEGER NOT NULL REFERENCES users(id),
    created_at  TEXT NOT NULL,
    expires_at  TEXT NOT NULL,
    used_at     TEXT
);

CREATE TABLE identity_links (
    platform          TEXT NOT NULL,
    platform_user_id  TEXT NOT NULL,
    user_id           INTEGER NOT NULL REFERENCES users(id),
    linked_at         TEXT NOT NULL,
    PRIMARY KEY (platform, platform_user_id)
);
CREATE INDEX identity_links_user ON identity_links(user_id);
