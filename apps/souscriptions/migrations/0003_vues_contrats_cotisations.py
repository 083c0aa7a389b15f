from django.db import migrations

from apps.core.sql import run_sql_file


class Migration(migrations.Migration):
    dependencies = [
        ("souscriptions", "0002_fonctions_et_triggers"),
        ("paiements", "0001_initial"),
        ("agents", "0001_initial"),
    ]

    operations = [
        run_sql_file("views/cotisations/0001.sql", "DROP VIEW cotisations;"),
        run_sql_file("views/contrats/0001.sql", "DROP VIEW contrats;"),
    ]
