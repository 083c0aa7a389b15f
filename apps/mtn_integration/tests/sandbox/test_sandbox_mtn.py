"""The sandbox speaks MTN: paths, headers, status codes and bodies, over real HTTP."""

import base64
import time
import uuid

import pytest
import requests

from apps.mtn_integration.momo import (
    MomoAuthError,
    MomoBadRequest,
    MomoDuplicateReference,
    MomoNotFound,
    MomoRejected,
    TransactionStatus,
)
from apps.mtn_integration.sandbox.testing import SandboxProcess

from ..conftest import API_KEY, API_USER, SUBSCRIPTION_KEY, pay

KEY = {"Ocp-Apim-Subscription-Key": SUBSCRIPTION_KEY}


def test_provisioning_token_and_bad_credentials(momo_sandbox, client):
    user = str(uuid.uuid4())
    client.create_api_user(reference_id=user, callback_host="nsia.example")
    with pytest.raises(MomoDuplicateReference):
        client.create_api_user(reference_id=user, callback_host="nsia.example")
    with pytest.raises(MomoBadRequest):
        client.create_api_user(reference_id="pas-un-uuid", callback_host="nsia.example")
    assert client.get_api_user(user) == {
        "providerCallbackHost": "nsia.example",
        "targetEnvironment": "sandbox",
    }

    url = momo_sandbox.base_url + "/collection/token/"
    assert requests.post(url, headers=KEY, auth=(user, "x"), timeout=2).status_code == 500
    key = client.create_api_key(user)
    assert len(key) == 32 and int(key, 16) >= 0
    token = requests.post(url, headers=KEY, auth=(user, key), timeout=2)
    assert token.status_code == 200
    body = token.json()
    assert body["token_type"] == "access_token" and body["expires_in"] == 3600
    assert body["access_token"].count(".") == 2  # shaped like MTN's JWT
    refused = requests.post(url, headers=KEY, auth=(user, "0" * 32), timeout=2)
    assert (refused.status_code, refused.json()) == (401, {"error": "login_failed"})


def test_subscription_key_missing_or_wrong(momo_sandbox, client_for):
    url = momo_sandbox.base_url + "/collection/token/"
    missing = requests.post(url, auth=(API_USER, API_KEY), timeout=2)
    assert missing.status_code == 401
    assert "missing subscription key" in missing.json()["message"]
    wrong = requests.post(url, headers={"Ocp-Apim-Subscription-Key": "x"}, auth=(API_USER, API_KEY))
    assert wrong.status_code == 401 and "invalid subscription key" in wrong.json()["message"]
    with pytest.raises(MomoAuthError):
        pay(client_for(subscription_key="mauvaise-cle"))
    with pytest.raises(MomoAuthError):
        pay(client_for(api_key="0" * 32))


def test_bearer_required_on_collection_calls(momo_sandbox):
    url = f"{momo_sandbox.base_url}/collection/v1_0/requesttopay/{uuid.uuid4()}"
    headers = {**KEY, "X-Target-Environment": "sandbox"}
    assert requests.get(url, headers=headers, timeout=2).status_code == 401
    bearer = {**headers, "Authorization": "Bearer inconnu"}
    assert requests.get(url, headers=bearer, timeout=2).status_code == 401


def test_request_to_pay_answers_202_with_an_empty_body(momo_sandbox, client):
    token = client._bearer()
    response = requests.post(
        momo_sandbox.base_url + "/collection/v1_0/requesttopay",
        headers={
            **KEY,
            "Authorization": f"Bearer {token}",
            "X-Reference-Id": str(uuid.uuid4()),
            "X-Target-Environment": "sandbox",
        },
        json={
            "amount": "5000",
            "currency": "EUR",
            "externalId": "PAY-1",
            "payer": {"partyIdType": "MSISDN", "partyId": "242061234567"},
            "payerMessage": "m",
            "payeeNote": "n",
        },
        timeout=2,
    )
    assert (response.status_code, response.content) == (202, b"")


def test_duplicate_reference_bad_uuid_and_malformed_body(client):
    reference = pay(client)
    with pytest.raises(MomoDuplicateReference) as duplicate:
        pay(client, reference=reference)
    assert duplicate.value.code == "RESOURCE_ALREADY_EXIST"
    with pytest.raises(MomoBadRequest):
        pay(client, reference="pas-un-uuid")
    with pytest.raises(MomoBadRequest):
        pay(client, amount=0)


def test_sandbox_takes_eur_only_and_its_own_target_environment(client_for):
    with pytest.raises(MomoRejected) as currency:
        pay(client_for(currency="XAF"))
    assert currency.value.code == "INVALID_CURRENCY"
    with pytest.raises(MomoRejected) as environment:
        pay(client_for(target_environment="mtncongo"))
    assert environment.value.code == "NOT_ALLOWED_TARGET_ENVIRONMENT"


