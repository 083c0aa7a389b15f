"""Payments: the server decides the type, checks the amount and the payer, and applies results."""

import re
import secrets
from datetime import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from apps.borne_auth.models import Borne
from apps.core.dates import aujourdhui
from apps.core.exceptions import ApplicationError, Conflict
from apps.core.telephone import FORMAT_TELEPHONE, operateur
from apps.notifications.services import paiement_echec_notifier, paiement_succes_notifier
from apps.paiements.models import ModePaiement, Paiement, StatutPaiement, TypePaiement
from apps.souscriptions.models import Contrat, Souscription, StatutSouscription
from apps.souscriptions.selectors import contrat_renouvelable, montant_echeance
from apps.souscriptions.services import souscription_activer, souscription_renouveler

# MTN's sandbox test payers (momo.md), accepted only while the operator is a sandbox.
NUMERO_TEST_MTN = re.compile(r"^46733123[0-9]{3}$")
# One payment may cover up to two years of premium, and never more than this.
MONTANT_MAXIMUM_ABSOLU = 5_000_000


def reference_generer() -> str:
    """Our unique payment reference, short enough to read out at the kiosk."""
    return f"PAY-{timezone.localdate():%Y%m%d}-{secrets.token_hex(5).upper()}"


def operateur_est_bac_a_sable() -> bool:
    return settings.MOMO_TARGET_ENVIRONMENT == "sandbox"


def payeur_valider(numero_payeur: str) -> tuple[str, str]:
    """(mode_paiement, normalised number) for a payer, or a clear French refusal."""
    numero = (numero_payeur or "").strip()
    if operateur_est_bac_a_sable() and NUMERO_TEST_MTN.match(numero):
        return ModePaiement.MTN_MOMO, numero
    if not FORMAT_TELEPHONE.match(numero):
        raise ApplicationError(
            "numero_payeur_invalide",
            "Numéro du payeur invalide : +242 suivi de 9 chiffres (un numéro MTN commence par 06).",
            details={"numero_payeur": ["Format attendu : +242061234567."]},
        )
    if operateur(numero) != "mtn":
        raise ApplicationError(
            "operateur_non_disponible",
            "Seul MTN Mobile Money est disponible à la borne pour l'instant : utilisez un numéro MTN (06).",
            details={"numero_payeur": ["Numéro MTN (06) requis."]},
        )
    return ModePaiement.MTN_MOMO, numero


def type_paiement_choisir(*, contrat: Contrat, renouvellement: bool, jour) -> str:
    """domain.md's rule: renewal when asked and allowed, rattrapage with arrears, else cotisation."""
    if contrat.etat == "resilie":
        raise Conflict("contrat_resilie", "Ce contrat est résilié : il ne peut plus recevoir de paiement.")
    if renouvellement:
        if not contrat_renouvelable(contrat, jour):
            raise Conflict(
                "renouvellement_impossible",
                "Ce contrat ne peut pas encore être renouvelé : le renouvellement est possible à partir de "
                "30 jours avant l'échéance du contrat et jusqu'à 90 jours après.",
            )
        return TypePaiement.RENOUVELLEMENT
    if contrat.arrieres > 0:
        return TypePaiement.RATTRAPAGE
    if contrat.etat == "expire":
        raise Conflict(
            "contrat_expire",
            "Ce contrat a expiré : choisissez « Renouveler » pour le prolonger d'un an.",
        )
    return TypePaiement.COTISATION


def montant_valider(*, montant: int, souscription: Souscription, minimum: int | None = None) -> int:
    plancher = max(souscription.produit.montant_minimum, minimum or 0)
    plafond = min(2 * souscription.montant_prime, MONTANT_MAXIMUM_ABSOLU)
    if montant < plancher:
        raise ApplicationError(
            "montant_trop_faible",
            f"Le montant minimum est de {plancher:,} FCFA.".replace(",", " "),
            details={"montant": [f"Au moins {plancher} FCFA."]},
        )
    if montant > plafond:
        raise ApplicationError(
            "montant_trop_eleve",
            f"Le montant maximum pour ce contrat est de {plafond:,} FCFA.".replace(",", " "),
            details={"montant": [f"Au plus {plafond} FCFA."]},
        )
    return montant


@transaction.atomic
def paiement_creer(
    *,
    souscription: Souscription,
    montant: int,
    type_paiement: str,
    numero_payeur: str,
    canal: str,
    borne: Borne | None,
) -> Paiement:
    """Record a pending MoMo paiement and its transaction (X-Reference-Id stored before sending)."""
    from apps.mtn_integration.services import transaction_preparer

    mode, payeur = payeur_valider(numero_payeur)
    paiement = Paiement.objects.create(
        reference=reference_generer(),
        souscription=souscription,
        montant=montant,
        type_paiement=type_paiement,
        mode_paiement=mode,
        numero_payeur=payeur,
        statut=StatutPaiement.EN_ATTENTE,
        canal=canal,
        borne=borne,
    )
    transaction_preparer(paiement=paiement)
    return paiement


