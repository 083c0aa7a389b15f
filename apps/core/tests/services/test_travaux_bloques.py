"""The periodic sweep that puts back the jobs of a dead worker (apps/core/tasks.py)."""

import asyncio

import pytest
from asgiref.sync import sync_to_async
from django.db import connection, connections

from apps.core.tasks import travaux_bloques_relancer

pytestmark = pytest.mark.django_db(transaction=True)


def _travail(tache: str, statut: str, verrou_de_file: str | None = None) -> int:
    with connection.cursor() as curseur:
        curseur.execute(
            "INSERT INTO procrastinate_jobs (queue_name, task_name, args, status, queueing_lock) "
            "VALUES ('periodiques', %s, '{}', %s, %s) RETURNING id",
            [tache, statut, verrou_de_file],
        )
        return curseur.fetchone()[0]


def _statut(travail: int) -> str:
    with connection.cursor() as curseur:
        curseur.execute("SELECT status FROM procrastinate_jobs WHERE id = %s", [travail])
        return curseur.fetchone()[0]


def test_travail_bloque_deja_remplace_dans_la_file_ne_bloque_pas_les_autres():
    """A dead worker's reconciliation whose next run is already queued (same queueing lock) cannot
    go back to the queue; the sweep used to fail on it every minute, leaving the others stuck."""
    bloque = _travail("periodique.reconciliation", "doing", "reconciliation")
    suivant = _travail("periodique.reconciliation", "todo", "reconciliation")
    autre = _travail("momo.verifier", "doing")

    # The connector's async calls run in asgiref's shared thread: its connection may date from
    # before a PostgreSQL restart of an earlier test; start it afresh.
    asyncio.run(sync_to_async(connections.close_all)())
    asyncio.run(travaux_bloques_relancer(secondes_sans_battement=1))

    assert _statut(autre) == "todo"
    assert _statut(suivant) == "todo"
    assert _statut(bloque) != "doing"
