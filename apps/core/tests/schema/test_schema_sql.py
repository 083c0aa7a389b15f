"""sql/schema.sql is exactly what the migrations build, and applies on its own."""

import subprocess
import uuid

import pytest
from django.core.management import call_command
from django.db import connection

from apps.core import schema


@pytest.mark.django_db
def test_schema_sql_egal_au_schema_migre():
    attendu = schema.SCHEMA_FILE.read_text(encoding="utf-8")
    assert schema.schema_actuel() == attendu, "sql/schema.sql est périmé : python manage.py schema_sql"


CATALOGUE = {
    "colonnes": """SELECT table_name, column_name, data_type, is_nullable, character_maximum_length
                   FROM information_schema.columns WHERE table_schema = 'public'""",
    "contraintes": """SELECT conrelid::regclass::text, conname, contype FROM pg_constraint
                      WHERE connamespace = 'public'::regnamespace""",
    "index": "SELECT tablename, indexname FROM pg_indexes WHERE schemaname = 'public'",
    "triggers": "SELECT tgrelid::regclass::text, tgname FROM pg_trigger WHERE NOT tgisinternal",
    "vues": "SELECT viewname FROM pg_views WHERE schemaname = 'public'",
    "fonctions": "SELECT proname FROM pg_proc WHERE pronamespace = 'public'::regnamespace",
    "migrations": "SELECT app, name FROM django_migrations",
}


def catalogue() -> dict:
    resultat = {}
    with connection.cursor() as cursor:
        for cle, requete in CATALOGUE.items():
            cursor.execute(requete)
            resultat[cle] = sorted(cursor.fetchall())
    return resultat


@pytest.mark.django_db(transaction=True)
def test_schema_sql_s_applique_sans_django_sur_une_base_vide(settings):
    """A DBA applies the file with psql on an empty database: same schema as the migrations."""
    nom = f"verif_schema_{uuid.uuid4().hex[:8]}"
    with connection.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{nom}"')
    try:
        db = connection.settings_dict
        hote = db.get("HOST") or db.get("OPTIONS", {}).get("host")
        psql = schema._pg_dump().replace("pg_dump", "psql")
        commande = [
            psql,
            "-v",
            "ON_ERROR_STOP=1",
            "--single-transaction",
            "-q",
            "-d",
            nom,
            "-U",
            db.get("USER") or "postgres",
            "-f",
            str(schema.SCHEMA_FILE),
        ]
        if hote:
            commande += ["-h", hote]
        if db.get("PORT"):
            commande += ["-p", str(db["PORT"])]
        subprocess.run(commande, check=True, capture_output=True, env={"PGPASSWORD": db.get("PASSWORD") or ""})

        migre = catalogue()
        original = db["NAME"]
        connection.close()
        db["NAME"] = nom
        try:
            # Same objects, columns and rules (PostgreSQL re-prints some CHECK expressions in
            # another but equivalent form after a restore, so the catalogue is compared).
            assert catalogue() == migre
            # Django started on that database has nothing left to migrate.
            call_command("migrate", "--check", verbosity=0)
        finally:
            connection.close()
            db["NAME"] = original
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE "{nom}"')


@pytest.mark.django_db
def test_makemigrations_ne_trouve_rien_a_creer():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)
