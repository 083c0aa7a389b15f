"""Cross-origin calls, production settings refusing demo credentials, no PII in logs."""

import logging
import subprocess
import sys

import pytest

from apps.core.logging import MaskPIIFilter


@pytest.mark.django_db
def test_cors_seulement_pour_les_origines_configurees(api, settings, produits):
    settings.CORS_ALLOWED_ORIGINS = ["app://borne"]
    permis = api.options("/api/v1/produits/", HTTP_ORIGIN="app://borne", HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET")
    assert permis["Access-Control-Allow-Origin"] == "app://borne"
    refuse = api.options(
        "/api/v1/produits/", HTTP_ORIGIN="https://pirate.example", HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET"
    )
    assert "Access-Control-Allow-Origin" not in refuse


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({}, "DJANGO_SECRET_KEY"),
        ({"DJANGO_SECRET_KEY": "court"}, "DJANGO_SECRET_KEY"),
        (
            {"DJANGO_SECRET_KEY": "x" * 60, "DATABASE_URL": "postgres://u@h/d", "DEMO_BORNE_KEY": "demo"},
            "DEMO_BORNE_KEY",
        ),
        (
            {"DJANGO_SECRET_KEY": "x" * 60, "DATABASE_URL": "postgres://u@h/d", "DEMO_AGENT_PASSWORD": "x"},
            "DEMO_AGENT_PASSWORD",
        ),
        ({"DJANGO_SECRET_KEY": "x" * 60}, "DATABASE_URL"),
    ],
)
def test_la_production_refuse_de_demarrer(env, message):
    propre = {"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "nsia_pass_api.settings.production", **env}
    resultat = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"], env=propre, capture_output=True, text=True
    )
    assert resultat.returncode != 0
    assert message in resultat.stderr


def test_la_production_demarre_avec_une_configuration_complete():
    env = {
        "PATH": "/usr/bin:/bin",
        "DJANGO_SETTINGS_MODULE": "nsia_pass_api.settings.production",
        "DJANGO_SECRET_KEY": "k" * 64,
        "DATABASE_URL": "postgres://nsia@db:5432/nsia_pass",
    }
    resultat = subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); print('ok')"], env=env, capture_output=True, text=True
    )
    assert resultat.stdout.strip() == "ok", resultat.stderr


def test_les_numeros_de_telephone_sont_masques_dans_les_logs():
    enregistrement = logging.LogRecord(
        "x", logging.INFO, __file__, 1, "Paiement de %s via %s", ("+242061234567", "46733123451"), None
    )
    MaskPIIFilter().filter(enregistrement)
    message = enregistrement.getMessage()
    assert "+242061234567" not in message and "46733123451" not in message
    assert "+2420" in message
