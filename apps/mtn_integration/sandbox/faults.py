"""Fault switches that tests turn on through POST /_sandbox/faults.

A body such as ``{"callback": "lie", "requesttopay": "accept_then_hang", "hang_seconds": 2,
"scope": "next"}`` replaces every switch at once (``{}`` turns them all off). ``scope`` limits
the switches to one payer (an MSISDN) or to the next matching request only (``"next"``);
``count`` (n) limits each switch to its n next uses. Callback faults are bound to a
transaction when its request-to-pay arrives, so "the next callback" means "the callback of
the next request-to-pay". ``"requesttopay": "slow"`` is a slow but working MTN: it waits
``hang_seconds``, then handles the request as usual (benchmarks: MTN answering after 1 s).
"""

import threading
from dataclasses import dataclass

FAULT_VALUES: dict[str, frozenset[str]] = {
    "callback": frozenset({"twice", "late", "never", "lie"}),
    "requesttopay": frozenset({"error500", "error503", "hang", "accept_then_hang", "slow"}),
    "status": frozenset({"error500", "error503", "hang"}),
}
DEFAULT_HANG_SECONDS = 30.0
DEFAULT_LATE_CALLBACK_SECONDS = 5.0


@dataclass
class FaultRule:
    value: str
    msisdn: str | None = None  # None: every payer
    remaining: int | None = None  # None: every request


class Faults:
    """The active switches; thread-safe, each use of a counted switch consumes it."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._rules: dict[str, FaultRule] = {}
        self.hang_seconds = DEFAULT_HANG_SECONDS
        self.callback_delay = DEFAULT_LATE_CALLBACK_SECONDS

    def replace(self, body: dict) -> None:
        """Install the switches of a control request; ValueError names what is wrong."""
        unknown = set(body) - set(FAULT_VALUES) - {"hang_seconds", "callback_delay", "scope", "count"}
        if unknown:
            raise ValueError(f"unknown fault keys: {sorted(unknown)}")
        scope = body.get("scope")
        remaining = 1 if scope == "next" else body.get("count")
        msisdn = None if scope in (None, "next") else str(scope).lstrip("+")
        rules = {}
        for kind, allowed in FAULT_VALUES.items():
            value = body.get(kind)
            if value is None:
                continue
            if value not in allowed:
                raise ValueError(f"{kind} must be one of {sorted(allowed)}")
            rules[kind] = FaultRule(value, msisdn, None if remaining is None else int(remaining))
        with self._lock:
            self._rules = rules
            self.hang_seconds = float(body.get("hang_seconds", DEFAULT_HANG_SECONDS))
            self.callback_delay = float(body.get("callback_delay", DEFAULT_LATE_CALLBACK_SECONDS))

    def clear(self) -> None:
        self.replace({})

    def take(self, kind: str, msisdn: str | None) -> str | None:
        """The switch for `kind` that applies to this payer, consuming one use of it."""
        with self._lock:
            rule = self._rules.get(kind)
            if rule is None or (rule.msisdn is not None and rule.msisdn != msisdn):
                return None
            if rule.remaining is not None:
                if rule.remaining <= 0:
                    return None
                rule.remaining -= 1
            return rule.value

    def describe(self) -> dict:
        with self._lock:
            return {
                "rules": {k: vars(r).copy() for k, r in self._rules.items()},
                "hang_seconds": self.hang_seconds,
                "callback_delay": self.callback_delay,
            }
