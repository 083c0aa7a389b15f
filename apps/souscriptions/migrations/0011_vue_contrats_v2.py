"""contrats v2: a souscription's succes paiements summed once (sql/views/contrats/0002.sql)."""

from django.db import migrations

from apps.core.sql import run_sql_file, sql_file


class Migration(migrations.Migration):
    dependencies = [
        ("souscriptions", "0010_souscription_a_numeroter"),
    ]

    operations = [
        run_sql_file("views/contrats/0002.sql", "DROP VIEW contrats; " + sql_file("views/contrats/0001.sql")),
    ]
