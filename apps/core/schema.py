"""The plain DDL of the whole schema (`sql/schema.sql`), for DBAs who apply it without Django.

Built by pg_dump from a migrated database and normalised (no version banner, no session
settings, no random restrict key), followed by the django_migrations rows so that Django,
started later on that database, sees every migration as applied and creates nothing.
"""

import os
import re
import shutil
import subprocess
from pathlib import Path

from django.conf import settings
from django.db import connection

SCHEMA_FILE = Path(settings.BASE_DIR) / "sql" / "schema.sql"

EN_TETE = """\
-- NSIA PASS: complete database schema (tables, constraints, indexes, functions, triggers, views).
-- Generated from the Django migrations by `python manage.py schema_sql`; do not edit by hand.
-- Apply to an empty PostgreSQL database (12 or newer) with:
--   psql "$DATABASE_URL" -v ON_ERROR_STOP=1 --single-transaction -f sql/schema.sql
-- The API then runs on it with a role that only needs SELECT/INSERT/UPDATE/DELETE.
"""

_BRUIT = re.compile(r"^(--.*|SET .*|SELECT pg_catalog\.set_config.*|\\(un)?restrict .*)$")


def _pg_dump() -> str:
    from nsia_pass_api import embedded_db

    embarque = embedded_db.bin_path() / "pg_dump"
    return str(embarque) if embarque.exists() else (shutil.which("pg_dump") or "pg_dump")


def schema_actuel() -> str:
    """The normalised DDL of the database Django is connected to."""
    db = connection.settings_dict
    env = {**os.environ, "PGPASSWORD": db.get("PASSWORD") or ""}
    commande = [
        _pg_dump(),
        "--schema-only",
        "--no-owner",
        "--no-privileges",
        "--no-comments",
        "--dbname",
        db["NAME"],
        "--username",
        db.get("USER") or "postgres",
    ]
    hote = db.get("HOST") or db.get("OPTIONS", {}).get("host")
    if hote:
        commande += ["--host", hote]
    if db.get("PORT"):
        commande += ["--port", str(db["PORT"])]
    dump = subprocess.run(commande, env=env, check=True, capture_output=True, text=True).stdout  # noqa: S603
    lignes = [ligne for ligne in dump.splitlines() if not _BRUIT.match(ligne)]
    ddl = re.sub(r"\n{3,}", "\n\n", "\n".join(lignes)).strip()

    with connection.cursor() as cursor:
        cursor.execute("SELECT app, name FROM django_migrations ORDER BY app, name")
        migrations = cursor.fetchall()
    valeurs = ",\n".join(f"    ('{app}', '{name}', now())" for app, name in migrations)
    return (
        f"{EN_TETE}\nSET client_min_messages = warning;\n\n{ddl}\n\n"
        f"-- Migrations already applied by this script.\n"
        f"INSERT INTO public.django_migrations (app, name, applied) VALUES\n{valeurs};\n"
    )
