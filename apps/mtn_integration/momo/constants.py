"""Where MTN lives and what each environment expects: switching is configuration only."""

PRODUCTION_BASE_URL = "https://proxy.momoapi.mtn.com"
PRODUCTION_TARGET_ENVIRONMENT = "mtncongo"  # MTN Congo
PRODUCTION_CURRENCY = "XAF"

SANDBOX_BASE_URL = "https://sandbox.momodeveloper.mtn.com"
SANDBOX_TARGET_ENVIRONMENT = "sandbox"
SANDBOX_CURRENCY = "EUR"  # MTN's sandbox refuses any other currency

# Refresh the access token this long before MTN says it expires.
TOKEN_MARGIN_SECONDS = 60
# MTN refuses payerMessage / payeeNote longer than this (400).
MAX_NOTE_LENGTH = 160
# Answers that leave the outcome of a request-to-pay unknown: ask the status before acting.
UNKNOWN_OUTCOME_CODES = frozenset({None, "SERVICE_UNAVAILABLE", "INTERNAL_PROCESSING_ERROR"})
