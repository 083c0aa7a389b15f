"""Name search read in index order: keys without accents in the "C" collation, the id last."""

import django.db.models.functions.comparison
from django.db import migrations, models

import apps.clients.recherche


class Migration(migrations.Migration):
    dependencies = [
        ("clients", "0003_libelles_accents"),
    ]

    # The new indexes first: the search and the list never go without one.
    operations = [
        migrations.AddIndex(
            model_name="client",
            index=models.Index(fields=["nom", "prenom", "id"], name="clients_nom_prenom_id_idx"),
        ),
        migrations.AddIndex(
            model_name="client",
            index=models.Index(
                django.db.models.functions.comparison.Collate(apps.clients.recherche.SansAccents("nom"), "C"),
                django.db.models.functions.comparison.Collate(apps.clients.recherche.SansAccents("prenom"), "C"),
                models.F("id"),
                name="clients_nom_cle_idx",
            ),
        ),
        migrations.AddIndex(
            model_name="client",
            index=models.Index(
                django.db.models.functions.comparison.Collate(apps.clients.recherche.SansAccents("prenom"), "C"),
                django.db.models.functions.comparison.Collate(apps.clients.recherche.SansAccents("nom"), "C"),
                models.F("id"),
                name="clients_prenom_cle_idx",
            ),
        ),
        migrations.RemoveIndex(model_name="client", name="clients_nom_prenom_idx"),
        migrations.RemoveIndex(model_name="client", name="clients_nom_sa_idx"),
        migrations.RemoveIndex(model_name="client", name="clients_prenom_sa_idx"),
    ]
