"""Reads of a client's contrats. Every figure comes from the contrats / cotisations views."""

import json
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from types import SimpleNamespace

from django.db.models import QuerySet

from apps.borne_auth.selectors import SESSION_OUVERTE
from apps.clients.models import Client
from apps.core.dates import aujourdhui
from apps.core.exceptions import NotFound
from apps.core.sql import lignes
from apps.paiements.selectors import SQL_PAIEMENTS_DU_CONTRAT
from apps.produits.models import ECHEANCES_PAR_AN
from apps.sinistres.selectors import SQL_SINISTRES_DU_CONTRAT
from apps.sinistres.services import types_couverts_par_garanties
from apps.souscriptions.models import Beneficiaire, Contrat, Souscription

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


# The kiosk's reads of the view (dashboard, list, detail): constant SQL (apps/core/sql.py), rows
# with the view's columns plus today's date as the database sees it (one round trip, not two).
# Each has a variant that returns rows only while the client's session is open: the view's read
# checks the session too (apps.borne_auth.authentication.SessionDiffereeMixin).
_SQL_CONTRATS_DU_CLIENT = """
SELECT *, pass_aujourdhui() AS jour FROM contrats WHERE client_id = %(client)s {session}
 ORDER BY date_effet, numero_police
"""
_SQL_CONTRAT_DU_CLIENT = """
SELECT *, pass_aujourdhui() AS jour FROM contrats WHERE client_id = %(client)s AND numero_police = %(police)s {session}
"""


def _sans_et_avec_session(sql: str) -> tuple[str, str]:
    return sql.format(session=""), sql.format(session=f"AND {SESSION_OUVERTE}")


SQL_CONTRATS_DU_CLIENT, SQL_CONTRATS_DU_CLIENT_SESSION = _sans_et_avec_session(_SQL_CONTRATS_DU_CLIENT)
SQL_CONTRAT_DU_CLIENT, SQL_CONTRAT_DU_CLIENT_SESSION = _sans_et_avec_session(_SQL_CONTRAT_DU_CLIENT)
SQL_COTISATIONS_DU_CONTRAT = """
SELECT numero_police, numero_quittance, rang, date_debut, date_fin, montant_du, montant_paye, reste_a_payer, statut
  FROM cotisations WHERE souscription_id = %(souscription)s ORDER BY rang DESC
"""
SQL_BENEFICIAIRES_DU_CONTRAT = """
SELECT id, nom, prenom, lien, date_naissance, telephone, part_pourcentage
  FROM beneficiaires_pass WHERE souscription_id = %(souscription)s ORDER BY id
"""


def contrats_du_client(*, client_id: int, session: dict | None = None) -> list:
    """All contrats of one client (one query on the view, filtered on the client's rows), as rows
    with the view's columns and `jour`. With `session` (apps.borne_auth.selectors.session_a_verifier):
    none unless that session is open."""
    if session is None:
        return lignes(SQL_CONTRATS_DU_CLIENT, {"client": client_id})
    return lignes(SQL_CONTRATS_DU_CLIENT_SESSION, {"client": client_id, **session})


def contrat_du_client(*, client_id: int, police: str, session: dict | None = None) -> Contrat:
    """One contrat of the signed-in client; someone else's or unknown: the same 404 (with
    `session`, also when that session is closed). Every request on a contrat starts here:
    constant SQL, the row made a Contrat as the ORM would."""
    if session is None:
        trouve = lignes(SQL_CONTRAT_DU_CLIENT, {"client": client_id, "police": police})
    else:
        trouve = lignes(SQL_CONTRAT_DU_CLIENT_SESSION, {"client": client_id, "police": police, **session})
    if not trouve:
        raise NotFound("Contrat introuvable.", code="contrat_introuvable")
    ligne = trouve[0]._asdict()
    attributs = [champ.attname for champ in Contrat._meta.concrete_fields]  # the model's order, not the view's
    contrat = Contrat.from_db("default", attributs, [ligne[a] for a in attributs])
    contrat.jour = ligne["jour"]
    return contrat


SQL_COTISATIONS_DU_CLIENT = """
SELECT numero_police, numero_quittance, rang, date_debut, date_fin, montant_du, montant_paye, reste_a_payer, statut
  FROM cotisations
 WHERE client_id = %(client)s
   AND (%(statut)s::text IS NULL OR statut = %(statut)s)
   AND (%(police)s::text IS NULL OR numero_police = %(police)s)
 ORDER BY date_debut DESC, numero_police DESC
"""


