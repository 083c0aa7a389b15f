"""Airtel Money Collection client: token, USSD push (v1 or v2 signed), enquiry, refund.

Pure Python + requests (no Django), tested alone against the project's Airtel sandbox. Every
call has a (connect, read) timeout and is reported to an optional recorder with masked bodies
(no token, no client secret, no full phone number). The token is cached until shortly before
it expires (or until Airtel refuses it: one new token, one retry); the RSA key of v2 signing
is fetched once per client.
"""

import base64
import hashlib
import hmac
import json
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import requests
from cryptography.hazmat.primitives import padding as sym_padding
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from apps.airtel_integration.airtel import codes
from apps.mtn_integration.momo.masking import mask_body, mask_text

TOKEN_MARGIN_SECONDS = 20


@dataclass(frozen=True)
class AirtelConfig:
    """Everything that changes between our sandbox, Airtel's UAT and production (secrets not in repr)."""

    base_url: str
    client_id: str
    client_secret: str = field(repr=False)
    country: str = "CG"
    currency: str = "XAF"
    signing: bool = False  # v2 signed payments
    msisdn_format: str = "national"  # or "international" (242…): not confirmed for Congo
    callback_secret: str = field(default="", repr=False)
    timeout: float = 10.0
    connect_timeout: float = 5.0


@dataclass(frozen=True)
class AirtelCall:
    """One HTTP call as it may be stored: bodies masked."""

    method: str
    path: str
    status_code: int | None
    duration_ms: float
    reference_id: str | None
    request_body: str | None
    response_body: str | None
    error: str | None = None


@dataclass(frozen=True)
class Enquiry:
    status: str  # TS, TF, TE, TA, TIP
    message: str | None
    airtel_money_id: str | None
    code: str | None = None


class AirtelError(Exception):
    def __init__(self, message: str = "", code: str | None = None, http_status: int | None = None) -> None:
        super().__init__(message or code or "Airtel Money error")
        self.code = code
        self.http_status = http_status


class AirtelUnavailable(AirtelError):
    """No answer (timeout, connection refused) or a 5xx: the outcome is unknown."""


class AirtelAmbiguous(AirtelError):
    """Airtel answered with a code that leaves the outcome unknown: ask the enquiry endpoint."""


class AirtelRejected(AirtelError):
    """A final refusal (duplicate id excepted: see AirtelDuplicate)."""


class AirtelDuplicate(AirtelRejected):
    """ESB000041: Airtel already has this transaction id (never replayed)."""


class AirtelNotFound(AirtelError):
    """The enquiry says Airtel never received this transaction id."""


Recorder = Callable[[AirtelCall], None]


def callback_hash(transaction: dict, secret: str) -> str:
    """Base64 HMAC-SHA256 of the callback's transaction object as compact JSON (keys as sent)."""
    message = json.dumps(transaction, separators=(",", ":")).encode()
    return base64.b64encode(hmac.new(secret.encode(), message, hashlib.sha256).digest()).decode()


def callback_hash_valid(body: Any, secret: str) -> bool:
    if not isinstance(body, dict) or not isinstance(body.get("transaction"), dict):
        return False
    received = body.get("hash")
    # A Base64 hash is ASCII; compare_digest raises on anything else, and anyone may post anything.
    return (
        isinstance(received, str)
        and received.isascii()
        and hmac.compare_digest(callback_hash(body["transaction"], secret), received)
    )


def _status_block(data: Any) -> dict:
    status = data.get("status") if isinstance(data, dict) else None
    return status if isinstance(status, dict) else {}


def _code(status: dict) -> str | None:
    return status.get("response_code") or status.get("result_code") or status.get("code")


