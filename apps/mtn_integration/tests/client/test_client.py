"""Our Collection client against the sandbox: token cache, faults, what it reports, masking."""

import threading
import time
import uuid

import pytest

from apps.mtn_integration.momo import (
    MOTIFS,
    MomoDuplicateReference,
    MomoNotFound,
    MomoTimeout,
    MomoUnavailable,
    TransactionStatus,
    mask_msisdn,
    motif_francais,
)

from ..conftest import API_KEY, SUBSCRIPTION_KEY, pay

SAFE = {"amount": 100, "external_id": "PAY-SAFE", "payer_msisdn": "242061234567"}


def test_token_reused_until_it_expires_and_across_threads(momo_sandbox, client):
    pay(client)
    threads = [threading.Thread(target=client.get_balance) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    client.get_status(pay(client))
    assert momo_sandbox.token_calls() == 1


def test_token_refused_by_mtn_is_renewed_once(momo_sandbox, client):
    pay(client)
    momo_sandbox.expire_tokens()  # MTN forgets the token before its announced expiry
    assert client.get_status(pay(client)).status is TransactionStatus.SUCCESSFUL
    assert momo_sandbox.token_calls() == 2


def test_status_faults_become_our_exceptions(momo_sandbox, client_for):
    client = client_for(timeout=0.4)
    reference = pay(client)
    momo_sandbox.set_faults(status="error500")
    with pytest.raises(MomoUnavailable):
        client.get_status(reference)
    momo_sandbox.set_faults(status="error503")
    with pytest.raises(MomoUnavailable) as unavailable:
        client.get_status(reference)
    assert unavailable.value.code == "SERVICE_UNAVAILABLE"
    momo_sandbox.set_faults(status="hang", hang_seconds=3, scope="next")
    with pytest.raises(MomoTimeout):
        client.get_status(reference)
    assert client.get_status(reference).status is TransactionStatus.SUCCESSFUL


def test_faults_scoped_to_one_payer(momo_sandbox, client):
    momo_sandbox.set_faults(requesttopay="error500", scope="46733123451")
    pay(client)
    with pytest.raises(MomoUnavailable):
        pay(client, "46733123451")


def test_connection_refused_is_unavailable(client_for):
    with pytest.raises(MomoUnavailable):
        client_for(base_url="http://127.0.0.1:9").get_balance()


def test_slow_request_to_pay_answers_after_the_delay_and_is_then_accepted(momo_sandbox, client):
    momo_sandbox.set_faults(requesttopay="slow", hang_seconds=0.5)
    debut = time.monotonic()
    reference = pay(client)
    assert time.monotonic() - debut >= 0.5
    assert [t["referenceId"] for t in momo_sandbox.transactions()] == [reference]
    assert client.get_status(reference).status is TransactionStatus.SUCCESSFUL


# What to do with an unknown outcome (ask the status, re-send only on 404) is the payment
# core's rule, tested through it: apps/paiements/tests (transaction_verifier). Here, only
# what the client itself reports.
def test_accepted_after_the_client_timed_out_is_a_timeout_and_exists_at_mtn(momo_sandbox, client_for):
    client = client_for(timeout=0.4)
    momo_sandbox.set_faults(requesttopay="accept_then_hang", hang_seconds=3, scope="next")
    reference = str(uuid.uuid4())
    with pytest.raises(MomoTimeout):
        client.request_to_pay(reference_id=reference, **SAFE)
    assert client.get_status(reference).status in (TransactionStatus.PENDING, TransactionStatus.SUCCESSFUL)
    assert momo_sandbox.calls()["POST /collection/v1_0/requesttopay"] == 1


def test_never_created_after_a_500_is_not_found(momo_sandbox, client):
    momo_sandbox.set_faults(requesttopay="error500", scope="next")
    reference = str(uuid.uuid4())
    with pytest.raises(MomoUnavailable):
        client.request_to_pay(reference_id=reference, **SAFE)
    with pytest.raises(MomoNotFound):
        client.get_status(reference)


def test_the_same_reference_twice_is_a_duplicate(momo_sandbox, client):
    reference = str(uuid.uuid4())
    client.request_to_pay(reference_id=reference, **SAFE)
    with pytest.raises(MomoDuplicateReference):
        client.request_to_pay(reference_id=reference, **SAFE)
    assert len(momo_sandbox.transactions()) == 1


def test_recorded_calls_hold_no_secret_and_no_full_phone_number(momo_sandbox, client_for):
    calls = []
    client = client_for(recorder=calls.append, callback_url="http://127.0.0.1:9/cb")
    reference = pay(client, "242061234567")
    status = client.get_status(reference)
    client.is_account_holder_active("242061234567")
    assert [c.path for c in calls] == [
        "/collection/token/",
        "/collection/v1_0/requesttopay",
        f"/collection/v1_0/requesttopay/{reference}",
        "/collection/v1_0/accountholder/msisdn/24206*****67/active",
    ]
    assert [c.status_code for c in calls] == [200, 202, 200, 200]
    assert calls[1].reference_id == reference and calls[1].duration_ms >= 0
    recorded = repr(calls)
    token = client._bearer()
    for secret in (API_KEY, SUBSCRIPTION_KEY, token, "242061234567", "Bearer", "Basic"):
        assert secret not in recorded
    assert "24206*****67" in recorded
    assert status.financial_transaction_id in calls[2].response_body  # kept for the audit trail
    assert '"access_token": "***"' in calls[0].response_body
    assert API_KEY not in repr(client.config) and SUBSCRIPTION_KEY not in repr(client.config)


def test_a_failing_recorder_never_breaks_a_payment(client_for):
    def broken(call):
        raise RuntimeError("database down")

    client = client_for(recorder=broken)
    assert client.get_status(pay(client)).status is TransactionStatus.SUCCESSFUL


def test_timeout_is_recorded_as_such(momo_sandbox, client_for):
    calls = []
    client = client_for(recorder=calls.append, timeout=0.4)
    momo_sandbox.set_faults(status="hang", hang_seconds=3)
    with pytest.raises(MomoTimeout):
        client.get_status(str(uuid.uuid4()))
    assert (calls[-1].status_code, calls[-1].error) == (None, "timeout")


def test_mask_msisdn():
    assert mask_msisdn("242061234567") == "24206*****67"
    assert mask_msisdn("46733123450") == "46733****50"
    assert mask_msisdn("1234") == "****"


@pytest.mark.parametrize(
    "code",
    [
        "PAYER_NOT_FOUND",
        "NOT_ENOUGH_FUNDS",
        "APPROVAL_REJECTED",
        "EXPIRED",
        "TRANSACTION_CANCELED",
        "PAYEE_NOT_ALLOWED_TO_RECEIVE",
        "NOT_ALLOWED",
        "INTERNAL_PROCESSING_ERROR",
        "COULD_NOT_PERFORM_TRANSACTION",
        "SERVICE_UNAVAILABLE",
    ],
)
def test_every_reason_of_momo_md_has_its_french_sentence(code):
    assert code in MOTIFS and motif_francais(code.lower()) == MOTIFS[code]


def test_unknown_reason_gets_the_default_sentence():
    assert motif_francais("SOMETHING_NEW") == motif_francais(None) != ""
    assert motif_francais("APPROVAL_REJECTED") == "Vous avez refusé le paiement sur votre téléphone."
