"""MTN MoMo Collection: token, request-to-pay, status, account holder, balance.

Every call has a timeout, every call is reported to an optional recorder (bodies masked:
no secret, no full phone number), the token is cached until shortly before it expires.
"""

import enum
import json
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

import requests
import requests.adapters

from apps.mtn_integration.momo.exceptions import (
    MomoAuthError,
    MomoBadRequest,
    MomoDuplicateReference,
    MomoError,
    MomoNotFound,
    MomoRejected,
    MomoTimeout,
    MomoUnavailable,
)

PRODUCTION_BASE_URL = "https://proxy.momoapi.mtn.com"
SANDBOX_BASE_URL = "https://sandbox.momodeveloper.mtn.com"
TOKEN_MARGIN_SECONDS = 60
UNKNOWN_OUTCOME_CODES = {None, "SERVICE_UNAVAILABLE", "INTERNAL_PROCESSING_ERROR"}


@dataclass(frozen=True)
class MomoConfig:
    base_url: str
    subscription_key: str
    api_user: str
    api_key: str
    target_environment: str = "sandbox"
    currency: str = "EUR"
    callback_url: str | None = None
    timeout: float = 10.0


class TransactionStatus(enum.StrEnum):
    PENDING = "PENDING"
    SUCCESSFUL = "SUCCESSFUL"
    FAILED = "FAILED"


@dataclass(frozen=True)
class RequestToPayStatus:
    status: TransactionStatus
    reason_code: str | None
    financial_transaction_id: str | None
    amount: str | None
    currency: str | None
    external_id: str | None
    payer: str | None


@dataclass(frozen=True)
class Balance:
    available_balance: str
    currency: str


@dataclass(frozen=True)
class MomoCall:
    method: str
    path: str
    status_code: int | None
    duration_ms: float
    reference_id: str | None
    request_body: str | None
    response_body: str | None
    error: str | None


_MSISDN = re.compile(r"\d{8,15}")
_SECRET_KEYS = {"access_token", "apikey", "apiKey", "api_key"}


def mask_msisdn(numero: str) -> str:
    """242061234567 → 24206*****67."""
    return numero[:5] + "*" * max(0, len(numero) - 7) + numero[-2:] if len(numero) > 7 else "***"


def mask_body(body) -> str | None:
    """JSON text with secrets removed and phone numbers masked."""
    if body in (None, "", b""):
        return None
    if isinstance(body, bytes):
        body = body.decode("utf-8", "replace")
    try:
        data = json.loads(body) if isinstance(body, str) else body
    except ValueError:
        return _MSISDN.sub(lambda m: mask_msisdn(m.group(0)), str(body))[:2000]

    def clean(value, key=None):
        if key in _SECRET_KEYS:
            return "***"
        if isinstance(value, dict):
            return {k: clean(v, k) for k, v in value.items()}
        if isinstance(value, list):
            return [clean(v) for v in value]
        if isinstance(value, str) and key in {"partyId", "msisdn", "payer"}:
            return mask_msisdn(value)
        return value

    return json.dumps(clean(data), ensure_ascii=False)[:2000]


def _reason_code(reason) -> str | None:
    # MTN sends a bare string ("APPROVAL_REJECTED") or an object {"code", "message"}.
    if isinstance(reason, dict):
        return reason.get("code")
    return reason or None


