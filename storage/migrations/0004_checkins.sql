-- Custody supervision: the facilities each unit inspects and the check-ins logged there.
-- A check-in is never silently changed: edits keep the full previous version in
-- checkin_versions (plus an audit row); deletion is soft, with a reason.

CREATE TABLE facilities (
    id          INTEGER PRIMARY KEY,
    unit_id     INTEGER NOT NULL REFERENCES units(id),
    name        TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('nha_tam_giu', 'trai_tam_giam', 'buong_tam_giu_don_bien_phong')),
    address     TEXT NOT NULL DEFAULT '',
    frequency   TEXT NOT NULL CHECK (frequency IN ('daily', 'weekly')),
    active      INTEGER NOT NULL DEFAULT 1,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    UNIQUE (unit_id, name)
);

CREATE TABLE checkins (
    id              INTEGER PRIMARY KEY,
    -- Random id given to the draft when it starts: a double tap on "Gửi" stores one row.
    draft_id        TEXT NOT NULL UNIQUE,
    facility_id     INTEGER NOT NULL REFERENCES facilities(id),
    unit_id         INTEGER NOT NULL REFERENCES units(id),
    author_id       INTEGER NOT NULL REFERENCES users(id),
    checked_at      TEXT NOT NULL,
    submitted_at    TEXT NOT NULL,
    kind            TEXT NOT NULL CHECK (kind IN ('hang_ngay', 'dinh_ky', 'dot_xuat', 'phuc_tra')),
    held_tam_giu    INTEGER NOT NULL CHECK (held_tam_giu BETWEEN 0 AND 5000),
    held_tam_giam   INTEGER NOT NULL CHECK (held_tam_giam BETWEEN 0 AND 5000),
    admitted        INTEGER NOT NULL CHECK (admitted BETWEEN 0 AND 5000),
    released        INTEGER NOT NULL CHECK (released BETWEEN 0 AND 5000),
    overdue         INTEGER NOT NULL CHECK (overdue BETWEEN 0 AND 5000),
    violations_json TEXT NOT NULL DEFAULT '[]',
    requests        TEXT NOT NULL DEFAULT '',
    latitude        REAL,
    longitude       REAL,
    location_flag   INTEGER NOT NULL DEFAULT 0,
    photos_json     TEXT NOT NULL DEFAULT '[]',
    notes           TEXT NOT NULL DEFAULT '',
    version         INTEGER NOT NULL DEFAULT 1,
    updated_at      TEXT NOT NULL,
    updated_by      INTEGER REFERENCES users(id),
    deleted_at      TEXT,
    deleted_by      INTEGER REFERENCES users(id),
    delete_reason   TEXT
);
CREATE INDEX checkins_unit_at ON checkins(unit_id, checked_at);
CREATE INDEX checkins_author_at ON checkins(author_id, checked_at);
CREATE INDEX checkins_facility_at ON checkins(facility_id, checked_at);
-- /kiemsat lists the facilities this user checked most recently first.
CREATE INDEX checkins_author_facility ON checkins(author_id, facility_id, checked_at);

CREATE TABLE checkin_versions (
    id           INTEGER PRIMARY KEY,
    checkin_id   INTEGER NOT NULL REFERENCES checkins(id),
    version      INTEGER NOT NULL,
    data_json    TEXT NOT NULL,
    replaced_at  TEXT NOT NULL,
    replaced_by  INTEGER REFERENCES users(id),
    UNIQUE (checkin_id, version)
);
