"""Fixtures shared by every test: the real PostgreSQL database, a frozen 'today'."""

from datetime import date

import pytest
from django.db import connection

from apps.core.dates import fixer_aujourdhui


@pytest.fixture
def fige_aujourdhui(db):
    """Freeze the views' today for this test (the setting dies with the test's transaction)."""

    def figer(jour: date | str):
        fixer_aujourdhui(date.fromisoformat(jour) if isinstance(jour, str) else jour)

    return figer


@pytest.fixture
def sql(db):
    """Run raw SQL, as a DBA or another program would, bypassing Django's validation."""

    def executer(requete: str, params=None):
        with connection.cursor() as cursor:
            cursor.execute(requete, params or [])
            if cursor.description:
                colonnes = [c.name for c in cursor.description]
                return [dict(zip(colonnes, ligne, strict=True)) for ligne in cursor.fetchall()]
            return None

    return executer


@pytest.fixture
def produits(db):
    from apps.produits.services import produits_charger_reference

    return {p.code: p for p in produits_charger_reference()}


@pytest.fixture
def demo(db):
    """The demo data of domain.md, loaded for the test's frozen or real day."""
    from apps.core.demo import charger_demo

    return charger_demo()


@pytest.fixture
def api():
    from rest_framework.test import APIClient

    return APIClient()


@pytest.fixture
def borne_api(demo, settings):
    """An API client speaking as the demo kiosk (X-Borne-Id / X-Borne-Key)."""
    from rest_framework.test import APIClient

    client = APIClient()
    client.credentials(HTTP_X_BORNE_ID="BZV-DEMO-01", HTTP_X_BORNE_KEY=settings.DEMO_BORNE_KEY)
    return client


@pytest.fixture
def connecte(borne_api):
    """Sign in as a demo client; returns an API client carrying the access token."""
    from rest_framework.test import APIClient

    def connecter(police="CG-2024-VIE-001", telephone="+242061234567"):
        reponse = borne_api.post("/api/v1/auth/login/", {"police": police, "telephone": telephone}, format="json")
        assert reponse.status_code == 200, reponse.content
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=f"Bearer {reponse.json()['access']}")
        client.jetons = reponse.json()
        return client

    return connecter
