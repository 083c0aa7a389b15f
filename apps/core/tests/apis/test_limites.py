"""Anonymous throttle per address (never per an unchecked header), wrong borne keys counted."""

from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import pytest
from django.db import connection
from rest_framework.test import APIClient

from apps.core.services import limite_compter

LOGIN = "/api/v1/auth/login/"
JEAN = {"police": "CG-2024-VIE-001", "telephone": "+242061234567"}


@pytest.mark.django_db(transaction=True)
def test_compteur_atomique_sous_50_requetes_simultanees():
    def compter(_):
        try:
            return limite_compter(cle="essai:concurrence", maximum=10, fenetre=timedelta(minutes=15))
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=50) as groupe:
        attentes = list(groupe.map(compter, range(50)))
    assert attentes.count(0) == 10
    assert all(a > 0 for a in attentes if a)


def client_depuis(adresse, **entetes):
    client = APIClient(REMOTE_ADDR=adresse)
    client.credentials(**entetes)
    return client


@pytest.mark.django_db
def test_x_borne_id_sans_cle_ne_bloque_pas_la_vraie_borne(settings, produits, demo):
    settings.THROTTLE_ANONYME = "5/min"
    pirate = client_depuis("203.0.113.9", HTTP_X_BORNE_ID="BZV-DEMO-01")
    statuts = [pirate.get("/api/v1/produits/").status_code for _ in range(6)]
    assert statuts == [200] * 5 + [429]
    vraie = client_depuis("198.51.100.7", HTTP_X_BORNE_ID="BZV-DEMO-01", HTTP_X_BORNE_KEY=settings.DEMO_BORNE_KEY)
    assert vraie.get("/api/v1/produits/").status_code == 200


@pytest.mark.django_db
def test_changer_d_en_tete_ne_contourne_pas_la_limite(settings, produits):
    settings.THROTTLE_ANONYME = "5/min"
    statuts = [
        client_depuis("203.0.113.9", HTTP_X_BORNE_ID=f"B{i}", HTTP_X_FORWARDED_FOR=f"10.0.0.{i}")
        .get("/api/v1/produits/")
        .status_code
        for i in range(6)
    ]
    assert statuts[-1] == 429
    reponse = client_depuis("203.0.113.9").get("/api/v1/produits/")
    assert reponse.status_code == 429 and int(reponse["Retry-After"]) > 0
    assert reponse.json()["code"] == "trop_de_requetes"


@pytest.mark.django_db
def test_derriere_le_proxy_de_confiance_l_adresse_vient_du_proxy(settings, produits):
    settings.THROTTLE_ANONYME = "5/min"
    settings.PROXY_DE_CONFIANCE = True
    for i in range(6):
        reponse = client_depuis("127.0.0.1", HTTP_X_FORWARDED_FOR=f"1.2.3.4, 10.0.0.{i}").get("/api/v1/produits/")
        assert reponse.status_code == 200


@pytest.mark.django_db
def test_dix_cles_fausses_verrouillent_l_identifiant_de_borne(settings, demo):
    for i in range(10):
        pirate = client_depuis(f"203.0.113.{i}", HTTP_X_BORNE_ID="BZV-DEMO-01", HTTP_X_BORNE_KEY=f"faux{i}")
        assert pirate.post(LOGIN, JEAN, format="json").status_code == 401
    vraie = client_depuis("198.51.100.7", HTTP_X_BORNE_ID="BZV-DEMO-01", HTTP_X_BORNE_KEY=settings.DEMO_BORNE_KEY)
    reponse = vraie.post(LOGIN, JEAN, format="json")
    assert reponse.status_code == 429
    assert 0 < int(reponse["Retry-After"]) <= 15 * 60
    assert reponse.json()["code"] == "borne_verrouillee"
    # Another borne is not concerned.
    autre = client_depuis("198.51.100.7", HTTP_X_BORNE_ID="BZV-AUTRE", HTTP_X_BORNE_KEY="x")
    assert autre.post(LOGIN, JEAN, format="json").status_code == 401


@pytest.mark.django_db
def test_neuf_cles_fausses_ne_verrouillent_pas(settings, demo):
    for i in range(9):
        client_depuis("203.0.113.1", HTTP_X_BORNE_ID="BZV-DEMO-01", HTTP_X_BORNE_KEY=f"faux{i}").post(LOGIN, JEAN)
    vraie = client_depuis("198.51.100.7", HTTP_X_BORNE_ID="BZV-DEMO-01", HTTP_X_BORNE_KEY=settings.DEMO_BORNE_KEY)
    assert vraie.post(LOGIN, JEAN, format="json").status_code == 200


@pytest.mark.django_db(transaction=True)
def test_cinquante_cles_fausses_simultanees_dix_essais_seulement(settings):
    from apps.demo.services import charger_demo

    charger_demo()

    def essayer(i):
        try:
            pirate = client_depuis(f"203.0.113.{i}", HTTP_X_BORNE_ID="BZV-DEMO-01", HTTP_X_BORNE_KEY=f"faux{i}")
            return pirate.post(LOGIN, JEAN, format="json").status_code
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=50) as groupe:
        statuts = list(groupe.map(essayer, range(50)))
    assert statuts.count(401) == 10 and statuts.count(429) == 40
