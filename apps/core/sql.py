"""Apply frozen SQL files from `sql/` in migrations; run the kiosk's constant reads.

Each migration names the exact file version it introduced (`sql/views/cotisations/0001.sql`),
so replaying old migrations on an empty database years later builds what they built then.
"""

import functools
from collections import namedtuple
from pathlib import Path

from django.conf import settings
from django.db import connection, migrations

SQL_DIR = Path(settings.BASE_DIR) / "sql"


def sql_file(relative_path: str) -> str:
    return (SQL_DIR / relative_path).read_text(encoding="utf-8")


def run_sql_file(relative_path: str, reverse_sql: str) -> migrations.RunSQL:
    return migrations.RunSQL(sql=sql_file(relative_path), reverse_sql=reverse_sql)


# --- Constant reads -------------------------------------------------------------------------
# The kiosk's hot reads run fixed SQL text: no ORM compilation per request (~0.4 ms a query,
# as much as running it), and psycopg prepares the text once per pooled connection.


@functools.cache
def _ligne_classe(colonnes: tuple[str, ...]) -> type:
    return namedtuple("Ligne", colonnes)  # noqa: PYI024 - rows read by attribute, as model instances


def lignes(sql: str, params: list | dict) -> list:
    """The rows of a constant SQL read, as named tuples (attributes named after the columns)."""
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return _nommees(cursor, cursor.fetchall())


def _nommees(cursor, lignes_lues: list) -> list:
    classe = _ligne_classe(tuple(colonne.name for colonne in cursor.description))
    return [classe._make(ligne) for ligne in lignes_lues]


def existe(sql: str, params: list | dict) -> bool:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchone() is not None
