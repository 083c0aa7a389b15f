from django.db.models import F, QuerySet

from apps.paiements.models import Paiement

# What a paiement line shows its client (PaiementSerializer): read as named rows, not model
# instances (a model instance per row cost more than its SQL on the kiosk's lists).
CHAMPS_PAIEMENT_CLIENT = (
    "reference",
    "numero_police",
    "numero_souscription",
    "montant",
    "type_paiement",
    "mode_paiement",
    "statut",
    "motif_echec",
    "date_initiation",
    "date_confirmation",
)


def _paiements_vus_du_client(**filtres) -> QuerySet:
    return (
        Paiement.objects.filter(**filtres)
        .annotate(
            numero_police=F("souscription__police__numero_police"),
            numero_souscription=F("souscription__numero_souscription"),
        )
        .order_by("-date_initiation", "-id")
        .values_list(*CHAMPS_PAIEMENT_CLIENT, named=True)
    )


def paiements_du_client(*, client_id: int) -> QuerySet:
    """Every paiement of every souscription of the client, newest first, with its police."""
    return _paiements_vus_du_client(souscription__client_id=client_id)


# The contrat detail's read: constant SQL (apps/core/sql.py), the columns of CHAMPS_PAIEMENT_CLIENT
# (and the id, which orders them).
SQL_PAIEMENTS_DU_CONTRAT = """
SELECT pa.id, pa.reference, np.numero_police, s.numero_souscription, pa.montant, pa.type_paiement, pa.mode_paiement,
       pa.statut, pa.motif_echec, pa.date_initiation, pa.date_confirmation
  FROM paiements_pass pa
  JOIN souscriptions_pass s ON s.id = pa.souscription_id
  LEFT JOIN numeros_police_congo np ON np.souscription_id = s.id
 WHERE pa.souscription_id = %(souscription)s
 ORDER BY pa.date_initiation DESC, pa.id DESC
 LIMIT %(limite)s
"""


def paiement_visible(*, reference: str, client_id: int | None, borne) -> Paiement | None:
    """The paiement if the caller may see it: its client, or the kiosk that started it."""
    if client_id is None and borne is None:
        return None
    paiements = Paiement.objects.filter(reference=reference[:40]).annotate(
        numero_police=F("souscription__police__numero_police"),
        numero_souscription=F("souscription__numero_souscription"),
    )
    paiement = paiements.select_related("souscription").first()
    if paiement is None:
        return None
    if client_id is not None and paiement.souscription.client_id == client_id:
        return paiement
    if borne is not None and paiement.borne_id == borne.pk:
        return paiement
    return None


def especes_ce_qui_est_du(*, souscription) -> dict:
    """What the agent shows the client before taking cash: who, which contrat, what is due today."""
    from apps.souscriptions.models import Contrat, StatutSouscription
    from apps.souscriptions.selectors import montant_echeance

    contrat = Contrat.objects.filter(pk=souscription.pk).first()
    du = {
        "client": souscription.client,
        "souscription": souscription,
        "numero": contrat.numero_police if contrat else souscription.numero_souscription,
        "contrat": contrat,
        "premier_paiement": None,
    }
    if souscription.statut == StatutSouscription.EN_ATTENTE_PAIEMENT:
        du["premier_paiement"] = montant_echeance(
            montant_prime=souscription.montant_prime, periodicite=souscription.periodicite
        )
    return du


def agent_de_l_encaissement(*, paiement):
    """The agent who took a cash payment: its matricule is in the operator reference (ESPECES-<matricule>-<id>)."""
    from apps.agents.models import Agent

    morceaux = (paiement.reference_operateur or "").split("-")
    if paiement.mode_paiement != "especes" or len(morceaux) < 3:
        return None
    return Agent.objects.filter(matricule="-".join(morceaux[1:-1])).first()
