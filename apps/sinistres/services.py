"""Claims: declared by the client at the kiosk, instructed by agents in the admin."""

from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.utils import timezone

from apps.agents.models import ActionJournalisee
from apps.agents.services import action_journaliser
from apps.core.dates import aujourdhui
from apps.core.exceptions import ApplicationError, Conflict
from apps.core.formats import fcfa
from apps.notifications.services import sinistre_statut_notifier
from apps.sinistres.models import Sinistre, StatutSinistre, TypeSinistre
from apps.souscriptions.models import Souscription

# Which garanties (codes of produits_pass.garanties) cover each type of claim.
GARANTIES_PAR_TYPE = {
    TypeSinistre.DECES: {"accident", "frais_funeraires"},
    TypeSinistre.ACCIDENT: {"accident", "frais_medicaux"},
    TypeSinistre.INVALIDITE: {"accident"},
    TypeSinistre.HOSPITALISATION: {"hospitalisation"},
    TypeSinistre.AUTRE: set(),
}
MONTANT_RECLAME_MAXIMUM = 10_000_000

# Instruction workflow: declare → en_instruction → accepte | rejete; accepte → paye.
TRANSITIONS = {
    StatutSinistre.DECLARE: {StatutSinistre.EN_INSTRUCTION},
    StatutSinistre.EN_INSTRUCTION: {StatutSinistre.ACCEPTE, StatutSinistre.REJETE},
    StatutSinistre.ACCEPTE: {StatutSinistre.PAYE},
    StatutSinistre.REJETE: set(),
    StatutSinistre.PAYE: set(),
}


def types_couverts(souscription: Souscription) -> list[str]:
    return types_couverts_par_garanties(souscription.produit.garantie_codes())


def types_couverts_par_garanties(codes: set[str]) -> list[str]:
    """The sinistre types that at least one of these garanties covers."""
    return [t for t, garanties in GARANTIES_PAR_TYPE.items() if garanties & codes]


@transaction.atomic
def sinistre_declarer(
    *, souscription: Souscription, type: str, date_survenance: date, description: str, montant_reclame: int | None
) -> Sinistre:
    couverts = types_couverts(souscription)
    if type not in couverts:
        libelles = ", ".join(TypeSinistre(t).label.lower() for t in couverts)
        raise ApplicationError(
            "type_non_couvert",
            f"Ce type de sinistre n'est pas couvert par {souscription.produit.libelle} (couverts : {libelles}).",
            details={"type": ["Type non couvert par les garanties du produit."]},
        )
    if not (souscription.date_effet <= date_survenance <= souscription.date_expiration):
        raise ApplicationError(
            "hors_couverture",
            f"La date du sinistre doit être dans la période de couverture "
            f"({souscription.date_effet:%d/%m/%Y} – {souscription.date_expiration:%d/%m/%Y}).",
            details={"date_survenance": ["Hors de la période de couverture."]},
        )
    if date_survenance > aujourdhui():
        raise ApplicationError(
            "date_future",
            "La date du sinistre ne peut pas être dans le futur.",
            details={"date_survenance": ["Date future."]},
        )
    if montant_reclame is not None and not (0 < montant_reclame <= MONTANT_RECLAME_MAXIMUM):
        raise ApplicationError(
            "montant_invalide",
            "Le montant réclamé doit être compris entre 1 et 10 000 000 FCFA.",
            details={"montant_reclame": ["Entre 1 et 10 000 000 FCFA."]},
        )
    return Sinistre.objects.create(
        souscription=souscription,
        type=type,
        date_survenance=date_survenance,
        description=description,
        montant_reclame=montant_reclame,
        canal="borne",
    )


@dataclass(frozen=True)
class GarantieDuSinistre:
    """The garantie that pays a claim, its cap (None: no cap) and the coverage of the contrat."""

    libelle: str
    plafond_fcfa: int | None
    date_effet: date
    date_expiration: date


def sinistre_garantie(sinistre: Sinistre) -> GarantieDuSinistre | None:
    """The produit's garantie covering this type of claim; several cover it: the highest cap."""
    souscription = sinistre.souscription
    codes = GARANTIES_PAR_TYPE.get(sinistre.type, set())
    garanties = [g for g in souscription.produit.garanties if g.get("code") in codes]
    if not garanties:
        return None
    sans_plafond = [g for g in garanties if g.get("plafond_fcfa") is None]
    retenue = sans_plafond[0] if sans_plafond else max(garanties, key=lambda g: g["plafond_fcfa"])
    return GarantieDuSinistre(
        libelle=retenue.get("libelle", retenue.get("code", "")),
        plafond_fcfa=retenue.get("plafond_fcfa"),
        date_effet=souscription.date_effet,
        date_expiration=souscription.date_expiration,
    )


