"""Run the sandbox from tests: in-process on a free port, or as a subprocess; drive it over HTTP.

    with RunningSandbox(processing_seconds=0) as sandbox:      # in-process, port chosen by the OS
        sandbox.base_url; sandbox.set_faults(callback="twice"); sandbox.transactions()

    with SandboxProcess(env={"MOMO_SANDBOX_PROCESSING_SECONDS": "0"}) as sandbox:  # python -m …
        ...

Both speak to the control API over HTTP (``SandboxControl``), so a test reads the same against
either. The French names (``pannes``, ``regler``, ``appels``, ``provisionner``) are kept for
the tests written with them.
"""

import json
import os
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

from apps.mtn_integration.sandbox.server import SandboxServer
from apps.mtn_integration.sandbox.state import ApiUser, SandboxState

PROJECT_ROOT = Path(__file__).resolve().parents[3]
CONTROL_TIMEOUT_SECONDS = 5


class SandboxControl:
    """The /_sandbox/ control API of a sandbox at `base_url`."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url

    def _request(self, method: str, path: str, body: dict | None = None) -> Any:
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(
            self.base_url + path,
            data=data,
            method=method,
            headers={"Content-Type": "application/json"},
        )
        try:
            with urllib.request.urlopen(request, timeout=CONTROL_TIMEOUT_SECONDS) as response:
                return json.loads(response.read() or b"null")
        except urllib.error.HTTPError as exc:
            raise RuntimeError(f"{method} {path}: {exc.code} {exc.read().decode(errors='replace')}") from exc

    def reset(self) -> None:
        self._request("POST", "/_sandbox/reset", {})

    def set_faults(self, **faults: Any) -> dict:
        """Replace every fault switch (see sandbox.faults); no argument turns them all off."""
        return self._request("POST", "/_sandbox/faults", faults)

    def configure(self, **settings: Any) -> dict:
        """processing_seconds, ongoing_seconds, callback_delay_seconds, callback_method, …"""
        return self._request("POST", "/_sandbox/config", settings)

    def provision(self, api_user: str, api_key: str, callback_host: str | None = None) -> None:
        body = {"apiUser": api_user, "apiKey": api_key}
        if callback_host:
            body["providerCallbackHost"] = callback_host
        self._request("POST", "/_sandbox/users", body)

    def settle(self, reference_id: str, status: str = "SUCCESSFUL", reason: str | None = None) -> dict:
        return self._request(
            "POST",
            f"/_sandbox/transactions/{reference_id}/settle",
            {"status": status, "reason": reason},
        )

    def transactions(self) -> list[dict]:
        return self._request("GET", "/_sandbox/transactions")

    def transaction(self, reference_id: str) -> dict:
        return self._request("GET", f"/_sandbox/transactions/{reference_id}")

    def calls(self) -> dict[str, int]:
        """How many times each MTN endpoint was called, e.g. calls()["POST /collection/token/"]."""
        return self._request("GET", "/_sandbox/calls")

    def token_calls(self) -> int:
        return self.calls().get("POST /collection/token/", 0)

    def expire_tokens(self) -> None:
        self._request("POST", "/_sandbox/tokens/expire", {})

    # French names used by the payment tests.
    def pannes(self, **faults: Any) -> dict:
        return self.set_faults(**faults)

    def regler(self, reference_id: str, statut: str = "SUCCESSFUL", raison: str | None = None) -> dict:
        return self.settle(reference_id, statut, raison)

    def appels(self) -> dict[str, int]:
        return self.calls()


class RunningSandbox(SandboxControl):
    """The sandbox in this process on a free port, fast timings by default (a context manager)."""

    def __init__(
        self,
        *,
        processing_seconds: float = 0.0,
        ongoing_seconds: float = 1.0,
        callback_delay_seconds: float = 0.0,
        subscription_key: str = "",
        env: dict[str, str] | None = None,
    ) -> None:
        state = SandboxState(env if env is not None else {})
        state.processing_seconds = processing_seconds
        state.ongoing_seconds = ongoing_seconds
        state.callback_delay_seconds = callback_delay_seconds
        state.subscription_key = subscription_key
        self.server = SandboxServer(("127.0.0.1", 0), state)
        super().__init__(self.server.base_url)
        self._thread = threading.Thread(
            target=self.server.serve_forever, args=(0.05,), name="momo-sandbox", daemon=True
        )

    @property
    def state(self) -> SandboxState:
        return self.server.state

    def start(self) -> "RunningSandbox":
        self._thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def __enter__(self) -> "RunningSandbox":
        return self.start()

    def __exit__(self, *exc_info) -> None:
        self.stop()

    def provisionner(self, user: str, key: str, subscription_key: str = "") -> None:
        """A known api user and key, and the one subscription key accepted ("" = any)."""
        self.state.subscription_key = subscription_key
        with self.state.lock:
            self.state.users[user] = ApiUser(callback_host=None, api_key=key)


class SandboxProcess(SandboxControl):
    """`python -m apps.mtn_integration.sandbox` in a child process on a free port."""

    def __init__(self, env: dict[str, str] | None = None, host: str = "127.0.0.1") -> None:
        super().__init__("")
        self._env = {**os.environ, **(env or {})}
        self._host = host
        self.process: subprocess.Popen | None = None

    def __enter__(self) -> "SandboxProcess":
        command = [
            sys.executable,
            "-m",
            "apps.mtn_integration.sandbox",
            "--host",
            self._host,
            "--port",
            "0",
        ]
        self.process = subprocess.Popen(  # noqa: S603 - our own module, no shell
            command, cwd=PROJECT_ROOT, env=self._env, stdout=subprocess.PIPE, text=True
        )
        line = self.process.stdout.readline().strip()
        if not line.startswith("MoMo sandbox listening on "):
            self.__exit__()
            raise RuntimeError(f"the sandbox did not start: {line!r}")
        self.base_url = line.rsplit(" ", 1)[-1]
        return self

    def __exit__(self, *exc_info) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=5)
        if self.process and self.process.stdout:
            self.process.stdout.close()
