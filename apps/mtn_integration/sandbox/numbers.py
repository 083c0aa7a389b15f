"""MTN's sandbox test payers (the README's table) and what each one does to a request-to-pay.

MTN's sandbox accepts every request-to-pay for these numbers with 202 and reports the outcome
through the status resource (and the callback): a FAILED status with a reason, never an HTTP
error on the POST. The HTTP errors named like some rows (INVALID_CURRENCY,
INVALID_CALLBACK_URL_HOST, NOT_ALLOWED_TARGET_ENVIRONMENT …) are produced by the request
itself (wrong currency, callback host, X-Target-Environment), as MTN does, not by the payer.
"""

from dataclasses import dataclass
from enum import StrEnum


class Status(StrEnum):
    PENDING = "PENDING"
    SUCCESSFUL = "SUCCESSFUL"
    FAILED = "FAILED"


class Timing(StrEnum):
    """When the final state is reached, counted from the request-to-pay."""

    PROCESSING = "processing"  # after the sandbox's processing delay (normal payers)
    ONGOING = "ongoing"  # after the longer "ongoing" delay (about 30 s at MTN)
    NEVER = "never"  # "delayed": stays PENDING until settled through the control API


@dataclass(frozen=True)
class Scenario:
    status: Status
    reason: str | None = None
    timing: Timing = Timing.PROCESSING


SUCCESS = Scenario(Status.SUCCESSFUL)

REQUEST_TO_PAY_PAYERS: dict[str, Scenario] = {
    "46733123450": Scenario(Status.FAILED, "INTERNAL_PROCESSING_ERROR"),  # "Failed"
    "46733123451": Scenario(Status.FAILED, "APPROVAL_REJECTED"),  # "Rejected"
    "46733123452": Scenario(Status.FAILED, "EXPIRED"),  # "Timeout / expired"
    "46733123453": Scenario(Status.SUCCESSFUL, None, Timing.ONGOING),  # "Ongoing"
    "46733123454": Scenario(Status.PENDING, None, Timing.NEVER),  # "Delayed"
    "46733123455": Scenario(Status.FAILED, "PAYER_NOT_FOUND"),
    "46733123456": Scenario(Status.FAILED, "PAYEE_NOT_ALLOWED_TO_RECEIVE"),
    "46733123457": Scenario(Status.FAILED, "NOT_ALLOWED"),
    "46733123458": Scenario(Status.FAILED, "NOT_ALLOWED_TARGET_ENVIRONMENT"),
    "46733123459": Scenario(Status.FAILED, "INVALID_CALLBACK_URL_HOST"),
    "46733123460": Scenario(Status.FAILED, "INVALID_CURRENCY"),
    "46733123461": Scenario(Status.FAILED, "INTERNAL_PROCESSING_ERROR"),
    "46733123462": Scenario(Status.FAILED, "SERVICE_UNAVAILABLE"),
    "46733123463": Scenario(Status.FAILED, "COULD_NOT_PERFORM_TRANSACTION"),
}

# MTN's sandbox has a second table for GET accountholder/msisdn/{msisdn}/active, on the same
# numbers: (HTTP status, body). Any other number is an active account holder.
ACCOUNT_HOLDER_ANSWERS: dict[str, tuple[int, dict]] = {
    "46733123450": (200, {"result": False}),  # MsisdnNotFound
    "46733123451": (200, {"result": False}),  # MsisdnNotActive
    "46733123452": (
        500,
        {"code": "NOT_ALLOWED", "message": "Authorization failed. Insufficient permissions."},
    ),
    "46733123453": (
        500,
        {
            "code": "NOT_ALLOWED_TARGET_ENVIRONMENT",
            "message": "Access to target environment is forbidden.",
        },
    ),
    "46733123454": (
        500,
        {"code": "INTERNAL_PROCESSING_ERROR", "message": "An internal error occurred."},
    ),
    "46733123455": (503, {"code": "SERVICE_UNAVAILABLE", "message": "Service unavailable."}),
}


def scenario_for(msisdn: str) -> Scenario:
    """The outcome of a request-to-pay from this payer: Congo numbers and any other succeed."""
    return REQUEST_TO_PAY_PAYERS.get(msisdn, SUCCESS)
