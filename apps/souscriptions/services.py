"""Writes on souscriptions and numéros de police."""

import re
import secrets
from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from apps.agents.models import ActionJournalisee, Agent
from apps.agents.services import action_journaliser, est_superviseur
from apps.clients.models import Client
from apps.clients.preuves import PreuveTelephoneRequise, preuve_par_code_valide, preuve_telephone_exiger
from apps.core.dates import aujourdhui
from apps.core.exceptions import ApplicationError, Conflict, NotFound
from apps.core.services import compteur_suivant
from apps.notifications.services import beneficiaire_changement_notifier, canal_configure, police_attribuee_notifier
from apps.produits.models import ECHEANCES_PAR_AN, Produit
from apps.souscriptions.models import (
    Beneficiaire,
    HistoriquePolice,
    JournalBeneficiaire,
    NumeroPolice,
    Souscription,
    StatutSouscription,
)
from apps.souscriptions.selectors import montant_echeance

FORMAT_POLICE = re.compile(r"^CG-(?P<annee>[0-9]{4})-(?P<categorie>VIE|EPG|SAN)-(?P<numero>[0-9]{3,})$")


# Crockford's base-32 alphabet: no I, L, O or U to misread when a number is read out.
ALPHABET_NUMERO = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def numero_souscription_generer(*, produit: Produit, annee: int) -> str:
    """PASS-<CODE>-<YYYY>-<10 random characters>: 50 random bits, nobody guesses a neighbour's number.

    The kiosk relaunches a first payment by this number (docs/securite-identite.md).
    """
    while True:
        aleatoire = "".join(secrets.choice(ALPHABET_NUMERO) for _ in range(10))
        numero = f"PASS-{produit.code}-{annee}-{aleatoire}"
        if not Souscription.objects.filter(numero_souscription=numero).exists():
            return numero


def police_numero_normaliser(numero_police: str) -> str:
    """CG-2026-VIE-0001 and CG-2026-VIE-001 are one number: the number part keeps 3 digits at least."""
    numero = (numero_police or "").strip().upper()
    match = FORMAT_POLICE.match(numero)
    if not match:
        return numero
    return f"CG-{match['annee']}-{match['categorie']}-{int(match['numero']):03d}"


