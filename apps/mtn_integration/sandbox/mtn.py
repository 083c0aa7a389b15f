"""MTN's paths, headers, status codes and bodies: provisioning, token, Collection.

Order of checks, as at MTN: the gateway first (subscription key, then Bearer token), then
the request itself (X-Reference-Id, target environment, body, currency, callback host), then
the duplicate reference.
"""

import base64
import binascii
import re
import secrets
import time
from urllib.parse import urlparse

from apps.mtn_integration.sandbox.callbacks import schedule_final_callback
from apps.mtn_integration.sandbox.numbers import ACCOUNT_HOLDER_ANSWERS, scenario_for
from apps.mtn_integration.sandbox.state import ApiUser, SandboxState, Transaction
from apps.mtn_integration.sandbox.web import Request, Response, Route, error, gateway_error, route

TARGET_ENVIRONMENT = "sandbox"
CURRENCY = "EUR"
UUID4 = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", re.IGNORECASE)
AMOUNT = re.compile(r"^\d+(\.\d{1,2})?$")
PARTY_ID_TYPES = {"MSISDN", "EMAIL", "PARTY_CODE"}
MAX_NOTE_LENGTH = 160

NOT_FOUND = ("RESOURCE_NOT_FOUND", "Requested resource was not found.")
DUPLICATE = ("RESOURCE_ALREADY_EXIST", "Duplicated reference id. Creation failed.")
BAD_REFERENCE = ("INVALID_REFERENCE_ID", "X-Reference-Id must be a UUID version 4.")
MISSING_KEY = (
    "Access denied due to missing subscription key."
    " Make sure to include subscription key when making requests to an API."
)
INVALID_KEY = (
    "Access denied due to invalid subscription key. Make sure to provide a valid key for an active subscription."
)
INVALID_TOKEN = "Access denied due to invalid or expired access token."


def check_subscription_key(state: SandboxState, request: Request) -> Response | None:
    key = request.header("Ocp-Apim-Subscription-Key")
    if not key:
        return gateway_error(401, MISSING_KEY)
    return None if state.subscription_key_ok(key) else gateway_error(401, INVALID_KEY)


# -- provisioning (sandbox only) -------------------------------------------------------------------
def create_api_user(state: SandboxState, request: Request) -> Response:
    reference = request.header("X-Reference-Id")
    if not UUID4.match(reference):
        return error(400, *BAD_REFERENCE)
    try:
        host = request.json().get("providerCallbackHost")
    except (ValueError, AttributeError):
        host = None
    if not isinstance(host, str) or not host.strip():
        return error(400, "INVALID_REQUEST", "providerCallbackHost is required.")
    with state.lock:
        if reference in state.users:
            return error(409, *DUPLICATE)
        state.users[reference] = ApiUser(callback_host=host.strip().lower())
    return Response(201)


def create_api_key(state: SandboxState, request: Request, user_id: str) -> Response:
    with state.lock:
        user = state.users.get(user_id)
        if user is None:
            return error(404, *NOT_FOUND)
        user.api_key = secrets.token_hex(16)
        return Response(201, {"apiKey": user.api_key})


def get_api_user(state: SandboxState, request: Request, user_id: str) -> Response:
    with state.lock:
        user = state.users.get(user_id)
    if user is None:
        return error(404, *NOT_FOUND)
    return Response(200, {"providerCallbackHost": user.callback_host, "targetEnvironment": TARGET_ENVIRONMENT})


# -- token -----------------------------------------------------------------------------------------
def create_token(state: SandboxState, request: Request) -> Response:
    user_id, key = _basic_credentials(request.header("Authorization"))
    with state.lock:
        user = state.users.get(user_id)
    if user is not None and user.api_key is None:
        return Response(500, {"error": "login_failed"})  # what MTN answers before an api key exists
    if user is None or not secrets.compare_digest(user.api_key.encode(), key.encode()):
        return Response(401, {"error": "login_failed"})
    token = state.issue_token(user_id)
    return Response(
        200,
        {"access_token": token, "token_type": "access_token", "expires_in": state.token_seconds},
    )


def _basic_credentials(header: str) -> tuple[str, str]:
    if not header.lower().startswith("basic "):
        return "", ""
    try:
        user, _, key = base64.b64decode(header[6:].strip(), validate=True).decode().partition(":")
    except (binascii.Error, UnicodeDecodeError):
        return "", ""
    return user, key


# -- collection ------------------------------------------------------------------------------------
def _caller(state: SandboxState, request: Request) -> tuple[str | None, Response | None]:
    """The api user of the Bearer token, or the gateway's 401; then the target environment."""
    auth = request.header("Authorization")
    token = auth[7:].strip() if auth.lower().startswith("bearer ") else ""
    user_id = state.token_user(token) if token else None
    if user_id is None:
        return None, gateway_error(401, INVALID_TOKEN)
    if request.header("X-Target-Environment") != TARGET_ENVIRONMENT:
        return None, error(500, "NOT_ALLOWED_TARGET_ENVIRONMENT", "Access to target environment is forbidden.")
    return user_id, None


