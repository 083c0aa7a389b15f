"""Demo souscriptions waiting for a police (for the screenshots of the attribution in series)."""

import os
import sys
from datetime import timedelta
from pathlib import Path

import django

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nsia_pass_api.settings.local")
django.setup()

from apps.clients.models import Client  # noqa: E402
from apps.core.dates import aujourdhui  # noqa: E402
from apps.produits.models import Produit  # noqa: E402
from apps.souscriptions.models import Souscription  # noqa: E402
from apps.souscriptions.services import date_expiration_pour  # noqa: E402

PERSONNES = [
    ("+242068880001", "MILONGO", "Aïcha", "KIMIA"),
    ("+242068880002", "BOUKAKA", "Hervé", "SALISA"),
    ("+242068880003", "NKOUNKOU", "Célestine", "BATELA"),
]
for rang, (telephone, nom, prenom, code) in enumerate(PERSONNES, start=1):
    client, _ = Client.objects.get_or_create(
        telephone=telephone, defaults={"nom": nom, "prenom": prenom, "ville": "Brazzaville"}
    )
    debut = aujourdhui() - timedelta(days=rang)
    Souscription.objects.get_or_create(
        numero_souscription=f"PASS-{code}-{debut.year}-CAPTURE{rang:03d}",
        defaults={
            "client": client,
            "produit": Produit.objects.get(code=code),
            "montant_prime": 12000,
            "periodicite": "mensuelle",
            "date_effet": debut,
            "date_expiration": date_expiration_pour(debut),
            "statut": "activee",
            "canal": "borne",
        },
    )
