"""Whatever fails under /api/, the answer is the JSON error body: never a stack trace."""

import logging

import pytest
from django.db import InterfaceError, OperationalError
from rest_framework.test import APIClient

from apps.produits import apis as produits_apis

pytestmark = pytest.mark.django_db


@pytest.fixture
def client_brut():
    """The test client re-raises view exceptions by default; a real server does not."""
    return APIClient(raise_request_exception=False)


def _casser_produits(monkeypatch, exception):
    def casse(*args, **kwargs):
        raise exception

    monkeypatch.setattr(produits_apis, "produits_actifs", casse)


def test_une_reference_faite_de_chiffres_n_est_pas_masquee_dans_les_journaux(
    client_brut, monkeypatch, caplog, produits
):
    """A reference of digits only once looked like a telephone to the log masking: hidden, unfindable."""
    import uuid

    monkeypatch.setattr("apps.core.exceptions.uuid.uuid4", lambda: uuid.UUID("33567663228512345678901234567890"))
    _casser_produits(monkeypatch, RuntimeError("panne"))
    with caplog.at_level(logging.ERROR):
        reference = client_brut.get("/api/v1/produits/").json()["details"]["reference"]
    assert reference == "3356-7663-2285"
    assert reference in caplog.text


def test_exception_inattendue_500_json_avec_reference_sans_trace(client_brut, monkeypatch, settings, caplog, produits):
    settings.DEBUG = True
    _casser_produits(monkeypatch, RuntimeError("secret interne +242061234567"))
    with caplog.at_level(logging.ERROR):
        reponse = client_brut.get("/api/v1/produits/")
    assert reponse.status_code == 500
    assert reponse["Content-Type"] == "application/json"
    corps = reponse.json()
    assert corps["code"] == "erreur_interne"
    reference = corps["details"]["reference"]
    assert reference and reference in caplog.text
    assert b"Traceback" not in reponse.content and b"secret interne" not in reponse.content


@pytest.mark.parametrize("exception", [OperationalError("server closed"), InterfaceError("connection already closed")])
def test_base_coupee_503_avec_retry_after(client_brut, monkeypatch, produits, exception):
    _casser_produits(monkeypatch, exception)
    reponse = client_brut.get("/api/v1/produits/")
    assert reponse.status_code == 503
    assert int(reponse["Retry-After"]) > 0
    assert reponse.json()["code"] == "service_indisponible"


def test_exception_hors_drf_sous_api_500_json(client_brut, settings, monkeypatch):
    """A failure outside any DRF view (a middleware) still answers the error body under /api/."""
    settings.DEBUG = True
    from apps.core import middleware

    def casse(self, request):
        raise RuntimeError("boum")

    monkeypatch.setattr(middleware.PasDeCacheApiMiddleware, "__call__", casse)
    reponse = client_brut.get("/api/v1/produits/")
    assert reponse.status_code == 500
    assert reponse.json()["code"] == "erreur_interne" and reponse.json()["details"]["reference"]