def request_to_pay(state: SandboxState, request: Request) -> Response:
    user_id, refused = _caller(state, request)
    if refused:
        return refused
    try:
        body = request.json()
    except ValueError:
        body = None
    payer = body.get("payer") if isinstance(body, dict) else None
    msisdn = str(payer.get("partyId", "")).lstrip("+") if isinstance(payer, dict) else None
    fault = state.faults.take("requesttopay", msisdn)
    if fault in ("error500", "hang"):
        if fault == "hang":
            state.sleep(state.faults.hang_seconds)
        return error(500, "INTERNAL_PROCESSING_ERROR", "An internal error occurred while processing.")
    if fault == "error503":
        return error(503, "SERVICE_UNAVAILABLE", "Service unavailable, try again later.")
    if fault == "slow":
        state.sleep(state.faults.hang_seconds)  # then answered as usual

    reference = request.header("X-Reference-Id")
    if not UUID4.match(reference):
        return error(400, *BAD_REFERENCE)
    invalid = _invalid_body(body)
    if invalid:
        return error(400, "INVALID_REQUEST", invalid)
    if body["currency"] != CURRENCY:
        return error(500, "INVALID_CURRENCY", "Currency not supported.")
    callback_url = request.header("X-Callback-Url") or None
    if callback_url:
        parsed = urlparse(callback_url)
        if parsed.scheme not in ("http", "https") or not parsed.hostname:
            return error(400, "INVALID_REQUEST", "X-Callback-Url is not a valid URL.")
        with state.lock:
            user = state.users.get(user_id)
        host = user.callback_host if user else None
        if host is not None and parsed.hostname.lower() != host:
            return error(500, "INVALID_CALLBACK_URL_HOST", "Callback URL with different host.")

    now = time.monotonic()
    scenario = scenario_for(msisdn)
    callback_fault = state.faults.take("callback", msisdn)
    with state.lock:
        if reference in state.transactions:
            return error(409, *DUPLICATE)
        transaction = Transaction(
            reference_id=reference,
            body=body,
            payer=msisdn,
            api_user=user_id,
            callback_url=callback_url,
            scenario=scenario,
            final_at=state.final_at(scenario, now),
            callback_fault=callback_fault,
            callback_late_seconds=state.faults.callback_delay,
        )
        state.transactions[reference] = transaction
    schedule_final_callback(state, transaction)
    if fault == "accept_then_hang":
        state.sleep(state.faults.hang_seconds)  # created at "MTN", answered after the client gave up
    return Response(202)


def _invalid_body(body) -> str | None:
    """Why MTN would answer 400 to this request-to-pay body, or None."""
    if not isinstance(body, dict):
        return "Request body must be a JSON object."
    payer = body.get("payer")
    if not isinstance(payer, dict) or payer.get("partyIdType") not in PARTY_ID_TYPES or not payer.get("partyId"):
        return "payer must have a partyIdType (MSISDN, EMAIL, PARTY_CODE) and a partyId."
    amount = body.get("amount")
    if isinstance(amount, int | float) and not isinstance(amount, bool):
        amount = str(amount)
    if not isinstance(amount, str) or not AMOUNT.match(amount) or float(amount) <= 0:
        return "amount must be a positive number, sent as a string."
    if not isinstance(body.get("currency"), str):
        return "currency is required."
    for note in ("payerMessage", "payeeNote"):
        if len(str(body.get(note) or "")) > MAX_NOTE_LENGTH:
            return f"{note} must be at most {MAX_NOTE_LENGTH} characters."
    return None


def request_to_pay_status(state: SandboxState, request: Request, reference: str) -> Response:
    user_id, refused = _caller(state, request)
    if refused:
        return refused
    with state.lock:
        transaction = state.transactions.get(reference)
    if transaction is not None and transaction.api_user != user_id:
        transaction = None  # another api user's transaction does not exist for this one
    fault = state.faults.take("status", transaction.payer if transaction else None)
    if fault == "hang":
        state.sleep(state.faults.hang_seconds)
    elif fault == "error500":
        return error(500, "INTERNAL_PROCESSING_ERROR", "An internal error occurred while processing.")
    elif fault == "error503":
        return error(503, "SERVICE_UNAVAILABLE", "Service unavailable, try again later.")
    if transaction is None:
        return error(404, *NOT_FOUND)
    return Response(200, transaction.resource(reason_format=state.reason_format))


def account_balance(state: SandboxState, request: Request) -> Response:
    _, refused = _caller(state, request)
    return refused or Response(200, {"availableBalance": state.available_balance, "currency": CURRENCY})


def account_holder_active(state: SandboxState, request: Request, msisdn: str) -> Response:
    _, refused = _caller(state, request)
    if refused:
        return refused
    status, body = ACCOUNT_HOLDER_ANSWERS.get(msisdn.lstrip("+"), (200, {"result": True}))
    return Response(status, body)


ROUTES: list[Route] = [
    route("POST", "/v1_0/apiuser", create_api_user),
    route("POST", "/v1_0/apiuser/{userId}/apikey", create_api_key),
    route("GET", "/v1_0/apiuser/{userId}", get_api_user),
    route("POST", "/collection/token/", create_token),
    route("POST", "/collection/token", create_token),
    route("POST", "/collection/v1_0/requesttopay", request_to_pay),
    route("GET", "/collection/v1_0/requesttopay/{referenceId}", request_to_pay_status),
    route("GET", "/collection/v1_0/account/balance", account_balance),
    route("GET", "/collection/v1_0/accountholder/msisdn/{msisdn}/active", account_holder_active),
]
