"""Police numbers unique by value (normal form of the number part) and never older than their souscription."""

from django.db import migrations, models

from apps.core.sql import run_sql_file, sql_file

# Existing numbers take their normal form first (a collision stops the migration: two contracts
# would share one number, a case for a human).
NORMALISER = """
UPDATE numeros_police_congo
   SET numero_police = split_part(numero_police, '-', 1) || '-' || split_part(numero_police, '-', 2) || '-'
       || split_part(numero_police, '-', 3) || '-' || lpad(ltrim(split_part(numero_police, '-', 4), '0'), 3, '0')
 WHERE numero_police ~ '^CG-[0-9]{4}-(VIE|EPG|SAN)-0[0-9]{3,}$';
"""


class Migration(migrations.Migration):
    dependencies = [
        ("agents", "0002_journal_actions"),
        ("souscriptions", "0007_numero_souscription_aleatoire"),
    ]

    operations = [
        migrations.RunSQL(NORMALISER, migrations.RunSQL.noop),
        run_sql_file(
            "triggers/police_regles/0002.sql",
            "DROP TRIGGER police_controle ON numeros_police_congo; " + sql_file("triggers/police_regles/0001.sql"),
        ),
        migrations.RemoveConstraint(
            model_name="numeropolice",
            name="police_numero_format",
        ),
        migrations.AddConstraint(
            model_name="numeropolice",
            constraint=models.CheckConstraint(
                condition=models.Q(("numero_police__regex", "^CG-[0-9]{4}-(VIE|EPG|SAN)-([0-9]{3}|[1-9][0-9]{3,})$")),
                name="police_numero_format",
            ),
        ),
    ]
