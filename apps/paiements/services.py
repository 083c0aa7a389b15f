"""Payments: the server decides the type, checks the amount and the payer, and applies results."""

import secrets
import uuid
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from apps.agents.models import ActionJournalisee
from apps.agents.services import action_journaliser
from apps.borne_auth.models import Borne
from apps.core.dates import aujourdhui
from apps.core.exceptions import ApplicationError, Conflict
from apps.core.telephone import FORMAT_TELEPHONE
from apps.mtn_integration.models import TransactionMomo
from apps.notifications.services import paiement_echec_notifier, paiement_succes_notifier
from apps.paiements.models import ModePaiement, Paiement, StatutPaiement, TypePaiement
from apps.paiements.payeurs import NUMERO_TEST_AIRTEL, NUMERO_TEST_MTN, operateur_du_numero, operateur_est_bac_a_sable
from apps.paiements.travaux import envoi_differer
from apps.souscriptions.models import Contrat, Souscription, StatutSouscription
from apps.souscriptions.selectors import contrat_renouvelable, montant_echeance
from apps.souscriptions.services import souscription_activer, souscription_renouveler

# One payment may cover up to two years of premium, and never more than this.
MONTANT_MAXIMUM_ABSOLU = 5_000_000
NOMS_OPERATEURS = {ModePaiement.MTN_MOMO: "MTN Mobile Money", ModePaiement.AIRTEL_MONEY: "Airtel Money"}
OPERATEURS_MOBILES = tuple(NOMS_OPERATEURS)


def reference_generer() -> str:
    """Our unique payment reference, short enough to read out at the kiosk."""
    return f"PAY-{timezone.localdate():%Y%m%d}-{secrets.token_hex(5).upper()}"


def payeur_valider(numero_payeur: str, operateur: str | None = None) -> tuple[str, str]:
    """(mode_paiement, normalised number) for a payer and the operator chosen (default: from the
    number), or a clear French refusal that says what to do."""
    numero = (numero_payeur or "").strip()
    if operateur not in (None, "", *OPERATEURS_MOBILES):
        raise ApplicationError(
            "operateur_invalide",
            "Opérateur inconnu : choisissez MTN Mobile Money (mtn_momo) ou Airtel Money (airtel_money).",
            details={"operateur": ["Valeurs possibles : mtn_momo, airtel_money."]},
        )
    if NUMERO_TEST_MTN.match(numero) and operateur in (None, "", ModePaiement.MTN_MOMO):
        if operateur_est_bac_a_sable(ModePaiement.MTN_MOMO):
            return ModePaiement.MTN_MOMO, numero
    if not FORMAT_TELEPHONE.match(numero):
        raise ApplicationError(
            "numero_payeur_invalide",
            "Numéro du payeur invalide : +242 suivi de 9 chiffres (MTN commence par 06, Airtel par 05 ou 04).",
            details={"numero_payeur": ["Format attendu : +242061234567 ou +242051234567."]},
        )
    if NUMERO_TEST_AIRTEL.match(numero) and not operateur_est_bac_a_sable(ModePaiement.AIRTEL_MONEY):
        raise ApplicationError(
            "numero_payeur_invalide",
            "Ce numéro de test n'est accepté qu'en mode bac à sable : saisissez votre numéro Airtel.",
            details={"numero_payeur": ["Numéro de test du bac à sable Airtel."]},
        )
    du_numero = operateur_du_numero(numero)
    mode = operateur or du_numero
    if mode is None:
        raise ApplicationError(
            "operateur_non_disponible",
            "Ce numéro n'est ni MTN ni Airtel : payez avec un numéro MTN Mobile Money (06) ou Airtel Money (05, 04).",
            details={"numero_payeur": ["Numéro MTN (06) ou Airtel (05, 04) requis."]},
        )
    # 06 and 05 can only be MTN and Airtel numbers; a 04 number (Warid's) may be either.
    if du_numero is not None and du_numero != mode and numero[4:6] in {"06", "05"}:
        raise ApplicationError(
            "operateur_incoherent",
            f"Ce numéro est un numéro {NOMS_OPERATEURS[du_numero]} : choisissez {NOMS_OPERATEURS[du_numero]} "
            f"ou saisissez un numéro {NOMS_OPERATEURS[mode]}.",
            details={"operateur": [f"Le numéro est servi par {NOMS_OPERATEURS[du_numero]}."]},
        )
    return mode, numero


def type_paiement_choisir(*, contrat: Contrat, renouvellement: bool, jour) -> str:
    """The PASS rule: renewal when asked and allowed, rattrapage with arrears, else cotisation."""
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


# No savepoint of its own (two round trips to PostgreSQL): both callers run it inside their
# own atomic block, whose savepoint already undoes it on any error.
@transaction.atomic(savepoint=False)
def paiement_creer(
    *,
    souscription: Souscription,
    montant: int,
    type_paiement: str,
    numero_payeur: str,
    canal: str,
    borne: Borne | None,
    operateur: str | None = None,
) -> Paiement:
    """Record a pending paiement and its operator transaction (our id stored before sending)."""
    mode, payeur = payeur_valider(numero_payeur, operateur)
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


# The first status check comes this long after the request is sent.
PREMIERE_VERIFICATION = timedelta(seconds=5)


def transaction_preparer(*, paiement: Paiement) -> TransactionMomo:
    """Store the operator transaction and its id before anything is sent to the operator."""
    transaction_operateur = TransactionMomo(
        paiement=paiement,
        reference_id=uuid.uuid4(),
        montant=paiement.montant,
        devise=settings.AIRTEL_CURRENCY
        if paiement.mode_paiement == ModePaiement.AIRTEL_MONEY
        else settings.MOMO_CURRENCY,
        payeur=paiement.numero_payeur.lstrip("+"),
        prochaine_verification=timezone.now() + PREMIERE_VERIFICATION,
    )
    transaction_operateur.historique.append(
        {
            "date": timezone.now().isoformat(),
            "statut": TransactionMomo.Statut.A_ENVOYER,
            "source": "creation",
            "raison": "",
        }
    )
    transaction_operateur.save()
    return transaction_operateur


def envoi_planifier(*, paiement: Paiement) -> None:
    """Queue the request to pay in the paiement's own database transaction (no commit, no job)."""
    envoi_differer(reference_id=paiement.transaction_momo.reference_id)


def paiement_sur_contrat_decider(
    *, contrat: Contrat, montant: int, renouvellement: bool, jour, souscription: Souscription | None = None
):
    """(souscription, type_paiement) of a payment on a contrat, or the refusal of its amount or type.

    `souscription`: the contrat's, with its produit, when the caller has just read it (locked)."""
    if souscription is None:
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
    paiement = paiement_confirmer(paiement=paiement, reference_operateur=f"ESPECES-{agent.matricule}-{paiement.pk}")
    # Who took the cash: the agent, in the reference and in the journal.
    action_journaliser(
        utilisateur=agent.user,
        action=ActionJournalisee.PAIEMENT_ESPECES,
        objet=f"paiement {paiement.reference}",
        details={"souscription": souscription.numero_souscription, "montant": montant, "type": type_paiement},
    )
    return paiement
