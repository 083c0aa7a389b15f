"""The kiosk's journeys that take money: pay a contrat, subscribe, relaunch a first payment.

They sit above both the payment core (`apps.paiements`: a payment's life, its gateways, its
effects on the souscription) and the souscriptions (`apps.souscriptions`: the contract's own
rules), so that neither imports the other back (docs/architecture.md). Each journey checks
everything first, then writes in one transaction whose commit also queues the operator job.
"""

from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from apps.borne_auth.models import Borne
from apps.clients.models import Client
from apps.clients.preuves import preuve_telephone_exiger
from apps.core.dates import aujourdhui
from apps.core.exceptions import ApplicationError, Conflict
from apps.paiements.limites import paiement_limites_appliquer
from apps.paiements.models import Paiement, StatutPaiement, TypePaiement
from apps.paiements.services import (
    envoi_planifier,
    paiement_creer,
    paiement_en_cours_refuser,
    paiement_sur_contrat_decider,
    payeur_valider,
)
from apps.produits.models import Produit
from apps.souscriptions.limites import souscription_limites_appliquer
from apps.souscriptions.models import Beneficiaire, Contrat, Souscription, StatutSouscription
from apps.souscriptions.selectors import montant_echeance
from apps.souscriptions.services import (
    DELAI_ABANDON,
    beneficiaires_valider,
    date_expiration_pour,
    numero_souscription_generer,
    souscription_relancable,
    souscription_valider_montant,
)


def paiement_initier_sur_contrat(
    *,
    contrat: Contrat,
    montant: int,
    numero_payeur: str | None,
    renouvellement: bool,
    borne: Borne | None,
    session_id=None,
    operateur: str | None = None,
) -> Paiement:
    """A payment on a contrat from the kiosk; its request-to-pay job commits with it.

    The abuse limits are counted first (their advisory locks always come before the row lock:
    no deadlock), then concurrent payments on one souscription are serialised on its row: the
    type (renewal window included) and "one pending payment per contrat" are decided under that
    lock (docs/paiements.md, docs/securite-identite.md).
    """
    jour = aujourdhui()
    # The contrat's and the amount's refusals come first (expired, too little…), before the
    # payer's; all are decided again under the lock below.
    paiement_sur_contrat_decider(contrat=contrat, montant=montant, renouvellement=renouvellement, jour=jour)
    _, payeur = payeur_valider(numero_payeur or contrat.client_telephone, operateur)
    with transaction.atomic():
        paiement_limites_appliquer(numero_payeur=payeur, borne=borne, session_id=session_id)
        # The row lock and the souscription's read in one statement.
        souscription = Souscription.objects.select_for_update(of=("self",)).select_related("produit").get(pk=contrat.pk)
        contrat = Contrat.objects.get(pk=contrat.pk)  # read again under the lock
        souscription, type_paiement = paiement_sur_contrat_decider(
            contrat=contrat, montant=montant, renouvellement=renouvellement, jour=jour, souscription=souscription
        )
        paiement_en_cours_refuser(souscription=souscription)
        paiement = paiement_creer(
            souscription=souscription,
            montant=montant,
            type_paiement=type_paiement,
            numero_payeur=payeur,
            canal="borne" if borne else "agence",
            borne=borne,
            operateur=operateur,
        )
        envoi_planifier(paiement=paiement)
    return paiement


