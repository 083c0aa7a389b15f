"""The project's Airtel sandbox in this process on a free port: tests talk to it over HTTP."""

import json
import urllib.error
import urllib.request

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
