"""The project's MTN MoMo sandbox: MTN's paths, headers, status codes and bodies, locally.

    python -m apps.mtn_integration.sandbox --host 127.0.0.1 --port 8090

Standard library only, no database: state lives in memory. What it does, as MTN's sandbox:
- provisioning: POST /v1_0/apiuser, POST /v1_0/apiuser/{id}/apikey, GET /v1_0/apiuser/{id};
- POST /collection/token/ (Basic api user:key) → access_token valid 3600 s;
- Ocp-Apim-Subscription-Key required on every MTN path (401 otherwise);
- POST /collection/v1_0/requesttopay → 202 empty; 400 when X-Reference-Id is not a UUID,
  409 when it was already used; X-Target-Environment must be `sandbox`; currency EUR only
  (500 INVALID_CURRENCY); X-Callback-Url host must be the api user's providerCallbackHost;
- GET /collection/v1_0/requesttopay/{id} → status resource or 404 RESOURCE_NOT_FOUND;
- GET /collection/v1_0/account/balance, GET /collection/v1_0/accountholder/msisdn/{n}/active;
- MTN's test payer numbers (momo.md) decide the outcome; Congo numbers (242…) and any other
  succeed after MOMO_SANDBOX_PROCESSING_SECONDS; 46733123453 succeeds after
  MOMO_SANDBOX_ONGOING_SECONDS; 46733123454 stays PENDING;
- the callback is sent once, when the final state is reached, to X-Callback-Url (PUT).

Pre-provisioned credentials (for the API in development): MOMO_SANDBOX_SUBSCRIPTION_KEY,
MOMO_SANDBOX_API_USER, MOMO_SANDBOX_API_KEY. Without a configured subscription key any
non-empty key is accepted.

Fault switches for tests, under /_sandbox/ (not an MTN path):
- POST /_sandbox/faults {"callback": "twice"|"late"|"never"|"lie", "callback_delay": s,
  "requesttopay": "error500"|"hang"|"accept_then_hang", "status": "error500"|"hang",
  "hang_seconds": n, "count": n (how many requests the fault applies to, default all)};
- POST /_sandbox/reset; GET /_sandbox/transactions; GET /_sandbox/calls (counts per path);
- POST /_sandbox/transactions/{id}/settle {"status", "reason"} forces a final state;
- POST /_sandbox/config {"processing_seconds", "ongoing_seconds", "callback_delay_seconds"}.
"""

import argparse
import base64
import json
import os
import re
import secrets
import threading
import time
import urllib.request
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlparse

# MTN's sandbox test payers: (status, reason). None = SUCCESSFUL after a delay.
TEST_NUMBERS = {
    "46733123450": ("FAILED", "INTERNAL_PROCESSING_ERROR"),
    "46733123451": ("FAILED", "APPROVAL_REJECTED"),
    "46733123452": ("FAILED", "EXPIRED"),
    "46733123453": ("ONGOING", None),
    "46733123454": ("PENDING", None),
    "46733123455": ("FAILED", "PAYER_NOT_FOUND"),
    "46733123456": ("FAILED", "PAYEE_NOT_ALLOWED_TO_RECEIVE"),
    "46733123457": ("FAILED", "NOT_ALLOWED"),
    "46733123458": ("FAILED", "NOT_ALLOWED_TARGET_ENVIRONMENT"),
    "46733123459": ("FAILED", "INVALID_CALLBACK_URL_HOST"),
    "46733123460": ("FAILED", "INVALID_CURRENCY"),
    "46733123461": ("FAILED", "INTERNAL_PROCESSING_ERROR"),
    "46733123462": ("FAILED", "SERVICE_UNAVAILABLE"),
    "46733123463": ("FAILED", "COULD_NOT_PERFORM_TRANSACTION"),
}
UUID_RE = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", re.I)
TOKEN_LIFETIME = 3600


@dataclass
class ApiUser:
    callback_host: str | None
    api_key: str | None = None


