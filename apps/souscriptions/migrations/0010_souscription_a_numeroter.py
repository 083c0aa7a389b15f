"""Souscriptions à numéroter read from a partial index: column a_numeroter kept by triggers."""

from django.db import migrations, models

from apps.core.sql import run_sql_file

# The souscriptions already waiting (activated, no police) before the triggers keep the column.
REMPLIR = """
UPDATE souscriptions_pass s SET a_numeroter = true
 WHERE s.statut = 'activee' AND NOT EXISTS (SELECT 1 FROM numeros_police_congo np WHERE np.souscription_id = s.id);
"""


class Migration(migrations.Migration):
    dependencies = [
        ("souscriptions", "0009_libelles_accents"),
    ]

    operations = [
        migrations.AddField(
            model_name="souscription",
            name="a_numeroter",
            field=models.BooleanField(db_default=False, editable=False, verbose_name="à numéroter"),
        ),
        migrations.RunSQL(REMPLIR, migrations.RunSQL.noop),
        run_sql_file(
            "triggers/souscription_a_numeroter/0001.sql",
            "DROP TRIGGER souscription_a_numeroter ON souscriptions_pass;"
            " DROP TRIGGER police_a_numeroter_insertion ON numeros_police_congo;"
            " DROP TRIGGER police_a_numeroter_suppression ON numeros_police_congo;"
            " DROP TRIGGER police_a_numeroter_changement ON numeros_police_congo;"
            " DROP FUNCTION souscription_a_numeroter_calcul(); DROP FUNCTION police_a_numeroter_maj();",
        ),
        migrations.AddIndex(
            model_name="souscription",
            index=models.Index(
                condition=models.Q(("a_numeroter", True)),
                fields=["date_souscription", "id"],
                name="souscriptions_a_numeroter_idx",
            ),
        ),
    ]
