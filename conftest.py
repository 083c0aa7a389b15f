"""Fixtures shared by every test: the real PostgreSQL database, a frozen 'today'."""

import json
from datetime import date

import pytest
from django.db import connection

from apps.core.dates import fixer_aujourdhui
from apps.mtn_integration import passerelle
from apps.mtn_integration.sandbox.testing import RunningSandbox


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
    """The demo data of the README, loaded for the test's frozen or real day."""
    from apps.demo.services import charger_demo

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
    with RunningSandbox() as sandbox:
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


# --- The job queue: jobs run here, in the test's own transaction, as a worker would run them ---


def travaux_executer(*, jusqu_a=None, limite: int = 10) -> list[str]:
    """Run every queued job that is due (at `jusqu_a`, default now), oldest first; their names.

    A real worker runs on its own connection and would not see the rows of a test's
    transaction, so the jobs are taken from procrastinate_jobs with Django's connection and
    their task called directly. Tests with a real worker process live in apps/paiements/tests/faults/test_pannes.py.
    """
    from django.utils import timezone
    from procrastinate.contrib.django import app

    faits = []
    for _ in range(limite):
        with connection.cursor() as curseur:
            curseur.execute(
                "SELECT id, task_name, args FROM procrastinate_jobs WHERE status = 'todo' "
                "AND (scheduled_at IS NULL OR scheduled_at <= %s) ORDER BY id LIMIT 1",
                [jusqu_a or timezone.now()],
            )
            ligne = curseur.fetchone()
            if ligne is None:
                return faits
            curseur.execute("DELETE FROM procrastinate_jobs WHERE id = %s", [ligne[0]])
        arguments = json.loads(ligne[2]) if isinstance(ligne[2], str) else ligne[2]
        app.tasks[ligne[1]].func(**arguments)
        faits.append(ligne[1])
    return faits


def travaux_en_file() -> list[dict]:
    with connection.cursor() as curseur:
        curseur.execute(
            "SELECT task_name, args, scheduled_at, queueing_lock FROM procrastinate_jobs "
            "WHERE status = 'todo' ORDER BY id"
        )
        colonnes = [c.name for c in curseur.description]
        return [dict(zip(colonnes, ligne, strict=True)) for ligne in curseur.fetchall()]


@pytest.fixture
def travaux(db):
    return travaux_executer


def _file_de_travaux_vider(django_db_blocker) -> None:
    with django_db_blocker.unblock(), connection.cursor() as curseur:
        curseur.execute("DELETE FROM procrastinate_jobs")


@pytest.fixture(scope="session", autouse=True)
def _file_de_travaux_vide_au_depart(django_db_setup, django_db_blocker):
    """A test database kept from an earlier run (--reuse-db, the default) may hold its jobs."""
    _file_de_travaux_vider(django_db_blocker)


@pytest.fixture(autouse=True)
def file_de_travaux_videe(request, django_db_blocker):
    """Tests whose writes are committed (transaction=True, a live server, a real worker) leave
    their jobs in the queue, and Django's flush leaves the queue's tables alone (they are not
    Django-managed): emptied after each, so that the next test's travaux_executer() runs its
    own jobs only."""
    yield
    marque = request.node.get_closest_marker("django_db")
    if (marque and marque.kwargs.get("transaction")) or {"transactional_db", "live_server"} & set(request.fixturenames):
        _file_de_travaux_vider(django_db_blocker)