def souscription_creer(
    *,
    client_donnees: dict,
    produit: Produit,
    montant_prime: int,
    periodicite: str,
    beneficiaires: list[dict],
    numero_payeur: str,
    borne,
    operateur: str | None = None,
    code_preuve: str | None = None,
):
    """A new PASS from a kiosk: validated whole first, then written in one transaction.

    The client is found by telephone (names never overwritten) or created; the souscription
    waits for its first payment, requested through MoMo once the transaction has committed.
    Returns (souscription, paiement).
    """
    if not produit.actif:
        raise ApplicationError("produit_inactif", "Ce produit n'est plus proposé.")
    souscription_valider_montant(produit=produit, montant_prime=montant_prime, periodicite=periodicite)
    beneficiaires_valider(beneficiaires=beneficiaires)
    _, payeur = payeur_valider(numero_payeur, operateur)
    preuve_telephone_exiger(telephone=client_donnees["telephone"], numero_payeur=payeur, code_preuve=code_preuve)
    premiere = montant_echeance(montant_prime=montant_prime, periodicite=periodicite, rang=1)

    jour = aujourdhui()
    with transaction.atomic():
        souscription_limites_appliquer(telephone=client_donnees["telephone"], borne=borne)
        paiement_limites_appliquer(numero_payeur=payeur, borne=borne)
        client, _ = Client.objects.get_or_create(
            telephone=client_donnees["telephone"],
            defaults={k: v for k, v in client_donnees.items() if k != "telephone" and v is not None},
        )
        souscription = Souscription.objects.create(
            numero_souscription=numero_souscription_generer(produit=produit, annee=jour.year),
            client=client,
            produit=produit,
            montant_prime=montant_prime,
            periodicite=periodicite,
            date_effet=jour,
            date_expiration=date_expiration_pour(jour),
            statut=StatutSouscription.EN_ATTENTE_PAIEMENT,
            canal="borne",
            borne=borne,
        )
        for donnees in beneficiaires:
            Beneficiaire.objects.create(souscription=souscription, **donnees)
        paiement = _premier_paiement_envoyer(
            souscription=souscription, montant=premiere, numero_payeur=numero_payeur, borne=borne, operateur=operateur
        )
    return souscription, paiement


def souscription_relancer_paiement(
    *,
    numero_souscription: str,
    numero_payeur: str,
    borne,
    operateur: str | None = None,
    code_preuve: str | None = None,
):
    """A new attempt at the first payment of a souscription still waiting for it.

    Returns (souscription, paiement). Refused while an attempt is pending, and once the
    souscription is activated or abandoned.
    """
    _, payeur = payeur_valider(numero_payeur, operateur)
    with transaction.atomic():
        paiement_limites_appliquer(numero_payeur=payeur, borne=borne)
        souscription = souscription_relancable(
            numero_souscription=numero_souscription, borne=borne, numero_payeur=payeur, code_preuve=code_preuve
        )
        if souscription.statut != StatutSouscription.EN_ATTENTE_PAIEMENT:
            raise Conflict(
                "souscription_pas_en_attente",
                "Cette souscription n'attend plus de premier paiement "
                f"(statut : {souscription.get_statut_display().lower()}).",
            )
        paiement_en_cours_refuser(souscription=souscription)
        paiement = _premier_paiement_envoyer(
            souscription=souscription,
            montant=montant_echeance(
                montant_prime=souscription.montant_prime, periodicite=souscription.periodicite, rang=1
            ),
            numero_payeur=numero_payeur,
            borne=borne,
            operateur=operateur,
        )
    return souscription, paiement


def _premier_paiement_envoyer(*, souscription, montant: int, numero_payeur: str, borne, operateur) -> Paiement:
    """The first payment of a souscription and its operator job, in the caller's transaction."""
    paiement = paiement_creer(
        souscription=souscription,
        montant=montant,
        type_paiement=TypePaiement.SOUSCRIPTION_INITIALE,
        numero_payeur=numero_payeur,
        canal="borne",
        borne=borne,
        operateur=operateur,
    )
    envoi_planifier(paiement=paiement)
    return paiement


def souscriptions_abandonnees_annuler() -> int:
    """en_attente_paiement for more than DELAI_ABANDON with no payment pending → annulee."""
    en_cours = Paiement.objects.filter(souscription=OuterRef("pk"), statut=StatutPaiement.EN_ATTENTE)
    return (
        Souscription.objects.filter(
            statut=StatutSouscription.EN_ATTENTE_PAIEMENT, date_souscription__lt=timezone.now() - DELAI_ABANDON
        )
        .exclude(Exists(en_cours))
        .update(statut=StatutSouscription.ANNULEE)
    )
