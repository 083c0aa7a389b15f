from apps.core.exceptions import NotFound
from apps.produits.models import Produit


def produits_actifs():
    return Produit.objects.filter(actif=True).order_by("code")


def produit_actif(*, code: str) -> Produit:
    produit = produits_actifs().filter(code=code.upper()).first()
    if produit is None:
        raise NotFound("Produit introuvable.", code="produit_introuvable")
    return produit
