from django.db import migrations

from apps.core.sql import run_sql_file


class Migration(migrations.Migration):
    dependencies = [("paiements", "0001_initial")]

    operations = [
        run_sql_file(
            "triggers/paiement_succes_immuable/0001.sql",
            "DROP TRIGGER paiement_succes_immuable ON paiements_pass; DROP FUNCTION paiement_succes_immuable();",
        ),
    ]