def police_valider_numero(*, souscription: Souscription, numero_police: str) -> str:
    """Check a typed number and return its normal form: format, categorie, year, uniqueness by value.

    The year is that of the attribution: from the year the souscription was made (a police
    never predates it; the older numbers of a book of paper contracts are not typed here) to
    this year.
    """
    numero = police_numero_normaliser(numero_police)
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
    annee = int(match["annee"])
    if annee > aujourdhui().year:
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
    annee_souscription = timezone.localtime(souscription.date_souscription).year
    if annee < annee_souscription:
        raise ApplicationError(
            "police_annee_invalide",
            f"L'année du numéro de police ne peut pas être antérieure à la souscription ({annee_souscription}).",
            details={"numero_police": [f"Année entre {annee_souscription} et {aujourdhui().year}."]},
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
            police = NumeroPolice.objects.create(
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
    if agent is not None:
        action_journaliser(
            utilisateur=agent.user,
            action=ActionJournalisee.ATTRIBUTION_POLICE,
            objet=f"souscription {souscription.numero_souscription}",
            details={"numero_police": numero, "saisi": bool(numero_police), "commentaire": commentaire},
        )
    police_attribuee_notifier(police=police)
    return police


@dataclass(frozen=True)
class AttributionEnSerie:
    souscription: Souscription
    numero_police: str | None  # None: refused, see erreur
    erreur: str = ""


ATTRIBUTION_EN_SERIE_MAXIMUM = 100


def polices_attribuer_en_serie(*, souscriptions: list[Souscription], agent: Agent) -> list[AttributionEnSerie]:
    """The next free number to each souscription, in the given order; one refusal stops only its own line."""
    if len(souscriptions) > ATTRIBUTION_EN_SERIE_MAXIMUM:
        raise ApplicationError(
            "serie_trop_longue",
            f"Au plus {ATTRIBUTION_EN_SERIE_MAXIMUM} souscriptions à la fois.",
        )
    resultats = []
    for souscription in souscriptions:
        try:
            police = police_attribuer(souscription=souscription, agent=agent, commentaire="Attribution en série")
        except ApplicationError as exc:
            resultats.append(AttributionEnSerie(souscription, None, exc.message))
        else:
            resultats.append(AttributionEnSerie(souscription, police.numero_police))
    return resultats


def date_expiration_pour(date_effet: date, annees: int = 1) -> date:
    """Coverage of whole years: effet + 12 months − 1 day."""
    return date_effet + relativedelta(years=annees) - timedelta(days=1)


def souscription_activer(*, souscription: Souscription, jour: date) -> Souscription:
    """First payment confirmed: coverage starts that day; automatic police when the mode is on."""
    souscription.statut = StatutSouscription.ACTIVEE
    souscription.date_effet = jour
    souscription.date_expiration = date_expiration_pour(jour)
    souscription.save(update_fields=["statut", "date_effet", "date_expiration"])
    if settings.PASS_ATTRIBUTION_AUTOMATIQUE:
        police_attribuer(souscription=souscription)
    return souscription


def souscription_renouveler(*, souscription: Souscription) -> Souscription:
    """A renewal paid: one more year, contiguous with the previous one."""
    souscription.date_expiration = date_expiration_pour(souscription.date_expiration + timedelta(days=1))
    souscription.save(update_fields=["date_expiration"])
    return souscription


def souscription_valider_montant(*, produit: Produit, montant_prime: int, periodicite: str) -> None:
    if periodicite not in produit.periodicites_autorisees:
        raise ApplicationError(
            "periodicite_non_autorisee",
            f"La périodicité « {periodicite} » n'est pas proposée pour {produit.libelle}.",
            details={"periodicite": ["Périodicité non proposée pour ce produit."]},
        )
    if montant_echeance(montant_prime=montant_prime, periodicite=periodicite) < produit.montant_minimum:
        minimum = produit.montant_minimum * ECHEANCES_PAR_AN[periodicite]
        raise ApplicationError(
            "montant_trop_faible",
            f"Chaque échéance doit être d'au moins {produit.montant_minimum} FCFA : "
            f"prime annuelle minimale {minimum:,} FCFA en {periodicite}.".replace(",", " "),
            details={"montant_prime": [f"Au moins {minimum} FCFA par an."]},
        )


MAX_BENEFICIAIRES = 6


def beneficiaires_valider(*, beneficiaires: list[dict], deja: list[Beneficiaire] = ()) -> None:
    """At most 6 per souscription and parts summing to at most 100 % (also enforced in SQL)."""
    if len(beneficiaires) + len(deja) > MAX_BENEFICIAIRES:
        raise Conflict(
            "beneficiaires_max",
            "Un PASS compte au plus 6 bénéficiaires.",
            details={"beneficiaires": ["6 bénéficiaires au plus."]},
        )
    total = sum((b.get("part_pourcentage") or 0) for b in beneficiaires) + sum((b.part_pourcentage or 0) for b in deja)
    if total > 100:
        raise ApplicationError(
            "parts_superieures_a_100",
            "Les parts des bénéficiaires ne peuvent pas dépasser 100 % au total.",
            details={"beneficiaires": ["Total des parts supérieur à 100 %."]},
        )


def _refus_base_beneficiaires(exc: IntegrityError) -> ApplicationError:
    contrainte = getattr(getattr(exc.__cause__, "diag", None), "constraint_name", "")
    if contrainte == "beneficiaires_max":
        return Conflict("beneficiaires_max", "Un PASS compte au plus 6 bénéficiaires.")
    if contrainte == "beneficiaires_parts_max":
        return ApplicationError(
            "parts_superieures_a_100", "Les parts des bénéficiaires ne peuvent pas dépasser 100 % au total."
        )
    return ApplicationError("beneficiaire_invalide", "Bénéficiaire refusé : vérifiez les informations saisies.")


@dataclass(frozen=True)
class AuteurBorne:
    """Who changes a bénéficiaire from a kiosk: the signed-in client, its session, the borne."""

    client_id: int
    session_id: str | None = None
    borne: object = None
    code_preuve: str | None = None


def _beneficiaire_etat(beneficiaire: Beneficiaire) -> dict:
    return {
        "nom": beneficiaire.nom,
        "prenom": beneficiaire.prenom,
        "lien": beneficiaire.lien,
        "date_naissance": beneficiaire.date_naissance.isoformat() if beneficiaire.date_naissance else None,
        "telephone": beneficiaire.telephone,
        "part_pourcentage": str(beneficiaire.part_pourcentage) if beneficiaire.part_pourcentage is not None else None,
    }


def _beneficiaire_journaliser(
    *, auteur: AuteurBorne | None, action: str, souscription_id: int, beneficiaire_id: int, avant, apres
) -> None:
    """Record a kiosk change of a bénéficiaire (who, when, which borne, before/after), then notify."""
    if auteur is None:  # an agent in the admin: Django's own admin history keeps it
        return
    journal = JournalBeneficiaire.objects.create(
        souscription_id=souscription_id,
        beneficiaire_id=beneficiaire_id,
        action=action,
        client_id=auteur.client_id,
        session_id=auteur.session_id,
        borne=auteur.borne,
        avant=avant,
        apres=apres,
    )
    beneficiaire_changement_notifier(journal=journal)


def preuve_changement_exiger(*, auteur: AuteurBorne | None) -> None:
    """A kiosk change of bénéficiaire needs a fresh code proof of the client's telephone when a
    channel can send the code (docs/securite-identite.md); agents in the admin do not."""
    if auteur is None or not canal_configure():
        return
    telephone = Client.objects.values_list("telephone", flat=True).get(pk=auteur.client_id)
    if not preuve_par_code_valide(telephone=telephone, code_preuve=auteur.code_preuve):
        raise PreuveTelephoneRequise(
            message="Pour modifier les bénéficiaires, saisissez le code envoyé au téléphone du client.",
            details={"code_preuve": ["Code de preuve absent, expiré ou d'un autre téléphone."]},
        )


@transaction.atomic
def beneficiaire_ajouter(
    *, souscription: Souscription, donnees: dict, auteur: AuteurBorne | None = None
) -> Beneficiaire:
    preuve_changement_exiger(auteur=auteur)
    # Lock the souscription: concurrent additions are counted one after the other.
    Souscription.objects.select_for_update().get(pk=souscription.pk)
    deja = list(Beneficiaire.objects.filter(souscription=souscription))
    beneficiaires_valider(beneficiaires=[donnees], deja=deja)
    try:
        with transaction.atomic():
            beneficiaire = Beneficiaire.objects.create(souscription=souscription, **donnees)
    except IntegrityError as exc:
        raise _refus_base_beneficiaires(exc) from exc
    beneficiaire.refresh_from_db()
    _beneficiaire_journaliser(
        auteur=auteur,
        action="ajout",
        souscription_id=souscription.pk,
        beneficiaire_id=beneficiaire.pk,
        avant=None,
        apres=_beneficiaire_etat(beneficiaire),
    )
    return beneficiaire


@transaction.atomic
def beneficiaire_modifier(
    *, beneficiaire: Beneficiaire, donnees: dict, auteur: AuteurBorne | None = None
) -> Beneficiaire:
    preuve_changement_exiger(auteur=auteur)
    Souscription.objects.select_for_update().get(pk=beneficiaire.souscription_id)
    autres = list(Beneficiaire.objects.filter(souscription_id=beneficiaire.souscription_id).exclude(pk=beneficiaire.pk))
    avant = _beneficiaire_etat(beneficiaire)
    for champ, valeur in donnees.items():
        setattr(beneficiaire, champ, valeur)
    beneficiaires_valider(beneficiaires=[{"part_pourcentage": beneficiaire.part_pourcentage}], deja=autres)
    try:
        with transaction.atomic():
            beneficiaire.save()
    except IntegrityError as exc:
        raise _refus_base_beneficiaires(exc) from exc
    _beneficiaire_journaliser(
        auteur=auteur,
        action="modification",
        souscription_id=beneficiaire.souscription_id,
        beneficiaire_id=beneficiaire.pk,
        avant=avant,
        apres=_beneficiaire_etat(beneficiaire),
    )
    return beneficiaire


@transaction.atomic
def beneficiaire_supprimer(*, beneficiaire: Beneficiaire, auteur: AuteurBorne | None = None) -> None:
    preuve_changement_exiger(auteur=auteur)
    avant, pk = _beneficiaire_etat(beneficiaire), beneficiaire.pk
    beneficiaire.delete()
    _beneficiaire_journaliser(
        auteur=auteur,
        action="suppression",
        souscription_id=beneficiaire.souscription_id,
        beneficiaire_id=pk,
        avant=avant,
        apres=None,
    )


@transaction.atomic
def police_modifier(*, police: NumeroPolice, nouveau_numero: str, utilisateur, commentaire: str = "") -> NumeroPolice:
    """Change an attributed number (superviseurs only), keeping who, when, before and after."""
    if not est_superviseur(utilisateur):
        raise ApplicationError(
            "superviseur_requis", "Seul un superviseur peut modifier un numéro de police attribué.", status_code=403
        )
    police = NumeroPolice.objects.select_for_update().select_related("souscription__produit").get(pk=police.pk)
    numero = police_valider_numero(souscription=police.souscription, numero_police=nouveau_numero)
    if numero == police.numero_police:
        return police
    ancien = police.numero_police
    police.numero_police = numero
    try:
        with transaction.atomic():
            police.save(update_fields=["numero_police"])
    except IntegrityError as exc:
        raise Conflict("police_deja_attribuee", f"Le numéro {numero} vient d'être attribué ailleurs.") from exc
    HistoriquePolice.objects.create(
        police=police, ancien_numero=ancien, nouveau_numero=numero, modifie_par=utilisateur, commentaire=commentaire
    )
    action_journaliser(
        utilisateur=utilisateur,
        action=ActionJournalisee.MODIFICATION_POLICE,
        objet=f"souscription {police.souscription.numero_souscription}",
        details={"numero_police": [ancien, numero], "commentaire": commentaire},
    )
    return police


# What a superviseur may do to a souscription's statut by hand. Activation and the return to
# « en attente de paiement » belong to payments only: a contrat with a police never goes back.
TRANSITIONS_STATUT = {
    StatutSouscription.EN_ATTENTE_PAIEMENT: {StatutSouscription.ANNULEE},
    StatutSouscription.ACTIVEE: {StatutSouscription.SUSPENDUE, StatutSouscription.RESILIEE},
    StatutSouscription.SUSPENDUE: {StatutSouscription.ACTIVEE, StatutSouscription.RESILIEE},
    StatutSouscription.RESILIEE: set(),
    StatutSouscription.ANNULEE: set(),
}


def souscription_statut_valider(*, souscription: Souscription, statut: str) -> None:
    if statut != souscription.statut and statut not in TRANSITIONS_STATUT[souscription.statut]:
        raise Conflict(
            "transition_interdite",
            f"Une souscription « {souscription.get_statut_display().lower()} » ne peut pas passer à "
            f"« {StatutSouscription(statut).label.lower()} ».",
            details={"statut": ["Transition interdite depuis le statut actuel."]},
        )


@transaction.atomic
def souscription_changer_statut(*, souscription: Souscription, statut: str, utilisateur) -> Souscription:
    if not est_superviseur(utilisateur):
        raise ApplicationError(
            "superviseur_requis", "Seul un superviseur peut changer le statut d'une souscription.", status_code=403
        )
    souscription = Souscription.objects.select_for_update().get(pk=souscription.pk)
    souscription_statut_valider(souscription=souscription, statut=statut)
    ancien = souscription.statut
    if statut == ancien:
        return souscription
    souscription.statut = statut
    souscription.save(update_fields=["statut"])
    action_journaliser(
        utilisateur=utilisateur,
        action=ActionJournalisee.STATUT_SOUSCRIPTION,
        objet=f"souscription {souscription.numero_souscription}",
        details={"statut": [ancien, statut]},
    )
    return souscription


def souscription_relancable(
    *, numero_souscription: str, borne, numero_payeur: str, code_preuve: str | None = None
) -> Souscription:
    """The souscription (row locked) whose first payment this borne may relaunch for this payer.

    Only from the borne that created it, within RELANCE_PREMIER_PAIEMENT_JOURS; an unknown
    number and another borne's souscription get the same 404, so that neither existence nor
    state leaks. The payer obeys the rule of a new subscription: the subscriber's telephone or
    a code proof (docs/securite-identite.md). Call it inside the paiement's transaction.
    """
    souscription = None
    if borne is not None:
        souscription = (
            Souscription.objects.select_for_update(of=("self",))
            .select_related("produit", "client")
            .filter(
                numero_souscription=(numero_souscription or "")[:30],
                borne=borne,
                date_souscription__gte=timezone.now() - timedelta(days=settings.RELANCE_PREMIER_PAIEMENT_JOURS),
            )
            .first()
        )
    if souscription is None:
        raise NotFound("Souscription introuvable.", code="souscription_introuvable")
    preuve_telephone_exiger(
        telephone=souscription.client.telephone, numero_payeur=numero_payeur, code_preuve=code_preuve
    )
    return souscription


# A souscription whose first payment never succeeded is abandoned after this long.
DELAI_ABANDON = timedelta(days=7)
