"""Recycling the tests' PostgreSQL databases: a database a test is done with is emptied for the next
test instead of dropped, when nothing but rows changed in it.

A copy of the template (``CREATE DATABASE … TEMPLATE``) costs the server a few tenths of a second of
CPU, and its first connection rebuilds the catalog caches; with about two thousand PostgreSQL tests
that was the largest single cost of the suite. Emptying is a TRUNCATE of the template's tables
(``schema_migrations`` kept) with their identity sequences restarted: what a fresh copy holds.

It is done only when the database's *fingerprint* (its catalog: relations, columns, constraints,
defaults, triggers and whether they are enabled, functions, schemas, extensions, the database's
settings, and the rows of ``schema_migrations``) equals the template's; a test that changed the
schema in any way gets its database dropped, as before. After the TRUNCATE no sequence of the
database may have been used, else it is dropped too.
"""

from __future__ import annotations

import psycopg

MIGRATIONS = "schema_migrations"

FINGERPRINT = """
SELECT md5(string_agg(x, '|' ORDER BY x)) FROM (
  SELECT format('c %s.%s %s %s %s %s', n.nspname, c.relname, c.relkind, c.relnatts, c.relrowsecurity, c.relhasrules) AS x
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
  UNION ALL
  SELECT format('a %s.%s %s %s %s %s %s', c.relname, a.attname, a.attnum, a.atttypid, a.attnotnull, a.atthasdef,
                a.attisdropped)
  FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND a.attnum > 0
  UNION ALL
  SELECT format('k %s %s %s', conrelid::regclass, conname, pg_get_constraintdef(oid)) FROM pg_constraint
  WHERE connamespace NOT IN ('pg_catalog'::regnamespace, 'information_schema'::regnamespace)
  UNION ALL
  SELECT format('d %s %s %s', adrelid::regclass, adnum, pg_get_expr(adbin, adrelid)) FROM pg_attrdef
  UNION ALL
  SELECT format('t %s %s %s', tgrelid::regclass, tgname, tgenabled) FROM pg_trigger
  UNION ALL
  SELECT format('p %s.%s %s', n.nspname, p.proname, md5(p.prosrc)) FROM pg_proc p
  JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
  UNION ALL
  SELECT format('n %s', nspname) FROM pg_namespace
  UNION ALL
  SELECT format('e %s %s', extname, extversion) FROM pg_extension
  UNION ALL
  SELECT format('r %s %s', ev_class::regclass, rulename) FROM pg_rewrite
  WHERE ev_class NOT IN (SELECT oid FROM pg_class WHERE relnamespace = 'pg_catalog'::regnamespace
                         OR relnamespace = 'information_schema'::regnamespace)
  UNION ALL
  SELECT format('s %s', setconfig) FROM pg_db_role_setting
  WHERE setdatabase = (SELECT oid FROM pg_database WHERE datname = current_database())
  UNION ALL
  SELECT format('o %s', count(*)) FROM pg_largeobject_metadata
  UNION ALL
  SELECT format('m %s', m) FROM schema_migrations m
) AS parts
"""

TABLES = (
    "SELECT quote_ident(tablename) FROM pg_tables WHERE schemaname = 'public' AND tablename <> %s ORDER BY tablename"
)
USED_SEQUENCES = "SELECT count(*) FROM pg_sequences WHERE last_value IS NOT NULL"


def fingerprint(conn: psycopg.Connection) -> str:
    row = conn.execute(FINGERPRINT).fetchone()
    assert row is not None
    return str(row[0])


def tables(conn: psycopg.Connection) -> list[str]:
    return [str(row[0]) for row in conn.execute(TABLES, (MIGRATIONS,)).fetchall()]


def disconnect_others(admin: psycopg.Connection, dbname: str) -> None:
    """End the connections a test left open to ``dbname`` (waiting up to 5 s for each to go)."""
    admin.execute(
        "SELECT pg_terminate_backend(pid, 5000) FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
        (dbname,),
    )


def emptied(url: str, template_fingerprint: str, template_tables: list[str]) -> bool:
    """Empty the database at ``url`` back to the template's state when only rows changed in it; False
    (nothing done that matters) when its schema differs from the template's or a sequence stays used."""
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("SET lock_timeout = '10s'")
        if fingerprint(conn) != template_fingerprint or tables(conn) != template_tables:
            return False
        if template_tables:
            conn.execute(f"TRUNCATE {', '.join(template_tables)} RESTART IDENTITY CASCADE")
        used = conn.execute(USED_SEQUENCES).fetchone()
        return used is not None and used[0] == 0
