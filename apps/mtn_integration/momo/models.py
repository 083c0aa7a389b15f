"""Typed results of the Collection client (dataclasses: easy to store, compare and log)."""

import enum
from dataclasses import dataclass, field

from apps.mtn_integration.momo.constants import SANDBOX_CURRENCY, SANDBOX_TARGET_ENVIRONMENT


@dataclass(frozen=True)
class MomoConfig:
    """Everything that changes between our sandbox, MTN's sandbox and MTN Congo production.

    Secrets are left out of repr() so that a config in a log or a traceback leaks nothing.
    """

    base_url: str
    subscription_key: str = field(repr=False)
    api_user: str
    api_key: str = field(repr=False)
    target_environment: str = SANDBOX_TARGET_ENVIRONMENT
    currency: str = SANDBOX_CURRENCY
    callback_url: str | None = None
    timeout: float = 10.0  # read timeout of every call, seconds
    connect_timeout: float = 5.0


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
    reason_message: str | None = None

    @property
    def final(self) -> bool:
        return self.status is not TransactionStatus.PENDING


@dataclass(frozen=True)
class Balance:
    available_balance: str
    currency: str


@dataclass(frozen=True)
class MomoCall:
    """One HTTP call to MTN, as the recorder receives it: masked, no secret at all."""

    method: str
    path: str
    status_code: int | None
    duration_ms: float
    reference_id: str | None
    request_body: str | None
    response_body: str | None
    error: str | None