def test_callback_host_must_be_the_api_users(client, client_for):
    user = str(uuid.uuid4())
    client.create_api_user(reference_id=user, callback_host="127.0.0.1")
    key = client.create_api_key(user)
    elsewhere = client_for(api_user=user, api_key=key, callback_url="http://ailleurs.example/cb")
    with pytest.raises(MomoRejected) as refused:
        pay(elsewhere)
    assert refused.value.code == "INVALID_CALLBACK_URL_HOST"
    pay(client_for(api_user=user, api_key=key, callback_url="http://127.0.0.1:9/cb"))


def test_unknown_reference_and_other_users_transactions_are_404(client, client_for):
    with pytest.raises(MomoNotFound) as unknown:
        client.get_status(str(uuid.uuid4()))
    assert unknown.value.code == "RESOURCE_NOT_FOUND"
    reference = pay(client)
    user = str(uuid.uuid4())
    client.create_api_user(reference_id=user, callback_host="127.0.0.1")
    other = client_for(api_user=user, api_key=client.create_api_key(user))
    with pytest.raises(MomoNotFound):
        other.get_status(reference)


@pytest.mark.parametrize(
    ("msisdn", "status", "reason"),
    [
        ("46733123450", "FAILED", "INTERNAL_PROCESSING_ERROR"),
        ("46733123451", "FAILED", "APPROVAL_REJECTED"),
        ("46733123452", "FAILED", "EXPIRED"),
        ("46733123454", "PENDING", None),
        ("46733123455", "FAILED", "PAYER_NOT_FOUND"),
        ("46733123456", "FAILED", "PAYEE_NOT_ALLOWED_TO_RECEIVE"),
        ("46733123457", "FAILED", "NOT_ALLOWED"),
        ("46733123458", "FAILED", "NOT_ALLOWED_TARGET_ENVIRONMENT"),
        ("46733123459", "FAILED", "INVALID_CALLBACK_URL_HOST"),
        ("46733123460", "FAILED", "INVALID_CURRENCY"),
        ("46733123461", "FAILED", "INTERNAL_PROCESSING_ERROR"),
        ("46733123462", "FAILED", "SERVICE_UNAVAILABLE"),
        ("46733123463", "FAILED", "COULD_NOT_PERFORM_TRANSACTION"),
        ("242061234567", "SUCCESSFUL", None),
        ("+242051234567", "SUCCESSFUL", None),
        ("46733129999", "SUCCESSFUL", None),
    ],
)
def test_every_test_number(client, msisdn, status, reason):
    result = client.get_status(pay(client, msisdn))
    assert (result.status, result.reason_code) == (TransactionStatus(status), reason)
    assert (result.financial_transaction_id is not None) == (status == "SUCCESSFUL")
    assert result.amount == "1250" and result.currency == "EUR"
    assert result.external_id == "PAY-TEST-1" and result.payer == msisdn.lstrip("+")


def test_ongoing_number_is_pending_then_successful(momo_sandbox, client):
    reference = pay(client, "46733123453")
    assert client.get_status(reference).status is TransactionStatus.PENDING
    time.sleep(0.35)  # the fixture's ongoing delay is 0.3 s
    assert client.get_status(reference).status is TransactionStatus.SUCCESSFUL


def test_delayed_number_waits_until_settled(momo_sandbox, client):
    reference = pay(client, "46733123454")
    assert client.get_status(reference).status is TransactionStatus.PENDING
    momo_sandbox.settle(reference, "FAILED", "APPROVAL_REJECTED")
    settled = client.get_status(reference)
    assert (settled.status, settled.reason_code) == (TransactionStatus.FAILED, "APPROVAL_REJECTED")


def test_reason_as_an_object_is_read_too(momo_sandbox, client):
    momo_sandbox.configure(reason_format="object")
    result = client.get_status(pay(client, "46733123451"))
    assert result.reason_code == "APPROVAL_REJECTED" and result.reason_message


def test_account_holder_and_balance(client):
    assert client.is_account_holder_active("+242061234567") is True
    assert client.is_account_holder_active("46733123450") is False
    with pytest.raises(MomoRejected):
        client.is_account_holder_active("46733123452")
    balance = client.get_balance()
    assert balance.currency == "EUR" and float(balance.available_balance) > 0


def test_command_line_sandbox_with_preprovisioned_user():
    env = {
        "MOMO_SANDBOX_API_USER": API_USER,
        "MOMO_SANDBOX_API_KEY": API_KEY,
        "MOMO_SANDBOX_SUBSCRIPTION_KEY": SUBSCRIPTION_KEY,
        "MOMO_SANDBOX_PROCESSING_SECONDS": "0",
    }
    with SandboxProcess(env=env) as sandbox:
        credentials = base64.b64encode(f"{API_USER}:{API_KEY}".encode()).decode()
        token = requests.post(
            sandbox.base_url + "/collection/token/",
            headers={**KEY, "Authorization": f"Basic {credentials}"},
            timeout=2,
        )
        assert token.status_code == 200
        assert sandbox.token_calls() == 1
