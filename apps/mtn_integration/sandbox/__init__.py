"""The project's MTN MoMo sandbox: MTN's paths, headers, status codes and bodies, locally.

    python -m apps.mtn_integration.sandbox --host 127.0.0.1 --port 8090

Standard library only, no Django, no database: state lives in memory. Modules: ``numbers``
(MTN's test payers), ``state`` (users, tokens, transactions), ``mtn`` (MTN's endpoints),
``callbacks``, ``faults`` and ``control`` (the /_sandbox/ API for tests), ``server`` (HTTP and
command line), ``testing`` (run it in-process or as a subprocess from tests).

MTN endpoints (every one requires ``Ocp-Apim-Subscription-Key``, else 401
``{"statusCode": 401, "message": "Access denied due to missing|invalid subscription key…"}``):
- ``POST /v1_0/apiuser`` (X-Reference-Id uuid4, ``{"providerCallbackHost"}``) → 201; 400 bad
  uuid; 409 ``RESOURCE_ALREADY_EXIST``. ``POST /v1_0/apiuser/{id}/apikey`` → 201
  ``{"apiKey": <32 hex>}``. ``GET /v1_0/apiuser/{id}`` → ``{"providerCallbackHost",
  "targetEnvironment": "sandbox"}``; 404 ``RESOURCE_NOT_FOUND``.
- ``POST /collection/token/`` (Basic api user:key) → ``{"access_token": <JWT-shaped>,
  "token_type": "access_token", "expires_in": 3600}``; 401 ``{"error": "login_failed"}``
  (500 with the same body when the user has no api key yet, as MTN does).
- Collection calls need ``Authorization: Bearer`` (401 when missing, unknown or expired) and
  ``X-Target-Environment: sandbox`` (else 500 ``NOT_ALLOWED_TARGET_ENVIRONMENT``).
- ``POST /collection/v1_0/requesttopay`` → 202 with an empty body. 400 ``INVALID_REFERENCE_ID``
  (X-Reference-Id not a uuid4), 400 ``INVALID_REQUEST`` (payer, amount as a positive decimal
  string, notes over 160 characters), 500 ``INVALID_CURRENCY`` (anything but EUR), 500
  ``INVALID_CALLBACK_URL_HOST`` (X-Callback-Url's host is not the api user's
  providerCallbackHost; the pre-provisioned user accepts any host), 409 ``RESOURCE_ALREADY_EXIST``.
- ``GET /collection/v1_0/requesttopay/{id}`` → the status resource (amount, currency,
  externalId, payer, payerMessage, payeeNote, status, financialTransactionId when SUCCESSFUL,
  reason when FAILED) or 404 ``RESOURCE_NOT_FOUND`` (also for another api user's transaction).
- ``GET /collection/v1_0/account/balance`` → ``{"availableBalance", "currency": "EUR"}``;
  ``GET /collection/v1_0/accountholder/msisdn/{msisdn}/active`` → ``{"result": true}``, with
  MTN's account-holder test numbers (``numbers.ACCOUNT_HOLDER_ANSWERS``).

Test payers (MTN's sandbox numbers, README): MTN's sandbox answers 202 to all of them and tells the outcome through
the status and the callback, never as an HTTP error on the POST: 46733123450 FAILED
INTERNAL_PROCESSING_ERROR, …451 APPROVAL_REJECTED, …452 EXPIRED, …453 PENDING then SUCCESSFUL
after MOMO_SANDBOX_ONGOING_SECONDS, …454 PENDING for ever (until settled), …455 PAYER_NOT_FOUND,
…456 PAYEE_NOT_ALLOWED_TO_RECEIVE, …457 NOT_ALLOWED, …458 NOT_ALLOWED_TARGET_ENVIRONMENT,
…459 INVALID_CALLBACK_URL_HOST, …460 INVALID_CURRENCY, …461 INTERNAL_PROCESSING_ERROR,
…462 SERVICE_UNAVAILABLE, …463 COULD_NOT_PERFORM_TRANSACTION. Congo numbers (242…) and any other
payer: SUCCESSFUL after MOMO_SANDBOX_PROCESSING_SECONDS. The real errors of the same names come
from the request itself (currency, callback host, target environment), as at MTN.
``reason`` is a bare string; MOMO_SANDBOX_REASON_FORMAT=object sends ``{"code", "message"}``
as older MTN answers did.

Callback: sent once, when the final state is reached (plus MOMO_SANDBOX_CALLBACK_DELAY_SECONDS),
to X-Callback-Url, with PUT (MOMO_SANDBOX_CALLBACK_METHOD=POST to change), body like the status
resource, from a background thread; failures are ignored and never retried.

Environment: MOMO_SANDBOX_SUBSCRIPTION_KEY (accepted keys, comma-separated; unset: any non-empty
key), MOMO_SANDBOX_API_USER + MOMO_SANDBOX_API_KEY (a pre-provisioned user, accepting any
callback host), MOMO_SANDBOX_PROCESSING_SECONDS (2), MOMO_SANDBOX_ONGOING_SECONDS (30),
MOMO_SANDBOX_CALLBACK_DELAY_SECONDS (1), MOMO_SANDBOX_CALLBACK_METHOD (PUT),
MOMO_SANDBOX_TOKEN_SECONDS (3600), MOMO_SANDBOX_REASON_FORMAT (string), MOMO_SANDBOX_BALANCE.

Control API (no key; ``--no-control`` disables it), see ``control`` and ``faults``:
``POST /_sandbox/faults`` {"callback": "twice"|"late"|"never"|"lie", "callback_delay": s,
"requesttopay": "error500"|"error503"|"hang"|"accept_then_hang"|"slow", "status":
"error500"|"error503"|"hang", "hang_seconds": s, "scope": msisdn|"next", "count": n};
``POST /_sandbox/reset``; ``POST /_sandbox/config`` (timings, callback method, keys);
``POST /_sandbox/users`` {"apiUser", "apiKey", "providerCallbackHost"?};
``POST /_sandbox/tokens/expire``; ``GET /_sandbox/calls`` (counts per endpoint);
``GET /_sandbox/transactions[/{id}]``; ``POST /_sandbox/transactions/{id}/settle``
{"status": "SUCCESSFUL"|"FAILED", "reason"}.
"""

from apps.mtn_integration.sandbox.server import SandboxServer, main
from apps.mtn_integration.sandbox.state import SandboxState

__all__ = ["SandboxServer", "SandboxState", "main"]