def sinistre_montant_valider(*, sinistre: Sinistre, montant_accorde: int | None) -> None:
    if not montant_accorde or montant_accorde <= 0:
        raise ApplicationError(
            "montant_accorde_requis",
            "Indiquez le montant accordé pour accepter le sinistre.",
            details={"montant_accorde": ["Montant requis."]},
        )
    garantie = sinistre_garantie(sinistre)
    if garantie is not None and garantie.plafond_fcfa is not None and montant_accorde > garantie.plafond_fcfa:
        raise ApplicationError(
            "montant_au_dessus_du_plafond",
            f"Le montant accordé dépasse le plafond de la garantie « {garantie.libelle} » "
            f"({fcfa(garantie.plafond_fcfa)}).",
            details={"montant_accorde": [f"Au plus {fcfa(garantie.plafond_fcfa)}."]},
        )


def sinistre_decision_valider(*, sinistre: Sinistre, statut: str, montant_accorde: int | None, motif_rejet: str):
    """Everything a decision needs, checked before anything is written (the admin form shows it)."""
    if statut not in TRANSITIONS[sinistre.statut]:
        raise Conflict(
            "transition_interdite",
            f"Un sinistre « {sinistre.get_statut_display().lower()} » ne peut pas passer à "
            f"« {StatutSinistre(statut).label.lower()} ».",
            details={"statut": ["Transition interdite depuis le statut actuel."]},
        )
    if statut == StatutSinistre.ACCEPTE:
        sinistre_montant_valider(sinistre=sinistre, montant_accorde=montant_accorde)
    if statut == StatutSinistre.REJETE and not (motif_rejet or "").strip():
        raise ApplicationError(
            "motif_rejet_requis",
            "Indiquez le motif du rejet : il sera expliqué au client.",
            details={"motif_rejet": ["Motif requis pour rejeter un sinistre."]},
        )


@transaction.atomic
def sinistre_changer_statut(
    *, sinistre: Sinistre, statut: str, instructeur, montant_accorde: int | None = None, motif_rejet: str = ""
):
    sinistre = Sinistre.objects.select_for_update().select_related("souscription__produit").get(pk=sinistre.pk)
    sinistre_decision_valider(
        sinistre=sinistre, statut=statut, montant_accorde=montant_accorde, motif_rejet=motif_rejet
    )
    ancien = sinistre.statut
    if statut == StatutSinistre.ACCEPTE:
        sinistre.montant_accorde = montant_accorde
    if statut == StatutSinistre.REJETE:
        sinistre.motif_rejet = motif_rejet.strip()
    maintenant = timezone.now()
    if statut in {StatutSinistre.ACCEPTE, StatutSinistre.REJETE}:
        sinistre.date_decision = maintenant
    if statut == StatutSinistre.PAYE:
        sinistre.date_paiement = maintenant
    sinistre.statut = statut
    sinistre.instructeur = instructeur
    sinistre.save()
    action_journaliser(
        utilisateur=instructeur,
        action=ActionJournalisee.DECISION_SINISTRE,
        objet=f"sinistre {sinistre.pk}",
        details={
            "statut": [ancien, statut],
            "montant_accorde": sinistre.montant_accorde,
            "motif_rejet": sinistre.motif_rejet,
            "souscription": sinistre.souscription.numero_souscription,
        },
    )
    sinistre_statut_notifier(sinistre=sinistre)
    return sinistre


@transaction.atomic
def sinistre_modifier_montant(*, sinistre: Sinistre, montant_accorde: int, instructeur) -> Sinistre:
    """Correct the amount of an accepted claim not yet paid (same cap as the decision)."""
    sinistre = Sinistre.objects.select_for_update().select_related("souscription__produit").get(pk=sinistre.pk)
    if sinistre.statut != StatutSinistre.ACCEPTE:
        raise Conflict(
            "montant_non_modifiable",
            "Le montant accordé ne se modifie que sur un sinistre accepté et pas encore payé.",
            details={"montant_accorde": ["Sinistre ni accepté, ou déjà payé."]},
        )
    sinistre_montant_valider(sinistre=sinistre, montant_accorde=montant_accorde)
    ancien = sinistre.montant_accorde
    if ancien == montant_accorde:
        return sinistre
    sinistre.montant_accorde = montant_accorde
    sinistre.instructeur = instructeur
    sinistre.save(update_fields=["montant_accorde", "instructeur", "date_mise_a_jour"])
    action_journaliser(
        utilisateur=instructeur,
        action=ActionJournalisee.MONTANT_SINISTRE,
        objet=f"sinistre {sinistre.pk}",
        details={"montant_accorde": [ancien, montant_accorde]},
    )
    return sinistre
