"""Run the sandbox in-process for tests, and drive its control API."""

import json
import threading
import urllib.request

from apps.mtn_integration.sandbox.server import SandboxServer


class SandboxEnMarche:
    """The sandbox on a free local port: `with SandboxEnMarche() as sandbox: sandbox.base_url`."""

    def __init__(
        self, *, processing_seconds: float = 0.0, ongoing_seconds: float = 1.0, callback_delay_seconds: float = 0.0
    ):
        self.server = SandboxServer(("127.0.0.1", 0))
        self.server.state.processing_seconds = processing_seconds
        self.server.state.ongoing_seconds = ongoing_seconds
        self.server.state.callback_delay_seconds = callback_delay_seconds
        self.base_url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()

    @property
    def state(self):
        return self.server.state

    def provisionner(self, user: str, key: str, subscription_key: str = "") -> None:
        from apps.mtn_integration.sandbox.server import ApiUser

        self.state.subscription_key = subscription_key
        self.state.users[user] = ApiUser(callback_host=None, api_key=key)

    def _post(self, chemin: str, corps: dict | None = None):
        requete = urllib.request.Request(
            self.base_url + chemin,
            data=json.dumps(corps or {}).encode(),
            method="POST",
            headers={"Content-Type": "application/json"},
        )
        with urllib.request.urlopen(requete, timeout=5) as reponse:  # noqa: S310 - local sandbox
            return json.loads(reponse.read() or b"null")

    def pannes(self, **pannes):
        return self._post("/_sandbox/faults", pannes)

    def regler(self, reference_id: str, statut: str = "SUCCESSFUL", raison: str | None = None):
        return self._post(f"/_sandbox/transactions/{reference_id}/settle", {"status": statut, "reason": raison})

    def transactions(self) -> list[dict]:
        with urllib.request.urlopen(self.base_url + "/_sandbox/transactions", timeout=5) as reponse:  # noqa: S310
            return json.loads(reponse.read())

    def appels(self) -> dict:
        with urllib.request.urlopen(self.base_url + "/_sandbox/calls", timeout=5) as reponse:  # noqa: S310
            return json.loads(reponse.read())
