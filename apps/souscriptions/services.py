"""Writes on souscriptions and numéros de police."""

import re

from django.db import IntegrityError, transaction
from django.utils import timezone

from apps.agents.models import Agent
from apps.core.dates import aujourdhui
from apps.core.exceptions import ApplicationError, Conflict
from apps.core.services import compteur_suivant
from apps.produits.models import Produit
from apps.souscriptions.models import NumeroPolice, Souscription, StatutSouscription

FORMAT_POLICE = re.compile(r"^CG-(?P<annee>[0-9]{4})-(?P<categorie>VIE|EPG|SAN)-(?P<numero>[0-9]{3,})$")


def numero_souscription_generer(*, produit: Produit, annee: int) -> str:
    """PASS-<CODE>-<YYYY>-<NNNNNN>, from a per-produit, per-year counter."""
    rang = compteur_suivant(cle=f"souscription:{produit.code}:{annee}")
    return f"PASS-{produit.code}-{annee}-{rang:06d}"


def police_valider_numero(*, souscription: Souscription, numero_police: str) -> str:
    """Check a typed number: format, categorie of the produit, year, uniqueness."""
    numero = (numero_police or "").strip().upper()
    match = FORMAT_POLICE.match(numero)
    if not match:
        raise ApplicationError(
            "police_format_invalide",
            "Numéro de police invalide : format attendu CG-AAAA-CAT-NNN, par exemple CG-2024-VIE-001.",
            details={"numero_police": ["Format attendu CG-AAAA-CAT-NNN."]},
        )
    categorie = souscription.produit.categorie
    if match["categorie"] != categorie:
        raise ApplicationError(
            "police_categorie_invalide",
            f"La catégorie du numéro doit être {categorie} pour un {souscription.produit.libelle}.",
            details={"numero_police": [f"Catégorie attendue : {categorie}."]},
        )
    if int(match["annee"]) > aujourdhui().year:
        raise ApplicationError(
            "police_annee_invalide",
            "L'année du numéro de police ne peut pas être dans le futur.",
            details={"numero_police": ["Année future."]},
        )
    if NumeroPolice.objects.filter(numero_police=numero).exclude(souscription=souscription).exists():
        raise Conflict(
            "police_deja_attribuee",
            f"Le numéro {numero} est déjà attribué à une autre souscription.",
            details={"numero_police": ["Numéro déjà attribué."]},
        )
    return numero


def _prochain_numero_libre(*, categorie: str, annee: int) -> str:
    # Agents may type numbers by hand: skip any that are already taken.
    while True:
        rang = compteur_suivant(cle=f"police:{annee}:{categorie}")
        numero = f"CG-{annee}-{categorie}-{rang:03d}"
        if not NumeroPolice.objects.filter(numero_police=numero).exists():
            return numero


@transaction.atomic
def police_attribuer(
    *,
    souscription: Souscription,
    numero_police: str | None = None,
    agent: Agent | None = None,
    commentaire: str = "",
) -> NumeroPolice:
    """Give an activee souscription its numéro de police.

    With an agent: mode `manuel` (the typed number, or the next free one when none is typed).
    Without: mode `automatique`, the next free number for this year and categorie.
    """
    souscription = Souscription.objects.select_for_update().select_related("produit").get(pk=souscription.pk)
    if souscription.statut != StatutSouscription.ACTIVEE:
        raise Conflict(
            "souscription_non_activee",
            "Seule une souscription activée peut recevoir un numéro de police "
            f"(statut actuel : {souscription.get_statut_display().lower()}).",
        )
    if NumeroPolice.objects.filter(souscription=souscription).exists():
        raise Conflict("police_existante", "Cette souscription a déjà un numéro de police.")

    if numero_police:
        if agent is None:
            raise ApplicationError("agent_requis", "Un numéro saisi doit être attribué par un agent.")
        numero = police_valider_numero(souscription=souscription, numero_police=numero_police)
    else:
        numero = _prochain_numero_libre(categorie=souscription.produit.categorie, annee=aujourdhui().year)

    try:
        with transaction.atomic():
            return NumeroPolice.objects.create(
                souscription=souscription,
                numero_police=numero,
                mode_attribution=NumeroPolice.Mode.MANUEL if agent else NumeroPolice.Mode.AUTOMATIQUE,
                agent_attribueur=agent,
                date_attribution=timezone.now(),
                commentaire=commentaire,
            )
    except IntegrityError as exc:
        # Someone took the typed number between our check and our insert.
        raise Conflict("police_deja_attribuee", f"Le numéro {numero} vient d'être attribué ailleurs.") from exc
