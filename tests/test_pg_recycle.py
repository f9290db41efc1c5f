"""A PostgreSQL database given back by a test reaches the next test in the template's state: rows gone,
identities restarted, migrations kept; one whose schema a test changed is dropped, never reused."""

from __future__ import annotations

import psycopg
import pytest

from tests.pg import PgServer


def _name(url: str) -> str:
    return url.split("@/", 1)[1].split("?", 1)[0]


def _exists(server: PgServer, name: str) -> bool:
    with psycopg.connect(server.url("postgres")) as conn:
        return conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone() is not None


def test_a_database_with_new_rows_comes_back_empty_with_its_identities_restarted(pg_server: PgServer) -> None:
    url = pg_server.fresh_database()
    with psycopg.connect(url, autocommit=True) as conn:
        migrations = conn.execute("SELECT count(*) FROM schema_migrations").fetchone()
        first = conn.execute(
            "INSERT INTO units (code, name, level, created_at) VALUES ('X', 'VKS X', 'tinh', '2026-01-01') RETURNING id"
        ).fetchone()
        conn.execute("INSERT INTO units (code, name, level, created_at) VALUES ('Y', 'VKS Y', 'tinh', '2026-01-01')")
        open_left = psycopg.connect(url)  # a connection the test forgot to close
        open_left.execute("SELECT count(*) FROM units").fetchone()  # and its transaction left open
    pg_server.give_back(url)
    assert pg_server.fresh_database() == url  # the emptied database is the next one handed out
    with psycopg.connect(url, autocommit=True) as conn:
        assert conn.execute("SELECT count(*) FROM units").fetchone() == (0,)
        assert conn.execute("SELECT count(*) FROM schema_migrations").fetchone() == migrations
        again = conn.execute(
            "INSERT INTO units (code, name, level, created_at) VALUES ('Z', 'VKS Z', 'tinh', '2026-01-01') RETURNING id"
        ).fetchone()
    assert again == first
    with pytest.raises(psycopg.OperationalError):  # it was ended, not waited for
        open_left.execute("SELECT 1")
    open_left.close()
    pg_server.give_back(url)


def test_a_database_whose_schema_changed_is_dropped(pg_server: PgServer) -> None:
    url = pg_server.fresh_database()
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("ALTER TABLE units ADD COLUMN extra text")
    pg_server.give_back(url)
    assert not _exists(pg_server, _name(url))
    fresh = pg_server.fresh_database()
    assert fresh != url
    with psycopg.connect(fresh) as conn:
        columns = {
            row[0]
            for row in conn.execute("SELECT column_name FROM information_schema.columns WHERE table_name = 'units'")
        }
    assert "extra" not in columns
    pg_server.give_back(fresh)


def test_a_disabled_trigger_or_a_forgotten_migration_row_is_a_changed_schema(pg_server: PgServer) -> None:
    for change in ("ALTER TABLE checkins DISABLE TRIGGER checkins_audit_create", "DELETE FROM schema_migrations"):
        url = pg_server.fresh_database()
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(change.encode())
        pg_server.give_back(url)
        assert not _exists(pg_server, _name(url)), change
