"""Fixtures for the MoMo client and sandbox tests: real HTTP, no Django, no database.

The sandbox runs in this process on a free port (one per test session, reset before each
test, timings near zero); a tiny HTTP server stands in for our callback URL.
"""

import json
import threading
import uuid
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from apps.mtn_integration.momo import MomoClient, MomoConfig
from apps.mtn_integration.sandbox.testing import RunningSandbox

API_USER = "0b6f1c3e-8a2d-4f5b-9c7e-2d4a6b8c0e1f"
API_KEY = "3f9a7c1e5b2d4f6a8c0e1b3d5f7a9c2e"
SUBSCRIPTION_KEY = "cle-abonnement-tests-momo"


@pytest.fixture(scope="session")
def _running_sandbox() -> Iterator[RunningSandbox]:
    with RunningSandbox() as sandbox:
        yield sandbox


@pytest.fixture
def momo_sandbox(_running_sandbox: RunningSandbox) -> RunningSandbox:
    """A clean sandbox with a known api user; final states and callbacks are immediate."""
    sandbox = _running_sandbox
    sandbox.state.reset()
    sandbox.provisionner(API_USER, API_KEY, SUBSCRIPTION_KEY)
    sandbox.state.processing_seconds = 0
    sandbox.state.ongoing_seconds = 0.3
    sandbox.state.callback_delay_seconds = 0
    sandbox.state.callback_method = "PUT"
    sandbox.state.reason_format = "string"
    return sandbox


@pytest.fixture
def client_for(momo_sandbox: RunningSandbox):
    """Build a MomoClient for the sandbox; keyword arguments change its configuration."""

    def build(recorder=None, **changes) -> MomoClient:
        config = {
            "base_url": momo_sandbox.base_url,
            "subscription_key": SUBSCRIPTION_KEY,
            "api_user": API_USER,
            "api_key": API_KEY,
            "timeout": 1.0,
            "connect_timeout": 1.0,
            **changes,
        }
        return MomoClient(MomoConfig(**config), recorder=recorder)

    return build


@pytest.fixture
def client(client_for) -> MomoClient:
    return client_for()


def pay(client: MomoClient, msisdn: str = "242061234567", reference: str | None = None, **kwargs):
    """Send a request-to-pay and return its X-Reference-Id."""
    reference = reference or str(uuid.uuid4())
    client.request_to_pay(
        reference_id=reference,
        amount=kwargs.pop("amount", 1250),
        external_id=kwargs.pop("external_id", "PAY-TEST-1"),
        payer_msisdn=msisdn,
        payer_message="NSIA PASS",
        payee_note="test",
        **kwargs,
    )
    return reference


class CallbackReceiver:
    """Our callback URL in miniature: records every request MTN's sandbox sends to it."""

    def __init__(self) -> None:
        self.received: list[tuple[str, str, dict]] = []
        self._condition = threading.Condition()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def _store(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = json.loads(self.rfile.read(length) or b"{}")
                with receiver._condition:
                    receiver.received.append((self.command, self.path, body))
                    receiver._condition.notify_all()
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()

            do_PUT = do_POST = _store

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/api/v1/mtn/callback/"
        threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True).start()

    def wait_for(self, count: int, timeout: float = 3.0) -> list[tuple[str, str, dict]]:
        with self._condition:
            self._condition.wait_for(lambda: len(self.received) >= count, timeout)
            return list(self.received)

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def callback_receiver() -> Iterator[CallbackReceiver]:
    receiver = CallbackReceiver()
    yield receiver
    receiver.close()
