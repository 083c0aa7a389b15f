"""Reads for the agents' workspace: what needs doing today, each count from an indexed query."""

from dataclasses import dataclass

from django.urls import reverse

from apps.agents.models import JournalAction
from apps.borne_auth.selectors import appels_agent_en_attente, bornes_hors_ligne
from apps.mtn_integration.models import PaiementAVerifier
from apps.sinistres.models import Sinistre, StatutSinistre
from apps.souscriptions.models import Souscription
from apps.souscriptions.selectors import souscriptions_a_numeroter

# A count above this shows as « 1000+ »: a home page never counts a whole table.
PLAFOND_COMPTAGE = 1000


@dataclass(frozen=True)
class Tache:
    libelle: str
    nombre: int
    url: str
    alerte: bool  # shown in colour when something waits

    @property
    def nombre_lisible(self) -> str:
        return f"{PLAFOND_COMPTAGE}+" if self.nombre > PLAFOND_COMPTAGE else str(self.nombre)


def compter_plafonne(queryset) -> int:
    # COUNT over a LIMIT subquery: stops after PLAFOND_COMPTAGE + 1 rows of the index.
    return queryset[: PLAFOND_COMPTAGE + 1].count()


def paiements_a_verifier():
    """MoMo transactions with an anomalie (partial index momo_anomalies_idx)."""
    return PaiementAVerifier.objects.exclude(anomalie="")


def sinistres_a_instruire():
    """Declared or in instruction (index sinistres_statut_idx)."""
    return Sinistre.objects.filter(statut__in=[StatutSinistre.DECLARE, StatutSinistre.EN_INSTRUCTION])


def travail_du_jour(*, utilisateur) -> list[Tache]:
    """The counts of the « Aujourd'hui » page that this user may open, each linked to its filtered list."""
    taches = []
    if utilisateur.has_perm("souscriptions.add_numeropolice"):
        nombre = compter_plafonne(souscriptions_a_numeroter())
        url = reverse("admin:souscriptions_souscriptionsanspolice_changelist")
        taches.append(Tache("Souscriptions à numéroter", nombre, url, nombre > 0))
    if utilisateur.has_perm("mtn_integration.view_paiementaverifier"):
        nombre = compter_plafonne(paiements_a_verifier())
        url = reverse("admin:mtn_integration_paiementaverifier_changelist")
        taches.append(Tache("Paiements à vérifier", nombre, url, nombre > 0))
    if utilisateur.has_perm("sinistres.view_sinistre"):
        nombre = compter_plafonne(sinistres_a_instruire())
        url = reverse("admin:sinistres_sinistre_changelist") + "?statut__in=declare,en_instruction"
        taches.append(Tache("Sinistres à instruire", nombre, url, nombre > 0))
    if utilisateur.has_perm("borne_auth.view_borne"):
        nombre = compter_plafonne(bornes_hors_ligne())
        url = reverse("admin:borne_auth_borne_changelist") + "?connexion=hors_ligne"
        taches.append(Tache("Bornes hors ligne", nombre, url, nombre > 0))
    if utilisateur.has_perm("borne_auth.view_appelagent"):
        nombre = compter_plafonne(appels_agent_en_attente())
        url = reverse("admin:borne_auth_appelagent_changelist") + "?traite_le__isempty=1"
        taches.append(Tache("Bornes qui appellent un agent", nombre, url, nombre > 0))
    return taches


def mes_actions_recentes(*, utilisateur, nombre: int = 10):
    """The user's last journal lines (index journal_actions_user_idx)."""
    return JournalAction.objects.filter(utilisateur=utilisateur).order_by("-date")[:nombre]


@dataclass(frozen=True)
class FicheClient:
    client: object
    contrats: list
    sans_police: list
    echeances: list  # not yet paid (en retard, à venir): the paid ones are counted
    echeances_payees: int
    paiements: list
    sinistres: list
    solde: int


PAIEMENTS_SUR_LA_FICHE = 15


def fiche_client(*, client) -> FicheClient:
    """One client on one page, read from the contrats and cotisations views (a handful of indexed queries)."""
    from apps.paiements.models import Paiement
    from apps.souscriptions.models import Contrat, Cotisation

    contrats = list(Contrat.objects.filter(client=client).order_by("date_effet"))
    return FicheClient(
        client=client,
        contrats=contrats,
        sans_police=list(Souscription.objects.filter(client=client, police__isnull=True).select_related("produit")),
        echeances=list(
            Cotisation.objects.filter(client=client).exclude(statut="payee").order_by("numero_police", "rang")
        ),
        echeances_payees=Cotisation.objects.filter(client=client, statut="payee").count(),
        paiements=list(
            Paiement.objects.filter(souscription__client=client)
            .select_related("souscription")
            .order_by("-date_initiation")[:PAIEMENTS_SUR_LA_FICHE]
        ),
        sinistres=list(Sinistre.objects.filter(souscription__client=client).select_related("souscription__police")),
        solde=sum(c.solde for c in contrats),
    )
