"""The client's read API: own data only, figures from the views, bounded SQL queries."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient
from rest_framework_simplejwt.tokens import AccessToken

from apps.borne_auth.services import session_ouvrir
from apps.core.tests.factories import BeneficiaireFactory, ContratFactory, PaiementFactory, SinistreFactory
from apps.souscriptions.models import Souscription

pytestmark = pytest.mark.django_db

ROUTES = [
    "/api/v1/clients/{police}/dashboard/",
    "/api/v1/clients/{police}/contrats/",
    "/api/v1/clients/{police}/cotisations/",
    "/api/v1/clients/{police}/paiements/",
    "/api/v1/contrats/{police}/",
]


@pytest.mark.parametrize(
    ("police", "telephone"),
    [("CG-2024-VIE-001", "+242061234567"), ("CG-2024-SAN-001", "+242059876543"), ("CG-2024-VIE-002", "+242042345678")],
)
def test_tableau_de_bord_egal_aux_vues(connecte, sql, police, telephone):
    reponse = connecte(police, telephone).get(f"/api/v1/clients/{police}/dashboard/")
    assert reponse.status_code == 200
    corps = reponse.json()
    attendu = sql(
        """SELECT sum(solde) AS solde, sum(total_paye) AS paye, sum(arrieres) AS arrieres, count(*) AS n,
                  coalesce(sum(greatest(solde, 0)), 0) AS avance
           FROM contrats WHERE client_telephone = %s""",
        [telephone],
    )[0]
    assert (
        corps["solde_global"],
        corps["total_paye"],
        corps["arrieres"],
        corps["avance"],
        corps["nombre_contrats"],
    ) == (attendu["solde"], attendu["paye"], attendu["arrieres"], attendu["avance"], attendu["n"])
    par_police = {c["numero_police"]: c for c in corps["contrats"]}
    for ligne in sql("SELECT * FROM contrats WHERE client_telephone = %s", [telephone]):
        contrat = par_police[ligne["numero_police"]]
        for champ in ["solde", "total_paye", "total_du_a_date", "arrieres", "etat", "montant_prime"]:
            assert contrat[champ] == ligne[champ], champ
    assert corps["client"]["telephone"] == telephone


def test_une_avance_ne_cache_jamais_des_arrieres(connecte):
    """An advance on KIMIA and arrears on BATELA: both are told, never netted."""
    kimia = Souscription.objects.get(police__numero_police="CG-2024-VIE-001")
    PaiementFactory(souscription=kimia, montant=50_000)
    corps = connecte().get("/api/v1/clients/CG-2024-VIE-001/dashboard/").json()
    par_police = {c["numero_police"]: c for c in corps["contrats"]}
    assert par_police["CG-2024-VIE-001"]["solde"] > 0 and par_police["CG-2024-EPG-001"]["arrieres"] > 0
    assert corps["avance"] == par_police["CG-2024-VIE-001"]["solde"]
    assert corps["arrieres"] == par_police["CG-2024-EPG-001"]["arrieres"]


def test_jean_baptiste_voit_ses_deux_contrats_et_ses_arrieres(connecte):
    corps = connecte().get("/api/v1/clients/CG-2024-VIE-001/dashboard/").json()
    assert {c["numero_police"] for c in corps["contrats"]} == {"CG-2024-VIE-001", "CG-2024-EPG-001"}
    assert corps["solde_global"] == -10000 and corps["arrieres"] == 10000
    batela = next(c for c in corps["contrats"] if c["produit"]["code"] == "BATELA")
    assert batela["produit"] == {"code": "BATELA", "libelle": "PASS BATELA"}
    assert batela["montant_echeance"] == 5000 and batela["renouvelable"] is False
    assert corps["prochaine_echeance"]["police"] in {"CG-2024-VIE-001", "CG-2024-EPG-001"}


def test_pierre_expire_est_renouvelable(connecte):
    corps = connecte("CG-2024-VIE-002", "+242042345678").get("/api/v1/clients/CG-2024-VIE-002/contrats/").json()
    assert corps[0]["etat"] == "expire" and corps[0]["renouvelable"] is True
    assert corps[0]["prochaine_echeance"] is None


@pytest.mark.parametrize("route", ROUTES)
def test_la_police_d_un_autre_client_donne_404_comme_une_inconnue(connecte, route):
    jean = connecte()
    autre = jean.get(route.format(police="CG-2024-SAN-001"))
    inconnue = jean.get(route.format(police="CG-2099-SAN-999"))
    assert autre.status_code == inconnue.status_code == 404
    assert autre.json() == inconnue.json()
    assert "MOUKOKO" not in autre.content.decode()


@pytest.mark.parametrize("route", ROUTES)
def test_sans_jeton_401(api, demo, route):
    reponse = api.get(route.format(police="CG-2024-VIE-001"))
    assert reponse.status_code == 401
    assert reponse.json()["code"] == "non_authentifie"


@pytest.mark.parametrize("route", ROUTES)
def test_jeton_expire_ou_falsifie_401(demo, route):
    expire = AccessToken()
    expire["client_id"], expire["police"] = 1, "CG-2024-VIE-001"
    expire.set_exp(lifetime=-timedelta(seconds=1))
    for jeton in [str(expire), "abc.def.ghi", str(expire)[:-3] + "xyz"]:
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=f"Bearer {jeton}")
        reponse = client.get(route.format(police="CG-2024-VIE-001"))
        assert reponse.status_code == 401
        assert reponse.json()["code"] == "session_expiree"


def test_un_jeton_client_n_ouvre_pas_l_admin(connecte):
    jean = connecte()
    reponse = jean.get("/admin/clients/client/")
    assert reponse.status_code == 302 and "/admin/login/" in reponse["Location"]


def test_les_cotisations_recentes_d_abord_filtrees_et_paginees(connecte):
    jean = connecte()
    corps = jean.get("/api/v1/clients/CG-2024-VIE-001/cotisations/").json()
    assert set(corps) == {"count", "next", "previous", "results"}
    dates = [c["date_debut"] for c in corps["results"]]
    assert dates == sorted(dates, reverse=True) and len(dates) == 20
    en_retard = jean.get("/api/v1/clients/CG-2024-VIE-001/cotisations/?statut=en_retard").json()
    assert en_retard["count"] == 2
    assert {c["numero_police"] for c in en_retard["results"]} == {"CG-2024-EPG-001"}
    kimia = jean.get("/api/v1/clients/CG-2024-VIE-001/cotisations/?police=CG-2024-VIE-001&taille=500").json()
    assert {c["numero_police"] for c in kimia["results"]} == {"CG-2024-VIE-001"}
    assert len(kimia["results"]) == kimia["count"] <= 100
    assert jean.get("/api/v1/clients/CG-2024-VIE-001/cotisations/?statut=perdue").status_code == 400
    assert jean.get("/api/v1/clients/CG-2024-VIE-001/cotisations/?police=CG-2024-SAN-001").json()["count"] == 0
    assert jean.get("/api/v1/clients/CG-2024-VIE-001/cotisations/?page=999").status_code == 404


def test_paiements_du_client_seulement(connecte):
    corps = connecte().get("/api/v1/clients/CG-2024-VIE-001/paiements/?taille=100").json()
    assert corps["count"] > 0
    assert {p["numero_police"] for p in corps["results"]} == {"CG-2024-VIE-001", "CG-2024-EPG-001"}
    dates = [p["date_initiation"] for p in corps["results"]]
    assert dates == sorted(dates, reverse=True)


def test_detail_d_un_contrat(connecte):
    corps = connecte().get("/api/v1/contrats/CG-2024-VIE-001/").json()
    assert [g["code"] for g in corps["garanties"]] == ["accident", "frais_medicaux", "frais_funeraires"]
    assert sorted(b["prenom"] for b in corps["beneficiaires"]) == ["Junior", "Marie"]
    assert all(c["numero_police"] == "CG-2024-VIE-001" for c in corps["cotisations"])
    assert sum(p["montant"] for p in corps["paiements"]) == corps["total_paye"]
    assert corps["sinistres"] == []
    assert corps["types_sinistre_couverts"] == ["deces", "accident", "invalidite"]


def test_le_detail_dit_les_types_de_sinistre_que_la_declaration_accepte(connecte):
    """The kiosk offers these types only; each one is accepted by the declaration."""
    client = connecte("CG-2024-SAN-001", "+242059876543")
    types = client.get("/api/v1/contrats/CG-2024-SAN-001/").json()["types_sinistre_couverts"]
    assert types == ["deces", "hospitalisation"]
    for type_ in types:
        reponse = client.post(
            "/api/v1/contrats/CG-2024-SAN-001/sinistres/",
            {"type": type_, "date_survenance": "2024-02-01", "description": "Test"},
            format="json",
        )
        assert reponse.status_code == 201, reponse.content


def test_reponses_api_jamais_en_cache(connecte):
    assert connecte().get("/api/v1/clients/CG-2024-VIE-001/dashboard/")["Cache-Control"] == "no-store"


def _client_avec_contrats(nombre, fige_aujourdhui):
    fige_aujourdhui("2025-06-15")
    premier = ContratFactory(
        periodicite="mensuelle", montant_prime=12000, date_effet=date(2024, 3, 1), date_expiration=date(2026, 2, 28)
    )
    contrats = [premier] + [
        ContratFactory(
            client=premier.client,
            periodicite="mensuelle",
            montant_prime=12000,
            date_effet=date(2024, 3, 1),
            date_expiration=date(2026, 2, 28),
        )
        for _ in range(nombre - 1)
    ]
    for contrat in contrats:
        PaiementFactory.create_batch(3, souscription=contrat, montant=1000)
        BeneficiaireFactory.create_batch(2, souscription=contrat)
        SinistreFactory(souscription=contrat)
    _, jeton = session_ouvrir(
        client_id=premier.client_id, souscription_id=premier.pk, police=premier.police.numero_police, borne=None
    )
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {jeton}")
    return client, premier.police.numero_police


@pytest.mark.parametrize("route", ["/api/v1/clients/{police}/dashboard/", "/api/v1/contrats/{police}/"])
def test_nombre_de_requetes_sql_constant(fige_aujourdhui, route):
    comptes = []
    for nombre in (1, 20):
        client, police = _client_avec_contrats(nombre, fige_aujourdhui)
        with CaptureQueriesContext(connection) as requetes:
            assert client.get(route.format(police=police)).status_code == 200
        comptes.append(len(requetes))
    assert comptes[0] == comptes[1], comptes
    assert comptes[0] == REQUETES_PAR_LECTURE[route]


LECTURES = [*ROUTES, "/api/v1/clients/{police}/releve.pdf"]
# Round trips of each read, the session check included (in the read's own SQL for the kiosk's
# reads: apps.borne_auth.authentication.SessionDiffereeMixin).
REQUETES_PAR_LECTURE = {
    "/api/v1/clients/{police}/dashboard/": 1,
    "/api/v1/clients/{police}/contrats/": 1,
    "/api/v1/clients/{police}/cotisations/": 2,
    "/api/v1/clients/{police}/paiements/": 3,
    "/api/v1/contrats/{police}/": 1,
    "/api/v1/clients/{police}/releve.pdf": 5,
}


def _historique_ajouter(souscription, paiements: int, sinistres: int) -> None:
    """`paiements` more paiements (succes, echec, en attente), `sinistres` more sinistres."""
    from apps.paiements.models import Paiement

    statuts = ["succes", "succes", "echec", "en_attente"]
    Paiement.objects.bulk_create(
        PaiementFactory.build(souscription=souscription, montant=100, statut=statuts[i % 4]) for i in range(paiements)
    )
    SinistreFactory.create_batch(sinistres, souscription=souscription)


@pytest.mark.parametrize("route", LECTURES)
def test_nombre_de_requetes_sql_constant_quel_que_soit_l_historique(fige_aujourdhui, route):
    """The same number of queries for 3 paiements or 1 000 (no query per row: no N+1)."""
    client, police = _client_avec_contrats(2, fige_aujourdhui)
    souscription = Souscription.objects.get(police__numero_police=police)
    comptes = []
    for paiements, sinistres in ((0, 0), (1000, 12)):
        _historique_ajouter(souscription, paiements, sinistres)
        with CaptureQueriesContext(connection) as requetes:
            assert client.get(route.format(police=police)).status_code == 200
        comptes.append(len(requetes))
    assert comptes == [REQUETES_PAR_LECTURE[route]] * 2, (comptes, [q["sql"][:120] for q in requetes.captured_queries])


def test_le_detail_d_un_contrat_en_un_seul_aller_retour_avec_postgresql(fige_aujourdhui):
    """The contrat with the session check, bénéficiaires, échéances, last paiements and sinistres:
    one query, one round trip (not one per list, nor several queries sent together)."""
    from psycopg import pq

    client, police = _client_avec_contrats(2, fige_aujourdhui)
    envois = []

    def noter(execute, sql, params, many, contexte):
        envois.append(contexte["connection"].connection.pgconn.pipeline_status != pq.PipelineStatus.OFF)
        return execute(sql, params, many, contexte)

    with connection.execute_wrapper(noter):
        assert client.get(f"/api/v1/contrats/{police}/").status_code == 200
    # A query alone is a round trip; queries in a row in one pipeline, one for them all.
    allers_retours = sum(1 for i, en_pipeline in enumerate(envois) if not (en_pipeline and i and envois[i - 1]))
    assert (len(envois), allers_retours) == (1, 1), envois