@dataclass
class Transaction:
    reference_id: str
    body: dict
    callback_url: str | None
    created: float
    outcome: tuple[str, str | None]
    forced: tuple[str, str | None] | None = None
    financial_id: str = field(default_factory=lambda: str(secrets.randbelow(10**9)))
    callbacks_sent: int = 0
    final_notified: bool = False

    def status(self, state: "SandboxState") -> tuple[str, str | None]:
        if self.forced:
            return self.forced
        kind, reason = self.outcome
        age = time.monotonic() - self.created
        if kind == "PENDING":
            return "PENDING", None
        if kind == "ONGOING":
            return ("SUCCESSFUL", None) if age >= state.ongoing_seconds else ("PENDING", None)
        if age < state.processing_seconds:
            return "PENDING", None
        return kind, reason

    def resource(self, state: "SandboxState", status: tuple[str, str | None] | None = None) -> dict:
        statut, reason = status or self.status(state)
        body = {
            "amount": self.body.get("amount"),
            "currency": self.body.get("currency"),
            "externalId": self.body.get("externalId"),
            "payer": self.body.get("payer"),
            "payerMessage": self.body.get("payerMessage"),
            "payeeNote": self.body.get("payeeNote"),
            "status": statut,
        }
        if statut == "SUCCESSFUL":
            body["financialTransactionId"] = self.financial_id
        if statut == "FAILED":
            body["reason"] = reason
        return body


class SandboxState:
    def __init__(self):
        self.lock = threading.RLock()
        self.subscription_key = os.environ.get("MOMO_SANDBOX_SUBSCRIPTION_KEY", "")
        self.processing_seconds = float(os.environ.get("MOMO_SANDBOX_PROCESSING_SECONDS", "2"))
        self.ongoing_seconds = float(os.environ.get("MOMO_SANDBOX_ONGOING_SECONDS", "30"))
        self.callback_delay_seconds = float(os.environ.get("MOMO_SANDBOX_CALLBACK_DELAY_SECONDS", "0.5"))
        self.callback_method = os.environ.get("MOMO_SANDBOX_CALLBACK_METHOD", "PUT")
        self.reset()

    def reset(self):
        with self.lock:
            self.users: dict[str, ApiUser] = {}
            self.tokens: dict[str, tuple[float, str]] = {}  # token → (expiry, api user)
            self.transactions: dict[str, Transaction] = {}
            self.faults: dict = {}
            self.calls: dict[str, int] = {}
            user, key = os.environ.get("MOMO_SANDBOX_API_USER"), os.environ.get("MOMO_SANDBOX_API_KEY")
            if user and key:
                self.users[user] = ApiUser(callback_host=None, api_key=key)

    def fault(self, name: str):
        """The active fault for `name`, consuming one use when a count was given."""
        with self.lock:
            value = self.faults.get(name)
            if value is None:
                return None
            remaining = self.faults.get(f"{name}_count")
            if remaining is not None:
                if remaining <= 0:
                    return None
                self.faults[f"{name}_count"] = remaining - 1
            return value


