"""MTN's answers mapped to our exceptions: callers never read HTTP status codes.

MomoError
├── MomoTimeout            no answer in time: the request may or may not have reached MTN
├── MomoUnavailable        connection error, 503, or a 5xx that leaves the outcome unknown
├── MomoAuthError          401: subscription key, api user/key or token refused
├── MomoBadRequest         400: malformed (e.g. X-Reference-Id not a uuid4)
├── MomoDuplicateReference 409: MTN already has this X-Reference-Id
├── MomoNotFound           404: MTN has no such resource (never received that request-to-pay)
└── MomoRejected           5xx with a business code (INVALID_CURRENCY, NOT_ALLOWED …): final
"""


class MomoError(Exception):
    def __init__(self, message: str = "", *, code: str | None = None, status_code: int | None = None) -> None:
        super().__init__(message or code or self.__class__.__name__)
        self.message = message or code or self.__class__.__name__
        self.code = code
        self.status_code = status_code


class MomoTimeout(MomoError):
    """No answer in time: ask the status before sending the same X-Reference-Id again."""


class MomoUnavailable(MomoError):
    """Connection refused or reset, 503 SERVICE_UNAVAILABLE, or a 5xx without a business code."""


class MomoAuthError(MomoError):
    """401: bad subscription key, api user/key, or a token MTN no longer accepts."""


class MomoBadRequest(MomoError):
    """400: the request is malformed; sending it again will not help."""


class MomoDuplicateReference(MomoError):
    """409: MTN already has a transaction with this X-Reference-Id (it is the idempotency key)."""


class MomoNotFound(MomoError):
    """404: MTN has no such resource (a request-to-pay it never received)."""


class MomoRejected(MomoError):
    """5xx with a business code (INVALID_CURRENCY, INVALID_CALLBACK_URL_HOST …): a final no."""
