"""The pool lends a connection after nsia_pass_api.connexions' check, and only that one.

nsia_pass_api/postgresql/base.py puts the check where psycopg_pool keeps its callback, a private
attribute: if an upgrade of psycopg-pool renamed it, the pool would silently go back to a round
trip per loan (or to no check at all). This test fails then.
"""

import pytest
from django.db import connection
from psycopg_pool import ConnectionPool

from nsia_pass_api import connexions
from nsia_pass_api.postgresql.base import DatabaseWrapper


@pytest.mark.django_db
def test_le_pool_verifie_chaque_pret_par_notre_controle(monkeypatch):
    vus = []

    def verifier(c):
        vus.append(c)
        connexions.connexion_verifier(c)

    monkeypatch.setattr("nsia_pass_api.postgresql.base.connexion_verifier", verifier)
    reglages = {
        **connection.settings_dict,
        "CONN_MAX_AGE": 0,
        "CONN_HEALTH_CHECKS": True,
        "OPTIONS": {**connection.settings_dict["OPTIONS"], "pool": {"min_size": 1, "max_size": 1}},
    }
    base = DatabaseWrapper(reglages, alias="controle")
    try:
        assert isinstance(base.pool, ConnectionPool)
        base.pool.open(wait=True)  # as Django does on its first connection
        for _ in range(3):
            with base.pool.connection() as c:
                c.execute("SELECT 1")
        assert len(vus) == 3
    finally:
        base.close_pool()
