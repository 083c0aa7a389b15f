"""MTN MoMo Collection client: token, request-to-pay, status, account holder, balance.

Pure Python + requests (no Django), so it is tested alone against the sandbox. Every call has
a (connect, read) timeout, is reported to an optional recorder with masked bodies, and maps
MTN's answers to our exceptions. The token is cached until shortly before it expires and
renewed once when MTN answers 401.
"""

import json
import logging
import threading
import time
from collections.abc import Callable
from typing import Any

import requests
import requests.adapters

from apps.mtn_integration.momo.constants import (
    MAX_NOTE_LENGTH,
    TOKEN_MARGIN_SECONDS,
    UNKNOWN_OUTCOME_CODES,
)
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
from apps.mtn_integration.momo.masking import mask_body, mask_msisdn
from apps.mtn_integration.momo.models import (
    Balance,
    MomoCall,
    MomoConfig,
    RequestToPayStatus,
    TransactionStatus,
)

logger = logging.getLogger(__name__)

Recorder = Callable[[MomoCall], None]

# Statuses some MTN markets send besides the three documented ones.
_STATUS_ALIASES = {
    "ONGOING": (TransactionStatus.PENDING, None),
    "CREATED": (TransactionStatus.PENDING, None),
    "REJECTED": (TransactionStatus.FAILED, "APPROVAL_REJECTED"),
    "TIMEOUT": (TransactionStatus.FAILED, "EXPIRED"),
    "EXPIRED": (TransactionStatus.FAILED, "EXPIRED"),
}


def _reason(reason: Any) -> tuple[str | None, str | None]:
    """MTN sends a bare string ("APPROVAL_REJECTED") or {"code", "message"}: (code, message)."""
    if isinstance(reason, dict):
        return reason.get("code") or None, reason.get("message") or None
    return (str(reason) if reason else None), None


def _error_fields(text: str | None) -> tuple[str | None, str | None]:
    """(code, message) of an error body: MTN's {"code","message"}, the gateway's
    {"statusCode","message"} or the token endpoint's {"error"}."""
    try:
        data = json.loads(text) if text else {}
    except ValueError:
        return None, None
    if not isinstance(data, dict):
        return None, None
    return data.get("code") or data.get("error"), data.get("message")


