"""Cross-origin calls, production settings refusing demo credentials, no PII in logs."""

import io
import json
import logging
import subprocess
import sys

import pytest
from django.conf import settings

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


def _journal(message, *args, exc_info=None):
    """What the configured console handler writes for one record (filter + formatter)."""
    from logging.config import dictConfig

    from django.conf import settings

    sortie = io.StringIO()
    dictConfig(settings.LOGGING)
    gestionnaire = logging.getLogger().handlers[0]
    gestionnaire.setStream(sortie)
    logging.getLogger("essai.pii").error(message, *args, exc_info=exc_info)
    dictConfig(settings.LOGGING)  # back to stderr for the other tests
    return sortie.getvalue()


def test_traces_d_exception_masquees():
    try:
        raise ValueError('Key (telephone)=(+242061234567) refus: {"nom": "KONGO", "prenom": "Jean Baptiste"}')
    except ValueError as exc:
        texte = _journal("Échec pour %s", "+242059876543", exc_info=exc)
    assert "Traceback" in texte
    for secret in ["+242061234567", "+242059876543", "KONGO", "Jean Baptiste"]:
        assert secret not in texte


def test_jetons_cles_et_noms_masques():
    jwt = "eyJhbGciOiJIUzI1NiJ9.eyJjbGllbnRfaWQiOjF9.c2lnbmF0dXJlLWRlLWplbg"
    texte = _journal(
        "Authorization: Bearer %s refresh=%s X-Borne-Key=demo-borne-bzv-01-cle nom=MOUKOKO api_key='abc123'",
        jwt,
        jwt,
    )
    for secret in [jwt, "demo-borne-bzv-01-cle", "MOUKOKO", "abc123", "c2lnbmF0dXJl"]:
        assert secret not in texte


def _production(*commande, **env):
    base = {
        "PATH": "/usr/bin:/bin",
        "DJANGO_SETTINGS_MODULE": "nsia_pass_api.settings.production",
        "DJANGO_SECRET_KEY": "k" * 20 + "-Zq8#x!v2" * 6,
        "DATABASE_URL": "postgres://nsia@127.0.0.1:1/nsia_pass",  # unreachable: no demo found
        "DJANGO_ALLOWED_HOSTS": "pass.nsia-congo.example",
        **env,
    }
    return subprocess.run([sys.executable, *commande], env=base, capture_output=True, text=True)


def test_check_deploy_propre_en_production_derriere_le_proxy():
    resultat = _production("manage.py", "check", "--deploy", "--fail-level", "WARNING", DERRIERE_PROXY_TLS="true")
    assert resultat.returncode == 0, resultat.stdout + resultat.stderr


@pytest.mark.parametrize(
    ("derriere", "attendu"), [("false", "None"), ("true", "('HTTP_X_FORWARDED_PROTO', 'https') True")]
)
def test_en_tete_du_proxy_cru_seulement_derriere_le_proxy(derriere, attendu):
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.SECURE_PROXY_SSL_HEADER, s.PROXY_DE_CONFIANCE) if s.SECURE_PROXY_SSL_HEADER else print(None)"
    )
    resultat = _production("-c", code, DERRIERE_PROXY_TLS=derriere)
    assert resultat.stdout.strip() == attendu, resultat.stderr


@pytest.mark.django_db
def test_politique_de_contenu_sur_la_borne_et_l_api(api, produits):
    borne = api.get("/borne/")
    en_tete = set(borne["Content-Security-Policy"].split("; "))
    # One list for the page's meta tag, the Electron shell and this header (docs/securite.md);
    # kiosk-electron's politique-contenu.test.ts checks the built meta tag against the same list.
    page = json.loads((settings.BASE_DIR / "kiosk-electron/commun/politique-contenu.json").read_text())
    assert en_tete == {*page["directives"], "connect-src 'self'", "frame-ancestors 'none'"}
    assert "default-src 'self'" in en_tete and not any("unsafe" in d for d in en_tete)
    assert api.get("/api/v1/produits/")["Content-Security-Policy"].startswith("default-src 'none'")
    assert api.get("/api/v1/nimporte/")["Content-Security-Policy"].startswith("default-src 'none'")
