"""Apply frozen SQL files from `sql/` in migrations.

Each migration names the exact file version it introduced (`sql/views/cotisations/0001.sql`),
so replaying old migrations on an empty database years later builds what they built then.
"""

from pathlib import Path

from django.conf import settings
from django.db import migrations

SQL_DIR = Path(settings.BASE_DIR) / "sql"


def sql_file(relative_path: str) -> str:
    return (SQL_DIR / relative_path).read_text(encoding="utf-8")


def run_sql_file(relative_path: str, reverse_sql: str) -> migrations.RunSQL:
    return migrations.RunSQL(sql=sql_file(relative_path), reverse_sql=reverse_sql)
