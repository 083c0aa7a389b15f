"""Finding a client from what an agent types: a telephone, a police or souscription number, a name."""

import re
import unicodedata

from django.db.models import Q

from apps.clients.models import Client
from apps.clients.recherche import SansAccents

RESULTATS_MAXIMUM = 50


def sans_accents(texte: str) -> str:
    """Python twin of the SQL function pass_sans_accents, for the typed text."""
    decompose = unicodedata.normalize("NFKD", texte.lower().replace("œ", "oe").replace("æ", "ae"))
    return "".join(c for c in decompose if not unicodedata.combining(c))


def _telephone(texte: str) -> str | None:
    chiffres = re.sub(r"[\s.\-]", "", texte)
    if re.fullmatch(r"\+?[0-9]{9,12}", chiffres):
        chiffres = chiffres.lstrip("+")
        return "+242" + chiffres[-9:] if len(chiffres) >= 9 else None
    return None


def clients_rechercher(*, texte: str) -> list[Client]:
    """Every lookup is an index lookup: telephone (unique), police and souscription (unique), name prefixes."""
    from apps.souscriptions.services import police_numero_normaliser

    texte = (texte or "").strip()[:100]
    if not texte:
        return []
    telephone = _telephone(texte)
    if telephone:
        return list(Client.objects.filter(telephone=telephone))
    majuscules = texte.upper()
    if majuscules.startswith("CG-"):
        return list(Client.objects.filter(souscriptions__police__numero_police=police_numero_normaliser(majuscules)))
    if majuscules.startswith("PASS-"):
        return list(Client.objects.filter(souscriptions__numero_souscription=majuscules))
    requete = Client.objects.annotate(nom_sa=SansAccents("nom"), prenom_sa=SansAccents("prenom"))
    for mot in sans_accents(texte).split()[:4]:
        # Prefix LIKE on pass_sans_accents(nom|prenom): the text_pattern_ops indexes serve it.
        requete = requete.filter(Q(nom_sa__startswith=mot) | Q(prenom_sa__startswith=mot))
    return list(requete.order_by("nom", "prenom")[:RESULTATS_MAXIMUM])