def paiement_initier_sur_contrat(
    *,
    contrat: Contrat,
    montant: int,
    numero_payeur: str | None,
    renouvellement: bool,
    borne: Borne | None,
    session_id=None,
) -> Paiement:
    """A payment on a contrat from the kiosk; its request-to-pay job commits with it.

    The abuse limits are counted first (their advisory locks always come before the row lock:
    no deadlock), then concurrent payments on one souscription are serialised on its row: the
    type (renewal window included) and "one pending payment per contrat" are decided under that
    lock (docs/paiements.md, docs/securite-identite.md).
    """
    from apps.mtn_integration.services import envoi_planifier
    from apps.paiements.limites import paiement_limites_appliquer

    jour = aujourdhui()
    # The contrat's and the amount's refusals come first (expired, too little…), before the
    # payer's; all are decided again under the lock below.
    paiement_sur_contrat_decider(contrat=contrat, montant=montant, renouvellement=renouvellement, jour=jour)
    _, payeur = payeur_valider(numero_payeur or contrat.client_telephone)
    with transaction.atomic():
        paiement_limites_appliquer(numero_payeur=payeur, borne=borne, session_id=session_id)
        Souscription.objects.select_for_update().only("pk").get(pk=contrat.pk)  # the row lock
        contrat = Contrat.objects.get(pk=contrat.pk)  # read again under the lock
        souscription, type_paiement = paiement_sur_contrat_decider(
            contrat=contrat, montant=montant, renouvellement=renouvellement, jour=jour
        )
        paiement_en_cours_refuser(souscription=souscription)
        paiement = paiement_creer(
            souscription=souscription,
            montant=montant,
            type_paiement=type_paiement,
            numero_payeur=payeur,
            canal="borne" if borne else "agence",
            borne=borne,
        )
        envoi_planifier(paiement=paiement)
    return paiement


def paiement_sur_contrat_decider(*, contrat: Contrat, montant: int, renouvellement: bool, jour):
    """(souscription, type_paiement) of a payment on a contrat, or the refusal of its amount or type."""
    souscription = Souscription.objects.select_related("produit").get(pk=contrat.pk)
    type_paiement = type_paiement_choisir(contrat=contrat, renouvellement=renouvellement, jour=jour)
    minimum = montant_echeance(montant_prime=contrat.montant_prime, periodicite=contrat.periodicite)
    montant_valider(
        montant=montant,
        souscription=souscription,
        minimum=minimum if type_paiement == TypePaiement.RENOUVELLEMENT else None,
    )
    return souscription, type_paiement


def paiement_en_cours_refuser(*, souscription: Souscription) -> None:
    """At most one en_attente payment per souscription (the caller holds its row lock)."""
    en_cours = (
        Paiement.objects.filter(souscription=souscription, statut=StatutPaiement.EN_ATTENTE)
        .values_list("reference", flat=True)
        .first()
    )
    if en_cours:
        raise Conflict(
            "paiement_en_cours",
            "Un paiement est déjà en attente de validation sur le téléphone. Patientez quelques instants.",
            details={"reference": en_cours},
        )


def paiement_confirmer(*, paiement: Paiement, reference_operateur: str, quand: datetime | None = None) -> Paiement:
    """Success, once: the paiement and its effects on the souscription change together.

    The caller holds the paiement's row lock (select_for_update) inside a transaction.
    """
    if paiement.statut == StatutPaiement.SUCCES:
        return paiement
    quand = quand or timezone.now()
    paiement.statut = StatutPaiement.SUCCES
    paiement.reference_operateur = reference_operateur or None
    paiement.date_confirmation = quand
    paiement.motif_echec = ""
    paiement.save(update_fields=["statut", "reference_operateur", "date_confirmation", "motif_echec"])

    souscription = Souscription.objects.select_for_update().get(pk=paiement.souscription_id)
    if paiement.type_paiement == TypePaiement.SOUSCRIPTION_INITIALE:
        if souscription.statut in {StatutSouscription.EN_ATTENTE_PAIEMENT, StatutSouscription.ANNULEE}:
            souscription_activer(souscription=souscription, jour=aujourdhui())
    elif paiement.type_paiement == TypePaiement.RENOUVELLEMENT:
        souscription_renouveler(souscription=souscription)
    paiement_succes_notifier(paiement=paiement)
    return paiement


def paiement_echouer(*, paiement: Paiement, motif: str) -> Paiement:
    """Failure: the paiement ends in echec; a first payment leaves the souscription waiting."""
    if paiement.statut != StatutPaiement.EN_ATTENTE:
        return paiement
    paiement.statut = StatutPaiement.ECHEC
    paiement.motif_echec = motif[:255]
    paiement.save(update_fields=["statut", "motif_echec"])
    paiement_echec_notifier(paiement=paiement)
    return paiement


@transaction.atomic
def paiement_especes_enregistrer(*, souscription: Souscription, montant: int, renouvellement: bool, agent) -> Paiement:
    """Cash received by an agent: succes at once, with the same type rules and effects as MoMo."""
    souscription = Souscription.objects.select_for_update().select_related("produit").get(pk=souscription.pk)
    jour = aujourdhui()
    if souscription.statut == StatutSouscription.EN_ATTENTE_PAIEMENT:
        type_paiement = TypePaiement.SOUSCRIPTION_INITIALE
        minimum = montant_echeance(montant_prime=souscription.montant_prime, periodicite=souscription.periodicite)
    else:
        contrat = Contrat.objects.filter(pk=souscription.pk).first()
        if contrat is None:
            raise Conflict("sans_police", "Cette souscription n'a pas encore de numéro de police.")
        type_paiement = type_paiement_choisir(contrat=contrat, renouvellement=renouvellement, jour=jour)
        minimum = None
    montant_valider(montant=montant, souscription=souscription, minimum=minimum)
    paiement = Paiement.objects.create(
        reference=reference_generer(),
        souscription=souscription,
        montant=montant,
        type_paiement=type_paiement,
        mode_paiement=ModePaiement.ESPECES,
        numero_payeur="",
        statut=StatutPaiement.EN_ATTENTE,
        canal="agence",
    )
    paiement = Paiement.objects.select_for_update().get(pk=paiement.pk)
    return paiement_confirmer(paiement=paiement, reference_operateur=f"ESPECES-{agent.matricule}-{paiement.pk}")
