"""Finding a client from what an agent types: a telephone, a police or souscription number, a name."""

import itertools
import re
import unicodedata

from django.db import connection

from apps.clients.models import Client
from apps.clients.recherche import cle

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
    return _clients_par_nom(sans_accents(texte).split()[:4])


def _prefixe(mots: list[str]) -> str | None | bool:
    """The one prefix a name must start with to start with every word: the longest word, if the
    others are its prefixes (None: no word; False: no name can start with all of them)."""
    if not mots:
        return None
    plus_long = max(mots, key=len)
    return plus_long if all(plus_long.startswith(m) for m in mots) else False


def _clients_par_nom(mots: list[str]) -> list[Client]:
    """Each word is a prefix of the nom or of the prénom (without accents). Every way of sharing
    the words between the two is one query with a prefix on the nom, the prénom or both, read in
    the order of an index (clients_nom_cle_idx, clients_prenom_cle_idx) and stopped at 50: no
    query walks or sorts the thousands of clients who share a common name.

    Clients found by their nom come first, in alphabetical order of nom then prénom; then those
    found by their prénom only, by prénom then nom.
    """
    base = Client.objects.annotate(nom_cle=cle("nom"), prenom_cle=cle("prenom"))
    par_nom: dict[int, Client] = {}
    par_prenom: dict[int, Client] = {}
    faites = set()
    for cotes in itertools.product((True, False), repeat=len(mots)):
        nom = _prefixe([m for m, cote_nom in zip(mots, cotes, strict=True) if cote_nom])
        prenom = _prefixe([m for m, cote_nom in zip(mots, cotes, strict=True) if not cote_nom])
        if nom is False or prenom is False or (nom, prenom) in faites:
            continue
        faites.add((nom, prenom))
        requete = base
        if nom:
            requete = requete.filter(nom_cle__startswith=nom)
        if prenom:
            requete = requete.filter(prenom_cle__startswith=prenom)
        ordre, trouves = (
            (("nom_cle", "prenom_cle", "pk"), par_nom) if nom else (("prenom_cle", "nom_cle", "pk"), par_prenom)
        )
        trouves.update((c.pk, c) for c in requete.order_by(*ordre)[:RESULTATS_MAXIMUM])
    resultats = sorted(par_nom.values(), key=lambda c: (c.nom_cle, c.prenom_cle, c.pk))
    resultats += sorted(
        (c for pk, c in par_prenom.items() if pk not in par_nom), key=lambda c: (c.prenom_cle, c.nom_cle, c.pk)
    )
    return resultats[:RESULTATS_MAXIMUM]


# A loose index scan: each step one probe of clients_ville_idx for the next ville, where
# SELECT DISTINCT reads every client (200 ms at 1 million, on every page of the clients' list).
VILLES_PAR_L_INDEX = """
WITH RECURSIVE villes AS (
    SELECT min(ville) AS ville FROM clients_pass WHERE ville > ''
    UNION ALL
    SELECT (SELECT min(c.ville) FROM clients_pass c WHERE c.ville > villes.ville)
      FROM villes WHERE villes.ville IS NOT NULL
)
SELECT ville FROM villes WHERE ville IS NOT NULL
"""


def villes_des_clients() -> list[str]:
    """The clients' villes (filled in), in order: a few dozen values among a million clients."""
    with connection.cursor() as cursor:
        cursor.execute(VILLES_PAR_L_INDEX)
        return [ligne[0] for ligne in cursor.fetchall()]
