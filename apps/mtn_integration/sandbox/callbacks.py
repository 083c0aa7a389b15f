"""The callback MTN sends to X-Callback-Url: once, on the final state, never retried, unsigned.

Sent from a timer thread so that the request-to-pay answers at once; delivery failures are
ignored, as MTN does. The fault bound to the transaction may send it twice, late, never, or
with a body that lies about the status.
"""

import json
import threading
import time
import urllib.request

from apps.mtn_integration.sandbox.numbers import Status
from apps.mtn_integration.sandbox.state import SandboxState, Transaction

CALLBACK_TIMEOUT_SECONDS = 5


def schedule_final_callback(state: SandboxState, transaction: Transaction) -> None:
    """Arm the callback for the final state, if that state is known and not yet announced."""
    if not transaction.callback_url:
        return
    with state.lock:
        if transaction.callback_done or (transaction.forced is None and transaction.final_at is None):
            return
        transaction.callback_done = True
    fault = transaction.callback_fault
    if fault == "never":
        return
    until_final = 0.0 if transaction.forced else max(0.0, transaction.final_at - time.monotonic())
    delay = transaction.callback_late_seconds if fault == "late" else state.callback_delay_seconds
    timer = threading.Timer(until_final + delay, _deliver, args=(state, transaction))
    timer.daemon = True
    timer.start()


def _deliver(state: SandboxState, transaction: Transaction) -> None:
    outcome = transaction.outcome()
    if transaction.callback_fault == "lie":
        outcome = (Status.FAILED, "APPROVAL_REJECTED") if outcome[0] is Status.SUCCESSFUL else (Status.SUCCESSFUL, None)
    body = transaction.resource(outcome, state.reason_format)
    for _ in range(2 if transaction.callback_fault == "twice" else 1):
        _send(state, transaction, body)


def _send(state: SandboxState, transaction: Transaction, body: dict) -> None:
    request = urllib.request.Request(
        transaction.callback_url,
        data=json.dumps(body).encode(),
        method=state.callback_method,
        headers={"Content-Type": "application/json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=CALLBACK_TIMEOUT_SECONDS):
            pass
    except Exception:  # noqa: BLE001, S110 - MTN never retries a failed callback: neither do we
        pass
    with state.lock:
        transaction.callbacks_sent += 1