class MomoClient:
    """One client per configuration and process: its token cache is shared by every thread."""

    def __init__(self, config: MomoConfig, recorder: Recorder | None = None) -> None:
        self.config = config
        self.recorder = recorder
        self._session = requests.Session()
        # Reconciliation polls from many threads at once: keep that many connections alive.
        adapter = requests.adapters.HTTPAdapter(pool_connections=4, pool_maxsize=64)
        self._session.mount("http://", adapter)
        self._session.mount("https://", adapter)
        self._token: str | None = None
        self._token_expires_at = 0.0
        self._token_lock = threading.Lock()

    # -- HTTP -------------------------------------------------------------------------------
    def _call(
        self,
        method: str,
        path: str,
        *,
        headers: dict[str, str] | None = None,
        json_body: Any = None,
        auth: tuple[str, str] | None = None,
        reference_id: str | None = None,
        expected: tuple[int, ...] = (200,),
        recorded_path: str | None = None,
    ) -> requests.Response:
        """One HTTP call, recorded whatever happens; an unexpected status raises ours."""
        url = self.config.base_url.rstrip("/") + path
        all_headers = {"Ocp-Apim-Subscription-Key": self.config.subscription_key, **(headers or {})}
        started = time.monotonic()
        response, error = None, None
        try:
            response = self._session.request(
                method,
                url,
                headers=all_headers,
                json=json_body,
                auth=auth,
                timeout=(self.config.connect_timeout, self.config.timeout),
            )
        except requests.Timeout as exc:
            error = "timeout"
            raise MomoTimeout(f"{method} {recorded_path or path}: pas de réponse à temps") from exc
        except requests.RequestException as exc:
            error = type(exc).__name__
            raise MomoUnavailable(f"{method} {recorded_path or path}: {error}") from exc
        finally:
            self._record(
                MomoCall(
                    method=method,
                    path=recorded_path or path,
                    status_code=response.status_code if response is not None else None,
                    duration_ms=round((time.monotonic() - started) * 1000, 1),
                    reference_id=reference_id,
                    request_body=mask_body(json_body),
                    response_body=mask_body(response.text) if response is not None else None,
                    error=error,
                )
            )
        if response.status_code in expected:
            return response
        raise self._error_for(response.status_code, response.text, recorded_path or path)

    def _record(self, call: MomoCall) -> None:
        logger.info(
            "MoMo %s %s → %s en %.0f ms",
            call.method,
            call.path,
            call.status_code or call.error,
            call.duration_ms,
        )
        if self.recorder is None:
            return
        try:
            self.recorder(call)
        except Exception:  # the audit trail must never break a payment
            logger.exception("Appel MoMo non enregistré")

    @staticmethod
    def _error_for(status_code: int, text: str | None, path: str) -> MomoError:
        code, message = _error_fields(text)
        message = message or f"HTTP {status_code} sur {path}"
        kwargs = {"code": code, "status_code": status_code}
        if status_code == 401:
            return MomoAuthError(message, **kwargs)
        if status_code == 400:
            return MomoBadRequest(message, **kwargs)
        if status_code == 404:
            return MomoNotFound(message, **kwargs)
        if status_code == 409:
            return MomoDuplicateReference(message, **kwargs)
        if status_code >= 500 and (status_code == 503 or code in UNKNOWN_OUTCOME_CODES):
            return MomoUnavailable(message, **kwargs)
        if status_code >= 500:
            return MomoRejected(message, **kwargs)
        return MomoError(message, **kwargs)

    # -- Token ------------------------------------------------------------------------------
    def _bearer(self, refused: str | None = None) -> str:
        """The cached token, or a new one when it expires soon or MTN just refused it."""
        with self._token_lock:
            fresh = self._token and time.monotonic() < self._token_expires_at
            if not fresh or self._token == refused:
                response = self._call("POST", "/collection/token/", auth=(self.config.api_user, self.config.api_key))
                data = response.json()
                lifetime = int(data.get("expires_in", 3600))
                self._token = data["access_token"]
                self._token_expires_at = time.monotonic() + max(0, lifetime - TOKEN_MARGIN_SECONDS)
            return self._token

    def _collection(
        self,
        method: str,
        path: str,
        *,
        headers: dict[str, str] | None = None,
        json_body: Any = None,
        reference_id: str | None = None,
        expected: tuple[int, ...] = (200,),
        recorded_path: str | None = None,
    ) -> requests.Response:
        """A Collection call with the Bearer token; a 401 renews the token and retries once."""
        refused = None
        for attempt in (1, 2):
            token = self._bearer(refused)
            all_headers = {
                "Authorization": f"Bearer {token}",
                "X-Target-Environment": self.config.target_environment,
                **(headers or {}),
            }
            try:
                return self._call(
                    method,
                    path,
                    headers=all_headers,
                    json_body=json_body,
                    reference_id=reference_id,
                    expected=expected,
                    recorded_path=recorded_path,
                )
            except MomoAuthError:
                if attempt == 2:
                    raise
                refused = token
        raise AssertionError("unreachable")

    # -- Collection -------------------------------------------------------------------------
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
        """Ask the payer to approve a debit; MTN answers 202 and works asynchronously.

        Store reference_id before calling: after a timeout only it lets you find the request.
        """
        headers = {"X-Reference-Id": reference_id}
        if self.config.callback_url:
            headers["X-Callback-Url"] = self.config.callback_url
        body = {
            "amount": str(int(amount)),
            "currency": currency or self.config.currency,
            "externalId": external_id,
            "payer": {"partyIdType": "MSISDN", "partyId": payer_msisdn.lstrip("+")},
            "payerMessage": payer_message[:MAX_NOTE_LENGTH],
            "payeeNote": payee_note[:MAX_NOTE_LENGTH],
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
        raw_status = str(data.get("status", "")).upper()
        reason_code, reason_message = _reason(data.get("reason"))
        if raw_status in _STATUS_ALIASES:
            status, implied_reason = _STATUS_ALIASES[raw_status]
            reason_code = reason_code or implied_reason
        else:
            try:
                status = TransactionStatus(raw_status)
            except ValueError as exc:
                raise MomoError(f"Statut MTN inconnu : {raw_status!r}") from exc
        payer = data.get("payer")
        return RequestToPayStatus(
            status=status,
            reason_code=reason_code if status is TransactionStatus.FAILED else None,
            financial_transaction_id=data.get("financialTransactionId") or None,
            amount=data.get("amount"),
            currency=data.get("currency"),
            external_id=data.get("externalId"),
            payer=payer.get("partyId") if isinstance(payer, dict) else None,
            reason_message=reason_message,
        )

    def is_account_holder_active(self, msisdn: str) -> bool:
        number = msisdn.lstrip("+")
        template = "/collection/v1_0/accountholder/msisdn/{}/active"
        data = self._collection(
            "GET", template.format(number), recorded_path=template.format(mask_msisdn(number))
        ).json()
        return data.get("result") is True

    def get_balance(self) -> Balance:
        data = self._collection("GET", "/collection/v1_0/account/balance").json()
        return Balance(available_balance=str(data.get("availableBalance")), currency=data.get("currency", ""))

    # -- Sandbox provisioning (MTN's sandbox and ours only) --------------------------------
    def create_api_user(self, *, reference_id: str, callback_host: str) -> None:
        """Create an api user (its id is reference_id); callbacks must go to callback_host."""
        self._call(
            "POST",
            "/v1_0/apiuser",
            headers={"X-Reference-Id": reference_id},
            json_body={"providerCallbackHost": callback_host},
            expected=(201,),
        )

    def create_api_key(self, user_id: str) -> str:
        """A new api key for the user (the previous one stops working). Never log it."""
        response = self._call("POST", f"/v1_0/apiuser/{user_id}/apikey", expected=(201,))
        return response.json()["apiKey"]

    def get_api_user(self, user_id: str) -> dict:
        return self._call("GET", f"/v1_0/apiuser/{user_id}").json()
