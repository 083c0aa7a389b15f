"""Django's PostgreSQL backend, whose pool checks a connection with nsia_pass_api.connexions.

Django hands psycopg_pool its own `check` (a round trip on every loan, with CONN_HEALTH_CHECKS)
and refuses another one in OPTIONS["pool"]; the pool it builds gets ours instead.
"""

from django.db.backends.postgresql import base

from nsia_pass_api.connexions import connexion_verifier


class DatabaseWrapper(base.DatabaseWrapper):
    @property
    def pool(self):
        pool = super().pool
        if pool is not None and pool._check is not None:
            # psycopg_pool keeps the callback given to its constructor here (psycopg-pool 3.3).
            pool._check = connexion_verifier
        return pool