class AirtelClient:
    """One client per configuration and process: its token cache is shared by every thread."""

    def __init__(self, config: AirtelConfig, recorder: Recorder | None = None) -> None:
        self.config = config
        self.recorder = recorder
        self._session = requests.Session()
        self._token: str | None = None
        self._token_expires_at = 0.0
        self._lock = threading.Lock()
        self._public_key: str | None = None

    # -- HTTP -------------------------------------------------------------------------------
    def _call(self, method: str, path: str, *, body: Any = None, headers=None, auth=True, reference_id=None):
        """One call; with auth, a 401 (Airtel dropped our token before the expiry it announced,
        e.g. after a restart) takes a new token and sends again, once. Safe for a payment: a
        401 is refused before any processing, and a resent id Airtel already has is a duplicate."""
        if not auth:
            return self._send(method, path, body=body, headers=headers, reference_id=reference_id)
        token = self.token()
        response = self._send(method, path, body=body, headers=headers, token=token, reference_id=reference_id)
        if response.status_code == 401:
            self._forget_token(token)
            response = self._send(
                method, path, body=body, headers=headers, token=self.token(), reference_id=reference_id
            )
        return response

    def _send(self, method: str, path: str, *, body: Any, headers, token: str | None = None, reference_id=None):
        url = self.config.base_url.rstrip("/") + path
        all_headers = {"Content-Type": "application/json", "Accept": "*/*", **(headers or {})}
        if token is not None:
            all_headers |= {
                "Authorization": f"Bearer {token}",
                "X-Country": self.config.country,
                "X-Currency": self.config.currency,
            }
        data = body if isinstance(body, str) or body is None else json.dumps(body, separators=(",", ":"))
        started = time.monotonic()
        response, error = None, None
        try:
            response = self._session.request(
                method, url, headers=all_headers, data=data, timeout=(self.config.connect_timeout, self.config.timeout)
            )
        except requests.Timeout:
            error = "timeout"
        except requests.RequestException as exc:
            error = f"connexion: {type(exc).__name__}"
        finally:
            self._record(method, path, response, error, started, data, reference_id)
        if response is None:
            raise AirtelUnavailable(error or "no answer")
        if response.status_code >= 500 or response.status_code == 408:
            raise AirtelUnavailable(f"HTTP {response.status_code}", _code(_status_block(self._json(response))))
        return response

    def _record(self, method, path, response, error, started, data, reference_id) -> None:
        if self.recorder is None:
            return
        try:
            self.recorder(
                AirtelCall(
                    method=method,
                    path=mask_text(path),
                    status_code=None if response is None else response.status_code,
                    duration_ms=(time.monotonic() - started) * 1000,
                    reference_id=reference_id,
                    request_body=mask_body(data),
                    response_body=None if response is None else mask_body(response.text),
                    error=error,
                )
            )
        except Exception:  # noqa: BLE001, S110 - the audit trail never breaks a payment
            pass

    @staticmethod
    def _json(response) -> Any:
        try:
            return response.json()
        except ValueError:
            return {}

    # -- Token and key ----------------------------------------------------------------------
    def token(self) -> str:
        with self._lock:
            if self._token and time.monotonic() < self._token_expires_at:
                return self._token
            response = self._call(
                "POST",
                "/auth/oauth2/token",
                body={
                    "client_id": self.config.client_id,
                    "client_secret": self.config.client_secret,
                    "grant_type": "client_credentials",
                },
                auth=False,
            )
            data = self._json(response)
            if response.status_code != 200 or not data.get("access_token"):
                raise AirtelRejected("token refused", code=str(data.get("error") or response.status_code))
            self._token = data["access_token"]
            expires_in = int(float(data.get("expires_in") or 180))  # a string of seconds
            self._token_expires_at = time.monotonic() + max(expires_in - TOKEN_MARGIN_SECONDS, 1)
            return self._token

    def _forget_token(self, refused: str) -> None:
        with self._lock:
            if self._token == refused:  # another thread may have renewed it already
                self._token = None

    def public_key(self) -> str:
        if self._public_key is None:
            data = self._json(self._call("GET", "/v1/rsa/encryption-keys"))
            self._public_key = ((data.get("data") or {}).get("key")) or ""
            if not self._public_key:
                raise AirtelUnavailable("no RSA key")
        return self._public_key

    def _signature_headers(self, payload: str) -> dict[str, str]:
        """v2: AES-256-CBC of the body with a random key and IV, the key and IV sealed with RSA."""
        key, iv = os.urandom(32), os.urandom(16)
        padder = sym_padding.PKCS7(128).padder()
        encryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).encryptor()
        sealed = encryptor.update(padder.update(payload.encode()) + padder.finalize()) + encryptor.finalize()
        rsa = serialization.load_der_public_key(base64.b64decode(self.public_key()))
        key_iv = f"{base64.b64encode(key).decode()}:{base64.b64encode(iv).decode()}".encode()
        return {
            "x-signature": base64.b64encode(sealed).decode(),
            "x-key": base64.b64encode(rsa.encrypt(key_iv, padding.PKCS1v15())).decode(),
        }

    # -- Collection -------------------------------------------------------------------------
    def msisdn(self, number: str) -> str:
        digits = "".join(c for c in str(number) if c.isdigit())
        national = digits[3:] if digits.startswith("242") and len(digits) == 12 else digits
        return "242" + national if self.config.msisdn_format == "international" else national

    def pay(self, *, transaction_id: str, amount: int, msisdn: str, reference: str) -> None:
        """USSD push. Returns when Airtel sent it; raises AirtelRejected / AirtelDuplicate for a
        final refusal, AirtelUnavailable / AirtelAmbiguous when the outcome is unknown."""
        c = self.config
        payload = json.dumps(
            {
                "reference": reference[:64],
                "subscriber": {"country": c.country, "currency": c.currency, "msisdn": self.msisdn(msisdn)},
                "transaction": {"amount": amount, "country": c.country, "currency": c.currency, "id": transaction_id},
            },
            separators=(",", ":"),
        )
        path = "/merchant/v2/payments/" if c.signing else "/merchant/v1/payments/"
        headers = self._signature_headers(payload) if c.signing else None
        response = self._call("POST", path, body=payload, headers=headers, reference_id=transaction_id)
        status = _status_block(self._json(response))
        code = _code(status)
        if response.status_code == 200 and status.get("success") is True:
            return
        if code in codes.AMBIGUOUS or (not status and response.status_code < 400):
            # Also a 2xx that is not Airtel's answer (a proxy's page): the push may have gone out.
            raise AirtelAmbiguous(status.get("message") or "", code, response.status_code)
        if code == codes.DUPLICATE:
            raise AirtelDuplicate(status.get("message") or "", code, response.status_code)
        raise AirtelRejected(status.get("message") or "", code or f"HTTP{response.status_code}", response.status_code)

    def enquiry(self, transaction_id: str) -> Enquiry:
        """The transaction's status: decided on data.transaction.status, never on status.success."""
        response = self._call("GET", f"/standard/v1/payments/{transaction_id}", reference_id=transaction_id)
        data = self._json(response)
        status = _status_block(data)
        transaction = ((data.get("data") or {}) if isinstance(data, dict) else {}).get("transaction") or {}
        if response.status_code == 404 or _code(status) in codes.NOT_FOUND or not transaction.get("status"):
            if response.status_code == 404 or _code(status) in codes.NOT_FOUND:
                raise AirtelNotFound(status.get("message") or "", _code(status), response.status_code)
            raise AirtelAmbiguous("no status", _code(status), response.status_code)
        return Enquiry(
            status=str(transaction["status"]).upper(),
            message=transaction.get("message"),
            airtel_money_id=transaction.get("airtel_money_id"),
            code=transaction.get("code") or _code(status),
        )

    def refund(self, airtel_money_id: str) -> dict:
        response = self._call(
            "POST", "/standard/v1/payments/refund", body={"transaction": {"airtel_money_id": airtel_money_id}}
        )
        data = self._json(response)
        if not _status_block(data).get("success"):
            raise AirtelRejected("refund refused", _code(_status_block(data)), response.status_code)
        return data
