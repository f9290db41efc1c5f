"""This suite runs on both stores: SQLite and PostgreSQL (a private server, see tests/pg.py)."""

from tests.pg import store_on_both  # noqa: F401  (the ``store`` fixture, parametrised)