class Handler(BaseHTTPRequestHandler):
    server_version = "MoMoSandbox/1.0"
    protocol_version = "HTTP/1.1"

    @property
    def state(self) -> SandboxState:
        return self.server.state

    def log_message(self, format, *args):  # quiet unless asked
        if os.environ.get("MOMO_SANDBOX_VERBOSE"):
            super().log_message(format, *args)

    # -- helpers --------------------------------------------------------------------------
    def _body(self) -> bytes:
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def _json_body(self):
        raw = self._body()
        try:
            return json.loads(raw) if raw else {}
        except ValueError:
            return None

    def _send(self, status: int, body=None):
        data = b"" if body is None else json.dumps(body).encode()
        self.send_response(status)
        if body is not None:
            self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _error(self, status: int, code: str, message: str):
        self._send(status, {"code": code, "message": message})

    def _subscription_ok(self) -> bool:
        key = self.headers.get("Ocp-Apim-Subscription-Key")
        expected = self.state.subscription_key
        if not key or (expected and key != expected):
            self._send(
                401,
                {
                    "statusCode": 401,
                    "message": "Access denied due to invalid subscription key. "
                    "Make sure to provide a valid key for an active subscription.",
                },
            )
            return False
        return True

    def _bearer_ok(self) -> bool:
        auth = self.headers.get("Authorization", "")
        token = auth[7:] if auth.startswith("Bearer ") else None
        with self.state.lock:
            expires, user_id = self.state.tokens.get(token or "", (0.0, ""))
        if expires < time.monotonic():
            self._error(401, "UNAUTHORIZED", "Access token is missing, invalid or expired")
            return False
        self.api_user = self.state.users.get(user_id)
        return True

    def _count(self, key: str):
        with self.state.lock:
            self.state.calls[key] = self.state.calls.get(key, 0) + 1

    # -- routing ----------------------------------------------------------------------------
    def do_GET(self):
        self._route("GET")

    def do_POST(self):
        self._route("POST")

    def do_PUT(self):
        self._route("PUT")

    def _route(self, method: str):
        path = urlparse(self.path).path
        if path.startswith("/_sandbox/"):
            return self._control(method, path)
        routes = [
            ("POST", r"^/v1_0/apiuser$", self._create_user),
            ("POST", r"^/v1_0/apiuser/([^/]+)/apikey$", self._create_key),
            ("GET", r"^/v1_0/apiuser/([^/]+)$", self._get_user),
            ("POST", r"^/collection/token/?$", self._token),
            ("POST", r"^/collection/v1_0/requesttopay$", self._request_to_pay),
            ("GET", r"^/collection/v1_0/requesttopay/([^/]+)$", self._status),
            ("GET", r"^/collection/v1_0/account/balance$", self._balance),
            ("GET", r"^/collection/v1_0/accountholder/msisdn/([^/]+)/active$", self._active),
        ]
        for route_method, pattern, handler in routes:
            match = re.match(pattern, path)
            if match and route_method == method:
                self._count(f"{method} {pattern}")
                if not self._subscription_ok():
                    self._body()
                    return
                return handler(*match.groups())
        self._body()
        self._error(404, "RESOURCE_NOT_FOUND", "Requested resource was not found.")

    # -- provisioning ---------------------------------------------------------------------------
    def _create_user(self):
        body = self._json_body() or {}
        reference = self.headers.get("X-Reference-Id", "")
        if not UUID_RE.match(reference):
            return self._error(400, "INVALID_REFERENCE_ID", "Reference id is not a valid UUID version 4")
        with self.state.lock:
            if reference in self.state.users:
                return self._error(409, "RESOURCE_ALREADY_EXIST", "Duplicated reference id. Creation failed.")
            self.state.users[reference] = ApiUser(callback_host=body.get("providerCallbackHost"))
        self._send(201)

    def _create_key(self, user_id):
        self._body()
        with self.state.lock:
            user = self.state.users.get(user_id)
            if user is None:
                return self._error(404, "RESOURCE_NOT_FOUND", "Requested resource was not found.")
            user.api_key = secrets.token_hex(16)
            self._send(201, {"apiKey": user.api_key})

    def _get_user(self, user_id):
        with self.state.lock:
            user = self.state.users.get(user_id)
        if user is None:
            return self._error(404, "RESOURCE_NOT_FOUND", "Requested resource was not found.")
        self._send(200, {"providerCallbackHost": user.callback_host, "targetEnvironment": "sandbox"})

    def _token(self):
        self._body()
        auth = self.headers.get("Authorization", "")
        try:
            user_id, key = base64.b64decode(auth[6:]).decode().split(":", 1) if auth.startswith("Basic ") else ("", "")
        except ValueError:
            user_id, key = "", ""
        with self.state.lock:
            user = self.state.users.get(user_id)
            if user is None or not user.api_key or not secrets.compare_digest(user.api_key, key):
                return self._send(401, {"error": "login_failed"})
            token = secrets.token_urlsafe(48)
            self.state.tokens[token] = (time.monotonic() + TOKEN_LIFETIME, user_id)
        self._send(200, {"access_token": token, "token_type": "access_token", "expires_in": TOKEN_LIFETIME})

    # -- collection -------------------------------------------------------------------------------
    def _request_to_pay(self):
        body = self._json_body()
        if not self._bearer_ok():
            return
        fault = self.state.fault("requesttopay")
        if fault == "error500":
            return self._error(500, "INTERNAL_PROCESSING_ERROR", "An internal error occurred.")
        if fault == "hang":
            time.sleep(self.state.faults.get("hang_seconds", 30))
            return self._error(500, "INTERNAL_PROCESSING_ERROR", "Timeout")
        reference = self.headers.get("X-Reference-Id", "")
        if not UUID_RE.match(reference):
            return self._error(400, "INVALID_REFERENCE_ID", "Reference id is not a valid UUID version 4")
        if self.headers.get("X-Target-Environment") != "sandbox":
            return self._error(500, "NOT_ALLOWED_TARGET_ENVIRONMENT", "Access to target environment is forbidden.")
        if body is None or not isinstance(body, dict) or not isinstance(body.get("payer"), dict):
            return self._error(400, "INVALID_REQUEST", "Request body is malformed.")
        amount = body.get("amount")
        if not isinstance(amount, str) or not re.match(r"^\d+(\.\d+)?$", amount) or float(amount) <= 0:
            return self._error(400, "INVALID_AMOUNT", "Amount must be a positive number in a string.")
        if body.get("currency") != "EUR":
            return self._error(500, "INVALID_CURRENCY", "Currency not supported.")
        callback_url = self.headers.get("X-Callback-Url")
        if callback_url:
            host = urlparse(callback_url).hostname
            user = self.api_user
            if user and user.callback_host and host != user.callback_host:
                return self._error(500, "INVALID_CALLBACK_URL_HOST", "Callback URL with different host.")
        payer = str(body["payer"].get("partyId", ""))
        with self.state.lock:
            if reference in self.state.transactions:
                return self._error(409, "RESOURCE_ALREADY_EXIST", "Duplicated reference id. Creation failed.")
            outcome = TEST_NUMBERS.get(payer, ("SUCCESSFUL", None))
            transaction = Transaction(reference, body, callback_url, time.monotonic(), outcome)
            self.state.transactions[reference] = transaction
        self._schedule_callback(transaction)
        if fault == "accept_then_hang":
            # Created at MTN, but the answer comes after the client has given up.
            time.sleep(self.state.faults.get("hang_seconds", 30))
        self._send(202)

    def _status(self, reference):
        if not self._bearer_ok():
            return
        fault = self.state.fault("status")
        if fault == "error500":
            return self._error(500, "INTERNAL_PROCESSING_ERROR", "An internal error occurred.")
        if fault == "hang":
            time.sleep(self.state.faults.get("hang_seconds", 30))
        with self.state.lock:
            transaction = self.state.transactions.get(reference)
        if transaction is None:
            return self._error(404, "RESOURCE_NOT_FOUND", "Requested resource was not found.")
        self._send(200, transaction.resource(self.state))

    def _balance(self):
        if self._bearer_ok():
            self._send(200, {"availableBalance": "1000000", "currency": "EUR"})

    def _active(self, msisdn):
        if self._bearer_ok():
            self._send(200, {"result": TEST_NUMBERS.get(msisdn, ("", ""))[1] != "PAYER_NOT_FOUND"})

    # -- callbacks ----------------------------------------------------------------------------------
    def _schedule_callback(self, transaction: Transaction):
        if not transaction.callback_url:
            return
        threading.Thread(target=_callback_worker, args=(self.state, transaction), daemon=True).start()

    # -- control API (tests) -----------------------------------------------------------------------
    def _control(self, method, path):
        body = self._json_body() if method in {"POST", "PUT"} else {}
        state = self.state
        if method == "POST" and path == "/_sandbox/reset":
            state.reset()
            return self._send(200, {"ok": True})
        if method == "POST" and path == "/_sandbox/faults":
            with state.lock:
                state.faults = {}
                for key, value in (body or {}).items():
                    if key == "count":
                        for name in ("callback", "requesttopay", "status"):
                            if name in body:
                                state.faults[f"{name}_count"] = int(value)
                    else:
                        state.faults[key] = value
            return self._send(200, {"faults": state.faults})
        if method == "POST" and path == "/_sandbox/config":
            for key in ("processing_seconds", "ongoing_seconds", "callback_delay_seconds"):
                if key in (body or {}):
                    setattr(state, key, float(body[key]))
            if "callback_method" in (body or {}):
                state.callback_method = body["callback_method"]
            return self._send(200, {"ok": True})
        if method == "GET" and path == "/_sandbox/transactions":
            with state.lock:
                rows = [
                    {"referenceId": t.reference_id, **t.resource(state), "callbacksSent": t.callbacks_sent}
                    for t in state.transactions.values()
                ]
            return self._send(200, rows)
        if method == "GET" and path == "/_sandbox/calls":
            with state.lock:
                return self._send(200, dict(state.calls))
        match = re.match(r"^/_sandbox/transactions/([^/]+)/settle$", path)
        if method == "POST" and match:
            with state.lock:
                transaction = state.transactions.get(match.group(1))
                if transaction is None:
                    return self._error(404, "RESOURCE_NOT_FOUND", "Unknown transaction")
                transaction.forced = (body.get("status", "SUCCESSFUL"), body.get("reason"))
            threading.Thread(target=_callback_worker, args=(state, transaction), daemon=True).start()
            return self._send(200, transaction.resource(state))
        self._error(404, "RESOURCE_NOT_FOUND", "Unknown sandbox control path")