class MomoClient:
    def __init__(self, config: MomoConfig, recorder: Callable[[MomoCall], None] | None = None):
        self.config = config
        self.recorder = recorder
        self._session = requests.Session()
        # Reconciliation polls from many threads at once: keep that many connections alive.
        adapter = requests.adapters.HTTPAdapter(pool_connections=4, pool_maxsize=64)
        self._session.mount("http://", adapter)
        self._session.mount("https://", adapter)
        self._token: str | None = None
        self._token_expires_at = 0.0
        self._lock = threading.Lock()

    # -- HTTP ---------------------------------------------------------------------------
    def _call(
        self, method: str, path: str, *, headers=None, json_body=None, auth=None, reference_id=None, expected=(200,)
    ):
        url = self.config.base_url.rstrip("/") + path
        all_headers = {"Ocp-Apim-Subscription-Key": self.config.subscription_key, **(headers or {})}
        start = time.monotonic()
        status_code, text, error = None, None, None
        try:
            response = self._session.request(
                method,
                url,
                headers=all_headers,
                json=json_body,
                auth=auth,
                timeout=(min(5.0, self.config.timeout), self.config.timeout),
            )
            status_code, text = response.status_code, response.text
        except requests.Timeout as exc:
            error = "timeout"
            raise MomoTimeout(f"{method} {path}: pas de réponse en {self.config.timeout} s") from exc
        except requests.RequestException as exc:
            error = type(exc).__name__
            raise MomoUnavailable(f"{method} {path}: {type(exc).__name__}") from exc
        finally:
            if self.recorder:
                self.recorder(
                    MomoCall(
                        method=method,
                        path=path,
                        status_code=status_code,
                        duration_ms=(time.monotonic() - start) * 1000,
                        reference_id=reference_id,
                        request_body=mask_body(json_body),
                        response_body=mask_body(text),
                        error=error,
                    )
                )
        if status_code in expected:
            return response
        self._raise_for(status_code, text, path)

    @staticmethod
    def _raise_for(status_code: int, text: str, path: str):
        try:
            data = json.loads(text) if text else {}
        except ValueError:
            data = {}
        code = data.get("code") if isinstance(data, dict) else None
        message = (data.get("message") if isinstance(data, dict) else None) or f"HTTP {status_code} sur {path}"
        if status_code == 401:
            raise MomoAuthError(message, code=code, status_code=status_code)
        if status_code == 400:
            raise MomoBadRequest(message, code=code, status_code=status_code)
        if status_code == 404:
            raise MomoNotFound(message, code=code, status_code=status_code)
        if status_code == 409:
            raise MomoDuplicateReference(message, code=code, status_code=status_code)
        # A 5xx without a business refusal leaves the outcome unknown: callers ask the status.
        if status_code >= 500 and code in UNKNOWN_OUTCOME_CODES:
            raise MomoUnavailable(message, code=code, status_code=status_code)
        if status_code >= 500:
            raise MomoRejected(message, code=code, status_code=status_code)
        raise MomoError(message, code=code, status_code=status_code)

    # -- Token ----------------------------------------------------------------------------
    def _bearer(self, force_new: bool = False) -> str:
        with self._lock:
            if force_new or not self._token or time.monotonic() >= self._token_expires_at:
                response = self._call("POST", "/collection/token/", auth=(self.config.api_user, self.config.api_key))
                data = response.json()
                self._token = data["access_token"]
                lifetime = int(data.get("expires_in", 3600))
                self._token_expires_at = time.monotonic() + max(0, lifetime - TOKEN_MARGIN_SECONDS)
            return self._token

    def _collection(self, method, path, *, headers=None, json_body=None, reference_id=None, expected=(200,)):
        """A Collection call with the Bearer token; a 401 renews the token once."""
        for attempt in (1, 2):
            all_headers = {
                "Authorization": f"Bearer {self._bearer(force_new=attempt == 2)}",
                "X-Target-Environment": self.config.target_environment,
                **(headers or {}),
            }
            try:
                return self._call(
                    method, path, headers=all_headers, json_body=json_body, reference_id=reference_id, expected=expected
                )
            except MomoAuthError:
                if attempt == 2:
                    raise
        raise MomoError("unreachable")

    # -- Collection ------------------------------------------------------------------------
    def request_to_pay(
        self,
        *,
        reference_id: str,
        amount: int,
        external_id: str,
        payer_msisdn: str,
        payer_message: str = "",
        payee_note: str = "",
        currency: str | None = None,
    ) -> None:
        headers = {"X-Reference-Id": reference_id}
        if self.config.callback_url:
            headers["X-Callback-Url"] = self.config.callback_url
        body = {
            "amount": str(int(amount)),
            "currency": currency or self.config.currency,
            "externalId": external_id,
            "payer": {"partyIdType": "MSISDN", "partyId": payer_msisdn.lstrip("+")},
            "payerMessage": payer_message[:160],
            "payeeNote": payee_note[:160],
        }
        self._collection(
            "POST",
            "/collection/v1_0/requesttopay",
            headers=headers,
            json_body=body,
            reference_id=reference_id,
            expected=(202,),
        )

    def get_status(self, reference_id: str) -> RequestToPayStatus:
        data = self._collection(
            "GET", f"/collection/v1_0/requesttopay/{reference_id}", reference_id=reference_id
        ).json()
        try:
            status = TransactionStatus(str(data.get("status", "")).upper())
        except ValueError as exc:
            raise MomoError(f"Statut MTN inconnu : {data.get('status')!r}") from exc
        payer = data.get("payer") or {}
        return RequestToPayStatus(
            status=status,
            reason_code=_reason_code(data.get("reason")),
            financial_transaction_id=data.get("financialTransactionId"),
            amount=data.get("amount"),
            currency=data.get("currency"),
            external_id=data.get("externalId"),
            payer=payer.get("partyId") if isinstance(payer, dict) else None,
        )

    def request_to_pay_safely(self, **kwargs) -> bool:
        """momo.md's rule after a timeout or a 5xx: ask the status; re-send the same id only on 404.

        Returns True once MTN has the transaction. The caller stored reference_id beforehand.
        """
        try:
            self.request_to_pay(**kwargs)
            return True
        except MomoDuplicateReference:
            return True
        except (MomoTimeout, MomoUnavailable):
            try:
                self.get_status(kwargs["reference_id"])
                return True
            except MomoNotFound:
                self.request_to_pay(**kwargs)
                return True

    def is_account_holder_active(self, msisdn: str) -> bool:
        data = self._collection("GET", f"/collection/v1_0/accountholder/msisdn/{msisdn.lstrip('+')}/active").json()
        return bool(data.get("result"))

    def get_balance(self) -> Balance:
        data = self._collection("GET", "/collection/v1_0/account/balance").json()
        return Balance(available_balance=str(data.get("availableBalance")), currency=data.get("currency", ""))

    # -- Sandbox provisioning ------------------------------------------------------------------
    def create_api_user(self, *, reference_id: str, callback_host: str) -> None:
        self._call(
            "POST",
            "/v1_0/apiuser",
            headers={"X-Reference-Id": reference_id},
            json_body={"providerCallbackHost": callback_host},
            expected=(201,),
        )

    def create_api_key(self, user_id: str) -> str:
        return self._call("POST", f"/v1_0/apiuser/{user_id}/apikey", expected=(201,)).json()["apiKey"]
