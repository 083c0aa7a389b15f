"""What may be stored or logged about a call to MTN: no secret, no full phone number.

Masked records are meant for the database audit trail (AppelMomo) and logs; tokens, api keys,
subscription keys and Authorization headers never reach them at all.
"""

import json
import re
from typing import Any

MAX_RECORDED_CHARS = 2000
SECRET_KEYS = frozenset(
    {"access_token", "apikey", "api_key", "authorization", "token", "refresh_token", "client_secret", "hash"}
)
MSISDN_KEYS = frozenset({"partyid", "msisdn", "payer", "payee"})
# Identifiers the audit trail needs whole, even when they are long runs of digits.
KEPT_KEYS = frozenset({"financialtransactionid", "externalid", "referenceid", "amount"})
_DIGITS = re.compile(r"\+?\d{8,15}")


def mask_msisdn(msisdn: str) -> str:
    """242061234567 → 24206*****67: the operator prefix and the last two digits stay readable."""
    digits = str(msisdn).strip()
    if len(digits) <= 7:
        return "*" * len(digits)
    return digits[:5] + "*" * (len(digits) - 7) + digits[-2:]


def mask_text(text: str) -> str:
    """Every run of 8 to 15 digits (a phone number) masked inside free text, e.g. a URL path."""
    return _DIGITS.sub(lambda found: mask_msisdn(found.group(0)), text)


def _clean(value: Any, key: str | None = None) -> Any:
    lowered = (key or "").lower()
    if lowered in SECRET_KEYS:
        return "***"
    if isinstance(value, dict):
        return {k: _clean(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_clean(v) for v in value]
    if isinstance(value, str) and lowered not in KEPT_KEYS:
        return mask_msisdn(value) if lowered in MSISDN_KEYS else mask_text(value)
    return value


def mask_body(body: Any) -> str | None:
    """A request or response body as JSON text, secrets removed and phone numbers masked."""
    if body is None or body in ("", b""):
        return None
    if isinstance(body, bytes):
        body = body.decode("utf-8", "replace")
    if isinstance(body, str):
        try:
            body = json.loads(body)
        except ValueError:
            return mask_text(body)[:MAX_RECORDED_CHARS]
    return json.dumps(_clean(body), ensure_ascii=False)[:MAX_RECORDED_CHARS]