def cotisations_du_client(*, client_id: int, statut: str | None = None, police: str | None = None) -> list:
    """Every échéance of the client's contrats, most recent first (optionally one statut or one
    police). A client has a few hundred at most (contrats x échéances a year x years): read in
    one query (constant SQL) and paginated in memory, instead of a count then a page, each of
    which made the view sum the paiements again."""
    return lignes(SQL_COTISATIONS_DU_CLIENT, {"client": client_id, "statut": statut, "police": police})


def beneficiaires_du_contrat(*, souscription_id: int) -> list:
    return lignes(SQL_BENEFICIAIRES_DU_CONTRAT, {"souscription": souscription_id})


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


def client_tableau_de_bord(*, client_id: int, session: dict | None = None) -> TableauDeBord:
    """With `session`: no contrats unless that session is open (contrats_du_client)."""
    contrats = contrats_du_client(client_id=client_id, session=session)
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


def _liste_json(sql: str, ordre: str) -> str:
    """One of the detail's lists, as a JSON array in the contrat's row, in the order `ordre`:
    PostgreSQL guarantees the order of an aggregate's input only with an ORDER BY inside it."""
    sql = sql.replace("%(souscription)s", "c.souscription_id")
    return f"(SELECT coalesce(json_agg(ligne ORDER BY {ordre}), '[]') FROM ({sql}) ligne)"  # noqa: S608 - constants


# The contrat with everything its detail shows, in one query: PostgreSQL builds the lists in the
# contrat's row (one statement to run instead of 5, one round trip; docs/benchmarks.md).
_SQL_CONTRAT_EN_DETAIL = f"""
SELECT c.*, pass_aujourdhui() AS jour, p.garanties,
       {_liste_json(SQL_BENEFICIAIRES_DU_CONTRAT, "ligne.id")} AS beneficiaires,
       {_liste_json(SQL_COTISATIONS_DU_CONTRAT, "ligne.rang DESC")} AS cotisations,
       {_liste_json(SQL_PAIEMENTS_DU_CONTRAT, "ligne.date_initiation DESC, ligne.id DESC")} AS paiements,
       {_liste_json(SQL_SINISTRES_DU_CONTRAT, "ligne.date_declaration DESC")} AS sinistres
  FROM contrats c JOIN produits_pass p ON p.id = c.produit_id
 WHERE c.client_id = %(client)s AND c.numero_police = %(police)s {{session}}
"""  # noqa: S608 - built from this module's constants, at import
SQL_CONTRAT_EN_DETAIL, SQL_CONTRAT_EN_DETAIL_SESSION = _sans_et_avec_session(_SQL_CONTRAT_EN_DETAIL)
# Read back from JSON: these are ISO 8601 text there, made datetimes again so that the serializers
# show them in the kiosk's time zone as for any row. Dates stay their ISO text, which is what the
# serializers write; numbers come back as JSON numbers.
_HORODATAGES = ("date_initiation", "date_confirmation", "date_declaration")


def _lignes_json(valeur) -> list[SimpleNamespace]:
    lignes_lues = json.loads(valeur) if isinstance(valeur, str) else valeur  # json comes as text
    for ligne in lignes_lues:
        for nom in _HORODATAGES:
            if ligne.get(nom) is not None:
                ligne[nom] = datetime.fromisoformat(ligne[nom])
    return [SimpleNamespace(**ligne) for ligne in lignes_lues]


def contrat_en_detail(*, client_id: int, police: str, session: dict | None = None) -> SimpleNamespace:
    """One contrat of the client with everything the detail shows, in one query whatever its
    history: the contrat and its product's garanties, bénéficiaires, échéances, last paiements and
    sinistres. With `session`: a 404 unless that session is open (contrat_du_client)."""
    parametres = {"client": client_id, "police": police, "limite": PAIEMENTS_DU_DETAIL}
    if session is None:
        trouve = lignes(SQL_CONTRAT_EN_DETAIL, parametres)
    else:
        trouve = lignes(SQL_CONTRAT_EN_DETAIL_SESSION, {**parametres, **session})
    if not trouve:
        raise NotFound("Contrat introuvable.", code="contrat_introuvable")
    contrat = SimpleNamespace(**trouve[0]._asdict())
    contrat.pk = contrat.souscription_id
    if isinstance(contrat.garanties, str):  # Django has psycopg hand jsonb over as text
        contrat.garanties = json.loads(contrat.garanties)
    for liste in ("beneficiaires", "cotisations", "paiements", "sinistres"):
        setattr(contrat, liste, _lignes_json(getattr(contrat, liste)))
    contrat.types_sinistre_couverts = types_couverts_par_garanties({g.get("code") for g in contrat.garanties})
    return contrat


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
