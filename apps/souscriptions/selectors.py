"""Reads of a client's contrats. Every figure comes from the contrats / cotisations views."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import QuerySet
from django.db.models.expressions import RawSQL

from apps.clients.models import Client
from apps.core.dates import aujourdhui
from apps.core.exceptions import NotFound
from apps.produits.models import ECHEANCES_PAR_AN
from apps.souscriptions.models import Beneficiaire, Contrat, Cotisation, Souscription

# Renewal window: from 30 days before expiry to 90 days after it.
RENOUVELLEMENT_AVANT_EXPIRATION = timedelta(days=30)
RENOUVELLEMENT_APRES_EXPIRATION = timedelta(days=90)


def souscriptions_a_numeroter() -> QuerySet[Souscription]:
    """Activated and still without a police: the column a_numeroter, kept by triggers, read through
    its partial index souscriptions_a_numeroter_idx (the waiting rows only, however many are numbered)."""
    return Souscription.objects.filter(a_numeroter=True)


def montant_echeance(*, montant_prime: int, periodicite: str, rang: int | None = None) -> int:
    """The amount of échéance `rang` (1, 2, … from the date d'effet), or the normal one without it.

    The premium split in n échéances a year, the remainder of the division on the last one of
    each year (docs/domaine.md). The one rule in Python; the cotisations view computes the same
    in SQL (sql/views/cotisations/), and a test holds the two together.
    """
    n = ECHEANCES_PAR_AN[periodicite]
    base, reste = divmod(montant_prime, n)
    return base + (reste if rang is not None and rang % n == 0 else 0)


def contrat_renouvelable(contrat: Contrat, jour: date) -> bool:
    """An activee contrat expired (up to 90 days ago) or expiring within 30 days."""
    if contrat.statut != "activee":
        return False
    return (
        contrat.date_expiration - RENOUVELLEMENT_AVANT_EXPIRATION
        <= jour
        <= contrat.date_expiration + RENOUVELLEMENT_APRES_EXPIRATION
    )


def _contrats():
    # Today's date rides along with the rows: one round trip instead of two.
    return Contrat.objects.annotate(jour=RawSQL("pass_aujourdhui()", []))


def contrats_du_client(*, client_id: int) -> list[Contrat]:
    """All contrats of one client (one query on the view, filtered on the client's rows)."""
    return list(_contrats().filter(client_id=client_id).order_by("date_effet", "numero_police"))


def contrat_du_client(*, client_id: int, police: str) -> Contrat:
    """One contrat of the signed-in client; someone else's or unknown: the same 404."""
    contrat = _contrats().filter(client_id=client_id, numero_police=police).first()
    if contrat is None:
        raise NotFound("Contrat introuvable.", code="contrat_introuvable")
    return contrat


def cotisations_du_client(*, client_id: int, statut: str | None = None, police: str | None = None) -> QuerySet:
    cotisations = Cotisation.objects.filter(client_id=client_id)
    if statut:
        cotisations = cotisations.filter(statut=statut)
    if police:
        cotisations = cotisations.filter(numero_police=police)
    return cotisations.order_by("-date_debut", "-numero_police")


def cotisations_du_contrat(*, souscription_id: int) -> list[Cotisation]:
    return list(Cotisation.objects.filter(souscription_id=souscription_id).order_by("-rang"))


def beneficiaires_du_contrat(*, souscription_id: int) -> list[Beneficiaire]:
    return list(Beneficiaire.objects.filter(souscription_id=souscription_id).order_by("id"))


@dataclass
class TableauDeBord:
    client: Client
    contrats: list[Contrat]
    jour: date

    @property
    def solde_global(self) -> int:
        return sum(c.solde for c in self.contrats)

    @property
    def total_paye(self) -> int:
        return sum(c.total_paye for c in self.contrats)

    @property
    def arrieres(self) -> int:
        return sum(c.arrieres for c in self.contrats)

    @property
    def avance(self) -> int:
        # Positive soldes only: an advance on one contrat never nets arrears on another.
        return sum(max(c.solde, 0) for c in self.contrats)

    @property
    def prochaine_echeance(self) -> dict | None:
        a_venir = [c for c in self.contrats if c.prochaine_echeance_date]
        if not a_venir:
            return None
        suivant = min(a_venir, key=lambda c: (c.prochaine_echeance_date, c.numero_police))
        return {
            "police": suivant.numero_police,
            "date": suivant.prochaine_echeance_date,
            "montant": suivant.prochaine_echeance_montant,
        }


def client_tableau_de_bord(*, client_id: int) -> TableauDeBord:
    contrats = contrats_du_client(client_id=client_id)
    if not contrats:
        return TableauDeBord(client=Client.objects.get(pk=client_id), contrats=[], jour=aujourdhui())
    # The view carries the client's identity: no second query for it.
    premier = contrats[0]
    client = Client(
        id=client_id, nom=premier.client_nom, prenom=premier.client_prenom, telephone=premier.client_telephone
    )
    return TableauDeBord(client=client, contrats=contrats, jour=premier.jour)


# The detail shows the most recent paiements; the paginated list has them all.
PAIEMENTS_DU_DETAIL = 100


def police_numeros_a_venir(*, categories: list[str]) -> list[str]:
    """The next free police numbers, in order, for souscriptions of these categories (one each).

    A preview for the agent before attributing: it reads the counters without moving them. A
    colleague attributing at the same moment may take one; the attribution then gives the next
    one and says so.
    """
    from apps.core.models import Compteur
    from apps.souscriptions.models import NumeroPolice

    annee = aujourdhui().year
    prochains: dict[str, int] = {}
    numeros = []
    for categorie in categories:
        cle = f"police:{annee}:{categorie}"
        if categorie not in prochains:
            prochains[categorie] = (Compteur.objects.filter(cle=cle).values_list("valeur", flat=True).first() or 0) + 1
        while True:
            numero = f"CG-{annee}-{categorie}-{prochains[categorie]:03d}"
            prochains[categorie] += 1
            if not NumeroPolice.objects.filter(numero_police=numero).exists():
                numeros.append(numero)
                break
    return numeros


def beneficiaire_du_contrat(*, souscription_id: int, pk: int) -> Beneficiaire:
    """One bénéficiaire of the contrat; another contrat's or unknown: the same 404."""
    beneficiaire = Beneficiaire.objects.filter(pk=pk, souscription_id=souscription_id).first()
    if beneficiaire is None:
        raise NotFound("Bénéficiaire introuvable.", code="beneficiaire_introuvable")
    return beneficiaire


def souscription_du_contrat(*, contrat: Contrat) -> Souscription:
    """The souscription behind a contrat (a row of the view), with its produit."""
    return Souscription.objects.select_related("produit").get(pk=contrat.pk)
