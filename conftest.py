"""Fixtures shared by every test: the real PostgreSQL database, a frozen 'today'."""

from datetime import date

import pytest
from django.db import connection

from apps.core.dates import fixer_aujourdhui
from apps.mtn_integration import passerelle
from apps.mtn_integration.sandbox.testing import SandboxEnMarche


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


# --- The project's MoMo sandbox, in-process on a free port: tests talk to it over HTTP ---

API_USER = "5f0c9a2e-7d1b-4c3a-9e8f-1a2b3c4d5e6f"
API_KEY = "f" * 32
SUBSCRIPTION_KEY = "cle-abonnement-test"


@pytest.fixture(scope="session")
def _sandbox():
    with SandboxEnMarche() as sandbox:
        yield sandbox


@pytest.fixture
def sandbox(_sandbox, settings):
    """A clean sandbox, and the API configured to use it (only configuration changes)."""
    _sandbox.state.reset()
    _sandbox.provisionner(API_USER, API_KEY, SUBSCRIPTION_KEY)
    _sandbox.state.processing_seconds = 0
    _sandbox.state.ongoing_seconds = 0.5
    _sandbox.state.callback_delay_seconds = 0
    settings.MOMO_BASE_URL = _sandbox.base_url
    settings.MOMO_SUBSCRIPTION_KEY = SUBSCRIPTION_KEY
    settings.MOMO_API_USER = API_USER
    settings.MOMO_API_KEY = API_KEY
    settings.MOMO_TARGET_ENVIRONMENT = "sandbox"
    settings.MOMO_CURRENCY = "EUR"
    settings.MOMO_CALLBACK_URL = ""
    settings.MOMO_TIMEOUT_SECONDS = 2
    passerelle._client.cache_clear()
    yield _sandbox
    passerelle._client.cache_clear()
