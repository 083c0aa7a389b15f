"""MTN's answers mapped to our exceptions (the callers never read HTTP status codes)."""


class MomoError(Exception):
    def __init__(self, message: str = "", *, code: str | None = None, status_code: int | None = None):
        super().__init__(message or code or self.__class__.__name__)
        self.code = code
        self.status_code = status_code


class MomoTimeout(MomoError):
    """No answer in time: the request may or may not have reached MTN."""


class MomoUnavailable(MomoError):
    """Connection refused, 5xx other than a business refusal, or 503 SERVICE_UNAVAILABLE."""


class MomoAuthError(MomoError):
    """401: bad subscription key, API user/key or token."""


class MomoBadRequest(MomoError):
    """400: malformed request (e.g. an X-Reference-Id that is not a UUID)."""


class MomoDuplicateReference(MomoError):
    """409: MTN already has a transaction with this X-Reference-Id."""


class MomoNotFound(MomoError):
    """404: MTN has no such resource (a request-to-pay it never received)."""


class MomoRejected(MomoError):
    """500 with a business code (INVALID_CURRENCY, NOT_ALLOWED, PAYER_NOT_FOUND …)."""
