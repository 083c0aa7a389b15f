"""Claims: declared by the client at the kiosk, instructed by agents in the admin."""

from datetime import date

from django.db import transaction
from django.utils import timezone

from apps.core.dates import aujourdhui
from apps.core.exceptions import ApplicationError, Conflict
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
    codes = souscription.produit.garantie_codes()
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


@transaction.atomic
def sinistre_changer_statut(*, sinistre: Sinistre, statut: str, instructeur, montant_accorde: int | None = None):
    sinistre = Sinistre.objects.select_for_update().get(pk=sinistre.pk)
    if statut not in TRANSITIONS[sinistre.statut]:
        raise Conflict(
            "transition_interdite",
            f"Un sinistre « {sinistre.get_statut_display().lower()} » ne peut pas passer à "
            f"« {StatutSinistre(statut).label.lower()} ».",
        )
    if statut == StatutSinistre.ACCEPTE:
        if not montant_accorde or montant_accorde <= 0:
            raise ApplicationError("montant_accorde_requis", "Indiquez le montant accordé pour accepter le sinistre.")
        sinistre.montant_accorde = montant_accorde
    maintenant = timezone.now()
    if statut in {StatutSinistre.ACCEPTE, StatutSinistre.REJETE}:
        sinistre.date_decision = maintenant
    if statut == StatutSinistre.PAYE:
        sinistre.date_paiement = maintenant
    sinistre.statut = statut
    sinistre.instructeur = instructeur
    sinistre.save()
    sinistre_statut_notifier(sinistre=sinistre)
    return sinistre
