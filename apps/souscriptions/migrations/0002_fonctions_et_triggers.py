from django.db import migrations

from apps.core.sql import run_sql_file


class Migration(migrations.Migration):
    dependencies = [
        ("souscriptions", "0001_initial"),
        ("produits", "0001_initial"),
    ]

    operations = [
        run_sql_file(
            "functions/0001_pass_functions.sql",
            "DROP FUNCTION pass_echeances_par_an(text); DROP FUNCTION pass_aujourdhui();",
        ),
        run_sql_file(
            "triggers/beneficiaires_max/0001.sql",
            "DROP TRIGGER beneficiaires_controle ON beneficiaires_pass; DROP FUNCTION beneficiaires_controle();",
        ),
        run_sql_file(
            "triggers/souscription_echeance_minimum/0001.sql",
            "DROP TRIGGER souscription_controle_echeance ON souscriptions_pass;"
            " DROP FUNCTION souscription_controle_echeance();",
        ),
        run_sql_file(
            "triggers/police_regles/0001.sql",
            "DROP TRIGGER police_controle ON numeros_police_congo; DROP FUNCTION police_controle();",
        ),
    ]