def _callback_worker(state: SandboxState, transaction: Transaction):
    """Wait for the final state, then send the callback once (or as the fault says)."""
    while True:
        status = transaction.status(state)
        if status[0] in {"SUCCESSFUL", "FAILED"}:
            break
        if transaction.outcome[0] == "PENDING" and not transaction.forced:
            time.sleep(0.2)
            if time.monotonic() - transaction.created > 24 * 3600:
                return
            continue
        time.sleep(0.05)
    with state.lock:
        if transaction.final_notified:
            return
        transaction.final_notified = True
    fault = state.fault("callback")
    if fault == "never":
        return
    delay = state.callback_delay_seconds
    if fault == "late":
        delay = float(state.faults.get("callback_delay", 5))
    time.sleep(delay)
    body = transaction.resource(state)
    if fault == "lie":
        body = transaction.resource(
            state, ("FAILED", "APPROVAL_REJECTED") if status[0] == "SUCCESSFUL" else ("SUCCESSFUL", None)
        )
        body.setdefault("financialTransactionId", "000000000")
    for _ in range(2 if fault == "twice" else 1):
        _send_callback(state, transaction, body)


def _send_callback(state: SandboxState, transaction: Transaction, body: dict):
    request = urllib.request.Request(
        transaction.callback_url,
        data=json.dumps(body).encode(),
        method=state.callback_method,
        headers={"Content-Type": "application/json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=5):  # noqa: S310 - the URL the caller gave us
            pass
    except Exception:  # noqa: BLE001, S110 - MTN never retries: neither do we
        pass
    transaction.callbacks_sent += 1


class SandboxServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address):
        super().__init__(address, Handler)
        self.state = SandboxState()

    def handle_error(self, request, client_address):
        # A client that gave up (timeout) closes its socket: not an error of the sandbox.
        import sys

        if isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            return
        super().handle_error(request, client_address)


def main(argv=None):
    parser = argparse.ArgumentParser(description="Bac à sable MTN MoMo (Collection) de NSIA PASS")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8090)
    args = parser.parse_args(argv)
    server = SandboxServer((args.host, args.port))
    print(f"MoMo sandbox listening on http://{args.host}:{args.port}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


__all__ = ["SandboxServer", "main"]
