"""The sandbox's memory: settings, api users, tokens, transactions, faults, call counts.

Nothing is persisted: a restart is a fresh MTN sandbox (plus the pre-provisioned user).
Timings are plain attributes so that tests can set them directly on an in-process server.
"""

import base64
import json
import os
import secrets
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass, field

from apps.mtn_integration.sandbox.faults import Faults
from apps.mtn_integration.sandbox.numbers import Scenario, Status, Timing


def _float(env: Mapping[str, str], name: str, default: float) -> float:
    value = env.get(name, "")
    return float(value) if value.strip() else default


@dataclass
class ApiUser:
    callback_host: str | None  # None: any callback host is accepted (pre-provisioned user)
    api_key: str | None = None


@dataclass
class Transaction:
    reference_id: str
    body: dict
    payer: str
    api_user: str
    callback_url: str | None
    scenario: Scenario
    final_at: float | None  # time.monotonic() of the final state; None: stays PENDING
    callback_fault: str | None = None
    callback_late_seconds: float = 0.0
    forced: tuple[Status, str | None] | None = None
    financial_transaction_id: str = field(default_factory=lambda: str(1_000_000_000 + secrets.randbelow(10**9)))
    callbacks_sent: int = 0
    callback_done: bool = False  # the final-state callback has been scheduled (once)

    def outcome(self, now: float | None = None) -> tuple[Status, str | None]:
        if self.forced:
            return self.forced
        if self.final_at is None or (now or time.monotonic()) < self.final_at:
            return Status.PENDING, None
        return self.scenario.status, self.scenario.reason

    def resource(self, outcome: tuple[Status, str | None] | None = None, reason_format: str = "string") -> dict:
        """The status resource as MTN shows it (GET requesttopay/{id} and the callback body)."""
        status, reason = outcome or self.outcome()
        resource = {
            "amount": self.body.get("amount"),
            "currency": self.body.get("currency"),
            "externalId": self.body.get("externalId"),
            "payer": self.body.get("payer"),
            "payerMessage": self.body.get("payerMessage"),
            "payeeNote": self.body.get("payeeNote"),
            "status": status.value,
        }
        if status is Status.SUCCESSFUL:
            resource = {"financialTransactionId": self.financial_transaction_id, **resource}
        if status is Status.FAILED:
            resource["reason"] = {"code": reason, "message": reason} if reason_format == "object" else reason
        return resource


class SandboxState:
    """Everything the handlers share; `lock` guards the dictionaries."""

    def __init__(self, env: Mapping[str, str] | None = None) -> None:
        env = os.environ if env is None else env
        self.lock = threading.RLock()
        # Comma-separated accepted keys; empty: any non-empty key (like a fresh developer account).
        self.subscription_key = env.get("MOMO_SANDBOX_SUBSCRIPTION_KEY", "")
        self.preprovisioned = (
            env.get("MOMO_SANDBOX_API_USER", ""),
            env.get("MOMO_SANDBOX_API_KEY", ""),
        )
        self.processing_seconds = _float(env, "MOMO_SANDBOX_PROCESSING_SECONDS", 2.0)
        self.ongoing_seconds = _float(env, "MOMO_SANDBOX_ONGOING_SECONDS", 30.0)
        self.callback_delay_seconds = _float(env, "MOMO_SANDBOX_CALLBACK_DELAY_SECONDS", 1.0)
        self.callback_method = env.get("MOMO_SANDBOX_CALLBACK_METHOD", "PUT").upper()
        self.token_seconds = int(_float(env, "MOMO_SANDBOX_TOKEN_SECONDS", 3600))
        self.reason_format = env.get("MOMO_SANDBOX_REASON_FORMAT", "string")  # or "object"
        self.available_balance = env.get("MOMO_SANDBOX_BALANCE", "1000000")
        self.faults = Faults()
        self.reset()

    def reset(self) -> None:
        """Forget users, tokens, transactions, faults and counts; keep timings and keys."""
        with self.lock:
            if getattr(self, "_wake", None):
                self._wake.set()  # release requests hanging on a fault
            self._wake = threading.Event()
            self.users: dict[str, ApiUser] = {}
            self.tokens: dict[str, tuple[float, str]] = {}  # token → (expiry, api user id)
            self.transactions: dict[str, Transaction] = {}
            self.calls: dict[str, int] = {}
            self.faults.clear()
            user, key = self.preprovisioned
            if user and key:
                self.users[user] = ApiUser(callback_host=None, api_key=key)

    # -- checks ---------------------------------------------------------------------------
    def subscription_key_ok(self, key: str | None) -> bool:
        accepted = {k.strip() for k in self.subscription_key.split(",") if k.strip()}
        return bool(key) and (not accepted or key in accepted)

    def issue_token(self, user_id: str) -> str:
        token = _jwt_like(user_id, self.token_seconds)
        with self.lock:
            self.tokens[token] = (time.monotonic() + self.token_seconds, user_id)
        return token

    def token_user(self, token: str) -> str | None:
        """The api user id of a valid, unexpired token."""
        with self.lock:
            expiry, user_id = self.tokens.get(token, (0.0, ""))
            return user_id if expiry > time.monotonic() and user_id in self.users else None

    def expire_tokens(self) -> None:
        with self.lock:
            self.tokens.clear()

    # -- helpers --------------------------------------------------------------------------
    def count(self, route: str) -> None:
        with self.lock:
            self.calls[route] = self.calls.get(route, 0) + 1

    def final_at(self, scenario: Scenario, now: float) -> float | None:
        if scenario.timing is Timing.NEVER:
            return None
        delay = self.ongoing_seconds if scenario.timing is Timing.ONGOING else self.processing_seconds
        return now + delay

    def sleep(self, seconds: float) -> None:
        """Hang like a slow MTN, but let a reset or a shutdown release the request."""
        self._wake.wait(seconds)

    def wake_all(self) -> None:
        self._wake.set()


def _jwt_like(user_id: str, lifetime: int) -> str:
    """A token shaped like MTN's JWT (three base64url parts); only the sandbox reads it."""

    def part(data: dict) -> str:
        return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()

    now = int(time.time())
    header = part({"typ": "JWT", "alg": "R256"})
    claims = part({"clientId": user_id, "expires": now + lifetime, "sessionId": secrets.token_hex(16)})
    return f"{header}.{claims}.{secrets.token_urlsafe(32)}"
