"""The project's Airtel sandbox in this process on a free port: tests talk to it over HTTP."""

import json
import os
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from apps.airtel_integration import passerelle
from apps.airtel_integration.airtel import AirtelClient, AirtelConfig
from apps.airtel_integration.sandbox.server import SandboxAirtelEnMarche

CLIENT_ID = "client-airtel-test"
CLIENT_SECRET = "secret-airtel-test"


class Pilote:
    """The sandbox's /_sandbox/ control API."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url

    def _appel(self, methode: str, chemin: str, corps: dict | None = None):
        requete = urllib.request.Request(
            self.base_url + chemin,
            data=None if corps is None else json.dumps(corps).encode(),
            method=methode,
            headers={"Content-Type": "application/json"},
        )
        with urllib.request.urlopen(requete, timeout=5) as reponse:  # noqa: S310 - local sandbox
            return json.loads(reponse.read() or b"null")

    def pannes(self, **pannes):
        return self._appel("POST", "/_sandbox/faults", pannes)

    def regler(self, **reglages):
        return self._appel("POST", "/_sandbox/config", reglages)

    def trancher(self, transaction_id: str, status: str, code: str | None = None):
        return self._appel("POST", f"/_sandbox/transactions/{transaction_id}/settle", {"status": status, "code": code})

    def transactions(self):
        return self._appel("GET", "/_sandbox/transactions")

    def transaction(self, transaction_id: str) -> dict | None:
        """The sandbox's view of one transaction, or None when Airtel never received it."""
        try:
            return self._appel("GET", f"/_sandbox/transactions/{transaction_id}")
        except urllib.error.HTTPError as exc:
            if exc.code == 404:
                return None
            raise

    def oublier_jetons(self):
        return self._appel("POST", "/_sandbox/tokens/expire", {})


class SandboxAirtelProcessus:
    """`python -m apps.airtel_integration.sandbox` in a child process that a test may kill
    (SIGKILL: open connections reset, everything in memory gone) and start again on its port."""

    def __init__(self) -> None:
        self.processus: subprocess.Popen | None = None
        self.port = 0  # chosen by the OS at the first start, kept for the restarts

    def demarrer(self) -> Pilote:
        env = {
            **os.environ,
            "AIRTEL_SANDBOX_CLIENT_ID": CLIENT_ID,
            "AIRTEL_SANDBOX_CLIENT_SECRET": CLIENT_SECRET,
            "AIRTEL_SANDBOX_PROCESSING_SECONDS": "0",
            "AIRTEL_SANDBOX_CALLBACK_URL": "",
        }
        self.processus = subprocess.Popen(  # noqa: S603 - our own module, no shell
            [sys.executable, "-m", "apps.airtel_integration.sandbox", "--port", str(self.port)],
            cwd=Path(__file__).resolve().parents[3],
            env=env,
            stdout=subprocess.PIPE,
            text=True,
        )
        ligne = self.processus.stdout.readline().strip()  # "Bac à sable Airtel Money sur http://…"
        if "http://" not in ligne:
            self.tuer()
            raise RuntimeError(f"le bac à sable Airtel n'a pas démarré : {ligne!r}")
        self.base_url = ligne.rsplit(" ", 1)[-1]
        self.port = int(self.base_url.rsplit(":", 1)[1])
        self.pilote = Pilote(self.base_url)
        return self.pilote

    def tuer(self) -> None:
        if self.processus and self.processus.poll() is None:
            self.processus.kill()
            self.processus.wait(5)
        if self.processus and self.processus.stdout:
            self.processus.stdout.close()


@pytest.fixture
def airtel_processus(settings):
    """The Airtel sandbox as its own process, the API configured to use it; stopped at the end."""
    sandbox = SandboxAirtelProcessus()
    sandbox.demarrer()
    settings.AIRTEL_BASE_URL = sandbox.base_url
    settings.AIRTEL_CLIENT_ID = CLIENT_ID
    settings.AIRTEL_CLIENT_SECRET = CLIENT_SECRET
    settings.AIRTEL_ENVIRONNEMENT = "sandbox"
    passerelle._client.cache_clear()
    yield sandbox
    sandbox.tuer()
    passerelle._client.cache_clear()


@pytest.fixture(scope="session")
def _airtel():
    with SandboxAirtelEnMarche() as serveur:
        yield serveur


@pytest.fixture
def airtel_sandbox(_airtel, settings):
    """A clean sandbox, immediate outcomes, and the API configured to use it (settings only)."""
    pilote = Pilote(_airtel.base_url)
    pilote._appel("POST", "/_sandbox/reset", {})
    pilote.regler(
        client_id=CLIENT_ID, client_secret=CLIENT_SECRET, processing_seconds=0, hang_seconds=3, callback_url=""
    )
    settings.AIRTEL_BASE_URL = _airtel.base_url
    settings.AIRTEL_CLIENT_ID = CLIENT_ID
    settings.AIRTEL_CLIENT_SECRET = CLIENT_SECRET
    settings.AIRTEL_ENVIRONNEMENT = "sandbox"
    settings.AIRTEL_SIGNATURE = False
    settings.AIRTEL_CALLBACK_SECRET = ""
    settings.AIRTEL_TIMEOUT_SECONDS = 1
    passerelle._client.cache_clear()
    yield pilote
    passerelle._client.cache_clear()


@pytest.fixture
def client_airtel(airtel_sandbox):
    def construire(recorder=None, **changements) -> AirtelClient:
        config = {
            "base_url": airtel_sandbox.base_url,
            "client_id": CLIENT_ID,
            "client_secret": CLIENT_SECRET,
            "timeout": 1.0,
            "connect_timeout": 1.0,
            **changements,
        }
        return AirtelClient(AirtelConfig(**config), recorder=recorder)

    return construire
