"""The control API under /_sandbox/ (not an MTN path): faults, reset, settle, inspection.

For tests and debugging only; it needs no key, so the sandbox listens on 127.0.0.1 by default.
"""

import time

from apps.mtn_integration.sandbox.callbacks import schedule_final_callback
from apps.mtn_integration.sandbox.numbers import Status
from apps.mtn_integration.sandbox.state import ApiUser, SandboxState, Transaction
from apps.mtn_integration.sandbox.web import Request, Response, Route, error, route

SETTINGS = {
    "processing_seconds": float,
    "ongoing_seconds": float,
    "callback_delay_seconds": float,
    "token_seconds": int,
    "callback_method": str,
    "reason_format": str,
    "subscription_key": str,
}


def _object(request: Request) -> dict:
    body = request.json()
    if not isinstance(body, dict):
        raise ValueError("a JSON object is expected")
    return body


def reset(state: SandboxState, request: Request) -> Response:
    state.reset()
    return Response(200, {"ok": True})


def set_faults(state: SandboxState, request: Request) -> Response:
    state.faults.replace(_object(request))
    return Response(200, state.faults.describe())


def get_faults(state: SandboxState, request: Request) -> Response:
    return Response(200, state.faults.describe())


def configure(state: SandboxState, request: Request) -> Response:
    body = _object(request)
    unknown = set(body) - set(SETTINGS)
    if unknown:
        raise ValueError(f"unknown settings: {sorted(unknown)}")
    for name, cast in SETTINGS.items():
        if name in body:
            setattr(state, name, cast(body[name]))
    state.callback_method = state.callback_method.upper()
    return Response(200, {name: getattr(state, name) for name in SETTINGS if name != "subscription_key"})


def provision(state: SandboxState, request: Request) -> Response:
    """Create (or replace) an api user with a known key, as MOMO_SANDBOX_API_USER/KEY do."""
    body = _object(request)
    user, key = body.get("apiUser"), body.get("apiKey")
    if not user or not key:
        raise ValueError("apiUser and apiKey are required")
    with state.lock:
        state.users[str(user)] = ApiUser(callback_host=body.get("providerCallbackHost"), api_key=str(key))
    return Response(201, {"apiUser": user})


def expire_tokens(state: SandboxState, request: Request) -> Response:
    state.expire_tokens()
    return Response(200, {"ok": True})


def calls(state: SandboxState, request: Request) -> Response:
    with state.lock:
        return Response(200, dict(state.calls))


def _row(state: SandboxState, transaction: Transaction) -> dict:
    return {
        "referenceId": transaction.reference_id,
        **transaction.resource(reason_format=state.reason_format),
        "apiUser": transaction.api_user,
        "callbackUrl": transaction.callback_url,
        "callbackFault": transaction.callback_fault,
        "callbacksSent": transaction.callbacks_sent,
    }


def list_transactions(state: SandboxState, request: Request) -> Response:
    with state.lock:
        return Response(200, [_row(state, t) for t in state.transactions.values()])


def get_transaction(state: SandboxState, request: Request, reference: str) -> Response:
    with state.lock:
        transaction = state.transactions.get(reference)
        return Response(200, _row(state, transaction)) if transaction else error(404, "RESOURCE_NOT_FOUND", reference)


def settle(state: SandboxState, request: Request, reference: str) -> Response:
    """Force a final state now; its callback goes out if none was sent yet (still only once)."""
    body = _object(request)
    status = Status(str(body.get("status", "SUCCESSFUL")).upper())
    if status is Status.PENDING:
        raise ValueError("status must be SUCCESSFUL or FAILED")
    reason = body.get("reason") or (None if status is Status.SUCCESSFUL else "INTERNAL_PROCESSING_ERROR")
    with state.lock:
        transaction = state.transactions.get(reference)
        if transaction is None:
            return error(404, "RESOURCE_NOT_FOUND", reference)
        transaction.forced = (status, reason)
        if transaction.final_at is None or transaction.final_at > time.monotonic():
            transaction.final_at = time.monotonic()
    schedule_final_callback(state, transaction)
    return Response(200, _row(state, transaction))


ROUTES: list[Route] = [
    route("POST", "/_sandbox/reset", reset),
    route("POST", "/_sandbox/faults", set_faults),
    route("GET", "/_sandbox/faults", get_faults),
    route("POST", "/_sandbox/config", configure),
    route("POST", "/_sandbox/users", provision),
    route("POST", "/_sandbox/tokens/expire", expire_tokens),
    route("GET", "/_sandbox/calls", calls),
    route("GET", "/_sandbox/transactions", list_transactions),
    route("GET", "/_sandbox/transactions/{referenceId}", get_transaction),
    route("POST", "/_sandbox/transactions/{referenceId}/settle", settle),
]
