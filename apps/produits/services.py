import json

from django.conf import settings
from django.db import transaction

from apps.produits.models import Produit

REFERENCE_FILE = settings.BASE_DIR / "fixtures" / "produits.json"


@transaction.atomic
def produits_charger_reference() -> list[Produit]:
    """Create or update the three PASS from fixtures/produits.json (idempotent)."""
    produits = []
    for data in json.loads(REFERENCE_FILE.read_text(encoding="utf-8")):
        code = data.pop("code")
        produit, _ = Produit.objects.update_or_create(code=code, defaults={**data, "actif": True})
        produits.append(produit)
    return produits
